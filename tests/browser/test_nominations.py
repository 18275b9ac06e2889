"""Issue 21: a coordinator nominates people for an event, the methodologist decides, the coordinator sees it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Nomination, Participation
from tests.events.factories import EventFactory
from tests.factories import AcademicYearFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_nominates_two_methodist_confirms_one_declines_one(
    methodist, coordinator_a, school_a, login, pick
):
    today = timezone.localdate()
    year = AcademicYearFactory(start_year=today.year if today.month >= 9 else today.year - 1)
    event = EventFactory(
        year=year, title="Семинар молодых педагогов", starts_on=today + datetime.timedelta(days=14)
    )
    first = PersonFactory(organization=school_a, last_name="Первова", first_name="Анна")
    second = PersonFactory(organization=school_a, last_name="Вторушина", first_name="Ольга")

    page = login("kurator_a")
    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Выдвинуть участников").click()
    pick(page, "id_people", "Первова", first)
    pick(page, "id_people", "Вторушина", second)
    page.get_by_role("button", name="Выдвинуть").click()
    expect(page.get_by_text("Выдвинуто: 2.")).to_be_visible()
    expect(page.get_by_test_id("nomination-row")).to_have_count(2)

    page.context.clear_cookies()
    page = login("metodist")
    page.goto("/attention/")
    page.get_by_role("link", name="Вторушина Ольга").first.click()
    page.get_by_label("Первова Анна").check()
    page.get_by_role("button", name="Подтвердить отмеченных").click()
    expect(page.get_by_text("Подтверждено заявок: 1.")).to_be_visible()
    page.get_by_label("Вторушина Ольга").check()
    page.get_by_label("Причина / комментарий").fill("Группа укомплектована")
    page.get_by_role("button", name="Отклонить отмеченных").click()
    expect(page.get_by_text("Отклонено заявок: 1.")).to_be_visible()

    page.context.clear_cookies()
    page = login("kurator_a")
    page.goto(event.get_absolute_url())
    expect(page.get_by_test_id("event-nominations")).to_contain_text("подтверждено: 1, отклонено: 1")
    page.get_by_role("link", name="Заявки на участие").click()
    expect(page.get_by_test_id("nomination-row").filter(has_text="Первова")).to_contain_text("подтверждён")
    declined = page.get_by_test_id("nomination-row").filter(has_text="Вторушина")
    expect(declined).to_contain_text("отклонён")
    expect(declined).to_contain_text("Группа укомплектована")
    assert dict(Nomination.objects.values_list("person__last_name", "status")) == {
        "Первова": "confirmed",
        "Вторушина": "declined",
    }
    assert list(Participation.objects.filter(event=event).values_list("person__last_name", flat=True)) == [
        "Первова"
    ]
