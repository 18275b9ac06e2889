"""One small base for every downloadable file: XLSX tables and PDF documents.

Each exporter reads through the same scoped selectors as the page it belongs to, so a file never
shows more than the screen.
"""

from __future__ import annotations

import datetime
import itertools
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

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


TITLE_ROWS = 2  # a list export's title row and its «Отбор … Составлено дд.мм.гггг» row, above the header
SAMPLE_ROWS = 500  # columns are sized to the widest value among the first rows
DATA_STYLE = "МШН: ячейка"  # thin borders on every side (a named style the workbook registers once)
HEADER_STYLE = "МШН: шапка"  # the same borders, bold, wrapped, centred vertically


class XlsxTable(Exporter):
    """One sheet written in streaming (write-only) mode: the list's name, its filters and the date of
    compilation above a bold frozen header row with filter buttons; columns sized to their content; the
    header and data cells bordered through two named styles registered once (each streamed cell names its
    style: the file stays one `<c s="…">` per cell, the memory flat); printed A4 landscape, fit to width,
    with the header repeated; the workbook's title, creator and date."""

    content_type = XLSX
    extension = "xlsx"

    def __init__(
        self,
        filename: str,
        title: str,
        headers: Sequence[str],
        rows: Iterable[Sequence[Any]],
        filters: str = "",
    ):
        super().__init__(filename)
        self.title, self.headers, self.rows, self.filters = title, headers, rows, filters

    def render(self):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        register_styles(workbook)
        sheet = workbook.create_sheet(sheet_name(self.title))
        rows = iter(self.rows)
        sample = [list(map(cell_value, row)) for row in itertools.islice(rows, SAMPLE_ROWS)]
        for index, width in enumerate(column_widths(self.headers, sample)):
            sheet.column_dimensions[_letter(index)].width = width
        self._write_head(sheet)
        cell = DataCells(sheet)
        for values in itertools.chain(sample, (map(cell_value, row) for row in rows)):
            sheet.append(cell.row(values))
        set_properties(workbook, self.title)
        stream = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
        workbook.save(stream)
        stream.seek(0)
        return stream

    def _write_head(self, sheet) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        title = WriteOnlyCell(sheet, value=neutralise(self.title))
        title.font = Font(bold=True, size=12)
        sheet.append([title])
        made = _("Составлено %(date)s") % {"date": f"{timezone.localdate():%d.%m.%Y}"}
        sheet.append([neutralise(f"{_('Отбор')}: {self.filters}. {made}" if self.filters else made)])
        header_row = TITLE_ROWS + 1
        sheet.freeze_panes = f"A{header_row + 1}"
        sheet.auto_filter.ref = f"A{header_row}:{_letter(max(len(self.headers), 1) - 1)}{header_row}"
        sheet.print_title_rows = f"{header_row}:{header_row}"
        print_landscape(sheet)
        cells = []
        for header in self.headers:
            cell = WriteOnlyCell(sheet, value=neutralise(header))
            cell.style = HEADER_STYLE
            cells.append(cell)
        sheet.append(cells)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[float]:
    """Each column as wide as its longest value (a date 11, a header's longest word), 10 to 70 characters."""

    def width(value) -> int:
        if isinstance(value, datetime.date):
            return 16 if isinstance(value, datetime.datetime) else 11
        return max((len(line) for line in str(value).splitlines()), default=0) if value is not None else 0

    widths = []
    for index, header in enumerate(headers):
        longest_word = max((len(w) for w in str(header).split()), default=0)
        values = [width(row[index]) for row in rows if index < len(row)]
        widths.append(max(10, min(70, max([longest_word, len(str(header)) // 2, *values]) + 2)))
    return widths


def register_styles(workbook) -> None:
    """The list's two named styles, once per workbook: a cell names one and carries no style of its own."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    workbook.add_named_style(
        NamedStyle(DATA_STYLE, border=border, alignment=Alignment(vertical="top", wrap_text=True))
    )
    header = Alignment(wrap_text=True, vertical="center", horizontal="center")
    workbook.add_named_style(NamedStyle(HEADER_STYLE, border=border, font=Font(bold=True), alignment=header))


def print_landscape(sheet) -> None:
    """A4 landscape, fit to the page's width (as many pages down as needed)."""
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def set_properties(workbook, title: str) -> None:
    """The document's properties: its title, the product as creator, the moment it was made."""
    workbook.properties.title = str(title)
    workbook.properties.creator = "МШН"
    workbook.properties.created = timezone.now().replace(tzinfo=None)


def sheet_name(title: str) -> str:
    """A sheet's tab (31 characters at most, no []:*?/\\), never cut in the middle of a word."""
    name = re.sub(r"[\[\]:*?/\\]", " ", str(title)).strip()
    if len(name) <= 31:
        return name
    cut = name[:31]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,.;–—-")


def write_value(cell, value) -> None:
    """A cell of a normal workbook: formula-like text stays text, shown as typed (the style's quote prefix)."""
    value = cell_value(value) if not isinstance(value, datetime.date | int | float) else value
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        cell.value = value[1:]
        cell.data_type, cell.quotePrefix = "s", True
        return
    cell.value = value


class DataCells:
    """Bordered data cells of one streamed sheet. Each cell takes one of four index arrays of the data
    style made once (plain, date, date and time, quoted text), shared and never changed — `cell.style =
    name` per cell would search the styles and rebuild the array (a 50 000-row export took 6.1 s of CPU
    that way, 5.6 s this way, 4.1 s without borders). Dates are dates; a formula-like text is a text cell
    with the style's quote prefix, so it reads as typed («+7 (42354) 2-11-00») without a visible
    apostrophe and never runs."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.plain = self._prototype()._style
        self.date = self._prototype(number_format="DD.MM.YYYY")._style
        self.moment = self._prototype(number_format="DD.MM.YYYY HH:MM")._style
        self.quoted = self._prototype(quotePrefix=True)._style
        self.cells: list = []

    def _prototype(self, **style):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet)
        cell.style = DATA_STYLE
        for name, value in style.items():
            setattr(cell, name, value)
        return cell

    def row(self, values) -> list:
        """The row's cells: one cell per column, refilled for every row (the sheet writes a row out as it
        is appended, so a cell is free again for the next one)."""
        from openpyxl.cell import WriteOnlyCell

        values = list(values)
        while len(self.cells) < len(values):
            self.cells.append(WriteOnlyCell(self.sheet))
        row = []
        for cell, value in zip(self.cells, values, strict=False):
            if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
                cell.value, cell._style = value[1:], self.quoted
                cell.data_type = "s"
            else:
                cell.value = value
                if isinstance(value, datetime.datetime):
                    cell._style = self.moment
                elif isinstance(value, datetime.date):
                    cell._style = self.date
                else:
                    cell._style = self.plain
            row.append(cell)
        return row


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
