"""The organisation search behind the list filters' pickers, and the filters that use it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def found(client, query: str) -> list[str]:
    response = client.get(reverse("directory:organization_search"), {"q": query})
    assert response.status_code == 200
    return [item["label"] for item in response.json()["results"]]


def test_search_finds_by_every_word_within_the_scope(as_methodist, as_coordinator_a, school_a, school_b):
    OrganizationFactory(short_name="МБОУ «СОШ № 12 г. Находка»", full_name="Средняя школа № 12 Находки")
    OrganizationFactory(short_name="МБДОУ «Детский сад № 12»", full_name="Детский сад № 12")
    assert found(as_methodist, "№ 12") == ["МБДОУ «Детский сад № 12»", "МБОУ «СОШ № 12 г. Находка»"]
    assert found(as_methodist, "сош наход") == ["МБОУ «СОШ № 12 г. Находка»"]
    assert found(as_methodist, "Школа") == ["МБОУ «СОШ № 12 г. Находка»", "Школа А", "Школа Б"]
    assert found(as_coordinator_a, "Школа") == ["Школа А"]  # only the coordinator's own
    assert found(as_methodist, "ш") == []  # one letter finds nothing


def test_search_returns_at_most_twenty(as_methodist):
    for n in range(25):
        OrganizationFactory(short_name=f"МБОУ «СОШ № {n + 1:02d}»")
    assert len(found(as_methodist, "СОШ")) == 20


def test_list_filter_renders_only_the_chosen_organisation(as_methodist, school_a, school_b):
    PersonFactory(organization=school_a, last_name="Первая")
    PersonFactory(organization=school_b, last_name="Вторая")
    url = reverse("registry:person_list")
    page = as_methodist.get(url).content.decode()
    assert 'id="id_organization_search"' in page and "Школа Б" not in page.split("<table")[0]
    response = as_methodist.get(url, {"organization": school_b.pk})
    page = response.content.decode()
    assert f'<option value="{school_b.pk}" selected>Школа Б</option>' in page
    assert [obj.last_name for obj, _cells in response.context["rows"]] == ["Вторая"]


def test_filter_by_another_schools_organisation_is_refused_for_a_coordinator(as_coordinator_a, school_b):
    response = as_coordinator_a.get(reverse("registry:person_list"), {"organization": school_b.pk})
    assert response.context["filter"].form.errors["organization"]


def test_a_coordinator_is_not_offered_the_organisation_filter(as_coordinator_a, as_methodist):
    for name in (
        "registry:person_list",
        "registry:pair_list",
        "events:training_list",
        "websites:check_list",
    ):
        assert "id_organization_search" not in as_coordinator_a.get(reverse(name)).content.decode(), name
        assert "id_organization_search" in as_methodist.get(reverse(name)).content.decode(), name
