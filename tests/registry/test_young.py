from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import start_year_of
from registry.models import Person
from tests.factories import (
    AcademicYearFactory,
    MenteeFactory,
    MentorFactory,
    PairFactory,
    PersonFactory,
    PupilFactory,
    YoungPedagogueFactory,
)
from tests.helpers import count_queries, xlsx_rows

ON = datetime.date(2024, 9, 1)  # the start of the school year 2024/2025


def young_on(day, **fields) -> bool:
    """The rule as the database applies it, checked against the card's check of a loaded person."""
    person = PersonFactory(**{"birth_year": None, **fields})
    in_database = Person.objects.young(day).filter(pk=person.pk).exists()
    assert Person.objects.get(pk=person.pk).is_young_on(day) == in_database
    return in_database


# --- the rule ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_young_rule_age_34_is_young_35_is_not(school_a):
    experience = {"experience_start": datetime.date(2023, 9, 1), "organization": school_a}
    assert young_on(ON, birth_date=datetime.date(1989, 9, 2), **experience)  # 34, turns 35 tomorrow
    assert not young_on(ON, birth_date=datetime.date(1989, 9, 1), **experience)  # 35 today


@pytest.mark.django_db
def test_young_rule_experience_2_years_is_young_3_is_not(school_a):
    age = {"birth_date": datetime.date(1998, 1, 1), "organization": school_a}
    assert young_on(ON, experience_start=datetime.date(2021, 9, 2), **age)  # 2 years 364 days
    assert not young_on(ON, experience_start=datetime.date(2021, 9, 1), **age)  # 3 years


@pytest.mark.django_db
def test_young_rule_counts_only_who_already_works_that_day(school_a):
    """One who starts in the next school year is not a young pedagogue of this one (nor their mentor)."""
    age = {"birth_date": datetime.date(2000, 1, 1), "organization": school_a}
    assert young_on(ON, experience_start=ON, **age)
    assert not young_on(ON, experience_start=ON + datetime.timedelta(days=1), **age)


@pytest.mark.django_db
def test_young_rule_appointed_by_hand_regardless_of_age(school_a):
    assert young_on(
        ON,
        birth_date=datetime.date(1970, 1, 1),
        experience_start=None,
        is_young_appointed=True,
        organization=school_a,
    )


@pytest.mark.django_db
def test_young_rule_never_a_pupil_even_appointed(school_a):
    pupil = PupilFactory(
        organization=school_a,
        birth_date=datetime.date(2010, 1, 1),
        experience_start=datetime.date(2024, 1, 1),
        is_young_appointed=True,
    )
    assert not Person.objects.young(ON).filter(pk=pupil.pk).exists()
    assert not pupil.is_young_on(ON)


@pytest.mark.django_db
def test_young_rule_by_year_of_birth_only_and_never_anonymised(school_a):
    experience = {"experience_start": datetime.date(2023, 9, 1), "organization": school_a}
    assert young_on(ON, birth_date=None, birth_year=1990, **experience)  # 2024 − 35 = 1989 < 1990
    assert not young_on(ON, birth_date=None, birth_year=1989, **experience)
    assert not young_on(ON, birth_date=None, birth_year=None, **experience)
    assert not young_on(
        ON, birth_date=datetime.date(1998, 1, 1), experience_start=None, organization=school_a
    )
    assert not young_on(ON, birth_date=datetime.date(1998, 1, 1), is_anonymised=True, **experience)


# --- the bank: data of the year 2024/2025 ------------------------------------------------------


def with_pair(person, *, started_on, status="active", ended_on=None):
    mentee = MenteeFactory(person=person)
    mentor = MentorFactory(person__organization=person.organization)
    return PairFactory(
        mentor=mentor, mentees=[mentee], started_on=started_on, status=status, ended_on=ended_on
    )


@pytest.fixture
def bank(school_a, school_b):
    """School A: 3 young (2 with a mentor in 2024/2025), school B: 2 young (none with a mentor)."""
    a_active = YoungPedagogueFactory(organization=school_a, last_name="Активная")
    with_pair(a_active, started_on=datetime.date(2024, 9, 10))
    a_completed = YoungPedagogueFactory(organization=school_a, last_name="Завершившая")
    with_pair(
        a_completed,
        started_on=datetime.date(2024, 9, 10),
        status="completed",
        ended_on=datetime.date(2025, 5, 30),
    )
    a_alone = YoungPedagogueFactory(organization=school_a, last_name="Одинокова")
    with_pair(
        a_alone,
        started_on=datetime.date(2023, 9, 10),
        status="completed",
        ended_on=datetime.date(2024, 5, 30),
    )
    old = PersonFactory(organization=school_a, birth_year=1970, experience_start=datetime.date(1995, 9, 1))
    with_pair(old, started_on=datetime.date(2024, 9, 10))
    b_forming = YoungPedagogueFactory(organization=school_b, last_name="Формируемая")
    with_pair(b_forming, started_on=datetime.date(2024, 9, 10), status="forming")
    b_new = YoungPedagogueFactory(organization=school_b, last_name="Новикова")
    return {
        "year": AcademicYearFactory(start_year=2024),
        "a_active": a_active,
        "a_completed": a_completed,
        "a_alone": a_alone,
        "b_forming": b_forming,
        "b_new": b_new,
    }


def summary_of(response) -> tuple[list, tuple | None]:
    summary = response.context["summary"]
    rows = [(r.name, r.young, r.with_mentor, r.share) for r in summary.rows]
    total = summary.total
    return rows, (total.young, total.with_mentor, total.share) if summary.show_total else None


def young_url(year, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"year": year.pk, **params}.items())
    return f"{reverse('registry:young')}?{query}"


def test_summary_counts_and_share_per_organization_and_total(as_methodist, bank):
    response = as_methodist.get(young_url(bank["year"]))
    rows, total = summary_of(response)
    assert rows == [("Школа А", 3, 2, 66.7), ("Школа Б", 2, 0, 0.0)]
    assert total == (5, 2, 40.0)
    assert response.context["summary"].on == datetime.date(2025, 8, 31)  # a past year: its last day
    page = response.content.decode()
    assert "66,7 %" in page and "Итого по району" in page


def test_summary_filters_by_organization_and_kind(as_department, bank, school_b):
    rows, total = summary_of(as_department.get(young_url(bank["year"], organization=school_b.pk)))
    assert rows == [("Школа Б", 2, 0, 0.0)] and total is None
    rows, _total = summary_of(as_department.get(young_url(bank["year"], kind="kindergarten")))
    assert rows == []


def test_coordinator_sees_only_own_row_and_list(as_coordinator_a, bank):
    response = as_coordinator_a.get(young_url(bank["year"]))
    rows, total = summary_of(response)
    assert rows == [("Школа А", 3, 2, 66.7)] and total is None
    assert [p.last_name for p in response.context["people"]] == ["Одинокова"]
    assert "organization" not in response.context["form"].fields


def test_list_holds_young_without_mentor_with_link_to_base_of_mentees(as_methodist, bank):
    response = as_methodist.get(young_url(bank["year"]))
    people = list(response.context["people"])
    assert [p.last_name for p in people] == ["Одинокова", "Новикова", "Формируемая"]
    page = response.content.decode()
    new = bank["b_new"]
    assert f"{reverse('registry:mentee_create')}?person={new.pk}" in page  # not yet in the base
    forming = bank["b_forming"]
    assert f"{reverse('registry:mentee_create')}?person={forming.pk}" not in page  # already a mentee
    assert reverse("registry:mentee_detail", args=[forming.mentee.pk]) in page


def test_department_sees_list_without_mentee_create_links(as_department, bank):
    page = as_department.get(young_url(bank["year"])).content.decode()
    assert "Новикова" in page
    assert reverse("registry:mentee_create") not in page


def test_default_year_is_current_and_youth_judged_today(as_methodist, school_a):
    today = timezone.localdate()
    current = AcademicYearFactory(start_year=start_year_of(today))
    AcademicYearFactory(start_year=start_year_of(today) - 1)
    YoungPedagogueFactory(
        organization=school_a, birth_date=today.replace(year=today.year - 30), experience_start=today
    )
    response = as_methodist.get(reverse("registry:young"))
    summary = response.context["summary"]
    assert summary.year == current and summary.on == today
    assert [(r.name, r.young) for r in summary.rows] == [("Школа А", 1)]


def test_export_is_the_table_with_numbers_as_numbers(as_methodist, bank):
    url = reverse("registry:young_export") + f"?year={bank['year'].pk}"
    rows = xlsx_rows(as_methodist.get(url))
    assert rows == [
        (
            "Организация",
            "Вид",
            "Молодых педагогов",
            "С наставником",
            "Без наставника",
            "Доля с наставником, %",
        ),
        ("Школа А", "Школа", 3, 2, 1, 66.7),
        ("Школа Б", "Школа", 2, 0, 2, 0),
        ("Итого по району", None, 5, 2, 3, 40),
    ]
    assert isinstance(rows[1][2], int) and isinstance(rows[1][5], float)


def test_export_of_coordinator_has_only_own_row(as_coordinator_a, bank):
    url = reverse("registry:young_export") + f"?year={bank['year'].pk}"
    rows = xlsx_rows(as_coordinator_a.get(url))
    assert rows[1:] == [("Школа А", "Школа", 3, 2, 1, 66.7)]


def make_young(count, organization, year_start):
    for index in range(count):
        person = YoungPedagogueFactory(organization=organization)
        if index % 2:
            with_pair(person, started_on=datetime.date(year_start, 9, 10))


def test_page_runs_same_number_of_queries_at_two_sizes(as_methodist, school_a, school_b):
    year = AcademicYearFactory(start_year=2024)
    make_young(2, school_a, 2024)
    make_young(1, school_b, 2024)
    small = count_queries(as_methodist, young_url(year))
    make_young(30, school_a, 2024)
    make_young(12, school_b, 2024)
    large = count_queries(as_methodist, young_url(year))
    assert small == large == 8


def test_summary_table_is_paginated_with_the_total_over_all(as_methodist, bank, monkeypatch):
    from registry.views import young as young_views

    monkeypatch.setattr(young_views, "SUMMARY_PAGE_SIZE", 1)  # a setting of the page, not our logic
    first = as_methodist.get(young_url(bank["year"]))
    second = as_methodist.get(young_url(bank["year"], orgs=2))
    assert [r.name for r in first.context["summary_page"]] == ["Школа А"]
    assert [r.name for r in second.context["summary_page"]] == ["Школа Б"]
    assert "Организации 2–2 из 2" in second.content.decode()
    assert second.context["summary"].total.young == 5


def test_work_list_pages_cross_organisations_in_order(as_methodist, settings):
    """Pages are cut from the organisations the summary says they cover: none lost, none repeated."""
    from tests.factories import OrganizationFactory

    settings.PAGE_SIZE = 2
    year = AcademicYearFactory(start_year=2024)
    expected = []
    for name, alone, mentored in (("Школа В", 3, 1), ("Школа А", 1, 0), ("Школа Б", 0, 2), ("Школа Г", 2, 1)):
        organization = OrganizationFactory(short_name=name)
        for _ in range(mentored):
            with_pair(YoungPedagogueFactory(organization=organization), started_on=datetime.date(2024, 9, 10))
        for index in range(alone):
            YoungPedagogueFactory(organization=organization, last_name=f"Без пары {index}")
            expected.append((name, f"Без пары {index}"))
    shown = []
    for page in (1, 2, 3):
        response = as_methodist.get(young_url(year, page=page))
        shown += [(p.organization.short_name, p.last_name) for p in response.context["people"]]
    assert response.context["paginator"].count == 6
    assert shown == sorted(expected)
