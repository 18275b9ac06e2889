"""«Подобрать наставника»: candidates ranked by subject, organisation, training and wished age; only
mentors with free places; one click forms the pair in «формируется»."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from directory.models import MentoringForm
from registry.matching import candidates_for
from registry.models import Mentee, Pair, PairStatus
from tests.factories import (
    MenteeFactory,
    MentorFactory,
    MentoringFormFactory,
    OrganizationFactory,
    PairFactory,
    PersonFactory,
    YoungPedagogueFactory,
)
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def mentor(school, last_name, subjects="", **fields):
    return MentorFactory(
        person__organization=school, person__last_name=last_name, person__subjects=subjects, **fields
    )


@pytest.fixture
def young(school_a):
    MentoringFormFactory()
    today = datetime.date.today()
    return YoungPedagogueFactory(
        organization=school_a,
        subjects="математика, информатика",
        birth_date=today.replace(year=today.year - 25, day=1),
        experience_start=today.replace(year=today.year - 1, day=1),
    )


def test_candidates_are_ranked_by_subject_then_organisation_then_training(methodist, young, school_a):
    mentor(school_a, "Без предмета")
    mentor(school_a, "Обученная", training="КПК «Наставник», 36 ч")
    mentor(school_a, "Математик", "математика")
    names = [c.mentor.person.last_name for c in candidates_for(methodist, young)]
    assert names == ["Математик", "Обученная", "Без предмета"]


def test_wished_age_of_mentees_lifts_a_mentor(methodist, young, school_a):
    mentor(school_a, "Любой")
    mentor(school_a, "Молодёжь", mentee_age_from=20, mentee_age_to=30)
    mentor(school_a, "Старшие", mentee_age_from=40)
    names = [c.mentor.person.last_name for c in candidates_for(methodist, young)]
    assert names[0] == "Молодёжь"


def test_a_full_mentor_and_one_of_another_school_are_not_offered(methodist, young, school_a, school_b):
    full = mentor(school_a, "Занятая", "математика", max_mentees=1)
    PairFactory(mentor=full, mentees=[MenteeFactory(person__organization=school_a)])
    mentor(school_b, "Чужая", "математика")
    free = mentor(school_a, "Свободная")
    assert [c.mentor for c in candidates_for(methodist, young)] == [free]


def test_base_school_mentor_is_offered_when_a_form_admits_other_organisations(methodist, young, school_a):
    base = OrganizationFactory(short_name="Базовая школа", is_base_school=True)
    MentoringForm.objects.create(
        name="педагог – педагог (сетевая)", mentor_category="pedagogue", mentee_category="pedagogue",
        allows_other_organizations=True, position=5,
    )  # fmt: skip
    mentor(base, "Сетевая", "математика")
    [candidate] = candidates_for(methodist, young)
    assert candidate.form.allows_other_organizations
    assert "базовая школа / стажировочная площадка" in candidate.reasons


def test_coordinator_sees_only_their_own_mentors(coordinator_a, young, school_a, school_b):
    own = mentor(school_a, "Своя")
    mentor(school_b, "Чужая")
    assert [c.mentor for c in candidates_for(coordinator_a, young)] == [own]


def test_one_click_forms_the_pair(as_coordinator_a, young, school_a):
    chosen = mentor(school_a, "Математик", "математика")
    url = reverse("registry:mentor_match_pair", args=[young.pk, chosen.pk])
    response = as_coordinator_a.post(url)
    pair = Pair.objects.get()
    assert response["Location"] == pair.get_absolute_url()
    assert (pair.mentor, pair.status, pair.organization) == (chosen, PairStatus.FORMING, school_a)
    assert [m.person for m in pair.mentees.all()] == [young]
    assert Mentee.objects.get(person=young).status == "waiting"
    assert hasattr(pair, "program")


def test_a_mentor_not_among_candidates_is_refused(as_methodist, young, school_b):
    stranger = mentor(school_b, "Чужая")
    url = reverse("registry:mentor_match_pair", args=[young.pk, stranger.pk])
    assert as_methodist.post(url).status_code == 404
    assert not Pair.objects.exists()


def test_department_and_other_coordinator_cannot_match(as_department, personas, young, school_a):
    chosen = mentor(school_a, "Математик")
    url = reverse("registry:mentor_match_pair", args=[young.pk, chosen.pk])
    assert as_department.post(url).status_code == 403
    assert personas["coord_b"].post(url).status_code == 404
    assert not Pair.objects.exists()


def test_match_page_query_count_is_fixed(as_methodist, young, school_a):
    mentor(school_a, "Первая", "математика")
    url = reverse("registry:mentor_match", args=[young.pk])
    small = count_queries(as_methodist, url)
    for n in range(12):
        mentor(school_a, f"Наставник{n}", "физика" if n % 2 else "математика", training="КПК")
    assert count_queries(as_methodist, url) == small
    assert "Создать пару" in as_methodist.get(url).content.decode()


def test_person_page_offers_the_match_to_a_young_pedagogue(as_methodist, young):
    page = as_methodist.get(reverse("registry:person_detail", args=[young.pk])).content.decode()
    assert reverse("registry:mentor_match", args=[young.pk]) in page


def test_mentor_form_refuses_age_from_above_to(as_methodist, school_a):
    person = PersonFactory(organization=school_a)
    response = as_methodist.post(
        reverse("registry:mentor_create"),
        {"person": person.pk, "entered_on": "01.09.2025", "max_mentees": 3, "status": "active",
         "mentee_age_from": 40, "mentee_age_to": 30},
    )  # fmt: skip
    assert "Возраст «до» не может быть меньше возраста «от»." in response.content.decode()
