"""The year's direction (reg. 1.4): recorded by the methodologist with the document that set it, it heads
the year's page, the roadmap (page and PDF), the annual analysis (page, XLSX, PDF) and the open site."""

from __future__ import annotations

import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from directory.models import AcademicYear, start_year_of
from tests.conftest import client_for
from tests.factories import AcademicYearFactory
from tests.meetings.factories import make_roadmap_item

DIRECTION = "Наставничество как ресурс профессионального роста молодого педагога"
DOCUMENT = "Приказ МКУ «ИМЦ» от 28.08.2025 № 45-од"


def record_direction(client, year) -> None:
    url = reverse("directory:year_update", args=[year.pk])
    version = client.get(url).context["form"].initial["_loaded_version"]
    data = {
        "start_year": year.start_year,
        "direction": DIRECTION,
        "direction_document": DOCUMENT,
        "direction_url": "imc-kirovsky.ru/prikaz-45.pdf",
        "note": "",
        "_loaded_version": version,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors


def test_methodologist_records_the_direction_and_it_heads_the_years_pages(as_methodist):
    year = AcademicYearFactory(start_year=start_year_of(timezone.localdate()))
    make_roadmap_item(year, due_on=year.start_date)
    record_direction(as_methodist, year)
    saved = AcademicYear.objects.get(pk=year.pk)
    assert (saved.direction, saved.direction_url) == (DIRECTION, "https://imc-kirovsky.ru/prikaz-45.pdf")
    year_page = as_methodist.get(year.get_absolute_url()).content.decode()
    roadmap = as_methodist.get(reverse("meetings:roadmap_list")).content.decode()
    public_home = client_for(None).get(reverse("public:home")).content.decode()
    for page in (year_page, roadmap, public_home):
        assert DIRECTION in page and DOCUMENT in page
        assert 'href="https://imc-kirovsky.ru/prikaz-45.pdf"' in page
    response = as_methodist.get(reverse("meetings:roadmap_pdf") + f"?year={year.pk}")
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert DIRECTION in " ".join(pdf.pages[0].extract_text().split())


def test_annual_analysis_opens_with_the_direction(as_methodist):
    year = AcademicYearFactory(start_year=2025, direction=DIRECTION, direction_document=DOCUMENT)
    query = f"?year={year.pk}"
    page = as_methodist.get(reverse("reports:annual") + query).content.decode()
    assert DIRECTION in page
    response = as_methodist.get(reverse("reports:annual_file", kwargs={"fmt": "xlsx"}) + query)
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["1. Общие сведения"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert rows["Направление работы года"] == DIRECTION
    assert rows["Документ, которым задано направление"] == DOCUMENT
    response = as_methodist.get(reverse("reports:annual_file", kwargs={"fmt": "pdf"}) + query)
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    title_page = " ".join(reader.pages[0].extract_text().split())
    body = " ".join(" ".join(page.extract_text().split()) for page in reader.pages[2:4])
    assert "Направление работы: " + DIRECTION in title_page
    assert f"Направление работы МШН на учебный год: «{DIRECTION}» ({DOCUMENT})." in body


def test_coordinator_cannot_record_the_direction(as_coordinator_a):
    year = AcademicYearFactory(start_year=2025)
    response = as_coordinator_a.post(reverse("directory:year_update", args=[year.pk]), {"direction": "Своё"})
    assert response.status_code == 403 and AcademicYear.objects.get(pk=year.pk).direction == ""
