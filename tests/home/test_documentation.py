"""«Документация МШН»: each of the five documents of regulation section 4 found or named as missing."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from banks.models import NormativeDocument
from directory.models import start_year_of
from reports.models import ApprovedReport
from tests.factories import AcademicYearFactory
from tests.helpers import count_queries
from tests.meetings.factories import agenda_item, make_meeting, make_roadmap_item

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def duties(client) -> dict:
    return {
        d.title.split(" на ")[0].split(" за ")[0]: d.present
        for d in client.get(reverse("documentation")).context["duties"]
    }


@pytest.fixture
def year(db):
    return AcademicYearFactory(start_year=start_year_of(TODAY))


def test_seeded_order_with_its_regulation_counts_and_the_rest_is_missing(as_methodist, year):
    # The seeded district order «О создании МШН … (с Положением о МШН …)» holds both.
    assert duties(as_methodist) == {
        "Положение о муниципальной Школе наставничества": True,
        "Распоряжение (приказ) о создании МШН": True,
        "Дорожная карта МШН": False,
        "Протоколы заседаний МШН": False,
        "Анализ работы МШН": False,
    }
    page = as_methodist.get(reverse("documentation")).content.decode()
    assert "не утверждён" in page or "не заведён" in page


def test_every_document_found_with_its_link(as_methodist, methodist, year):
    previous = AcademicYearFactory(start_year=year.start_year - 1)
    make_roadmap_item(year, due_on=year.start_date + datetime.timedelta(days=40))
    meeting = make_meeting(year, date=year.start_date + datetime.timedelta(days=30), approved=True, user=methodist,
                           agenda=[agenda_item()])  # fmt: skip
    report = ApprovedReport(year=previous, organization=None, version=1, approved_by=methodist)
    report.pdf.save("r.pdf", ContentFile(b"%PDF"), save=False)
    report.xlsx.save("r.xlsx", ContentFile(b"PK"), save=False)
    report.save()
    assert all(duties(as_methodist).values())
    page = as_methodist.get(reverse("documentation")).content.decode()
    assert reverse("meetings:meeting_protocol", args=[meeting.pk]) in page
    assert reverse("reports:archive_file", kwargs={"pk": report.pk, "fmt": "pdf"}) in page


def test_without_the_order_the_page_says_so(as_methodist, year):
    NormativeDocument.objects.filter(level="municipal").delete()
    found = duties(as_methodist)
    assert not found["Положение о муниципальной Школе наставничества"]
    assert not found["Распоряжение (приказ) о создании МШН"]


def test_documentation_query_count_is_fixed(as_methodist, methodist, year):
    small = count_queries(as_methodist, reverse("documentation"))
    for n in range(3):
        make_meeting(year, date=year.start_date + datetime.timedelta(days=10 + n), approved=True, user=methodist,
                     agenda=[agenda_item()])  # fmt: skip
        make_roadmap_item(year)
    assert count_queries(as_methodist, reverse("documentation")) == small
