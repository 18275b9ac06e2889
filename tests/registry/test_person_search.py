"""The people search behind the pickers, and the pickers' forms: only the chosen people are rendered."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import AcademicYearFactory, PersonFactory, PupilFactory

pytestmark = pytest.mark.django_db


def found(client, **params) -> list[str]:
    response = client.get(reverse("registry:person_search"), params)
    assert response.status_code == 200
    return [item["label"] for item in response.json()["results"]]


def test_search_finds_by_every_word_of_the_name_within_the_scope(
    as_methodist, as_coordinator_a, school_a, school_b
):
    PersonFactory(last_name="Петрова", first_name="Анна", middle_name="Ивановна", organization=school_a)
    PersonFactory(last_name="Петрова", first_name="Мария", middle_name="Ильинична", organization=school_b)
    PupilFactory(last_name="Петров", first_name="Иван", organization=school_a)
    assert found(as_methodist, q="петров") == [
        "Петров Иван Александровна (Школа А)",
        "Петрова Анна Ивановна (Школа А)",
        "Петрова Мария Ильинична (Школа Б)",
    ]
    assert found(as_methodist, q="Петрова Мар") == ["Петрова Мария Ильинична (Школа Б)"]
    assert found(as_methodist, q="петров", adults=1) == [
        "Петрова Анна Ивановна (Школа А)",
        "Петрова Мария Ильинична (Школа Б)",
    ]
    assert found(as_coordinator_a, q="петров") == [
        "Петров Иван Александровна (Школа А)",
        "Петрова Анна Ивановна (Школа А)",
    ]
    assert found(as_methodist, q="п") == []  # one letter finds nothing: type at least two


def test_search_returns_at_most_twenty_and_no_anonymised(as_methodist, school_a):
    for n in range(25):
        PersonFactory(last_name=f"Иванова{n:02d}", organization=school_a)
    PersonFactory(last_name="Иванова-скрытая", organization=school_a, is_anonymised=True)
    labels = found(as_methodist, q="Иванова")
    assert len(labels) == 20 and not any("скрытая" in label for label in labels)


def test_meeting_form_renders_only_the_chosen_people_and_keeps_them_on_error(as_methodist, school_a):
    year = AcademicYearFactory(start_year=2025)
    people = [PersonFactory(organization=school_a, last_name=f"Участникова{n}") for n in range(30)]
    page = as_methodist.get(reverse("meetings:meeting_create")).content.decode()
    assert "Участникова" not in page and 'id="id_present_search"' in page
    response = as_methodist.post(
        reverse("meetings:meeting_create"),
        {"year": year.pk, "date": "", "chair": people[0].pk, "present": [people[0].pk, people[1].pk]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{people[0].pk}" selected>Участникова0' in html
    assert html.count("Участникова1 ") + html.count("Участникова1<") <= 2 and "Участникова29" not in html
