"""The annual analytic report: figures known in advance, the XLSX cell by cell, the PDF's text and pages,
the methodologist's text, approval into an archive that never changes, scope and the query count."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.annual import build_annual
from reports.models import AnnualText, ApprovedReport
from tests.events.factories import EventFactory, ParticipationFactory
from tests.factories import AcademicYearFactory, OrganizationFactory, PersonFactory
from tests.helpers import count_queries
from tests.reports.factories import annual_district, approved_report, make_pair

pytestmark = pytest.mark.django_db

SHEETS = [
    "1. Общие сведения",
    "2. Нормативная база",
    "3. Участники по формам",
    "4. Участники по организациям",
    "5. Молодые педагоги",
    "6. Программы",
    "7. Практики",
    "8. Заседания МШН",
    "9. Дорожная карта",
    "10. Мероприятия",
    "11. Обучение наставников",
    "12. Проверка сайтов",
    "13. Показатели",
    "14. Выводы и план",
    "Пояснения",
]


@pytest.fixture
def year():
    return AcademicYearFactory(start_year=2025)


@pytest.fixture
def district(year, school_a, school_b, methodist):
    return annual_district(year, school_a, school_b, methodist)


def section(report, key):
    return next(s for s in report.sections if s.key == key)


def url(name, year, organization=None, **kwargs):
    query = f"?year={year.pk}" + (f"&organization={organization.pk}" if organization else "")
    return reverse(name, kwargs=kwargs or None) + query


def download(client, address) -> bytes:
    response = client.get(address)
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def workbook(content: bytes):
    return load_workbook(io.BytesIO(content))


def pdf_lines(content: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(content))
    lines = [" ".join(line.split()) for page in reader.pages for line in page.extract_text().splitlines()]
    return reader, lines


# Figures -------------------------------------------------------------------------------------------------


def test_sections_hold_the_figures_known_in_advance(methodist, district, year):
    report = build_annual(methodist, year)
    assert [s.number for s in report.sections] == list(range(1, 15))
    by_form = section(report, "by_form").sheet
    assert by_form.rows == [["педагог – педагог", 3, 4, 3], ["ученик – ученик", 1, 1, 1]]
    assert by_form.total == ["Итого (без повторов)", 4, 5, 4]
    by_org = section(report, "by_organization").sheet
    assert by_org.rows == [["Школа А", "Школа", 3, 4, 3], ["Школа Б", "Школа", 1, 1, 1]]
    practices = section(report, "practices")
    assert practices.sheet.rows == [
        [1, "Клуб молодого педагога", "Школа А", "да", datetime.date(2026, 2, 10)]
    ]
    assert "представлено: 2, опубликовано в банке: 1, из них признаны лучшими: 1" in practices.paragraphs[0]
    meetings = section(report, "meetings").sheet.rows
    assert [(m[1], m[3], m[4]) for m in meetings] == [
        (datetime.date(2025, 10, 15), "утверждён", "О дорожной карте; О банке наставников"),
        (datetime.date(2026, 3, 20), "черновик", "Об итогах полугодия"),
    ]
    assert "Пунктов дорожной карты: 3; выполнено: 1; просрочено: 2." in section(report, "roadmap").paragraphs
    events = section(report, "events").sheet
    assert [row[6:] for row in events.rows] == [[3, 1]]
    training = section(report, "training").sheet
    assert training.rows == [["Школа наставника", "ПК ИРО", 2, 72]]
    websites = section(report, "websites").sheet
    assert [row[2:] for row in websites.rows] == [[7, 10, 70.0], [4, 10, 40.0]]
    assert websites.total == ["Итого", "", 11, 20, 55.0]
    documents = section(report, "normative").sheet.rows
    assert any(row[5] == "Положение о муниципальной Школе наставничества" for row in documents)


def test_organisation_report_holds_only_its_records(methodist, district, year, school_a):
    report = build_annual(methodist, year, school_a)
    assert section(report, "by_organization").sheet.rows == [["Школа А", "Школа", 3, 4, 3]]
    assert [row[6:] for row in section(report, "events").sheet.rows] == [[2, 1]]
    assert [row[0] for row in section(report, "websites").sheet.rows] == ["Школа А"]
    roadmap = section(report, "roadmap").sheet.rows
    assert [row[2] for row in roadmap] == ["Открытый урок в Школе А"]
    assert report.file_stem == "Анализ работы МШН 2025-2026 — Школа А"


# XLSX ----------------------------------------------------------------------------------------------------


def test_xlsx_has_a_sheet_per_section_parsed_back_cell_by_cell(as_methodist, methodist, district, year):
    book = workbook(download(as_methodist, url("reports:annual_file", year, fmt="xlsx")))
    assert book.sheetnames == SHEETS
    sheet = book["3. Участники по формам"]
    assert sheet["A1"].value == "3. Участники по формам наставничества"
    assert sheet["A2"].value.startswith("Проект, сформирован")
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A3:A4", "B3:D3"}
    assert [c.value for c in sheet[4]] == [None, "наставников", "наставляемых", "пар и групп"]
    assert [c.value for c in sheet[5]] == ["педагог – педагог", 3, 4, 3]
    assert [c.value for c in sheet[7]] == ["Итого (без повторов)", 4, 5, 4]
    assert sheet["A7"].font.b and isinstance(sheet["B5"].value, int)
    assert sheet.freeze_panes == "B5"
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["A"].width == 40
    practices = book["7. Практики"]
    assert practices["E5"].value == datetime.datetime(2026, 2, 10)
    assert practices["E5"].number_format == "DD.MM.YYYY"
    notes = [tuple(c.value for c in row) for row in book["Пояснения"].iter_rows(min_row=5)]
    assert (
        "12. Проверка сайтов",
        "Соответствие, %",
        "Найдено пунктов ÷ пунктов к проверке × 100, по последней проверке периода",
    ) in notes
    assert {n[0] for n in notes} == {
        f"{n}. {s.title}" for n, s in enumerate(build_annual(methodist, year).sections, 1)
    }


# PDF -----------------------------------------------------------------------------------------------------


def test_pdf_has_title_page_contents_sections_and_signature(as_methodist, methodist, district, year):
    AnnualText.objects.create(
        year=year, conclusions="Работа школы признана удовлетворительной.", plan="Провести два семинара.\nОбновить банк практик.",
        signer_name="О. А. Суровцева",
    )  # fmt: skip
    reader, lines = pdf_lines(download(as_methodist, url("reports:annual_file", year, fmt="pdf")))
    first = reader.pages[0].extract_text()
    assert "АНАЛИЗ РАБОТЫ" in first and "за 2025/2026 учебный год" in first and "ПРОЕКТ" in first
    contents = " ".join(reader.pages[1].extract_text().split())
    assert "Содержание" in contents and "14. Выводы и задачи на следующий учебный год" in contents
    page_lines = [page.extract_text().splitlines() for page in reader.pages[:3]]
    assert "1" not in page_lines[0] and "2" in page_lines[1] and "3" in page_lines[2]  # numbered from page 2
    assert "Таблица 3 — Участники по формам наставничества" in lines
    assert "педагог – педагог 3 4 3" in lines
    assert "Рисунок 13 — Показатели в процентах и их целевые значения (красная черта)" in lines
    assert "Работа школы признана удовлетворительной." in lines
    assert "2. Обновить банк практик." in lines
    assert any(line.startswith("Руководитель муниципальной") for line in lines)
    assert "О. А. Суровцева" in " ".join(lines)


def test_pdf_table_breaks_across_pages_with_its_header_repeated(methodist, district, year, school_a):
    for n in range(60):
        event = EventFactory(year=year, title=f"Мастер-класс № {n + 1}")
        ParticipationFactory(event=event, person=PersonFactory(organization=school_a))
    from reports.annual_files import AnnualPdf

    reader, _lines = pdf_lines(AnnualPdf(build_annual(methodist, year)).render().read())
    texts = [" ".join(re.sub(r"‐\s+", "", page.extract_text()).split()) for page in reader.pages]
    pages = [text for text in texts if "Мастер-класс №" in text]
    assert len(pages) >= 2
    assert all("Организатор Участников Призёры и победители" in page for page in pages), pages
    assert "Продолжение таблицы" not in pages[0]  # the table's first page has its caption
    assert all("Продолжение таблицы 10" in page for page in pages[1:])  # its continuations say so


def test_pdf_groups_a_very_long_table_by_kind(methodist, district, year, settings):
    settings.REPORT_PDF_MAX_ROWS = 1
    from reports.annual_files import AnnualPdf

    _reader, lines = pdf_lines(AnnualPdf(build_annual(methodist, year)).render().read())
    text = " ".join(lines)
    assert "Строк в таблице — 2, поэтому здесь приведены итоги по видам" in text
    assert "Школа 2 4 5 4" in lines  # two schools: 3 + 1 mentors, 4 + 1 mentees, 3 + 1 pairs
    assert "Школа А" not in " ".join(lines[lines.index("4. Участники по организациям") :][:12])


# The methodologist's text --------------------------------------------------------------------------------


def test_methodist_writes_conclusions_and_a_concurrent_edit_is_refused(
    as_methodist, district, year, school_a
):
    address = url("reports:annual_text", year, school_a)
    form = as_methodist.get(address).context["form"]
    data = {
        "conclusions": "Школа А выполнила план.",
        "plan": "Открыть клуб молодых педагогов.",
        "signer_position": "Заместитель директора",
        "signer_name": "И. И. Петрова",
        "loaded_version": form["loaded_version"].value(),
    }
    response = as_methodist.post(address, data)
    assert response.status_code == 302
    text = AnnualText.objects.get(year=year, organization=school_a)
    assert text.plan == "Открыть клуб молодых педагогов."

    stale = {**data, "plan": "Другой план"}  # loaded before the first save
    response = as_methodist.post(address, stale)
    assert response.status_code == 200
    assert "уже изменил другой пользователь" in response.content.decode()
    assert response.context["form"]["plan"].value() == "Другой план"
    text.refresh_from_db()
    assert text.plan == "Открыть клуб молодых педагогов."
    page = as_methodist.get(url("reports:annual", year, school_a)).content.decode()
    assert "Открыть клуб молодых педагогов." in page


# Approval and the archive ---------------------------------------------------------------------------------


def test_approved_report_never_changes_and_a_new_version_is_made(as_methodist, district, year, school_a):
    response = as_methodist.post(url("reports:annual_approve", year), {"confirm": "on"})
    assert response.status_code == 302
    first = ApprovedReport.objects.get(year=year, organization=None)
    assert first.version == 1
    pdf_before = download(
        as_methodist, reverse("reports:archive_file", kwargs={"pk": first.pk, "fmt": "pdf"})
    )
    xlsx_before = download(
        as_methodist, reverse("reports:archive_file", kwargs={"pk": first.pk, "fmt": "xlsx"})
    )
    assert workbook(xlsx_before)["1. Общие сведения"]["A2"].value.startswith("Утверждён")
    assert "УТВЕРЖДАЮ" in PdfReader(io.BytesIO(pdf_before)).pages[0].extract_text()

    make_pair(school_a, mentees=3)  # the data change after approval
    xlsx_archived = download(
        as_methodist, reverse("reports:archive_file", kwargs={"pk": first.pk, "fmt": "xlsx"})
    )
    pdf_archived = download(
        as_methodist, reverse("reports:archive_file", kwargs={"pk": first.pk, "fmt": "pdf"})
    )
    assert (xlsx_archived, pdf_archived) == (xlsx_before, pdf_before)
    with pytest.raises(ValueError):
        first.save()

    as_methodist.post(url("reports:annual_approve", year), {"confirm": "on"})
    second = ApprovedReport.objects.get(year=year, organization=None, version=2)
    sheet = workbook(
        download(as_methodist, reverse("reports:archive_file", kwargs={"pk": second.pk, "fmt": "xlsx"}))
    )
    assert [c.value for c in sheet["4. Участники по организациям"][5]] == ["Школа А", "Школа", 4, 7, 4]
    old = workbook(xlsx_archived)["4. Участники по организациям"]
    assert [c.value for c in old[5]] == ["Школа А", "Школа", 3, 4, 3]
    page = as_methodist.get(url("reports:annual", year)).content.decode()
    assert "Отчёт утверждён" in page or 'data-testid="versions"' in page


def test_archive_lists_versions_by_scope(personas, year, school_a, school_b):
    district = approved_report(year, None)
    own = approved_report(year, school_a)
    other = approved_report(year, school_b)
    listed = {
        persona: set(personas[persona].get(reverse("reports:archive")).context["object_list"])
        for persona in ("methodist", "department", "coord_a")
    }
    assert listed["methodist"] == listed["department"] == {district, own, other}
    assert listed["coord_a"] == {own}
    for record, expected in ((own, 200), (other, 404), (district, 404)):
        address = reverse("reports:archive_file", kwargs={"pk": record.pk, "fmt": "pdf"})
        assert personas["coord_a"].get(address).status_code == expected


def test_coordinator_gets_own_organisation_report_only(as_coordinator_a, district, year, school_a, school_b):
    page = as_coordinator_a.get(reverse("reports:annual") + f"?year={year.pk}")
    assert page.context["report"].organization == school_a
    assert as_coordinator_a.get(url("reports:annual", year, school_b)).status_code == 404
    assert as_coordinator_a.get(url("reports:annual_file", year, school_b, fmt="pdf")).status_code == 404
    book = workbook(
        download(
            as_coordinator_a, reverse("reports:annual_file", kwargs={"fmt": "xlsx"}) + f"?year={year.pk}"
        )
    )
    values = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert "Школа А" in values and "Школа Б" not in values


def test_department_reads_but_may_not_write_or_approve(personas, district, year):
    department = personas["department"]
    assert department.get(url("reports:annual", year)).status_code == 200
    assert department.post(url("reports:annual_approve", year)).status_code == 403
    assert department.get(url("reports:annual_text", year)).status_code == 403
    assert not ApprovedReport.objects.exists()


# Speed by design ---------------------------------------------------------------------------------------


def test_annual_report_query_count_does_not_grow(as_methodist, district, year, school_a, school_b):
    addresses = [url("reports:annual", year), url("reports:annual_file", year, fmt="xlsx")]
    small = [count_queries(as_methodist, address) for address in addresses]
    for n in range(4):
        school = OrganizationFactory()
        make_pair(school, mentees=2)
        make_pair(school_b, status="completed", ended_on=datetime.date(2026, 4, 1))
        EventFactory(year=year, title=f"Конференция {n}")
    assert [count_queries(as_methodist, address) for address in addresses] == small


def test_approval_shows_what_will_be_approved_and_needs_confirmation(as_methodist, district, year):
    page = as_methodist.get(url("reports:annual_approve", year)).content.decode()
    assert "версия 1" in page and "весь район" in page and str(year) in page
    response = as_methodist.post(url("reports:annual_approve", year))
    assert "Отметьте подтверждение" in response.content.decode()
    assert not ApprovedReport.objects.exists()
