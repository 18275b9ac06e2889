"""Monitoring in a real browser: a coordinator sends a round to their school, the participants answer
through their personal links on a phone-sized page without an account, the figures follow; the
methodologist copies and edits a questionnaire."""

from __future__ import annotations

import datetime
import os

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from monitoring.models import Invitation, QuestionKind, Questionnaire, Respondent, SurveyRound
from tests.factories import AcademicYearFactory
from tests.monitoring.factories import make_pairs

pytestmark = pytest.mark.django_db(transaction=True)


SHOTS = os.environ.get("MSHN_SCREENSHOTS", "")  # a folder to keep screenshots in, when set
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def current_year():
    today = timezone.localdate()
    return AcademicYearFactory(start_year=today.year if today.month >= 9 else today.year - 1)


def answer_on_phone(phone, invitation: Invitation, score: int) -> None:
    phone.goto(invitation.get_answer_url())
    expect(phone.get_by_role("heading", level=1)).to_have_text(invitation.questionnaire.title)
    expect(phone.get_by_test_id("who-collects")).to_contain_text("Ответы собирает")
    for question in invitation.questionnaire.questions.all():
        name = f"q{question.pk}"
        if question.kind == QuestionKind.SCALE:
            phone.locator(f"label[for='id_{name}_{score - 1}']").click()
        elif question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            phone.get_by_label(question.option_list()[0], exact=True).nth(0).check()
        else:
            phone.get_by_label(question.text).fill("Встречи каждую неделю, разбор уроков")
    width = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0  # nothing wider than the phone
    phone.get_by_role("button", name="Отправить ответ").click()
    expect(phone.get_by_test_id("answer-done")).to_contain_text("сохранён")


def test_round_answered_through_personal_links_on_a_phone(
    coordinator_a, methodist, school_a, login, page, browser, live_server
):
    year = current_year()
    make_pairs(school_a, 5)
    page = login("kurator_a")
    page.goto("/monitoring/rounds/new/")
    page.get_by_label("Название").fill("Итоговое анкетирование, май")
    page.get_by_label("Учебный год").select_option(str(year.pk))
    page.get_by_label("Когда").select_option("exit")
    page.get_by_label("Организация").select_option(str(school_a.pk))
    closes = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("Принимает ответы до").fill(f"{closes:%d.%m.%Y}")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_test_id("round-totals")).to_contain_text("приглашено 11")  # 5 + 5 and the coordinator
    survey = SurveyRound.objects.get()
    shot(page, "round-created")
    page.get_by_role("link", name="Листы с QR-кодами").click()
    expect(page.get_by_test_id("qr-sheet")).to_have_count(11)
    expect(page.get_by_test_id("qr-sheet").first.locator("svg")).to_be_visible()
    shot(page, "qr-sheets")

    phone = browser.new_context(base_url=live_server.url, locale="ru-RU", **PHONE).new_page()
    mentors = list(survey.invitations.filter(respondent=Respondent.MENTOR).order_by("id"))
    for invitation in mentors:
        answer_on_phone(phone, invitation, 8)
    shot(phone, "answer-done-phone")
    phone.goto(mentors[0].get_answer_url())  # re-opened before closing: the answer is there to change
    expect(phone.locator(f"#id_q{mentors[0].questionnaire.questions.first().pk}_7")).to_be_checked()
    shot(phone, "answer-reopened-phone")
    other = survey.invitations.filter(respondent=Respondent.MENTEE).first()
    phone.goto(other.get_answer_url())
    expect(phone.get_by_role("heading", level=1)).to_have_text(other.questionnaire.title)
    expect(phone.get_by_text("Насколько комфортно было работать с наставляемым?")).to_have_count(0)
    shot(phone, "mentee-questionnaire-phone")

    page.goto(survey.get_absolute_url())
    expect(page.get_by_test_id("round-totals")).to_contain_text("открыли 6, ответили 5")
    expect(page.get_by_test_id("round-progress")).to_contain_text("Школа А")
    shot(page, "round-progress")
    page.goto(f"/reports/?year={year.pk}")
    expect(page.locator("tr[data-code='mentor_satisfaction'] td.text-end").first).to_have_text("80,0")
    expect(page.locator("tr[data-code='mentee_satisfaction'] td.text-end").first).to_have_text("нет данных")
    shot(page, "dashboard-satisfaction")

    SurveyRound.objects.filter(pk=survey.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    phone.goto(mentors[0].get_answer_url())
    expect(phone.get_by_test_id("refusal")).to_contain_text("опрос закрыт")
    expect(phone.get_by_test_id("answer-form")).to_have_count(0)


def test_methodist_copies_and_edits_a_questionnaire(methodist, login):
    page = login("metodist")
    original = Questionnaire.objects.get(title="Анкета наставляемого на выходе («педагог – педагог»)")
    page.goto(original.get_absolute_url())
    page.get_by_role("link", name="Копировать").click()
    page.get_by_role("button", name="Копировать анкету").click()
    page.get_by_label("Название").fill("Анкета молодого педагога на выходе (2026)")
    page.get_by_role("button", name="Добавить вопрос").click()
    rows = page.get_by_test_id("question-rows").locator("tbody tr.formset-row")
    new = rows.last
    new.get_by_label("№").fill("20")
    new.get_by_label("Раздел").fill("Самооценка (этап 2)")
    new.get_by_label("Вопрос", exact=True).fill("Насколько вы готовы остаться в школе на следующий год?")
    new.get_by_label("Вид ответа").select_option("scale")
    new.get_by_label("Показатель").select_option("motivation")
    page.get_by_role("button", name="Сохранить").click()
    section = page.get_by_role("region", name="Вопросы раздела «Самооценка (этап 2)»")
    expect(section.locator("tbody tr").last).to_contain_text("Насколько вы готовы остаться в школе")
    shot(page, "questionnaire-edited")
    copy = Questionnaire.objects.get(title="Анкета молодого педагога на выходе (2026)")
    assert copy.questions.count() == original.questions.count() + 1
