"""Figures of the home page, each an aggregate query scoped to the user."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, Q

from banks import selectors as banks_selectors
from core import access
from core.freshness import KEEP_SECONDS, figures_version
from directory.models import AcademicYear, MentoringForm, Organization, OrganizationKind, PersonCategory
from events import selectors as events_selectors
from meetings import selectors as meetings_selectors
from registry.models import Pair, PairStatus, Person
from registry.selectors import OPEN_PAIR_STATUSES
from reports.indicators import dashboard_report
from submissions import selectors as submissions_selectors


def organization_figures_for(user) -> dict:
    orgs = access.scope(user, Organization.objects.all(), "id")
    kinds = {kind: Count("id", filter=Q(kind=kind, is_active=True)) for kind in OrganizationKind.values}
    figures = orgs.aggregate(
        total=Count("id", filter=Q(is_active=True)),
        base_schools=Count("id", filter=Q(is_base_school=True, is_active=True)),
        internship_sites=Count("id", filter=Q(is_internship_site=True, is_active=True)),
        **kinds,
    )
    figures["by_kind"] = [(str(label), figures[value]) for value, label in OrganizationKind.choices]
    return figures


def registry_figures_for(user) -> dict:
    """The registry as it stands now (the year's indicators are in `year_figures_for`)."""
    people = access.scope(user, Person.objects.filter(is_anonymised=False), "organization")
    figures = people.aggregate(
        people=Count("id"),
        pedagogues=Count("id", filter=Q(category=PersonCategory.PEDAGOGUE)),
        pupils=Count("id", filter=Q(category=PersonCategory.PUPIL)),
    )
    figures.update(
        access.scope(user, Pair.objects.all(), "organization").aggregate(
            pairs_active=Count("id", filter=Q(status=PairStatus.ACTIVE)),
            pairs_forming=Count("id", filter=Q(status=PairStatus.FORMING)),
            pairs_completed=Count("id", filter=Q(status=PairStatus.COMPLETED)),
            pairs_without_order=Count("id", filter=Q(status__in=OPEN_PAIR_STATUSES, order_number="")),
        )
    )
    return figures


# The current year's indicators on the home page: as the dashboard and the reports state them.
YEAR_CODES = ("mentors", "mentors_in_pairs", "mentees_in_pairs", "pairs_active", "programs", "young",
              "young_with_mentor_share")  # fmt: skip


def year_figures_for(user, year: AcademicYear | None) -> dict:
    if year is None:
        return {}
    report = dashboard_report(user, year)
    return {"report": report, "indicators": [report.indicator(code) for code in YEAR_CODES]}


# What each capability adds to the home page (shown by its home_figures.html), under the app's name.
CAPABILITIES = {
    "banks": banks_selectors.home_figures_for,
    "meetings": meetings_selectors.home_figures_for,
    "events": events_selectors.home_figures_for,
    "submissions": submissions_selectors.home_figures_for,
}


def home_figures_key(user) -> str:
    """The district's figures are one for every reader of the district; a coordinator's, their own. The
    key carries the data's version: one's own change shows on the next page (`core.freshness`)."""
    return f"home-figures:{figures_version()}:{access.scope_key(user)}"


def home_figures_for(user) -> dict:
    return cache.get_or_set(home_figures_key(user), lambda: compute_home_figures(user), KEEP_SECONDS)


def compute_home_figures(user) -> dict:
    capabilities = {app: figures_for(user) for app, figures_for in CAPABILITIES.items()}
    current_year = AcademicYear.objects.current()
    return {
        **capabilities,
        "organizations": organization_figures_for(user),
        "registry": registry_figures_for(user),
        "year": year_figures_for(user, current_year),
        "current_year": current_year,
        "forms_active": MentoringForm.objects.filter(is_active=True).count(),
    }
