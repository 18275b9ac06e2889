"""Reads of the multi-year plan of methodological support: which roadmap items of which years realise each
item of the plan, and what of the plan the current year's roadmap does not cover yet. Every signed-in role
reads the plan (it is the school's own document, like the roadmap)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, QuerySet

from core import access
from meetings.models import PlanDirection, PlanItem, RoadmapItem, RoadmapStatus, SupportPlan
from meetings.selectors import overdue_q

PLAN_ORG = None


def plans_for(user) -> QuerySet[SupportPlan]:
    return access.scope(user, SupportPlan.objects.all(), PLAN_ORG)


@dataclass
class ItemCoverage:
    item: PlanItem
    roadmap: list[RoadmapItem]
    runs_this_year: bool
    covered_this_year: bool

    @property
    def uncovered_this_year(self) -> bool:
        return self.runs_this_year and not self.covered_this_year

    @property
    def done(self) -> int:
        return sum(1 for r in self.roadmap if r.status == RoadmapStatus.DONE)


@dataclass
class DirectionCoverage:
    direction: PlanDirection
    items: list[ItemCoverage] = field(default_factory=list)


@dataclass
class PlanCoverage:
    plan: SupportPlan
    start_year: int  # the current school year
    directions: list[DirectionCoverage]

    @property
    def items(self) -> list[ItemCoverage]:
        return [row for direction in self.directions for row in direction.items]

    @property
    def figures(self) -> dict:
        items = self.items
        return {
            "items": len(items),
            "covered_ever": sum(1 for row in items if row.roadmap),
            "runs_this_year": sum(1 for row in items if row.runs_this_year),
            "covered_this_year": sum(1 for row in items if row.runs_this_year and row.covered_this_year),
            "roadmap_items": sum(len(row.roadmap) for row in items),
            "roadmap_done": sum(row.done for row in items),
        }

    @property
    def uncovered(self) -> list[ItemCoverage]:
        return [row for row in self.items if row.uncovered_this_year]


def plan_coverage(plan: SupportPlan, start_year: int, today: datetime.date) -> PlanCoverage:
    """The plan's directions, items and the roadmap items that realise them, in three queries."""
    roadmap = (
        RoadmapItem.objects.select_related("year")
        .annotate(overdue=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))
        .order_by("year__start_year", "position", "id")
    )
    items = PlanItem.objects.order_by("position", "id").prefetch_related(
        Prefetch("roadmap_items", queryset=roadmap)
    )
    directions = plan.directions.order_by("position", "id").prefetch_related(
        Prefetch("items", queryset=items)
    )
    return PlanCoverage(
        plan=plan,
        start_year=start_year,
        directions=[
            DirectionCoverage(direction, [item_coverage(item, start_year) for item in direction.items.all()])
            for direction in directions
        ],
    )


def item_coverage(item: PlanItem, start_year: int) -> ItemCoverage:
    roadmap = list(item.roadmap_items.all())
    return ItemCoverage(
        item=item,
        roadmap=roadmap,
        runs_this_year=item.runs_in(start_year),
        covered_this_year=any(r.year.start_year == start_year for r in roadmap),
    )


def plan_items_for_year(start_year: int) -> QuerySet[PlanItem]:
    """The plan items a roadmap item of the school year may realise: those of plans running that year."""
    return PlanItem.objects.filter(first_year__lte=start_year, last_year__gte=start_year).select_related(
        "direction__plan"
    )


def scope_items(user) -> QuerySet[PlanItem]:
    return access.scope(user, PlanItem.objects.select_related("direction__plan"), PLAN_ORG)
