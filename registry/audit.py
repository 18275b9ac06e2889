"""Audit of views: a coordinator's look at a person's card is written down; the methodologist reads it."""

from __future__ import annotations

from core import access
from registry.models import ViewLog

SHOWN_VIEWS = 20


def log_view(user, person) -> None:
    """Record a coordinator's view of the card; other roles' views are not logged."""
    if access.is_coordinator(user):
        ViewLog.objects.create(user=user, person=person)


def card_views_for(user, person) -> list[ViewLog] | None:
    """The latest views of the card by coordinators, for the methodologist only (None for others)."""
    if not access.is_methodist(user):
        return None
    return list(person.view_logs.select_related("user")[:SHOWN_VIEWS])
