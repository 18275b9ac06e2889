from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from directory.models import start_year_of
from events.selectors import home_figures_for
from tests.events.factories import EventFactory, InteractionFactory, TrainingFactory
from tests.factories import AcademicYearFactory, PersonFactory


def test_home_figures_count_this_school_year(methodist, coordinator_a, school_a, school_b, as_methodist):
    today = timezone.localdate()
    current = AcademicYearFactory(start_year=start_year_of(today))
    previous = AcademicYearFactory(start_year=current.start_year - 1)
    EventFactory(kind="contest", year=current, starts_on=current.start_date)
    EventFactory(kind="contest", year=current, starts_on=current.start_date)
    EventFactory(kind="seminar", year=current, starts_on=current.start_date)
    EventFactory(kind="seminar", year=previous, starts_on=previous.start_date)
    person_a = PersonFactory(organization=school_a)
    TrainingFactory(person=person_a, year=current, hours=36)
    TrainingFactory(person=person_a, year=current, hours=16)
    TrainingFactory(person=PersonFactory(organization=school_b), year=current, hours=72)
    TrainingFactory(person=person_a, year=previous, hours=100)
    InteractionFactory(date=current.start_date)
    InteractionFactory(date=previous.start_date)

    figures = home_figures_for(methodist)
    assert figures["events_held"] == 3
    assert figures["events_by_kind"] == [("семинар", 1), ("конкурс", 2)]
    assert figures["training"] == {"people": 2, "hours": 124}
    assert figures["interactions"] == 1
    assert home_figures_for(coordinator_a)["training"] == {"people": 1, "hours": 52}

    page = as_methodist.get(reverse("home")).content.decode()
    assert 'data-testid="figure-events-held"' in page and "Часов обучения" in page


def test_future_events_are_not_counted_as_held(methodist):
    today = timezone.localdate()
    current = AcademicYearFactory(start_year=start_year_of(today))
    EventFactory(year=current, starts_on=today + datetime.timedelta(days=1))
    assert home_figures_for(methodist)["events_held"] == 0
