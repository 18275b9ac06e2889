"""The district's home figures are cached for a minute; a coordinator's are always fresh."""

from __future__ import annotations

from django.core.cache import cache
from django.urls import reverse

from home.selectors import DISTRICT_FIGURES_KEY
from tests.factories import PersonFactory
from tests.helpers import count_queries


def test_district_home_figures_are_computed_once_then_read_from_cache(as_methodist, school_a):
    first = count_queries(as_methodist, reverse("home"))
    second = count_queries(as_methodist, reverse("home"))
    assert second < first
    assert cache.get(DISTRICT_FIGURES_KEY)["organizations"]["total"] == 1


def test_department_reads_the_methodists_cached_district_figures(as_methodist, as_department, school_a):
    as_methodist.get(reverse("home"))
    PersonFactory(organization=school_a)  # within the minute: the cached figures stand
    figures = as_department.get(reverse("home")).context["figures"]["registry"]
    assert figures["people"] == 0


def test_district_figures_are_recounted_once_the_cache_expires(as_methodist, school_a):
    as_methodist.get(reverse("home"))
    PersonFactory(organization=school_a)
    cache.delete(DISTRICT_FIGURES_KEY)  # what the minute's expiry does
    assert as_methodist.get(reverse("home")).context["figures"]["registry"]["people"] == 1


def test_coordinator_home_figures_are_never_cached(as_coordinator_a, school_a):
    as_coordinator_a.get(reverse("home"))
    PersonFactory(organization=school_a)
    assert as_coordinator_a.get(reverse("home")).context["figures"]["registry"]["people"] == 1
    assert cache.get(DISTRICT_FIGURES_KEY) is None


def test_coordinator_never_sees_the_cached_district_figures(
    as_methodist, as_coordinator_a, school_a, school_b
):
    PersonFactory(organization=school_b)
    as_methodist.get(reverse("home"))
    assert as_coordinator_a.get(reverse("home")).context["figures"]["registry"]["people"] == 0


def test_cached_district_figures_hold_plain_text_not_lazy_translations(as_methodist, school_a):
    """A lazy label read back from the cache rebuilds its proxy class: milliseconds on every home page."""
    import datetime

    from django.utils import timezone
    from django.utils.functional import Promise

    from directory.models import start_year_of
    from tests.events.factories import EventFactory

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    EventFactory(starts_on=yesterday, year__start_year=start_year_of(yesterday))
    as_methodist.get(reverse("home"))
    figures = cache.get(DISTRICT_FIGURES_KEY)
    labelled = figures["organizations"]["by_kind"] + figures["events"]["events_by_kind"]
    assert len(figures["events"]["events_by_kind"]) == 1
    assert [label for label, _count in labelled if isinstance(label, Promise)] == []
