from __future__ import annotations

import pytest
from django.urls import reverse

from directory.models import Organization
from tests.factories import OrganizationFactory
from tests.helpers import count_queries, xlsx_rows

VALID = {
    "kind": "school",
    "full_name": "Муниципальное бюджетное общеобразовательное учреждение «СОШ с. Авдеевка»",
    "short_name": "МБОУ «СОШ с. Авдеевка»",
    "address": "с. Авдеевка, ул. Школьная, 1",
    "website": "https://avdeevka.edu.ru",
    "head_name": "Петрова Т. И.",
    "is_active": "on",
}


def test_methodist_creates_organization(as_methodist):
    response = as_methodist.post(reverse("directory:organization_create"), VALID)
    org = Organization.objects.get(short_name="МБОУ «СОШ с. Авдеевка»")
    assert response["Location"] == org.get_absolute_url()
    assert org.website == "https://avdeevka.edu.ru" and org.is_active


def test_organization_form_with_errors_keeps_input_and_names_fields(as_methodist, school_a):
    data = {**VALID, "short_name": school_a.short_name, "website": "не сайт"}
    response = as_methodist.post(reverse("directory:organization_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Организация с таким кратким наименованием уже есть." in page
    assert "Укажите адрес сайта целиком" in page
    assert "с. Авдеевка, ул. Школьная, 1" in page  # what the user typed stays
    assert not Organization.objects.filter(full_name=VALID["full_name"]).exists()


def test_department_cannot_post_organization(as_department):
    response = as_department.post(reverse("directory:organization_create"), VALID)
    assert response.status_code == 403
    assert not Organization.objects.filter(short_name=VALID["short_name"]).exists()


def test_concurrent_edit_is_reported_not_overwritten(as_methodist, school_a):
    url = reverse("directory:organization_update", args=[school_a.pk])
    form = as_methodist.get(url).context["form"]
    loaded_version = form.initial["_loaded_version"]
    Organization.objects.filter(pk=school_a.pk).update(head_name="Другой Д. Д.")
    Organization.objects.get(pk=school_a.pk).save()  # bumps updated_at, as another user's save would
    data = {
        **VALID,
        "short_name": "Школа А",
        "full_name": "МБОУ «Школа А»",
        "_loaded_version": loaded_version,
    }
    response = as_methodist.post(url, data)
    assert response.status_code == 200
    assert "Запись уже изменил другой пользователь" in response.content.decode()
    assert Organization.objects.get(pk=school_a.pk).head_name == "Другой Д. Д."


def test_edit_is_recorded_in_history_on_the_page(as_methodist, school_a):
    url = reverse("directory:organization_update", args=[school_a.pk])
    version = as_methodist.get(url).context["form"].initial["_loaded_version"]
    data = {**VALID, "short_name": "Школа А", "full_name": "МБОУ «Школа А»", "_loaded_version": version}
    as_methodist.post(url, {**data, "head_name": "Новикова Е. Е."})
    page = as_methodist.get(school_a.get_absolute_url()).content.decode()
    assert "История изменений" in page
    assert "руководитель" in page and "Новикова Е. Е." in page
    assert "Суровцева Ольга" in page  # who


def test_coordinator_lists_only_own_organization(as_coordinator_a, school_a, school_b):
    response = as_coordinator_a.get(reverse("directory:organization_list"))
    assert [obj for obj, _cells in response.context["rows"]] == [school_a]


def test_organization_list_filters_by_kind_and_search(as_methodist, school_a):
    OrganizationFactory(
        kind="kindergarten", short_name="МБДОУ «Солнышко»", full_name="Детский сад «Солнышко»"
    )
    response = as_methodist.get(
        reverse("directory:organization_list"), {"kind": "kindergarten", "q": "солныш"}
    )
    assert [str(obj) for obj, _ in response.context["rows"]] == ["МБДОУ «Солнышко»"]


def test_organization_export_has_filtered_rows_and_neutralised_formulas(as_methodist, school_a):
    OrganizationFactory(short_name="=HYPERLINK(1)", full_name="Опасное имя", head_name="+7 999")
    response = as_methodist.get(reverse("directory:organization_export"), {"kind": "school"})
    rows = xlsx_rows(response)
    assert rows[0][:4] == ("Наименование", "Вид", "Муниципальное образование", "Полное наименование")
    assert {row[2] for row in rows[1:]} == {"Кировский муниципальный район"}
    names = {row[0] for row in rows[1:]}
    assert names == {"=HYPERLINK(1)", "Школа А"}  # a text cell with a quote prefix, no apostrophe
    assert "attachment" in response["Content-Disposition"] and "xlsx" in response["Content-Disposition"]


@pytest.mark.parametrize(
    "url_name", ["directory:organization_list", "directory:form_list", "directory:year_list"]
)
def test_list_query_count_does_not_grow(as_methodist, url_name):
    OrganizationFactory.create_batch(3)
    small = count_queries(as_methodist, reverse(url_name))
    OrganizationFactory.create_batch(40)
    assert count_queries(as_methodist, reverse(url_name)) == small


def test_organization_detail_query_count_is_fixed(as_methodist, school_a):
    url = school_a.get_absolute_url()
    before = count_queries(as_methodist, url)
    for n in range(5):
        school_a.head_name = f"Руководитель {n}"
        school_a.save()
    assert count_queries(as_methodist, url) == before
