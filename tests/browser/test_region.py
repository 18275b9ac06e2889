"""The region in Chromium: the regional reader compares the districts and opens a collection; a district's
methodologist sends their answer; the region accepts it; a personal page is refused to the region."""

from __future__ import annotations

import pytest

from core.access import Role
from reports.models import DistrictReportStatus, RegionalCampaign
from tests.factories import AcademicYearFactory, DistrictFactory, OrganizationFactory, UserFactory
from tests.reports.factories import approved_report, make_pair


@pytest.fixture
def region(transactional_db):
    year = AcademicYearFactory(start_year=2025)
    first_school = OrganizationFactory(short_name="СОШ № 1 пгт Кировский")
    make_pair(first_school)
    approved_report(year, None)  # the first district's analysis of 2025/2026
    second = DistrictFactory(name="Лесозаводский муниципальный округ")
    make_pair(OrganizationFactory(district=second, short_name="СОШ № 3 г. Лесозаводска"))
    return {
        "year": year,
        "first": first_school.district,
        "second": second,
        "methodist": UserFactory(username="metodist", role=Role.METHODIST, district=first_school.district),
        "krai": UserFactory(username="krai", role=Role.REGION),
    }


def test_the_region_collects_and_a_district_answers(page, login, region):
    login("krai")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Отчёты", exact=True).click()
    menu.get_by_role("link", name="Сводка по муниципальным образованиям").click()
    page.get_by_label("Учебный год").select_option(label="2025/2026")
    page.get_by_role("button", name="Показать").click()
    table = page.get_by_test_id("region-summary")
    assert table.get_by_role("link", name="Лесозаводский муниципальный округ").is_visible()
    assert table.locator("tfoot").inner_text().startswith("Итого по краю")

    refused = page.goto("/registry/people/")
    assert refused.status == 403 and page.get_by_role("heading", name="Доступ запрещён").is_visible()

    page.goto("/reports/regional/new/")
    page.get_by_label("Учебный год").select_option(label="2025/2026")
    page.get_by_label("Название").fill("Итоги 2025/2026 в край")
    page.get_by_label("Срок").fill("20.06.2026")
    page.get_by_role("button", name="Открыть сбор").click()
    page.get_by_text("Сбор открыт").wait_for()
    campaign_url = page.url
    assert page.get_by_test_id("district-answers").locator("tbody tr").count() == 2

    page.context.clear_cookies()
    login("metodist")
    page.goto(campaign_url)
    answers = page.get_by_test_id("district-answers")
    assert answers.locator("tbody tr").count() == 1  # only the district's own answer
    answers.get_by_role("link", name="Отправить в край").click()
    page.get_by_role("button", name="Отправить в край").click()
    page.get_by_text("Ответ отправлен в край").wait_for()

    page.context.clear_cookies()
    login("krai")
    page.goto(campaign_url)
    page.get_by_test_id("district-answers").get_by_role("link", name="Принять").click()
    page.get_by_role("button", name="Принять").click()
    page.get_by_text("Ответ принят").wait_for()
    answer = RegionalCampaign.objects.get().reports.get(district=region["first"])
    assert answer.status == DistrictReportStatus.ACCEPTED and answer.figures["values"]["pairs_active"] == 1
