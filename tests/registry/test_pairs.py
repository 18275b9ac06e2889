from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from directory.models import MentoringForm
from registry import rules, services
from registry.models import MenteeStatus, Pair, PairStatus, PairTransition
from tests.factories import (
    MenteeFactory,
    MentorFactory,
    OrganizationFactory,
    PairFactory,
    PersonFactory,
    PupilFactory,
)
from tests.helpers import count_queries, xlsx_rows


def pair_data(mentor, mentees, form=None, **extra):
    form = form or MentoringForm.objects.get(name="педагог – педагог")
    return {
        "organization": mentor.person.organization_id,
        "form": form.pk,
        "mentor": mentor.pk,
        "mentees": [m.pk for m in mentees],
        "started_on": "01.10.2025",
        "planned_end_on": "31.05.2026",
        "order_number": "45-од",
        "order_date": "25.09.2025",
        **extra,
    }


@pytest.fixture
def mentor_a(school_a):
    return MentorFactory(person__organization=school_a, max_mentees=2)


@pytest.fixture
def young_a(school_a):
    return MenteeFactory(person__organization=school_a, person__last_name="Молодова")


def test_methodist_creates_pair_with_program(as_methodist, mentor_a, young_a):
    response = as_methodist.post(reverse("registry:pair_create"), pair_data(mentor_a, [young_a]))
    pair = Pair.objects.get(mentor=mentor_a)
    assert response["Location"] == pair.get_absolute_url()
    assert list(pair.mentees.all()) == [young_a]
    assert pair.order_date == datetime.date(2025, 9, 25) and pair.status == PairStatus.FORMING
    assert pair.program is not None


def test_coordinator_creates_pair_in_own_organization_only(
    as_coordinator_a, school_a, school_b, mentor_a, young_a
):
    data = pair_data(
        mentor_a, [young_a], organization=school_b.pk
    )  # ignored: the coordinator's school is fixed
    as_coordinator_a.post(reverse("registry:pair_create"), data)
    assert Pair.objects.get(mentor=mentor_a).organization == school_a


def test_coordinator_cannot_pick_other_schools_mentee(as_coordinator_a, school_b, mentor_a):
    stranger = MenteeFactory(person__organization=school_b)
    response = as_coordinator_a.post(reverse("registry:pair_create"), pair_data(mentor_a, [stranger]))
    assert "Выберите корректный вариант" in response.content.decode()
    assert not Pair.objects.exists()


def test_mentor_limit_is_enforced_with_clear_message(as_methodist, school_a, mentor_a):
    mentees = MenteeFactory.create_batch(3, person__organization=school_a)
    response = as_methodist.post(reverse("registry:pair_create"), pair_data(mentor_a, mentees))
    page = response.content.decode()
    assert "уже 0 наставляемых при пределе 2: можно добавить не больше 2" in page
    assert "45-од" in page  # what was typed stays
    assert not Pair.objects.exists()


def test_nobody_mentors_themselves(as_methodist, mentor_a):
    self_mentee = MenteeFactory(person=mentor_a.person)
    response = as_methodist.post(reverse("registry:pair_create"), pair_data(mentor_a, [self_mentee]))
    assert "Наставник не может быть наставляемым в своей же паре" in response.content.decode()


def test_end_date_not_before_start(as_methodist, mentor_a, young_a):
    data = pair_data(mentor_a, [young_a], planned_end_on="01.09.2025")
    response = as_methodist.post(reverse("registry:pair_create"), data)
    assert "Дата окончания не может быть раньше даты начала (01.10.2025)" in response.content.decode()


def test_pupil_pair_needs_pupil_mentor(as_methodist, school_a, mentor_a):
    pupil = MenteeFactory(person=PupilFactory(organization=school_a))
    form = MentoringForm.objects.get(name="учащийся – учащийся")
    response = as_methodist.post(reverse("registry:pair_create"), pair_data(mentor_a, [pupil], form=form))
    assert "наставник — обучающийся" in response.content.decode()


def test_mentor_from_other_organization_only_where_form_allows(as_methodist, school_a, school_b, young_a):
    teacher_b = MentorFactory(person__organization=school_b)
    same_org_form = MentoringForm.objects.get(name="педагог – педагог")
    errors = rules.pair_errors(organization=school_a, form=same_org_form, mentor=teacher_b, mentees=[young_a])
    assert errors["mentor"].startswith("Наставник из другой организации (Школа Б)")
    data = pair_data(teacher_b, [young_a], form=same_org_form, organization=school_a.pk)
    response = as_methodist.post(reverse("registry:pair_create"), data)
    assert "Выберите корректный вариант" in response.content.decode()  # school B's staff are not offered
    partner = OrganizationFactory(kind="partner")
    outsider = MentorFactory(person=PersonFactory(organization=partner, category="employer"))
    pupil = MenteeFactory(person=PupilFactory(organization=school_a))
    employer_form = MentoringForm.objects.get(name="работодатель – ученик")
    data = pair_data(outsider, [pupil], form=employer_form, organization=school_a.pk)
    as_methodist.post(reverse("registry:pair_create"), data)
    assert Pair.objects.get(mentor=outsider).organization == school_a


def test_pair_form_offers_only_the_chosen_organizations_people(
    as_methodist, school_a, school_b, mentor_a, young_a
):
    MentorFactory(person__organization=school_b)
    empty = as_methodist.get(reverse("registry:pair_create")).context["form"]
    assert list(empty.fields["mentor"].queryset) == []
    chosen = as_methodist.get(reverse("registry:pair_create"), {"organization": school_a.pk}).context["form"]
    assert list(chosen.fields["mentor"].queryset) == [mentor_a]
    assert list(chosen.fields["mentees"].queryset) == [young_a]


def test_state_machine_records_who_when_why(methodist, mentor_a, young_a):
    pair = PairFactory(mentor=mentor_a, mentees=[young_a], status=PairStatus.FORMING)
    services.change_pair_status(pair, PairStatus.ACTIVE, user=methodist, reason="Приказ № 45-од")
    services.change_pair_status(pair, PairStatus.COMPLETED, user=methodist, reason="Программа выполнена")
    pair.refresh_from_db()
    young_a.refresh_from_db()
    assert pair.status == PairStatus.COMPLETED and pair.ended_on is not None
    assert young_a.status == MenteeStatus.COMPLETED
    steps = [(t.from_status, t.to_status, t.by, t.reason) for t in PairTransition.objects.filter(pair=pair)]
    assert steps == [
        ("forming", "active", methodist, "Приказ № 45-од"),
        ("active", "completed", methodist, "Программа выполнена"),
    ]


def test_forbidden_transition_is_refused(methodist, mentor_a, young_a):
    pair = PairFactory(mentor=mentor_a, mentees=[young_a], status=PairStatus.FORMING)
    with pytest.raises(ValidationError, match="нельзя перейти"):
        services.change_pair_status(pair, PairStatus.COMPLETED, user=methodist, reason="—")


def test_transition_through_the_page_and_closed_pair_needs_reopening(as_methodist, mentor_a, young_a):
    pair = PairFactory(mentor=mentor_a, mentees=[young_a], status=PairStatus.ACTIVE)
    url = reverse("registry:pair_transition", args=[pair.pk])
    as_methodist.post(url, {"to_status": "terminated", "reason": "Наставник уволился"})
    pair.refresh_from_db()
    assert pair.status == PairStatus.TERMINATED
    response = as_methodist.post(
        reverse("registry:pair_update", args=[pair.pk]), pair_data(mentor_a, [young_a])
    )
    assert "сначала откройте её заново" in response.content.decode()
    page = as_methodist.get(pair.get_absolute_url()).content.decode()
    assert "Наставник уволился" in page and "Открыть заново" in page


def test_transition_without_reason_is_refused(as_methodist, mentor_a, young_a):
    pair = PairFactory(mentor=mentor_a, mentees=[young_a], status=PairStatus.ACTIVE)
    response = as_methodist.post(
        reverse("registry:pair_transition", args=[pair.pk]), {"to_status": "completed"}
    )
    assert "Обязательное поле" in response.content.decode()
    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE


def test_department_cannot_change_pair(as_department, mentor_a, young_a):
    pair = PairFactory(mentor=mentor_a, mentees=[young_a], status=PairStatus.ACTIVE)
    url = reverse("registry:pair_transition", args=[pair.pk])
    assert as_department.post(url, {"to_status": "completed", "reason": "x"}).status_code == 403
    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE


def test_pair_list_filters_and_export(as_methodist, school_a, mentor_a, young_a):
    PairFactory(mentor=mentor_a, mentees=[young_a], status=PairStatus.ACTIVE)
    other = PairFactory(status=PairStatus.COMPLETED)
    response = as_methodist.get(reverse("registry:pair_list"), {"status": "active", "q": "Молодова"})
    assert [obj.mentor for obj, _ in response.context["rows"]] == [mentor_a]
    rows = xlsx_rows(as_methodist.get(reverse("registry:pair_export"), {"organization": school_a.pk}))
    assert rows[0][0] == "Наставник" and len(rows) == 2
    assert rows[1][1] == str(young_a) and rows[1][4] == datetime.datetime(2025, 9, 15)
    assert other.organization != school_a


def add_pairs(count, organization):
    for _ in range(count):
        mentor = MentorFactory(person__organization=organization)
        PairFactory(mentor=mentor, mentees=MenteeFactory.create_batch(2, person__organization=organization))


@pytest.mark.parametrize(
    "url_name", ["registry:pair_list", "registry:mentor_list", "registry:mentee_list", "registry:person_list"]
)
def test_registry_list_query_count_is_fixed(as_methodist, school_a, url_name):
    add_pairs(2, school_a)
    small = count_queries(as_methodist, reverse(url_name))
    add_pairs(12, school_a)
    assert count_queries(as_methodist, reverse(url_name)) == small


def test_pair_detail_query_count_is_fixed(as_methodist, school_a, mentor_a):
    few = PairFactory(mentor=mentor_a, mentees=[MenteeFactory(person__organization=school_a)])
    many_mentor = MentorFactory(person__organization=school_a, max_mentees=10)
    many = PairFactory(
        mentor=many_mentor, mentees=MenteeFactory.create_batch(8, person__organization=school_a)
    )
    assert count_queries(as_methodist, few.get_absolute_url()) == count_queries(
        as_methodist, many.get_absolute_url()
    )


def test_pair_page_names_it_the_same_in_title_breadcrumb_and_heading(
    as_methodist, school_a, mentor_a, young_a
):
    pair = PairFactory(mentor=mentor_a, mentees=[young_a])
    group = PairFactory(mentor=mentor_a, mentees=[MenteeFactory(person__organization=school_a) for _ in "ab"])
    name = f"Пара: {mentor_a} — {young_a}"
    page = as_methodist.get(pair.get_absolute_url()).content.decode()
    assert f"<title>{name} · МШН</title>" in page
    assert f'<li class="breadcrumb-item active" aria-current="page">{name}</li>' in page
    assert f'<h1 class="h3 mb-0 me-auto">{name}</h1>' in page
    program = as_methodist.get(reverse("registry:program_update", args=[pair.pk])).content.decode()
    assert f'<a href="{pair.get_absolute_url()}">{name}</a>' in program  # the program's crumb to its pair
    assert f"Группа: {mentor_a} — " in as_methodist.get(group.get_absolute_url()).content.decode()


def test_coordinators_pair_form_offers_only_people_of_their_scope(
    as_coordinator_a, as_methodist, school_a, school_b, mentor_a, young_a
):
    employer_b = MentorFactory(person=PersonFactory(organization=school_b, category="employer"))
    student_b = MentorFactory(person=PersonFactory(organization=school_b, category="student"))
    offered = as_coordinator_a.get(reverse("registry:pair_create")).context["form"]
    assert list(offered.fields["mentor"].queryset) == [mentor_a]
    assert list(offered.fields["mentees"].queryset) == [young_a]
    data = pair_data(employer_b, [young_a], form=MentoringForm.objects.get(name="работодатель – ученик"))
    refused = as_coordinator_a.post(reverse("registry:pair_create"), {**data, "organization": school_a.pk})
    assert "Выберите корректный вариант" in refused.content.decode()
    assert not Pair.objects.filter(mentor=employer_b).exists()
    # The rules still let the methodist bring partners' and colleges' people into a school's pair.
    chosen = as_methodist.get(reverse("registry:pair_create"), {"organization": school_a.pk}).context["form"]
    assert set(chosen.fields["mentor"].queryset) == {mentor_a, employer_b, student_b}
