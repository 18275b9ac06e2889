"""Reads of this capability, always scoped to the user through core.access.

Events and partners are the school's own records: every account reads them. Trainings belong to a
person, so a coordinator reads only their organisation's.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from core import access
from core.queries import subquery_count
from directory.models import start_year_of
from events.models import (
    Event,
    EventKind,
    Interaction,
    ParticipantResult,
    Participation,
    Partner,
    Training,
)

TRAINING_ORG = "person__organization"
AWARDED = (ParticipantResult.WINNER, ParticipantResult.PRIZE_WINNER)


def events_for(user) -> QuerySet[Event]:
    participants = Participation.objects.filter(event=OuterRef("pk"))
    queryset = Event.objects.select_related("organizer", "year").annotate(
        participant_count=subquery_count(participants),
        awarded_count=subquery_count(participants.filter(result__in=AWARDED)),
    )
    queryset = queryset.order_by("-starts_on", "-id")
    return access.scope(user, queryset, None)


def event_with_details(queryset: QuerySet[Event]) -> QuerySet[Event]:
    participants = Participation.objects.select_related("person__organization")
    return queryset.prefetch_related(Prefetch("participants", queryset=participants), "materials")


def participant_rows(user, event: Event) -> list[tuple[Participation, bool]]:
    """The event's (prefetched) participants, each with whether the user may see the person's name:
    a coordinator sees the names of their own organisation's people, others only as a number."""
    everyone = access.reads_everything(user)
    own = getattr(user, "organization_id", None)
    return [(p, everyone or p.person.organization_id == own) for p in event.participants.all()]


def trainings_for(user) -> QuerySet[Training]:
    queryset = Training.objects.select_related("person__organization", "year")
    return access.scope(user, queryset, TRAINING_ORG)


def person_trainings(user, person) -> list[Training]:
    """The person's trainings the user may read, in one query."""
    return list(
        access.scope(user, Training.objects.filter(person=person).select_related("year"), TRAINING_ORG)
    )


def training_totals(queryset: QuerySet[Training]) -> dict:
    """People trained and hours, in one aggregate query."""
    totals = queryset.order_by().aggregate(people=Count("person", distinct=True), hours=Sum("hours"))
    return {"people": totals["people"], "hours": totals["hours"] or 0}


def partners_for(user) -> QuerySet[Partner]:
    queryset = Partner.objects.select_related("organization").annotate(
        interaction_count=Count("interactions"), last_interaction=Max("interactions__date")
    )
    queryset = queryset.order_by("sort_name", "id")  # a grouped query ignores Meta.ordering
    return access.scope(user, queryset, None)


def interactions_for(user) -> QuerySet[Interaction]:
    return access.scope(user, Interaction.objects.select_related("partner", "event"), None)


def year_bounds(start_year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(start_year, 9, 1), datetime.date(start_year + 1, 8, 31)


def home_figures_for(user) -> dict:
    """This school year: events held by kind, people trained and their hours, partner interactions."""
    if not user.is_authenticated:
        return {}
    start_year = start_year_of(timezone.localdate())
    events = access.scope(user, Event.objects.all(), None)
    held = events.filter(year__start_year=start_year, starts_on__lte=timezone.localdate())
    by_kind = held.order_by().aggregate(
        total=Count("id"), **{kind: Count("id", filter=Q(kind=kind)) for kind in EventKind.values}
    )
    first, last = year_bounds(start_year)
    return {
        "events_held": by_kind["total"],
        "events_by_kind": [
            (str(label), by_kind[value]) for value, label in EventKind.choices if by_kind[value]
        ],
        "training": training_totals(trainings_for(user).filter(year__start_year=start_year)),
        "interactions": interactions_for(user).filter(date__range=(first, last)).count(),
    }
