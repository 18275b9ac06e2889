from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.models import Meeting
from tests.factories import AcademicYearFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(school_a):
    AcademicYearFactory(start_year=2025)
    chair = PersonFactory(
        organization=school_a, last_name="Суровцева", first_name="Ольга", middle_name="Алексеевна"
    )
    secretary = PersonFactory(
        organization=school_a, last_name="Маслова", first_name="Ксения", middle_name="Игоревна"
    )
    return chair, secretary


def test_methodist_records_approves_and_prints_a_meeting(methodist, people, login, pick):
    chair, secretary = people
    page = login("metodist")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Заседания и план", exact=True).click()
    menu.get_by_role("link", name="Заседания").click()
    page.get_by_role("link", name="Добавить").click()
    page.get_by_label("Учебный год").select_option(label="2025/2026")
    page.get_by_label("Дата").fill("15.10.2025")
    page.get_by_label("Время начала").fill("14:30")
    page.get_by_label("Место проведения").fill("МКУ «ЦОМОУ», актовый зал")
    pick(page, "id_chair", "Суров", chair)
    pick(page, "id_secretary", "Масл", secretary)
    pick(page, "id_present", "Суровцева", chair)
    pick(page, "id_present", "Маслова Ксения", secretary)
    expect(page.locator("#id_chair")).to_have_value(str(chair.pk))
    expect(page.get_by_role("checkbox", name=str(secretary.full_name), exact=False)).to_be_checked()
    page.locator('[name="agenda-0-topic"]').fill("О дорожной карте на учебный год")
    page.locator('[name="agenda-0-speakers"]').fill("О.А. Суровцева")
    page.locator('[name="agenda-0-heard"]').fill("о проекте дорожной карты")
    page.locator('[name="agenda-0-decisions"]').fill("Утвердить дорожную карту.")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Заседание сохранено.")).to_be_visible()
    meeting = Meeting.objects.get()

    page.get_by_role("link", name="Утвердить протокол").click()
    page.get_by_role("button", name="Утвердить протокол").click()
    expect(page.get_by_text("Протокол утверждён.")).to_be_visible()
    expect(page.get_by_test_id("meeting-status")).to_have_text("утверждён")
    meeting.refresh_from_db()
    assert meeting.is_approved and meeting.number == 1

    pdf_url = page.get_by_role("link", name="Протокол (PDF)").get_attribute("href")
    response = page.request.get(pdf_url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    lines = [" ".join(line.split()) for p in reader.pages for line in p.extract_text().splitlines()]
    assert "ПРОТОКОЛ" in lines
    assert "15.10.2025 № 1" in lines
    assert "1. СЛУШАЛИ: О. А. Суровцева – о проекте дорожной карты" in lines  # initials typographed
    assert "1.1. Утвердить дорожную карту." in lines
