"""What the open site shows: only what is marked public and approved, never a name without a publication
consent in force, never an attendance list. Every page reads through these functions, and so do the feeds,
the calendar and the sitemap, so no page shows more than another.

The site is the school of the installation's first district (its documents, roadmap, decisions and events);
the showcase of practices is the region's: every district's published practices."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from banks.models import NormativeDocument, Practice
from banks.selectors import published_practices
from directory.models import AcademicYear, first_district
from events.models import Event
from meetings.models import AgendaItem, Meeting, MeetingStatus, RoadmapItem, RoadmapStatus
from registry.selectors import publication_consented

HOME_ROWS = 3  # events, practices and documents on the home page
FEED_ROWS = 30  # entries of the RSS/Atom feed
CALENDAR_DAYS_BACK = 365  # the .ics feed keeps a year of past entries, so a phone does not lose them at once


def public_documents() -> QuerySet[NormativeDocument]:
    return NormativeDocument.objects.filter(is_public=True, district__in=first_district()).order_by(
        "-issued_on", "id"
    )


def roadmap_of(year: AcademicYear) -> QuerySet[RoadmapItem]:
    """The year's roadmap without cancelled items; a responsible person's name only with their consent."""
    return (
        RoadmapItem.objects.filter(year=year, district__in=first_district())
        .exclude(status=RoadmapStatus.CANCELLED)
        .select_related("responsible_person", "responsible_organization")
        .annotate(person_named=publication_consented("responsible_person"))
        .order_by("position", "id")
    )


def public_responsible(item: RoadmapItem) -> str:
    parts = [
        item.responsible_person.short_name if item.responsible_person and item.person_named else "",
        item.responsible_organization.short_name if item.responsible_organization else "",
        item.responsible_text,
    ]
    return ", ".join(part for part in parts if part) or "—"


def approved_meetings() -> QuerySet[Meeting]:
    """Approved meetings with their agenda topics and decisions; names (chair, secretary, present, speakers,
    the «heard» and «spoke» texts) are not even read."""
    agenda = AgendaItem.objects.only("meeting_id", "position", "topic", "decisions").order_by(
        "position", "id"
    )
    return (
        Meeting.objects.filter(status=MeetingStatus.APPROVED, district__in=first_district())
        .only("year_id", "number", "date", "time", "place", "is_online", "updated_at")
        .prefetch_related(Prefetch("agenda", queryset=agenda))
        .order_by("date", "number")
    )


def years_with_decisions() -> list[AcademicYear]:
    meetings = Meeting.objects.filter(status=MeetingStatus.APPROVED, district__in=first_district())
    return list(AcademicYear.objects.filter(pk__in=meetings.values("year")).order_by("-start_year"))


def public_events() -> QuerySet[Event]:
    """Events marked public and not cancelled, without participants."""
    return Event.objects.filter(
        is_public=True, is_cancelled=False, district__in=first_district()
    ).select_related("organizer")


def coming_events(today: datetime.date) -> QuerySet[Event]:
    running = Q(ends_on__gte=today) | Q(ends_on__isnull=True, starts_on__gte=today)
    return public_events().filter(running).order_by("starts_on", "time", "id")


def calendar_entries(today: datetime.date) -> tuple[list[Event], list[Meeting]]:
    """The .ics feed: public events and approved meetings from a year ago on."""
    since = today - datetime.timedelta(days=CALENDAR_DAYS_BACK)
    events = list(public_events().filter(starts_on__gte=since).order_by("starts_on", "id"))
    meetings = list(approved_meetings().filter(date__gte=since))
    return events, meetings


def best_practices() -> QuerySet[Practice]:
    return published_practices().order_by("-is_best", "-published_on", "-id")


@dataclass(frozen=True)
class FeedEntry:
    title: str
    description: str
    link: str
    published: datetime.datetime | datetime.date
    category: str


def feed_entries() -> list[FeedEntry]:
    """Newly published practices and documents, newest first (two queries)."""
    practices = [
        FeedEntry(
            title=practice.title,
            description=practice.description[:500],
            link=practice.get_public_url(),
            published=practice.published_on,
            category="Практика",
        )
        for practice in Practice.objects.filter(pk__in=published_practices().values("pk"))
        .only("title", "description", "published_on")
        .exclude(published_on=None)
        .order_by("-published_on", "-id")[:FEED_ROWS]
    ]
    documents = [
        FeedEntry(
            title=f"{document.reference} «{document.title}»",
            description=document.note or document.issuer,
            link=reverse("public:documents") + f"#document-{document.pk}",
            published=document.published_at,
            category="Документ",
        )
        for document in public_documents().exclude(published_at=None).order_by("-published_at")[:FEED_ROWS]
    ]
    return sorted(practices + documents, key=lambda entry: as_datetime(entry.published), reverse=True)[
        :FEED_ROWS
    ]


def as_datetime(value) -> datetime.datetime:
    """A date as the start of its day in the site's zone, so dates and moments sort together."""
    if isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))
