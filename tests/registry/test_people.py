from __future__ import annotations

import pytest
from django.urls import reverse

from registry.models import Consent, Mentor, Person
from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory, PupilFactory
from tests.helpers import count_queries, xlsx_rows

PERSON = {
    "last_name": "Гончаренко",
    "first_name": "Алина",
    "middle_name": "Игоревна",
    "birth_date": "14.03.2000",
    "category": "pedagogue",
    "position": "учитель начальных классов",
    "experience_start": "01.09.2024",
}


def test_coordinator_adds_person_to_own_school(as_coordinator_a, school_a, school_b):
    response = as_coordinator_a.post(
        reverse("registry:person_create"), {**PERSON, "organization": school_b.pk}
    )
    person = Person.objects.get(last_name="Гончаренко")
    assert response["Location"] == person.get_absolute_url()
    assert person.organization == school_a and person.birth_date.year == 2000


def test_person_form_errors_in_russian_and_input_kept(as_methodist, school_a):
    data = {
        **PERSON,
        "organization": school_a.pk,
        "birth_date": "",
        "birth_year": "",
        "experience_start": "01.09.2099",
    }
    page = as_methodist.post(reverse("registry:person_create"), data).content.decode()
    assert "Укажите дату рождения или хотя бы год рождения." in page
    assert "Начало стажа не может быть в будущем." in page
    assert "Гончаренко" in page
    assert not Person.objects.filter(last_name="Гончаренко").exists()


def test_a_mistyped_birth_date_gets_its_own_message_only(as_methodist, school_a):
    data = {**PERSON, "organization": school_a.pk, "birth_date": "31.02.1990", "birth_year": ""}
    page = as_methodist.post(reverse("registry:person_create"), data).content.decode()
    assert "Введите правильную дату." in page and 'value="31.02.1990"' in page
    assert "Укажите дату рождения или хотя бы год рождения." not in page


def test_pupil_younger_than_five_is_refused(as_methodist, school_a):
    data = {
        **PERSON,
        "organization": school_a.pk,
        "category": "pupil",
        "birth_date": "",
        "birth_year": "2025",
    }
    page = as_methodist.post(reverse("registry:person_create"), data).content.decode()
    assert "Возраст участника — от 5 до 100 лет" in page


def test_coordinator_b_gets_404_on_school_a_records(school_a, coordinator_b, personas):
    person = PersonFactory(organization=school_a)
    mentor = MentorFactory(person__organization=school_a)
    pair = PairFactory(mentor=mentor, mentees=[MenteeFactory(person=person)])
    client = personas["coord_b"]
    for url in (person.get_absolute_url(), mentor.get_absolute_url(), pair.get_absolute_url()):
        assert client.get(url).status_code == 404
    rows = xlsx_rows(client.get(reverse("registry:person_export")))
    assert rows == [rows[0]]  # the header only: school A's people are not exported to B


def test_minor_consent_needs_representative(as_methodist, school_a):
    pupil = PupilFactory(organization=school_a, birth_year=2013)
    url = reverse("registry:consent_create", args=[pupil.pk])
    page = as_methodist.post(
        url, {"kind": "processing", "signer": "self", "signed_on": "01.09.2025"}
    ).content.decode()
    assert "согласие подписывает законный представитель" in page
    data = {
        "kind": "processing",
        "signer": "representative",
        "representative_name": "Петрова Ольга Ивановна",
        "signed_on": "01.09.2025",
    }
    as_methodist.post(url, data)
    consent = Consent.objects.get(person=pupil)
    assert consent.representative_name == "Петрова Ольга Ивановна"


def test_person_list_flags_consent_and_mentor(as_methodist, school_a):
    person = PersonFactory(organization=school_a, last_name="Согласнова")
    Consent.objects.create(person=person, kind="processing", signed_on="2025-09-01")
    PairFactory(mentor=MentorFactory(person__organization=school_a), mentees=[MenteeFactory(person=person)])
    rows = dict(
        (obj, cells)
        for obj, cells in as_methodist.get(reverse("registry:person_list"), {"q": "согласн"}).context["rows"]
    )
    assert list(rows) == [person]
    assert [value for value, _link in rows[person]][-2:] == ["да", "да"]


def test_mentor_bank_and_person_page(as_methodist, school_a):
    person = PersonFactory(organization=school_a, last_name="Опытная")
    response = as_methodist.post(
        reverse("registry:mentor_create"),
        {
            "person": person.pk,
            "entered_on": "01.09.2025",
            "max_mentees": "2",
            "status": "active",
            "competences": "ИКТ",
        },
    )
    mentor = Mentor.objects.get(person=person)
    assert response["Location"] == mentor.get_absolute_url()
    page = as_methodist.get(person.get_absolute_url()).content.decode()
    assert "наставник" in page and "В банк наставников" not in page


def test_mentor_edit_keeps_its_person_whatever_is_posted(as_methodist, school_a):
    mentor = MentorFactory(person__organization=school_a, max_mentees=1)
    other = PersonFactory(organization=school_a)
    form_page = as_methodist.get(reverse("registry:mentor_update", args=[mentor.pk])).content.decode()
    assert f'<option value="{mentor.person.pk}" selected>{mentor.person.full_name}' in form_page
    response = as_methodist.post(
        reverse("registry:mentor_update", args=[mentor.pk]),
        {"person": other.pk, "entered_on": "01.09.2025", "max_mentees": "3", "status": "active"},
    )
    assert response["Location"] == mentor.get_absolute_url()
    kept = mentor.person_id
    mentor.refresh_from_db()
    assert (mentor.person_id, mentor.max_mentees) == (kept, 3)


def test_pair_history_shows_mentee_changes(as_methodist, school_a):
    mentor = MentorFactory(person__organization=school_a)
    first, second = (
        MenteeFactory(person__organization=school_a, person__last_name="Первая"),
        MenteeFactory(person__organization=school_a, person__last_name="Вторая"),
    )
    pair = PairFactory(mentor=mentor, mentees=[first])
    pair.mentees.set([first, second])
    history = as_methodist.get(pair.get_absolute_url()).context["history"]
    changed = [row for change in history for row in change.fields if row[0] == "наставляемые"]
    assert any("Вторая" in new and "Вторая" not in old for _name, old, new in changed)


@pytest.mark.parametrize("count", [1, 6])
def test_person_detail_query_count_is_fixed(as_methodist, school_a, count):
    person = PersonFactory(organization=school_a)
    for _ in range(count):
        Consent.objects.create(person=person, kind="processing", signed_on="2025-09-01")
        person.save()
    mentee = MenteeFactory(person=person)
    PairFactory(mentor=MentorFactory(person__organization=school_a), mentees=[mentee])
    # 8 + the card's view log + whether the person has left (and when)
    assert count_queries(as_methodist, person.get_absolute_url()) == 10


def test_anonymised_person_cannot_be_edited(as_methodist, school_a):
    person = PersonFactory(organization=school_a, is_anonymised=True, last_name="Обезличено 1")
    data = {**PERSON, "organization": school_a.pk}
    page = as_methodist.post(reverse("registry:person_update", args=[person.pk]), data).content.decode()
    assert "Данные человека обезличены" in page
    person.refresh_from_db()
    assert person.last_name == "Обезличено 1"


def test_person_form_marks_category_fields_and_clears_the_other_categorys(as_methodist, school_a):
    page = as_methodist.get(reverse("registry:person_create")).content.decode()
    assert 'data-category-switch="person"' in page
    assert 'name="class_or_group"' in page and 'data-for-category="pupil student"' in page
    assert 'data-for-category="pedagogue"' in page
    data = {
        "last_name": "Учителева", "first_name": "Ольга", "birth_year": "1990", "category": "pedagogue",
        "organization": school_a.pk, "position": "учитель", "class_or_group": "5Б", "qualification": "first",
    }  # fmt: skip
    as_methodist.post(reverse("registry:person_create"), data)
    person = Person.objects.get(last_name="Учителева")
    assert (person.position, person.class_or_group) == ("учитель", "")
    data.update(last_name="Ученикова", category="pupil", birth_year="2012")
    as_methodist.post(reverse("registry:person_create"), data)
    pupil = Person.objects.get(last_name="Ученикова")
    assert (pupil.class_or_group, pupil.position, pupil.qualification) == ("5Б", "", "")
