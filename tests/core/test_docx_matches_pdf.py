"""A pair's program and the annual analysis say the same in DOCX as in PDF: the DOCX read with python-docx
(paragraphs and tables in document order), the PDF with pdftotext; every heading in the same order, every
table cell (each figure) inside its table, the requisites (organisation, stamp, signers) in both."""

from __future__ import annotations

import datetime
import io
import itertools
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from django.urls import reverse

from directory.models import DocumentRequisites
from registry.models import Activity, ActivityStatus
from tests.core.test_documents import MM, body, needs_poppler
from tests.factories import AcademicYearFactory, PairFactory
from tests.reports.factories import annual_district

pytestmark = [needs_poppler, pytest.mark.django_db]
XHTML = "{http://www.w3.org/1999/xhtml}"


def squeeze(text: str) -> str:
    """Text without spaces and hyphens: a word wrapped or hyphenated at a line end reads the same."""
    return re.sub(r"[\s\-\u2010\u00ad]", "", text)


def pdf_text(data: bytes, tmp_path) -> tuple[str, list[str], list[str]]:
    """The PDF's text block by block (pdftotext -bbox-layout: a table cell is a block, so its wrapped and
    hyphenated lines join up whatever the reading order of the cells), without page numbers and
    continuation captions, whitespace folded; the section headings among the blocks («N. Название»); and
    the blocks before the first of them or the contents (the requisites of the title)."""
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True
    ).stdout
    root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", xml))
    blocks = []
    for block in root.iter(f"{XHTML}block"):
        lines = [
            " ".join(w.text or "" for w in line.iter(f"{XHTML}word")) for line in block.iter(f"{XHTML}line")
        ]
        text = re.sub(r"(\w)[-\u2010] (\w)", r"\1\2", " ".join(lines))  # a word hyphenated at a line end
        top = float(block.get("yMin"))
        if (text.isdigit() and top < 20 * MM) or re.fullmatch(r"Продолжение таблицы \d+", text):
            continue  # a page number or a continuation caption
        blocks.append(text)
    headings = [text for text in blocks if re.fullmatch(r"\d{1,2}\. [А-ЯЁ][^.]{2,70}", text)]
    front = list(itertools.takewhile(lambda text: text not in (headings[:1] + ["Содержание"]), blocks))
    return " ".join(" ".join(blocks).split()), headings, front


def tokens(text: str) -> Counter:
    """Words and figures, hyphens dropped (a hyphenated word and its whole read the same)."""
    return Counter(t for t in (re.sub(r"[-\u2010\u00ad]", "", word) for word in text.split()) if t)


def figures(counter: Counter) -> Counter:
    return Counter({t: n for t, n in counter.items() if re.fullmatch(r"[\d.,:/%]*\d[\d.,:/%]*", t)})


def docx_blocks(data: bytes) -> list[tuple[str, object]]:
    """("heading", text) for a bold paragraph, ("text", text) for another, ("table", rows of cell texts)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(data))
    blocks = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = " ".join(paragraph.text.split())
            if text:
                bold = all(run.bold for run in paragraph.runs if run.text.strip())
                blocks.append(("heading" if bold else "text", text))
        elif tag == "tbl":
            rows = [
                [" ".join(cell.text.split()) for cell in row.cells] for row in Table(element, document).rows
            ]
            blocks.append(("table", rows))
    return blocks


def assert_same_content(docx: bytes, pdf: str, pdf_headings: list[str], pdf_front: list[str]) -> int:
    """Every DOCX heading in the PDF in the same order and the PDF's section headings in the DOCX; each
    DOCX table against the PDF's text from its caption to what follows it (the next heading, caption or
    chart): every letter of the DOCX table there and every figure as often, and no other figure unless a
    chart (PDF only) follows the table (the PDF's cells come out of pdftotext in no reliable order, so
    words are compared as letters, figures as tokens); every other DOCX paragraph (requisites, text)
    somewhere in the PDF, and every block of the PDF's title (organisation, stamp, name, dates) in the DOCX.
    Returns the number of tables compared."""
    blocks = docx_blocks(docx)
    flat = squeeze(pdf)
    texts = (text if kind != "table" else " ".join(map(" ".join, text)) for kind, text in blocks)
    docx_flat = squeeze(" ".join(texts))
    assert len(pdf_front) >= 3
    for block in pdf_front:
        assert squeeze(block) in docx_flat, f"the PDF's «{block}» is not in the DOCX"
    headings = [text for kind, text in blocks if kind == "heading"]
    position = 0
    for heading in headings:
        position = flat.find(squeeze(heading), position)
        assert position >= 0, f"heading «{heading}» is missing or out of order in the PDF"
    for heading in pdf_headings:
        assert heading in headings, heading
    compared = 0
    for index, (kind, content) in enumerate(blocks):
        if kind != "table":
            assert squeeze(content) in flat, content
            continue
        caption = blocks[index - 1][1] if blocks[index - 1][1].startswith("Таблица ") else None
        if caption is None:
            continue  # the table of facts and the signatures: their cells are checked as text below
        start = pdf.index(caption) + len(caption)
        after = [text for kind, text in blocks[index + 1 :] if kind != "table"][:1]
        end = pdf.find(after[0], start) if after and pdf.find(after[0], start) > 0 else None
        charted = "Рисунок " in pdf[start:end]  # a chart's labels follow the table in the PDF only
        header, *rows = content
        ours, theirs = " ".join(cell for row in rows for cell in row), pdf[start:end]
        missing = Counter(squeeze(ours)) - Counter(squeeze(theirs))
        assert not missing, (caption, missing)  # every letter of the DOCX table's rows
        for part in (part for cell in header for part in cell.split(": ")):  # «Группа: столбец» in DOCX
            assert squeeze(part) in squeeze(theirs), (caption, part)
        ours, theirs = figures(tokens(ours)), figures(tokens(theirs))
        assert not ours - theirs, (caption, ours - theirs)  # every figure of the DOCX table, as often
        assert charted or ours == theirs, (caption, theirs - ours)  # and none besides (but a chart's)
        compared += 1
    for index, (kind, content) in enumerate(blocks):
        if kind == "table" and not blocks[index - 1][1].startswith("Таблица "):
            for cell in (cell for row in content for cell in row if cell):
                assert squeeze(cell) in flat, cell
    return compared


def test_program_docx_says_what_its_pdf_says(as_methodist, school_a, tmp_path):
    pair = PairFactory(organization=school_a)
    program = pair.program
    program.goals = "Адаптация молодого педагога: 5 открытых уроков, 12 консультаций."
    program.directions = "Методическая работа; классное руководство."
    program.save()
    for n in range(1, 8):
        Activity.objects.create(
            program=program,
            position=n,
            title=f"Консультация № {n} по плану на 2025/2026 учебный год",
            due_on=datetime.date(2025, 10, n),
            status=ActivityStatus.DONE if n % 2 else ActivityStatus.PLANNED,
            done_on=datetime.date(2025, 10, n + 1) if n % 2 else None,
            evidence="протокол № 3" if n % 2 else "",
        )
    docx = body(as_methodist.get(reverse("registry:program_docx", args=[pair.pk])))
    pdf, pdf_headings, pdf_front = pdf_text(
        body(as_methodist.get(reverse("registry:program_pdf", args=[pair.pk]))), tmp_path
    )
    assert len(pdf_headings) == 5, pdf_headings
    assert assert_same_content(docx, pdf, pdf_headings, pdf_front) == 1
    assert "Консультация № 7 по плану на 2025/2026 учебный год" in pdf  # the read itself


def test_annual_docx_says_what_its_pdf_says(as_methodist, methodist, school_a, school_b, tmp_path):
    year = AcademicYearFactory(start_year=2025)
    annual_district(year, school_a, school_b, methodist)
    requisites = DocumentRequisites.current()
    query = {"year": year.pk}
    docx = body(as_methodist.get(reverse("reports:annual_file", kwargs={"fmt": "docx"}), query))
    pdf_file = body(as_methodist.get(reverse("reports:annual_file", kwargs={"fmt": "pdf"}), query))
    pdf, pdf_headings, pdf_front = pdf_text(pdf_file, tmp_path)
    assert len(pdf_headings) == 14, pdf_headings
    assert (
        assert_same_content(docx, pdf, pdf_headings, pdf_front) >= 8
    )  # the district's data fill most tables
    for requisite in ("УТВЕРЖДАЮ", requisites.organization_name, requisites.head_name):
        assert squeeze(requisite) in squeeze(pdf), requisite
        assert any(requisite in text for kind, text in docx_blocks(docx) if kind != "table")
