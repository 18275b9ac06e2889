from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from submissions.models import Submission, SubmissionStatus
from tests.factories import AcademicYearFactory
from tests.submissions.factories import CampaignFactory, SubmissionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def submission(school_a):
    campaign = CampaignFactory(
        title="Данные о наставничестве за 2025/2026",
        year=AcademicYearFactory(start_year=2025),
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    return SubmissionFactory(campaign=campaign, organization=school_a)


def test_coordinator_submits_methodist_returns_then_accepts(
    methodist, coordinator_a, submission, login, page, browser, live_server
):
    page = login("kurator_a")
    menu = page.get_by_test_id("menu")
    menu.get_by_text("Сбор данных", exact=True).click()
    menu.get_by_role("link", name="Мои отчёты").click()
    page.get_by_role("link", name="Данные о наставничестве за 2025/2026").click()
    page.get_by_role("link", name="Численность и сайт").click()
    page.get_by_label("Обучающихся всего").fill("420")
    page.get_by_label("Педагогов всего").fill("31")
    page.get_by_label("Обучающихся 10–18 лет").fill("260")
    page.get_by_label("Обучающихся 15–19 лет").fill("95")
    page.get_by_label("Адрес раздела «Наставничество» на сайте").fill("https://school-a.ru/nastavnichestvo")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("заполняется")
    expect(page.get_by_test_id("pupils-count")).to_have_text("420")
    page.get_by_role("link", name="Отправить методисту").click()
    expect(page.get_by_test_id("completeness")).to_be_visible()
    page.get_by_label("Данные достоверны").check()
    page.get_by_role("button", name="Отправить").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("отправлено")

    reviewer = browser.new_context(base_url=live_server.url, locale="ru-RU").new_page()
    _log_in(reviewer, "metodist")
    reviewer.goto(f"/submissions/campaigns/{submission.campaign_id}/")
    reviewer.get_by_role("link", name="Проверить").click()
    reviewer.get_by_role("link", name="Вернуть на доработку").click()
    reviewer.get_by_label("численность обучающихся и педагогов").fill("Укажите численность на 1 сентября")
    reviewer.get_by_role("button", name="Вернуть на доработку").click()
    expect(reviewer.get_by_test_id("submission-status")).to_contain_text("возвращено")

    page.reload()
    expect(page.get_by_test_id("return-comment")).to_contain_text("Укажите численность на 1 сентября")
    page.get_by_role("link", name="Численность и сайт").click()
    page.get_by_label("Обучающихся всего").fill("415")
    page.get_by_role("button", name="Сохранить").click()
    page.get_by_role("link", name="Отправить методисту").click()
    page.get_by_label("Данные достоверны").check()
    page.get_by_label("Комментарий для методиста").fill("Исправили численность")
    page.get_by_role("button", name="Отправить").click()
    expect(page.get_by_test_id("submission-status")).to_contain_text("отправлено")

    reviewer.reload()
    reviewer.get_by_role("link", name="Принять").click()
    reviewer.get_by_role("button", name="Принять").click()
    expect(reviewer.get_by_test_id("submission-status")).to_contain_text("принято")
    expect(reviewer.get_by_test_id("pupils-count")).to_contain_text("415")
    expect(reviewer.get_by_test_id("submitted-figures")).to_contain_text("Наставников в банке")
    expect(reviewer.get_by_test_id("transitions")).to_contain_text("Исправили численность")
    accepted = Submission.objects.get()
    assert (
        accepted.status == SubmissionStatus.ACCEPTED and accepted.snapshot["declared"]["pupils_count"] == 415
    )


def _log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill("pass-12345")
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/")
