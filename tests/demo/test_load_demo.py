"""`make run` loads the demo district: every capability shows believable data, and a second run adds nothing."""

from __future__ import annotations

import io

import pytest
from django.apps import apps
from django.core.management import call_command

from reports.models import AnnualText, ApprovedReport, IndicatorTarget

pytestmark = pytest.mark.django_db

SHOWN = (
    "registry.Person", "registry.Pair", "banks.Practice", "banks.MentoringProgram", "meetings.Meeting",
    "meetings.RoadmapItem", "events.Event", "events.Training", "submissions.Campaign",
    "websites.WebsiteCheck", "reports.IndicatorTarget", "events.Nomination", "meetings.SupportPlan",
    "meetings.PlanItem",
)  # fmt: skip


def counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in SHOWN}


def test_demo_fills_every_capability_and_loads_twice_without_duplicates():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    first = counts()
    assert all(first.values()), first
    assert "metodist" in out.getvalue() and "Отчёты:" in out.getvalue()
    approved = ApprovedReport.objects.get()
    assert approved.organization is None and approved.version == 1
    assert AnnualText.objects.filter(year=approved.year).exclude(conclusions="").exists()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first
    assert (
        ApprovedReport.objects.count() == 1
        and IndicatorTarget.objects.count() == first["reports.IndicatorTarget"]
    )


def test_demo_shows_nominations_and_the_plan_realised_by_the_roadmap():
    from events.models import Nomination
    from meetings.models import RoadmapItem, SupportPlan

    call_command("load_demo", stdout=io.StringIO())
    states = set(Nomination.objects.values_list("organization__short_name", "status"))
    assert {("МБОУ «СОШ № 2 пгт Кировский»", s) for s in ("confirmed", "declined", "nominated")} <= states
    assert ("МБОУ «СОШ № 1 пгт Кировский»", "nominated") in states
    assert not Nomination.objects.filter(event__is_cancelled=True).exists()
    plan = SupportPlan.objects.get()
    assert plan.period == "2024–2027"
    assert not RoadmapItem.objects.filter(
        plan_item__isnull=True
    ).exists()  # every demo item realises the plan
