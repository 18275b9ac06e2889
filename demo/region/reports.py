"""Targets and document requisites of a generated region (`load_region`): every district's school sets
its indicators' targets for each school year (the demo district's, scaled to the district's size) and
keeps who approves and signs its documents. Bulk inserts, deterministic for the region's random."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from demo.district.reports import TARGETS
from demo.region.batch import insert
from demo.region.registry import SURNAMES
from directory.models import DocumentRequisites
from reports.models import IndicatorTarget

# Figures that are counts grow with the district's organisations; shares and satisfaction do not.
COUNTED = ("mentors", "mentees", "pairs_active", "practices_published")
DEMO_ORGANIZATIONS = 10  # the demo district the TARGETS were set for


def generate(region) -> Counter:
    counts = Counter()
    _targets(region, counts)
    _requisites(region, counts)
    return counts


def _targets(region, counts: Counter) -> None:
    rows = []
    for school in region.schools:
        scale = max(1, len(school.educational)) / DEMO_ORGANIZATIONS
        for year in region.years:
            for code, target in TARGETS.items():
                value = round(target * scale * region.rng.uniform(0.8, 1.2)) if code in COUNTED else target
                rows.append(
                    IndicatorTarget(
                        district=school.district, year=year, code=code, target=Decimal(max(1, value))
                    )
                )
    insert(IndicatorTarget, rows, counts)


def _requisites(region, counts: Counter) -> None:
    rows = []
    for school in region.schools:
        centre = school.educational[0].address.split(", ")[2]
        head = school.methodist
        rows.append(
            DocumentRequisites(
                district=school.district,
                organization_name=f"Муниципальная Школа наставничества: {school.district.name}",
                place=centre,
                approver_position=f"Начальник управления образования ({school.district.name})",
                approver_name=f"{region.rng.choice('АВГЕИЛМНОСТ')}. {region.rng.choice('АВГЕИМНПС')}. "
                f"{region.rng.choice(SURNAMES)[1]}",
                head_position="Руководитель муниципальной Школы наставничества",
                head_name=f"{head.first_name[0]}. {head.middle_name[:1] or 'А'}. {head.last_name}",
            )
        )
    insert(DocumentRequisites, rows, counts)
