from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from registry.models import Activity, ActivityStatus, PairStatus
from tests.conftest import client_for
from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory, PupilFactory
from tests.helpers import count_queries

START = datetime.date(2025, 9, 15)
PLANNED_END = datetime.date(2026, 5, 31)


@pytest.fixture
def pair(school_a):
    mentor = MentorFactory(
        person=PersonFactory(
            organization=school_a, last_name="Наставникова", first_name="Ирина", middle_name="Петровна"
        )
    )
    mentee = MenteeFactory(
        person=PersonFactory(
            organization=school_a, last_name="Молодцов", first_name="Олег", middle_name="Игоревич"
        )
    )
    return PairFactory(mentor=mentor, mentees=[mentee], started_on=START, planned_end_on=PLANNED_END)


def url_of(pair) -> str:
    return reverse("registry:program_update", kwargs={"pk": pair.pk})


def activity_rows(*rows: dict, initial: int = 0) -> dict:
    data = {
        "activities-TOTAL_FORMS": str(len(rows)),
        "activities-INITIAL_FORMS": str(initial),
        "activities-MIN_NUM_FORMS": "0",
        "activities-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"activities-{index}-{name}": value for name, value in row.items()})
    return data


def row(title="Посещение уроков наставника", due="15.10.2025", status="planned", done="", **extra):
    return {"title": title, "due_on": due, "status": status, "done_on": done, "evidence": "", **extra}


def program_post(pair, *rows, **fields) -> dict:
    data = {
        "goals": "Освоить работу с родителями",
        "directions": "Классное руководство",
        "expected_results": "Проведено родительское собрание",
        "achieved_results": "",
        "_loaded_version": pair.program.updated_at.isoformat(),
        **fields,
    }
    return {**data, **activity_rows(*rows)}


def test_program_page_shows_activities_and_version(as_coordinator_a, pair):
    Activity.objects.create(program=pair.program, position=1, title="Посещение уроков наставника")
    content = as_coordinator_a.get(url_of(pair)).content.decode()
    assert 'value="Посещение уроков наставника"' in content
    assert 'name="_loaded_version"' in content
    assert "с 15.09.2025 по 31.05.2026" in content


def test_program_saves_with_activities(as_coordinator_a, pair):
    data = program_post(
        pair,
        row(),
        row(title="Открытый урок", due="20.11.2025", status="done", done="21.11.2025", evidence="Протокол"),
    )
    response = as_coordinator_a.post(url_of(pair), data)
    assert response.status_code == 302
    assert response["Location"] == pair.get_absolute_url()
    program = pair.program.__class__.objects.get(pk=pair.program.pk)
    assert program.goals == "Освоить работу с родителями"
    activities = list(program.activities.all())
    assert [(a.position, a.title, a.status) for a in activities] == [
        (1, "Посещение уроков наставника", "planned"),
        (2, "Открытый урок", "done"),
    ]
    assert activities[1].done_on == datetime.date(2025, 11, 21)
    assert activities[0].due_on == datetime.date(2025, 10, 15)


def test_program_deletes_and_reorders_activities(as_methodist, pair):
    first = Activity.objects.create(program=pair.program, position=1, title="Первое")
    second = Activity.objects.create(program=pair.program, position=2, title="Второе")
    data = program_post(pair)
    data.update(
        activity_rows(
            {"id": first.pk, "position": "1", "title": "Первое", "status": "planned", "DELETE": "on"},
            {"id": second.pk, "position": "2", "title": "Второе", "status": "planned"},
            {"position": "", "title": "Третье", "status": "planned"},
            initial=2,
        )
    )
    response = as_methodist.post(url_of(pair), data)
    assert response.status_code == 302
    assert [(a.position, a.title) for a in pair.program.activities.all()] == [(1, "Второе"), (2, "Третье")]


@pytest.mark.parametrize(
    ("activity", "field", "message"),
    [
        (
            row(status="done", done=""),
            "done_on",
            "Мероприятие отмечено как выполненное: укажите дату выполнения.",
        ),
        (
            row(status="done", done="tomorrow"),
            "done_on",
            "Дата выполнения не может быть в будущем.",
        ),
        (
            row(status="done", done="01.09.2025"),
            "done_on",
            "Дата выполнения не может быть раньше начала работы пары (15.09.2025).",
        ),
        (
            row(due="15.06.2026"),
            "due_on",
            "Срок вне периода работы пары (с 15.09.2025 по 31.05.2026): укажите дату внутри этого периода.",
        ),
    ],
)
def test_program_activity_error_keeps_input(as_coordinator_a, pair, activity, field, message):
    if activity["done_on"] == "tomorrow":
        activity["done_on"] = f"{timezone.localdate() + datetime.timedelta(days=1):%d.%m.%Y}"
    activity["title"] = "Мастер-класс «Диалог с родителями»"
    response = as_coordinator_a.post(url_of(pair), program_post(pair, activity, goals="Мои цели"))
    assert response.status_code == 200
    formset = response.context["form"].activities
    assert formset.forms[0].errors[field] == [message]
    content = response.content.decode()
    assert message in content
    assert 'value="Мастер-класс «Диалог с родителями»"' in content
    assert "Мои цели" in content
    assert not pair.program.activities.exists()
    pair.program.refresh_from_db()
    assert pair.program.goals == ""


def test_program_of_closed_pair_is_not_editable(as_coordinator_a, pair):
    pair.status = PairStatus.COMPLETED
    pair.save()
    response = as_coordinator_a.get(url_of(pair))
    assert response.status_code == 200
    content = response.content.decode()
    assert "сначала откройте пару заново" in content
    assert 'name="goals"' not in content
    response = as_coordinator_a.post(url_of(pair), program_post(pair, row(), goals="Новые цели"))
    assert response.status_code == 409
    assert "сначала откройте пару заново" in response.content.decode()
    pair.program.refresh_from_db()
    assert pair.program.goals == ""
    assert not pair.program.activities.exists()


def test_program_concurrent_edit_is_reported(as_methodist, as_coordinator_a, pair):
    stale = program_post(pair, goals="Цели куратора")
    assert as_methodist.post(url_of(pair), program_post(pair, goals="Цели методиста")).status_code == 302
    response = as_coordinator_a.post(url_of(pair), stale)
    assert response.status_code == 200
    assert "Запись уже изменил другой пользователь" in response.content.decode()
    pair.program.refresh_from_db()
    assert pair.program.goals == "Цели методиста"


def test_program_of_another_school_is_not_found(coordinator_b, pair):
    client = client_for(coordinator_b)
    assert client.get(url_of(pair)).status_code == 404
    assert client.post(url_of(pair), program_post(pair, goals="Чужие цели")).status_code == 404
    pair.program.refresh_from_db()
    assert pair.program.goals == ""


def test_program_is_read_only_for_department(as_department, pair):
    assert as_department.post(url_of(pair), program_post(pair, goals="Цели отдела")).status_code == 403
    pair.program.refresh_from_db()
    assert pair.program.goals == ""


def test_pair_page_links_to_program(as_coordinator_a, as_department, pair):
    content = as_coordinator_a.get(pair.get_absolute_url()).content.decode()
    assert url_of(pair) in content
    assert reverse("registry:program_pdf", kwargs={"pk": pair.pk}) in content
    content = as_department.get(pair.get_absolute_url()).content.decode()
    assert url_of(pair) not in content
    assert reverse("registry:program_pdf", kwargs={"pk": pair.pk}) in content


@pytest.mark.parametrize("size", [2, 20])
def test_program_page_queries_do_not_grow(as_coordinator_a, pair, size):
    Activity.objects.bulk_create(
        Activity(program=pair.program, position=n, title=f"Мероприятие {n}") for n in range(1, size + 1)
    )
    assert count_queries(as_coordinator_a, url_of(pair)) == QUERIES_OF_PROGRAM_PAGE


QUERIES_OF_PROGRAM_PAGE = 5


def pdf_of(client, pair):
    response = client.get(reverse("registry:program_pdf", kwargs={"pk": pair.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response, PdfReader(io.BytesIO(b"".join(response.streaming_content)))


def embedded_fonts(reader: PdfReader) -> set[str]:
    """Base names of the fonts whose file is embedded in the PDF."""
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


def test_program_pdf_reads_back(as_department, pair, school_a):
    school_a.curator_name = "Кураторова Анна Сергеевна"
    school_a.save()
    program = pair.program
    program.goals = "Освоить работу с родителями"
    program.save()
    Activity.objects.create(
        program=program,
        position=1,
        title="Посещение уроков",
        status=ActivityStatus.DONE,
        done_on=datetime.date(2025, 10, 1),
        evidence="Лист наблюдения",
    )
    response, reader = pdf_of(as_department, pair)
    assert "attachment" in response["Content-Disposition"]
    text = " ".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    for expected in [
        "МБОУ «Школа А»",
        "Персонализированная программа наставничества".upper(),
        "Наставникова Ирина Петровна",
        "Молодцов Олег Игоревич",
        "Посещение уроков",
        "01.10.2025",
        "Освоить работу с родителями",
        "Наставник",
        "Наставляемый",
        "Куратор",
        "(подпись)",
        "И. П. Наставникова",
        "О. И. Молодцов",
        "А. С. Кураторова",
        "с 15.09.2025 по 31.05.2026",
    ]:
        assert expected in text, expected
    assert "PT-Serif" in embedded_fonts(reader)


def test_program_pdf_file_name_is_russian(as_methodist, pair):
    response, _reader = pdf_of(as_methodist, pair)
    assert "filename*=utf-8''" in response["Content-Disposition"]
    from urllib.parse import quote

    assert quote("программа_наставничества_Молодцов.pdf") in response["Content-Disposition"]


def test_program_pdf_of_group_lists_every_mentee(as_methodist, school_a):
    mentees = [
        MenteeFactory(person=PupilFactory(organization=school_a, last_name=name, class_or_group="8А"))
        for name in ("Алексеев", "Борисова")
    ]
    group = PairFactory(mentor=MentorFactory(person__organization=school_a), mentees=mentees)
    _response, reader = pdf_of(as_methodist, group)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Алексеев" in text and "Борисова" in text
    assert "Наставляемые" in text


def test_program_pdf_of_another_school_is_not_found(coordinator_b, pair):
    assert (
        client_for(coordinator_b).get(reverse("registry:program_pdf", kwargs={"pk": pair.pk})).status_code
        == 404
    )


def test_concurrent_change_of_activity_rows_only_is_named_as_such(as_methodist, as_coordinator_a, pair):
    assert as_methodist.post(url_of(pair), program_post(pair)).status_code == 302
    pair.program.refresh_from_db()
    stale = program_post(pair, goals="Цели куратора")
    assert as_methodist.post(url_of(pair), program_post(pair, row(title="Открытый урок"))).status_code == 302
    message = " ".join(as_coordinator_a.post(url_of(pair), stale).context["form"].non_field_errors())
    assert "изменены строки таблиц формы (например, мероприятия программы)" in message
    assert "поля не изменились" not in message


def test_pair_history_names_the_program_activities_changed(as_coordinator_a, pair):
    as_coordinator_a.post(url_of(pair), program_post(pair, row()))
    activity = Activity.objects.get()
    pair.program.refresh_from_db()
    changed = program_post(pair, row(due="20.10.2025", id=activity.pk, program=pair.program.pk))
    changed.update({"activities-INITIAL_FORMS": "1"})
    as_coordinator_a.post(url_of(pair), changed)
    history = as_coordinator_a.get(pair.get_absolute_url()).context["history"]
    rows = [row for change in history for row in change.fields]
    assert ("Мероприятие программы", "—", "Посещение уроков наставника") in rows
    assert ("Мероприятие программы «Посещение уроков наставника»: срок", "15.10.2025", "20.10.2025") in rows
    assert ("цели", "—", "Освоить работу с родителями") in rows
