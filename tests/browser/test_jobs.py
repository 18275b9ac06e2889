"""«Файл готовится» in a real browser: the progress bar moves without a reload while the worker builds the
file, then the download starts by itself and the file parses back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from playwright.sync_api import expect

from core.exporters import TITLE_ROWS
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_large_export_shows_progress_then_downloads(methodist, school_a, settings, login):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.EXPORT_TASK_ROWS = 2
    for number in range(3):
        PersonFactory(organization=school_a, last_name=f"Петрова{number}")
    page = login("metodist")
    page.goto("/registry/people/")
    page.get_by_role("link", name="Скачать XLSX").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Файл готовится")
    expect(page.get_by_role("status")).to_contain_text("В очереди")
    progress = page.locator("progress[data-job-progress]")
    assert progress.get_attribute("value") == "0"
    url = page.url
    with page.expect_download() as info:  # the worker runs here while the page keeps asking
        call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)
    assert page.url == url  # the same page, never reloaded
    expect(progress).to_have_js_property("value", 100)
    expect(page.get_by_role("link", name="Скачать")).to_be_visible()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(Path(download.path()).read_bytes()), read_only=True)
    names = sorted(row[0] for row in book.worksheets[0].iter_rows(min_row=TITLE_ROWS + 2, values_only=True))
    assert [name.split()[0] for name in names] == ["Петрова0", "Петрова1", "Петрова2"]
