"""Figures of the home page, each an aggregate query scoped to the user."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, Q

from banks import selectors as banks_selectors
from core import access
from directory.models import AcademicYear, MentoringForm, Organization, OrganizationKind, PersonCategory
from events import selectors as events_selectors
from meetings import selectors as meetings_selectors
from registry.models import Mentee, Mentor, MentorStatus, Pair, PairStatus, Person
from registry.selectors import MEMBER_ORG, OPEN_PAIR_STATUSES
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
    people = access.scope(user, Person.objects.filter(is_anonymised=False), "organization")
    figures = people.aggregate(
        people=Count("id"),
        pedagogues=Count("id", filter=Q(category=PersonCategory.PEDAGOGUE)),
        pupils=Count("id", filter=Q(category=PersonCategory.PUPIL)),
    )
    # Counted on their own tables: a join of every person with both would cost the region dearly.
    figures["mentors"] = access.scope(
        user, Mentor.objects.exclude(status=MentorStatus.LEFT), MEMBER_ORG
    ).count()
    figures["mentees"] = access.scope(user, Mentee.objects.all(), MEMBER_ORG).count()
    figures.update(
        access.scope(user, Pair.objects.all(), "organization").aggregate(
            pairs_active=Count("id", filter=Q(status=PairStatus.ACTIVE)),
            pairs_forming=Count("id", filter=Q(status=PairStatus.FORMING)),
            pairs_completed=Count("id", filter=Q(status=PairStatus.COMPLETED)),
            pairs_without_order=Count("id", filter=Q(status__in=OPEN_PAIR_STATUSES, order_number="")),
        )
    )
    figures.update(
        people.young()
        .with_mentor_flag()
        .aggregate(young=Count("id"), young_with_mentor=Count("id", filter=Q(has_mentor=True)))
    )
    return figures


# What each capability adds to the home page (shown by its home_figures.html), under the app's name.
CAPABILITIES = {
    "banks": banks_selectors.home_figures_for,
    "meetings": meetings_selectors.home_figures_for,
    "events": events_selectors.home_figures_for,
    "submissions": submissions_selectors.home_figures_for,
}
# The district's figures aggregate the whole region (tens of milliseconds on every home page of every
# methodologist and department reader): computed at most once a minute per worker process. A coordinator's
# figures cover one organisation, are cheap and must show their own edits at once: never cached.
DISTRICT_FIGURES_KEY = "home-figures:district"
DISTRICT_FIGURES_SECONDS = 60


def home_figures_for(user) -> dict:
    if access.reads_everything(user):
        return cache.get_or_set(
            DISTRICT_FIGURES_KEY, lambda: compute_home_figures(user), DISTRICT_FIGURES_SECONDS
        )
    return compute_home_figures(user)


def compute_home_figures(user) -> dict:
    capabilities = {app: figures_for(user) for app, figures_for in CAPABILITIES.items()}
    return {
        **capabilities,
        "organizations": organization_figures_for(user),
        "registry": registry_figures_for(user),
        "current_year": AcademicYear.objects.current(),
        "forms_active": MentoringForm.objects.filter(is_active=True).count(),
    }
