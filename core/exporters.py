"""One small base for every downloadable file: XLSX tables and PDF documents.

Each exporter reads through the same scoped selectors as the page it belongs to, so a file never
shows more than the screen.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import Promise

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula is kept as text (a lazy translation as text)."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def cell_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, int | float | datetime.date):
        return value
    return neutralise(str(value))


class Exporter:
    """identifier, file name, content type and `render()`; `response()` sends it as a download."""

    content_type = "application/octet-stream"
    extension = ""

    def __init__(self, filename: str):
        self.filename = f"{filename}.{self.extension}"

    def render(self):
        raise NotImplementedError

    def response(self) -> HttpResponse:
        return FileResponse(
            self.render(), as_attachment=True, filename=self.filename, content_type=self.content_type
        )


class XlsxTable(Exporter):
    """One sheet: a bold frozen header row and rows written in streaming (write-only) mode."""

    content_type = XLSX
    extension = "xlsx"

    def __init__(self, filename: str, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]):
        super().__init__(filename)
        self.title, self.headers, self.rows = title, headers, rows

    def render(self):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(self.title[:31])
        sheet.freeze_panes = "A2"
        for index, header in enumerate(self.headers):
            sheet.column_dimensions[_letter(index)].width = max(12, min(60, len(header) + 4))
        header_cells = []
        for header in self.headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = Font(bold=True)
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in self.rows:
            sheet.append([_typed_cell(sheet, v) for v in map(cell_value, row)])
        stream = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
        workbook.save(stream)
        stream.seek(0)
        return stream


def _typed_cell(sheet, value):
    """Dates as dates; a formula-like text as a text cell with the style's quote prefix, so it reads as
    typed («+7 (42354) 2-11-00») without a visible apostrophe and never runs."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value[1:])
        cell.data_type, cell.quotePrefix = "s", True
        return cell
    return _date_cell(sheet, value)


def _date_cell(sheet, value):
    if isinstance(value, datetime.date):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD.MM.YYYY HH:MM" if isinstance(value, datetime.datetime) else "DD.MM.YYYY"
        return cell
    return value


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


@dataclass(frozen=True)
class Stamp:
    """The approval stamp of ГОСТ Р 7.0.97: УТВЕРЖДАЮ, position, signature line with И. О. Фамилия, date
    (blank lines to fill in by hand while `day` is not known)."""

    position: str
    name: str
    day: datetime.date | None = None


class PdfDocument(Exporter):
    """A PDF rendered by WeasyPrint from a template (imported lazily: it is slow to import)."""

    content_type = "application/pdf"
    extension = "pdf"

    def __init__(self, filename: str, template: str, context: dict, base_url: str | None = None):
        super().__init__(filename)
        self.template, self.context, self.base_url = template, context, base_url

    def render(self, archive: bool = False):
        import io

        from weasyprint import HTML

        from core.fonts import document_stylesheets, font_config

        html = render_to_string(self.template, self.context)
        config = font_config()
        document = HTML(string=html, base_url=self.base_url).render(
            stylesheets=document_stylesheets(config), font_config=config
        )
        return io.BytesIO(write_pdf(document, archive))


def write_pdf(document, archive: bool = False) -> bytes:
    """Tagged PDF (with the template's <html lang="ru"> a screen reader reads it); PDF/A-3b for the archive,
    its title, author and date taken from the template's <title> and <meta> (see `core/pdf/meta.html`)."""
    options = {"pdf_tags": True}
    if archive:
        options["pdf_variant"] = "pdf/a-3b"
    return document.write_pdf(**options)
