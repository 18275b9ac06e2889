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


def test_methodist_enters_accepted_retention_from_the_ledger(methodist, school_a, login):
    from careers.models import AcceptedRetention
    from tests.factories import AcademicYearFactory

    year = AcademicYearFactory(start_year=2019)
    page = login("metodist")
    page.goto("/reports/retention/")
    page.get_by_role("link", name="Принятые цифры лет до реестра").click()
    page.get_by_role("link", name="Добавить").click()
    page.get_by_label("Учебный год когорты").select_option(label=year.title)
    page.get_by_label("Организация").select_option(label=str(school_a))
    page.get_by_label("С наставником").check()
    page.get_by_label("Молодых педагогов в когорте").fill("5")
    page.get_by_label("Работают через 1 год").fill("6")
    page.get_by_role("button", name="Сохранить").click()
    expect(
        page.get_by_text("Работающих через 1 год не может быть больше, чем педагогов в когорте (5).")
    ).to_be_visible()
    expect(page.get_by_label("Молодых педагогов в когорте")).to_have_value("5")  # the form comes back filled
    page.get_by_label("Работают через 1 год").fill("4")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Сохранено.")).to_be_visible()
    record = AcceptedRetention.objects.get()
    assert (record.cohort, record.after_1, record.with_mentor) == (5, 4, True)
    page.goto("/careers/retention/accepted/")
    expect(page.get_by_role("link", name="2019/2020")).to_be_visible()


def test_dismissed_pedagogue_leaves_the_people_list_until_asked(methodist, school_a, login):
    person = PersonFactory(
        organization=school_a, last_name="Уходова", experience_start=datetime.date(2020, 9, 1)
    )
    PersonFactory(organization=school_a, last_name="Оставалова")
    page = login("metodist")
    page.goto(f"/careers/people/{person.pk}/")
    page.get_by_role("link", name="Уволился").click()
    page.get_by_label("Последний день работы").fill("01.09.2025")
    page.get_by_role("button", name="Уволился").click()
    expect(page.get_by_text("Увольнение записано.")).to_be_visible()
    page.goto("/registry/people/")
    expect(page.get_by_role("link", name="Оставалова", exact=False)).to_be_visible()
    expect(page.get_by_text("Уходова")).to_have_count(0)
    page.get_by_label("Показать уволенных").select_option(label="только уволенных")
    page.get_by_role("button", name="Найти").click()
    expect(page.get_by_role("link", name="Уходова", exact=False)).to_be_visible()
    expect(page.get_by_text("Оставалова")).to_have_count(0)


def test_coordinator_downloads_the_agreement_as_docx(coordinator_a, school_a, login):
    from docx import Document

    from tests.careers.factories import agreement_for

    pair = PairFactory(mentor=MentorFactory(person__organization=school_a, person__last_name="Опытнова"),
                       mentees=[MenteeFactory(person__organization=school_a)])  # fmt: skip
    agreement_for(pair)
    page = login("kurator_a")
    page.goto(f"/careers/pairs/{pair.pk}/agreement/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать DOCX").click()
    assert download.value.suggested_filename == "доп_соглашение_12_ст_351.8.docx"
    document = Document(download.value.path())
    assert any("Опытнова" in p.text for p in document.paragraphs)
