"""A real headless Chromium (Debian's package) driven by Playwright against Django's live server."""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def seeded_by_migrations(db):
    """The rows the migrations seed (forms of mentoring, the methodology's questionnaires): a browser test is
    transactional, and the table flush after each one empties them for the next."""
    import importlib

    from django.apps import apps

    from monitoring.seed import seed as seed_questionnaires

    importlib.import_module("directory.migrations.0002_seed_mentoring_forms").seed(apps, None)
    importlib.import_module("directory.migrations.0005_teacher_teacher_is_pedagogue_pedagogue").retire(
        apps, None
    )
    seed_questionnaires(apps)
    importlib.import_module("directory.migrations.0008_district").create_first_district(apps, None)


@pytest.fixture(scope="session")
def browser():
    # Skipped only where Chromium is not installed (CI installs it and checks it is there); a Chromium that is
    # installed but cannot start fails the run.
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def login(page):
    def log_in(username: str, password: str = "pass-12345"):
        page.goto("/accounts/login/")
        page.get_by_label("Имя пользователя").fill(username)
        page.get_by_label("Пароль").fill(password)
        page.get_by_role("button", name="Войти").click()
        page.wait_for_url("**/")
        return page

    return log_in


@pytest.fixture
def pick():
    """Choose a person in a picker: type part of the name, click the person found."""

    def choose(page, select_id: str, typed: str, person) -> None:
        page.locator(f"#{select_id}_search").fill(typed)
        listbox = page.locator(f"#{select_id}_listbox")
        listbox.get_by_role("option", name=person.full_name, exact=False).click()

    return choose
