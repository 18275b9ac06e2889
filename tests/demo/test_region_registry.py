"""The generator of registry data keeps the pair rules and gives the same data for the same seed."""

from __future__ import annotations

import datetime
import random

import pytest

from demo.region.registry import generate_registry
from directory.models import AcademicYear, OrganizationKind, PersonCategory
from registry.models import Consent, ConsentSigner, Pair, PairStatus, Person
from registry.rules import pair_errors
from tests.factories import OrganizationFactory

TODAY = datetime.date(2026, 3, 15)


@pytest.fixture
def district(db):
    orgs = [OrganizationFactory(kind=OrganizationKind.SCHOOL) for _ in range(4)]
    orgs.append(OrganizationFactory(kind=OrganizationKind.KINDERGARTEN, short_name="МБДОУ «Детский сад № 1»"))
    orgs.append(OrganizationFactory(kind=OrganizationKind.COLLEGE, short_name="КГБ ПОУ «Колледж»"))
    orgs.append(OrganizationFactory(kind=OrganizationKind.PARTNER, short_name="ООО «Партнёр»"))
    years = [AcademicYear.objects.create(start_year=year) for year in (2023, 2024, 2025)]
    return orgs, years


def generate(district, seed: int = 7):
    orgs, years = district
    return generate_registry(orgs, years, random.Random(seed), people=400, pairs=80, today=TODAY)


def snapshot() -> list[tuple]:
    people = list(
        Person.objects.order_by("pk").values_list("last_name", "first_name", "category", "organization_id")
    )
    pairs = list(Pair.objects.order_by("pk").values_list("mentor__person__last_name", "status", "started_on"))
    return people + pairs


def test_generate_pairs_keep_the_rules(district):
    counts = generate(district)
    assert counts["person"] == 400
    assert counts["pair"] == 80
    pairs = Pair.objects.select_related("organization", "form", "mentor__person").prefetch_related(
        "mentees__person"
    )
    for pair in pairs:
        mentees = list(pair.mentees.all())
        assert mentees
        errors = pair_errors(
            organization=pair.organization, form=pair.form, mentor=pair.mentor, mentees=mentees, pair=pair
        )
        assert errors == {}, (pair.pk, errors)
        assert pair.program.activities.count() in range(4, 9)
        if pair.status == PairStatus.COMPLETED:
            assert pair.ended_on


def test_generate_people_are_believable(district):
    generate(district)
    pupils = Person.objects.filter(category=PersonCategory.PUPIL)
    ages = {TODAY.year - year for year in pupils.values_list("birth_year", flat=True)}
    assert min(ages) >= 5 and max(ages) <= 18
    assert not Person.objects.filter(
        category=PersonCategory.PEDAGOGUE, experience_start__isnull=True
    ).exists()
    minors = Consent.objects.filter(
        person__category=PersonCategory.PUPIL, person__birth_year__gt=TODAY.year - 18
    )
    assert minors.exists()
    assert not minors.exclude(signer=ConsentSigner.REPRESENTATIVE, representative_name__gt="").exists()
    young = Person.objects.young(TODAY).with_mentor_flag()
    assert young.filter(has_mentor=False).exists()


def test_generate_same_seed_same_data(district):
    generate(district, seed=11)
    first = snapshot()
    Pair.objects.all().delete()
    Person.objects.all().delete()
    generate(district, seed=11)
    assert snapshot() == first
