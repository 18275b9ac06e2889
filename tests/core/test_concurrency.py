"""Two users edit one record at once: the later save is refused and says what the other user changed."""

from __future__ import annotations

from django.urls import reverse

from core.access import Role
from directory.models import Organization
from registry.models import Person
from tests.conftest import client_for
from tests.factories import PersonFactory, UserFactory
from tests.helpers import form_data


def opened_form(client, url: str) -> dict:
    """What the user's browser holds after opening the edit page (the version included)."""
    return form_data(client.get(url).context["form"])


def refusal(response) -> str:
    return " ".join(response.context["form"].non_field_errors())


def test_person_edited_by_two_users_names_the_other_change(as_methodist, coordinator_a, school_a):
    person = PersonFactory(organization=school_a, last_name="Иванова", position="учитель")
    url = reverse("registry:person_update", args=[person.pk])
    as_coordinator = client_for(coordinator_a)
    mine, theirs = opened_form(as_methodist, url), opened_form(as_coordinator, url)

    assert as_coordinator.post(url, {**theirs, "last_name": "Петрова"}).status_code == 302
    response = as_methodist.post(url, {**mine, "position": "завуч"})

    assert response.status_code == 200
    message = refusal(response)
    assert str(coordinator_a.get_full_name() or coordinator_a.username) in message
    assert "фамилия: «Иванова» → «Петрова»" in message
    assert "должность" not in message
    assert response.context["form"]["position"].value() == "завуч"
    person.refresh_from_db()
    assert (person.last_name, person.position) == ("Петрова", "учитель")


def test_refused_form_saves_on_the_second_try_over_the_seen_change(as_methodist, coordinator_a, school_a):
    person = PersonFactory(organization=school_a, last_name="Иванова", position="учитель")
    url = reverse("registry:person_update", args=[person.pk])
    as_coordinator = client_for(coordinator_a)
    mine, theirs = opened_form(as_methodist, url), opened_form(as_coordinator, url)
    as_coordinator.post(url, {**theirs, "last_name": "Петрова"})
    refused = as_methodist.post(url, {**mine, "position": "завуч"})

    again = form_data(refused.context["form"]) | {"position": "завуч"}
    again["_loaded_version"] = refused.context["form"]["_loaded_version"].value()
    assert as_methodist.post(url, again).status_code == 302
    person.refresh_from_db()
    assert person.position == "завуч"


def test_organization_edited_by_two_methodists_shows_old_and_new_value(as_methodist, school_a):
    other = UserFactory(username="metodist2", role=Role.METHODIST, last_name="Козлова", first_name="Анна")
    url = reverse("directory:organization_update", args=[school_a.pk])
    as_other = client_for(other)
    mine, theirs = opened_form(as_methodist, url), opened_form(as_other, url)

    assert as_other.post(url, {**theirs, "head_name": "Б"}).status_code == 302
    response = as_methodist.post(url, {**mine, "head_name": "В", "address": "ул. Новая, 1"})

    message = refusal(response)
    assert "Козлова" in message
    assert "руководитель: «—» → «Б»" in message or "руководитель: «» → «Б»" in message
    assert response.context["form"]["address"].value() == "ул. Новая, 1"
    assert Organization.objects.get(pk=school_a.pk).head_name == "Б"


def test_same_version_saves_without_a_conflict(as_methodist, school_a):
    person = PersonFactory(organization=school_a)
    url = reverse("registry:person_update", args=[person.pk])
    response = as_methodist.post(url, {**opened_form(as_methodist, url), "position": "завуч"})
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).position == "завуч"


def test_forged_version_is_refused_with_the_plain_message(as_methodist, school_a):
    person = PersonFactory(organization=school_a, position="учитель")
    url = reverse("registry:person_update", args=[person.pk])
    for forged in ("0001-01-01T00:00:00+01:00", "2025-01-01", "не дата"):
        response = as_methodist.post(url, {**opened_form(as_methodist, url), "_loaded_version": forged})
        assert "Запись уже изменил другой пользователь" in refusal(response)
    assert Person.objects.get(pk=person.pk).position == "учитель"
