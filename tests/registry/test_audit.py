"""Audit of views: a coordinator's look at a person's card is logged and shown to the methodologist."""

from __future__ import annotations

from django.urls import reverse

from registry.models import ViewLog
from tests.factories import PersonFactory, PupilFactory
from tests.helpers import count_queries


def test_coordinator_view_of_a_card_is_logged(as_coordinator_a, coordinator_a, school_a):
    person = PersonFactory(organization=school_a)
    as_coordinator_a.get(person.get_absolute_url())
    log = ViewLog.objects.get()
    assert (log.user, log.person) == (coordinator_a, person)


def test_methodist_views_are_not_logged(as_methodist, school_a):
    person = PersonFactory(organization=school_a)
    as_methodist.get(person.get_absolute_url())
    assert not ViewLog.objects.exists()


def test_department_view_of_an_adults_card_is_logged(as_department, department, school_a):
    person = PersonFactory(organization=school_a)
    as_department.get(person.get_absolute_url())
    log = ViewLog.objects.get()
    assert (log.user, log.person) == (department, person)


def test_department_opens_no_minors_card_and_no_personal_data_export(as_department, as_methodist, school_a):
    pupil = PupilFactory(organization=school_a, birth_year=2014)
    adult = PersonFactory(organization=school_a)
    assert as_department.get(pupil.get_absolute_url()).status_code == 403
    assert as_methodist.get(pupil.get_absolute_url()).status_code == 200
    for person in (pupil, adult):
        response = as_department.get(reverse("registry:person_data_export", args=[person.pk]))
        assert response.status_code == 403
    assert "Выгрузить данные человека" not in as_department.get(adult.get_absolute_url()).content.decode()
    assert not ViewLog.objects.filter(person=pupil).exists()


def test_methodist_sees_the_coordinators_views_on_the_card(as_methodist, as_coordinator_a, school_a):
    person = PersonFactory(organization=school_a)
    as_coordinator_a.get(person.get_absolute_url())
    page = as_methodist.get(person.get_absolute_url())
    assert [log.user.username for log in page.context["card_views"]] == ["kurator_a"]
    assert "Просмотры карточки кураторами и отделом образования" in page.content.decode()


def test_coordinator_and_department_do_not_see_the_log(as_coordinator_a, as_department, school_a):
    person = PersonFactory(organization=school_a)
    for client in (as_coordinator_a, as_department):
        page = client.get(person.get_absolute_url())
        assert page.context["card_views"] is None
        assert "Просмотры карточки кураторами" not in page.content.decode()


def test_card_shows_the_last_twenty_views_in_fixed_queries(as_methodist, as_coordinator_a, school_a):
    person = PersonFactory(organization=school_a)
    as_coordinator_a.get(person.get_absolute_url())
    one = count_queries(as_methodist, person.get_absolute_url())
    for _ in range(24):
        as_coordinator_a.get(person.get_absolute_url())
    assert count_queries(as_methodist, person.get_absolute_url()) == one
    assert len(as_methodist.get(person.get_absolute_url()).context["card_views"]) == 20
