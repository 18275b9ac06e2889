from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from reports.models import ApprovedReport
from tests.factories import AcademicYearFactory
from tests.reports.factories import annual_district

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def district(methodist, school_a, school_b):
    year = AcademicYearFactory(start_year=2025)
    annual_district(year, school_a, school_b, methodist)
    return year


def downloaded(page, link_name: str):
    """Click the link and return the downloaded file's suggested name and its content as a file."""
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name, exact=True).first.click()
    download = info.value
    return download.suggested_filename, io.BytesIO(Path(download.path()).read_bytes())


def pdf_text(content) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(content).pages)


def test_methodist_writes_downloads_and_approves_the_annual_report(district, login):
    page = login("metodist")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Отчёты", exact=True).click()
    menu.get_by_role("link", name="Анализ работы за год").click()
    page.get_by_label("Учебный год").select_option(label="2025/2026")
    page.get_by_role("button", name="Показать").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("за 2025/2026 учебный год")

    page.get_by_role("link", name="Выводы и план").click()
    page.get_by_label("Выводы").fill("План года выполнен в основном.")
    page.get_by_label("Задачи и план на следующий учебный год").fill("Провести конкурс «Наставник года».")
    page.get_by_label("Инициалы и фамилия подписывающего").fill("О. А. Суровцева")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Выводы и план сохранены.")).to_be_visible()

    name, path = downloaded(page, "Скачать PDF")
    assert name == "Анализ работы МШН 2025-2026.pdf"
    text = pdf_text(path)
    assert "АНАЛИЗ РАБОТЫ" in text and "План года выполнен в основном." in text and "О. А. Суровцева" in text
    name, path = downloaded(page, "Скачать XLSX")
    assert name == "Анализ работы МШН 2025-2026.xlsx"
    book = load_workbook(path)
    assert [c.value for c in book["4. Участники по организациям"][5]] == ["Школа А", "Школа", 3, 4, 3]

    page.get_by_role("link", name="Утвердить отчёт").click()
    expect(page.get_by_test_id("approve-what")).to_contain_text("версия 1")
    page.get_by_label("Отчёт проверен").check()
    page.get_by_role("button", name="Утвердить отчёт").click()
    expect(page.get_by_text("Отчёт утверждён: версия 1 сохранена в архиве.")).to_be_visible()
    assert ApprovedReport.objects.get().version == 1
    versions = page.get_by_test_id("versions")
    with page.expect_download() as info:
        versions.get_by_role("link", name="PDF").click()
    assert info.value.suggested_filename == "Анализ работы МШН 2025-2026, версия 1.pdf"
    assert "УТВЕРЖДАЮ" in pdf_text(io.BytesIO(Path(info.value.path()).read_bytes()))  # ГОСТ Р 7.0.97 stamp


def test_department_downloads_each_statistical_form_and_the_archive(district, department, login):
    page = login(department.username)
    page.goto(f"/reports/?year={district.pk}")
    for number, sheet_title in ((1, "Участники программ"), (2, "Молодые педагоги"), (3, "Показатели")):
        name, path = downloaded(page, f"Статистическая форма {number} (XLSX)")
        assert name.startswith(f"Форма {number} — ") and name.endswith("2025-2026.xlsx")
        sheet = load_workbook(path).worksheets[0]
        assert sheet["A1"].value.startswith(sheet_title)
    page.goto(f"/reports/annual/?year={district.pk}")
    expect(page.get_by_role("link", name="Утвердить отчёт")).to_have_count(0)
    name, path = downloaded(page, "Скачать XLSX")
    assert "Пояснения" in load_workbook(path).sheetnames


def test_coordinator_sees_only_own_organisation_report(district, coordinator_a, login):
    page = login(coordinator_a.username)
    page.goto(f"/reports/annual/?year={district.pk}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Школа А")
    expect(page.get_by_label("Организация")).to_have_count(0)
    name, path = downloaded(page, "Скачать XLSX")
    assert name == "Анализ работы МШН 2025-2026 — Школа А.xlsx"
    values = {c.value for ws in load_workbook(path).worksheets for row in ws.iter_rows() for c in row}
    assert "Школа А" in values and "Школа Б" not in values
