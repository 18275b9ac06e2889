"""Statistical forms as XLSX: totals only, never a person's name.

Each form reads through the same scoped selectors as the dashboard. The sheets are small (one row per
organisation), so openpyxl's normal mode is used for merged multi-row headers.
"""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exporters import XLSX, Exporter, sheet_name, write_value
from directory.models import AcademicYear
from reports.indicators import Report, report_for

FORM_NUMBERS = (1, 2, 3)


@dataclass
class Sheet:
    """A title, a two-row header (top cells span the columns below), rows and an optional total row."""

    title: str
    top: list[tuple[str, int]]  # (text, columns spanned); a span of 1 merges down both header rows
    sub: list[str]  # the second header row, for the spanning top cells only
    rows: list[list]
    total: list | None = None
    widths: tuple[int, ...] = ()
    name: str = ""  # the sheet's tab, when the title is too long for one (31 characters)
    note: str = ""  # a sentence under the table (where its figures come from)


class StatForm(Exporter):
    content_type = XLSX
    extension = "xlsx"

    def __init__(self, filename: str, sheet: Sheet):
        super().__init__(filename)
        self.sheet = sheet

    def render(self):
        from openpyxl import Workbook

        book = Workbook()
        write_sheet(book.active, self.sheet)
        write_signature(book.active)
        stream = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
        book.save(stream)
        stream.seek(0)
        return stream


HEADER_ROW = 3  # row 1: the title, row 2: blank, rows 3–4: the header


def _thin_border():
    from openpyxl.styles import Border, Side

    side = Side(style="thin")
    return Border(left=side, right=side, top=side, bottom=side)


THIN = _thin_border()  # printed tables carry their borders


def write_sheet(ws, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font

    ws.title = sheet_name((sheet.name or sheet.title).replace("/", "-"))  # never cut mid-word
    write_value(ws.cell(row=1, column=1), sheet.title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=12)
    _write_header(ws, sheet)
    first = HEADER_ROW + 2
    for offset, row in enumerate([*sheet.rows, *([sheet.total] if sheet.total else [])]):
        for column, value in enumerate(row, start=1):
            cell = ws.cell(row=first + offset, column=column)
            write_value(cell, value)
            cell.border = THIN
            if isinstance(value, datetime.date):
                cell.number_format = "DD.MM.YYYY"
            elif isinstance(value, str):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    if sheet.total:
        for cell in ws[first + len(sheet.rows)]:
            cell.font = Font(bold=True)
    if sheet.note:
        write_value(ws.cell(row=ws.max_row + 2, column=1), sheet.note)
    for row in ws.iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW + 1):
        for cell in row:
            cell.font = Font(bold=True)
            cell.border = THIN
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    _set_layout(ws, sheet)


def write_signature(ws) -> None:
    """Below the table, as the department files a form: the date and the head's signature block."""
    row = ws.max_row + 2
    ws.cell(
        row=row,
        column=1,
        value=_("Дата составления: %(date)s") % {"date": f"{timezone.localdate():%d.%m.%Y}"},
    )
    ws.cell(row=row + 2, column=1, value=_("Руководитель муниципальной Школы наставничества"))
    ws.cell(row=row + 2, column=2, value="____________________ / ____________________ /")
    ws.cell(row=row + 3, column=2, value=_("(подпись)          (расшифровка подписи)"))


def _write_header(ws, sheet: Sheet) -> None:
    column, sub = 1, iter(sheet.sub)
    for text, span in sheet.top:
        write_value(ws.cell(row=HEADER_ROW, column=column), text)
        if span == 1:
            ws.merge_cells(
                start_row=HEADER_ROW, start_column=column, end_row=HEADER_ROW + 1, end_column=column
            )
        else:
            ws.merge_cells(
                start_row=HEADER_ROW, start_column=column, end_row=HEADER_ROW, end_column=column + span - 1
            )
            for index in range(span):
                write_value(ws.cell(row=HEADER_ROW + 1, column=column + index), next(sub))
        column += span


def _set_layout(ws, sheet: Sheet) -> None:
    from openpyxl.utils import get_column_letter

    columns = sum(span for _text, span in sheet.top)
    for index in range(columns):
        width = sheet.widths[index] if index < len(sheet.widths) else 14
        texts = [row[index] for row in sheet.rows if index < len(row) and isinstance(row[index], str)]
        longest = max((len(text) for text in texts), default=0)
        ws.column_dimensions[get_column_letter(index + 1)].width = max(width, min(longest + 2, 60))
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 2, column=2)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"


def _total_row(label: str, rows: list[list], first_number: int) -> list:
    width = len(rows[0]) if rows else first_number
    sums = [sum(row[i] or 0 for row in rows) for i in range(first_number, width)]
    return [label, *([""] * (first_number - 1)), *sums]


# Form 1: participants of personalised programs ---------------------------------------------------------

PARTICIPANT_CODES = ("mentors_in_pairs", "mentees_in_pairs", "pairs_active")


def participants_sheet(user, year: AcademicYear, organization=None, kind: str = "", district=None) -> Sheet:
    return participants_sheet_of(report_for(user, year, organization, kind, district))


def participants_sheet_of(report: Report) -> Sheet:
    """Mentors, mentees and pairs by organisation × form of mentoring, and each organisation's own
    figures without repeats (a mentor of two forms counts once there); the total row adds the rows up."""
    forms = list(report.by_form)
    working = [row for row in report.rows if row.components["pairs_active"]]
    rows = [
        [
            row.name,
            *[n for name in forms for n in row.by_form.get(name, (0, 0, 0))],
            *[row.value(code) for code in PARTICIPANT_CODES],
        ]
        for row in working
    ]
    return Sheet(
        title=_("Участники программ %(period)s") % {"period": report.period.title},
        top=[
            (_("Организация"), 1),
            *[(name, 3) for name in forms],
            (_("Всего в организации (без повторов)"), 3),
        ],
        sub=[
            label
            for _name in [*forms, ""]
            for label in (_("наставников"), _("наставляемых"), _("пар и групп"))
        ],
        rows=rows,
        total=_total_row(_("Итого по району (сумма строк)"), rows, 1) if rows else None,
        widths=(40,),
    )


# Form 2: young pedagogues -------------------------------------------------------------------------------


def young_sheet(user, year: AcademicYear, organization=None, kind: str = "", district=None) -> Sheet:
    return young_sheet_of(report_for(user, year, organization, kind, district))


def young_sheet_of(report: Report) -> Sheet:
    """Per organisation with young pedagogues: how many, how many with a mentor, the share; the total
    row adds the rows up and its share is the indicator's."""
    rows = [
        [
            row.name,
            row.kind,
            row.value("young"),
            row.value("young_with_mentor"),
            row.value("young_with_mentor_share"),
        ]
        for row in report.rows
        if row.components["young"]
    ]
    total = [
        _("Итого по району"), "", report.value("young"), report.value("young_with_mentor"),
        report.value("young_with_mentor_share"),
    ]  # fmt: skip
    return Sheet(
        title=_("Молодые педагоги %(period)s") % {"period": report.period.title},
        top=[(_("Организация"), 1), (_("Вид"), 1), (_("Молодые педагоги"), 3)],
        sub=[_("всего"), _("с наставником"), _("доля с наставником, %")],
        rows=rows,
        total=total if rows else None,
        widths=(40, 24, 14, 16, 18),
    )


# Form 3: indicators ---------------------------------------------------------------------------------------


def indicators_sheet(user, year: AcademicYear, organization=None, kind: str = "", district=None) -> Sheet:
    return indicators_sheet_of(report_for(user, year, organization, kind, district))


def indicators_sheet_of(report: Report) -> Sheet:
    rows = [
        [
            i.label,
            i.value if i.value is not None else i.blank or None,
            plain(i.target),
            plain(i.difference),
            report.source_of(i),
        ]
        for i in report.indicators
    ]
    return Sheet(
        title=_("Показатели %(period)s") % {"period": report.period.title},
        top=[
            (_("Показатель"), 1),
            (_("Учебный год %(year)s") % {"year": report.period.title}, 3),
            (_("Источник"), 1),
        ],
        sub=[_("значение"), _("цель"), _("разница")],
        rows=rows,
        widths=(60, 14, 14, 14, 34),
        note=report.sources_note,
    )


def plain(number) -> int | float | None:
    """A target or a difference as a count is written: 30, not 30,0."""
    if number is None:
        return None
    number = float(number)
    return int(number) if number.is_integer() else number


FORMS = {
    1: (participants_sheet, gettext_lazy("Форма 1 — участники персонализированных программ")),
    2: (young_sheet, gettext_lazy("Форма 2 — молодые педагоги")),
    3: (indicators_sheet, gettext_lazy("Форма 3 — показатели мониторинга")),
}


def statform(
    number: int, user, year: AcademicYear, organization=None, kind: str = "", district=None
) -> StatForm:
    build, name = FORMS[number]
    sheet = build(user, year, organization, kind, district)
    return StatForm(f"{name} {year.start_year}-{year.start_year + 1}", sheet)
