from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Training
from tests.events.factories import PDF, TrainingFactory, pdf_upload
from tests.factories import AcademicYearFactory, PersonFactory
from tests.helpers import count_queries, xlsx_rows

CREATE = reverse("events:training_create")


@pytest.fixture
def year(db):
    return AcademicYearFactory(start_year=2025)


def training_post(person, **fields) -> dict:
    return {
        "person": person.pk,
        "title": "Наставничество в образовательной организации",
        "provider": "ПК ИРО",
        "hours": "36",
        "starts_on": "01.10.2025",
        "ends_on": "20.10.2025",
        **fields,
    }


def test_coordinator_adds_training_with_certificate(as_coordinator_a, school_a, year):
    person = PersonFactory(organization=school_a)
    data = training_post(person, certificate=pdf_upload("Иванова_удостоверение.pdf"))
    response = as_coordinator_a.post(CREATE, data)
    training = Training.objects.get()
    assert response["Location"] == training.get_absolute_url()
    assert (training.person, training.hours, training.year) == (person, 36, year)
    assert training.certificate_name == "Иванова_удостоверение.pdf"
    assert training.certificate.name.startswith("trainings/") and "Иванова" not in training.certificate.name
    download = as_coordinator_a.get(reverse("events:training_certificate", args=[training.pk]))
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"


def test_coordinator_cannot_add_training_to_another_schools_person(as_coordinator_a, school_b, year):
    stranger = PersonFactory(organization=school_b)
    response = as_coordinator_a.post(CREATE, training_post(stranger))
    assert response.status_code == 200
    assert "Выберите корректный вариант" in response.content.decode()
    assert not Training.objects.exists()


def test_coordinator_b_gets_404_on_school_a_training_and_certificate(school_a, personas, year):
    training = TrainingFactory(person=PersonFactory(organization=school_a), certificate=pdf_upload())
    client = personas["coord_b"]
    for name in ("training_detail", "training_update", "training_certificate"):
        assert client.get(reverse(f"events:{name}", args=[training.pk])).status_code == 404
    before = training.updated_at
    assert client.post(reverse("events:training_update", args=[training.pk]), {"hours": 1}).status_code == 404
    training.refresh_from_db()
    assert (training.hours, training.updated_at) == (36, before)
    rows = xlsx_rows(client.get(reverse("events:training_export")))
    assert rows == [rows[0]]


def test_disguised_executable_certificate_is_refused(as_methodist, school_a, year):
    person = PersonFactory(organization=school_a)
    fake = SimpleUploadedFile("сертификат.pdf", b"\x7fELF\x02\x01\x01 not a pdf")
    page = as_methodist.post(CREATE, training_post(person, certificate=fake)).content.decode()
    assert "Файл «сертификат.pdf» — программа или сценарий; такие файлы не принимаются." in page
    assert not Training.objects.exists()


def test_training_dates_and_hours_are_checked(as_methodist, school_a, year):
    person = PersonFactory(organization=school_a)
    data = training_post(person, starts_on="20.10.2025", ends_on="01.10.2025", hours="0")
    page = as_methodist.post(CREATE, data).content.decode()
    assert "Дата окончания (01.10.2025) раньше даты начала (20.10.2025): исправьте даты." in page
    assert "Число часов — от 1 до 2000." in page
    assert not Training.objects.exists()


def test_department_cannot_add_training(as_department, school_a, year):
    person = PersonFactory(organization=school_a)
    assert as_department.post(CREATE, training_post(person)).status_code == 403
    assert not Training.objects.exists()


def test_person_page_shows_trainings_in_one_query(as_methodist, school_a, year):
    person = PersonFactory(organization=school_a)
    TrainingFactory(person=person, title="Коучинговые техники в работе наставника", hours=16)
    url = person.get_absolute_url()
    small = count_queries(as_methodist, url)
    for _ in range(4):
        TrainingFactory(person=person, hours=36)
    assert count_queries(as_methodist, url) == small
    page = as_methodist.get(url).content.decode()
    assert "Коучинговые техники в работе наставника" in page
    assert 'data-testid="person-training-hours">160<' in page


def test_coordinator_b_does_not_see_trainings_on_a_page_of_b(school_a, school_b, personas, year):
    person = PersonFactory(organization=school_b)
    TrainingFactory(person=person, title="Школа современного учителя")
    page = personas["coord_b"].get(person.get_absolute_url()).content.decode()
    assert "Школа современного учителя" in page and "Добавить обучение" in page
    assert "Добавить обучение" not in personas["department"].get(person.get_absolute_url()).content.decode()


def make_trainings(count: int, organization) -> None:
    for _ in range(count):
        TrainingFactory(person=PersonFactory(organization=organization))


def test_training_list_query_count_does_not_grow(as_methodist, school_a, year):
    make_trainings(2, school_a)
    small = count_queries(as_methodist, reverse("events:training_list"))
    make_trainings(8, school_a)
    assert count_queries(as_methodist, reverse("events:training_list")) == small == 6


def test_training_list_filters_totals_and_export(as_methodist, school_a, school_b, year):
    previous = AcademicYearFactory(start_year=2024)
    person = PersonFactory(organization=school_a, last_name="Лебедева", first_name="Ирина")
    TrainingFactory(person=person, hours=36, provider="ПК ИРО")
    TrainingFactory(person=person, hours=72, provider="Академия Минпросвещения России", title="-курс")
    TrainingFactory(person=PersonFactory(organization=school_b), hours=16)
    TrainingFactory(
        person=person,
        hours=24,
        starts_on=datetime.date(2025, 3, 1),
        ends_on=datetime.date(2025, 3, 5),
        year=previous,
    )
    query = f"?year={year.pk}&organization={school_a.pk}"
    page = as_methodist.get(reverse("events:training_list") + query).content.decode()
    assert 'data-testid="training-people">1<' in page and 'data-testid="training-hours">108<' in page
    rows = xlsx_rows(as_methodist.get(reverse("events:training_export") + query + "&provider=Академия"))
    assert rows[0] == (
        "ФИО",
        "Организация",
        "Курс / программа",
        "Кто проводил",
        "Часов",
        "Начало",
        "Окончание",
        "Учебный год",
        "Удостоверение",
    )
    assert rows[1:] == [
        (
            person.full_name,
            "Школа А",
            "-курс",
            "Академия Минпросвещения России",
            72,
            datetime.datetime(2025, 10, 1),
            datetime.datetime(2025, 10, 20),
            "2025/2026",
            "нет",
        )
    ]


def test_training_edit_is_recorded_in_history(as_methodist, school_a, year):
    training = TrainingFactory(person=PersonFactory(organization=school_a))
    url = reverse("events:training_update", args=[training.pk])
    version = as_methodist.get(url).context["form"].initial["_loaded_version"]
    as_methodist.post(url, {**training_post(training.person, hours="40"), "_loaded_version": version})
    training.refresh_from_db()
    assert training.hours == 40
    history = as_methodist.get(training.get_absolute_url()).context["history"]
    assert history[0].fields == [("часов", "36", "40")]


def test_one_course_is_recorded_for_many_mentors_at_once(as_coordinator_a, school_a, school_b):
    AcademicYearFactory(start_year=2025)
    first, second = PersonFactory(organization=school_a), PersonFactory(organization=school_a)
    stranger = PersonFactory(organization=school_b)
    url = reverse("events:training_group_create")
    data = {"title": "Наставник в образовании", "provider": "ПК ИРО", "hours": "36",
            "starts_on": "01.10.2025", "ends_on": "20.10.2025"}  # fmt: skip
    response = as_coordinator_a.post(url, {**data, "people": [first.pk, stranger.pk]})
    assert not Training.objects.exists()  # another school's person is not the coordinator's to choose
    assert "people" in response.context["form"].errors
    as_coordinator_a.post(url, {**data, "people": [first.pk, second.pk]})
    trainings = Training.objects.order_by("person_id")
    assert [(t.person, t.title, t.hours, t.year.start_year) for t in trainings] == [
        (first, "Наставник в образовании", 36, 2025),
        (second, "Наставник в образовании", 36, 2025),
    ]
    assert all(t.history.count() == 1 for t in trainings)
    page = as_coordinator_a.get(reverse("events:training_list")).content.decode()
    assert reverse("events:training_group_create") in page
