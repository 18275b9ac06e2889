"""The one place that decides what a user may see and do.

It stands in the foundation (`core`), below every app: the generic views check every page with it.
The roles are the values of `accounts.User.role`.

Roles: the methodologist (and the administrator) read and edit everything; a coordinator reads and
edits only their own organisation's records; the education department reads everything and edits
nothing. Every view and every export reaches data through `scope()` and asks `may_edit()` before a
write, so a coordinator of one school never reaches another's records by editing a URL.
"""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Администратор")
    METHODIST = "methodist", _("Руководитель МШН / методист")
    COORDINATOR = "coordinator", _("Куратор ОО")
    DEPARTMENT = "department", _("Отдел образования")


def is_methodist(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in (Role.ADMIN, Role.METHODIST))


def is_coordinator(user) -> bool:
    return user.is_authenticated and not is_methodist(user) and user.role == Role.COORDINATOR


def is_department(user) -> bool:
    return user.is_authenticated and not is_methodist(user) and user.role == Role.DEPARTMENT


def role_of(user) -> str:
    if is_methodist(user):
        return Role.METHODIST
    return user.role


def reads_everything(user) -> bool:
    return is_methodist(user) or is_department(user)


def scope(user, queryset: QuerySet, org_field: str | None) -> QuerySet:
    """What of `queryset` the user may read; `org_field` leads to the record's organisation id.

    A model without an organisation (`org_field=None`) is reference data that every account reads.
    """
    if not user.is_authenticated:
        return queryset.none()
    if org_field is None or reads_everything(user):
        return queryset
    if is_coordinator(user) and user.organization_id:
        return queryset.filter(**{org_field: user.organization_id})
    return queryset.none()


def may_edit(user, *, coordinator_edits: bool = False, organization_id: int | None = None) -> bool:
    """May the user write; for a coordinator only where the capability lets them and it is their organisation."""
    if is_methodist(user):
        return True
    if coordinator_edits and is_coordinator(user):
        return organization_id is None or organization_id == user.organization_id
    return False


def organization_for_new_records(user):
    """The organisation a new record is bound to: the coordinator's own, or free choice (None)."""
    return user.organization if is_coordinator(user) else None
