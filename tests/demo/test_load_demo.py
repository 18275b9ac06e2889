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
    "websites.WebsiteCheck", "reports.IndicatorTarget",
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
