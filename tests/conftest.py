"""Personas as fixtures: the methodologist, coordinators of schools A and B, the department, anonymous; for the
region, the methodologist of another district and the regional reader."""

from __future__ import annotations

import pytest
from django.test import Client

from core.access import Role
from tests.factories import DistrictFactory, OrganizationFactory, UserFactory

PASSWORD = "pass-12345"


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Every test with a database starts with an empty cache (it lives in the database): the district's
    home figures of one test never reach another."""
    from django.core.cache import cache

    names = set(request.fixturenames)
    if names & {"transactional_db", "live_server"}:
        request.getfixturevalue("transactional_db")
    elif "db" in names or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        yield
        return
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def school_a(db):
    return OrganizationFactory(short_name="Школа А", full_name="МБОУ «Школа А»")


@pytest.fixture
def school_b(db):
    return OrganizationFactory(short_name="Школа Б", full_name="МБОУ «Школа Б»")


@pytest.fixture
def methodist(db):
    return UserFactory(username="metodist", role=Role.METHODIST, last_name="Суровцева", first_name="Ольга")


@pytest.fixture
def coordinator_a(school_a):
    return UserFactory(username="kurator_a", role=Role.COORDINATOR, organization=school_a)


@pytest.fixture
def coordinator_b(school_b):
    return UserFactory(username="kurator_b", role=Role.COORDINATOR, organization=school_b)


@pytest.fixture
def department(db):
    return UserFactory(username="otdel", role=Role.DEPARTMENT)


@pytest.fixture
def other_district(db):
    return DistrictFactory(name="Лесозаводский муниципальный округ", kind="municipal_okrug")


@pytest.fixture
def methodist_other(other_district):
    """The methodologist of another district: finds nothing of the first district's."""
    return UserFactory(username="metodist_les", role=Role.METHODIST, district=other_district)


@pytest.fixture
def region_reader(db):
    return UserFactory(username="krai", role=Role.REGION, last_name="Краева", first_name="Ирина")


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def personas(methodist, coordinator_a, coordinator_b, department) -> dict:
    """name → logged-in client, anonymous included (one district)."""
    users = {
        "methodist": methodist,
        "coord_a": coordinator_a,
        "coord_b": coordinator_b,
        "department": department,
    }
    clients = {name: client_for(user) for name, user in users.items()}
    clients["anon"] = client_for(None)
    return clients


@pytest.fixture
def region_personas(methodist_other, region_reader) -> dict:
    """The methodologist of a second district and the regional reader. Records of the first district made
    after this fixture name their district: with two, a record's district is never guessed."""
    return {"methodist_other": client_for(methodist_other), "region": client_for(region_reader)}


@pytest.fixture
def as_methodist(methodist):
    return client_for(methodist)


@pytest.fixture
def as_coordinator_a(coordinator_a):
    return client_for(coordinator_a)


@pytest.fixture
def as_department(department):
    return client_for(department)
