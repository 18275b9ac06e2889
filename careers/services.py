"""Writes of careers: moving a pedagogue, the agreement's early end, issuing and revoking справки."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from banks.models import PracticeStatus
from careers.calendar import earliest_early_end
from careers.models import Certificate, EmploymentPeriod, LeaveReason, MentorAgreement
from directory.models import Organization
from events.models import Participation, Training
from registry.models import CLOSED_STATUSES, Pair, PairStatus, Person
from registry.services import change_pair_status


def periods_of(person: Person) -> list[EmploymentPeriod]:
    """The person's periods, the implicit first one written down if there were none yet."""
    periods = list(person.employment.order_by("started_on", "id"))
    if periods:
        return periods
    first = EmploymentPeriod.objects.create(
        person=person,
        organization_id=person.organization_id,
        position=person.position,
        started_on=person.experience_start,
    )
    return [first]


def _open_period(person: Person, on: datetime.date) -> EmploymentPeriod:
    current = next((p for p in periods_of(person) if p.ended_on is None), None)
    if current is None:
        raise ValidationError(_("Человек уже уволен: открытого периода работы нет."))
    if current.started_on and on <= current.started_on:
        raise ValidationError(
            _("Дата должна быть позже начала текущего периода работы (%(start)s).")
            % {"start": f"{current.started_on:%d.%m.%Y}"}
        )
    return current


@transaction.atomic
def transfer_person(
    person: Person, organization: Organization, *, on: datetime.date, position: str = "", user=None
) -> EmploymentPeriod:
    """«Перевести в другую организацию»: the old period ends the day before `on`, a new one opens on `on`.
    Pairs, trainings and events keep the organisation they had."""
    if organization.pk == person.organization_id:
        raise ValidationError(_("Человек уже работает в этой организации."))
    current = _open_period(person, on)
    _close(current, on - datetime.timedelta(days=1), LeaveReason.TRANSFER, "", user)
    new = EmploymentPeriod(person=person, organization=organization, position=position or current.position)
    new.started_on = on
    new._history_user = user
    new.save()
    person.organization = organization
    person.position = new.position
    person._history_user = user
    person.save(update_fields=["organization", "position", "updated_at"])
    return new


@transaction.atomic
def dismiss_person(person: Person, *, on: datetime.date, note: str = "", user=None) -> EmploymentPeriod:
    """«Уволился»: the open period ends on `on`; the person no longer works in the district's education."""
    current = _open_period(person, on + datetime.timedelta(days=1))
    return _close(current, on, LeaveReason.LEFT, note, user)


def _close(period: EmploymentPeriod, on: datetime.date, reason: str, note: str, user) -> EmploymentPeriod:
    period.ended_on, period.leave_reason, period.leave_note = on, reason, note.strip()[:300]
    period._history_user = user
    period.save()
    return period


def early_end_errors(agreement: MentorAgreement) -> dict[str, str]:
    """The end date must leave three working days after the notice (art. 351.8)."""
    if not agreement.notice_on or not agreement.ended_early_on:
        return {}
    earliest = earliest_early_end(agreement.notice_on)
    if agreement.ended_early_on < earliest:
        return {
            "ended_early_on": _(
                "Досрочно прекратить наставничество можно не раньше %(day)s: предупредить нужно не менее чем "
                "за три рабочих дня (ст. 351.8 ТК РФ), выходные и праздники не считаются."
            )
            % {"day": f"{earliest:%d.%m.%Y}"}
        }
    return {}


@transaction.atomic
def end_mentoring_early(agreement: MentorAgreement, *, user) -> MentorAgreement:
    """Record the early end; a pair whose end date has come is ended «прекращена досрочно» with it."""
    if errors := early_end_errors(agreement):
        raise ValidationError(errors)
    agreement._history_user = user
    agreement.save()
    pair = agreement.pair
    if agreement.ended_early_on <= timezone.localdate() and pair.status not in CLOSED_STATUSES:
        reason = _("Досрочное прекращение наставничества по ст. 351.8 ТК РФ, инициатор — %(who)s.") % {
            "who": agreement.get_ended_by_display()
        }
        change_pair_status(pair, PairStatus.TERMINATED, user=user, reason=reason)
        Pair.objects.filter(pk=pair.pk).update(ended_on=agreement.ended_early_on)
    return agreement


# Справки ------------------------------------------------------------------------------------------------


def certificate_content(person: Person, start: datetime.date, end: datetime.date) -> dict:
    """What a справка states about the person's mentoring in [start, end], as plain values (frozen)."""
    pairs = (
        Pair.objects.filter(mentor__person=person, started_on__lte=end)
        .exclude(ended_on__lt=start)
        .select_related("organization", "form", "program")
        .annotate(mentee_count=Count("mentees"))
        .order_by("started_on", "id")
    )
    trainings = Training.objects.filter(person=person, ends_on__range=(start, end)).order_by("ends_on", "id")
    events = (
        Participation.objects.filter(person=person, event__starts_on__range=(start, end))
        .select_related("event")
        .order_by("event__starts_on", "id")
    )
    practices = person.practices.filter(
        status=PracticeStatus.PUBLISHED, published_on__range=(start, end)
    ).order_by("published_on", "id")
    return {
        "pairs": [_pair_row(pair) for pair in pairs],
        "programs_completed": sum(1 for pair in pairs if pair.status == PairStatus.COMPLETED),
        "trainings": [[t.title, t.provider, f"{t.ends_on:%d.%m.%Y}", t.hours] for t in trainings],
        "training_hours": trainings.aggregate(total=Sum("hours"))["total"] or 0,
        "events": [
            [
                p.event.title,
                p.event.get_kind_display(),
                f"{p.event.starts_on:%d.%m.%Y}",
                p.get_role_display(),
                p.get_result_display() if p.result != "none" else "—",
            ]
            for p in events
        ],  # fmt: skip
        "practices": [
            [p.title, f"{p.published_on:%d.%m.%Y}", "лучшая практика" if p.is_best else ""] for p in practices
        ],
    }


def _pair_row(pair: Pair) -> list:
    program = getattr(pair, "program", None)
    dates = (
        f"{pair.started_on:%d.%m.%Y} – {pair.ended_on:%d.%m.%Y}"
        if pair.ended_on
        else f"с {pair.started_on:%d.%m.%Y}"
    )
    return [
        str(pair.form),
        str(pair.organization),
        dates,
        pair.mentee_count,
        pair.get_status_display(),
        (program.achieved_results if program else "") or "—",
    ]


def next_certificate_number(on: datetime.date) -> str:
    """«СН-2026/0007»: the year and the order of issue within it."""
    issued = Certificate.objects.filter(issued_on__year=on.year).select_for_update().count()
    return f"СН-{on.year}/{issued + 1:04d}"


@transaction.atomic
def issue_certificate(
    person: Person, *, start: datetime.date, end: datetime.date, organization: Organization, user
) -> Certificate:
    """Issue a справка о наставнической деятельности: numbered, frozen, kept in the register."""
    if end < start:
        raise ValidationError(_("Конец периода раньше его начала."))
    today = timezone.localdate()
    certificate = Certificate(
        number=next_certificate_number(today),
        issued_on=today,
        person=person,
        organization=organization,
        person_name=person.full_name,
        issuer_name=organization.full_name,
        period_from=start,
        period_to=end,
        content=certificate_content(person, start, end),
        issued_by=user,
    )
    certificate._history_user = user
    certificate.save()
    return certificate


@transaction.atomic
def revoke_certificate(certificate: Certificate, *, reason: str, user) -> Certificate:
    if certificate.revoked_on:
        raise ValidationError(_("Справка уже отозвана."))
    certificate.revoked_on, certificate.revoke_reason = timezone.localdate(), reason.strip()
    certificate._history_user = user
    certificate.save(update_fields=["revoked_on", "revoke_reason"])
    return certificate
