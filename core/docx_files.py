"""Editable documents (DOCX) with the same requisites and layout as their PDFs (ГОСТ Р 7.0.97-2025).

A builder over python-docx (imported lazily): A4, the margins, PT Serif, page numbers centred at the top from
the second page, the approval stamp, «ПРОЕКТ», tables with a repeated header row and signatures that keep
with the text before them. Every text passes through `core.typography`.

Every DOCX carries the project's PT Serif (static/fonts, OFL) embedded as ECMA-376 Part 1 §17.8.1 says, so
a word processor without the font shows and prints the document in it: each face is a part
`word/fonts/fontN.odttf` related to the font table, its first 32 bytes obfuscated with the face's font key
(a GUID, §17.8.3.3), `w:embedRegular`/`w:embedBold`/… in `fontTable.xml`, `w:embedTrueTypeFonts` in
`settings.xml`. The keys are fixed, so the obfuscated faces are made once per process.
"""

from __future__ import annotations

import functools
import io
import uuid
from collections.abc import Sequence

from django.conf import settings

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

    def facts(self, rows: Sequence[tuple[str, str]], label_mm: float = 58) -> None:
        """«Label | value» lines as a table without borders (the PDF's table of facts)."""
        table = self.document.add_table(rows=0, cols=2)
        for label, value in rows:
            cells = table.add_row().cells
            _cell_text(cells[0], label)
            _cell_text(cells[1], value)
        _widths(table, (label_mm, self.width_mm - label_mm))

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
        embed_fonts(self.document)
        stream = io.BytesIO()
        self.document.save(stream)
        stream.seek(0)
        return stream


OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
# The faces of FONT: the font table's element, the file in static/fonts, whether a run needs it.
FACES = (
    ("embedRegular", "PTF55F.ttf", None),
    ("embedBold", "PTF75F.ttf", ".//w:b"),
    ("embedItalic", "PTF56F.ttf", ".//w:i"),
    ("embedBoldItalic", "PTF76F.ttf", ".//w:rPr[w:b and w:i]"),
)
# settings.xml children that come before w:embedTrueTypeFonts (CT_Settings is a sequence).
_SETTINGS_BEFORE_EMBED = {
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData",
}  # fmt: skip


def font_key(filename: str) -> str:
    """The face's font key: a GUID fixed by its file name (the same key in every document)."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"mshn:fonts/{filename}")).upper() + "}"


@functools.cache
def obfuscated_face(filename: str) -> bytes:
    """The font file with its first 32 bytes XORed with the key's 16 bytes in reverse order (§17.8.3.3)."""
    data = bytearray((settings.BASE_DIR / "static" / "fonts" / filename).read_bytes())
    key = bytes.fromhex(font_key(filename).strip("{}").replace("-", ""))[::-1]
    for index in range(32):
        data[index] ^= key[index % 16]
    return bytes(data)


def embed_fonts(document) -> None:
    """Embed the faces of PT Serif the document uses (regular always) into it, once."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    package = document.part.package
    table_part = next(p for p in package.iter_parts() if p.partname == "/word/fontTable.xml")
    fonts = etree.fromstring(table_part.blob)
    if fonts.find(f".//{_qn('w:embedRegular')}") is not None:
        return  # already embedded (render() called twice)
    for font in fonts.findall(_qn("w:font")):
        if font.get(_qn("w:name")) == FONT:
            fonts.remove(font)
    font = etree.SubElement(fonts, _qn("w:font"), {_qn("w:name"): FONT})
    etree.SubElement(font, _qn("w:charset"), {_qn("w:val"): "CC"})  # Cyrillic
    etree.SubElement(font, _qn("w:family"), {_qn("w:val"): "roman"})
    etree.SubElement(font, _qn("w:pitch"), {_qn("w:val"): "variable"})
    body = document.element
    for number, (element, filename, needed) in enumerate(FACES, start=1):
        if needed and not body.xpath(needed):
            continue
        face = Part(
            PackURI(f"/word/fonts/font{number}.odttf"), OBFUSCATED_FONT, obfuscated_face(filename), package
        )
        attributes = {
            _qn("r:id"): table_part.relate_to(face, FONT_RELATIONSHIP),
            _qn("w:fontKey"): font_key(filename),
        }
        etree.SubElement(font, _qn(f"w:{element}"), attributes)
    # python-docx keeps a part it does not model (the font table) as bytes: they are replaced whole.
    table_part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)
    _embed_true_type_fonts(document.settings.element)


def _embed_true_type_fonts(settings_element) -> None:
    from docx.oxml import OxmlElement

    later = next(
        (child for child in settings_element if _local_name(child) not in _SETTINGS_BEFORE_EMBED), None
    )
    flag = OxmlElement("w:embedTrueTypeFonts")
    if later is None:
        settings_element.append(flag)
    else:
        later.addprevious(flag)


def _local_name(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


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
