"""Writes of the website checks that do more than save one form: a round gives each organisation its
check; the automatic checker's proposals and the methodologist's confirmation are recorded."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from directory.models import Organization
from websites.checker import CheckOutcome, check_site
from websites.models import PENDING, AutoState, ChecklistItem, CheckResult, CheckRound, WebsiteCheck

User = get_user_model()


@transaction.atomic
def save_round(round_: CheckRound) -> CheckRound:
    """Save the round; each asked organisation gets its (empty) check."""
    round_.save()
    existing = set(round_.checks.values_list("organization_id", flat=True))
    WebsiteCheck.objects.bulk_create(
        WebsiteCheck(round=round_, organization=org)
        for org in Organization.objects.educational()
        .filter(district_id=round_.district_id)
        .exclude(pk__in=existing)
        .order_by("pk")
    )
    return round_


FAILED_MESSAGE = (
    "Автоматическая проверка не выполнена из-за ошибки программы. Запустите её ещё раз; если ошибка "
    "повторится, проверьте сайт вручную и сообщите администратору."
)


@task()
def check_website(check_id: int, user_id: int | None = None) -> str:
    """The automatic check of one organisation's site, run by the task worker; returns its message.

    The check's state shows the pages where it stands: running, then read, unreachable or failed."""
    check = WebsiteCheck.objects.select_related("organization").get(pk=check_id)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    mark(check_id, AutoState.RUNNING)
    try:
        return run_check(check, user=user).message
    except Exception:
        mark(check_id, AutoState.FAILED, outcome=FAILED_MESSAGE)
        raise


def mark(check_id: int, state: AutoState, **fields) -> None:
    """The worker's step, outside the history (it records what was found, not the queue)."""
    WebsiteCheck.objects.filter(pk=check_id).update(auto_state=state, **fields)


def queue_check(check: WebsiteCheck, *, user) -> None:
    """The site is visited by the worker once this transaction commits: the request never waits for it."""
    queue_checks([check.pk], user=user)


def queue_round(round_: CheckRound, *, user) -> int:
    """Every site of the round not already waiting is queued for the worker; returns how many."""
    ids = list(round_.checks.exclude(auto_state__in=PENDING).order_by("organization__sort_name", "id")
               .values_list("pk", flat=True))  # fmt: skip
    queue_checks(ids, user=user)
    return len(ids)


def queue_checks(ids: list[int], *, user) -> None:
    WebsiteCheck.objects.filter(pk__in=ids).update(auto_state=AutoState.QUEUED)
    transaction.on_commit(lambda: [check_website.enqueue(pk, user.pk) for pk in ids])


def run_check(check: WebsiteCheck, *, user=None, **limits) -> CheckOutcome:
    """Fetch the organisation's site and record the checker's proposals (marked «автоматически»).

    A result the methodologist has confirmed stays as they set it."""
    items = list(ChecklistItem.objects.filter(is_active=True))
    outcome = check_site(check.organization.website, items, **limits)
    record_outcome(check, outcome, items, user=user)
    return outcome


@transaction.atomic
def record_outcome(check: WebsiteCheck, outcome: CheckOutcome, items, *, user=None) -> None:
    """The proposals of a site that was read; of an unreachable one only the message (no «нет» for every
    item, and it is not counted as checked: an earlier check, if any, stays as it was)."""
    if not outcome.reachable:
        check.outcome, check.auto_state = outcome.message, AutoState.UNREACHABLE
        check._history_user = user
        check.save(update_fields=["outcome", "auto_state", "updated_at"])
        return
    now = timezone.now()
    confirmed = set(check.results.filter(is_automatic=False).values_list("item_id", flat=True))
    for item in items:
        if item.pk in confirmed:
            continue
        url = outcome.found.get(item.pk, "")
        CheckResult.objects.update_or_create(
            check_record=check,
            item=item,
            defaults={
                "found": bool(url),
                "url": url,
                "is_automatic": True,
                "checked_at": now,
                "checked_by": user,
            },
        )
    check.section_url = outcome.section_url
    check.outcome, check.auto_state = outcome.message, AutoState.DONE
    check.checked_at, check.checked_by = now, user
    check._history_user = user
    check.save()


@transaction.atomic
def confirm_results(check: WebsiteCheck, answers: dict, *, user) -> None:
    """The methodologist's judgement per item (found, address): it replaces the automatic proposal."""
    now = timezone.now()
    for item, (found, url) in answers.items():
        result, _created = CheckResult.objects.get_or_create(check_record=check, item=item)
        result.found, result.url = found, url if found else ""
        result.is_automatic, result.checked_at, result.checked_by = False, now, user
        result._history_user = user
        result.save()
    check.checked_at, check.checked_by = now, user
    check._history_user = user
    check.save(update_fields=["checked_at", "checked_by", "updated_at"])  # the worker may be moving its state
