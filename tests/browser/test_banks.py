from __future__ import annotations

import pytest
from playwright.sync_api import expect

from banks.models import Practice
from tests.banks.factories import PDF
from tests.factories import AcademicYearFactory, MentoringFormFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reference():
    """Transactional tests flush the seeded reference rows, so they are created here."""
    return MentoringFormFactory(), AcademicYearFactory(start_year=2025)


def test_practice_goes_from_draft_to_public_showcase(
    methodist, coordinator_a, reference, login, page, browser, live_server, tmp_path
):
    form, year = reference
    upload = tmp_path / "описание.pdf"
    upload.write_bytes(PDF)

    page = login("kurator_a")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Банки", exact=True).click()
    menu.get_by_role("link", name="Практики").click()
    page.get_by_role("link", name="Добавить").click()
    page.get_by_label("Название").fill("Школа молодого педагога")
    page.get_by_label("Формы наставничества").select_option(label=str(form))
    page.get_by_label("Учебный год").select_option(label=str(year))
    page.get_by_label("Описание практики").fill("Наставник посещает уроки молодого учителя.")
    page.get_by_label("Приложить файлы").set_input_files(str(upload))
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Практика сохранена как черновик.")).to_be_visible()
    practice = Practice.objects.get()
    assert practice.files.get().name == "описание.pdf"
    page.get_by_role("link", name="Отправить на рассмотрение").click()
    page.get_by_role("button", name="Отправить на рассмотрение").click()
    expect(page.get_by_test_id("practice-status")).to_contain_text("на рассмотрении")

    reviewer = browser.new_context(base_url=live_server.url, locale="ru-RU").new_page()
    _log_in(reviewer, "metodist")
    reviewer.goto(practice.get_absolute_url())
    reviewer.get_by_role("link", name="Вернуть на доработку").click()
    reviewer.get_by_label("Комментарий").fill("Опишите результаты в цифрах")
    reviewer.get_by_role("button", name="Вернуть на доработку").click()
    expect(reviewer.get_by_test_id("practice-status")).to_contain_text("возвращена")

    page.goto(practice.get_absolute_url())
    expect(page.get_by_test_id("return-comment")).to_contain_text("Опишите результаты в цифрах")
    page.get_by_role("link", name="Отправить на рассмотрение").click()
    page.get_by_label("Комментарий").fill("Добавили результаты")
    page.get_by_role("button", name="Отправить на рассмотрение").click()
    expect(page.get_by_test_id("practice-status")).to_contain_text("на рассмотрении")

    reviewer.goto(practice.get_absolute_url())
    reviewer.get_by_role("link", name="Опубликовать").click()
    reviewer.get_by_role("button", name="Опубликовать").click()
    expect(reviewer.get_by_test_id("practice-status")).to_contain_text("опубликована")
    expect(reviewer.get_by_test_id("transitions")).to_contain_text("Добавили результаты")

    visitor = browser.new_context(base_url=live_server.url, locale="ru-RU").new_page()
    visitor.goto("/banks/showcase/")
    visitor.get_by_role("link", name="Школа молодого педагога").click()
    expect(visitor.get_by_role("link", name="описание.pdf")).to_be_visible()
    expect(visitor.get_by_role("link", name="Войти")).to_be_visible()
    assert Practice.objects.get().status == "published"


def _log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill("pass-12345")
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/")
