from __future__ import annotations

import pytest
from playwright.sync_api import expect

from events.models import Event
from tests.factories import AcademicYearFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_methodist_records_contest_with_two_participants(methodist, school_a, login, pick):
    AcademicYearFactory(start_year=2025)  # transactional tests flush seeded rows
    winner = PersonFactory(organization=school_a, last_name="Победова", first_name="Анна")
    jury = PersonFactory(organization=school_a, last_name="Судейкин", first_name="Иван")
    page = login("metodist")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Мероприятия", exact=True).first.click()
    menu.get_by_role("link", name="Мероприятия").click()
    page.get_by_role("link", name="Добавить").click()
    page.get_by_label("Вид").select_option(label="конкурс")
    page.locator("#id_title").fill("Конкурс «Наставник года»")
    page.get_by_label("Дата начала").fill("20.11.2025")
    pick(page, "id_participants-0-person", "Побед", winner)
    page.locator('[name="participants-0-result"]').select_option(label="победитель")
    pick(page, "id_participants-1-person", "Судейкин Иван", jury)
    page.locator('[name="participants-1-role"]').select_option(label="член жюри")
    page.get_by_role("button", name="Сохранить").click()

    expect(page.get_by_text("Мероприятие сохранено.")).to_be_visible()
    expect(page.get_by_test_id("event-participants").get_by_text("победитель")).to_be_visible()
    event = Event.objects.get(title="Конкурс «Наставник года»")
    assert set(event.participants.values_list("person__last_name", "role", "result")) == {
        ("Победова", "participant", "winner"),
        ("Судейкин", "jury", "none"),
    }
    menu.get_by_text("Мероприятия", exact=True).first.click()
    menu.get_by_role("link", name="Мероприятия").click()
    row = page.get_by_role("row").filter(has_text="Конкурс «Наставник года»")
    expect(row).to_contain_text("20.11.2025")
    expect(row).to_contain_text("конкурс")
