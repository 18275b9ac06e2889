"""The open site walked by a guest on a phone (390 px): every section from the menu, an event into the
phone's calendar, the showcase's search; no page wider than the screen, nothing hidden shown."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from directory.models import start_year_of
from registry.models import Consent
from tests.banks.factories import NormativeDocumentFactory, PublishedPracticeFactory
from tests.events.factories import EventFactory
from tests.factories import AcademicYearFactory, PersonFactory
from tests.meetings.factories import agenda_item, make_meeting, make_roadmap_item

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture
def open_site(school_a):
    today = timezone.localdate()
    year = AcademicYearFactory(
        start_year=start_year_of(today), direction="Наставничество как ресурс роста молодого педагога"
    )
    author = PersonFactory(organization=school_a, last_name="Согласнова")
    Consent.objects.create(person=author, kind="publication", signed_on=today - datetime.timedelta(days=3))
    PublishedPracticeFactory(
        organization=school_a, year=year, title="Клуб молодых педагогов", authors=[author], is_best=True
    )
    PublishedPracticeFactory(organization=school_a, year=year, title="Шахматный наставник")
    NormativeDocumentFactory(title="Положение о Школе наставничества", is_public=True)
    NormativeDocumentFactory(title="Черновое положение")
    make_meeting(
        year,
        date=today - datetime.timedelta(days=3),
        agenda=[agenda_item(topic="О плане на год", decisions="Принять план работы.")],
        approved=True,
    )
    make_meeting(
        year, date=today - datetime.timedelta(days=1), agenda=[agenda_item(topic="Вопрос черновика")]
    )
    make_roadmap_item(year, activity="Методический семинар для кураторов", due_on=today)
    soon = today + datetime.timedelta(days=7)
    EventFactory(
        year=year, title="Семинар наставников", starts_on=soon, time=datetime.time(14, 0), is_public=True
    )
    EventFactory(year=year, title="Отменённый семинар", starts_on=soon, is_public=True, is_cancelled=True)
    return year


def test_guest_walks_the_open_site_on_a_phone(page, open_site):
    page.set_viewport_size(PHONE)
    page.goto("/school/")
    assert "Наставничество как ресурс роста молодого педагога" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Войти").is_visible()
    seen = {}
    menu = page.get_by_role("navigation", name="Разделы открытого сайта")
    for section in ("Документы", "Дорожная карта", "Решения заседаний", "Календарь", "Практики", "О школе"):
        menu.get_by_role("link", name=section, exact=True).click()
        expect(menu.get_by_role("link", name=section, exact=True)).to_have_attribute("aria-current", "page")
        page.wait_for_load_state()
        assert not page.evaluate(WIDER_THAN_SCREEN), f"{section} is wider than the phone"
        seen[section] = page.locator("main").inner_text()
    assert "Положение о Школе наставничества" in seen["Документы"] and "Черновое" not in seen["Документы"]
    assert "Методический семинар для кураторов" in seen["Дорожная карта"]
    assert (
        "Принять план работы." in seen["Решения заседаний"]
        and "Вопрос черновика" not in seen["Решения заседаний"]
    )
    assert "Семинар наставников" in seen["Календарь"] and "Отменённый" not in seen["Календарь"]
    assert "Клуб молодых педагогов" in seen["Практики"]

    page.goto("/school/calendar/")
    page.get_by_role("link", name="Семинар наставников").click()
    assert "начало в 14:00 (время Владивостока)" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Добавить в календарь (.ics)").click()
    (entry,) = Calendar.from_ical(open(download.value.path(), "rb").read()).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Семинар наставников" and entry.decoded("DTSTART").hour == 14

    page.goto("/banks/showcase/")
    page.get_by_label("Поиск").fill("шахматного")
    page.get_by_role("button", name="Найти").click()
    assert page.get_by_test_id("showcase-practice").count() == 1
    page.get_by_role("link", name="Шахматный наставник").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Шахматный наставник")
    assert not page.evaluate(WIDER_THAN_SCREEN)
    assert page.locator('meta[property="og:title"]').get_attribute("content") == "Шахматный наставник"
    assert page.context.cookies() == []  # the guest was never given a session or a CSRF cookie
