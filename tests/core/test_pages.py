from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganizationFactory


@pytest.mark.smoke
def test_unknown_url_gets_russian_404(as_methodist):
    response = as_methodist.get("/net-takoy-stranicy/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_forbidden_action_gets_russian_403(as_department):
    response = as_department.get(reverse("directory:organization_create"))
    assert response.status_code == 403
    assert "Доступ запрещён" in response.content.decode()


def test_server_error_page_is_russian_and_leaks_nothing(db, settings):
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Ошибка на сервере" in page and "Traceback" not in page


@pytest.mark.smoke
def test_login_page_is_russian():
    page = Client().get(reverse("login")).content.decode()
    assert "Вход в МШН" in page and "Пароль" in page


def test_wrong_password_gets_russian_message(methodist):
    response = Client().post(reverse("login"), {"username": "metodist", "password": "wrong"})
    assert "правильные имя пользователя и пароль" in response.content.decode()


def test_methodist_home_counts_come_from_database(as_methodist, school_a, school_b):
    OrganizationFactory(kind="kindergarten", is_internship_site=True)
    OrganizationFactory(is_active=False)
    figures = as_methodist.get(reverse("home")).context["figures"]["organizations"]
    assert (figures["total"], figures["internship_sites"], figures["kindergarten"]) == (3, 1, 1)


def test_coordinator_home_shows_own_organization_only(as_coordinator_a, school_a, school_b):
    response = as_coordinator_a.get(reverse("home"))
    page = response.content.decode()
    assert "Кабинет куратора: Школа А" in page
    assert response.context["figures"]["organizations"]["total"] == 1


def test_each_role_has_its_menu(personas):
    labels = {}
    for persona in ("methodist", "coord_a", "department"):
        menu = personas[persona].get(reverse("home")).context["menu"]
        labels[persona] = {i["label"] for entry in menu for i in entry.get("children", [entry])}
    assert "Организации" in labels["methodist"] and "Моя организация" not in labels["methodist"]
    assert "Моя организация" in labels["coord_a"] and "Организации" not in labels["coord_a"]
    assert "Организации" in labels["department"]


def test_dates_are_written_day_month_year(as_methodist):
    import datetime

    from django.utils import formats

    assert formats.date_format(datetime.date(2026, 6, 5), "SHORT_DATE_FORMAT") == "05.06.2026"
    assert formats.date_format(datetime.date(2026, 6, 5)) == "05.06.2026"


def test_home_registry_figures_are_scoped_counts(as_coordinator_a, as_methodist, school_a, school_b):
    from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory

    young = PersonFactory(organization=school_a, birth_year=2001, experience_start="2025-09-01")
    PairFactory(mentor=MentorFactory(person__organization=school_a), mentees=[MenteeFactory(person=young)])
    PairFactory(mentor=MentorFactory(person__organization=school_b), status="forming")
    mine = as_coordinator_a.get(reverse("home")).context["figures"]["registry"]
    everyone = as_methodist.get(reverse("home")).context["figures"]["registry"]
    assert (mine["pairs_active"], mine["pairs_forming"], mine["people"]) == (1, 0, 2)
    assert (everyone["pairs_active"], everyone["pairs_forming"], everyone["people"]) == (1, 1, 3)


def test_list_filters_say_what_an_empty_choice_means(as_methodist, school_a):
    from bench.urls import list_views

    for name in list_views():
        page = as_methodist.get(reverse(name)).content.decode()
        assert "---------" not in page, name
    page = as_methodist.get(reverse("registry:pair_list")).content.decode()
    assert '<option value="" selected>все</option>' in page  # state, form, year
    assert '<option value="" selected>по умолчанию</option>' in page  # the sort order


def test_every_list_declares_its_filters():
    """Without its own FilterSet a list gets django-filter's filter of every field («Неизвестно», «Изменено»)."""
    from bench.urls import all_list_views, project_urlpatterns

    undeclared = [
        name for name, view in all_list_views(project_urlpatterns).items() if view.filterset_class is None
    ]
    assert not undeclared, undeclared
