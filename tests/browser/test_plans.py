"""Issue 21: the multi-year plan of methodological support, built in the browser and realised by the roadmap."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from directory.models import start_year_of
from meetings.models import RoadmapItem
from tests.factories import AcademicYearFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_methodist_builds_a_plan_and_a_roadmap_item_realises_it(methodist, department, login):
    current = start_year_of(timezone.localdate())
    year = AcademicYearFactory(start_year=current)
    page = login("metodist")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Заседания и план", exact=True).click()
    menu.get_by_role("link", name="План методического сопровождения").click()
    page.get_by_role("link", name="Добавить").click()
    page.get_by_label("С года").fill(str(current - 1))
    page.get_by_label("По год").fill(str(current + 2))
    page.get_by_label("Документ-основание").fill("распоряжение от 05.04.2024 № 125, п. 4.1")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("План сохранён.")).to_be_visible()

    page.get_by_role("link", name="Добавить направление").click()
    page.get_by_label("Направление").fill("Повышение мастерства наставников")
    page.get_by_role("button", name="Сохранить").click()
    for activity in ("Семинары для наставников", "Курсы повышения квалификации"):
        page.get_by_role("link", name="добавить пункт").click()
        page.get_by_label("Мероприятие").fill(activity)
        page.get_by_role("button", name="Сохранить").click()
    figures = page.get_by_test_id("plan-figures")
    expect(figures).to_contain_text("пунктов плана на этот год — 2, из них в дорожной карте года — 0")

    page.goto("/meetings/roadmap/new/")
    page.get_by_label("Учебный год").select_option(label=year.title)
    page.get_by_label("Мероприятие").fill("Семинар «Наставник и молодой педагог»")
    page.get_by_label("Ответственный (текстом)").fill("Руководитель МШН")
    page.get_by_label("Пункт плана методического сопровождения").select_option(index=1)
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_test_id("roadmap-plan-item")).to_contain_text("1.1. Семинары для наставников")
    page.get_by_test_id("roadmap-plan-item").get_by_role("link").click()
    expect(figures).to_contain_text("пунктов плана на этот год — 2, из них в дорожной карте года — 1")
    expect(page.get_by_test_id("plan-uncovered")).to_contain_text("1.2. Курсы повышения квалификации")
    seminars = page.get_by_test_id("plan-item").filter(has_text="Семинары для наставников")
    expect(seminars).to_contain_text(f"{year.title}, № 1 — запланировано")
    assert RoadmapItem.objects.get().plan_item.activity == "Семинары для наставников"

    page.context.clear_cookies()
    page = login("otdel")
    page.goto(RoadmapItem.objects.get().plan_item.get_absolute_url())
    expect(page.get_by_test_id("plan-figures")).to_be_visible()
    expect(page.get_by_role("link", name="Добавить направление")).to_have_count(0)
    expect(page.get_by_role("link", name="XLSX")).to_be_visible()
