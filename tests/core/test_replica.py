"""Heavy report reads on a real streaming replica (DATABASE_REPLICA_URL), writes and read-after-write on the
primary; without a replica every read stays where it was."""

from __future__ import annotations

import json
import os

import pytest

from core.replica import ReplicaRouter, replica_reads
from directory.models import Organization
from tests.cluster import Replica, manage, primary_url
from tests.factories import AcademicYearFactory, OrganizationFactory

# One process reads the report with the replica configured, as an application machine would.
READ_REPORT = """
import json
from django.db import connections, transaction
from accounts.models import User
from directory.models import AcademicYear
from reports.indicators import report_for

user, year = User.objects.get(username="metodist"), AcademicYear.objects.get(start_year=2025)
with connections["replica"].cursor() as cursor:
    cursor.execute("SELECT pg_is_in_recovery()")
    recovery = cursor.fetchone()[0]
with transaction.atomic():  # a page that has just written: its reads stay on the primary
    after_write = [row.name for row in report_for(user, year).rows]
print(json.dumps({"recovery": recovery, "report": [row.name for row in report_for(user, year).rows],
                  "after_write": after_write}))
"""


@pytest.fixture
def district(transactional_db, methodist):
    AcademicYearFactory(start_year=2025)
    return [OrganizationFactory(short_name=name) for name in ("Школа А", "Школа Б")]


@pytest.fixture
def replica(district):
    server = Replica()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.mark.cluster
def test_report_reads_are_served_by_the_streaming_replica(replica):
    replica.freeze()
    OrganizationFactory(short_name="Школа В, открыта после паузы реплики")  # committed on the primary only

    env = {**os.environ, "DATABASE_URL": primary_url(), "DATABASE_REPLICA_URL": replica.url}
    read = json.loads(manage("shell", "-c", READ_REPORT, env=env).strip().splitlines()[-1])

    assert read["recovery"] is replica.streaming  # True on a server that allows replication (CI's own)
    assert read["report"] == ["Школа А", "Школа Б"]  # the replica's rows: the new school is not replayed
    assert read["after_write"] == ["Школа А", "Школа Б", "Школа В, открыта после паузы реплики"]
    assert Organization.objects.count() == 3


def test_without_a_replica_every_read_stays_on_the_primary(db):
    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_read(Organization) == "default"
    assert router.db_for_write(Organization) == "default"
    assert router.allow_migrate("replica", "directory") is False
