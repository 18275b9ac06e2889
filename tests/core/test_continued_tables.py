"""Every PDF table that runs onto the next page is continued under «Продолжение таблицы N» with its header
row repeated (one mechanism: static/css/gost.css + templates/core/pdf/table_caption.html), read back page
by page with pdftotext."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from registry.models import Activity
from tests.core.test_documents import body, lines_of, needs_poppler, pdf_pages
from tests.factories import AcademicYearFactory, PairFactory, PersonFactory
from tests.meetings.factories import agenda_item, make_meeting, make_plan, make_roadmap_item

pytestmark = needs_poppler


def page_texts(data: bytes, tmp_path) -> list[str]:
    """Each page's text, line by line from the words' boxes (pdftotext -bbox), joined by « | »."""
    return [" | ".join(lines_of(words)) for words in pdf_pages(data, tmp_path)]


def assert_continued(pages: list[str], number: int, header: str, first_row: str, last_row: str) -> None:
    """The table starts under «Таблица N» (not «Продолжение») and every later page it runs onto carries
    the continuation caption and the header row again; the page after its end does not."""
    start = next(i for i, page in enumerate(pages) if f"Таблица {number}" in page)
    end = next(i for i, page in enumerate(pages) if last_row in page)
    assert first_row in pages[start]
    assert "Продолжение таблицы" not in pages[start]
    assert end > start, "the table must run onto a second page for this test"
    for page in pages[start + 1 : end + 1]:
        lines = page.split(" | ")
        caption = lines.index(f"Продолжение таблицы {number}")  # a line of its own, above the header
        below = " ".join(lines[caption + 1 : caption + 3]).split()  # the header row, its cells may wrap
        assert sorted(header.split()) == sorted(below[: len(header.split())]), lines[:4]
    for page in pages[end + 1 :]:
        assert "Продолжение таблицы" not in page


def test_roadmap_table_continues_on_every_page(as_methodist, tmp_path):
    year = AcademicYearFactory(start_year=2025)
    for n in range(1, 41):
        make_roadmap_item(year, position=n, activity=f"Семинар{n:02d} для наставников")
    data = body(as_methodist.get(reverse("meetings:roadmap_pdf"), {"year": year.pk}))
    pages = page_texts(data, tmp_path)
    assert len(pages) >= 3
    header = "№ Этап Мероприятие Срок Ответственный"
    assert_continued(pages, 1, header, "Семинар01", "Семинар40")


def test_plan_of_support_continues(as_methodist, tmp_path):
    for start in (2024, 2025, 2026):
        AcademicYearFactory(start_year=start)
    plan = make_plan(items=[(f"Семинар{n:02d} для наставников", 2024, 2026) for n in range(1, 41)])
    data = body(as_methodist.get(reverse("meetings:plan_pdf", args=[plan.pk])))
    pages = page_texts(data, tmp_path)
    header = "№ Мероприятие Учебные годы Ожидаемый результат Реализация в дорожных картах"
    assert_continued(pages, 1, header, "Семинар01", "Семинар40")


def test_protocol_list_of_those_present_continues(as_methodist, settings, tmp_path):
    settings.MSHN_PROTOCOL_LIST_THRESHOLD = 1
    people = [
        PersonFactory(last_name=f"Участникова{n:02d}", first_name="Анна", position="учитель")
        for n in range(60)
    ]
    meeting = make_meeting(present=people, agenda=[agenda_item()])
    data = body(as_methodist.get(reverse("meetings:meeting_protocol", args=[meeting.pk])))
    pages = page_texts(data, tmp_path)
    header = "№ Фамилия, имя, отчество Должность"
    assert_continued(pages, 1, header, "Участникова00", "Участникова59")


def test_program_plan_continues(as_methodist, school_a, tmp_path):
    pair = PairFactory(organization=school_a)
    Activity.objects.bulk_create(
        Activity(program=pair.program, position=n, title=f"Занятие{n:02d} пары", due_on=datetime.date(2025, 10, 1))
        for n in range(1, 61)
    )  # fmt: skip
    data = body(as_methodist.get(reverse("registry:program_pdf", kwargs={"pk": pair.pk})))
    pages = page_texts(data, tmp_path)
    header = "№ Мероприятие Срок Статус Отметка о выполнении"
    assert_continued(pages, 1, header, "Занятие01", "Занятие60")


@pytest.mark.django_db
def test_assignment_order_list_of_pairs_continues(as_coordinator_a, school_a, tmp_path):
    for n in range(45):
        PairFactory(
            organization=school_a,
            mentor__person__organization=school_a,
            mentor__person__last_name=f"Наставникова{n:02d}",
            started_on=datetime.date(2025, 9, 1),
        )
    query = {"organization": school_a.pk, "start": "01.09.2025", "end": "31.12.2025"}
    data = body(as_coordinator_a.get(reverse("careers:assignment_order"), query))
    pages = page_texts(data, tmp_path)
    header = "№ Наставник Наставляемые Форма наставничества Срок"
    assert_continued(pages, 1, header, "Наставникова00", "Наставникова44")
