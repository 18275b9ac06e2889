"""Reads of careers, always scoped to the user through core.access."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404

from careers.models import AcceptedRetention, Certificate, EmploymentPeriod, MentorAgreement
from core import access
from directory.models import PersonCategory
from events.models import Participation
from registry.models import Pair, PairStatus
from registry.selectors import pairs_for

PERIOD_ORG = "organization"
AGREEMENT_ORG = "pair__organization"
CERTIFICATE_ORG = "organization"


def periods_for(user):
    """Periods of work the user may see: a coordinator sees their organisation's, past ones included."""
    queryset = EmploymentPeriod.objects.select_related("person", "organization")
    return access.scope(user, queryset, PERIOD_ORG)


def agreements_for(user):
    queryset = MentorAgreement.objects.select_related(
        "pair__organization", "pair__form", "pair__mentor__person"
    )
    return access.scope(user, queryset, AGREEMENT_ORG)


def certificates_for(user):
    return access.scope(
        user, Certificate.objects.select_related("organization", "issued_by"), CERTIFICATE_ORG
    )


def pair_for(user, pk) -> Pair:
    return get_object_or_404(pairs_for(user), pk=pk)


def pairs_for_order(user, organization_id: int, start: datetime.date, end: datetime.date):
    """The pairs an order on assigning mentors lists: started in [start, end], not ended early."""
    return (
        pairs_for(user)
        .filter(organization_id=organization_id, started_on__range=(start, end))
        .exclude(status=PairStatus.TERMINATED)
        .order_by("started_on", "mentor__person__last_name", "id")
    )


def pairs_without_agreement(pairs):
    """Of `pairs`, those whose pedagogue mentor has no agreement under art. 351.8 (open pairs only)."""
    return pairs.filter(
        mentor__person__category=PersonCategory.PEDAGOGUE,
        agreement__isnull=True,
        status__in=(PairStatus.FORMING, PairStatus.ACTIVE),
    )


def contest_results_for(user, event):
    """Winners and prize-winners of a contest the user may see (a coordinator: their organisation's)."""
    results = Participation.objects.filter(event=event, result__in=("winner", "prize_winner")).select_related(
        "person__organization"
    )
    return access.scope(user, results, "person__organization").order_by("-result", "person__last_name", "id")


def accepted_retention():
    """Accepted figures of the years before the registry: the district's records (no organisation scope:
    the pages are the methodologist's and the department's)."""
    return AcceptedRetention.objects.select_related("cohort_year", "organization").order_by(
        "-cohort_year__start_year", "organization__sort_name", "with_mentor", "id"
    )
