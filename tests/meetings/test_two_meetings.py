"""The regulation's «не реже 2-х раз за учебный год», around the school year's boundaries."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import start_year_of
from meetings.selectors import two_meetings_status
from tests.factories import AcademicYearFactory
from tests.meetings.factories import agenda_item, make_meeting


@pytest.fixture
def year(db):
    return AcademicYearFactory(start_year=2025)


def held(year, day, approved=True):
    return make_meeting(year, date=day, agenda=[agenda_item()], approved=approved)


def test_first_day_of_the_year_warns_with_the_whole_year_left(year):
    status = two_meetings_status(year, datetime.date(2025, 9, 1))
    assert (status.held, status.required, status.warning, status.days_left) == (0, 2, True, 364)


def test_last_day_of_the_year_has_no_days_left(year):
    held(year, datetime.date(2025, 10, 15))
    status = two_meetings_status(year, datetime.date(2026, 8, 31))
    assert (status.held, status.warning, status.missing, status.days_left) == (1, True, 1, 0)


def test_after_the_year_ends_the_warning_stays_and_counts_no_days(year):
    status = two_meetings_status(year, datetime.date(2026, 9, 1))
    assert (status.warning, status.days_left, status.is_over) == (True, 0, True)


def test_a_meeting_counts_from_its_own_date(year):
    held(year, datetime.date(2025, 10, 15))
    held(year, datetime.date(2026, 4, 20))
    assert two_meetings_status(year, datetime.date(2026, 4, 19)).held == 1
    status = two_meetings_status(year, datetime.date(2026, 4, 20))
    assert (status.held, status.warning) == (2, False)


def test_a_draft_does_not_count(year):
    held(year, datetime.date(2025, 10, 15))
    held(year, datetime.date(2025, 11, 15), approved=False)
    assert two_meetings_status(year, datetime.date(2026, 1, 10)).held == 1


def test_meetings_of_the_previous_year_do_not_count(year):
    previous = AcademicYearFactory(start_year=2024)
    held(previous, datetime.date(2025, 4, 15))
    held(previous, datetime.date(2025, 8, 31))
    assert two_meetings_status(year, datetime.date(2025, 9, 1)).held == 0


def test_meeting_list_of_a_year_warns_in_russian(as_coordinator_a, year):
    held(year, datetime.date(2025, 10, 15))
    response = as_coordinator_a.get(reverse("meetings:meeting_list"), {"year": year.pk})
    text = " ".join(response.content.decode().split())
    assert "В 2025/2026 учебном году проведено заседаний МШН: 1 из 2 обязательных." in text


def test_home_page_shows_the_current_years_figures(as_methodist):
    today = timezone.localdate()
    current = AcademicYearFactory(start_year=start_year_of(today))
    held(current, current.start_date)
    text = " ".join(as_methodist.get("/").content.decode().split())
    assert f"В {current} учебном году проведено заседаний МШН: 1 из 2 обязательных." in text
    assert f"осталось дней: {(current.end_date - today).days}" in text
    assert 'data-testid="figure-roadmap-overdue"' in text


def test_year_page_warns_while_fewer_than_two_meetings_held(as_department):
    from django.utils import timezone

    from directory.models import AcademicYear, start_year_of

    year, _ = AcademicYear.objects.get_or_create(start_year=start_year_of(timezone.localdate()))
    page = as_department.get(year.get_absolute_url()).content.decode()
    assert 'data-testid="two-meetings-warning"' in page
    assert f"В {year} учебном году проведено заседаний МШН: 0 из 2 обязательных" in page
