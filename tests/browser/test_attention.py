"""The methodologist's day in the browser: the home block leads to «Требует внимания», a young pedagogue
without a mentor leads to «Подобрать наставника», and one click forms the pair."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from registry.models import Pair, PairStatus
from tests.factories import MentorFactory, MentoringFormFactory, PersonFactory, YoungPedagogueFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_methodist_matches_a_mentor_from_the_attention_page(methodist, school_a, login):
    MentoringFormFactory()
    today = datetime.date.today()
    young = YoungPedagogueFactory(
        organization=school_a,
        last_name="Молодцова",
        first_name="Олеся",
        subjects="математика",
        birth_date=today.replace(year=today.year - 24, day=1),
        experience_start=today.replace(year=today.year - 1, day=1),
    )
    MentorFactory(person=PersonFactory(organization=school_a, last_name="Историкова", subjects="история"))
    best = MentorFactory(
        person=PersonFactory(organization=school_a, last_name="Математикова", subjects="математика, алгебра"),
        training="КПК «Наставник», 36 ч",
    )
    page = login("metodist")
    block = page.get_by_test_id("attention-block")
    expect(block).to_contain_text("Молодые педагоги без наставника: 1")
    block.get_by_role("link", name="Требует внимания").click()
    section = page.get_by_test_id("concern-young_without_mentor")
    section.get_by_role("link", name="Молодцова", exact=False).click()

    rows = page.get_by_test_id("candidate")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Математикова")
    expect(rows.first).to_contain_text("общий предмет")
    page.screenshot(path="/tmp/mentor_match.png", full_page=True)
    rows.first.get_by_role("button", name="Создать пару").click()

    expect(page.get_by_text("Пара создана в состоянии «формируется»")).to_be_visible()
    pair = Pair.objects.get()
    assert (pair.mentor, pair.status) == (best, PairStatus.FORMING)
    assert [m.person for m in pair.mentees.all()] == [young]
    expect(page.locator("h1")).to_contain_text("Математикова")


def test_controls_speak_russian_not_the_browsers_language(methodist, login, tmp_path):
    page = login("metodist")
    page.goto("/banks/documents/new/")
    expect(page.get_by_role("button", name="Выбрать файл")).to_be_visible()
    expect(page.get_by_text("Файл не выбран")).to_be_visible()
    scan = tmp_path / "приказ.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.locator('input[type="file"]').set_input_files(str(scan))
    expect(page.get_by_text("приказ.pdf")).to_be_visible()
    page.get_by_role("button", name="Сохранить").click()  # nothing filled: the browser stops it, in Russian
    message = page.locator("#id_title").evaluate("field => field.validationMessage")
    assert message == "Заполните это поле."
    assert (
        page.locator("#id_level").evaluate("field => field.validationMessage")
        == "Выберите значение из списка."
    )
