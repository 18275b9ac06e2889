from __future__ import annotations

import datetime
import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from careers.models import Certificate, MentorAgreement
from registry.models import PairStatus
from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def pdf_text(body: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(body)).pages)


def test_coordinator_records_agreement_then_activates_the_pair(coordinator_a, school_a, login):
    school_a.requires_mentor_agreement = True
    school_a.save()
    mentor = MentorFactory(person__organization=school_a, person__last_name="Опытнова")
    pair = PairFactory(
        mentor=mentor, mentees=[MenteeFactory(person__organization=school_a)], status="forming"
    )
    page = login("kurator_a")
    page.goto(pair.get_absolute_url())
    page.get_by_role("link", name="Сменить состояние").click()
    page.get_by_label("Новое состояние").select_option(label="действует")
    page.get_by_label("Причина").fill("Пара начала работу")
    page.get_by_role("button", name="Сменить состояние").click()
    expect(page.get_by_text("ст. 351.8 ТК РФ").first).to_be_visible()

    page.goto(pair.get_absolute_url())
    page.get_by_role("link", name="Соглашение о наставничестве").click()
    page.get_by_role("link", name="Внести согласие и соглашение").click()
    page.get_by_label("Дата письменного согласия наставника").fill("01.09.2025")
    page.get_by_label("Номер дополнительного соглашения").fill("7-н")
    page.get_by_label("Дата соглашения").fill("03.09.2025")
    page.get_by_label("Наставничество по").fill("31.05.2026")
    page.get_by_label("Содержание наставничества").fill("адаптация молодого педагога")
    page.get_by_label("Оплата").fill("доплата 3 000 руб. в месяц")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Соглашение сохранено.")).to_be_visible()
    assert MentorAgreement.objects.get(pair=pair).number == "7-н"
    body = page.request.get(
        page.get_by_role("link", name="Доп. соглашение (PDF)").get_attribute("href")
    ).body()
    assert "№ 7-н" in pdf_text(body) and "Опытнова" in pdf_text(body)

    page.goto(pair.get_absolute_url())
    page.get_by_role("link", name="Сменить состояние").click()
    page.get_by_label("Новое состояние").select_option(label="действует")
    page.get_by_label("Причина").fill("Пара начала работу")
    page.get_by_role("button", name="Сменить состояние").click()
    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE


def test_coordinator_transfers_a_pedagogue_and_issues_a_certificate(coordinator_a, school_a, school_b, login):
    person = PersonFactory(
        organization=school_a, last_name="Мастерова", experience_start=datetime.date(2020, 9, 1)
    )
    page = login("kurator_a")
    page.goto(person.get_absolute_url())
    page.get_by_role("link", name="Места работы и справки").click()
    page.get_by_role("link", name="Выдать справку о наставнической деятельности").click()
    page.locator("#id_start").fill("01.09.2023")
    page.locator("#id_end").fill("31.05.2026")
    page.get_by_role("button", name="Выдать справку о наставнической деятельности").click()
    expect(page.get_by_text("Справка выдана и внесена в реестр.")).to_be_visible()
    certificate = Certificate.objects.get(person=person)
    body = page.request.get(
        page.get_by_role("link", name="Скачать справку (PDF)").get_attribute("href")
    ).body()
    assert certificate.number in pdf_text(body)

    page.goto(f"/careers/people/{person.pk}/")
    page.get_by_role("link", name="Перевести в другую организацию").click()
    page.get_by_label("Новая организация").select_option(label="Школа Б")
    page.get_by_label("Дата перевода").fill("01.06.2026")
    page.get_by_role("button", name="Перевести в другую организацию").click()
    expect(page.get_by_text("Перевод записан.")).to_be_visible()
    expect(page.get_by_role("cell", name="31.05.2026")).to_be_visible()  # their period in school A, kept

    anonymous = page.context.browser.new_context(base_url=page.url.split("/careers")[0]).new_page()
    anonymous.goto(f"/careers/verify/{certificate.code}/")
    expect(anonymous.get_by_text("Справка действительна")).to_be_visible()
    expect(anonymous.get_by_text(certificate.number)).to_be_visible()
