"""The multi-year plan of methodological support above the yearly roadmaps (order 4.1; issue 21)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from directory.models import start_year_of
from meetings import services
from meetings.models import PlanItem, RoadmapStatus, SupportPlan
from meetings.plans import plan_coverage
from tests.core.test_documents import ALLOWED_FONTS, MM, body, fonts_of, lines_of, needs_poppler, pdf_pages
from tests.factories import AcademicYearFactory, DistrictFactory
from tests.helpers import count_queries
from tests.meetings.factories import make_plan, make_roadmap_item
from tests.meetings.test_roadmap import item_post

TODAY = datetime.date(2026, 1, 15)


@pytest.fixture
def years(db):
    return {start: AcademicYearFactory(start_year=start) for start in (2024, 2025, 2026)}


@pytest.fixture
def plan(years):
    """Seminars every year, courses from 2025/2026, a contest in 2024/2025 only."""
    return make_plan(
        items=(
            ("Семинары", 2024, 2026),
            ("Курсы повышения квалификации", 2025, 2026),
            ("Конкурс", 2024, 2024),
        )
    )


def item(plan, activity) -> PlanItem:
    return PlanItem.objects.get(direction__plan=plan, activity=activity)


def realise(plan, years):
    """Seminars: done in 2024/2025, planned in 2025/2026; the contest done in 2024/2025; courses nowhere."""
    seminars, contest = item(plan, "Семинары"), item(plan, "Конкурс")
    make_roadmap_item(years[2024], due_on=datetime.date(2024, 11, 20), plan_item=seminars,
                      status=RoadmapStatus.DONE, done_on=datetime.date(2024, 11, 20))  # fmt: skip
    make_roadmap_item(years[2025], due_on=datetime.date(2025, 11, 20), plan_item=seminars)
    make_roadmap_item(years[2024], due_on=datetime.date(2025, 3, 1), plan_item=contest, status=RoadmapStatus.DONE,
                      done_on=datetime.date(2025, 3, 1))  # fmt: skip


def test_plan_covers_the_school_years_of_its_period(plan):
    assert plan.school_years == [2024, 2025, 2026]
    assert (
        str(plan)
        == "План методического сопровождения реализации целевой модели наставничества на 2024–2027 годы"
    )
    assert item(plan, "Курсы повышения квалификации").years == "2025/2026 – 2026/2027"


def test_coverage_figures_of_known_data(plan, years):
    realise(plan, years)
    coverage = plan_coverage(plan, 2025, TODAY)
    assert coverage.figures == {
        "items": 3,
        "covered_ever": 2,
        "runs_this_year": 2,  # the contest was for 2024/2025 only
        "covered_this_year": 1,
        "roadmap_items": 3,
        "roadmap_done": 2,
    }
    assert [row.item.activity for row in coverage.uncovered] == ["Курсы повышения квалификации"]
    [seminars] = [row for row in coverage.items if row.item.activity == "Семинары"]
    assert [(r.year.start_year, r.status) for r in seminars.roadmap] == [(2024, "done"), (2025, "planned")]


def test_plan_page_shows_coverage_of_the_current_year(as_department, db):
    current = start_year_of(timezone.localdate())
    year = AcademicYearFactory(start_year=current)
    plan = make_plan(
        current - 1, current + 2, (("Семинары", current - 1, current + 1), ("Курсы", current, current))
    )
    make_roadmap_item(year, due_on=year.start_date, plan_item=item(plan, "Семинары"))
    page = as_department.get(reverse("meetings:plan_detail", args=[plan.pk])).content.decode()
    assert "пунктов плана на этот год — 2, из них в дорожной карте года — 1" in page
    assert 'data-testid="plan-uncovered"' in page and "1.2. Курсы" in page
    assert f"{year.title}, № 1</a> — запланировано" in page
    assert "Добавить направление" not in page  # the department reads only


def test_plan_page_query_count_does_not_grow(as_methodist, plan, years):
    url = reverse("meetings:plan_detail", args=[plan.pk])
    small = count_queries(as_methodist, url)
    realise(plan, years)
    for number in range(5):
        PlanItem.objects.create(direction=plan.directions.get(), position=10 + number, activity=f"Пункт {number}",
                                first_year=2024, last_year=2026)  # fmt: skip
    assert count_queries(as_methodist, url) == small


def test_roadmap_item_refers_to_a_plan_item_of_its_year(as_methodist, plan, years):
    contest = item(plan, "Конкурс")
    response = as_methodist.post(
        reverse("meetings:roadmap_create"), item_post(years[2025], plan_item=contest.pk)
    )
    assert "рассчитан на 2024/2025, а дорожная карта — на 2025/2026" in response.content.decode()
    seminars = item(plan, "Семинары")
    as_methodist.post(reverse("meetings:roadmap_create"), item_post(years[2025], plan_item=seminars.pk))
    assert list(seminars.roadmap_items.values_list("activity", flat=True)) == ["Проверка сайтов ОО"]


def test_copied_roadmap_keeps_the_plan_item_while_the_plan_runs(plan, years, methodist):
    realise(plan, years)
    services.copy_roadmap(DistrictFactory().pk, years[2024], years[2025], methodist, confirmed=True)
    copies = years[2025].roadmap.order_by("position")
    assert [(c.activity, c.plan_item and c.plan_item.activity) for c in copies] == [
        ("Семинар для наставников", "Семинары"),
        ("Семинар для наставников", "Семинары"),
        ("Семинар для наставников", None),  # the contest was for 2024/2025 only
    ]


def test_methodist_builds_a_plan_through_the_forms(as_methodist, db):
    response = as_methodist.post(
        reverse("meetings:plan_create"), {"title": "План", "from_year": 2027, "to_year": 2024}
    )
    assert "должен быть больше года начала (2027)" in response.content.decode()
    as_methodist.post(reverse("meetings:plan_create"), {"title": "План", "from_year": 2024, "to_year": 2027,
                                                      "basis": "распоряжение № 125"})  # fmt: skip
    plan = SupportPlan.objects.get()
    as_methodist.post(
        reverse("meetings:plan_direction_create", args=[plan.pk]), {"title": "Мониторинг", "goal": ""}
    )
    direction = plan.directions.get()
    url = reverse("meetings:plan_item_create", args=[plan.pk])
    response = as_methodist.post(url, {"direction": direction.pk, "activity": "Анкетирование",
                                       "first_year": 2026, "last_year": 2024})  # fmt: skip
    assert "раньше года начала (2026/2027)" in response.content.decode()
    as_methodist.post(
        url, {"direction": direction.pk, "activity": "Анкетирование", "first_year": 2024, "last_year": 2026}
    )
    assert [(i.number, i.years) for i in PlanItem.objects.all()] == [("1.1", "2024/2025 – 2026/2027")]


def test_plan_pdf_reads_back(as_coordinator_a, plan, years):
    realise(plan, years)
    response = as_coordinator_a.get(reverse("meetings:plan_pdf", args=[plan.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert "2024-2027.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert text.startswith("УТВЕРЖДАЮ")
    assert "ПЛАН" in text and "на 2024–2027 годы" in text and "распоряжение от 05.04.2024 № 125" in text
    assert "1 Повышение мастерства наставников. Цель: Наставники обучены" in text
    assert "2024/2025 № 1 (выполнено); 2025/2026 № 1 (запланировано)" in text


def test_plan_xlsx_reads_back(as_department, plan, years):
    realise(plan, years)
    response = as_department.get(reverse("meetings:plan_xlsx", args=[plan.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).worksheets[0]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0].endswith("на 2024–2027 годы")
    assert rows[2][:3] == ("№", "Направление", "Мероприятие")
    today_mark = {True: "есть", False: "нет"}
    current = start_year_of(timezone.localdate())
    seminars = rows[3]
    assert seminars[:7] == ("1.1", "Повышение мастерства наставников", "Семинары", "2024/2025 – 2026/2027",
                            "Материалы семинаров", "2024/2025 № 1 (выполнено); 2025/2026 № 1 (запланировано)", 1)  # fmt: skip
    expected = today_mark[current == 2025] if 2024 <= current <= 2026 else "не в этом году"
    assert seminars[7] == expected
    assert [row[2] for row in rows[3:]] == ["Семинары", "Курсы повышения квалификации", "Конкурс"]


def test_roadmap_list_names_the_plan_item_without_extra_queries(as_methodist, plan, years):
    url = reverse("meetings:roadmap_list") + f"?year={years[2025].pk}"
    make_roadmap_item(years[2025], activity="Без плана")
    small = count_queries(as_methodist, url)
    realise(plan, years)
    make_roadmap_item(years[2025], plan_item=item(plan, "Курсы повышения квалификации"))
    assert count_queries(as_methodist, url) == small
    page = as_methodist.get(url).content.decode()
    assert "<td>2024–2027, 1.1</td>" in page and "<td>2024–2027, 1.2</td>" in page


@needs_poppler
def test_plan_pdf_follows_gost(as_methodist, years, tmp_path):
    many = tuple(
        (f"Семинар для наставников № {n} по персонализированным программам", 2024, 2026) for n in range(40)
    )
    plan = make_plan(items=many)
    data = body(as_methodist.get(reverse("meetings:plan_pdf", args=[plan.pk])))
    assert fonts_of(data) <= ALLOWED_FONTS  # the project's fonts, embedded
    pages = pdf_pages(data, tmp_path)
    assert len(pages) >= 2
    assert lines_of(pages[0])[0] == "УТВЕРЖДАЮ"  # no page number on the first page
    for number, words in enumerate(pages[1:], start=2):
        top_word = min(words, key=lambda w: w[1])
        assert top_word[3] == str(number) and top_word[1] >= 10 * MM
    for words in pages:
        assert all(x >= 30 * MM - 1 for x, *_rest in words)  # left margin 30 mm
