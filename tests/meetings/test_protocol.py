"""The protocol PDF laid out per ГОСТ Р 7.0.97, read back with pypdf."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from meetings.exporters import people_count
from tests.factories import AcademicYearFactory, PersonFactory
from tests.meetings.factories import agenda_item, make_meeting


def text_of(response) -> tuple[list[str], int]:
    """Lines of the PDF with justified spacing collapsed, and the number of pages."""
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    lines = [" ".join(line.split()) for page in reader.pages for line in page.extract_text().splitlines()]
    return lines, len(reader.pages)


@pytest.fixture
def meeting(db):
    year = AcademicYearFactory(start_year=2025)
    return make_meeting(
        year,
        date=datetime.date(2025, 10, 15),
        guests="Сухов С.В., специалист отдела образования",
        agenda=[
            agenda_item(
                topic="О дорожной карте",
                heard="о плане на год",
                spoke="А.И. Секретарёва – поддержала.",
                decisions="Утвердить план.\nРазослать кураторам.",
            ),
            agenda_item(topic="О конкурсе", speakers="", heard="", decisions="Провести конкурс."),
        ],
        approved=True,
    )


def test_protocol_reads_back_line_by_line(as_coordinator_a, meeting):
    lines, pages = text_of(as_coordinator_a.get(reverse("meetings:meeting_protocol", args=[meeting.pk])))
    assert lines == [
        "Муниципальная Школа наставничества Кировского муниципального района",
        "ПРОТОКОЛ",
        "15.10.2025 № 1",
        "пгт Кировский",
        "заседания муниципальной Школы наставничества",
        "Председатель – О. А. Суровцева",
        "Секретарь – А. И. Секретарёва",
        "Присутствовали: А. И. Секретарёва, О. А. Суровцева",
        "Приглашённые: Сухов С. В., специалист отдела образования",
        "ПОВЕСТКА ДНЯ:",
        "1. О дорожной карте",
        "2. О конкурсе",
        "1. СЛУШАЛИ: О. А. Суровцева – о плане на год",
        "ВЫСТУПИЛИ: А. И. Секретарёва – поддержала.",
        "ПОСТАНОВИЛИ (РЕШИЛИ):",
        "1.1. Утвердить план.",
        "1.2. Разослать кураторам.",
        "2. СЛУШАЛИ: О конкурсе",
        "ПОСТАНОВИЛИ (РЕШИЛИ):",
        "2.1. Провести конкурс.",
        "Председатель (подпись) О. А. Суровцева",
        "Секретарь (подпись) А. И. Секретарёва",
    ]
    assert pages == 1


def test_organisation_name_comes_from_the_setting(as_methodist, meeting, settings):
    settings.MSHN_ORGANIZATION_NAME = "Муниципальная Школа наставничества Партизанского района"
    lines, _pages = text_of(as_methodist.get(reverse("meetings:meeting_protocol", args=[meeting.pk])))
    assert lines[0] == "Муниципальная Школа наставничества Партизанского района"


def test_large_meeting_gives_a_count_and_appends_the_list(as_methodist, db):
    people = [PersonFactory(last_name=f"Участникова{n:02d}", position="учитель") for n in range(20)]
    meeting = make_meeting(present=people, agenda=[agenda_item()])
    lines, pages = text_of(as_methodist.get(reverse("meetings:meeting_protocol", args=[meeting.pk])))
    assert "Присутствовали: 22 человека (список прилагается)" in lines
    assert "Приложение к протоколу от 15.10.2025 № 1" in lines
    assert "Список присутствовавших" in lines
    assert "№ Фамилия, имя, отчество Должность" in lines  # the list is table 1 of the appendix
    assert "1 Секретарёва Анна Ивановна учитель математики" in lines
    assert pages == 2
    assert lines.index("Приложение к протоколу от 15.10.2025 № 1") > lines.index(
        "Секретарь (подпись) А. И. Секретарёва"
    )


def test_second_page_is_numbered_at_the_top(as_methodist, db):
    items = [
        agenda_item(topic=f"Вопрос {n}", heard="доклад " * 40, decisions="Принять к сведению.")
        for n in range(1, 9)
    ]
    meeting = make_meeting(agenda=items)
    response = as_methodist.get(reverse("meetings:meeting_protocol", args=[meeting.pk]))
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert len(reader.pages) >= 2
    first, second = ([line.strip() for line in page.extract_text().splitlines()] for page in reader.pages[:2])
    assert "2" in second  # the number in the top margin
    assert "1" not in first  # none on the first page


@pytest.mark.parametrize(
    ("number", "text"),
    [(16, "16 человек"), (22, "22 человека"), (112, "112 человек"), (34, "34 человека"), (21, "21 человек")],
)
def test_people_count_agrees_with_the_number(number, text):
    assert people_count(number) == text
