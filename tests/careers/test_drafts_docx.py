"""Each draft of a document as DOCX: opened with python-docx, its text compared with the PDF's (names in
their case, dates дд.мм.гггг, numbers), the «ПРОЕКТ» mark, a repeated table header, a Russian file name,
and LibreOffice converts it."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
from urllib.parse import unquote

import pytest
from django.urls import reverse

from events.models import Participation
from tests.events.factories import EventFactory
from tests.factories import PersonFactory

D = datetime.date
DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")
NUMBER = re.compile(r"№\s*(\S+)")


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def docx_text(document) -> str:
    """Paragraphs, then every table cell, as a reader of the file finds them."""
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return flat(" ".join([p.text for p in document.paragraphs] + cells))


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "draft.pdf"
    path.write_bytes(data)
    return flat(
        subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True).stdout.decode()
    )


def download(client, url, query=None) -> tuple[str, bytes]:
    response = client.get(url, query or {})
    assert response.status_code == 200, response.content[:300]
    name = unquote(re.search(r"filename\*=utf-8''(.+)", response["Content-Disposition"]).group(1))
    return name, b"".join(response.streaming_content)


def both(client, name, args, tmp_path, query=None):
    """The draft's DOCX (opened) and PDF (as text) from the URL `name` and its «…_docx» twin."""
    from docx import Document

    docx_name, docx_data = download(client, reverse(f"careers:{name}_docx", args=args), query)
    pdf_name, pdf_data = download(client, reverse(f"careers:{name}", args=args), query)
    assert docx_name.endswith(".docx") and pdf_name.endswith(".pdf")
    assert docx_name[:-5] == pdf_name[:-4]  # the same Russian name for both files
    document = Document(io.BytesIO(docx_data))
    return docx_name, document, docx_data, pdf_text(pdf_data, tmp_path)


def assert_same_content(document, pdf: str, expected: list[str]) -> str:
    text = docx_text(document)
    for phrase in expected:
        assert phrase in text, f"DOCX: {phrase}"
        assert phrase in pdf, f"PDF: {phrase}"
    assert sorted(set(DATE.findall(text))) == sorted(set(DATE.findall(pdf)))
    assert sorted(NUMBER.findall(text)) == sorted(NUMBER.findall(pdf))
    assert document.paragraphs[0].text == "ПРОЕКТ" and "ПРОЕКТ" in pdf
    return text


def header_repeats(table) -> bool:
    return (
        table.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
        is not None
    )


def test_supplementary_agreement_docx_says_what_its_pdf_says(personas, signed_pair, tmp_path):
    pair, _agreement = signed_pair
    name, document, _data, pdf = both(personas["coord_a"], "agreement_document", [pair.pk], tmp_path)
    assert name == "доп_соглашение_12_ст_351.8.docx"
    text = assert_same_content(document, pdf, [
        "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ", "№ 12", "03.09.2025", "от 01.09.2025", "Опытнова Дарья Александровна",
        "Молодцова", "доплата 3 000 руб. в месяц", "с 15.09.2025 по 31.05.2026", "три рабочих дня",
        "Л. В. Руднева",
    ])  # fmt: skip
    assert DATE.findall(text) == ["03.09.2025", "01.09.2025", "15.09.2025", "31.05.2026"]
    signatures = document.tables[-1]
    assert [row.cells[0].text for row in signatures.rows] == ["Работодатель", "Работник"]
    assert document.paragraphs[-2].paragraph_format.keep_with_next  # the text keeps with the signatures


def test_early_end_order_docx_declines_the_mentor_as_its_pdf(personas, signed_pair, tmp_path):
    pair, _agreement = signed_pair
    name, document, _data, pdf = both(personas["coord_a"], "early_end_order", [pair.pk], tmp_path)
    assert name == "приказ_о_досрочном_прекращении_наставничества_12.docx"
    assert_same_content(document, pdf, [
        "О досрочном прекращении наставничества", "с 09.02.2026", "решения работодателя", "от 02.02.2026",
        "обязанностей наставника Опытновой Дарьи Александровны по дополнительному соглашению № 12 от 03.09.2025",
    ])  # fmt: skip


def test_assignment_order_docx_lists_the_pairs_in_a_table_with_repeated_header(
    personas, signed_pair, school_a, tmp_path
):
    query = {"organization": school_a.pk, "start": "01.09.2025", "end": "31.12.2025"}
    name, document, _data, pdf = both(personas["coord_a"], "assignment_order", [], tmp_path, query)
    assert name == "приказ_о_закреплении_наставников_01.09.2025-31.12.2025.docx"
    assert_same_content(document, pdf, [
        "О закреплении наставников и наставляемых", "с 01.09.2025 по 31.12.2025", "О. С. Кирова",
        "Л. В. Руднева", "Опытнова", "Молодцова",
    ])  # fmt: skip
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "№",
        "Наставник",
        "Наставляемые",
        "Форма наставничества",
        "Срок",
    ]
    assert header_repeats(table)
    row = [flat(c.text) for c in table.rows[1].cells]
    assert row[0] == "1" and row[1] == "Опытнова Дарья Александровна" and row[4] == "15.09.2025 – 31.05.2026"


def test_assignment_order_form_offers_both_files(personas):
    page = personas["coord_a"].get(reverse("careers:assignment_order")).content.decode()
    assert "Скачать приказ (PDF)" in page and "Скачать приказ (DOCX)" in page
    assert f'formaction="{reverse("careers:assignment_order_docx")}"' in page


def test_contest_order_docx_lists_the_winners_as_its_pdf(personas, school_a, tmp_path):
    event = EventFactory(kind="contest", title="Педагогический дебют", starts_on=D(2026, 2, 10), ends_on=None)
    winner = PersonFactory(
        organization=school_a, last_name="Победова", first_name="Анна", middle_name="Ильинична"
    )
    Participation.objects.create(event=event, person=winner, result="winner")
    name, document, _data, pdf = both(personas["methodist"], "contest_order", [event.pk], tmp_path)
    assert name == "приказ_об_итогах_10.02.2026.docx"
    assert_same_content(document, pdf, [
        "Об итогах мероприятия «Педагогический дебют»", "с 10.02.2026", "Победова Анна Ильинична", "победитель",
    ])  # fmt: skip
    assert [flat(c.text) for c in document.tables[0].rows[1].cells][:2] == ["1", "Победова Анна Ильинична"]


@pytest.mark.parametrize("name", ["agreement_document", "early_end_order", "assignment_order"])
def test_libreoffice_converts_each_draft(name, personas, signed_pair, school_a, tmp_path):
    pair, _agreement = signed_pair
    args, query = (
        ([], {"organization": school_a.pk, "start": "01.09.2025", "end": "31.12.2025"})
        if name == "assignment_order"
        else ([pair.pk], None)
    )
    _file, _document, data, _pdf = both(personas["coord_a"], name, args, tmp_path, query)
    source = tmp_path / "draft.docx"
    source.write_bytes(data)
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path / "out"), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    converted = tmp_path / "out" / "draft.pdf"
    assert converted.exists(), done.stderr
    assert "Опытнов" in pdf_text(converted.read_bytes(), tmp_path / "out")
