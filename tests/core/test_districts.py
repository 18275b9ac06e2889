"""Two districts side by side: each district's staff see their own figures (never the other's from a shared
cache), their new records land in their district, meeting numbers count per district."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from core import access
from core.access import Role
from directory.models import Organization
from meetings.models import Meeting
from reports.retention import organization_ids_for
from tests.conftest import client_for
from tests.factories import DistrictFactory, OrganizationFactory, PersonFactory, UserFactory
from tests.meetings.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def districts(school_a):
    second = DistrictFactory(name="Лесозаводский муниципальный округ")
    school_second = OrganizationFactory(district=second, short_name="СОШ № 3 г. Лесозаводска")
    PersonFactory.create_batch(3, organization=school_a)
    PersonFactory.create_batch(5, organization=school_second)
    return {
        "first": school_a.district,
        "second": second,
        "school_second": school_second,
        "methodist_first": UserFactory(username="m1", role=Role.METHODIST, district=school_a.district),
        "methodist_second": UserFactory(username="m2", role=Role.METHODIST, district=second),
        "region": UserFactory(username="krai", role=Role.REGION),
    }


def people_on_home(user) -> int:
    return client_for(user).get(reverse("home")).context["figures"]["registry"]["people"]


def test_home_figures_are_kept_per_district_not_shared(districts):
    assert people_on_home(districts["methodist_first"]) == 3
    assert people_on_home(districts["methodist_second"]) == 5  # read after the first, from its own cache key
    assert access.scope_key(districts["region"]) == "districtNone"


def test_the_retention_ledger_reads_the_districts_organisations(districts, school_a):
    assert organization_ids_for(districts["methodist_first"]) == [school_a.pk]
    assert organization_ids_for(districts["methodist_second"]) == [districts["school_second"].pk]
    assert organization_ids_for(districts["region"]) is None


def test_a_new_organisation_lands_in_its_methodologists_district(districts):
    response = client_for(districts["methodist_second"]).post(
        reverse("directory:organization_create"),
        {
            "kind": "school",
            "full_name": "МБОУ «СОШ № 5 г. Лесозаводска»",
            "short_name": "СОШ № 5 Лесозаводск",
        },
    )
    assert response.status_code == 302
    assert Organization.objects.get(short_name="СОШ № 5 Лесозаводск").district == districts["second"]


def test_meeting_numbers_are_counted_per_district(districts, school_a):
    first = make_meeting(district=districts["first"], date=datetime.date(2025, 10, 1))
    second = make_meeting(
        district=districts["second"],
        date=datetime.date(2025, 10, 2),
        chair=PersonFactory(organization=districts["school_second"]),
    )
    assert (first.number, second.number) == (1, 1)
    listed = client_for(districts["methodist_second"]).get(reverse("meetings:meeting_list"))
    assert [m.pk for m in listed.context["object_list"]] == [second.pk]
    assert Meeting.objects.count() == 2
