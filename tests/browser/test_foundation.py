from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from directory.models import Organization

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("persona", "heading", "menu_has", "menu_lacks"),
    [
        ("methodist", "Рабочий стол руководителя МШН", "Организации", "Моя организация"),
        ("coordinator_a", "Кабинет куратора: Школа А", "Моя организация", "Администрирование"),
        ("department", "Отдел образования: обзор МШН", "Организации", "Моя организация"),
    ],
)
def test_each_role_logs_in_and_sees_its_menu(request, login, persona, heading, menu_has, menu_lacks):
    user = request.getfixturevalue(persona)
    page = login(user.username)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    page.get_by_text("Справочники").click()
    menu = page.get_by_test_id("menu")
    expect(menu.get_by_role("link", name=menu_has, exact=True)).to_be_visible()
    expect(menu.get_by_role("link", name=menu_lacks, exact=True)).to_have_count(0)


def test_methodist_creates_organization_through_the_form(methodist, school_a, login):
    page = login("metodist")
    page.goto("/directory/organizations/")
    page.get_by_role("link", name="Добавить").click()
    page.get_by_label("Вид").select_option(label="Детский сад (ДОУ)")
    page.get_by_label("Полное наименование").fill("МБДОУ «Детский сад № 5 „Радуга“» пгт Кировский")
    page.get_by_label("Краткое наименование").fill("Школа А")
    page.get_by_label("Сайт").fill("https://raduga.edu.ru")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Организация с таким кратким наименованием уже есть.")).to_be_visible()
    expect(page.get_by_label("Полное наименование")).to_have_value(
        "МБДОУ «Детский сад № 5 „Радуга“» пгт Кировский"
    )
    page.get_by_label("Краткое наименование").fill("МБДОУ «Радуга»")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("МБДОУ «Радуга»")
    expect(page.get_by_text("Сохранено.")).to_be_visible()
    assert Organization.objects.get(short_name="МБДОУ «Радуга»").kind == "kindergarten"


def test_coordinator_cannot_open_another_schools_page(coordinator_a, school_b, login):
    page = login("kurator_a")
    response = page.goto(f"/directory/organizations/{school_b.pk}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Страница не найдена")
    page.goto("/directory/organizations/")
    expect(page.get_by_role("link", name="Школа А")).to_be_visible()
    expect(page.get_by_role("link", name="Школа Б")).to_have_count(0)


def test_pages_fit_a_phone_screen_wide_tables_scroll_in_place(methodist, school_a, login):
    """At a phone's width no page is wider than the screen: a wide table scrolls inside itself."""
    from registry.models import Consent
    from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory

    person = PersonFactory(organization=school_a, position="Учитель начальных классов и английского языка")
    Consent.objects.create(
        person=person, kind="processing", signed_on="2025-09-01", scope="ФИО, организация, должность, стаж"
    )
    mentor = MentorFactory(person=person)
    pair = PairFactory(mentor=mentor, mentees=[MenteeFactory(person__organization=school_a)])
    page = login("metodist")
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (
        "/",
        "/registry/people/",
        person.get_absolute_url(),
        mentor.get_absolute_url(),
        pair.get_absolute_url(),
        reverse("registry:program_update", args=[pair.pk]),  # a table of inputs with hidden labels
        "/reports/",
        reverse("banks:showcase"),
    ):
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} is {overflow}px wider than the screen"


@pytest.mark.parametrize("width", [1200, 1280, 1440])
def test_main_menu_fits_a_desktop_screen(methodist, login, width):
    """Ten sections and the user's menu: on a desktop the sections wrap, whole, and the page keeps its width."""
    page = login("metodist")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a {width}px screen"
    user_menu = page.get_by_test_id("user-menu").bounding_box()
    assert user_menu["x"] + user_menu["width"] <= width
    menu = page.get_by_test_id("menu")
    two_words = menu.get_by_role("link", name="Требует внимания").bounding_box()
    one_word = menu.get_by_role("link", name="Главная").bounding_box()
    assert two_words["height"] == one_word["height"]  # one line, not broken in two
