"""The demo district's year 2025/2026 (every school's report accepted): the district's and one school's
figures are the same in the dashboard, the three statistical forms, the annual analysis (XLSX and PDF) and
the school's accepted report — the contradictions a new user found in the demo cannot come back."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from directory.models import AcademicYear, Organization
from submissions.models import Submission, SubmissionStatus
from tests.conftest import client_for
from tests.reports.test_one_truth import (
    ORGANISATION_CODES,
    by_label,
    dashboard,
    rounded,
    statform,
    submitted_column,
    total_row,
    xlsx,
)

pytestmark = pytest.mark.django_db


def test_the_demo_years_figures_agree_in_every_document():
    call_command("load_demo", stdout=io.StringIO())
    from accounts.models import User

    methodist, department = (client_for(User.objects.get(username=name)) for name in ("metodist", "otdel"))
    year = AcademicYear.objects.get(start_year=2025)
    school = Organization.objects.get(short_name="МБОУ «СОШ № 1 пгт Кировский»")
    accepted = Submission.objects.filter(
        campaign__year=year, campaign__period_end__isnull=True, status=SubmissionStatus.ACCEPTED
    )  # the whole year's reports (an interim half-year's stand for its period only)
    assert accepted.count() == 18  # every school, kindergarten, UDO and college of the demo

    district = dashboard(methodist, year)
    assert district == dashboard(department, year)  # the department reads the same
    assert district["young"] and district["young_with_mentor"]  # the demo mentors some young pedagogues
    assert {k: rounded(v) for k, v in by_label(statform(methodist, 3, year)).items()} == district
    annual = xlsx(methodist, f"{reverse('reports:annual_file', kwargs={'fmt': 'xlsx'})}?year={year.pk}")
    assert {k: rounded(v) for k, v in by_label(annual["13. Показатели"]).items()} == district
    young = [district["young"], district["young_with_mentor"], district["young_with_mentor_share"]]
    assert total_row(statform(methodist, 2, year), "Итого")[2:] == young
    assert total_row(annual["5. Молодые педагоги"], "Итого")[2:] == young
    participants = [district["mentors_in_pairs"], district["mentees_in_pairs"], district["pairs_active"]]
    assert total_row(statform(methodist, 1, year), "Итого")[-3:] == participants
    assert total_row(annual["4. Участники по организациям"], "Итого")[2:] == participants

    own = dashboard(methodist, year, school)
    assert submitted_column(methodist, accepted.get(organization=school)) == {
        c: own[c] for c in ORGANISATION_CODES
    }

    response = methodist.get(f"{reverse('reports:annual_file', kwargs={'fmt': 'pdf'})}?year={year.pk}")
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    share = f"{district['young_with_mentor_share']:.1f}".replace(".", ",")
    assert "Молодых педагогов (не старше" in text and f"— {share} %" in text
    assert f"персонализированных программ пар и групп: {district['programs']}" in text
    assert re.search(rf"Наставников в банке {district['mentors']}\b", text)
    assert "Показатели 18 организаций взяты из их отчётов" in text
