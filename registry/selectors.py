"""Reads of the registry, always scoped to the user through core.access."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from core import access
from registry.models import Consent, ConsentKind, Mentee, Mentor, Pair, PairStatus, Person, Program

PERSON_ORG = "organization"
MEMBER_ORG = "person__organization"
PAIR_ORG = "organization"
PROGRAM_ORG = "pair__organization"

OPEN_PAIR_STATUSES = (PairStatus.FORMING, PairStatus.ACTIVE)


def publication_consented(person_field: str = "pk") -> Exists:
    """Whether the person at `person_field` of the outer query has a publication consent in force: without
    one, no public page and no other organisation's reader sees their name (152-ФЗ)."""
    return Exists(
        Consent.objects.in_force().filter(person=OuterRef(person_field), kind=ConsentKind.PUBLICATION)
    )


def consents_for(user):
    return access.scope(user, Consent.objects.select_related("person"), MEMBER_ORG)


def people_for(user):
    return access.scope(user, Person.objects.select_related("organization"), PERSON_ORG)


def people_listed_for(user):
    """people_for with what a list shows, fetched for the shown rows only (prefetches, not annotations:
    a per-row flag computed in the SELECT would be computed for every person of the region)."""
    consents = Consent.objects.in_force().filter(kind=ConsentKind.PROCESSING)
    return people_for(user).prefetch_related(
        Prefetch("consents", queryset=consents, to_attr="processing_consents"),
        Prefetch("mentee__pairs", queryset=active_pairs(), to_attr="active_pairs"),
    )


def active_pairs():
    return Pair.objects.filter(status=PairStatus.ACTIVE).only("id")


def mentors_for(user):
    # A correlated count per shown row: the page never aggregates over every mentor of the region.
    open_mentees = (
        Pair.mentees.through.objects.filter(pair__mentor=OuterRef("pk"), pair__status__in=OPEN_PAIR_STATUSES)
        .order_by()
        .values("pair__mentor")
        .annotate(n=Count("id"))
        .values("n")
    )
    queryset = Mentor.objects.select_related("person__organization").annotate(
        load=Coalesce(Subquery(open_mentees), 0)
    )
    return access.scope(user, queryset, MEMBER_ORG)


def mentees_for(user):
    return access.scope(user, Mentee.objects.select_related("person__organization"), MEMBER_ORG)


def mentees_listed_for(user):
    return mentees_for(user).prefetch_related(
        Prefetch("pairs", queryset=active_pairs(), to_attr="active_pairs")
    )


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
