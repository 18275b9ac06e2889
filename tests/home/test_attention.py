"""«Требует внимания»: known figures for the methodologist, a coordinator sees only their own
organisation's, the department none; the page's query count does not grow with the data."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import start_year_of
from registry.models import Activity, Consent
from submissions.models import SubmissionStatus
from tests.factories import (
    AcademicYearFactory,
    MenteeFactory,
    MentorFactory,
    PairFactory,
    YoungPedagogueFactory,
)
from tests.helpers import count_queries
from tests.meetings.factories import make_roadmap_item
from tests.submissions.factories import CampaignFactory, SubmissionFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
AGO = TODAY - datetime.timedelta(days=30)


def consent(person):
    Consent.objects.create(person=person, kind="processing", signed_on=AGO - datetime.timedelta(days=300))


def troubles(school, n: int = 1):
    """For each of n: a pair past its planned end, with an overdue activity, without an order; its mentee
    without consent; a young pedagogue without a mentor; an overdue roadmap item and submission."""
    year = AcademicYearFactory(start_year=start_year_of(TODAY))
    for _ in range(n):
        mentor = MentorFactory(person__organization=school)
        mentee = MenteeFactory(person__organization=school)
        consent(mentor.person)
        pair = PairFactory(
            mentor=mentor, mentees=[mentee], started_on=AGO - datetime.timedelta(days=200), planned_end_on=AGO
        )
        Activity.objects.create(program=pair.program, title="Посещение уроков", due_on=AGO)
        young = YoungPedagogueFactory(organization=school, birth_date=TODAY.replace(year=TODAY.year - 25),
                                      experience_start=AGO)  # fmt: skip
        consent(young)
        make_roadmap_item(year, due_on=AGO, responsible_organization=school)
        SubmissionFactory(campaign=CampaignFactory(year=year, deadline=AGO), organization=school,
                          status=SubmissionStatus.FILLING)  # fmt: skip


def counts(client) -> dict:
    response = client.get(reverse("attention"))
    return {c.key: c.count for c in response.context["concerns"]}


def test_methodist_sees_every_concern_of_the_district(as_methodist, school_a, school_b):
    troubles(school_a)
    troubles(school_b, 2)
    assert counts(as_methodist) == {
        "pairs_past_end": 3,
        "activities_overdue": 3,
        "pairs_without_program_or_order": 3,
        "without_consent": 3,
        "young_without_mentor": 3,
        "meetings_short": 2,
        "roadmap_overdue": 3,
        "submissions_overdue": 3,
    }


def test_coordinator_sees_their_organisations_concerns_only(as_coordinator_a, school_a, school_b):
    troubles(school_a)
    troubles(school_b, 2)
    response = as_coordinator_a.get(reverse("attention"))
    assert {c.key: c.count for c in response.context["concerns"]} == {
        "pairs_past_end": 1,
        "activities_overdue": 1,
        "pairs_without_program_or_order": 1,
        "without_consent": 1,
        "young_without_mentor": 1,
        "roadmap_overdue": 1,
        "submissions_overdue": 1,
    }
    assert "Школа Б" not in response.content.decode()


def test_each_line_links_to_its_record(as_methodist, school_a):
    troubles(school_a)
    concerns = {c.key: c for c in as_methodist.get(reverse("attention")).context["concerns"]}
    pair_url = concerns["pairs_past_end"].lines[0].url
    assert pair_url.startswith("/registry/pairs/")
    assert concerns["activities_overdue"].lines[0].url == pair_url
    young = concerns["young_without_mentor"].lines[0]
    assert young.url.endswith("/match/")
    assert concerns["roadmap_overdue"].lines[0].url.startswith("/meetings/roadmap/")


def test_a_pair_put_right_leaves_the_list(as_methodist, school_a):
    troubles(school_a)
    pair = PairFactory._meta.model.objects.get()
    pair.planned_end_on = TODAY + datetime.timedelta(days=30)
    pair.order_number = "15-о"
    pair.save()
    found = counts(as_methodist)
    assert "pairs_past_end" not in found
    assert "pairs_without_program_or_order" not in found


def test_department_has_no_attention_page(as_department):
    assert as_department.get(reverse("attention")).status_code == 403


def test_home_shows_the_attention_block(as_methodist, as_coordinator_a, as_department, school_a):
    troubles(school_a)
    page = as_methodist.get(reverse("home")).content.decode()
    assert 'data-testid="attention-block"' in page
    assert "Молодые педагоги без наставника</a>: <strong>1</strong>" in page
    assert 'data-testid="attention-block"' in as_coordinator_a.get(reverse("home")).content.decode()
    assert 'data-testid="attention-block"' not in as_department.get(reverse("home")).content.decode()


@pytest.mark.parametrize("name", ["methodist", "coord_a"])
def test_attention_query_count_is_fixed(personas, school_a, school_b, name):
    troubles(school_a)
    troubles(school_b)
    small = count_queries(personas[name], reverse("attention"))
    troubles(school_a, 15)
    troubles(school_b, 15)
    assert count_queries(personas[name], reverse("attention")) == small


def test_home_block_is_kept_until_the_data_changes(as_methodist, school_a):
    """The home page reads the block from the shared cache; a write shows on the next page at once."""
    AcademicYearFactory(start_year=start_year_of(TODAY))
    first = count_queries(as_methodist, reverse("home"))
    assert count_queries(as_methodist, reverse("home")) < first
    assert "Молодые педагоги без наставника" not in as_methodist.get(reverse("home")).content.decode()
    YoungPedagogueFactory(organization=school_a, birth_date=TODAY.replace(year=TODAY.year - 25),
                          experience_start=AGO)  # fmt: skip
    assert "Молодые педагоги без наставника" in as_methodist.get(reverse("home")).content.decode()
