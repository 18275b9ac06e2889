"""Writes of meetings and the roadmap that do more than save one form."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core import mail
from core.workflow import move
from directory.models import AcademicYear
from meetings.models import (
    OPEN_ROADMAP_STATUSES,
    AgendaItem,
    Meeting,
    MeetingCounter,
    MeetingStatus,
    MeetingTransition,
    RoadmapItem,
    RoadmapStatus,
)


def take_number(district_id: int, year: AcademicYear, wanted: int | None = None) -> int:
    """The district's next number of the year (or `wanted`), under the counter's row lock: never given twice.

    The counter only grows, so the number of a deleted meeting is never reused.
    """
    with transaction.atomic():
        counter, _created = MeetingCounter.objects.select_for_update().get_or_create(
            district_id=district_id, year=year
        )
        number = wanted or counter.last_number + 1
        if number > counter.last_number:
            counter.last_number = number
            counter.save(update_fields=["last_number"])
        return number


def duplicate_number_message(number: int, year: AcademicYear) -> str:
    return _(
        "Заседание № %(number)s за %(year)s учебный год уже есть: укажите другой номер "
        "или оставьте поле пустым — номер присвоится автоматически."
    ) % {"number": number, "year": year}


@transaction.atomic
def create_meeting(meeting: Meeting, present=(), wanted_number: int | None = None) -> Meeting:
    """Saves a new meeting with its number taken from the year's counter."""
    meeting.number = take_number(meeting.district_id, meeting.year, wanted_number)
    if Meeting.objects.filter(
        district_id=meeting.district_id, year=meeting.year, number=meeting.number
    ).exists():
        raise ValidationError({"number": duplicate_number_message(meeting.number, meeting.year)})
    meeting.save()
    meeting.present.set(present)
    return meeting


def out_of_order_message(number: int | None, day, clash: Meeting) -> str:
    """Why the number does not follow the dates, and what to do."""
    this = _("№ %(number)s") % {"number": number} if number else _("следующий номер")
    return _(
        "Номера заседаний в учебном году идут по датам, а здесь %(this)s от %(date)s и заседание № %(other)s "
        "от %(other_date)s. Исправьте дату или укажите номер по порядку дат."
    ) % {
        "this": this,
        "date": f"{day:%d.%m.%Y}",
        "other": clash.number,
        "other_date": f"{clash.date:%d.%m.%Y}",
    }


def closed_message() -> str:
    return _("Протокол утверждён: чтобы изменить заседание, сначала откройте его заново с указанием причины.")


def approval_errors(meeting: Meeting) -> list[str]:
    """What stops the protocol from being approved, in Russian; empty when it may be approved."""
    items = list(meeting.agenda.all())
    if not items:
        return [_("Нельзя утвердить протокол без повестки: добавьте хотя бы один вопрос.")]
    return [
        _("Нельзя утвердить протокол: по вопросу «%(topic)s» не записано ни одного решения.")
        % {"topic": item.topic}
        for item in items
        if not item.decision_lines
    ]


@transaction.atomic
def approve_meeting(meeting: Meeting, *, user, reason: str = "") -> MeetingTransition:
    """Approves the protocol; from now on the meeting changes only by reopening."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_approved:
        raise ValidationError(_("Протокол уже утверждён."))
    errors = approval_errors(meeting)
    if errors:
        raise ValidationError(errors)
    return _move(meeting, MeetingStatus.APPROVED, user=user, reason=reason.strip())


@transaction.atomic
def reopen_meeting(meeting: Meeting, *, user, reason: str) -> MeetingTransition:
    """Returns an approved protocol to a draft, recording who, when and why."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_approved:
        raise ValidationError(_("Заседание и так черновик: его можно править без открытия."))
    if not reason.strip():
        raise ValidationError(_("Укажите причину, по которой протокол открывается заново."))
    return _move(meeting, MeetingStatus.DRAFT, user=user, reason=reason.strip())


def _move(meeting: Meeting, to_status: str, *, user, reason: str) -> MeetingTransition:
    transition = move(meeting, to_status, user=user, reason=reason)
    meeting.save(update_fields=["status", "updated_at"])
    return transition


def renumber_agenda(meeting: Meeting) -> None:
    """Positions become 1…n in the agenda's order, so the protocol's numbers match the screen."""
    changed = []
    for number, item in enumerate(meeting.agenda.all(), start=1):
        if item.position != number:
            item.position = number
            changed.append(item)
    AgendaItem.objects.bulk_update(changed, ["position"])


def next_roadmap_position(year: AcademicYear, district_id: int) -> int:
    return (
        RoadmapItem.objects.filter(year=year, district_id=district_id).aggregate(top=Max("position"))["top"]
        or 0
    ) + 1


def moved_by_a_year(day: datetime.date | None) -> datetime.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def copy_roadmap(
    district_id: int, from_year: AcademicYear, to_year: AcademicYear, user=None, *, confirmed: bool = False
) -> int:
    """Starts the district's roadmap of `to_year` as a copy of `from_year`'s, deadlines moved by one year.

    Copies come back planned, without completion or evidence. Refuses when the target already has
    items, unless `confirmed` (then the copies are added after them). Returns the number copied.
    """
    if from_year == to_year:
        raise ValidationError(_("Выберите другой учебный год: дорожная карта не копируется сама в себя."))
    own = RoadmapItem.objects.filter(district_id=district_id)
    if own.filter(year=to_year).exists() and not confirmed:
        raise ValidationError(
            _(
                "В дорожной карте %(year)s уже есть пункты. Отметьте «Добавить к имеющимся», "
                "если копия нужна всё равно."
            )
            % {"year": to_year}
        )
    items = list(own.filter(year=from_year).select_related("plan_item").order_by("position", "id"))
    if not items:
        raise ValidationError(
            _("В дорожной карте %(year)s нет пунктов для копирования.") % {"year": from_year}
        )
    start = next_roadmap_position(to_year, district_id)
    copies = [_copy_of(item, to_year, start + index) for index, item in enumerate(items)]
    for copy in copies:  # save() one by one: each copy gets its «создание» history row
        copy._history_user = user
        copy.save()
    return len(copies)


def _copy_of(item: RoadmapItem, year: AcademicYear, position: int) -> RoadmapItem:
    return RoadmapItem(
        district_id=item.district_id,
        year=year,
        position=position,
        stage=item.stage,
        activity=item.activity,
        due_on=moved_by_a_year(item.due_on),
        due_note=item.due_note,
        responsible_person_id=item.responsible_person_id,
        responsible_organization_id=item.responsible_organization_id,
        responsible_text=item.responsible_text,
        expected_result=item.expected_result,
        status=RoadmapStatus.PLANNED,
        # The copy keeps realising the plan's item while the plan runs in the new year.
        plan_item_id=item.plan_item_id
        if item.plan_item and item.plan_item.runs_in(year.start_year)
        else None,
    )


def invite_to_meeting(meeting: Meeting) -> int:
    """Mail each invited participant (the people marked for the meeting) with an address: when, where and the
    agenda. Sent by the task worker once the transaction commits; how many were invited."""
    addresses = sorted({p.email for p in meeting.present.all() if p.email and not p.is_anonymised})
    if not addresses:
        raise ValidationError(
            _("Ни у кого из участников заседания нет адреса e-mail: приглашения некому отправить.")
        )
    text = render_to_string(
        "meetings/email/invitation.txt", {"meeting": meeting, "site_url": settings.MSHN_SITE_URL}
    )
    subject, _blank, body = text.strip().partition("\n")
    mail.send_later(subject.strip(), body.strip() + "\n", addresses)
    return len(addresses)


REMIND_DAYS_BEFORE = (7, 1)


def send_roadmap_reminders(today: datetime.date) -> int:
    """Mail the responsible person of each open roadmap item due in 7 days or tomorrow (cron, once a day:
    each reminder day comes once, so nothing is sent twice); how many mails were queued."""
    due = [today + datetime.timedelta(days=days) for days in REMIND_DAYS_BEFORE]
    items = (
        RoadmapItem.objects.filter(status__in=OPEN_ROADMAP_STATUSES, due_on__in=due)
        .exclude(responsible_person__email="")
        .filter(responsible_person__isnull=False, responsible_person__is_anonymised=False)
        .select_related("responsible_person", "year")
        .order_by("due_on", "position")
    )
    sent = 0
    for item in items:
        context = {"item": item, "days": (item.due_on - today).days, "site_url": settings.MSHN_SITE_URL}
        text = render_to_string("meetings/email/roadmap_reminder.txt", context)
        subject, _blank, body = text.strip().partition("\n")
        mail.send_later(subject.strip(), body.strip() + "\n", [item.responsible_person.email])
        sent += 1
    return sent
