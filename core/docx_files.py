"""Editable documents (DOCX) with the same requisites and layout as their PDFs (ГОСТ Р 7.0.97-2025).

A builder over python-docx (imported lazily): A4, the margins, PT Serif, page numbers centred at the top from
the second page, the approval stamp, «ПРОЕКТ», tables with a repeated header row and signatures that keep
with the text before them. Every text passes through `core.typography`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from core.exporters import Exporter, Stamp
from core.typography import typograph

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "PT Serif"


class DocxDocument(Exporter):
    content_type = DOCX
    extension = "docx"

    def __init__(self, filename: str, title: str, author: str, landscape: bool = False):
        from docx import Document
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm, Pt

        super().__init__(filename)
        self.document = Document()
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin, section.right_margin = Mm(30), Mm(10)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.header_distance = Mm(10)
        self.width_mm = (297 if landscape else 210) - 40
        style = self.document.styles["Normal"]
        style.font.name, style.font.size = FONT, Pt(13)
        style.element.rPr.rFonts.set(_qn("w:eastAsia"), FONT)
        style.paragraph_format.space_after = Pt(2)
        self.document.core_properties.title = title
        self.document.core_properties.author = author
        self._page_numbers(section)

    def _page_numbers(self, section) -> None:
        """The number centred at the top, from the second page on (the first page's header stays empty)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(paragraph.add_run(), "PAGE")

    def paragraph(
        self,
        text: str = "",
        *,
        align: str = "justify",
        bold: bool = False,
        indent: bool = False,
        size: float | None = None,
        keep_with_next: bool = False,
        left_mm: float = 0,
    ):
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        paragraph = self.document.add_paragraph()
        paragraph.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
        }[align]
        form = paragraph.paragraph_format
        if indent:
            form.first_line_indent = Mm(12.5)
        if left_mm:
            form.left_indent = Mm(left_mm)
        form.keep_with_next = keep_with_next
        run = paragraph.add_run(typograph(str(text)))
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        return paragraph

    def draft_mark(self) -> None:
        self.paragraph("ПРОЕКТ", align="right", bold=True)

    def stamp(self, stamp: Stamp) -> None:
        """УТВЕРЖДАЮ in the top right corner, 80 mm wide (a corner block is at most 8 cm)."""
        left = self.width_mm - 80
        day = f"{stamp.day:%d.%m.%Y}" if stamp.day else "«___» ____________ 20___ г."
        for text in ("УТВЕРЖДАЮ", stamp.position, f"________________ {stamp.name}", day):
            self.paragraph(text, align="left", left_mm=left)
        self.paragraph()

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence],
        widths_mm: Sequence[float],
        size=11,
        caption: str = "",
    ):
        """A bordered table under its caption («Таблица N — …», kept with it); its header row repeats on
        every page and is never hyphenated."""
        from docx.shared import Pt

        if caption:
            self.paragraph(caption, align="left", size=12, keep_with_next=True)
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        _repeat_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            _cell_text(cell, text, bold=True, size=size)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                _cell_text(cell, "" if value is None else str(value), size=size)
        _widths(table, widths_mm)
        self.document.add_paragraph().paragraph_format.space_after = Pt(0)
        return table

    def signatures(self, rows: Sequence[tuple[str, str]], date_line: str = "") -> None:
        """«Должность  (подпись)  И. О. Фамилия» lines; the text before them keeps with them on one page."""
        paragraphs = self.document.paragraphs
        if paragraphs:
            paragraphs[-1].paragraph_format.keep_with_next = True
        spacer = self.paragraph(keep_with_next=True)
        spacer.paragraph_format.keep_together = True
        table = self.document.add_table(rows=0, cols=3)
        for role, name in rows:
            cells = table.add_row().cells
            _cell_text(cells[0], role, keep=True)
            _cell_text(cells[1], "(подпись)", keep=True, size=9, align="center")
            _cell_text(cells[2], name, keep=True)
        _widths(table, (70, 45, self.width_mm - 115))
        if date_line:
            self.paragraph(date_line, align="left")

    def render(self):
        stream = io.BytesIO()
        self.document.save(stream)
        stream.seek(0)
        return stream


def _widths(table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths (LibreOffice reads the grid, Word the cells: both are set)."""
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _cell_text(cell, text: str, *, bold=False, size=None, keep=False, align="left") -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if align == "center" or bold else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.keep_with_next = keep
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(typograph(text))
    run.bold = bold
    if size:
        run.font.size = Pt(size)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(_qn("w:val"), "true")
    properties.append(header)


def _field(run, code: str) -> None:
    from docx.oxml import OxmlElement

    for kind, text in (("begin", None), ("instr", code), ("separate", None), ("text", "2"), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(_qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(_qn("w:fldCharType"), kind)
        run._r.append(element)


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)
