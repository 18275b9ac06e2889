"""Website check pages: access, the round summary and its XLSX, query counts, the checklist seed."""

from __future__ import annotations

import random
from types import SimpleNamespace

from django.urls import reverse
from django.utils import timezone

from demo.district import websites as demo
from tests.factories import OrganizationFactory, UserFactory
from tests.helpers import count_queries, xlsx_rows
from tests.websites.factories import CheckRoundFactory, WebsiteCheckFactory
from websites.models import ChecklistItem, CheckResult, CheckRound, WebsiteCheck


def test_checklist_is_seeded_from_the_regional_list(db):
    titles = list(ChecklistItem.objects.values_list("title", flat=True))
    assert len(titles) == 10
    assert titles[0] == "Раздел «Наставничество» и его адрес"
    assert titles[-1] == "Лучшие кейсы персонализированных программ"


def test_new_round_includes_every_active_organisation(as_methodist, school_a, school_b):
    OrganizationFactory(short_name="Закрытая", is_active=False)
    response = as_methodist.post(
        reverse("websites:round_create"), {"title": "Проверка 2026", "deadline": "01.03.2026"}
    )
    assert response.status_code == 302
    assert set(WebsiteCheck.objects.values_list("organization__short_name", flat=True)) == {
        "Школа А",
        "Школа Б",
    }


def record(check, found_titles, automatic=False):
    for item in ChecklistItem.objects.all():
        CheckResult.objects.create(
            check_record=check, item=item, found=item.title in found_titles, is_automatic=automatic
        )


def test_round_summary_and_xlsx(as_department, school_a, school_b):
    round_ = CheckRoundFactory(title="Проверка 2026")
    check_a = WebsiteCheckFactory(round=round_, organization=school_a)
    WebsiteCheckFactory(round=round_, organization=school_b)
    titles = list(ChecklistItem.objects.values_list("title", flat=True))
    record(check_a, titles[:5], automatic=True)
    page = as_department.get(reverse("websites:round_detail", args=[round_.pk])).content.decode()
    assert "25 % пунктов" in page  # 5 of 20
    rows = xlsx_rows(as_department.get(reverse("websites:round_export", args=[round_.pk])))
    assert rows[0][:6] == (
        "Организация",
        "Сайт",
        "Раздел «Наставничество»",
        "Проверено",
        "Найдено пунктов",
        "Доля, %",
    )
    assert rows[0][6] == titles[0]
    assert rows[1][0] == "Школа А" and rows[1][4:7] == (5, 50, "да (автоматически)")
    assert rows[1][-1] == "нет (автоматически)"
    assert rows[2][0] == "Школа Б" and rows[2][4] == 0 and rows[2][6] == "не проверено"


def test_coordinator_reads_only_own_results(as_coordinator_a, school_a, school_b):
    round_ = CheckRoundFactory()
    own = WebsiteCheckFactory(round=round_, organization=school_a)
    other = WebsiteCheckFactory(round=round_, organization=school_b)
    record(own, ["Положение о наставничестве"])
    page = as_coordinator_a.get(reverse("websites:check_detail", args=[own.pk])).content.decode()
    assert "Положение о наставничестве" in page
    assert as_coordinator_a.get(reverse("websites:check_detail", args=[other.pk])).status_code == 404
    rows = xlsx_rows(as_coordinator_a.get(reverse("websites:check_export")))
    assert [row[0] for row in rows[1:]] == ["Школа А"] and rows[1][4] == 1


def test_round_and_check_list_query_counts_are_fixed(as_methodist):
    round_ = CheckRoundFactory()

    def grow(n):
        for _ in range(n):
            record(WebsiteCheckFactory(round=round_), ["Положение о наставничестве"])

    grow(2)
    urls = [
        reverse("websites:round_detail", args=[round_.pk]),
        reverse("websites:round_list"),
        reverse("websites:check_list"),
    ]
    small = [count_queries(as_methodist, u) for u in urls]
    grow(10)
    CheckRoundFactory()
    assert [count_queries(as_methodist, u) for u in urls] == small


def test_round_table_is_paginated_and_district_share_counts_every_page(as_methodist, settings):
    settings.PAGE_SIZE = 2
    round_ = CheckRoundFactory()
    checks = [WebsiteCheckFactory(round=round_, organization=OrganizationFactory()) for _ in range(3)]
    titles = list(ChecklistItem.objects.values_list("title", flat=True))
    for check, found in ((checks[0], titles[:5]), (checks[2], titles)):  # checks[2] is on the second page
        record(check, found)
        WebsiteCheck.objects.filter(pk=check.pk).update(checked_at=timezone.now())
    url = reverse("websites:round_detail", args=[round_.pk])
    first = as_methodist.get(url)
    assert len(first.context["checks"]) == 2
    assert "50 % пунктов" in first.content.decode()  # 15 of 3 × 10
    assert "2 из 3" in first.content.decode()  # checked organisations, over every page
    assert len(as_methodist.get(url + "?page=2").context["checks"]) == 1


def test_demo_loads_a_round_with_automatic_and_confirmed_results_once(db):
    organizations = [OrganizationFactory(website=f"https://oo{n}.edu.ru") for n in range(7)]
    namespace = SimpleNamespace(
        organizations=organizations,
        users={"metodist": UserFactory(username="metodist", role="methodist")},
        rng=random.Random(1),
    )
    assert demo.load(namespace) == "Проверка сайтов: организаций 7."
    assert demo.load(namespace) == ""
    assert CheckRound.objects.count() == 1
    assert CheckResult.objects.filter(is_automatic=True).exists()
    assert CheckResult.objects.filter(is_automatic=False, found=True).exists()
