from __future__ import annotations

import datetime
import random
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

from accounts.navigation import menu_for
from demo.district import submissions as demo
from submissions.models import Campaign, Submission, SubmissionStatus
from submissions.selectors import accepted_figures, home_figures_for
from tests.factories import AcademicYearFactory, OrganizationFactory, UserFactory
from tests.submissions.factories import CampaignFactory, SubmissionFactory


def test_home_figures_of_the_open_campaign(methodist, coordinator_a, school_a, school_b):
    campaign = CampaignFactory(deadline=timezone.localdate() - datetime.timedelta(days=1))
    SubmissionFactory(campaign=campaign, organization=school_a, status=SubmissionStatus.FILLING)
    SubmissionFactory(campaign=campaign, organization=school_b, status=SubmissionStatus.SENT)
    SubmissionFactory(campaign=campaign, status=SubmissionStatus.ACCEPTED)
    figures = home_figures_for(methodist)
    assert (figures["campaign"], figures["sent"], figures["accepted"], figures["overdue"]) == (
        campaign,
        1,
        1,
        1,
    )
    own = home_figures_for(coordinator_a)
    assert "sent" not in own and [s.organization for s in own["owed"]] == [school_a]


def test_home_page_shows_what_the_coordinator_owes(as_coordinator_a, school_a):
    campaign = CampaignFactory(title="Данные за год", deadline=datetime.date(2026, 5, 25))
    SubmissionFactory(campaign=campaign, organization=school_a)
    page = as_coordinator_a.get(reverse("home")).content.decode()
    assert 'data-testid="figure-owed"' in page and "до 25.05.2026" in page and "Данные за год" in page


def test_menu_items_by_role(methodist, coordinator_a, department, region_reader):
    def labels(user):
        groups = [entry for entry in menu_for(user, "/")["menu"] if entry["label"] == "Сбор данных"]
        return [child["label"] for child in groups[0]["children"]]

    district = ["Кампании", "Проверка сайтов", "Сбор данных края"]
    assert labels(methodist) == labels(department) == labels(region_reader) == district
    assert labels(coordinator_a) == ["Мои отчёты", "Проверка сайта"]


def test_demo_loads_every_state_once(db):
    organizations = [OrganizationFactory(website=f"https://oo{n}.edu.ru") for n in range(7)]
    today = timezone.localdate()
    start = today.year if today.month >= 9 else today.year - 1
    years = [AcademicYearFactory(start_year=start), AcademicYearFactory(start_year=start - 1)]
    users = {
        "metodist": UserFactory(username="metodist", role="methodist"),
        "kurator1": UserFactory(username="kurator1", role="coordinator", organization=organizations[0]),
    }
    namespace = SimpleNamespace(organizations=organizations, years=years, users=users, rng=random.Random(1))
    assert demo.load(namespace).startswith("Сбор данных")
    assert demo.load(namespace) == ""
    assert Campaign.objects.count() == 3  # the current, last year's and its interim half-year
    assert Campaign.objects.filter(period_end__isnull=False).count() == 1
    current = Submission.objects.filter(campaign__year=years[0])
    assert set(current.values_list("status", flat=True)) == set(SubmissionStatus.values)
    assert current.get(organization=organizations[0]).status == SubmissionStatus.FILLING
    assert accepted_figures(years[1], organizations[3])["declared"]["pupils_count"] > 0
