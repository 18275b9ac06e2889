"""Reads of this capability, always scoped to the user through core.access.

Meetings and the roadmap are the school's own official records, not an organisation's personal data:
every signed-in role reads them (`org_field=None`), only the methodologist writes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import access
from core.attention import Concern, Line, concern
from core.columns import display
from directory.models import AcademicYear
from meetings.models import (
    OPEN_ROADMAP_STATUSES,
    AgendaItem,
    Attachment,
    Meeting,
    MeetingStatus,
    RoadmapItem,
    RoadmapStatus,
)
from registry.models import Person

MEETING_ORG = None
ROADMAP_ORG = None
REQUIRED_MEETINGS = 2  # «проведение заседаний МШН не реже 2-х раз за учебный год»


def meetings_for(user):
    queryset = (
        Meeting.objects.select_related("year", "chair", "secretary")
        .annotate(present_count=Count("present", distinct=True))
        .order_by("-date", "-number")
    )
    return access.scope(user, queryset, MEETING_ORG)


def meeting_for_page(user):
    """Meetings with everything their page and protocol show, in a fixed number of queries."""
    return meetings_for(user).prefetch_related(
        Prefetch("present", queryset=Person.objects.order_by("sort_name", "id")),
        Prefetch("agenda", queryset=AgendaItem.objects.order_by("position", "id")),
        "attachments",
    )


def attachments_for(user):
    return access.scope(user, Attachment.objects.select_related("meeting"), MEETING_ORG)


@dataclass
class AgendaChange:
    when: datetime.datetime
    who: object
    kind: str
    item: str
    fields: list[tuple[str, str, str]]


_KINDS = {"+": "создание", "~": "изменение", "-": "удаление"}


def agenda_history(meeting: Meeting, limit: int = 100) -> list[AgendaChange]:
    """Changes of the meeting's agenda items, deleted ones included, newest first, in one query."""
    records = list(
        AgendaItem.history.filter(meeting_id=meeting.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    previous: dict[int, object] = {}
    changes = []
    for record in reversed(records):
        before = previous.get(record.id)
        fields = _agenda_fields(before, record) if before is not None and record.history_type == "~" else []
        previous[record.id] = record
        item = f"{record.position}. {record.topic}"
        changes.append(
            AgendaChange(record.history_date, record.history_user, _KINDS[record.history_type], item, fields)
        )
    changes.reverse()
    return changes


def _agenda_fields(before, record) -> list[tuple[str, str, str]]:
    rows = []
    for change in record.diff_against(before, excluded_fields=["meeting"]).changes:
        field = AgendaItem._meta.get_field(change.field)
        rows.append((str(field.verbose_name), display(change.old), display(change.new)))
    return rows


def overdue_q(today: datetime.date) -> Q:
    return Q(status__in=OPEN_ROADMAP_STATUSES, due_on__lt=today)


def roadmap_for(user, today: datetime.date | None = None):
    today = today or timezone.localdate()
    queryset = RoadmapItem.objects.select_related(
        "year",
        "responsible_person",
        "responsible_organization",
        "source__meeting",
        "plan_item__direction__plan",
    ).annotate(overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))
    return access.scope(user, queryset, ROADMAP_ORG)


def held_meetings(year: AcademicYear, today: datetime.date, district_id: int | None = None):
    """Approved meetings of the year whose date has come (of one district, or of every one)."""
    meetings = Meeting.objects.filter(year=year, status=MeetingStatus.APPROVED, date__lte=today)
    return access.in_district(meetings, district_id)


@dataclass(frozen=True)
class TwoMeetingsStatus:
    year: AcademicYear
    held: int
    required: int
    days_left: int  # until 31 August of the year, 0 once it has passed

    @property
    def warning(self) -> bool:
        return self.held < self.required

    @property
    def missing(self) -> int:
        return max(self.required - self.held, 0)

    @property
    def is_over(self) -> bool:
        return self.days_left == 0


def two_meetings_status(
    year: AcademicYear, today: datetime.date, district_id: int | None = None
) -> TwoMeetingsStatus:
    """How many meetings the year has held against the regulation's two, and the days left for them."""
    held = held_meetings(year, today, district_id).count()
    days_left = max((year.end_date - today).days, 0)
    return TwoMeetingsStatus(year=year, held=held, required=REQUIRED_MEETINGS, days_left=days_left)


def roadmap_figures(year: AcademicYear | None, today: datetime.date, district_id: int | None = None) -> dict:
    items = RoadmapItem.objects.filter(year=year) if year else RoadmapItem.objects.none()
    items = access.in_district(items, district_id)
    return items.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(status=RoadmapStatus.DONE)),
        overdue=Count("id", filter=overdue_q(today)),
    )


def home_figures_for(user) -> dict:
    """Figures this capability adds to every role's home page (shown by its home_figures.html)."""
    if not user.is_authenticated:
        return {}
    today = timezone.localdate()
    year = AcademicYear.objects.current()
    district_id = access.district_of(user)
    return {
        "year": year,
        "meetings": two_meetings_status(year, today, district_id) if year else None,
        "roadmap": roadmap_figures(year, today, district_id),
    }


# «Требует внимания» (core/attention.py) ---------------------------------------------------------------


def roadmap_overdue(user, today: datetime.date) -> Concern:
    """Overdue roadmap items; a coordinator's are those their organisation or its people answer for."""
    items = roadmap_for(user, today).filter(overdue_q(today))
    if not access.reads_everything(user):
        items = items.filter(
            Q(responsible_organization_id=user.organization_id)
            | Q(responsible_person__organization_id=user.organization_id)
        )
    return concern(
        "roadmap_overdue",
        _("Просроченные пункты дорожной карты"),
        items.order_by("due_on", "position", "id"),
        lambda item: Line(
            f"{item.position}. {item.activity}",
            item.get_absolute_url(),
            _("срок %(date)s") % {"date": f"{item.due_on:%d.%m.%Y}"},
        ),
        reverse("meetings:roadmap_list"),
    )


def meetings_short(user, today: datetime.date) -> Concern | None:
    """Fewer than two meetings held this year: the school's own duty, shown to the methodologist."""
    year = AcademicYear.objects.current()
    if year is None or not access.is_methodist(user):
        return None
    status = two_meetings_status(year, today, access.district_of(user))
    line = Line(
        _("Проведено заседаний в %(year)s: %(held)s из %(required)s, до конца года %(days)s дн.")
        % {"year": year, "held": status.held, "required": status.required, "days": status.days_left},
        reverse("meetings:meeting_list"),
    )
    return Concern(
        "meetings_short",
        _("Заседаний МШН в году меньше двух"),
        status.missing,
        [line] if status.warning else [],
    )


def attention_for(user, today: datetime.date) -> list[Concern]:
    return [c for c in (meetings_short(user, today), roadmap_overdue(user, today)) if c is not None]
