from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from registry.imports import PAIRS, PEOPLE, bind_rows, read_table, validate_pairs
from registry.models import Mentee, Mentor, Pair, PairStatus, Person, Program
from tests.factories import MenteeFactory, MentorFactory, MentoringFormFactory, PairFactory, PersonFactory

PEOPLE_HEADERS = [str(c.header) for c in PEOPLE.columns]
PAIR_HEADERS = [str(c.header) for c in PAIRS.columns]


def xlsx(headers, rows, name="file.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return SimpleUploadedFile(name, stream.getvalue())


def person_row(last="Иванова", first="Мария", middle="Петровна", birth="05.03.1990", year=None, **extra):
    values = {
        "Фамилия": last,
        "Имя": first,
        "Отчество": middle,
        "Дата рождения": birth,
        "Год рождения": year,
        "Категория": "Педагог",
        **extra,
    }
    return [values.get(h) for h in PEOPLE_HEADERS]


def pair_row(**values):
    return [values.get(h) for h in PAIR_HEADERS]


def upload(client, url_name, file):
    return client.post(reverse(url_name), {"file": file})


def error_cells(response) -> list[tuple[int, str]]:
    return [(e.row, e.column) for e in response.context["errors"]]


# --- people --------------------------------------------------------------------------------------


def test_people_import_creates_rows_and_matches_existing_person(as_coordinator_a, school_a):
    existing = PersonFactory(
        organization=school_a, last_name="Петрова", first_name="Анна", middle_name="Ивановна", birth_year=1980
    )
    rows = [
        person_row("петрова", "Анна", "Ивановна", birth=None, year=1980, Наставник="да"),  # matched
        person_row("Иванова", "Мария", "Петровна", birth="05.03.1990", Наставляемый="да"),
        person_row(
            "Сидоров",
            "Павел",
            "",
            birth=datetime.datetime(2012, 4, 1),
            Категория="обучающийся",
            **{"Класс/группа": "8А"},
        ),
    ]
    response = upload(as_coordinator_a, "registry:person_import", xlsx(PEOPLE_HEADERS, rows))
    assert response.status_code == 302 and response["Location"] == reverse("registry:person_list")
    assert Person.objects.filter(last_name__iexact="Петрова").count() == 1
    ivanova = Person.objects.get(last_name="Иванова")
    assert (ivanova.organization, ivanova.birth_date) == (school_a, datetime.date(1990, 3, 5))
    assert Person.objects.get(last_name="Сидоров").category == "pupil"
    assert Mentor.objects.get().person == existing
    assert Mentee.objects.get().person == ivanova
    assert ivanova.history.count() == 1
    message = [str(m) for m in as_coordinator_a.get(reverse("registry:person_list")).context["messages"]]
    assert "Загружено: 3 людей (из них 1 уже были в реестре)." in message


def test_people_import_with_errors_imports_nothing_and_lists_each(as_coordinator_a, school_a, school_b):
    rows = [
        person_row("Годная", "Строка"),  # row 2: valid, yet not imported
        person_row(last=None),  # 3: no surname
        person_row("Датова", birth="31.02.1990"),  # 4: bad date
        person_row("Категорийная", Категория="космонавт"),  # 5: unknown category
        person_row("Чужая", Организация=school_b.short_name),  # 6: another school
        person_row("Годная", "Строка"),  # 7: repeats row 2
    ]
    response = upload(as_coordinator_a, "registry:person_import", xlsx(PEOPLE_HEADERS, rows))
    assert response.status_code == 200
    assert error_cells(response) == [
        (3, "Фамилия"),
        (4, "Дата рождения"),
        (5, "Категория"),
        (6, "Организация"),
        (7, "Фамилия"),
    ]
    page = response.content.decode()
    assert "Заполните ячейку «Фамилия»." in page
    assert "Дата «31.02.1990» не распознана" in page
    assert "«космонавт» нет в списке" in page
    assert "Вы загружаете данные только своей организации «Школа А»" in page
    assert "Строка повторяет строку 2" in page
    assert not Person.objects.exists()


def test_methodist_import_names_unknown_organization(as_methodist, school_a):
    rows = [person_row(Организация="Школа А"), person_row("Другая", Организация="Школа Я")]
    response = upload(as_methodist, "registry:person_import", xlsx(PEOPLE_HEADERS, rows))
    assert error_cells(response) == [(3, "Организация")]
    assert "Организации «Школа Я» нет в справочнике" in response.content.decode()
    assert not Person.objects.exists()


def _zip_that_is_not_xlsx() -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("readme.txt", "не таблица")
    return stream.getvalue()


@pytest.mark.parametrize("content", [b"\xd0\xa4\xd0\x98\xd0\x9e;\n", _zip_that_is_not_xlsx()])
def test_non_xlsx_file_gets_russian_message(as_coordinator_a, content):
    response = upload(as_coordinator_a, "registry:person_import", SimpleUploadedFile("люди.xlsx", content))
    assert response.status_code == 200
    assert "Файл не похож на таблицу Excel (XLSX)" in response.content.decode()
    assert not Person.objects.exists()


def test_too_many_rows_are_rejected(as_coordinator_a, settings):
    settings.IMPORT_MAX_ROWS = 2
    rows = [person_row(f"Фамилия{i}") for i in range(3)]
    response = upload(as_coordinator_a, "registry:person_import", xlsx(PEOPLE_HEADERS, rows))
    assert "В файле больше 2 строк" in response.content.decode()
    assert not Person.objects.exists()


@pytest.mark.parametrize("url_name", ["registry:person_import", "registry:pair_import"])
def test_department_gets_403_on_post(as_department, school_a, url_name):
    rows = [person_row(Организация="Школа А")]
    response = upload(as_department, url_name, xlsx(PEOPLE_HEADERS, rows))
    assert response.status_code == 403
    assert not Person.objects.exists() and not Pair.objects.exists()


def _import_queries(client, count: int) -> int:
    rows = [person_row(f"Фамилия{i}", Наставник="да") for i in range(count)]
    file = xlsx(PEOPLE_HEADERS, rows)
    with CaptureQueriesContext(connection) as queries:
        response = upload(client, "registry:person_import", file)
    assert response.status_code == 302
    return len(queries.captured_queries)


def test_people_import_queries_do_not_grow_with_rows(as_coordinator_a, school_a):
    PersonFactory.create_batch(5, organization=school_a)
    # 9 for the import, 6 for telling the shared cache that the data changed (core.freshness)
    assert _import_queries(as_coordinator_a, 20) == _import_queries(as_coordinator_a, 200) == 15
    assert Person.objects.filter(last_name__startswith="Фамилия").count() == 200
    assert Mentor.objects.count() == 200


# --- templates -----------------------------------------------------------------------------------


def _workbook(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_person_template_parses_back_with_headers_and_reference(as_coordinator_a, school_a, school_b):
    book = _workbook(as_coordinator_a.get(reverse("registry:person_import_template")))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == PEOPLE_HEADERS
    assert "Пример: Иванова" in sheet["A1"].comment.text
    reference = [row[0] for row in book["Справка"].iter_rows(values_only=True)]
    assert "Школа А" in reference and "Школа Б" not in reference  # only the coordinator's own school
    assert "Педагог" in reference


def test_pair_template_lists_forms(as_methodist, school_a):
    MentoringFormFactory(name="педагог – учащийся", mentee_category="pupil")
    book = _workbook(as_methodist.get(reverse("registry:pair_import_template")))
    assert [c.value for c in book.worksheets[0][1]] == PAIR_HEADERS
    assert "педагог – учащийся" in [row[0] for row in book["Справка"].iter_rows(values_only=True)]


# --- pairs ---------------------------------------------------------------------------------------


@pytest.fixture
def pedagogues(school_a):
    form = MentoringFormFactory()
    mentor = MentorFactory(
        person=PersonFactory(
            organization=school_a, last_name="Петрова", first_name="Анна", middle_name="Ивановна"
        ),
        max_mentees=2,
    )
    mentees = [
        MenteeFactory(
            person=PersonFactory(organization=school_a, last_name=name, first_name="Ольга", middle_name="")
        )
        for name in ("Белова", "Чернова", "Зелёная")
    ]
    return form, mentor, mentees


def test_pairs_import_creates_pairs_with_programs(as_coordinator_a, pedagogues):
    form, mentor, mentees = pedagogues
    other = MentorFactory(person=PersonFactory(organization=mentor.person.organization, last_name="Орлов"))
    rows = [
        pair_row(
            **{
                "Форма наставничества": "Педагог – педагог",
                "Наставник (ФИО)": "Петрова Анна Ивановна",
                "Наставляемые": "Белова Ольга; зеленая ольга",
                "Дата начала": "15.09.2025",
                "Плановая дата окончания": datetime.datetime(2026, 5, 31),
                "Номер приказа": "45-од",
            }
        ),
        pair_row(
            **{
                "Форма наставничества": form.name,
                "Наставник (ФИО)": other.person.full_name,
                "Наставляемые": "Чернова Ольга",
                "Дата начала": "01.10.2025",
            }
        ),
    ]
    response = upload(as_coordinator_a, "registry:pair_import", xlsx(PAIR_HEADERS, rows))
    assert response.status_code == 302
    first = Pair.objects.get(mentor=mentor)
    assert set(first.mentees.all()) == {mentees[0], mentees[2]}
    assert (first.status, first.planned_end_on, first.order_number) == (
        PairStatus.FORMING,
        datetime.date(2026, 5, 31),
        "45-од",
    )
    assert Program.objects.filter(pair__in=Pair.objects.all()).count() == 2


def test_pairs_import_breaking_rules_imports_nothing(as_coordinator_a, school_a, pedagogues):
    form, mentor, mentees = pedagogues
    pupil_form = MentoringFormFactory(name="педагог – учащийся", mentee_category="pupil")
    both = PersonFactory(organization=school_a, last_name="Двойная", first_name="Вера", middle_name="")
    MentorFactory(person=both)
    MenteeFactory(person=both)
    base = {"Дата начала": "15.09.2025", "Форма наставничества": form.name}
    rows = [
        pair_row(**base, **{"Наставник (ФИО)": "Петрова Анна Ивановна", "Наставляемые": "Белова Ольга"}),
        pair_row(
            **base,
            **{"Наставник (ФИО)": "Петрова Анна Ивановна", "Наставляемые": "Чернова Ольга; Зелёная Ольга"},
        ),
        pair_row(**base, **{"Наставник (ФИО)": "Двойная Вера", "Наставляемые": "Двойная Вера"}),
        pair_row(
            **{**base, "Форма наставничества": pupil_form.name},
            **{"Наставник (ФИО)": "Двойная Вера", "Наставляемые": "Белова Ольга"},
        ),
        pair_row(**base, **{"Наставник (ФИО)": "Неизвестный Некто", "Наставляемые": "Белова Ольга"}),
    ]
    response = upload(as_coordinator_a, "registry:pair_import", xlsx(PAIR_HEADERS, rows))
    assert error_cells(response) == [
        (3, "Наставляемые"),
        (4, "Наставляемые"),
        (5, "Наставляемые"),
        (6, "Наставник (ФИО)"),
    ]
    page = response.content.decode()
    assert "1 в предыдущих строках файла при пределе 2" in page
    assert "Наставник не может быть наставляемым в своей же паре" in page
    assert "наставляемый — обучающийся; не подходят: Белова Ольга" in page
    assert "«Неизвестный Некто» нет в банке наставников" in page
    assert not Pair.objects.exists()


def test_pairs_import_counts_mentor_load_already_in_registry(as_coordinator_a, pedagogues):
    form, mentor, mentees = pedagogues
    PairFactory(mentor=mentor, form=form, mentees=[mentees[0]])
    rows = [
        pair_row(
            **{
                "Форма наставничества": form.name,
                "Наставник (ФИО)": "Петрова Анна Ивановна",
                "Наставляемые": "Чернова Ольга; Зелёная Ольга",
                "Дата начала": "15.09.2025",
            }
        )
    ]
    response = upload(as_coordinator_a, "registry:pair_import", xlsx(PAIR_HEADERS, rows))
    assert "уже 1 наставляемых при пределе 2" in response.content.decode()
    assert Pair.objects.count() == 1


def test_pairs_validation_takes_the_same_queries_for_more_rows(coordinator_a, school_a):
    form = MentoringFormFactory()

    def file_of(count: int):
        rows = []
        for n in range(count):
            mentor = MentorFactory(person=PersonFactory(organization=school_a, last_name=f"Наставникова{n}"))
            mentee = MenteeFactory(person=PersonFactory(organization=school_a, last_name=f"Ученикова{n}"))
            rows.append(
                pair_row(**{"Форма наставничества": form.name, "Наставник (ФИО)": mentor.person.full_name,
                            "Наставляемые": mentee.person.full_name, "Дата начала": "15.09.2025"})
            )  # fmt: skip
        return read_table(xlsx(PAIR_HEADERS, rows))

    def queries(table) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert len(validate_pairs(coordinator_a, bind_rows(table, PAIRS))) == len(table.rows)
        return len(ctx.captured_queries)

    small, large = file_of(2), file_of(12)
    assert queries(small) == queries(large)
