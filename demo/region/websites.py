"""Website checks of a generated region (`load_region`): in each of the last years every district's school
checks the websites of its district's organisations (a round with results).
Deterministic for the region's random; no network."""

from __future__ import annotations

import datetime
from collections import Counter

from demo.region.batch import insert, moment
from websites.models import ChecklistItem, CheckResult, CheckRound, WebsiteCheck


def generate(region, *, check_years: int = 5) -> Counter:
    counts = Counter()
    items = list(ChecklistItem.objects.filter(is_active=True).order_by("position", "pk"))
    for school in region.schools:
        for year in region.years[-check_years:]:
            _round(region, school, year, items, counts)
    return counts


def _round(region, school, year, items: list[ChecklistItem], counts: Counter) -> None:
    rng = region.rng
    deadline = min(datetime.date(year.start_year + 1, 3, 1), region.today + datetime.timedelta(days=30))
    round_ = CheckRound.objects.create(
        district=school.district, title=f"Проверка сайтов, {year} учебный год", deadline=deadline
    )
    checked_at = moment(deadline - datetime.timedelta(days=7))
    checks, results = [], []
    for org in school.educational:
        if rng.random() < 0.1:  # not checked yet
            checks.append(WebsiteCheck(round=round_, organization=org))
            continue
        has_section = rng.random() < 0.85
        automatic = rng.random() < 0.3
        section = f"{org.website}/nastavnichestvo" if has_section and org.website else ""
        check = WebsiteCheck(
            round=round_,
            organization=org,
            section_url=section,
            outcome="" if has_section else "Раздел «Наставничество» на главной странице сайта не найден.",
            checked_at=checked_at,
            checked_by=None if automatic else school.methodist,
        )
        checks.append(check)
        for item in items:
            found = has_section and (item.is_section or rng.random() < 0.7)
            results.append(
                CheckResult(
                    check_record=check,
                    item=item,
                    found=found,
                    url=section if found else "",
                    is_automatic=automatic,
                    checked_at=checked_at,
                    checked_by=None if automatic else school.methodist,
                )
            )
    insert(WebsiteCheck, checks, counts)
    insert(CheckResult, results, counts)
    counts["checkround"] += 1
