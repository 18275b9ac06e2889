"""The annual report as files: a PDF laid out as a Russian official document (ГОСТ Р 7.0.97-2025) and an
XLSX workbook with a sheet per section and a sheet that explains each column."""

from __future__ import annotations

import datetime
import io
import tempfile
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.docx_files import DocxDocument
from core.exporters import XLSX, Exporter, PdfDocument, Stamp, write_pdf
from directory.models import DocumentRequisites
from reports.annual import AnnualReport, Section, shown
from reports.statforms import Sheet, write_sheet


@dataclass(frozen=True)
class Approval:
    """What the title page says of an approved version."""

    version: int
    approved_at: datetime.datetime
    approved_by: str


class AnnualXlsx(Exporter):
    content_type = XLSX
    extension = "xlsx"

    def __init__(self, report: AnnualReport, approval: Approval | None = None):
        super().__init__(report.file_stem)
        self.report, self.approval = report, approval

    def render(self):
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.active)
        status = approval_line(self.approval, self.report)
        for section in self.report.sections:
            sheet = book.create_sheet()
            write_sheet(sheet, section.sheet)
            sheet["A2"] = status
        write_sheet(book.create_sheet(), explanation_sheet(self.report))
        book.properties.title = self.report.title
        book.properties.creator = settings.MSHN_ORGANIZATION_NAME
        stream = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
        book.save(stream)
        stream.seek(0)
        return stream


def approval_line(approval: Approval | None, report: AnnualReport) -> str:
    if approval is None:
        return _("Проект, сформирован %(when)s") % {"when": report.built_at.strftime("%d.%m.%Y %H:%M")}
    return _("Утверждён %(when)s (%(who)s), версия %(version)s") % {
        "when": approval.approved_at.strftime("%d.%m.%Y"),
        "who": approval.approved_by,
        "version": approval.version,
    }


def explanation_sheet(report: AnnualReport) -> Sheet:
    """«Пояснения»: for every sheet, what each of its columns means."""
    rows = [
        [section.sheet.title, column, meaning]
        for section in report.sections
        for column, meaning in section.notes
    ]
    return Sheet(
        title=_("Пояснения"),
        top=[(_("Лист"), 1), (_("Столбец"), 1), (_("Что означает"), 1)],
        sub=[],
        rows=rows,
        widths=(36, 26, 90),
    )


FIRST_BODY_PAGE = 3  # the title page and one page of contents come first


class AnnualPdf(PdfDocument):
    """Sections are laid out once, then the title page and the contents with the pages they landed on:
    WeasyPrint would otherwise lay a long document out three times to resolve the contents' numbers."""

    def __init__(self, report: AnnualReport, approval: Approval | None = None):
        requisites = DocumentRequisites.current(report.text.district_id)
        context = {
            "report": report,
            "sections": [_pdf_section(section) for section in report.sections],
            "approval": approval,
            "stamp": annual_stamp(requisites, approval),
            "signer_position": report.text.signer_position or requisites.head_position,
            "signer_name": report.text.signer_name or requisites.head_name,
            "organization_name": requisites.organization_name,
            "place": requisites.place,
            "document_author": requisites.organization_name,
            "document_date": approval.approved_at if approval else report.built_at,
            "conclusions": _paragraphs(report.text.conclusions),
            "plan": _paragraphs(report.text.plan),
            "first_page": FIRST_BODY_PAGE,
        }
        super().__init__(report.file_stem, "reports/pdf/annual_body.html", context)

    def render(self, archive: bool = False):
        from weasyprint import HTML

        from core.fonts import document_stylesheets, font_config

        config = font_config()
        options = {"stylesheets": document_stylesheets(config), "font_config": config}
        body = HTML(string=render_to_string(self.template, self.context)).render(**options)
        pages = section_pages(body)
        contents = [(s.number, s.title, pages.get(s.number, "")) for s in self.context["report"].sections]
        front_html = render_to_string(
            "reports/pdf/annual_front.html", {**self.context, "front": True, "contents": contents}
        )
        front = HTML(string=front_html).render(**options)
        return io.BytesIO(write_pdf(front.copy([*front.pages, *body.pages]), archive))


def annual_stamp(requisites: DocumentRequisites, approval: Approval | None) -> Stamp:
    """УТВЕРЖДАЮ with the approver the methodologist set; the date once a version is approved."""
    day = approval.approved_at.date() if approval else None
    return Stamp(requisites.approver_position, requisites.approver_name, day)


def section_pages(document) -> dict[int, int]:
    """The printed page number on which each section begins."""
    pages: dict[int, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("section-"):
                pages.setdefault(int(anchor.removeprefix("section-")), index + FIRST_BODY_PAGE)
    return pages


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@dataclass
class PdfTable:
    header: list[list[tuple[str, int, int]]]  # rows of (text, colspan, rowspan)
    rows: list[list[tuple[str, str]]]  # (text, CSS class: "number", "date" or "")
    total: list[tuple[str, str]] | None
    widths: list[float]  # per column, per cent of the table's width


def _pdf_section(section: Section) -> dict:
    """The section's table for print: a very long one (a region's schools) grouped by kind instead."""
    if section.key == "conclusions":
        return {"section": section, "table": None, "note": ""}
    if section.summary is None or len(section.sheet.rows) <= settings.REPORT_PDF_MAX_ROWS:
        return {"section": section, "table": pdf_table(section.sheet), "note": ""}
    note = _(
        "Строк в таблице — %(n)s, поэтому здесь приведены итоги по видам; полная таблица — на листе «%(sheet)s» "
        "файла XLSX этого отчёта."
    ) % {"n": len(section.sheet.rows), "sheet": section.sheet.name}
    return {"section": section, "table": pdf_table(section.summary), "note": note}


def pdf_table(sheet: Sheet) -> PdfTable:
    """The sheet as HTML table rows: the same two-row header, values shown as in Russian documents."""
    two_rows = any(span > 1 for _text, span in sheet.top)
    top = [(text, span, 2 if two_rows and span == 1 else 1) for text, span in sheet.top]
    header = [top, [(text, 1, 1) for text in sheet.sub]] if two_rows else [top]
    columns = sum(span for _text, span in sheet.top)
    numeric = [
        bool(sheet.rows) and all(isinstance(row[i], int | float) or row[i] is None for row in sheet.rows)
        for i in range(columns)
    ]

    def cells(row: list) -> list[tuple[str, str]]:
        return [(shown(value), _css_class(value, numeric[i])) for i, value in enumerate(row)]

    return PdfTable(
        header=header,
        rows=[cells(row) for row in sheet.rows],
        total=cells(sheet.total) if sheet.total else None,
        widths=_percent_widths(sheet, columns),
    )


def _css_class(value, numeric: bool) -> str:
    if numeric:
        return "number"
    return "date" if isinstance(value, datetime.date) else ""


# Table headers are never hyphenated: a column is at least as wide as the longest word of its header
# (8.5 pt bold PT Serif: up to 2.1 mm a letter, plus the cell's padding, on a 170 mm wide table).
LETTER_MM, PADDING_MM, TABLE_MM = 2.1, 3.0, 170


def _percent_widths(sheet: Sheet, columns: int) -> list[float]:
    widths = [sheet.widths[i] if i < len(sheet.widths) else 14 for i in range(columns)]
    shares = [100 * w / sum(widths) for w in widths]
    floors = [
        100 * (LETTER_MM * _longest_word(text) + PADDING_MM) / TABLE_MM for text in _column_headers(sheet)
    ]
    floors += [0.0] * (columns - len(floors))
    short = {i for i in range(columns) if shares[i] < floors[i]}
    if short and sum(floors[i] for i in short) < 100:
        rest = sum(shares[i] for i in range(columns) if i not in short)
        left = 100 - sum(floors[i] for i in short)
        shares = [floors[i] if i in short else shares[i] * left / rest for i in range(columns)]
    return [round(share, 1) for share in shares]


def _column_headers(sheet: Sheet) -> list[str]:
    """The header text over each column: a spanning top cell's columns are named by the second row."""
    sub = iter(sheet.sub)
    headers: list[str] = []
    for text, span in sheet.top:
        headers += [text] if span == 1 else [next(sub, "") for _ in range(span)]
    return headers


def _longest_word(text: str) -> int:
    return max((len(word) for word in str(text).split()), default=0)


class AnnualDocx(DocxDocument):
    """The annual analysis as an editable document: title page, sections with their tables, signatures."""

    def __init__(self, report: AnnualReport, approval: Approval | None = None):
        requisites = DocumentRequisites.current(report.text.district_id)
        super().__init__(report.file_stem, report.title, requisites.organization_name)
        self._title_page(report, approval, requisites)
        for section in report.sections:
            self._section(section, report)
        position = report.text.signer_position or requisites.head_position
        self.signatures([(position, report.text.signer_name or requisites.head_name)])

    def _title_page(self, report: AnnualReport, approval: Approval | None, requisites) -> None:
        """The PDF's title page in its order: organisation, «ПРОЕКТ», stamp, version, name, place and year."""
        self.paragraph(requisites.organization_name, align="center", bold=True)
        if approval is None:
            self.draft_mark()
        self.stamp(annual_stamp(requisites, approval))
        if approval:
            version = _("Версия %(n)s") % {"n": approval.version}
        else:
            version = _("сформирован %(at)s") % {"at": f"{report.built_at:%d.%m.%Y %H:%M}"}
        self.paragraph(version, align="left", left_mm=self.width_mm - 80)
        self.paragraph(_("АНАЛИЗ РАБОТЫ"), align="center", bold=True, size=16)
        self.paragraph(
            _("муниципальной Школы наставничества за %(year)s учебный год") % {"year": report.year.title},
            align="center",
            bold=True,
        )
        if report.organization:
            self.paragraph(report.organization.full_name, align="center")
        if report.year.direction:
            self.paragraph(_("Направление работы: %(d)s") % {"d": report.year.direction}, align="center")
        self.paragraph(f"{requisites.place}, {report.year.end_date:%Y}", align="center")

    def _section(self, section: Section, report: AnnualReport) -> None:
        self.paragraph(f"{section.number}. {section.title}", bold=True, align="left", keep_with_next=True)
        for paragraph in section.paragraphs:
            self.paragraph(paragraph, indent=True)
        if section.key == "conclusions":
            for line in _paragraphs(report.text.conclusions) + _paragraphs(report.text.plan):
                self.paragraph(line, indent=True)
            return
        table = _pdf_section(section)["table"]
        if table and table.rows:
            headers = _column_headers_of(table)
            rows = [[text for text, _kind in row] for row in table.rows]
            if table.total:
                rows.append([text for text, _kind in table.total])
            caption = _("Таблица %(n)s — %(title)s") % {"n": section.number, "title": section.title}
            widths = [w * self.width_mm / 100 for w in table.widths]
            self.table(headers, rows, widths, size=9, caption=caption)


def _column_headers_of(table: PdfTable) -> list[str]:
    """One header row for the editable table: a spanning top cell prefixes the names below it."""
    if len(table.header) == 1:
        return [text for text, _colspan, _rowspan in table.header[0]]
    sub = iter(text for text, _c, _r in table.header[1])
    headers: list[str] = []
    for text, colspan, _rowspan in table.header[0]:
        headers += [text] if colspan == 1 else [f"{text}: {next(sub, '')}" for _ in range(colspan)]
    return headers
