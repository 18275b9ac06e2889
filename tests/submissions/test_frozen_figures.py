"""What is submitted is what is accepted: figures frozen when the coordinator sends the report, shown
beside the registry on the review and accept pages with every change made after sending; an interim
campaign freezes its own period only."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.indicators import report_for
from submissions.services import accept_submission, submit_submission
from tests.factories import AcademicYearFactory, MenteeFactory, PersonFactory
from tests.helpers import count_queries
from tests.reports.factories import make_pair
from tests.submissions.factories import CampaignFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    return AcademicYearFactory(start_year=2025)


@pytest.fixture
def sent(year, school_a, coordinator_a):
    make_pair(school_a, mentees=2)
    submission = SubmissionFactory(
        campaign=CampaignFactory(year=year), organization=school_a, pupils_10_18=100
    )
    submit_submission(submission, user=coordinator_a)
    submission.refresh_from_db()
    return submission


def url(name, submission):
    return reverse(f"submissions:{name}", args=[submission.pk])


def test_figures_are_frozen_when_sent_and_acceptance_keeps_them(methodist, school_a, sent, year):
    assert sent.submitted_at is not None
    assert sent.snapshot["components"]["mentees_in_pairs"] == 2
    make_pair(school_a, mentees=3)  # after sending, before acceptance
    accept_submission(sent, user=methodist)
    sent.refresh_from_db()
    assert sent.snapshot["components"]["mentees_in_pairs"] == 2  # what the coordinator declared
    report = report_for(methodist, year)
    assert report.value("mentees_in_pairs") == 2
    assert report.indicator("mentees_in_pairs").frozen == 1
    assert report.rows[0].accepted_at == sent.accepted_at


def test_review_and_accept_pages_show_submitted_figures_beside_the_registry_and_the_changes(
    as_methodist, coordinator_a, school_a, sent
):
    late = MenteeFactory(person=PersonFactory(organization=school_a, last_name="Позднякова"))
    make_pair(school_a, mentees=0).mentees.add(late)
    for name in ("submission_detail", "submission_accept"):
        page = as_methodist.get(url(name, sent)).content.decode()
        row = page.split('<tr data-code="mentees_in_pairs" class="table-warning">')[1].split("</tr>")[0]
        assert '<td class="text-end">2</td>' in row  # sent
        assert '<td class="text-end">3 <span class="visually-hidden">(отличается)</span></td>' in row  # today
        assert '<tr data-code="mentees">' in page  # unchanged: not marked
        changes = page.split('data-testid="changes-since"')[1].split("</table>")[0]
        assert f'Человек: <a href="/registry/people/{late.person_id}/">Позднякова' in changes
        assert "<td>Создано</td>" in changes


def test_nothing_changed_after_sending_is_said_so(as_methodist, sent):
    page = as_methodist.get(url("submission_detail", sent)).content.decode()
    assert 'data-testid="no-changes"' in page
    assert "table-warning" not in page.split('data-testid="submitted-figures"')[1].split("</table>")[0]


def test_review_page_query_count_is_fixed(as_methodist, school_a, sent):
    small = count_queries(as_methodist, url("submission_detail", sent))
    for _ in range(5):
        make_pair(school_a, mentees=2)
        PersonFactory(organization=school_a)
    assert count_queries(as_methodist, url("submission_detail", sent)) == small


def test_where_to_fill_links_open_the_schools_own_records(as_methodist, school_a, year):
    submission = SubmissionFactory(campaign=CampaignFactory(year=year), organization=school_a)
    page = as_methodist.get(url("submission_detail", submission)).content.decode()
    links = page.split('data-testid="registry-links"')[1].split("</ul>")[0]
    assert links.count(f"?organization={school_a.pk}") == links.count("<a ")


def test_an_interim_campaign_freezes_only_its_period(methodist, coordinator_a, school_a, year):
    make_pair(school_a, started_on=datetime.date(2025, 9, 15))
    make_pair(school_a, started_on=datetime.date(2026, 2, 1))  # second half-year
    interim = CampaignFactory(year=year, period_end=datetime.date(2025, 12, 31))
    submission = SubmissionFactory(campaign=interim, organization=school_a)
    submit_submission(submission, user=coordinator_a)
    accept_submission(submission, user=methodist)
    submission.refresh_from_db()
    assert submission.snapshot["period"] == ["2025-09-01", "2025-12-31"]
    assert submission.snapshot["components"]["pairs_active"] == 1  # as of its period's end
    whole_year = report_for(methodist, year)
    assert whole_year.value("pairs_active") == 2 and whole_year.organizations_with_snapshot == 0


def test_campaign_period_must_lie_inside_its_year(as_methodist, year, school_a):
    response = as_methodist.post(
        reverse("submissions:campaign_create"),
        {"title": "Полугодие", "year": year.pk, "period_start": "01.09.2025", "period_end": "01.09.2026",
         "deadline": "15.01.2026", "organizations": [school_a.pk]},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Дата должна быть внутри учебного года 2025/2026." in response.content.decode()
    assert 'value="01.09.2026"' in response.content.decode()  # what was typed stays


def test_accepted_figures_carry_their_date_on_the_dashboard(as_methodist, methodist, sent, year):
    accept_submission(sent, user=methodist)
    page = as_methodist.get(reverse("reports:dashboard"), {"year": year.pk}).content.decode()
    assert f"принятые руководителем МШН {timezone.localdate():%d.%m.%Y}" in page
    assert "отчёты: 1 орг." in page
