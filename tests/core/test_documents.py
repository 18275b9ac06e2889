"""Documents the department files (ГОСТ Р 7.0.97-2025): PDF read back word by word, DOCX opened with
python-docx and converted by LibreOffice, PDF/A of the archive."""

from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from pypdf import PdfReader

from directory.models import DocumentRequisites
from tests.factories import AcademicYearFactory, PersonFactory
from tests.meetings.factories import agenda_item, make_meeting, make_roadmap_item

MM = 72 / 25.4
ALLOWED_FONTS = {"PT-Serif", "PT-Serif-Bold", "PT-Serif-Italic", "PT-Serif-BoldItalic"}
needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftotext") and not os.environ.get("CI"), reason="poppler-utils не установлены"
)
needs_office = pytest.mark.skipif(
    not shutil.which("soffice") and not os.environ.get("CI"), reason="LibreOffice не установлен"
)


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def pdf_pages(data: bytes, tmp_path) -> list[list[tuple[float, float, float, str]]]:
    """Every page's words as (x, y top, y bottom, text), read with pdftotext -bbox."""
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True).stdout
    xml = re.sub(rb"<!DOCTYPE[^>]*>", b"", xml)
    pages = ET.fromstring(xml).iter("{http://www.w3.org/1999/xhtml}page")
    return [
        [
            (float(w.get("xMin")), float(w.get("yMin")), float(w.get("yMax")), w.text or "")
            for w in page.iter("{http://www.w3.org/1999/xhtml}word")
        ]
        for page in pages
    ]


def lines_of(words) -> list[str]:
    rows: dict[int, list] = {}
    for x, top, _bottom, text in words:
        rows.setdefault(round(top), []).append((x, text))
    return [" ".join(t for _x, t in sorted(row)) for _y, row in sorted(rows.items())]


def fonts_of(data: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


@pytest.fixture
def long_draft(db):
    """A draft meeting whose decisions fill the first page, so the signatures fall near a page end."""
    year = AcademicYearFactory(start_year=2025)
    decisions = "\n".join(
        f"Поручить кураторам ОО подготовить к {n} мая отчёт о работе пар по письму № АЗ-1128/08 и 273-ФЗ."
        for n in range(1, 15)
    )
    chair = PersonFactory(last_name="Суровцева", first_name="Ольга", middle_name="Алексеевна")
    return make_meeting(
        year,
        chair=chair,
        date=datetime.date(2025, 10, 15),
        agenda=[agenda_item(topic="О работе пар", decisions=decisions)],
    )


@needs_poppler
def test_protocol_pdf_follows_gost(as_methodist, long_draft, tmp_path):
    data = body(as_methodist.get(reverse("meetings:meeting_protocol", args=[long_draft.pk])))
    assert fonts_of(data) <= ALLOWED_FONTS
    pages = pdf_pages(data, tmp_path)
    first = lines_of(pages[0])
    assert first[0] == "ПРОЕКТ"  # a draft is marked
    assert "пгт Кировский" in first  # the place is the settlement, not the venue
    assert len(pages) >= 2
    for number, words in enumerate(pages[1:], start=2):
        top_word = min(words, key=lambda w: w[1])
        assert top_word[3] == str(number)
        assert top_word[1] >= 10 * MM  # the page number is at least 10 mm from the edge
    for words in pages:
        lines = lines_of(words)
        assert not all(re.match(r"^(\d+|Председатель|Секретарь|\(подпись\))", line) for line in lines), lines
        for line in lines:
            assert not re.search(r"\b[А-ЯЁ]\.$", line), line  # no line ends in an initial
            assert not re.search(r"(АЗ-|АЗ-1128/|273-)$", line), line  # codes never break
        assert all(x >= 30 * MM - 1 for x, *_rest in words if not _rest[2].isdigit())  # left margin 30 mm


@needs_poppler
def test_roadmap_pdf_stamp_carries_the_approver_set_in_the_browser(as_methodist, tmp_path):
    year = AcademicYearFactory(start_year=2025)
    make_roadmap_item(year)
    response = as_methodist.post(
        reverse("directory:requisites"),
        {
            "organization_name": "Муниципальная Школа наставничества Кировского муниципального района",
            "place": "пгт Кировский",
            "approver_position": "Начальник отдела образования",
            "approver_name": "Т.Н. Белова",
            "head_position": "Руководитель МШН",
            "head_name": "О. А. Суровцева",
        },
    )
    assert response.status_code == 302
    assert DocumentRequisites.current().approver_name == "Т.Н. Белова"
    data = body(as_methodist.get(reverse("meetings:roadmap_pdf") + f"?year={year.pk}"))
    lines = lines_of(pdf_pages(data, tmp_path)[0])
    stamp = lines[: lines.index("ДОРОЖНАЯ КАРТА")]
    assert stamp[0] == "УТВЕРЖДАЮ"
    assert "Начальник отдела образования" in stamp
    assert "________________ Т. Н. Белова" in stamp
    assert "муниципальной Школы наставничества на 2025/2026 учебный год" in lines
    assert fonts_of(data) <= ALLOWED_FONTS


def test_requisites_are_refused_to_the_department(as_department):
    assert as_department.post(reverse("directory:requisites"), {"place": "x"}).status_code == 403
    assert DocumentRequisites.objects.filter(place="x").count() == 0


def docx_text(data: bytes) -> list[str]:
    from docx import Document

    return [" ".join(p.text.split()) for p in Document(io.BytesIO(data)).paragraphs if p.text.strip()]


@needs_office
def test_protocol_docx_has_the_pdf_text_and_opens_in_libreoffice(as_methodist, long_draft, tmp_path):
    response = as_methodist.get(reverse("meetings:meeting_protocol_docx", args=[long_draft.pk]))
    assert response["Content-Disposition"].endswith(".docx")
    data = body(response)
    paragraphs = docx_text(data)
    assert paragraphs[:3] == [
        "ПРОЕКТ",
        "Муниципальная Школа наставничества Кировского муниципального района",
        "ПРОТОКОЛ",
    ]
    assert "Председатель – О. А. Суровцева" in paragraphs
    pdf = body(as_methodist.get(reverse("meetings:meeting_protocol", args=[long_draft.pk])))
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    for paragraph in paragraphs[3:]:
        if not paragraph.startswith(("15.10.2025",)):
            assert paragraph[:40] in pdf_text, paragraph
    converted = convert(data, "document.docx", "pdf", tmp_path)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(converted)).pages)
    assert "ПОСТАНОВИЛИ (РЕШИЛИ):" in text
    assert "О. А. Суровцева" in text


def convert(data: bytes, name: str, target: str, tmp_path, env: dict | None = None) -> bytes:
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / name
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(tmp_path / "out"), str(source)],
        capture_output=True, timeout=120, check=True, env={**os.environ, **(env or {})},
    )  # fmt: skip
    result = tmp_path / "out" / f"{source.stem}.{target}"
    assert result.exists(), done.stderr
    return result.read_bytes()


WITHOUT_PT_SERIF = """<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<selectfont><rejectfont><pattern><patelt name="family"><string>PT Serif</string></patelt></pattern>
</rejectfont></selectfont></fontconfig>"""


def pdf_font_names(data: bytes, tmp_path) -> dict[str, str]:
    """pdffonts: each font's name (subset prefix dropped) and whether it is embedded."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return {line.split()[0].split("+")[-1]: line.split()[-5] for line in listing.splitlines()[2:]}


def without_parts(data: bytes, *prefixes: str) -> bytes:
    import zipfile

    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stream, "w") as target:
        for item in source.infolist():
            if not item.filename.startswith(prefixes):
                target.writestr(item, source.read(item))
    return stream.getvalue()


@needs_office
def test_docx_embeds_pt_serif_so_a_machine_without_it_shows_it(as_methodist, school_a, tmp_path, settings):
    import zipfile

    from docx import Document

    from tests.factories import PairFactory

    pair = PairFactory(organization=school_a)
    data = body(as_methodist.get(reverse("registry:program_docx", args=[pair.pk])))
    document = Document(io.BytesIO(data))  # python-docx still opens it
    assert document.paragraphs[1].text == "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА"
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        fonts = ET.fromstring(archive.read("word/fontTable.xml"))
        rels = ET.fromstring(archive.read("word/_rels/fontTable.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        font = next(f for f in fonts.iter(f"{w}font") if f.get(f"{w}name") == "PT Serif")
        embedded = {}
        for face in font:
            if face.tag.startswith(f"{w}embed"):
                rid = face.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                obfuscated = bytearray(archive.read("word/" + targets[rid]))
                key = bytes.fromhex(face.get(f"{w}fontKey").strip("{}").replace("-", ""))[::-1]
                for index in range(32):
                    obfuscated[index] ^= key[index % 16]
                embedded[face.tag[len(w) :]] = bytes(obfuscated)
        assert b"<w:embedTrueTypeFonts/>" in archive.read("word/settings.xml")
    fonts_dir = settings.BASE_DIR / "static" / "fonts"
    assert embedded == {  # the project's own faces, de-obfuscated byte for byte (bold: the headings)
        "embedRegular": (fonts_dir / "PTF55F.ttf").read_bytes(),
        "embedBold": (fonts_dir / "PTF75F.ttf").read_bytes(),
    }
    config = tmp_path / "fonts.conf"
    config.write_text(WITHOUT_PT_SERIF)
    env = {"FONTCONFIG_FILE": str(config)}
    listed = subprocess.run(["fc-list"], capture_output=True, text=True, env={**os.environ, **env}).stdout
    assert "PT Serif" not in listed  # LibreOffice below cannot find it on the machine
    converted = pdf_font_names(convert(data, "program.docx", "pdf", tmp_path / "with", env), tmp_path)
    assert converted.get("PTSerif-Regular") == "yes" and converted.get("PTSerif-Bold") == "yes", converted
    bare = without_parts(data, "word/fonts/", "word/_rels/fontTable")  # without its fonts: substituted
    substituted = pdf_font_names(convert(bare, "bare.docx", "pdf", tmp_path / "bare", env), tmp_path)
    assert not any(name.startswith("PTSerif") for name in substituted), substituted


def test_list_export_keeps_formula_like_text_as_typed_without_apostrophe(as_methodist, school_a):
    from openpyxl import load_workbook

    from tests.factories import OrganizationFactory

    OrganizationFactory(short_name="+7 (42354) 2-11-00", full_name="Телефон вместо имени")
    data = body(as_methodist.get(reverse("directory:organization_export")))
    sheet = load_workbook(io.BytesIO(data)).active
    cell = next(row[0] for row in sheet.iter_rows(min_row=2) if row[0].value.startswith("+7"))
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("+7 (42354) 2-11-00", "s", True)


def test_list_export_borders_every_data_cell_through_one_named_style(as_methodist, school_a):
    from openpyxl import load_workbook

    from core.exporters import DATA_STYLE, HEADER_STYLE
    from tests.factories import OrganizationFactory

    OrganizationFactory(short_name="=1+1", full_name="Формула в имени")  # a quoted cell
    data = body(as_methodist.get(reverse("directory:organization_export")))
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    assert {DATA_STYLE, HEADER_STYLE} <= set(book.named_styles)
    title, filters, header, *rows = list(sheet.iter_rows())
    assert all(not cell.border.left.style for cell in title + filters)  # the title rows stand unframed
    assert [cell.style for cell in header] == [HEADER_STYLE] * len(header)
    assert all(cell.font.b for cell in header)
    assert len(rows) >= 2
    for row in rows:
        for cell in row[: len(header)]:
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert [side.style for side in sides] == ["thin"] * 4, cell.coordinate
            assert cell.style == DATA_STYLE, cell.coordinate
    quoted = next(cell for row in rows for cell in row if cell.value == "=1+1")
    assert (quoted.data_type, quoted.quotePrefix) == ("s", True)  # still text, bordered too
    assert any(cell.value is None for row in rows for cell in row[: len(header)])  # empty cells framed
    assert not sheet.print_options.gridLines  # borders print, gridlines do not


def test_approved_annual_report_is_archived_as_pdf_a_with_metadata(methodist):
    from reports.services import approve_annual

    year = AcademicYearFactory(start_year=2025)
    record = approve_annual(methodist, year, None)
    reader = PdfReader(io.BytesIO(record.pdf.read()))
    root = reader.trailer["/Root"]
    assert "/OutputIntents" in root
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", xmp) and re.search(r"pdfaid:conformance[^A-Z]*B", xmp)
    assert (
        reader.metadata["/Title"]
        == "Анализ работы муниципальной Школы наставничества за 2025/2026 учебный год"
    )
    assert reader.metadata["/Author"] == DocumentRequisites.current().organization_name
    assert "УТВЕРЖДАЮ" in reader.pages[0].extract_text()


def cells_of(data: bytes) -> dict:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return {
        (sheet.title, cell.coordinate): cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value not in (None, "")
    }


@needs_office
def test_roadmap_and_stat_form_read_the_same_in_libreoffice(as_methodist, school_a, tmp_path):
    from tests.factories import PairFactory

    year = AcademicYearFactory(start_year=2025)
    make_roadmap_item(year, activity="+7 (42354) 2-11-00", due_on=datetime.date(2025, 11, 20))
    PairFactory(organization=school_a)
    roadmap = body(as_methodist.get(reverse("meetings:roadmap_export"), {"year": year.pk}))
    statform = body(as_methodist.get(reverse("reports:statform", kwargs={"number": 1}), {"year": year.pk}))
    for name, data in (("roadmap.xlsx", roadmap), ("form1.xlsx", statform)):
        ours = cells_of(data)
        theirs = cells_of(convert(data, name, "xlsx", tmp_path / name.split(".")[0]))
        assert theirs == ours  # every value, with its type: numbers as numbers, dates as dates
    values = cells_of(roadmap)
    assert values[("Дорожная карта муниципальной", "A1")].startswith("Дорожная карта муниципальной")
    assert datetime.datetime(2025, 11, 20) in values.values()
    assert "+7 (42354) 2-11-00" in values.values()


def test_normative_base_runs_federal_regional_municipal_local(methodist):
    from reports.annual import build_annual
    from tests.banks.factories import NormativeDocumentFactory

    year = AcademicYearFactory(start_year=2025)
    for level in ("local", "municipal", "federal", "regional"):
        NormativeDocumentFactory(level=level, issued_on=datetime.date(2020, 1, 1))
    section = next(s for s in build_annual(methodist, year).sections if s.key == "normative")
    order = ["федеральный", "региональный", "муниципальный", "локальный"]
    levels = [row[1] for row in section.sheet.rows]  # with the documents the migrations seed
    assert set(order) <= set(levels)
    assert levels == sorted(levels, key=order.index)


def test_program_and_annual_docx_carry_heading_stamp_and_signatures(as_methodist, methodist, school_a):
    from tests.factories import PairFactory

    pair = PairFactory(organization=school_a)
    program = docx_text(body(as_methodist.get(reverse("registry:program_docx", args=[pair.pk]))))
    assert program[1] == "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА"
    assert program[2].startswith(f"в форме «{pair.form}» на период с ")
    year = AcademicYearFactory(start_year=2025)
    response = as_methodist.get(reverse("reports:annual_file", kwargs={"fmt": "docx"}), {"year": year.pk})
    annual = docx_text(body(response))
    assert annual[1:3] == ["ПРОЕКТ", "УТВЕРЖДАЮ"]  # under the organisation, as on the PDF title page
    assert "АНАЛИЗ РАБОТЫ" in annual
    assert "2. Нормативная база" in annual
