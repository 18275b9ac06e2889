"""Hostile uploads: oversized, truncated, mislabelled, zip bombs, broken tables — refused in Russian,
nothing left behind (no row, no file)."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.files import MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES, validate_upload
from meetings.models import Attachment
from registry.imports import PEOPLE
from registry.models import Person
from tests.meetings.factories import meetings_data

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def office(main_part: str, extra: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<x/>" * 200)
        for number in range(extra):
            archive.writestr(f"x/{number}.xml", "")
    return buffer.getvalue()


def bomb(main_part: str) -> bytes:
    """A valid Office zip whose one extra entry unpacks to more than the limit (a few hundred KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<x/>")
        with archive.open("xl/media/zeros.bin", "w", force_zip64=True) as entry:
            chunk = b"\0" * (8 * 1024 * 1024)
            for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 2):
                entry.write(chunk)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def xlsx_bomb() -> bytes:
    return bomb("xl/workbook.xml")


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    return bomb("word/document.xml")


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


# --- core.files ----------------------------------------------------------------------------------


def test_oversized_file_is_refused(settings):
    settings.UPLOAD_MAX_MB = 1
    with pytest.raises(ValidationError, match="больше 1 МБ"):
        validate_upload(SimpleUploadedFile("скан.pdf", b"%PDF-1.7" + b"0" * (1024 * 1024)))


def test_pdf_cut_in_half_is_still_a_pdf():
    whole = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
    assert validate_upload(SimpleUploadedFile("скан.pdf", whole[: len(whole) // 2])).extension == "pdf"


def test_docx_cut_in_half_is_refused():
    whole = office("word/document.xml")
    with pytest.raises(ValidationError, match="не распознан как"):
        validate_upload(SimpleUploadedFile("план.docx", whole[: len(whole) // 2]))


def test_png_named_pdf_is_kept_as_png():
    upload = SimpleUploadedFile("скан.pdf", PNG)
    assert validate_upload(upload).extension == "png"
    assert upload.name == "скан.png"


def test_png_refused_where_only_documents_are_allowed():
    with pytest.raises(ValidationError, match="не распознан как PDF, DOCX"):
        validate_upload(SimpleUploadedFile("скан.pdf", PNG), allowed=("pdf", "docx"))


@pytest.mark.parametrize(("name", "fixture"), [("план.docx", "docx_bomb"), ("таблица.xlsx", "xlsx_bomb")])
def test_zip_bomb_is_refused_without_unpacking(name, fixture, request):
    upload = SimpleUploadedFile(name, request.getfixturevalue(fixture))
    started = time.monotonic()
    with pytest.raises(ValidationError, match="распаковывается в слишком большой объём"):
        validate_upload(upload)
    assert time.monotonic() - started < 1


def test_zip_of_too_many_entries_is_refused():
    upload = SimpleUploadedFile("план.docx", office("word/document.xml", extra=MAX_ZIP_ENTRIES))
    with pytest.raises(ValidationError, match="частей"):
        validate_upload(upload)


# --- a form with a file: nothing stored when refused ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("протокол.docx", office("word/document.xml")[:300], "не распознан"),
        ("протокол.pdf", b"MZ" + b"\0" * 100, "программа или сценарий"),
    ],
)
def test_refused_attachment_leaves_no_row_and_no_file(
    as_methodist, media, school_a, school_b, name, content, message
):
    meeting = meetings_data(school_a, school_b)["meeting"]
    before, files = Attachment.objects.count(), stored_files(media)
    url = reverse("meetings:attachment_create", args=[meeting.pk])
    response = as_methodist.post(url, {"title": "Протокол", "file": SimpleUploadedFile(name, content)})
    assert message in str(response.context["form"].errors)
    assert Attachment.objects.count() == before
    assert stored_files(media) == files


def test_attachment_bomb_leaves_no_row_and_no_file(as_methodist, media, school_a, school_b, docx_bomb):
    meeting = meetings_data(school_a, school_b)["meeting"]
    before, files = Attachment.objects.count(), stored_files(media)
    url = reverse("meetings:attachment_create", args=[meeting.pk])
    response = as_methodist.post(url, {"title": "Протокол", "file": SimpleUploadedFile("п.docx", docx_bomb)})
    assert "слишком большой объём" in str(response.context["form"].errors)
    assert Attachment.objects.count() == before
    assert stored_files(media) == files


def test_mislabelled_png_attachment_is_stored_as_png(as_methodist, media, school_a, school_b):
    meeting = meetings_data(school_a, school_b)["meeting"]
    url = reverse("meetings:attachment_create", args=[meeting.pk])
    as_methodist.post(url, {"title": "Фото", "file": SimpleUploadedFile("скан.pdf", PNG)})
    attachment = Attachment.objects.get(title="Фото")
    assert attachment.file.name.endswith(".png")
    download = as_methodist.get(reverse("meetings:attachment_download", args=[attachment.pk]))
    assert download["Content-Type"] == "image/png"


# --- the XLSX imports ----------------------------------------------------------------------------


def people_workbook() -> bytes:
    book = Workbook()
    book.active.append([str(c.header) for c in PEOPLE.columns])
    book.active.append(["Иванова", "Мария", "", "05.03.1990", None, "Педагог"])
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def import_errors(client, content: bytes, name: str = "люди.xlsx") -> str:
    response = client.post(reverse("registry:person_import"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    return str(response.context["form"].errors)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (people_workbook()[:2000], "не похож на таблицу Excel"),
        (b"PK\x03\x04" + b"\x00" * 500, "не похож на таблицу Excel"),
        (office("word/document.xml"), "не похож на таблицу Excel"),
        (PNG, "не похож на таблицу Excel"),
        ("Фамилия;Имя\nИванова;Мария\n".encode("utf-8-sig"), "не похож на таблицу Excel"),
    ],
    ids=["truncated", "zip-header-only", "docx", "png", "csv"],
)
def test_malformed_workbook_imports_nothing(as_coordinator_a, media, content, message):
    assert message in import_errors(as_coordinator_a, content)
    assert not Person.objects.exists()
    assert stored_files(media) == []


def test_workbook_bomb_is_refused_before_openpyxl(as_coordinator_a, media, xlsx_bomb, monkeypatch):
    import openpyxl

    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("openpyxl opened a bomb"))
    started = time.monotonic()
    assert "слишком большой объём" in import_errors(as_coordinator_a, xlsx_bomb)
    assert time.monotonic() - started < 2
    assert not Person.objects.exists()


def test_oversized_workbook_is_refused(as_coordinator_a, media):
    content = people_workbook() + b"\0" * (10 * 1024 * 1024)
    assert "больше 10 МБ" in import_errors(as_coordinator_a, content)
    assert not Person.objects.exists()
