"""Reads of the website checks, always scoped to the user through core.access."""

from __future__ import annotations

from django.db.models import Count, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core import access
from core.queries import subquery_count
from websites.models import PENDING, AutoState, ChecklistItem, CheckResult, CheckRound, WebsiteCheck

CHECK_ORG = "organization"


def rounds_for(user) -> QuerySet[CheckRound]:
    if not access.reads_everything(user):
        return CheckRound.objects.none()
    return (
        access.scope(user, CheckRound.objects.all(), None)
        .annotate(
            organizations=Count("checks", distinct=True),
            checked=Count("checks", filter=Q(checks__checked_at__isnull=False), distinct=True),
        )
        .order_by("-deadline", "-id")
    )


def checklist_for(user) -> QuerySet[ChecklistItem]:
    return access.scope(user, ChecklistItem.objects.all(), None)


def checks_for(user) -> QuerySet[WebsiteCheck]:
    """Checks with how many active items were found and how many results are automatic proposals.

    Counted by correlated subqueries rather than a join with GROUP BY: a page of the list then counts
    the results of its own rows only, not of the region's every check."""
    results = CheckResult.objects.filter(check_record=OuterRef("pk"))
    queryset = WebsiteCheck.objects.select_related("round", "organization", "checked_by").annotate(
        found=subquery_count(results.filter(found=True, item__is_active=True)),
        automatic=subquery_count(results.filter(is_automatic=True)),
    )
    return access.scope(user, queryset, CHECK_ORG)


def results_of(check: WebsiteCheck) -> list[tuple[ChecklistItem, CheckResult | None]]:
    """Every active checklist item with this check's result for it (None: not checked yet)."""
    results = {r.item_id: r for r in check.results.select_related("checked_by")}
    return [(item, results.get(item.pk)) for item in ChecklistItem.objects.filter(is_active=True)]


def round_summary(round_: CheckRound, user) -> dict:
    """Per organisation (`checks`, a queryset to paginate) and for the district: how many of the active
    items were found. The district's figures are aggregate queries, whatever the number of organisations."""
    items = list(ChecklistItem.objects.filter(is_active=True))
    checks = checks_for(user).filter(round=round_).order_by("organization__sort_name", "id")
    scoped = access.scope(user, WebsiteCheck.objects.filter(round=round_), CHECK_ORG)
    counts = scoped.aggregate(
        organizations=Count("id"), checked=Count("id", filter=Q(checked_at__isnull=False)), **STATE_COUNTS
    )
    found = CheckResult.objects.filter(check_record__in=scoped, found=True, item__is_active=True).count()
    total_items = len(items)
    return {
        "items": items,
        "checks": checks,
        "total_items": total_items,
        "district_share": share(found, total_items * counts["organizations"]),
        "organizations": counts["organizations"],
        "checked": counts["checked"],
        "progress": progress_of(counts),
    }


STATE_COUNTS = {
    "pending": Count("id", filter=Q(auto_state__in=PENDING)),
    "started": Count("id", filter=~Q(auto_state=AutoState.NONE)),
}


def progress_of(counts: dict) -> dict:
    """How far the automatic checks of a round have gone: of the sites ever queued, how many are done."""
    finished = counts["started"] - counts["pending"]
    return {
        "pending": counts["pending"],
        "started": counts["started"],
        "finished": finished,
        "percent": share(finished, counts["started"]) or 0,
    }


def round_progress(round_: CheckRound, user, ids: list[int]) -> dict:
    """The round's progress and the state of the listed checks (those on the user's page): two queries."""
    scoped = access.scope(user, WebsiteCheck.objects.filter(round=round_), CHECK_ORG)
    states = {
        pk: (state, AutoState(state).label, outcome)
        for pk, state, outcome in scoped.filter(pk__in=ids[:200]).values_list("pk", "auto_state", "outcome")
    }
    return {**progress_of(scoped.aggregate(**STATE_COUNTS)), "checks": states}


def share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def round_table(round_: CheckRound, user) -> tuple[list[str], list[list]]:
    """The round as a table: one row per organisation, a column per checklist item (for XLSX)."""
    summary = round_summary(round_, user)
    checks = list(summary["checks"])
    results = {
        (r.check_record_id, r.item_id): r
        for r in CheckResult.objects.filter(check_record__in=[c.pk for c in checks])
    }
    headers = [str(_("Организация")), str(_("Сайт")), str(_("Раздел «Наставничество»")), str(_("Проверено")),
               str(_("Найдено пунктов")), str(_("Доля, %"))] + [item.title for item in summary["items"]]  # fmt: skip
    rows = [
        [check.organization.short_name, check.organization.website, check.section_url, check.checked_at,
         check.found, share(check.found, summary["total_items"])]
        + [_result_cell(results.get((check.pk, item.pk))) for item in summary["items"]]
        for check in checks
    ]  # fmt: skip
    return headers, rows


def _result_cell(result: CheckResult | None) -> str:
    if result is None:
        return str(_("не проверено"))
    text = str(_("да")) if result.found else str(_("нет"))
    return f"{text} ({_('автоматически')})" if result.is_automatic else text
