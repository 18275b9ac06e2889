"""Select widgets of forms: options written in Python, read fresh after every change."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.factories import OrganizationFactory, PersonFactory


def organization_options(page: str) -> list[tuple[str, bool]]:
    select = re.search(r'<select[^>]*name="organization"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [(label, " selected" in attrs) for attrs, label in re.findall(r"<option([^>]*)>([^<]*)", select)]


def test_form_lists_organisations_and_marks_none_chosen(as_methodist, school_a, school_b):
    page = as_methodist.get(reverse("registry:person_create")).content.decode()
    assert organization_options(page) == [("— не выбрано —", True), ("Школа А", False), ("Школа Б", False)]


def test_new_renamed_and_deleted_organisations_show_at_once(as_methodist, school_a, school_b):
    url = reverse("registry:person_create")
    as_methodist.get(url)
    OrganizationFactory(short_name="Школа В")
    school_a.short_name = "Школа А (переименована)"
    school_a.save()
    labels = [label for label, _chosen in organization_options(as_methodist.get(url).content.decode())]
    assert labels == ["— не выбрано —", "Школа А (переименована)", "Школа Б", "Школа В"]
    school_b.delete()
    labels = [label for label, _chosen in organization_options(as_methodist.get(url).content.decode())]
    assert labels == ["— не выбрано —", "Школа А (переименована)", "Школа В"]


def test_person_form_selects_the_persons_organisation(as_methodist, school_a, school_b):
    person = PersonFactory(organization=school_b)
    page = as_methodist.get(reverse("registry:person_update", args=[person.pk])).content.decode()
    assert organization_options(page) == [("— не выбрано —", False), ("Школа А", False), ("Школа Б", True)]
