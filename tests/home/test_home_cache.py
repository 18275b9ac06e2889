"""Home figures are kept in the shared cache until the data under them changes: one's own change shows
on the very next page, and nobody reads another scope's figures."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from directory.models import start_year_of
from home.selectors import home_figures_key
from meetings.models import MeetingStatus
from tests.factories import AcademicYearFactory, PersonFactory
from tests.helpers import count_queries
from tests.meetings.factories import agenda_item, make_meeting

pytestmark = pytest.mark.django_db


def test_district_home_figures_are_computed_once_then_read_from_cache(as_methodist, methodist, school_a):
    first = count_queries(as_methodist, reverse("home"))
    second = count_queries(as_methodist, reverse("home"))
    assert second < first
    assert cache.get(home_figures_key(methodist))["organizations"]["total"] == 1


def test_department_reads_the_methodists_cached_district_figures(as_methodist, as_department, school_a):
    first = count_queries(as_methodist, reverse("home"))
    assert count_queries(as_department, reverse("home")) < first


def test_a_change_shows_on_the_next_page(as_methodist, as_department, school_a):
    as_methodist.get(reverse("home"))
    PersonFactory(organization=school_a)
    assert as_methodist.get(reverse("home")).context["figures"]["registry"]["people"] == 1
    assert as_department.get(reverse("home")).context["figures"]["registry"]["people"] == 1


def test_the_second_meeting_approved_shows_at_once(as_methodist, methodist):
    """The home page showed «1 из 2» right after the second meeting was approved."""
    today = timezone.localdate()
    year = AcademicYearFactory(start_year=start_year_of(today))
    agenda = [agenda_item("О дорожной карте")]
    make_meeting(year, date=today - datetime.timedelta(days=30), approved=True, user=methodist, agenda=agenda)
    second = make_meeting(year, date=today - datetime.timedelta(days=1), user=methodist, agenda=agenda)
    assert as_methodist.get(reverse("home")).context["figures"]["meetings"]["meetings"].held == 1
    second.status = MeetingStatus.APPROVED
    second.save()
    assert as_methodist.get(reverse("home")).context["figures"]["meetings"]["meetings"].held == 2


def test_coordinator_never_sees_the_cached_district_figures(
    as_methodist, as_coordinator_a, school_a, school_b
):
    PersonFactory(organization=school_b)
    as_methodist.get(reverse("home"))
    assert as_coordinator_a.get(reverse("home")).context["figures"]["registry"]["people"] == 0


def test_cached_district_figures_hold_plain_text_not_lazy_translations(as_methodist, methodist, school_a):
    """A lazy label read back from the cache rebuilds its proxy class: milliseconds on every home page."""
    from django.utils.functional import Promise

    from tests.events.factories import EventFactory

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    EventFactory(starts_on=yesterday, year__start_year=start_year_of(yesterday))
    as_methodist.get(reverse("home"))
    figures = cache.get(home_figures_key(methodist))
    labelled = figures["organizations"]["by_kind"] + figures["events"]["events_by_kind"]
    assert len(figures["events"]["events_by_kind"]) == 1
    assert [label for label, _count in labelled if isinstance(label, Promise)] == []


def test_an_import_of_people_drops_the_kept_figures(as_methodist, methodist, school_a):
    """A bulk import sends no save signals: it says itself that the data changed."""
    from registry.imports import PeoplePlan, apply_people
    from registry.models import Person

    as_methodist.get(reverse("home"))
    person = Person(last_name="Импортова", first_name="Анна", category="pedagogue", organization=school_a)
    apply_people(PeoplePlan(total=1, matched=0, new_people=[person]), methodist)
    assert as_methodist.get(reverse("home")).context["figures"]["registry"]["people"] == 1
