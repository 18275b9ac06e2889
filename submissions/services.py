"""Writes of the campaigns that do more than save one form: the submission's review workflow (each step
records who, when and the comment), freezing accepted figures, reminders."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.workflow import Step, move
from submissions import notifications, selectors
from submissions.models import (
    EDITABLE_STATUSES,
    OWED_STATUSES,
    REVIEWABLE_STATUSES,
    Campaign,
    Reminder,
    ReminderKind,
    Submission,
    SubmissionAction,
    SubmissionStatus,
    SubmissionTransition,
)


@transaction.atomic
def save_campaign(campaign: Campaign, organizations) -> Campaign:
    """Save the campaign and give each asked organisation its submission; an organisation no longer
    asked loses its submission only while that is untouched («не начато»)."""
    campaign.save()
    campaign.organizations.set(organizations)
    ids = {org.pk for org in organizations}
    existing = set(campaign.submissions.values_list("organization_id", flat=True))
    Submission.objects.bulk_create(
        Submission(campaign=campaign, organization_id=org_id) for org_id in sorted(ids - existing)
    )
    campaign.submissions.exclude(organization_id__in=ids).filter(status=SubmissionStatus.NOT_STARTED).delete()
    return campaign


# The review workflow ---------------------------------------------------------------------------------


def _locked(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update()
        .select_related("campaign__year", "organization")
        .get(pk=submission.pk)
    )


REFUSAL = gettext_lazy("Отчёт в состоянии «%(status)s» нельзя %(action)s.")
SUBMIT = Step(gettext_lazy("отправить"), tuple(EDITABLE_STATUSES), REFUSAL)
RETURN = Step(gettext_lazy("вернуть на доработку"), REVIEWABLE_STATUSES, REFUSAL)
ACCEPT = Step(gettext_lazy("принять"), REVIEWABLE_STATUSES, REFUSAL)
REOPEN = Step(gettext_lazy("открыть заново"), (SubmissionStatus.ACCEPTED,), REFUSAL)


@transaction.atomic
def save_denominators(submission: Submission, *, user) -> Submission:
    """Save the organisation's own figures; the first save starts the filling."""
    if submission.status not in EDITABLE_STATUSES:
        raise ValidationError(_("Отчёт уже отправлен: изменить его можно, только когда его вернут."))
    if submission.status == SubmissionStatus.NOT_STARTED:
        move(submission, SubmissionStatus.FILLING, user=user, action=SubmissionAction.START, comment="")
    submission._history_user = user
    submission.save()
    return submission


@transaction.atomic
def submit_submission(submission: Submission, *, user, comment: str = "") -> SubmissionTransition:
    """The organisation sends its data to the methodologists for review."""
    submission = _locked(submission)
    SUBMIT.refuse_unless_allowed(submission)
    transition = move(
        submission, SubmissionStatus.SENT, user=user, action=SubmissionAction.SUBMIT, comment=comment
    )
    submission.snapshot = selectors.figures_of(submission)
    submission.submitted_at = timezone.now()
    submission.save(update_fields=["status", "snapshot", "submitted_at", "updated_at"])
    notifications.notify_later(
        "submitted", submission, notifications.methodist_addresses(), comment=transition.comment
    )
    return transition


@transaction.atomic
def return_submission(submission: Submission, *, user, comment: str) -> SubmissionTransition:
    """Back to the organisation with what to fix."""
    if not comment.strip():
        raise ValidationError(_("Напишите, что нужно исправить: комментарий увидит куратор."))
    submission = _locked(submission)
    RETURN.refuse_unless_allowed(submission)
    transition = move(
        submission, SubmissionStatus.RETURNED, user=user, action=SubmissionAction.RETURN, comment=comment
    )
    submission.save(update_fields=["status", "updated_at"])
    notifications.notify_later(
        "returned", submission, notifications.coordinator_addresses(submission), comment=transition.comment
    )
    return transition


@transaction.atomic
def accept_submission(submission: Submission, *, user, comment: str = "") -> SubmissionTransition:
    """Accept the data: reports then read the figures frozen when the organisation sent them (what its
    coordinator declared), so later edits of the registry cannot change them silently."""
    submission = _locked(submission)
    ACCEPT.refuse_unless_allowed(submission)
    transition = move(
        submission, SubmissionStatus.ACCEPTED, user=user, action=SubmissionAction.ACCEPT, comment=comment
    )
    if not submission.snapshot:  # sent before figures were frozen on sending
        submission.snapshot = selectors.figures_of(submission)
    submission.accepted_at = timezone.now()
    submission.save(update_fields=["status", "snapshot", "accepted_at", "updated_at"])
    notifications.notify_later(
        "accepted", submission, notifications.coordinator_addresses(submission), comment=transition.comment
    )
    return transition


@transaction.atomic
def reopen_submission(submission: Submission, *, user, comment: str) -> SubmissionTransition:
    """Open accepted data again (it goes back to the organisation); the reason is required and recorded.
    Until accepted again, the reports read the organisation's figures from the registry."""
    if not comment.strip():
        raise ValidationError(_("Укажите причину: её увидят куратор и история отчёта."))
    submission = _locked(submission)
    REOPEN.refuse_unless_allowed(submission)
    transition = move(
        submission, SubmissionStatus.RETURNED, user=user, action=SubmissionAction.REOPEN, comment=comment
    )
    submission.accepted_at = None
    submission.save(update_fields=["status", "accepted_at", "updated_at"])
    notifications.notify_later(
        "reopened", submission, notifications.coordinator_addresses(submission), comment=transition.comment
    )
    return transition


# Reminders ------------------------------------------------------------------------------------------

OVERDUE_EVERY_DAYS = 7


def reminder_kind(deadline: datetime.date, today: datetime.date) -> str | None:
    """7 and 1 days before the deadline; after it, the day after and then once a week."""
    days_left = (deadline - today).days
    if days_left == 7:
        return ReminderKind.WEEK_BEFORE
    if days_left == 1:
        return ReminderKind.DAY_BEFORE
    if days_left < 0 and (-days_left - 1) % OVERDUE_EVERY_DAYS == 0:
        return ReminderKind.OVERDUE
    return None


def send_reminders(today: datetime.date | None = None) -> int:
    """Remind every organisation that still owes its data; at most one reminder a day per submission.

    The reminder is recorded before it is sent and the record dropped if the mail server fails, so a
    second run the same day sends nothing twice and a failed one is tried again."""
    today = today or timezone.localdate()
    sent = 0
    owed = Submission.objects.filter(status__in=OWED_STATUSES).select_related(
        "campaign__year", "organization"
    )
    for submission in owed.order_by("campaign__deadline", "id"):
        kind = reminder_kind(submission.campaign.deadline, today)
        if kind is not None and _remind(submission, kind, today):
            sent += 1
    return sent


def _remind(submission: Submission, kind: str, today: datetime.date) -> bool:
    """Record the reminder and queue its mail (the worker sends it and tries again if the server fails)."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(submission=submission, kind=kind, sent_on=today)
    except IntegrityError:
        return False  # already sent today
    context = {
        "submission": submission,
        "campaign": submission.campaign,
        "overdue": kind == ReminderKind.OVERDUE,
        "days_left": (submission.campaign.deadline - today).days,
    }
    if notifications.send("reminder", context, notifications.coordinator_addresses(submission)):
        return True
    reminder.delete()  # nobody to remind: tried again tomorrow, when someone may have an address
    return False
