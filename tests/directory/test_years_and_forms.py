from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from directory.models import AcademicYear, MentoringForm, start_year_of


@pytest.mark.parametrize(
    ("day", "start"),
    [
        (datetime.date(2026, 8, 31), 2025),
        (datetime.date(2026, 9, 1), 2026),
        (datetime.date(2027, 1, 10), 2026),
    ],
)
def test_school_year_starts_on_first_of_september(day, start):
    assert start_year_of(day) == start


def test_year_title_and_bounds(db):
    year = AcademicYear.objects.create(start_year=2025)
    assert (year.title, year.start_date, year.end_date) == (
        "2025/2026",
        datetime.date(2025, 9, 1),
        datetime.date(2026, 8, 31),
    )


def test_duplicate_year_gets_russian_message(as_methodist):
    AcademicYear.objects.create(start_year=2024)
    response = as_methodist.post(reverse("directory:year_create"), {"start_year": "2024", "note": "дубль"})
    assert "Такой учебный год уже есть." in response.content.decode()
    assert AcademicYear.objects.filter(start_year=2024).count() == 1


def test_forms_of_mentoring_are_seeded(db):
    names = set(MentoringForm.objects.values_list("name", flat=True))
    assert {"педагог – педагог", "педагог – учащийся", "учащийся – учащийся"} <= names
    assert {"ученик – ученик", "студент – ученик", "работодатель – ученик", "работодатель – студент"} <= names
    assert "учитель – учитель" in names


def test_methodist_edits_form_of_mentoring(as_methodist):
    form = MentoringForm.objects.get(name="студент – ученик")
    url = reverse("directory:form_update", args=[form.pk])
    data = {
        "name": "студент – ученик",
        "source": "federal",
        "mentor_category": "student",
        "mentee_category": "pupil",
        "position": "5",
        "description": "Студенты колледжа помогают школьникам",
        "is_active": "on",
    }
    response = as_methodist.post(url, data)
    form.refresh_from_db()
    assert response.status_code == 302
    assert form.description == "Студенты колледжа помогают школьникам"
    assert form.allows_other_organizations is False


def test_pedagogue_pedagogue_is_offered_once(db):
    """«учитель – учитель» (Р-145) and «педагог – педагог» (the order) are one form: only one is in use."""
    active = set(MentoringForm.objects.filter(is_active=True).values_list("name", flat=True))
    assert "педагог – педагог" in active and "учитель – учитель" not in active
