"""The database going away mid-request gives the Russian error page, and the next request works."""

from __future__ import annotations

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from registry.models import Person
from tests.factories import PersonFactory


def database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


def people_count(request):
    return HttpResponse(str(Person.objects.count()))


urlpatterns = [path("gone/", database_gone), path("count/", people_count)]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_lost_database_shows_the_russian_error_page(db):
    response = Client(raise_request_exception=False).get("/gone/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Ошибка на сервере" in page
    assert "Попробуйте повторить действие позже" in page
    assert "Traceback" not in page
    assert "OperationalError" not in page


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_next_request_after_the_failure_works(db):
    PersonFactory.create_batch(2)
    client = Client(raise_request_exception=False)
    assert client.get("/gone/").status_code == 500
    response = client.get("/count/")
    assert response.status_code == 200
    assert response.content == b"2"


def test_connections_are_checked_before_reuse():
    """A connection the database dropped is replaced at the next request instead of failing it."""
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
