"""Reads of this capability, always scoped to the user through core.access.

Events and partners are the school's own records: every account reads them. Trainings belong to a
person, so a coordinator reads only their organisation's.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import access
from core.attention import Concern, Line, concern
from core.queries import subquery_count
from directory.models import start_year_of
from events.models import (
    Event,
    EventKind,
    Interaction,
    Nomination,
    NominationStatus,
    NominationTransition,
    ParticipantResult,
    Participation,
    Partner,
    Training,
)

TRAINING_ORG = "person__organization"
NOMINATION_ORG = "organization"
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


def nominations_for(user) -> QuerySet[Nomination]:
    """Nominations the user reads: a coordinator only their own organisation's."""
    queryset = Nomination.objects.select_related("event", "person", "organization", "nominated_by")
    return access.scope(
        user, queryset.order_by("-event__starts_on", "event_id", "person__sort_name", "id"), NOMINATION_ORG
    )


def event_nominations(user, event: Event) -> list[Nomination]:
    """The event's nominations the user reads, with their last step, in two queries."""
    steps = NominationTransition.objects.select_related("by").order_by("-at", "-id")
    queryset = (
        nominations_for(user)
        .filter(event=event)
        .order_by("organization__sort_name", "person__sort_name", "id")
    )
    return list(queryset.prefetch_related(Prefetch("transitions", queryset=steps)))


def nomination_counts(user, event: Event) -> dict[str, int]:
    """How many of the event's nominations (in the user's scope) are in each state, in one query."""
    counts = (
        nominations_for(user)
        .filter(event=event)
        .order_by()
        .aggregate(
            total=Count("id"),
            **{status: Count("id", filter=Q(status=status)) for status in NominationStatus.values},
        )
    )
    return counts


def pending_nominations() -> QuerySet[Nomination]:
    """Nominations waiting for the methodologist's decision, oldest event first."""
    return (
        Nomination.objects.filter(status=NominationStatus.NOMINATED)
        .select_related("event", "person", "organization")
        .order_by("event__starts_on", "event_id", "organization__sort_name", "person__sort_name", "id")
    )


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


def attention_for(user, today: datetime.date) -> list[Concern]:
    """The methodologist decides on nominations; coordinators see their results on the event's page."""
    if not access.is_methodist(user):
        return []
    return [
        concern(
            "nominations_pending",
            _("Заявки ОО на мероприятия ждут решения"),
            access.scope(user, pending_nominations(), None),
            nomination_line,
            reverse("events:nomination_list") + "?status=nominated",
        )
    ]


def nomination_line(nomination: Nomination) -> Line:
    return Line(
        f"{nomination.person.full_name} ({nomination.organization.short_name})",
        reverse("events:event_nominations", args=[nomination.event_id]),
        f"{nomination.event.title}, {nomination.event.starts_on:%d.%m.%Y}",
    )
