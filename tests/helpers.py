"""Small helpers shared by the tests."""

from __future__ import annotations

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from core.exporters import TITLE_ROWS


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(ctx.captured_queries)


def xlsx_rows(response) -> list[tuple]:
    """The first sheet of a downloaded XLSX, parsed back."""
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return xlsx_content_rows(b"".join(response.streaming_content))


def xlsx_content_rows(content: bytes) -> list[tuple]:
    """The first sheet of an XLSX file's bytes, below a list export's title rows."""
    book = load_workbook(io.BytesIO(content), read_only=True)
    rows = [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    if len(rows) > TITLE_ROWS and "Составлено" in str(rows[TITLE_ROWS - 1][0] or ""):
        return rows[TITLE_ROWS:]  # a list export: its title and «Отбор … Составлено …» rows come first
    return rows


def form_data(form) -> dict:
    """What a browser would post back for an unbound form: its initial values."""
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        data[name] = value.pk if hasattr(value, "pk") else value
    return data
