"""This capability's part of the demo district (called by `load_demo`; must be idempotent).

The demo writes check results directly: it touches no network."""

from __future__ import annotations

import datetime

from django.utils import timezone

from websites import services
from websites.models import AutoState, ChecklistItem, CheckResult, CheckRound


def load(demo) -> str:
    """A round of this year with every organisation's results, once; a line for the console, or ""."""
    if CheckRound.objects.exists():
        return ""
    checks = _website_round(demo, demo.users["metodist"], timezone.localdate())
    return f"Проверка сайтов: организаций {checks}."


def _website_round(demo, methodist, today) -> int:
    round_ = services.save_round(
        CheckRound(title=f"Проверка сайтов, {today:%Y}", deadline=today + datetime.timedelta(days=30))
    )
    items = list(ChecklistItem.objects.filter(is_active=True))
    checks = list(round_.checks.select_related("organization").order_by("organization__sort_name"))
    now = timezone.now()
    for index, check in enumerate(checks):
        has_section = index % 5 != 4
        automatic = index % 3 == 0
        section_url = f"{check.organization.website}/nastavnichestvo" if has_section else ""
        found = {item.pk: has_section and (item.is_section or demo.rng.random() < 0.7) for item in items}
        CheckResult.objects.bulk_create(
            CheckResult(
                check_record=check,
                item=item,
                found=found[item.pk],
                url=section_url if found[item.pk] else "",
                is_automatic=automatic,
                checked_at=now,
                checked_by=None if automatic else methodist,
            )
            for item in items
        )
        check.section_url = section_url
        check.outcome = "" if has_section else "Раздел «Наставничество» на главной странице сайта не найден."
        check.checked_at, check.checked_by = now, None if automatic else methodist
        check.auto_state = AutoState.DONE if automatic else AutoState.NONE
        check.save()
    return len(checks)
