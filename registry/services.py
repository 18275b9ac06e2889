"""Writes of the registry that do more than save one form."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.workflow import move
from registry.models import CLOSED_STATUSES, Mentee, MenteeStatus, Pair, PairStatus, PairTransition, Program
from registry.rules import activation_refusal, pair_errors


@transaction.atomic
def save_pair(pair: Pair, mentees) -> Pair:
    """Save a pair with its mentees and make sure it has its personalised program."""
    pair.save()
    pair.mentees.set(mentees)
    Program.objects.get_or_create(pair=pair)
    if pair.status == PairStatus.ACTIVE:
        _mark_mentees(pair, MenteeStatus.ACTIVE)
    return pair


@transaction.atomic
def change_pair_status(pair: Pair, to_status: str, *, user, reason: str) -> PairTransition:
    """Move the pair along its state machine, recording who, when and why."""
    pair = Pair.objects.select_for_update().get(pk=pair.pk)
    if to_status not in pair.next_statuses():
        raise ValidationError(
            _("Из состояния «%(from)s» нельзя перейти в «%(to)s».")
            % {"from": pair.get_status_display(), "to": PairStatus(to_status).label}
        )
    if not reason.strip():
        raise ValidationError(_("Укажите причину смены состояния."))
    if to_status == PairStatus.ACTIVE and (refusal := activation_refusal(pair)):
        raise ValidationError(refusal)
    transition = move(pair, to_status, user=user, reason=reason)
    pair.ended_on = timezone.localdate() if to_status in CLOSED_STATUSES else None
    pair.save(update_fields=["status", "ended_on", "updated_at"])
    if to_status in CLOSED_STATUSES:
        _mark_mentees(
            pair, MenteeStatus.COMPLETED if to_status == PairStatus.COMPLETED else MenteeStatus.LEFT
        )
    elif to_status == PairStatus.ACTIVE:
        _mark_mentees(pair, MenteeStatus.ACTIVE)
    return transition


def _mark_mentees(pair: Pair, status: str) -> None:
    for mentee in pair.mentees.exclude(status=status):
        mentee.status = status
        mentee.save(update_fields=["status", "updated_at"])


@transaction.atomic
def match_mentor(person, mentor, form, *, today=None) -> Pair:
    """«Подобрать наставника»: the pair of `mentor` and `person` in «формируется», from today; the person
    joins the base of mentees if not there yet. The pair's rules are kept as in its form."""
    mentee, _created = Mentee.objects.get_or_create(person=person)
    errors = pair_errors(organization=person.organization, form=form, mentor=mentor, mentees=[mentee])
    if errors:
        raise ValidationError(list(errors.values()))
    pair = Pair(
        organization=person.organization,
        form=form,
        mentor=mentor,
        started_on=today or timezone.localdate(),
        status=PairStatus.FORMING,
    )
    return save_pair(pair, [mentee])
