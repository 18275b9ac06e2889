from __future__ import annotations

import datetime
import io
from urllib.parse import unquote

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from registry.models import Consent, Pair, Person
from tests.conftest import client_for
from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory

OLD_NAMES = ("Конопатова", "Ярослава", "Всеволодовна", "Конопатова-Брусилова")


@pytest.fixture
def person(school_a):
    """A young teacher of school A with two versions in history, a consent and an active pair."""
    person = PersonFactory(
        organization=school_a,
        last_name="Конопатова",
        first_name="Ярослава",
        middle_name="Всеволодовна",
        birth_date=datetime.date(1999, 4, 17),
        birth_year=None,
        experience_start=datetime.date(2023, 9, 1),
        email="konopatova@example.ru",
        phone="+7 999 123-45-67",
        subjects="математика",
    )
    person.last_name = "Конопатова-Брусилова"
    person.save()
    Consent.objects.create(
        person=person,
        kind="processing",
        signer="representative",
        representative_name="Брусилов Пётр Ильич",
        signed_on=datetime.date(2025, 9, 1),
        scope="участие в программе наставничества",
    )
    mentor = MentorFactory(
        person__organization=school_a, person__last_name="Наставникова", person__first_name="Галина"
    )
    PairFactory(mentor=mentor, mentees=[MenteeFactory(person=person, main_request="Дисциплина в 7Б")])
    return person


def sheets_of(response) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return {sheet.title: [tuple(r) for r in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


# --- export ------------------------------------------------------------------------------------


def test_export_holds_person_consent_pair_and_history(as_coordinator_a, person):
    response = as_coordinator_a.get(reverse("registry:person_data_export", args=[person.pk]))
    assert "персональные_данные_Конопатова-Брусилова.xlsx" in unquote(response["Content-Disposition"])
    sheets = sheets_of(response)
    assert list(sheets) == [
        "Человек", "Согласия", "Наставник и наставляемый", "Пары", "История изменений", "Ответы на анкеты",
    ]  # fmt: skip
    assert ("фамилия", "Конопатова-Брусилова") in sheets["Человек"]
    assert ("дата рождения", datetime.datetime(1999, 4, 17)) in sheets["Человек"]
    assert ("e-mail", "konopatova@example.ru") in sheets["Человек"]
    assert sheets["Согласия"][1][:5] == (
        "обработка персональных данных",
        "законный представитель",
        "Брусилов Пётр Ильич",
        datetime.datetime(2025, 9, 1),
        "участие в программе наставничества",
    )
    assert ("наставляемый", "основной запрос", "Дисциплина в 7Б") in sheets["Наставник и наставляемый"]
    assert sheets["Пары"][1] == (
        "наставляемый",
        "Школа А",
        "педагог – педагог",
        "Наставникова Галина Александровна",
        1,
        datetime.datetime(2025, 9, 15),
        None,
        None,
        "действует",
    )
    history = sheets["История изменений"]
    assert any(row[3] == "фамилия" and row[4:] == ("Конопатова", "Конопатова-Брусилова") for row in history)


def test_export_of_other_school_person_is_not_found(coordinator_b, person):
    response = client_for(coordinator_b).get(reverse("registry:person_data_export", args=[person.pk]))
    assert response.status_code == 404
    assert response.get("Content-Disposition") is None


# --- anonymisation -----------------------------------------------------------------------------


def anonymise(client, person, reason="Истёк срок обработки, приказ № 12 от 01.06.2026"):
    return client.post(reverse("registry:person_anonymise", args=[person.pk]), {"reason": reason})


def test_confirmation_page_explains_what_happens(as_methodist, person):
    page = as_methodist.get(reverse("registry:person_anonymise", args=[person.pk])).content.decode()
    assert "Обезличивание нельзя отменить" in page
    assert f"«Обезличено {person.pk}»" in page
    assert 'name="reason"' in page


def test_anonymisation_clears_person_and_keeps_statistics(as_methodist, person, school_a):
    response = anonymise(as_methodist, person)
    assert response["Location"] == person.get_absolute_url()
    person.refresh_from_db()
    assert (person.last_name, person.first_name, person.middle_name) == (f"Обезличено {person.pk}", "", "")
    assert (person.birth_date, person.birth_year) == (None, 1999)
    assert person.experience_start == datetime.date(2023, 1, 1)
    assert (person.email, person.phone, person.position, person.subjects) == ("", "", "", "")
    assert person.is_anonymised
    assert (person.category, person.organization) == ("pedagogue", school_a)
    assert Pair.objects.filter(mentees__person=person, status="active").count() == 1
    assert person.mentee.main_request == ""


def test_anonymisation_removes_names_from_every_historical_row(as_methodist, person, methodist):
    anonymise(as_methodist, person)
    versions = list(Person.history.filter(id=person.pk).order_by("history_date"))
    assert len(versions) == 3  # created, renamed, anonymised
    for version in versions:
        values = (version.last_name, version.first_name, version.middle_name, version.email, version.phone)
        assert not any(name in value for name in OLD_NAMES for value in values)
        assert version.birth_date is None and version.birth_year == 1999
    assert versions[-1].history_change_reason == "Истёк срок обработки, приказ № 12 от 01.06.2026"
    assert versions[-1].history_user == methodist
    page = as_methodist.get(person.get_absolute_url()).content.decode()
    assert not any(name in page for name in OLD_NAMES)


def test_anonymisation_keeps_consents_without_representative_names(as_methodist, person):
    anonymise(as_methodist, person)
    consent = Consent.objects.get(person=person)
    assert (consent.signed_on, consent.kind, consent.representative_name) == (
        datetime.date(2025, 9, 1),
        "processing",
        "",
    )
    assert set(Consent.history.filter(id=consent.pk).values_list("representative_name", flat=True)) == {""}


def test_anonymisation_requires_reason(as_methodist, person):
    response = anonymise(as_methodist, person, reason="   ")
    assert response.status_code == 200
    assert "Укажите причину обезличивания" in response.content.decode()
    person.refresh_from_db()
    assert person.last_name == "Конопатова-Брусилова" and not person.is_anonymised


def test_anonymised_person_cannot_be_anonymised_again(as_methodist, person):
    anonymise(as_methodist, person)
    response = anonymise(as_methodist, person, reason="Повторно")
    assert "Данные этого человека уже обезличены." in response.content.decode()
    assert Person.history.filter(id=person.pk).count() == 3


def test_anonymised_person_is_not_in_young_work_list(as_methodist, person):
    anonymise(as_methodist, person)
    assert not Person.objects.young(datetime.date(2025, 9, 1)).filter(pk=person.pk).exists()


@pytest.mark.parametrize("client_name", ["as_coordinator_a", "as_department"])
def test_anonymisation_is_forbidden_to_coordinator_and_department(client_name, request, person):
    response = anonymise(request.getfixturevalue(client_name), person)
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.last_name == "Конопатова-Брусилова" and not person.is_anonymised


def test_person_page_links_export_and_anonymise_to_methodist_only(as_methodist, as_department, person):
    export = reverse("registry:person_data_export", args=[person.pk])
    anonymise_url = reverse("registry:person_anonymise", args=[person.pk])
    methodist_page = as_methodist.get(person.get_absolute_url()).content.decode()
    department_page = as_department.get(person.get_absolute_url()).content.decode()
    assert export in methodist_page and anonymise_url in methodist_page
    assert export not in department_page and anonymise_url not in department_page
