"""Figures of the home page, each an aggregate query scoped to the user."""

from __future__ import annotations

from django.db.models import Count, Q

from accounts import access
from directory.models import AcademicYear, MentoringForm, Organization, OrganizationKind


def organization_figures_for(user) -> dict:
    orgs = access.scope(user, Organization.objects.all(), "id")
    kinds = {kind: Count("id", filter=Q(kind=kind, is_active=True)) for kind in OrganizationKind.values}
    figures = orgs.aggregate(
        total=Count("id", filter=Q(is_active=True)),
        base_schools=Count("id", filter=Q(is_base_school=True, is_active=True)),
        internship_sites=Count("id", filter=Q(is_internship_site=True, is_active=True)),
        **kinds,
    )
    figures["by_kind"] = [(label, figures[value]) for value, label in OrganizationKind.choices]
    return figures


def home_figures_for(user) -> dict:
    return {
        "organizations": organization_figures_for(user),
        "current_year": AcademicYear.objects.current(),
        "forms_active": MentoringForm.objects.filter(is_active=True).count(),
    }
