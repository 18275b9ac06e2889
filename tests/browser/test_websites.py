"""A round of website checks in a real browser: the methodologist queues every site, and the round's page
moves its progress bar and each organisation's state while the worker reads the sites, without a reload."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.factories import OrganizationFactory
from tests.websites.factories import WebsiteCheckFactory
from tests.websites.sites import GOOD, LoopHandler, handler, serving

pytestmark = pytest.mark.django_db(transaction=True)


def test_round_check_shows_progress_per_organisation(methodist, settings, login):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with serving(handler(GOOD)) as good, serving(LoopHandler) as loop:
        read = WebsiteCheckFactory(organization=OrganizationFactory(short_name="Школа А", website=good.url))
        WebsiteCheckFactory(
            round=read.round, organization=OrganizationFactory(short_name="Школа Б", website=loop.url)
        )
        page = login("metodist")
        page.goto(read.round.get_absolute_url())
        page.get_by_role("link", name="Проверить все сайты автоматически").click()
        page.get_by_role("button", name="Проверить все сайты автоматически").click()
        expect(page.get_by_role("status")).to_contain_text("Проверено сайтов: 0 из 2")
        expect(page.locator("[data-check-state]").first).to_contain_text("в очереди")
        progress = page.locator("progress[data-progress-bar]")
        assert progress.get_attribute("value") == "0"
        call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)
        expect(page.get_by_role("status")).to_contain_text("Все поставленные в очередь сайты проверены: 2.")
    expect(progress).to_have_js_property("value", 100)
    rows = page.get_by_test_id("round-summary").locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("сайт прочитан")
    expect(rows.nth(0)).to_contain_text("Раздел найден")
    expect(rows.nth(1)).to_contain_text("сайт недоступен")
    page.screenshot(path="/tmp/round-progress.png", full_page=True)
