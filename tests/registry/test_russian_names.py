"""Russian order of names on a C.UTF-8 server, «ё» as «е» in searches, names declined in documents."""

from __future__ import annotations

import datetime
import io

import pytest
from django.db import connection
from django.urls import reverse
from pypdf import PdfReader

from banks import selectors as bank_selectors
from banks.models import Practice
from core.russian import Case, Gender, fill_sort_keys
from directory.models import Organization
from registry.models import Person
from tests.banks.factories import PracticeFactory
from tests.factories import (
    AcademicYearFactory,
    MenteeFactory,
    OrganizationFactory,
    PairFactory,
    PersonFactory,
)
from tests.helpers import xlsx_rows
from tests.meetings.factories import make_meeting

pytestmark = pytest.mark.django_db

SURNAMES = ["Яковлев", "Ёлкин", "Андреев", "Елисеев", "Жуков", "ёжиков"]
RUSSIAN_ORDER = ["Андреев", "ёжиков", "Елисеев", "Ёлкин", "Жуков", "Яковлев"]
SCHOOLS = [
    "Яковлевская СОШ",
    "Ёлкинская СОШ",
    "Андреевская СОШ",
    "Елисеевская СОШ",
    "Жуковская СОШ",
    "ёжиковская СОШ",
]
SCHOOL_ORDER = [f"{name}ская СОШ" for name in RUSSIAN_ORDER]


def in_order(text: str, names: list[str]) -> list[str]:
    """The names as they come in the text."""
    return sorted(names, key=text.index)


@pytest.fixture
def people(school_a):
    return [
        PersonFactory(last_name=name, first_name="Пётр", middle_name="Ильич", organization=school_a)
        for name in SURNAMES
    ]


@pytest.fixture
def schools(db):
    return [OrganizationFactory(short_name=name, full_name=f"МБОУ «{name}»") for name in SCHOOLS]


def test_the_server_collation_alone_would_put_yo_first(people):
    """The premise: on this server (C.UTF-8) ORDER BY the name itself is not the Russian order."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT datcollate FROM pg_database WHERE datname = current_database()")
        assert cursor.fetchone()[0] in ("C.UTF-8", "C.utf8", "C")
    by_server = list(Person.objects.order_by("last_name").values_list("last_name", flat=True))
    assert by_server[0] == "Ёлкин" and by_server[-1] == "ёжиков"
    assert list(Person.objects.values_list("last_name", flat=True)) == RUSSIAN_ORDER


def test_people_list_and_its_sort_and_export_are_in_russian_order(as_methodist, people):
    page = as_methodist.get(reverse("registry:person_list")).content.decode()
    assert in_order(page, SURNAMES) == RUSSIAN_ORDER
    page = as_methodist.get(reverse("registry:person_list"), {"sort": "-name"}).content.decode()
    assert in_order(page, SURNAMES) == RUSSIAN_ORDER[::-1]
    rows = xlsx_rows(as_methodist.get(reverse("registry:person_export")))
    assert [row[0].split()[0] for row in rows[1:]] == RUSSIAN_ORDER


def test_person_picker_finds_in_russian_order_with_yo_as_ye(as_methodist, people):
    response = as_methodist.get(reverse("registry:person_search"), {"q": "Петр Ильич"})
    labels = [item["label"].split()[0] for item in response.json()["results"]]
    assert labels == RUSSIAN_ORDER  # «Петр» typed without «ё» finds every «Пётр»


def test_mentor_and_mentee_lists_follow_the_people(as_methodist, people):
    for person in people:
        MenteeFactory(person=person)
    page = as_methodist.get(reverse("registry:mentee_list")).content.decode()
    assert in_order(page, SURNAMES) == RUSSIAN_ORDER


def test_organisation_list_picker_and_export_are_in_russian_order(as_methodist, schools):
    page = as_methodist.get(reverse("directory:organization_list")).content.decode()
    assert in_order(page, SCHOOLS) == SCHOOL_ORDER
    rows = xlsx_rows(as_methodist.get(reverse("directory:organization_export")))
    assert [row[0] for row in rows[1:] if row[0] in SCHOOLS] == SCHOOL_ORDER
    response = as_methodist.get(reverse("directory:organization_search"), {"q": "ская СОШ"})
    assert [item["label"] for item in response.json()["results"]] == SCHOOL_ORDER


def test_statistical_form_lists_organisations_in_russian_order(as_methodist, schools):
    year = AcademicYearFactory(start_year=2025)
    for school in schools:
        PairFactory(mentor__person__organization=school, mentees=[MenteeFactory(person__organization=school)])
    response = as_methodist.get(reverse("reports:statform", kwargs={"number": 1}), {"year": year.pk})
    rows = xlsx_rows(response)
    assert [row[0] for row in rows if row[0] in SCHOOLS] == SCHOOL_ORDER


def test_protocol_lists_those_present_in_russian_order(as_methodist, people, settings):
    settings.MSHN_PROTOCOL_LIST_THRESHOLD = 1  # the attendee list goes to the appendix, one full name a row
    meeting = make_meeting(
        AcademicYearFactory(start_year=2025), date=datetime.date(2025, 10, 15), present=people
    )
    response = as_methodist.get(reverse("meetings:meeting_protocol", args=[meeting.pk]))
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    appendix = text[text.index("Фамилия, имя, отчество") :]
    assert in_order(appendix, [f"{name} Пётр Ильич" for name in SURNAMES]) == [
        f"{name} Пётр Ильич" for name in RUSSIAN_ORDER
    ]


def test_bulk_created_records_get_their_keys(school_a):
    Person.objects.bulk_create(
        fill_sort_keys(
            Person(last_name=name, first_name="Анна", category="pedagogue", organization=school_a)
            for name in SURNAMES
        )
    )
    assert list(Person.objects.values_list("last_name", flat=True)) == RUSSIAN_ORDER


def test_renaming_moves_the_record_in_the_order(school_a, schools):
    school = Organization.objects.get(short_name="Яковлевская СОШ")
    school.short_name = "Абаканская СОШ"
    school.save(update_fields=["short_name"])
    assert Organization.objects.filter(short_name__endswith="СОШ").first() == school


@pytest.mark.parametrize(
    ("stored", "typed"), [("Берёзовский", "березовский"), ("Березовский", "Берёзовский")]
)
def test_people_and_organisations_are_found_with_yo_or_ye_both_ways(as_methodist, school_a, stored, typed):
    PersonFactory(last_name=stored, first_name="Семён", organization=school_a)
    OrganizationFactory(short_name=f"{stored} лицей", full_name=f"МАОУ «{stored} лицей»")
    page = as_methodist.get(reverse("registry:person_list"), {"q": typed}).content.decode()
    assert f"{stored} Семён" in page
    page = as_methodist.get(reverse("registry:person_list"), {"q": "Семен"}).content.decode()
    assert f"{stored} Семён" in page
    page = as_methodist.get(reverse("directory:organization_list"), {"q": typed}).content.decode()
    assert f"{stored} лицей" in page
    response = as_methodist.get(reverse("registry:person_search"), {"q": typed})
    assert [item["label"].split()[0] for item in response.json()["results"]] == [stored]


@pytest.mark.parametrize(("stored", "typed"), [("ёлочка", "елочка"), ("елочка", "ёлочка")])
def test_practices_full_text_search_reads_yo_as_ye(school_a, stored, typed):
    PracticeFactory(
        organization=school_a, title=f"Клуб «{stored.capitalize()}»", description=f"Встречи у {stored}и"
    )
    PracticeFactory(organization=school_a, title="Другое", description="Спортивные секции")
    found = bank_selectors.search_practices(Practice.objects.all(), typed)
    assert list(found.values_list("title", flat=True)) == [f"Клуб «{stored.capitalize()}»"]


def test_person_names_itself_in_cases_by_the_patronymic(school_a):
    person = PersonFactory(
        last_name="Иванова", first_name="Мария", middle_name="Петровна", organization=school_a
    )
    assert person.grammatical_gender == Gender.FEMALE
    assert person.name_in("dative") == "Ивановой Марии Петровне"
    assert person.name_in(Case.INSTRUMENTAL) == "Ивановой Марией Петровной"


def test_methodologist_corrects_a_declined_form_and_it_is_used_from_then_on(as_methodist, school_a):
    person = PersonFactory(
        last_name="Гурко", first_name="Лидия", middle_name="Павловна", organization=school_a
    )
    url = reverse("registry:person_name_forms", args=[person.pk])
    page = as_methodist.get(url).content.decode()
    assert "По правилам: Гурко Лидии Павловне." in page
    response = as_methodist.post(
        url,
        {
            "gender": Gender.FEMALE,
            "name_genitive": "Гурко Лидии Павловны",  # what the rules give: stored blank
            "name_dative": "Гурко  Лидии   Павловне (корр.)",
            "name_accusative": "",
            "name_instrumental": "",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(pk=person.pk)
    assert (person.gender, person.name_genitive, person.name_dative) == (
        Gender.FEMALE,
        "",
        "Гурко Лидии Павловне (корр.)",
    )
    assert person.name_in("dative") == "Гурко Лидии Павловне (корр.)"
    assert person.name_in("genitive") == "Гурко Лидии Павловны"
    card = as_methodist.get(person.get_absolute_url()).content.decode()
    assert "Гурко Лидии Павловне (корр.)" in card and "исправлено вручную" in card


def test_renaming_a_person_drops_the_forms_corrected_for_the_old_name(as_methodist, school_a):
    person = PersonFactory(
        last_name="Гурко",
        first_name="Лидия",
        middle_name="Павловна",
        organization=school_a,
        name_dative="Гурко Л. П.",
    )
    form = as_methodist.get(reverse("registry:person_update", args=[person.pk])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        last_name="Сидорова",
        organization=school_a.pk,
        _loaded_version=form.initial.get("_loaded_version", ""),
    )
    response = as_methodist.post(reverse("registry:person_update", args=[person.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert person.name_dative == "" and person.name_in("dative") == "Сидоровой Лидии Павловне"


def test_coordinator_sees_the_forms_but_may_not_correct_them(as_coordinator_a, school_a):
    person = PersonFactory(
        last_name="Петров", first_name="Иван", middle_name="Сергеевич", organization=school_a
    )
    card = as_coordinator_a.get(person.get_absolute_url()).content.decode()
    assert "Петрову Ивану Сергеевичу" in card and "Исправить склонение" not in card
    response = as_coordinator_a.post(
        reverse("registry:person_name_forms", args=[person.pk]), {"name_dative": "x"}
    )
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.name_dative == ""
