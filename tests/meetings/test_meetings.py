from __future__ import annotations

import datetime
import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.urls import reverse

from meetings import services
from meetings.models import Attachment, Meeting, MeetingStatus
from tests.factories import AcademicYearFactory, PersonFactory
from tests.helpers import count_queries
from tests.meetings.factories import agenda_item, chair_person, make_meeting


@pytest.fixture
def year(db):
    return AcademicYearFactory(start_year=2025)


@pytest.fixture
def people(db):
    chair = chair_person()
    secretary = PersonFactory(last_name="Секретарёва", first_name="Анна", middle_name="Ивановна")
    guest = PersonFactory(last_name="Петров", first_name="Пётр", middle_name="Петрович")
    return chair, secretary, guest


def agenda_rows(*rows: dict, initial: int = 0) -> dict:
    data = {
        "agenda-TOTAL_FORMS": str(len(rows)),
        "agenda-INITIAL_FORMS": str(initial),
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"agenda-{index}-{name}": value for name, value in row.items()})
    return data


def meeting_post(year, people, *rows, **fields) -> dict:
    chair, secretary, guest = people
    data = {
        "year": year.pk,
        "number": "",
        "date": "15.10.2025",
        "time": "14:30",
        "place": "МКУ «ЦОМОУ», актовый зал",
        "link": "",
        "chair": chair.pk,
        "secretary": secretary.pk,
        "present": [chair.pk, secretary.pk, guest.pk],
        "guests": "Сухов Семён Васильевич, специалист отдела образования",
        **fields,
    }
    return {**data, **agenda_rows(*rows)}


def test_methodist_records_a_meeting_with_its_agenda(as_methodist, year, people):
    row = {
        "position": "",
        "topic": "О дорожной карте",
        "speakers": "О.А. Суровцева",
        "heard": "о плане",
        "spoke": "",
        "decisions": "Утвердить план.\nРазослать кураторам.",
    }
    response = as_methodist.post(reverse("meetings:meeting_create"), meeting_post(year, people, row))
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert (meeting.number, meeting.status, meeting.time) == (1, MeetingStatus.DRAFT, datetime.time(14, 30))
    assert set(meeting.present.all()) == set(people)
    item = meeting.agenda.get()
    assert (item.position, item.decision_lines) == (1, ["Утвердить план.", "Разослать кураторам."])


def test_numbers_follow_each_other_within_a_year(year, people):
    numbers = [make_meeting(year, chair=people[0], secretary=people[1]).number for _ in range(3)]
    other = make_meeting(AcademicYearFactory(start_year=2026), date=datetime.date(2026, 10, 1))
    assert numbers == [1, 2, 3]
    assert other.number == 1


def test_number_of_a_deleted_meeting_is_never_reused(as_methodist, year, people):
    first = make_meeting(year, chair=people[0], secretary=people[1])
    second = make_meeting(year, chair=people[0], secretary=people[1])
    as_methodist.post(reverse("meetings:meeting_delete", args=[second.pk]))
    assert not Meeting.objects.filter(pk=second.pk).exists()
    third = make_meeting(year, chair=people[0], secretary=people[1])
    assert (first.number, third.number) == (1, 3)


@pytest.mark.django_db(transaction=True)
def test_numbers_stay_unique_under_concurrent_creation():
    year = AcademicYearFactory(start_year=2025)
    chair, secretary = chair_person(), PersonFactory()
    start = threading.Barrier(6)
    errors = []

    def create():
        try:
            start.wait()
            make_meeting(year, chair=chair, secretary=secretary)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(Meeting.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


def test_typed_number_is_kept_and_the_counter_moves_past_it(as_methodist, year, people):
    as_methodist.post(reverse("meetings:meeting_create"), meeting_post(year, people, number="5"))
    assert Meeting.objects.get().number == 5
    assert make_meeting(year, chair=people[0], secretary=people[1]).number == 6


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"date": "15.10.2026"},
            "date",
            "Дата 15.10.2026 вне 2025/2026 учебного года (01.09.2025 – 31.08.2026)",
        ),
        ({"present": "GUEST_ONLY"}, "chair", "Председатель О.А. Суровцева не отмечен среди присутствовавших"),
        (
            {"present": "CHAIR_AND_GUEST"},
            "secretary",
            "Секретарь А.И. Секретарёва не отмечен среди присутствовавших",
        ),
        ({"place": ""}, "place", "Укажите место проведения или отметьте «онлайн»"),
        ({"is_online": "on", "link": ""}, "link", "Заседание онлайн: укажите ссылку на встречу."),
        ({"number": "1"}, "number", "Заседание № 1 за 2025/2026 учебный год уже есть"),
    ],
)
def test_meeting_rules_say_what_to_fix(as_methodist, year, people, fields, field, message):
    make_meeting(year, chair=people[0], secretary=people[1])
    chair, secretary, guest = people
    present = {"GUEST_ONLY": [guest.pk], "CHAIR_AND_GUEST": [chair.pk, guest.pk]}
    if fields.get("present") in present:
        fields = {**fields, "present": present[fields["present"]]}
    response = as_methodist.post(reverse("meetings:meeting_create"), meeting_post(year, people, **fields))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert Meeting.objects.count() == 1


def test_approval_needs_an_agenda(year, people):
    meeting = make_meeting(year, chair=people[0], secretary=people[1])
    with pytest.raises(ValidationError) as raised:
        services.approve_meeting(meeting, user=None)
    assert raised.value.messages == ["Нельзя утвердить протокол без повестки: добавьте хотя бы один вопрос."]


def test_approval_needs_a_decision_on_every_item(as_methodist, year, people):
    meeting = make_meeting(
        year,
        chair=people[0],
        secretary=people[1],
        agenda=[agenda_item(), agenda_item(topic="О конкурсе", decisions="  \n")],
    )
    response = as_methodist.post(reverse("meetings:meeting_approve", args=[meeting.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "Нельзя утвердить протокол: по вопросу «О конкурсе» не записано ни одного решения." in (
        response.context["form"].non_field_errors()
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT


def test_approved_meeting_changes_only_after_reopening(as_methodist, methodist, year, people):
    meeting = make_meeting(year, chair=people[0], secretary=people[1], agenda=[agenda_item()])
    as_methodist.post(reverse("meetings:meeting_approve", args=[meeting.pk]), {"reason": ""})
    meeting.refresh_from_db()
    assert meeting.is_approved

    edit = reverse("meetings:meeting_update", args=[meeting.pk])
    post = meeting_post(year, people, place="Другое место", _loaded_version=meeting.updated_at.isoformat())
    assert as_methodist.post(edit, post).status_code == 409
    meeting.refresh_from_db()
    assert meeting.place == "МКУ «ЦОМОУ»"

    refused = as_methodist.post(reverse("meetings:meeting_reopen", args=[meeting.pk]), {"reason": ""})
    assert "Укажите причину, по которой протокол открывается заново." in str(refused.context["form"].errors)
    as_methodist.post(reverse("meetings:meeting_reopen", args=[meeting.pk]), {"reason": "Опечатка в решении"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT
    moves = list(meeting.transitions.values_list("from_status", "to_status", "reason", "by"))
    assert moves == [
        ("draft", "approved", "", methodist.pk),
        ("approved", "draft", "Опечатка в решении", methodist.pk),
    ]
    page = as_methodist.get(meeting.get_absolute_url()).content.decode()
    assert "Опечатка в решении" in page and "утверждён → черновик" in page


def test_concurrent_edit_is_reported_not_overwritten(as_methodist, year, people):
    meeting = make_meeting(year, chair=people[0], secretary=people[1])
    stale = (meeting.updated_at - datetime.timedelta(seconds=5)).isoformat()
    post = meeting_post(year, people, place="Новое место", _loaded_version=stale)
    response = as_methodist.post(reverse("meetings:meeting_update", args=[meeting.pk]), post)
    assert "Запись уже изменил другой пользователь" in " ".join(response.context["form"].non_field_errors())
    meeting.refresh_from_db()
    assert meeting.place == "МКУ «ЦОМОУ»"


def test_meeting_page_shows_history_of_meeting_and_agenda(as_methodist, year, people):
    meeting = make_meeting(year, chair=people[0], secretary=people[1], agenda=[agenda_item()])
    item = meeting.agenda.get()
    item.decisions = "Утвердить дорожную карту с изменениями."
    item.save()
    content = as_methodist.get(meeting.get_absolute_url()).content.decode()
    assert "История изменений" in content and "История повестки" in content
    assert "Утвердить дорожную карту с изменениями." in content
    assert "решили" in content


def test_department_reads_but_cannot_approve(as_department, year, people):
    meeting = make_meeting(year, chair=people[0], secretary=people[1], agenda=[agenda_item()])
    assert as_department.post(reverse("meetings:meeting_approve", args=[meeting.pk])).status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT
    content = as_department.get(meeting.get_absolute_url()).content.decode()
    assert "Утвердить протокол" not in content and "Протокол (PDF)" in content


def test_attachment_is_uploaded_checked_and_served(as_methodist, as_coordinator_a, year, people):
    meeting = make_meeting(year, chair=people[0], secretary=people[1])
    url = reverse("meetings:attachment_create", args=[meeting.pk])
    refused = as_methodist.post(url, {"title": "Скрипт", "file": SimpleUploadedFile("x.pdf", b"#!/bin/sh")})
    assert "программа или сценарий" in str(refused.context["form"].errors)
    as_methodist.post(
        url, {"title": "Протокол с подписями", "file": SimpleUploadedFile("скан.pdf", b"%PDF-1.4")}
    )
    attachment = Attachment.objects.get()
    assert attachment.original_name == "скан.pdf" and "скан" not in attachment.file.name
    response = as_coordinator_a.get(reverse("meetings:attachment_download", args=[attachment.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4"


def test_attachment_of_an_approved_meeting_stays(as_methodist, year, people):
    meeting = make_meeting(year, chair=people[0], secretary=people[1], agenda=[agenda_item()])
    attachment = Attachment.objects.create(
        meeting=meeting, title="Скан", original_name="скан.pdf", file=SimpleUploadedFile("a.pdf", b"%PDF-1.4")
    )
    services.approve_meeting(meeting, user=None)
    as_methodist.post(reverse("meetings:attachment_delete", args=[attachment.pk]))
    assert Attachment.objects.filter(pk=attachment.pk).exists()


@pytest.mark.parametrize("size", [1, 12])
def test_meeting_list_queries_do_not_grow(as_methodist, year, people, size):
    for _ in range(size):
        make_meeting(year, chair=people[0], secretary=people[1], present=[people[2]])
    assert count_queries(as_methodist, reverse("meetings:meeting_list")) == QUERIES_OF_MEETING_LIST


@pytest.mark.parametrize("size", [1, 12])
def test_meeting_page_queries_do_not_grow(as_methodist, year, people, size):
    present = [PersonFactory() for _ in range(size)]
    meeting = make_meeting(
        year,
        chair=people[0],
        secretary=people[1],
        present=present,
        agenda=[agenda_item(topic=f"Вопрос {n}") for n in range(size)],
    )
    for n in range(size):
        Attachment.objects.create(
            meeting=meeting,
            title=f"Файл {n}",
            original_name="a.pdf",
            file=SimpleUploadedFile("a.pdf", b"%PDF-1.4"),
        )
    services.approve_meeting(meeting, user=None)
    assert count_queries(as_methodist, meeting.get_absolute_url()) == QUERIES_OF_MEETING_PAGE


QUERIES_OF_MEETING_LIST = 6
QUERIES_OF_MEETING_PAGE = 14


def test_meeting_numbers_follow_the_dates(as_methodist, year, people):
    create = reverse("meetings:meeting_create")
    as_methodist.post(create, meeting_post(year, people, number="3", date="01.12.2025"))
    response = as_methodist.post(create, meeting_post(year, people, number="2", date="25.03.2026"))
    message = " ".join(response.context["form"].errors["number"])
    assert "идут по датам" in message and "№ 3 от 01.12.2025" in message
    response = as_methodist.post(create, meeting_post(year, people, date="20.11.2025"))
    assert "следующий номер от 20.11.2025" in " ".join(response.context["form"].errors["number"])
    as_methodist.post(create, meeting_post(year, people, number="4", date="25.03.2026"))
    assert list(Meeting.objects.order_by("date").values_list("number", flat=True)) == [3, 4]


def test_invitations_are_mailed_to_the_participants(as_methodist, year, django_capture_on_commit_callbacks):
    invited = PersonFactory(email="uchitel@school.ru", last_name="Приглашённая")
    meeting = make_meeting(year, present=[invited, PersonFactory(email="")], time=datetime.time(14, 30),
                           agenda=[agenda_item("О дорожной карте")])  # fmt: skip
    url = reverse("meetings:meeting_invite", args=[meeting.pk])
    assert "Разослать приглашения" in as_methodist.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        as_methodist.post(url)
    [message] = mail.outbox
    assert message.to == ["uchitel@school.ru"]
    assert message.subject == "МШН: приглашение на заседание 15.10.2025 в 14:30"
    assert "Место: МКУ «ЦОМОУ»." in message.body and "1. О дорожной карте" in message.body


def test_invitation_without_any_address_says_so(as_methodist, year):
    meeting = make_meeting(year)
    response = as_methodist.post(reverse("meetings:meeting_invite", args=[meeting.pk]))
    assert "нет адреса e-mail" in response.content.decode()
