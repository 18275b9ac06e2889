"""Writes of events that do more than save one form: coordinators' nominations and the methodologist's
decision on them (a confirmed nominee becomes a participant of the event)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import mail
from core.workflow import Step, move
from events.models import Event, Nomination, NominationStatus, ParticipantRole, Participation

REFUSAL = gettext_lazy("Заявку в состоянии «%(status)s» нельзя %(action)s.")
CONFIRM = Step(gettext_lazy("подтвердить"), (NominationStatus.NOMINATED,), REFUSAL)
DECLINE = Step(gettext_lazy("отклонить"), (NominationStatus.NOMINATED,), REFUSAL)
WITHDRAW = Step(gettext_lazy("отозвать"), (NominationStatus.NOMINATED,), REFUSAL)


def closed_message(event: Event) -> str:
    if event.is_cancelled:
        return _("Мероприятие отменено: заявки на него не принимаются.")
    return _("Приём заявок на мероприятие закрыт %(day)s.") % {
        "day": f"{event.nominations_close_on:%d.%m.%Y}"
    }


@transaction.atomic
def nominate(event: Event, people: Iterable, *, user, today: datetime.date | None = None) -> list[Nomination]:
    """The coordinator's people put forward for the event; one already nominated or taking part is refused
    by name, so the coordinator sees whom to take off the list."""
    if not event.takes_nominations_on(today or timezone.localdate()):
        raise ValidationError(closed_message(event))
    people = list(people)
    taken = already_in(event, people)
    if taken:
        raise ValidationError(
            _("Уже выдвинуты или участвуют: %(names)s. Уберите их из списка.")
            % {"names": ", ".join(sorted(p.full_name for p in taken))}
        )
    return Nomination.objects.bulk_create(
        Nomination(event=event, person=person, organization_id=user.organization_id, nominated_by=user)
        for person in people
    )


def already_in(event: Event, people: list) -> list:
    ids = {p.pk for p in people}
    nominated = set(event.nominations.filter(person__in=ids).values_list("person_id", flat=True))
    taking_part = set(event.participants.filter(person__in=ids).values_list("person_id", flat=True))
    return [p for p in people if p.pk in nominated | taking_part]


@transaction.atomic
def confirm_nominations(nominations, *, user, reason: str = "", notify: bool = False) -> int:
    """Each nominee becomes a participant of the event; how many were confirmed."""
    chosen = _locked(nominations, CONFIRM)
    for nomination in chosen:
        _decide(nomination, NominationStatus.CONFIRMED, user, reason)
        Participation.objects.get_or_create(
            event_id=nomination.event_id,
            person_id=nomination.person_id,
            defaults={"role": ParticipantRole.PARTICIPANT},
        )
    if notify:
        notify_coordinators(chosen)
    return len(chosen)


@transaction.atomic
def decline_nominations(nominations, *, user, reason: str = "", notify: bool = False) -> int:
    chosen = _locked(nominations, DECLINE)
    for nomination in chosen:
        _decide(nomination, NominationStatus.DECLINED, user, reason)
    if notify:
        notify_coordinators(chosen)
    return len(chosen)


@transaction.atomic
def withdraw_nomination(nomination: Nomination) -> None:
    """The coordinator takes back a nomination the methodologist has not decided on yet."""
    WITHDRAW.refuse_unless_allowed(nomination)
    nomination.delete()


def _locked(nominations, step: Step) -> list[Nomination]:
    chosen = list(
        Nomination.objects.filter(pk__in=[n.pk for n in nominations])
        .select_related("event", "person", "nominated_by")
        .select_for_update(of=("self",))
        .order_by("person__sort_name", "id")
    )
    if not chosen:
        raise ValidationError(_("Отметьте хотя бы одну заявку."))
    for nomination in chosen:
        step.refuse_unless_allowed(nomination)
    return chosen


def _decide(nomination: Nomination, status: str, user, reason: str) -> None:
    move(nomination, status, user=user, comment=reason)
    nomination.reason = reason.strip()
    nomination.save(update_fields=["status", "reason", "updated_at"])


def notify_coordinators(nominations: list[Nomination]) -> int:
    """One mail to each coordinator who nominated: the decision on each of their people; how many mails."""
    by_coordinator = defaultdict(list)
    for nomination in nominations:
        coordinator = nomination.nominated_by
        if coordinator is not None and coordinator.email and coordinator.is_active:
            by_coordinator[coordinator].append(nomination)
    for coordinator, decided in by_coordinator.items():
        context = {"event": decided[0].event, "nominations": decided, "site_url": settings.MSHN_SITE_URL}
        subject, _blank, body = render_to_string("events/email/decision.txt", context).strip().partition("\n")
        mail.send_later(subject.strip(), body.strip() + "\n", [coordinator.email])
    return len(by_coordinator)
