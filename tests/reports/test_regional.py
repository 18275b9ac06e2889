"""The region collects every district's figures and approved annual analysis: the district sends, the region
accepts or returns; the figures are frozen as sent and agree with the regional summary."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.access import Role
from reports import regional
from reports.models import DistrictReportStatus, RegionalCampaign
from reports.region import summary_for
from tests.conftest import client_for
from tests.factories import AcademicYearFactory, DistrictFactory, OrganizationFactory, UserFactory
from tests.reports.factories import approved_report, make_pair, regional_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    return AcademicYearFactory(start_year=2025)


@pytest.fixture
def two_districts(school_a, year):
    """School A's district with two pairs, a second district with one; a methodologist in each."""
    make_pair(school_a)
    make_pair(school_a)
    second = DistrictFactory(name="Лесозаводский муниципальный округ")
    make_pair(OrganizationFactory(district=second, short_name="СОШ № 1 г. Лесозаводска"))
    first = school_a.district
    return {
        "first": first,
        "second": second,
        "methodist_first": UserFactory(username="m1", role=Role.METHODIST, district=first),
        "methodist_second": UserFactory(username="m2", role=Role.METHODIST, district=second),
        "region": UserFactory(username="krai", role=Role.REGION),
    }


def test_a_campaign_asks_every_active_district_once(two_districts, year):
    DistrictFactory(name="Закрытый округ", is_active=False)
    campaign = regional_campaign(year)
    assert {r.district.name for r in campaign.reports.all()} == {
        two_districts["first"].name,
        two_districts["second"].name,
    }
    regional.open_campaign(campaign)  # opened again: nobody is asked twice
    assert campaign.reports.count() == 2


def test_sending_needs_the_approved_analysis_then_freezes_the_districts_figures(two_districts, year):
    campaign = regional_campaign(year)
    answer = campaign.reports.get(district=two_districts["first"])
    methodist = two_districts["methodist_first"]
    with pytest.raises(ValidationError, match="Сначала утвердите анализ работы за 2025/2026"):
        regional.send_report(answer, user=methodist)
    analysis = approved_report(year, None)
    analysis_district = type(analysis).objects.filter(pk=analysis.pk).values_list("district_id", flat=True)[0]
    assert analysis_district == two_districts["first"].pk
    regional.send_report(answer, user=methodist)
    answer.refresh_from_db()
    rows, _total = summary_for(two_districts["region"], year)
    first_row = next(row for row in rows if row.district == two_districts["first"])
    assert answer.status == DistrictReportStatus.SENT and answer.analysis == analysis
    assert answer.figures["values"]["pairs_active"] == first_row.values["pairs_active"] == 2
    assert answer.figures["organizations"] == first_row.organizations


def test_the_region_returns_with_a_reason_and_accepts_what_is_sent_again(two_districts, year):
    campaign = regional_campaign(year)
    answer = campaign.reports.get(district=two_districts["first"])
    approved_report(year, None)
    regional.send_report(answer, user=two_districts["methodist_first"])
    with pytest.raises(ValidationError, match="Напишите, что нужно исправить"):
        regional.return_report(answer, user=two_districts["region"], comment=" ")
    regional.return_report(answer, user=two_districts["region"], comment="Нет данных о заседаниях")
    with pytest.raises(ValidationError, match="нельзя принять"):
        regional.accept_report(answer, user=two_districts["region"])
    regional.send_report(answer, user=two_districts["methodist_first"])
    regional.accept_report(answer, user=two_districts["region"])
    answer.refresh_from_db()
    assert answer.status == DistrictReportStatus.ACCEPTED
    assert [t.to_status for t in answer.transitions.all()] == ["sent", "returned", "sent", "accepted"]
    assert answer.transitions.get(to_status="returned").comment == "Нет данных о заседаниях"


def test_in_the_browser_each_district_sees_its_own_answer_and_the_region_all(two_districts, year):
    region = client_for(two_districts["region"])
    response = region.post(
        reverse("reports:regional_create"),
        {"year": year.pk, "title": "Итоги 2025/2026 в край", "deadline": "20.06.2026", "note": ""},
    )
    campaign = RegionalCampaign.objects.get()
    assert response.status_code == 302 and campaign.deadline == datetime.date(2026, 6, 20)
    url = campaign.get_absolute_url()
    region_page = region.get(url).content.decode()
    assert two_districts["first"].name in region_page and two_districts["second"].name in region_page
    second_page = client_for(two_districts["methodist_second"]).get(url).content.decode()
    assert two_districts["second"].name in second_page and two_districts["first"].name not in second_page
    assert "Отправить в край" in second_page and "Принять" not in second_page
    answer = campaign.reports.get(district=two_districts["first"])
    refused = client_for(two_districts["methodist_second"]).post(
        reverse("reports:district_report_send", args=[answer.pk]), {"comment": ""}
    )
    assert refused.status_code == 404
    approved_report(year, None)
    sent = client_for(two_districts["methodist_first"]).post(
        reverse("reports:district_report_send", args=[answer.pk]), {"comment": ""}, follow=True
    )
    assert "Ответ отправлен в край" in sent.content.decode()
    answer.refresh_from_db()
    assert answer.status == DistrictReportStatus.SENT
    assert "Принять" in region.get(url).content.decode()


def test_the_summary_makes_a_fixed_number_of_queries_whatever_the_number_of_districts(two_districts, year):
    from django.core.cache import cache

    from tests.helpers import count_queries

    region = client_for(two_districts["region"])
    url = reverse("reports:region_summary") + f"?year={year.pk}"
    cache.clear()
    two = count_queries(region, url)
    for number in range(3):
        district = DistrictFactory(name=f"Округ № {number}")
        make_pair(OrganizationFactory(district=district, short_name=f"СОШ округа № {number}"))
    cache.clear()
    assert count_queries(region, url) == two
    rows = region.get(url).context["rows"]
    assert [row.organizations for row in rows].count(1) >= 4 and len(rows) == 5
