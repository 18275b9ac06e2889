"""Rough edges found in a walk of every duty in the browser (issue 21): each test failed before its fix."""

from __future__ import annotations

import pytest
from django.urls import reverse

from banks.models import PracticeStatus
from registry.models import Consent
from tests.banks.factories import PracticeFactory
from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory
from tests.submissions.factories import SubmissionFactory
from tests.websites.factories import WebsiteCheckFactory

pytestmark = pytest.mark.django_db


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# Navigation --------------------------------------------------------------------------------------------


def test_home_pair_tiles_open_the_list_filtered_by_state(as_methodist):
    html = page(as_methodist, reverse("home"))
    for status in ("active", "forming", "completed"):
        assert f'href="/registry/pairs/?status={status}"' in html


def test_pair_state_page_names_the_pair(as_methodist, school_a):
    mentee = MenteeFactory(person=PersonFactory(organization=school_a, last_name="Молодцов"))
    pair = PairFactory(mentor=MentorFactory(person__organization=school_a), mentees=[mentee])
    html = page(as_methodist, reverse("registry:pair_transition", args=[pair.pk]))
    assert "Смена состояния — Пара: Наставникова" in html and "Молодцов" in html


def test_consent_forms_say_whose_consent(as_coordinator_a, school_a):
    person = PersonFactory(organization=school_a, last_name="Согласова", first_name="Вера")
    assert "Согласие: Согласова Вера" in page(
        as_coordinator_a, reverse("registry:consent_create", args=[person.pk])
    )
    consent = Consent.objects.create(person=person, kind="processing", signed_on="2025-09-01")
    assert "Согласие: Согласова Вера" in page(
        as_coordinator_a, reverse("registry:consent_update", args=[consent.pk])
    )


def test_my_reports_link_by_campaign_without_repeating_the_organisation(as_coordinator_a, school_a):
    submission = SubmissionFactory(organization=school_a)
    response = as_coordinator_a.get(reverse("submissions:submission_list"))
    assert [str(c.title) for c in response.context["columns"]][0] == "Кампания"
    assert "Организация" not in [str(c.title) for c in response.context["columns"]]
    html = response.content.decode()
    assert f'<a href="{submission.get_absolute_url()}">{submission.campaign.title}</a>' in html


def test_site_check_breadcrumb_leads_to_its_round(as_methodist, school_a):
    check = WebsiteCheckFactory(organization=school_a)
    crumbs = as_methodist.get(check.get_absolute_url()).context["breadcrumbs"]
    assert crumbs[-1] == (str(check.round), check.round.get_absolute_url())


# Practices ---------------------------------------------------------------------------------------------


def test_methodist_publishes_her_own_draft_instead_of_sending_it_to_herself(as_methodist, school_a):
    practice = PracticeFactory(organization=school_a)
    html = page(as_methodist, practice.get_absolute_url())
    assert "Отправить на рассмотрение" not in html
    assert reverse("banks:practice_publish", args=[practice.pk]) in html
    assert as_methodist.post(reverse("banks:practice_submit", args=[practice.pk])).status_code == 403
    as_methodist.post(reverse("banks:practice_publish", args=[practice.pk]), {"comment": ""})
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED
