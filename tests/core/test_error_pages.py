"""Requests the site refuses get a Russian page: bad Host, oversize body, too many fields, control
characters (400), a method the address does not take (405); an unknown sort order is ignored with a word."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import PersonFactory


def refused(response, status: int, words: str) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert words in page, page[:300]
    assert "Bad Request" not in page
    return page


@override_settings(ALLOWED_HOSTS=["mshn.example.ru"], DEBUG=False)
def test_bad_host_gets_the_russian_400(db):
    response = Client(raise_request_exception=False).get("/accounts/login/", HTTP_HOST="evil.example")
    refused(response, 400, "Неверный запрос")


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_oversize_body_gets_the_russian_400(as_methodist):
    response = as_methodist.post(reverse("registry:person_create"), {"last_name": "ж" * 5000})
    refused(response, 400, "слишком большой объём данных")


@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=10)
def test_too_many_fields_get_the_russian_400(as_methodist):
    response = as_methodist.post(reverse("registry:person_create"), {f"f{n}": "1" for n in range(30)})
    refused(response, 400, "слишком много полей формы")


@pytest.mark.parametrize("name", ["registry:person_list", "directory:organization_list"])
def test_nul_byte_in_search_gets_the_russian_400(as_methodist, name):
    response = as_methodist.get(reverse(name), {"q": "ab\x00cd"})
    refused(response, 400, "недопустимые управляющие символы")


def test_control_character_in_a_form_saves_nothing(as_methodist, school_a):
    data = {
        "last_name": "Ива\x01нова",
        "first_name": "Анна",
        "organization": school_a.pk,
        "category": "pedagogue",
    }
    response = as_methodist.post(reverse("registry:person_create"), data)
    refused(response, 400, "недопустимые управляющие символы")


@pytest.mark.parametrize("method", ["put", "delete", "patch", "trace"])
def test_unsupported_method_gets_the_russian_405(as_methodist, method):
    response = getattr(as_methodist, method)(reverse("registry:person_list"))
    refused(response, 405, "Так обратиться к этой странице нельзя")
    assert response["Allow"]


def test_get_of_logout_gets_the_russian_405_and_keeps_the_session(as_methodist):
    response = as_methodist.get(reverse("logout"))
    refused(response, 405, "кнопкой «Выйти» в меню")
    assert as_methodist.get(reverse("registry:person_list")).status_code == 200


def test_unknown_sort_is_ignored_with_a_message(as_methodist, school_a):
    PersonFactory.create_batch(3, organization=school_a)
    response = as_methodist.get(reverse("registry:person_list"), {"sort": "no_such_column"})
    assert response.status_code == 200
    assert len(response.context["rows"]) == 3
    assert "Неизвестный порядок сортировки" in response.content.decode()
