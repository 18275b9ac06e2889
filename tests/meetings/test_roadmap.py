from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from meetings import services
from meetings.models import RoadmapItem, RoadmapStatus
from tests.factories import AcademicYearFactory, DistrictFactory, OrganizationFactory, PersonFactory
from tests.helpers import count_queries, xlsx_rows
from tests.meetings.factories import agenda_item, make_meeting, make_roadmap_item

OFFICIAL = ("№", "Этап", "Мероприятие", "Срок", "Ответственный", "Ожидаемый результат / вид документа")


@pytest.fixture
def year(db):
    return AcademicYearFactory(start_year=2025)


def item_post(year, **fields) -> dict:
    return {
        "year": year.pk,
        "position": "",
        "stage": "Мониторинг",
        "activity": "Проверка сайтов ОО",
        "due_on": "30.04.2026",
        "due_note": "",
        "responsible_text": "Руководитель МШН",
        "expected_result": "Справка",
        "status": "planned",
        "done_on": "",
        "evidence_link": "",
        "evidence_note": "",
        **fields,
    }


def test_roadmap_xlsx_has_the_official_columns(as_department, year):
    head = PersonFactory(last_name="Суровцева", first_name="Ольга", middle_name="Алексеевна")
    make_roadmap_item(
        year,
        activity="Утверждение дорожной карты",
        stage="Организационный",
        due_on=datetime.date(2025, 9, 15),
        responsible_text="",
        responsible_person=head,
        expected_result="Распоряжение",
    )
    make_roadmap_item(
        year,
        activity='=HYPERLINK("x")',
        due_on=None,
        due_note="в течение года",
        responsible_organization=OrganizationFactory(short_name="Школа В"),
    )
    make_roadmap_item(AcademicYearFactory(start_year=2024), activity="Прошлогодний пункт")
    rows = xlsx_rows(as_department.get(reverse("meetings:roadmap_export"), {"year": year.pk}))
    assert rows == [
        OFFICIAL,
        (
            1,
            "Организационный",
            "Утверждение дорожной карты",
            datetime.datetime(2025, 9, 15),  # a date cell, not text
            "О.А. Суровцева",
            "Распоряжение",
        ),
        (
            2,
            "Методическое сопровождение",
            '=HYPERLINK("x")',
            "в течение года",
            "Школа В, Кураторы ОО",
            "Материалы семинара",
        ),
    ]


def test_roadmap_pdf_is_the_official_table_with_approval_block(as_coordinator_a, year):
    make_roadmap_item(year, activity="Семинар для наставников")
    response = as_coordinator_a.get(reverse("meetings:roadmap_pdf"), {"year": year.pk})
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    lines = [" ".join(line.split()) for line in reader.pages[0].extract_text().splitlines()]
    assert lines[0] == "УТВЕРЖДАЮ"
    assert "ДОРОЖНАЯ КАРТА" in lines
    text = " ".join(lines)
    assert "на 2025/2026 учебный год" in text
    assert "№ Этап Мероприятие Срок Ответственный Ожидаемый результат / вид" in text
    assert "Семинар для наставников" in text and "20.11.2025" in text


def test_overdue_is_derived_and_shown(as_methodist, db):
    today = timezone.localdate()
    year = AcademicYearFactory(start_year=today.year if today.month >= 9 else today.year - 1)
    late = make_roadmap_item(
        year, activity="Просроченный", due_on=year.start_date, status=RoadmapStatus.IN_PROGRESS
    )
    make_roadmap_item(
        year,
        activity="Выполненный",
        due_on=year.start_date,
        status=RoadmapStatus.DONE,
        done_on=year.start_date,
    )
    assert late.is_overdue and late.status == RoadmapStatus.IN_PROGRESS
    content = as_methodist.get(reverse("meetings:roadmap_list")).content.decode()
    assert content.count('data-testid="overdue"') == (1 if year.start_date < today else 0)
    if year.start_date < today:
        assert "в работе, просрочено" in content


def test_copy_moves_dates_by_a_year_and_starts_planned(as_methodist, methodist, year):
    make_roadmap_item(
        year,
        activity="Семинар",
        due_on=datetime.date(2025, 11, 20),
        status=RoadmapStatus.DONE,
        done_on=datetime.date(2025, 11, 20),
        evidence_note="Проведён",
    )
    make_roadmap_item(year, activity="Конкурс", due_on=datetime.date(2026, 3, 15))
    target = AcademicYearFactory(start_year=2026)
    response = as_methodist.post(
        reverse("meetings:roadmap_copy"), {"from_year": year.pk, "to_year": target.pk}
    )
    assert response.status_code == 302
    copies = list(
        RoadmapItem.objects.filter(year=target).values_list(
            "position", "activity", "due_on", "status", "done_on", "evidence_note"
        )
    )
    assert copies == [
        (1, "Семинар", datetime.date(2026, 11, 20), "planned", None, ""),
        (2, "Конкурс", datetime.date(2027, 3, 15), "planned", None, ""),
    ]
    assert RoadmapItem.objects.filter(year=target).first().history.get().history_user == methodist


def test_copy_refuses_a_filled_year_unless_confirmed(year):
    target = AcademicYearFactory(start_year=2026)
    make_roadmap_item(year, activity="Семинар")
    make_roadmap_item(target, activity="Уже есть", due_on=datetime.date(2026, 10, 1))
    with pytest.raises(ValidationError, match="В дорожной карте 2026/2027 уже есть пункты"):
        services.copy_roadmap(DistrictFactory().pk, year, target)
    assert services.copy_roadmap(DistrictFactory().pk, year, target, confirmed=True) == 1
    assert list(RoadmapItem.objects.filter(year=target).values_list("position", flat=True)) == [1, 2]


def test_copy_of_29_february_lands_on_28_february():
    assert services.moved_by_a_year(datetime.date(2024, 2, 29)) == datetime.date(2025, 2, 28)


def test_decision_becomes_a_roadmap_item_in_one_step(as_methodist, year):
    meeting = make_meeting(
        year, agenda=[agenda_item(decisions="Утвердить план.\nПровести семинар для наставников.")]
    )
    item = meeting.agenda.get()
    detail = as_methodist.get(meeting.get_absolute_url()).content.decode()
    url = reverse("meetings:roadmap_from_decision", kwargs={"item_pk": item.pk, "number": 2})
    assert url in detail
    form = as_methodist.get(url).context["form"]
    assert form.initial["activity"] == "Провести семинар для наставников."
    assert form.initial["year"] == year
    as_methodist.post(url, item_post(year, activity="Провести семинар для наставников.", due_on="20.11.2025"))
    created = RoadmapItem.objects.get()
    assert (created.source, created.activity, created.year) == (
        item,
        "Провести семинар для наставников.",
        year,
    )


def test_decision_number_beyond_the_list_is_not_found(as_methodist, year):
    meeting = make_meeting(year, agenda=[agenda_item()])
    url = reverse("meetings:roadmap_from_decision", kwargs={"item_pk": meeting.agenda.get().pk, "number": 5})
    assert as_methodist.get(url).status_code == 404


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"due_on": "01.10.2026"}, "due_on", "Дата 01.10.2026 вне 2025/2026 учебного года"),
        ({"status": "done"}, "done_on", "Пункт отмечен выполненным: укажите дату выполнения."),
        ({"done_on": "01.01.2099"}, "done_on", "Дата выполнения не может быть в будущем."),
        (
            {"responsible_text": ""},
            "responsible_text",
            "Укажите ответственного: человека из реестра, организацию",
        ),
        ({"activity": ""}, "activity", "Опишите мероприятие."),
    ],
)
def test_roadmap_rules_say_what_to_fix(as_methodist, year, fields, field, message):
    response = as_methodist.post(reverse("meetings:roadmap_create"), item_post(year, **fields))
    assert message in " ".join(response.context["form"].errors[field])
    assert not RoadmapItem.objects.exists()


def test_new_item_goes_to_the_end_and_keeps_history(as_methodist, year):
    make_roadmap_item(year)
    as_methodist.post(reverse("meetings:roadmap_create"), item_post(year))
    item = RoadmapItem.objects.get(activity="Проверка сайтов ОО")
    assert item.position == 2
    edit = item_post(year, status="in_progress", _loaded_version=item.updated_at.isoformat())
    as_methodist.post(reverse("meetings:roadmap_update", args=[item.pk]), edit)
    content = as_methodist.get(item.get_absolute_url()).content.decode()
    assert "запланировано" in content and "в работе" in content and "История изменений" in content


def test_coordinator_reads_the_roadmap_but_cannot_write(as_coordinator_a, year):
    item = make_roadmap_item(year)
    assert as_coordinator_a.get(item.get_absolute_url()).status_code == 200
    response = as_coordinator_a.post(reverse("meetings:roadmap_update", args=[item.pk]), item_post(year))
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.activity == "Семинар для наставников"


@pytest.mark.parametrize("size", [1, 15])
def test_roadmap_list_queries_do_not_grow(as_methodist, year, size):
    person, org = PersonFactory(), OrganizationFactory()
    meeting = make_meeting(year, agenda=[agenda_item()])
    for _ in range(size):
        make_roadmap_item(
            year, responsible_person=person, responsible_organization=org, source=meeting.agenda.get()
        )
    url = f"{reverse('meetings:roadmap_list')}?year={year.pk}"
    assert count_queries(as_methodist, url) == QUERIES_OF_ROADMAP_LIST


@pytest.mark.parametrize("size", [1, 10])
def test_roadmap_page_queries_do_not_grow(as_methodist, year, size):
    item = make_roadmap_item(year, responsible_person=PersonFactory())
    for n in range(size):
        item.activity = f"Мероприятие {n}"
        item.save()
    assert count_queries(as_methodist, item.get_absolute_url()) == QUERIES_OF_ROADMAP_PAGE


QUERIES_OF_ROADMAP_LIST = 8
QUERIES_OF_ROADMAP_PAGE = 4


def test_methodist_deletes_a_roadmap_item_others_may_not(as_methodist, as_coordinator_a):
    year = AcademicYearFactory(start_year=2025)
    item = RoadmapItem.objects.create(year=year, position=1, activity="Лишний пункт")
    url = reverse("meetings:roadmap_delete", args=[item.pk])
    assert as_coordinator_a.post(url).status_code == 403
    assert "лучше поставьте статус «отменено»" in as_methodist.get(url).content.decode()
    response = as_methodist.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("meetings:roadmap_list")
    assert not RoadmapItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize(
    ("decision", "activity", "due_on", "responsible"),
    [
        (
            "Провести семинар для наставников до 20.12.2025.",
            "Провести семинар для наставников.",
            datetime.date(2025, 12, 20),
            "",
        ),
        (
            "Обновить базу наставников в срок до 01.02.2026 г. Ответственный: Иванова И.И.",
            "Обновить базу наставников в срок",
            datetime.date(2026, 2, 1),
            "Иванова И.И",
        ),
        ("Принять к сведению.", "Принять к сведению.", None, ""),
    ],
)
def test_decision_fills_the_right_roadmap_columns(
    as_methodist, year, decision, activity, due_on, responsible
):
    meeting = make_meeting(year, agenda=[agenda_item("О подготовке к конкурсу", decisions=decision)])
    url = reverse("meetings:roadmap_from_decision", kwargs={"item_pk": meeting.agenda.get().pk, "number": 1})
    initial = as_methodist.get(url).context["form"].initial
    assert (initial["activity"], initial["due_on"], initial["responsible_text"]) == (
        activity,
        due_on,
        responsible,
    )
    assert not initial.get("stage")  # the agenda question is not a stage of the roadmap
    assert initial["expected_result"].startswith(
        f"Выполнено решение 1.1 протокола заседания № {meeting.number}"
    )


def test_roadmap_deadline_reminders_reach_the_responsible(year, django_capture_on_commit_callbacks):
    from django.core import mail

    from meetings.services import send_roadmap_reminders

    today = datetime.date(2025, 11, 13)
    responsible = PersonFactory(email="otvet@school.ru")
    make_roadmap_item(year, activity="Семинар наставников", due_on=datetime.date(2025, 11, 20),
                      responsible_person=responsible)  # fmt: skip
    make_roadmap_item(year, due_on=datetime.date(2025, 11, 14), responsible_person=responsible, status="done",
                      done_on=datetime.date(2025, 11, 10))  # fmt: skip
    make_roadmap_item(year, due_on=datetime.date(2025, 11, 16), responsible_person=responsible)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_roadmap_reminders(today) == 1
    [message] = mail.outbox
    assert message.to == ["otvet@school.ru"]
    assert message.subject == "МШН: срок пункта дорожной карты — 20.11.2025"
    assert "через 7 дней" in message.body and "Семинар наставников" in message.body
