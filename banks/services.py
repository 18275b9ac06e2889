"""Writes of the banks that do more than save one form: the practice's review workflow, uploaded files
and copying a template into a pair's personalised program."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from banks.models import (
    COORDINATOR_EDITABLE,
    Practice,
    PracticeAction,
    PracticeFile,
    PracticeStatus,
    PracticeTransition,
    ProgramTemplate,
    TemplateActivity,
)
from core.workflow import Step, move
from registry.models import Activity, Pair, Program


def _locked(practice: Practice) -> Practice:
    return Practice.objects.select_for_update().get(pk=practice.pk)


REFUSAL = gettext_lazy("Практику в состоянии «%(status)s» нельзя %(action)s.")
SUBMIT = Step(gettext_lazy("отправить на рассмотрение"), tuple(COORDINATOR_EDITABLE), REFUSAL)
RETURN = Step(
    gettext_lazy("вернуть на доработку"), (PracticeStatus.REVIEW, PracticeStatus.PUBLISHED), REFUSAL
)
# The methodologist publishes a draft (her own, or one she finished) directly: sending it for review would
# send it to herself.
PUBLISH = Step(gettext_lazy("опубликовать"), (PracticeStatus.REVIEW, *COORDINATOR_EDITABLE), REFUSAL)
MARK_BEST = Step(gettext_lazy("отметить как лучшую"), (PracticeStatus.PUBLISHED,), REFUSAL)


@transaction.atomic
def submit_practice(practice: Practice, *, user, comment: str = "") -> PracticeTransition:
    """A draft or returned practice goes to the methodologist for review."""
    practice = _locked(practice)
    SUBMIT.refuse_unless_allowed(practice)
    transition = move(
        practice, PracticeStatus.REVIEW, user=user, action=PracticeAction.SUBMIT, comment=comment
    )
    practice.save(update_fields=["status", "updated_at"])
    return transition


@transaction.atomic
def return_practice(practice: Practice, *, user, comment: str) -> PracticeTransition:
    """Back to the coordinator with a comment; a published practice leaves the showcase and the best list."""
    if not comment.strip():
        raise ValidationError(_("Напишите, что нужно исправить: комментарий увидит куратор."))
    practice = _locked(practice)
    RETURN.refuse_unless_allowed(practice)
    transition = move(
        practice, PracticeStatus.RETURNED, user=user, action=PracticeAction.RETURN, comment=comment
    )
    practice.is_best = False
    practice.published_on = None
    practice.save(update_fields=["status", "is_best", "published_on", "updated_at"])
    return transition


@transaction.atomic
def publish_practice(practice: Practice, *, user, comment: str = "") -> PracticeTransition:
    """The reviewed practice goes into the bank and onto the public showcase."""
    practice = _locked(practice)
    PUBLISH.refuse_unless_allowed(practice)
    transition = move(
        practice, PracticeStatus.PUBLISHED, user=user, action=PracticeAction.PUBLISH, comment=comment
    )
    practice.published_on = timezone.localdate()
    practice.save(update_fields=["status", "published_on", "updated_at"])
    return transition


@transaction.atomic
def mark_best(practice: Practice, *, user, best: bool = True, comment: str = "") -> PracticeTransition:
    """Mark a published practice as one of the best (or take the mark off)."""
    practice = _locked(practice)
    MARK_BEST.refuse_unless_allowed(practice)
    if practice.is_best == best:
        raise ValidationError(
            _("Практика уже отмечена как лучшая.") if best else _("Практика не отмечена как лучшая.")
        )
    action = PracticeAction.MARK_BEST if best else PracticeAction.UNMARK_BEST
    transition = move(practice, PracticeStatus.PUBLISHED, user=user, action=action, comment=comment)
    practice.is_best = best
    practice.save(update_fields=["is_best", "updated_at"])
    return transition


@transaction.atomic
def save_practice(practice: Practice, *, forms, authors, uploads) -> Practice:
    """Save the practice with its forms, authors and newly uploaded files (already checked by the form)."""
    practice.save()
    practice.forms.set(forms)
    practice.authors.set(authors)
    for upload in uploads:
        PracticeFile.objects.create(practice=practice, file=upload, name=upload.name[:255])
    return practice


@transaction.atomic
def save_template(template: ProgramTemplate, activities: list[tuple[int, str]]) -> ProgramTemplate:
    """Save the template and replace its activities with (offset in days, title) rows, in order."""
    template.save()
    template.activities.all().delete()
    TemplateActivity.objects.bulk_create(
        TemplateActivity(template=template, position=number, offset_days=offset, title=title)
        for number, (offset, title) in enumerate(activities, start=1)
    )
    return template


def existing_activities_message(count: int) -> str:
    return _(
        "В программе пары уже есть мероприятия (%(count)s). Отметьте «Заменить мероприятия программы», "
        "если их нужно заменить мероприятиями шаблона, или правьте программу в реестре."
    ) % {"count": count}


@transaction.atomic
def apply_template(template: ProgramTemplate, pair: Pair, user, *, replace: bool = False) -> Program:
    """Copy the template into the pair's personalised program; activity dates count from the pair's start.

    Refuses when the program already has activities, unless the user confirmed replacing them.
    """
    program, _created = Program.objects.select_for_update().get_or_create(pair=pair)
    existing = program.activities.count()
    if existing and not replace:
        raise ValidationError(existing_activities_message(existing))
    program.activities.all().delete()
    program.goals = template.goals
    program.directions = template.directions
    program.expected_results = template.expected_results
    program._history_user = user
    program.save()
    for activity in template.activities.all():
        Activity.objects.create(
            program=program,
            position=activity.position,
            title=activity.title,
            due_on=pair.started_on + datetime.timedelta(days=activity.offset_days),
        )
    return program
