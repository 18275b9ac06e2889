"""Reads of the registry, always scoped to the user through accounts.access."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from accounts import access
from registry.models import Consent, ConsentKind, Mentee, Mentor, Pair, PairStatus, Person, Program

PERSON_ORG = "organization"
MEMBER_ORG = "person__organization"
PAIR_ORG = "organization"
PROGRAM_ORG = "pair__organization"

OPEN_PAIR_STATUSES = (PairStatus.FORMING, PairStatus.ACTIVE)


def people_for(user):
    consent = Consent.objects.in_force().filter(person=OuterRef("pk"), kind=ConsentKind.PROCESSING)
    queryset = (
        Person.objects.select_related("organization").with_mentor_flag().annotate(has_consent=Exists(consent))
    )
    return access.scope(user, queryset, PERSON_ORG)


def mentors_for(user):
    load = Count("pairs__mentees", filter=Q(pairs__status__in=OPEN_PAIR_STATUSES))
    queryset = (
        Mentor.objects.select_related("person__organization")
        .annotate(load=load)
        .order_by("person__last_name", "person__first_name", "id")
    )
    return access.scope(user, queryset, MEMBER_ORG)


def mentees_for(user):
    active = Pair.objects.filter(mentees=OuterRef("pk"), status=PairStatus.ACTIVE)
    queryset = Mentee.objects.select_related("person__organization").annotate(has_mentor=Exists(active))
    return access.scope(user, queryset, MEMBER_ORG)


def pairs_for(user):
    queryset = Pair.objects.select_related("organization", "form", "mentor__person").prefetch_related(
        Prefetch("mentees", queryset=Mentee.objects.select_related("person"))
    )
    return access.scope(user, queryset, PAIR_ORG)


def programs_for(user):
    return access.scope(user, Program.objects.select_related("pair__organization", "pair__form"), PROGRAM_ORG)


def mentor_load(mentor: Mentor, exclude_pair: Pair | None = None) -> int:
    """Mentees the mentor already takes in forming and active pairs."""
    pairs = mentor.pairs.filter(status__in=OPEN_PAIR_STATUSES)
    if exclude_pair is not None and exclude_pair.pk:
        pairs = pairs.exclude(pk=exclude_pair.pk)
    return Mentee.objects.filter(pairs__in=pairs).count()
