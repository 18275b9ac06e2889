"""The monitoring dashboard: indicators of a year, scope, snapshots, targets and the query count."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from reports.charts import bar_chart
from reports.indicators import report_for
from reports.models import IndicatorTarget
from submissions.models import SubmissionStatus
from tests.factories import (
    AcademicYearFactory,
    MenteeFactory,
    PupilFactory,
)
from tests.helpers import count_queries
from tests.reports.factories import make_pair
from tests.submissions.factories import CampaignFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    return AcademicYearFactory(start_year=2025)


@pytest.fixture
def district(year, school_a, school_b):
    """School A: an active pair of two mentees and a completed pair; school B: one active pair."""
    make_pair(school_a, mentees=2)
    completed = make_pair(school_a, status="completed", ended_on=datetime.date(2026, 5, 1))
    make_pair(school_b)
    make_pair(
        school_b, status="completed", started_on=datetime.date(2024, 9, 1), ended_on=datetime.date(2025, 5, 1)
    )
    return completed


def test_indicators_of_a_year_with_known_data(methodist, district, year):
    report = report_for(methodist, year)
    assert report.value("mentors") == 4  # every mentor of the bank who has not left
    assert report.value("mentees") == 5
    assert report.value("mentors_in_pairs") == 3  # last year's pair left out
    assert report.value("mentees_in_pairs") == 4
    assert report.value("pairs_active") == 3  # «действует» at some time of the year, the completed one too
    assert report.value("pairs_completed") == 1
    assert report.value("programs") == 3  # pairs that worked during the year
    assert report.value("mentor_satisfaction") is None  # from questionnaires only (tests/monitoring)
    assert report.value("pupils_mentees_share") is None  # no accepted denominator
    assert dict(report.mentees_by_form) == {"педагог – педагог": 4}  # last year's pair left out


def test_coordinator_sees_only_own_organisation(coordinator_a, district, year):
    report = report_for(coordinator_a, year)
    assert report.value("mentors") == 2
    assert report.value("mentees") == 3
    assert report.value("pairs_active") == 2
    assert report.value("pairs_completed") == 1


def test_dashboard_page_of_coordinator_shows_own_figures(as_coordinator_a, district, year):
    response = as_coordinator_a.get(reverse("reports:dashboard"), {"year": year.pk})
    assert response.context["report"].value("mentees") == 3
    assert "нет данных" in response.content.decode()
    assert "Задать целевое значение" not in response.content.decode()


def test_accepted_snapshot_is_preferred_over_live_figures(methodist, district, year, school_a):
    pupil = MenteeFactory(person=PupilFactory(organization=school_a, birth_year=2012))  # 13 in 2025
    make_pair(school_a, mentees=0).mentees.add(pupil)
    # A snapshot of the first release (no version): what it holds is read, the rest live and marked so.
    snapshot = {"mentors": 10, "mentees": 20, "pairs_active": 5, "pairs_completed": 0, "young": 4,
                "young_with_mentor": 2, "pupils_10_18": 50, "pupils_15_19": 40, "programs": 99,
                "mentees_by_form": {"педагог – педагог": 20}}  # fmt: skip
    SubmissionFactory(
        campaign=CampaignFactory(year=year),
        organization=school_a,
        status=SubmissionStatus.ACCEPTED,
        snapshot=snapshot,
        accepted_at=timezone.now(),
    )
    report = report_for(methodist, year)
    assert report.organizations_with_snapshot == 1
    assert report.value("mentors") == 10 + 2  # school B live: two mentors
    assert report.value("mentees") == 20 + 2
    assert report.value("pairs_active") == 5 + 1
    assert report.value("young") == 4
    assert report.value("young_with_mentor_share") == 50.0
    assert report.value("pupils_mentees_share") == 2.0  # 1 pupil mentee of 50
    assert report.value("pupils_mentors_share") == 0.0
    # The old snapshot's «programs» counted the organisation's programs: not read, live instead.
    assert report.value("programs") == 3 + 1
    assert report.indicator("programs").frozen == 0
    assert report.indicator("mentors").frozen == 1 and report.indicator("mentors").live == 1
    assert report.source_of(report.indicator("mentors")) == "отчёты: 1 орг.; реестр: 1 орг."
    assert report.source_of(report.indicator("programs")) == "реестр: 2 орг."
    assert report.source_of(report.indicator("meetings_held")) == "записи МШН"
    day = f"{timezone.localdate():%d.%m.%Y}"
    assert f"принятые руководителем МШН {day}. Реестр и записи МШН — на 31.08.2026." in report.sources_note
    # By form: the old snapshot has no breakdown of its own, so school A's pairs are read live.
    assert dict(report.mentees_by_form) == {"педагог – педагог": 4 + 1}


def test_methodist_sets_a_target_and_sees_the_difference(as_methodist, methodist, district, year):
    url = reverse("reports:target_edit")
    response = as_methodist.post(url, {"year": year.pk, "code": "mentors", "target": "10"})
    assert response.status_code == 302
    as_methodist.post(url, {"year": year.pk, "code": "mentors", "target": "6"})
    assert IndicatorTarget.objects.get(year=year, code="mentors").target == 6
    mentors = next(i for i in report_for(methodist, year).indicators if i.code == "mentors")
    assert (mentors.value, mentors.difference, mentors.progress) == (4, -2.0, 67)
    page = as_methodist.get(reverse("reports:dashboard"), {"year": year.pk}).content.decode()
    assert 'aria-valuenow="67"' in page
    row = re.search(r'<tr data-code="mentors">(.*?)</tr>', page, re.S).group(1)
    cells = [
        re.sub(r"<[^>]+>|изменить", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]
    assert cells[1:4] == ["4", "6", "-2"]  # a count's target and difference without «,0»


def test_share_target_above_100_is_refused(as_methodist, year):
    response = as_methodist.post(
        reverse("reports:target_edit"), {"year": year.pk, "code": "website_share", "target": "120"}
    )
    assert response.status_code == 200
    assert not IndicatorTarget.objects.exists()


def test_coordinator_may_not_set_a_target(as_coordinator_a, year):
    response = as_coordinator_a.post(
        reverse("reports:target_edit"), {"year": year.pk, "code": "mentors", "target": "10"}
    )
    assert response.status_code == 403
    assert not IndicatorTarget.objects.exists()


def test_history_compares_previous_years(methodist, district, year):
    AcademicYearFactory(start_year=2024)
    from reports.indicators import history_for

    history = history_for(methodist, year)
    assert [r.year.start_year for r in history] == [2024, 2025]
    assert history[0].value("pairs_completed") == 1  # the pair of last year only
    assert history[0].value("pairs_active") == 1  # it worked in 2024/2025, then was completed
    assert history[1].value("pairs_completed") == 1


def test_bar_chart_is_plain_svg():
    svg = bar_chart([("2024/2025", 3, 5), ("2025/2026", 6, None)])
    assert svg.startswith("<svg") and "<script" not in svg and "style=" not in svg
    assert svg.count("<rect") == 2 and svg.count("<line") == 1


def test_dashboard_query_count_does_not_grow(as_methodist, year, school_a, school_b):
    url = f"{reverse('reports:dashboard')}?year={year.pk}"
    make_pair(school_a)
    cache.clear()  # the figures computed afresh, as on a first view
    small = count_queries(as_methodist, url)
    for _ in range(5):
        make_pair(school_a, mentees=2)
        make_pair(school_b, status="completed", ended_on=datetime.date(2026, 4, 1))
    cache.clear()
    assert count_queries(as_methodist, url) == small


def test_district_figures_are_kept_until_the_data_changes(as_methodist, year, school_a):
    url = f"{reverse('reports:dashboard')}?year={year.pk}"
    make_pair(school_a)
    first = count_queries(as_methodist, url)
    assert count_queries(as_methodist, url) < first  # kept while nothing changes
    make_pair(school_a)  # a change drops the kept figures at once
    assert as_methodist.get(url).context["report"].value("pairs_active") == 2
    IndicatorTarget.objects.create(year=year, code="pairs_active", target=5)
    assert as_methodist.get(url).context["report"].indicator("pairs_active").target == 5


def test_coordinator_sees_own_edits_of_the_current_year_at_once(as_coordinator_a, school_a):
    current = AcademicYearFactory(start_year=timezone.localdate().year - (timezone.localdate().month < 9))
    url = f"{reverse('reports:dashboard')}?year={current.pk}"
    assert as_coordinator_a.get(url).context["report"].value("pairs_active") == 0
    make_pair(school_a, started_on=current.start_date)
    assert as_coordinator_a.get(url).context["report"].value("pairs_active") == 1


def test_dashboard_shows_the_charts_of_the_annual_report(as_methodist, district, year):
    IndicatorTarget.objects.create(year=year, code="mentor_satisfaction", target=90)
    response = as_methodist.get(reverse("reports:dashboard"), {"year": year.pk})
    chart = str(response.context["percent_chart"])
    assert chart.count("<rect") == 7  # seven indicators in per cent
    assert chart.count("<line") == 1  # one target set
    assert "Удовлетворённость наставников, %: —" in chart  # nobody answered a questionnaire
    assert str(response.context["forms_chart"]).count("<rect") == 1
