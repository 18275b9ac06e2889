"""Statistical forms: parsed back, totals only, no names."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from registry.models import Person
from tests.factories import (
    AcademicYearFactory,
    MenteeFactory,
    MentorFactory,
    PairFactory,
    YoungPedagogueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    return AcademicYearFactory(start_year=2025)


def workbook(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def all_text(sheet) -> str:
    return " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None)


def download(client, number, year):
    return client.get(reverse("reports:statform", kwargs={"number": number}), {"year": year.pk})


def test_form_1_counts_participants_by_organisation_and_form(as_methodist, year, school_a, school_b):
    mentor = MentorFactory(person__organization=school_a)
    PairFactory(mentor=mentor, mentees=[MenteeFactory(person__organization=school_a) for _ in range(2)])
    PairFactory(mentor=mentor, mentees=[MenteeFactory(person__organization=school_a)])
    PairFactory(mentor__person__organization=school_b, mentees=[MenteeFactory(person__organization=school_b)])
    response = download(as_methodist, 1, year)
    assert "%D0%A4%D0%BE%D1%80%D0%BC%D0%B0%201" in response["Content-Disposition"]  # «Форма 1»
    sheet = workbook(response)
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A3:A4", "B3:D3"} <= merged
    assert sheet["B3"].value == "педагог – педагог"
    assert [c.value for c in sheet[4]][1:4] == ["наставников", "наставляемых", "пар и групп"]
    assert sheet["E3"].value == "Всего в организации (без повторов)"
    assert [c.value for c in sheet[5]] == ["Школа А", 1, 3, 2, 1, 3, 2]
    assert [c.value for c in sheet[6]] == ["Школа Б", 1, 1, 1, 1, 1, 1]
    assert [c.value for c in sheet[7]] == ["Итого по району (сумма строк)", 2, 4, 3, 2, 4, 3]
    assert all(isinstance(c.value, int) for c in sheet[7][1:])
    assert sheet.freeze_panes == "B5"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet["A9"].value == f"Дата составления: {timezone.localdate():%d.%m.%Y}"
    assert sheet["A11"].value == "Руководитель муниципальной Школы наставничества"
    assert sheet["B11"].value.startswith("______")
    names = Person.objects.values_list("last_name", flat=True)
    assert not any(name in all_text(sheet) for name in names)


def test_form_1_of_coordinator_has_own_organisation_only(as_coordinator_a, year, school_a, school_b):
    PairFactory(mentor__person__organization=school_a, mentees=[MenteeFactory(person__organization=school_a)])
    PairFactory(mentor__person__organization=school_b, mentees=[MenteeFactory(person__organization=school_b)])
    text = all_text(workbook(download(as_coordinator_a, 1, year)))
    assert "Школа А" in text and "Школа Б" not in text


def test_form_2_counts_young_pedagogues(as_department, year, school_a, school_b):
    young = [YoungPedagogueFactory(organization=school_a) for _ in range(3)]
    YoungPedagogueFactory(organization=school_b)
    PairFactory(mentor__person__organization=school_a, mentees=[MenteeFactory(person=young[0])])
    sheet = workbook(download(as_department, 2, year))
    assert "C3:E3" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[5]] == ["Школа А", "Школа", 3, 1, 33.3]
    assert [c.value for c in sheet[6]] == ["Школа Б", "Школа", 1, 0, 0.0]
    assert [c.value for c in sheet[7]] == ["Итого по району", None, 4, 1, 25.0]
    names = Person.objects.values_list("last_name", flat=True)
    assert not any(name in all_text(sheet) for name in names)


def test_form_3_lists_indicators_with_targets(as_methodist, year, school_a):
    as_methodist.post(
        reverse("reports:target_edit"), {"year": year.pk, "code": "pairs_active", "target": "3"}
    )
    PairFactory(mentor__person__organization=school_a, started_on=datetime.date(2025, 10, 1))
    sheet = workbook(download(as_methodist, 3, year))
    assert sheet["B3"].value == "Учебный год 2025/2026"
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert rows["Пар и групп работало"][0] == 1
    assert rows["Пар и групп работало"][3] == "реестр: 1 орг."
    assert rows["Пар и групп работало"][1:3] == (3, -2)  # counts written as counts
    assert "Реестр и записи МШН — на 31.08.2026." in all_text(sheet)  # the year's last day
    assert rows["Наставников в парах периода"][0] == 1
    assert rows["Наставников в банке"][0] == 0  # entered the bank today, after the year
    assert rows["Заседаний МШН проведено (нужно не меньше 2)"][3] == "записи МШН"


def test_unknown_form_number_is_not_found(as_methodist, year):
    assert download(as_methodist, 4, year).status_code == 404
