from __future__ import annotations

import pytest
from playwright.sync_api import expect

from registry.models import Pair
from tests.factories import MenteeFactory, MentorFactory, MentoringFormFactory, PairFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(school_a):
    """Transactional tests flush the seeded reference rows, so the form is created here."""
    form = MentoringFormFactory()
    mentor = MentorFactory(
        person=PersonFactory(
            organization=school_a, last_name="Наставникова", first_name="Ирина", middle_name="Петровна"
        )
    )
    mentee = MenteeFactory(
        person=PersonFactory(
            organization=school_a, last_name="Молодцов", first_name="Олег", middle_name="Игоревич"
        )
    )
    return form, mentor, mentee


def test_methodist_creates_pair_and_fills_its_program(methodist, people, login):
    form, mentor, mentee = people
    page = login("metodist")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Реестр", exact=True).click()
    menu.get_by_role("link", name="Пары и группы").click()
    page.get_by_role("link", name="Добавить").click()
    page.get_by_label("Организация").select_option(label=str(mentor.person.organization))
    page.get_by_label("Форма наставничества").select_option(label=str(form))
    page.get_by_label("Наставник").select_option(value=str(mentor.pk))
    page.get_by_label("Наставляемые").select_option(value=str(mentee.pk))
    page.get_by_label("Дата начала").fill("15.09.2025")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Пара сохранена.")).to_be_visible()
    pair = Pair.objects.get(mentor=mentor)

    page.get_by_role("link", name="Изменить программу").click()
    page.get_by_label("Цели").fill("Освоить классное руководство")
    page.locator('[name="activities-0-title"]').fill("Посещение уроков наставника")
    page.locator('[name="activities-0-due_on"]').fill("15.10.2025")
    page.get_by_role("button", name="Сохранить").click()

    expect(page.get_by_text("Программа сохранена.")).to_be_visible()
    activities = page.get_by_test_id("program-activities")
    expect(activities.get_by_role("cell", name="Посещение уроков наставника")).to_be_visible()
    assert pair.program.activities.get().title == "Посещение уроков наставника"
    pdf_url = page.get_by_role("link", name="Программа (PDF)").get_attribute("href")
    response = page.request.get(pdf_url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")


def test_program_page_adds_a_row_in_the_browser(methodist, people, login):
    form, mentor, mentee = people
    pair = PairFactory(mentor=mentor, form=form, mentees=[mentee])
    page = login("metodist")
    page.goto(f"/registry/pairs/{pair.pk}/program/")
    page.locator('[name="activities-0-title"]').fill("Первое")
    page.get_by_role("button", name="Добавить строку").click()
    page.locator('[name="activities-1-title"]').fill("Второе")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Программа сохранена.")).to_be_visible()
    assert list(pair.program.activities.values_list("position", "title")) == [(1, "Первое"), (2, "Второе")]


def test_methodist_filters_people_by_an_organisation_found_by_name(methodist, school_a, school_b, login):
    PersonFactory(organization=school_a, last_name="Аистова")
    PersonFactory(organization=school_b, last_name="Боброва")
    page = login("metodist")
    page.goto("/registry/people/")
    expect(page.locator("#id_organization")).to_be_hidden()  # nothing chosen: the search box alone
    page.locator("#id_organization_search").fill("Школа Б")
    page.get_by_role("option", name="Школа Б").click()
    expect(page.locator("#id_organization")).to_be_visible()
    page.get_by_role("button", name="Найти").click()
    expect(page.get_by_role("link", name="Боброва", exact=False)).to_be_visible()
    expect(page.get_by_text("Аистова")).to_have_count(0)
    expect(page.locator("#id_organization")).to_have_value(str(school_b.pk))


def test_methodist_edits_a_mentor_and_a_mentee_keeping_their_people(methodist, people, login):
    _form, mentor, mentee = people
    page = login("metodist")
    page.goto(f"/registry/mentors/{mentor.pk}/edit/")
    expect(page.get_by_label("Человек")).to_have_value(str(mentor.person_id))
    expect(page.get_by_label("Человек")).to_be_disabled()
    page.get_by_label("Компетенции").fill("Классное руководство")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Сохранено.")).to_be_visible()
    mentor.refresh_from_db()
    assert (mentor.competences, mentor.person.last_name) == ("Классное руководство", "Наставникова")

    page.goto(f"/registry/mentees/{mentee.pk}/edit/")
    expect(page.get_by_label("Человек")).to_have_value(str(mentee.person_id))
    page.get_by_label("Основной запрос").fill("Адаптация в коллективе")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Сохранено.")).to_be_visible()
    mentee.refresh_from_db()
    assert (mentee.main_request, mentee.person.last_name) == ("Адаптация в коллективе", "Молодцов")
