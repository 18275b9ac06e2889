"""Audit of views: a coordinator's or the department's look at a person's card is written down; the
methodologist reads it. The department reads totals: a minor's card and personal data exports are not for it."""

from __future__ import annotations

from django.utils import timezone

from core import access
from registry.models import ViewLog

SHOWN_VIEWS = 20


def log_view(user, person) -> None:
    """Record a coordinator's or the department's view of the card; the methodologist's are not logged."""
    if access.is_coordinator(user) or access.is_department(user):
        ViewLog.objects.create(user=user, person=person)


def may_open_card(user, person) -> bool:
    """The department sees no personal card of a minor (class, year of birth, legal representative)."""
    return not (access.is_department(user) and person.is_minor_on(timezone.localdate()))


def may_export_personal_data(user) -> bool:
    """A personal data export answers the subject's request: the department never downloads one."""
    return not access.is_department(user)


def card_views_for(user, person) -> list[ViewLog] | None:
    """The latest views of the card by coordinators and the department, for the methodologist only."""
    if not access.is_methodist(user):
        return None
    return list(person.view_logs.select_related("user")[:SHOWN_VIEWS])
