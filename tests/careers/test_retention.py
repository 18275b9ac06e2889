"""The retention ledger over three generated cohort years, with figures known in advance."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from careers.models import AcceptedRetention, EmploymentPeriod
from careers.services import dismiss_person, transfer_person
from indicators import retention
from tests.factories import AcademicYearFactory, MenteeFactory, MentorFactory, PairFactory, PersonFactory

TODAY = datetime.date(2026, 10, 1)
D = datetime.date


def pedagogue(school, start: datetime.date, **fields):
    return PersonFactory(organization=school, experience_start=start, birth_year=1999, **fields)


PAIR_START = D(2022, 9, 15)


def mentored(school, *people, started=PAIR_START):
    PairFactory(
        mentor=MentorFactory(person__organization=school),
        mentees=[MenteeFactory(person=p) for p in people],
        started_on=started,
    )


@pytest.fixture
def cohorts(school_a, school_b):
    """2022: stays (mentor), moves A→B (mentor), leaves after 1½ years, leaves within the year (school B);
    2023: stays (mentor), leaves after 1½ years; 2024: moves A→B, leaves within the year."""
    for start_year in (2021, 2022, 2023, 2024):
        AcademicYearFactory(start_year=start_year)
    stays, moves = pedagogue(school_a, D(2022, 9, 1)), pedagogue(school_a, D(2022, 9, 1))
    mentored(school_a, stays, moves)
    transfer_person(moves, school_b, on=D(2023, 6, 1))
    dismiss_person(pedagogue(school_a, D(2022, 9, 1)), on=D(2024, 1, 31))
    dismiss_person(pedagogue(school_b, D(2022, 11, 1)), on=D(2023, 5, 31))
    mentored(school_a, pedagogue(school_a, D(2023, 9, 1)), started=D(2023, 9, 20))
    dismiss_person(pedagogue(school_a, D(2023, 10, 2)), on=D(2025, 3, 1))
    transfer_person(pedagogue(school_a, D(2024, 9, 2)), school_b, on=D(2025, 2, 1))
    dismiss_person(pedagogue(school_b, D(2024, 9, 2)), on=D(2025, 6, 30))
    pedagogue(school_a, D(2021, 9, 1))  # of the 2021 cohort, whose figures were accepted by hand
    AcceptedRetention.objects.create(
        cohort_year=AcademicYearFactory(start_year=2021), organization=school_a, with_mentor=True,
        cohort=5, after_1=5, after_2=4, after_3=4,
    )  # fmt: skip


def by_year(cohorts_list):
    return {cohort.year.start_year: cohort for cohort in cohorts_list}


def test_ledger_counts_cohorts_from_periods(cohorts, school_a, school_b):
    ledger = by_year(retention.ledger(today=TODAY))
    assert ledger[2022].total().cohort == 4
    assert ledger[2022].total().retained == [3, 2, 2]
    assert ledger[2022].total(True).retained == [2, 2, 2]
    assert ledger[2022].total(False).retained == [1, 0, 0]
    assert ledger[2022].total(organization_id=school_a.pk).cohort == 3  # the mover counts where they began
    assert ledger[2022].total(organization_id=school_b.pk).retained == [0, 0, 0]
    assert ledger[2023].total().retained == [2, 1, None]  # the third year has not come for everyone
    assert ledger[2024].total().retained == [1, None, None]
    assert ledger[2024].total().share(0) == 50.0


def test_mover_stays_retained_and_leaver_does_not(cohorts, school_b):
    mover = EmploymentPeriod.objects.get(organization=school_b, started_on=D(2023, 6, 1)).person
    assert mover.organization == school_b
    assert mover.employment.count() == 2
    assert retention.ledger([school_b.pk], today=TODAY)[1].total().retained == [0, 0, 0]


def test_accepted_figures_replace_the_registry_for_their_year(cohorts):
    ledger = by_year(retention.ledger(today=TODAY))
    assert ledger[2021].source == retention.ACCEPTED
    assert ledger[2021].total().cohort == 5
    assert ledger[2021].total().retained == [5, 4, 4]
    assert ledger[2022].source == retention.REGISTRY


def test_ledger_queries_do_not_grow_with_the_data(cohorts, school_a, django_assert_num_queries):
    with django_assert_num_queries(5):  # years, accepted figures, a query per registry cohort year (3)
        retention.ledger(today=TODAY)
    for _ in range(5):
        dismiss_person(pedagogue(school_a, D(2023, 9, 1)), on=D(2024, 12, 1))
    with django_assert_num_queries(5):
        retention.ledger(today=TODAY)


def test_retention_xlsx_reads_back_the_ledger(cohorts, personas):
    response = personas["methodist"].get(reverse("reports:retention_export"))
    sheet = load_workbook(__import__("io").BytesIO(b"".join(response.streaming_content))).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    district = [r for r in rows if r[0] == "2022/2023" and r[2] == "Район" and r[3] == "все"][0]
    assert district[4:] == [4, 3, 75.0, 2, 50.0, 2, 50.0]


def test_coordinator_sees_only_cohorts_of_their_organisation(cohorts, personas):
    page = personas["coord_b"].get(reverse("reports:retention")).content.decode()
    assert "Школа Б" in page and "Школа А" not in page


def test_dashboard_and_annual_analysis_read_the_ledger(cohorts, personas, methodist):
    from reports.annual import build_annual

    year = AcademicYearFactory(start_year=2025)
    dashboard = personas["methodist"].get(reverse("reports:dashboard"), {"year": year.pk}).content.decode()
    assert "Когорта 2024/2025: через год работают в образовании района 50,0 %" in " ".join(dashboard.split())
    young = next(s for s in build_annual(methodist, year).sections if s.key == "young")
    assert (
        "начавших работу в 2024/2025 учебном году (2), через год работают в образовании района 50,0 %; "
        "с наставником — нет таких в когорте, без наставника — 50,0 %."
    ) in young.paragraphs[-1]
