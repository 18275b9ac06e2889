"""`load_region` fills every capability believably, the same way for the same seed."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.utils import timezone

from accounts.models import User
from banks.models import MentoringProgram, NormativeDocument, Practice, PracticeStatus, PracticeTransition
from core.access import Role
from demo.management.commands.load_region import DISTRICTS
from directory.models import AcademicYear, District, DistrictKind, DocumentRequisites, Organization
from events.models import Event, EventKind, Interaction, Participation, Partner, Training
from indicators.values import COMPONENTS, SNAPSHOT_VERSION
from meetings.models import Meeting, MeetingCounter, MeetingStatus, RoadmapItem, RoadmapStatus
from reports.models import IndicatorTarget
from submissions.models import Campaign, Submission, SubmissionStatus, SubmissionTransition
from websites.models import CheckResult, CheckRound, WebsiteCheck

pytestmark = pytest.mark.django_db(transaction=False)


def load(seed: int = 3) -> None:
    # The test's transaction holds the previous load's deferred foreign-key checks; TRUNCATE refuses to
    # run while they are pending (a real run wipes in a transaction of its own).
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command(
        "load_region",
        organizations=40,
        people=1200,
        pairs=300,
        practices=60,
        years=4,
        coordinators=5,
        seed=seed,
        force=True,
        stdout=io.StringIO(),
    )


def fingerprint() -> tuple:
    return (
        list(Practice.objects.order_by("pk").values_list("title", "organization__short_name", "status")),
        list(Meeting.objects.order_by("pk").values_list("date", "number", "secretary__last_name")),
        list(Event.objects.order_by("pk").values_list("kind", "starts_on")),
        list(Submission.objects.order_by("pk").values_list("organization__short_name", "status")),
    )


def test_load_region_fills_every_capability():
    load()
    today = timezone.localdate()
    published = Practice.objects.filter(status=PracticeStatus.PUBLISHED)
    assert Practice.objects.count() == 60 and published.filter(is_best=True).exists()
    assert PracticeTransition.objects.filter(practice__in=published).exists()
    assert MentoringProgram.objects.exists()
    districts = District.objects.count()
    for year in AcademicYear.objects.all():
        assert Meeting.objects.filter(year=year).count() >= 2 * districts
        assert Campaign.objects.filter(year=year).count() == districts
    assert not Meeting.objects.filter(agenda__isnull=True).exists()
    assert not Meeting.objects.filter(date__gte=today, status=MeetingStatus.APPROVED).exists()
    assert RoadmapItem.objects.filter(status=RoadmapStatus.DONE).exists()
    assert any(item.is_overdue for item in RoadmapItem.objects.all())
    assert not Event.objects.filter(participants__isnull=True).exists()
    consultations = Event.objects.filter(kind=EventKind.KINDERGARTEN_CONSULTATION)
    for event in consultations:
        assert event.participants.filter(person__organization__kind="kindergarten").exists()
    assert Training.objects.exists() and CheckResult.objects.exists()


def test_load_region_freezes_figures_of_sent_and_accepted_submissions_only():
    load()
    frozen = Submission.objects.filter(status__in=(SubmissionStatus.SENT, SubmissionStatus.ACCEPTED))
    assert frozen.filter(status=SubmissionStatus.ACCEPTED).exists()
    assert not frozen.filter(snapshot__isnull=True).exists()
    assert not frozen.filter(submitted_at__isnull=True).exists()
    assert not Submission.objects.exclude(pk__in=frozen).filter(snapshot__isnull=False).exists()
    snapshot = frozen.first().snapshot
    assert snapshot["version"] == SNAPSHOT_VERSION and set(COMPONENTS) == set(snapshot["components"])


def test_load_region_same_seed_same_data_other_seed_other_data():
    load(seed=3)
    first = fingerprint()
    load(seed=3)
    assert fingerprint() == first
    load(seed=4)
    assert fingerprint() != first


def test_load_region_builds_the_region_of_districts_with_their_staff():
    load()
    districts = {d.name: d for d in District.objects.all()}
    assert set(districts) == {row[0] for row in DISTRICTS} and len(districts) == 34
    assert districts["Кировский муниципальный район"].kind == DistrictKind.MUNICIPAL_DISTRICT
    assert districts["Анучинский муниципальный округ"].kind == DistrictKind.MUNICIPAL_OKRUG
    assert districts["Владивостокский городской округ"].kind == DistrictKind.CITY_OKRUG
    assert districts["ЗАТО г. Фокино"].kind == DistrictKind.CITY_OKRUG
    # every district has its school, and an organisation is named and placed in its own district
    for district in districts.values():
        schools = Organization.objects.filter(district=district, kind="school")
        assert schools.exists(), district
        assert all(district.name in o.address for o in Organization.objects.filter(district=district))
    kirovsky = districts["Кировский муниципальный район"]
    staff = {u.username: u for u in User.objects.exclude(role=Role.COORDINATOR)}
    assert staff["metodist"].district == kirovsky and staff["otdel"].district == kirovsky
    assert staff["krai"].role == Role.REGION and staff["krai"].district is None
    methodists = User.objects.filter(role=Role.METHODIST)
    assert sorted(methodists.values_list("district_id", flat=True)) == sorted(
        d.pk for d in districts.values()
    )
    assert {f"metodist{n}" for n in range(2, 35)} <= set(staff)
    assert staff["metodist2"].check_password("mshn-demo-2026")
    for coordinator in User.objects.filter(role=Role.COORDINATOR):
        assert coordinator.organization_id and coordinator.district_id is None


def test_every_record_of_a_district_belongs_to_the_district_of_its_organisations():
    load()
    assert (
        not Meeting.objects.exclude(present__organization__district=F("district"))
        .filter(present__isnull=False)
        .exists()
    )
    assert not Meeting.objects.exclude(secretary__organization__district=F("district")).exists()
    assert (
        not RoadmapItem.objects.filter(responsible_organization__isnull=False)
        .exclude(responsible_organization__district=F("district"))
        .exists()
    )
    assert (
        not Event.objects.filter(organizer__isnull=False).exclude(organizer__district=F("district")).exists()
    )
    assert not Participation.objects.exclude(person__organization__district=F("event__district")).exists()
    assert (
        not Partner.objects.filter(organization__isnull=False)
        .exclude(organization__district=F("district"))
        .exists()
    )
    assert (
        not Interaction.objects.filter(event__isnull=False)
        .exclude(event__district=F("partner__district"))
        .exists()
    )
    assert not Submission.objects.exclude(organization__district=F("campaign__district")).exists()
    assert not Campaign.objects.exclude(organizations__district=F("district")).exists()
    assert not WebsiteCheck.objects.exclude(organization__district=F("round__district")).exists()
    # the methodologist who accepts, returns, publishes is the district's own
    by_methodist = {"by__role": Role.METHODIST}
    assert (
        not SubmissionTransition.objects.filter(**by_methodist)
        .exclude(by__district=F("submission__organization__district"))
        .exists()
    )
    assert (
        not PracticeTransition.objects.filter(**by_methodist)
        .exclude(by__district=F("practice__organization__district"))
        .exists()
    )
    # every district's school has its own of each
    years = AcademicYear.objects.count()
    for district in District.objects.all():
        own = {"district": district}
        assert Campaign.objects.filter(**own).count() == years
        assert CheckRound.objects.filter(**own).exists() and Event.objects.filter(**own).exists()
        assert RoadmapItem.objects.filter(**own).count() % years == 0
        assert NormativeDocument.objects.filter(**own, level="municipal").count() == 1
        assert NormativeDocument.objects.filter(**own, number="Р-145").count() == 1
        assert IndicatorTarget.objects.filter(**own).values("year").distinct().count() == years
        assert DocumentRequisites.objects.filter(**own).count() == 1


def test_each_district_numbers_its_meetings_from_one_in_every_year():
    load()
    numbers: dict[tuple[int, int], list[int]] = {}
    for district_id, year_id, number in Meeting.objects.order_by("date").values_list(
        "district_id", "year_id", "number"
    ):
        numbers.setdefault((district_id, year_id), []).append(number)
    assert len(numbers) == District.objects.count() * AcademicYear.objects.count()
    counters = {(c.district_id, c.year_id): c.last_number for c in MeetingCounter.objects.all()}
    assert set(counters) == set(numbers)
    for key, held in numbers.items():
        assert held == list(range(1, len(held) + 1)), key  # in the order of their dates
        assert counters[key] == len(held)
