from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.files import generated_name, validate_upload


def office_file(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("отчёт.pdf", b"%PDF-1.7\n...", "pdf"),
        ("план.docx", office_file("word/document.xml"), "docx"),
        ("таблица.xlsx", office_file("xl/workbook.xml"), "xlsx"),
        ("слайды.pptx", office_file("ppt/presentation.xml"), "pptx"),
        ("фото.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 10, "png"),
        ("фото.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 10, "jpg"),
    ],
)
def test_known_documents_are_accepted_by_content(name, content, extension):
    assert validate_upload(SimpleUploadedFile(name, content)).extension == extension


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("практика.pdf", b"MZ\x90\x00" + b"\0" * 60, "программа или сценарий"),
        ("практика.docx", b"\x7fELF" + b"\0" * 60, "программа или сценарий"),
        ("script.pdf", b"#!/bin/sh\nrm -rf /\n", "программа или сценарий"),
        ("архив.docx", office_file("other/file.xml"), "не распознан"),
        ("текст.pdf", b"just text pretending to be a PDF", "не распознан"),
    ],
)
def test_disguised_and_unknown_files_are_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        validate_upload(SimpleUploadedFile(name, content))


def test_file_over_the_limit_is_refused(settings):
    settings.UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("большой.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="больше 1 МБ"):
        validate_upload(big)


def test_generated_name_hides_the_users_name():
    name = generated_name("practices")(None, "Иванова_паспорт.PDF")
    assert name.startswith("practices/") and name.endswith(".pdf") and "Иванова" not in name
