"""The one place that decides what a user may see and do.

It stands in the foundation (`core`), below every app: the generic views check every page with it.
The roles are the values of `accounts.User.role`.

Region → district → organisation. The administrator reads and edits every district; the district's
methodologist reads and edits everything of their district; a coordinator reads and edits only their own
organisation's records (and reads their district's meetings, events, banks); the district's education
department reads its district and edits nothing; the regional reader reads every district's figures and
reports and no personal data (a view lets them in with `region_reads`). Every view and every export reaches
data through `scope()` and asks `may_edit()` before a write, so no one reaches another school's or another
district's records by editing a URL.

A record finds its district through its organisation (`org_field` + `__district`) or, for a record of the
district itself (a meeting, an event, a campaign), through the field its model names in `DISTRICT_FIELD`.
A model with neither is reference data of the whole region (school years, forms of mentoring).
"""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Администратор")
    REGION = "region", _("Региональный оператор (край)")
    METHODIST = "methodist", _("Руководитель МШН / методист")
    COORDINATOR = "coordinator", _("Куратор ОО")
    DEPARTMENT = "department", _("Отдел образования")


def is_methodist(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in (Role.ADMIN, Role.METHODIST))


def is_coordinator(user) -> bool:
    return user.is_authenticated and not is_methodist(user) and user.role == Role.COORDINATOR


def is_department(user) -> bool:
    return user.is_authenticated and not is_methodist(user) and user.role == Role.DEPARTMENT


def is_admin(user) -> bool:
    """The administrator of the whole installation (districts, accounts)."""
    return user.is_authenticated and (user.is_superuser or user.role == Role.ADMIN)


def is_region(user) -> bool:
    return user.is_authenticated and not is_methodist(user) and user.role == Role.REGION


def district_of(user) -> int | None:
    """The id of the district the user works in; None for the administrator and the region (every district)
    and for a visitor without an account (who reads only the open pages)."""
    if not user.is_authenticated or user.is_superuser or user.role in (Role.ADMIN, Role.REGION):
        return None
    if user.role == Role.COORDINATOR:
        return user.organization.district_id if user.organization_id else None
    return user.district_id


def district_path(model, org_field: str | None) -> str | None:
    """The lookup from a record of `model` to its district id; None for the region's reference data."""
    own = getattr(model, "DISTRICT_FIELD", None)
    if own is not None:
        return own
    # Every scoped model declares its path today; deriving it from the organisation keeps a new model that
    # forgets to declare it inside its district rather than open to every district.
    if org_field is None:
        return None
    return "district" if org_field == "id" else f"{org_field}__district"


def in_district(queryset: QuerySet, district_id: int | None) -> QuerySet:
    """`queryset` narrowed to one district's records (None: every district of the region)."""
    path = district_path(queryset.model, None)
    return queryset if district_id is None or path is None else queryset.filter(**{path: district_id})


def scope_key(user) -> str:
    """What a user's figures are the same for, in a cache key: their district (or the region), or, for a
    coordinator, their organisation."""
    return f"district{district_of(user)}" if reads_everything(user) else f"org{user.organization_id}"


def role_of(user) -> str:
    if is_methodist(user):
        return Role.METHODIST
    return user.role


def reads_everything(user) -> bool:
    """Reads every organisation of their district (or of the region)."""
    return is_methodist(user) or is_department(user) or is_region(user)


def scope(user, queryset: QuerySet, org_field: str | None) -> QuerySet:
    """What of `queryset` the user may read; `org_field` leads to the record's organisation id (None for a
    record of the district or reference data), the model's `DISTRICT_FIELD` to the district of its own."""
    if not user.is_authenticated:
        return queryset.none()
    if not (reads_everything(user) or (is_coordinator(user) and user.organization_id)):
        return queryset.none()
    district = district_of(user)
    path = district_path(queryset.model, org_field)
    if district is not None and path is not None:
        queryset = queryset.filter(**{path: district})
    if is_coordinator(user) and org_field is not None:
        queryset = queryset.filter(**{org_field: user.organization_id})
    return queryset


def may_edit(user, *, coordinator_edits: bool = False, organization_id: int | None = None) -> bool:
    """May the user write; for a coordinator only where the capability lets them and it is their organisation."""
    if is_methodist(user):
        return True
    if coordinator_edits and is_coordinator(user):
        return organization_id is None or organization_id == user.organization_id
    return False


def bind_to_district(user, record) -> None:
    """A new record of the district belongs to the user's district; the administrator's, in a
    single-district installation, to the only district (the field's default)."""
    if getattr(record, "DISTRICT_FIELD", None) == "district" and record.district_id is None:
        record.district_id = district_of(user) or record._meta.get_field("district").get_default()


def bind_district_id(user) -> int | None:
    """The district a service acting for the user works in: their own; the administrator's is the district set
    on their account, else the installation's first district (in a region an administrator acting for a district
    should have it set on the account)."""
    from django.apps import apps  # the foundation names no app at import time

    return (
        district_of(user)
        or user.district_id
        or apps.get_model("directory", "District").objects.order_by("id").values_list("id", flat=True).first()
    )


def organization_for_new_records(user):
    """The organisation a new record is bound to: the coordinator's own, or free choice (None)."""
    return user.organization if is_coordinator(user) else None
