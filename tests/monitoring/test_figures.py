"""Figures from the answers, known in advance, through the one definition of indicators: satisfaction,
growth between entry and exit, the five-respondent rule, and the same figures in the dashboard, form 3
and the annual analysis."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from directory.models import AcademicYear
from monitoring.models import Moment, Respondent
from reports.annual import build_annual
from reports.indicators import report_for
from tests.factories import AcademicYearFactory
from tests.monitoring.factories import answer_all, make_pairs, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def year() -> AcademicYear:
    """Answers are received today: the figures are the current school year's."""
    today = timezone.localdate()
    return AcademicYearFactory(start_year=today.year if today.month >= 9 else today.year - 1)


def answer(survey, respondent: str, scores: list[int]) -> None:
    invitations = survey.invitations.filter(respondent=respondent).order_by("id")
    for invitation, score in zip(invitations, scores, strict=False):
        answer_all(invitation, score)


def test_satisfaction_is_the_mean_score_times_ten_for_five_respondents(methodist, school_a, year):
    make_pairs(school_a, 5)
    survey = make_round(school_a, year)
    answer(survey, Respondent.MENTOR, [8, 8, 9, 7, 8])
    answer(survey, Respondent.MENTEE, [9, 9, 9, 9])  # four of five: too few to show
    report = report_for(methodist, year)
    assert report.value("mentor_satisfaction") == 80.0
    assert report.value("mentee_satisfaction") is None
    assert report.value("survey_respondents") == 9
    answer_all(survey.invitations.filter(respondent=Respondent.MENTEE).order_by("id").last(), 4)
    assert report_for(methodist, year).value("mentee_satisfaction") == 80.0  # (4 × 9 + 4) ÷ 5 × 10


def test_growth_is_exit_mean_minus_entry_mean_per_dimension(methodist, school_a, year):
    make_pairs(school_a, 3)  # three mentors and three mentees: six respondents at exit
    entry, exit_ = make_round(school_a, year, Moment.ENTRY), make_round(school_a, year, Moment.EXIT)
    for role in (Respondent.MENTOR, Respondent.MENTEE):
        answer(entry, role, [4, 4, 5])
        answer(exit_, role, [7, 8, 7])
    report = report_for(methodist, year)
    # competence (педагог – педагог): mentees ask 2 questions, mentors 1; each person's score on each
    entry_mean = (4 + 4 + 5) / 3
    exit_mean = (7 + 8 + 7) / 3
    assert report.value("growth_competence") == round(exit_mean - entry_mean, 1) == 3.0
    assert report.value("growth_motivation") == 3.0
    assert report.value("growth_professional") == 3.0


def test_growth_needs_five_respondents_at_exit(methodist, school_a, year):
    make_pairs(school_a, 2)
    entry, exit_ = make_round(school_a, year, Moment.ENTRY), make_round(school_a, year, Moment.EXIT)
    for role in (Respondent.MENTOR, Respondent.MENTEE):
        answer(entry, role, [3, 3])
        answer(exit_, role, [9, 9])
    assert report_for(methodist, year).value("growth_competence") is None


def test_coordinator_sees_the_figures_of_own_organisation_only(coordinator_a, school_a, school_b, year):
    make_pairs(school_a, 5)
    make_pairs(school_b, 5)
    answer(make_round(school_a, year), Respondent.MENTOR, [6] * 5)
    answer(make_round(school_b, year), Respondent.MENTOR, [10] * 5)
    assert report_for(coordinator_a, year).value("mentor_satisfaction") == 60.0


def test_form_3_and_the_annual_analysis_carry_the_computed_figures(as_methodist, methodist, school_a, year):
    make_pairs(school_a, 5)
    survey = make_round(school_a, year)
    answer(survey, Respondent.MENTOR, [8, 8, 9, 7, 8])
    response = as_methodist.get(reverse("reports:statform", kwargs={"number": 3}), {"year": year.pk})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["Удовлетворённость наставников, %"][0] == 80.0
    assert rows["Удовлетворённость наставляемых, %"][0] is None  # nobody answered: no data
    assert rows["Заполнено анкет мониторинга"][0] == 5
    indicators = next(s for s in build_annual(methodist, year).sections if s.key == "indicators").sheet
    annual = {row[0]: row[1] for row in indicators.rows}
    assert annual["Удовлетворённость наставников, %"] == 80.0
    assert annual["Организаций, реализующих целевую модель"] == 1


def cell(page: str, code: str) -> str:
    row = page.split(f'data-code="{code}"', 1)[1].split("</tr>", 1)[0]
    return " ".join(row.split('class="text-end">', 1)[1].split("</td>", 1)[0].split())


def test_dashboard_shows_satisfaction_from_answers_and_too_few(as_methodist, school_a, year):
    make_pairs(school_a, 5)
    survey = make_round(school_a, year)
    answer(survey, Respondent.MENTOR, [9] * 5)
    answer(survey, Respondent.MENTEE, [9] * 3)
    page = as_methodist.get(reverse("reports:dashboard"), {"year": year.pk}).content.decode()
    assert cell(page, "mentor_satisfaction") == "90,0"
    assert cell(page, "mentee_satisfaction") == "недостаточно ответов"
    assert cell(page, "growth_competence") == "нет данных"  # eight answered at exit, nobody at entry
