"""Under the Content Security Policy the pages run their scripts and show no violation."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def csp_violations(page) -> list[str]:
    """The browser's console reports of blocked inline code, collected as the page runs."""
    found: list[str] = []

    def keep(message):
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.on("console", keep)
    return found


def test_add_row_works_under_the_policy_without_violations(methodist, page, login):
    violations = csp_violations(page)
    login("metodist")
    page.goto(reverse("events:event_create"))
    rows = page.locator("#materials-rows tr")
    before = rows.count()
    page.get_by_role("button", name="Добавить материал").click()
    expect(rows).to_have_count(before + 1)
    assert page.locator("#id_materials-TOTAL_FORMS").input_value() == str(before + 1)
    page.get_by_test_id("user-menu").click()
    expect(page.get_by_role("link", name="Сменить пароль")).to_be_visible()
    assert violations == []
