"""The open site's part of the demo district (called by `load_demo`; must be idempotent): the years'
directions, the documents and events the methodologist published, one cancelled event."""

from __future__ import annotations

import datetime

from django.utils import timezone

from banks.models import NormativeDocument
from events.models import Event
from meetings.models import RoadmapItem
from registry.models import Consent, ConsentKind, Person

DIRECTIONS = (
    "Развитие наставнических практик «педагог – учащийся» и «учащийся – учащийся» в школах и детских садах района",
    "Наставничество как ресурс адаптации и профессионального роста молодого педагога",
)
DIRECTION_DOCUMENTS = (
    "приказ МКУ «ЦОМОУ» Кировского муниципального района от 28.08.{year} № {number}-од "
    "«Об утверждении плана методической работы на {title} учебный год»"
)
TIMES = (datetime.time(10, 0), datetime.time(14, 0), datetime.time(15, 30))
UNPUBLISHED_DOCUMENT = "МР-42/02"  # a letter the methodologist keeps for the staff only


def load(demo) -> str:
    """Fill the open site's demo records once; return a line for the console, or ""."""
    if NormativeDocument.objects.filter(is_public=True).exists():
        return ""
    for year, direction, number in zip(demo.years, DIRECTIONS, (98, 112), strict=True):
        year.direction = direction
        year.direction_document = DIRECTION_DOCUMENTS.format(
            year=year.start_year, number=number, title=year.title
        )
        year.save()
    for document in NormativeDocument.objects.exclude(number=UNPUBLISHED_DOCUMENT):
        document.is_public = True
        document.save()  # one by one: each gets its moment of publication for the feed
    events = _publish_events(demo)
    _head_consents(demo)
    return f"Открытый сайт: направления {len(demo.years)} учебных лет, мероприятий в календаре {events}."


def _publish_events(demo) -> int:
    """The current year's events go to the calendar with a starting time; the first coming one (not
    one taking nominations) is cancelled."""
    today = timezone.localdate()
    current = [event for event in Event.objects.filter(year=demo.years[0]).order_by("starts_on", "id")]
    for index, event in enumerate(current):
        event.is_public = True
        event.time = TIMES[index % len(TIMES)] if event.ends_on in (None, event.starts_on) else None
    # An event taking coordinators' nominations (events demo) stays on.
    coming = [event for event in current if event.starts_on >= today and event.nominations_until is None]
    if coming:
        coming[0].is_cancelled = True
    Event.objects.bulk_update(current, ["is_public", "time", "is_cancelled"])
    return len(current) - (1 if coming else 0)


def _head_consents(demo) -> None:
    """The head of the school agreed to be named as responsible on the open site's roadmap."""
    year = demo.years[0]
    heads = Person.objects.filter(pk__in=RoadmapItem.objects.filter(year=year).values("responsible_person"))
    for head in heads:
        Consent.objects.get_or_create(
            person=head,
            kind=ConsentKind.PUBLICATION,
            defaults={"signed_on": year.start_date, "scope": "ФИО и должность на открытом сайте МШН"},
        )
