"""Russian names in the browser: alphabetical order with «ё», search without «ё», a corrected declension."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from registry.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)

SURNAMES = ["Яковлев", "Ёлкин", "Андреев", "Елисеев", "Жуков", "Заяц"]


@pytest.fixture
def people(school_a):
    return {
        name: PersonFactory(organization=school_a, last_name=name, first_name="Семён", middle_name="Олегович")
        for name in SURNAMES
    }


def test_methodist_finds_people_in_russian_order_and_corrects_a_declension(methodist, people, login):
    page = login("metodist")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Реестр", exact=True).click()
    menu.get_by_role("link", name="Люди").click()
    page.get_by_label("ФИО").fill("семен")  # typed without «ё»
    page.get_by_role("button", name="Найти").click()
    names = page.locator("table tbody tr td:first-child").all_inner_texts()
    assert [name.split()[0] for name in names] == ["Андреев", "Елисеев", "Ёлкин", "Жуков", "Заяц", "Яковлев"]

    page.get_by_role("link", name="Заяц Семён Олегович").click()
    expect(page.get_by_text("Заяцу Семёну Олеговичу")).to_be_visible()  # what the rules give
    page.get_by_role("link", name="Исправить склонение").click()
    page.get_by_label("ФИО в дательном падеже (кому?)").fill("Зайцу Семёну Олеговичу")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("dd", has_text="Зайцу Семёну Олеговичу")).to_contain_text("исправлено вручную")
    assert Person.objects.get(pk=people["Заяц"].pk).name_in("dative") == "Зайцу Семёну Олеговичу"
