"""A single-district installation migrates into one district and loses nothing: the demo district as it was
saved before districts existed (`tests/fixtures/demo-before-districts.sql.gz`, a `pg_dump --inserts` of
`make run`'s database at commit fcef68c) is restored into a database of its own and migrated by `manage.py
migrate` in its own process, as an administrator would upgrade."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.cluster import database_url, manage

DUMP = Path(__file__).parent.parent / "fixtures" / "demo-before-districts.sql.gz"
NAME = "mshn_before_districts"
# Records that gained a district, and the tables whose rows must all survive the upgrade.
DISTRICT_TABLES = (
    "directory_organization",
    "meetings_meeting",
    "meetings_roadmapitem",
    "events_event",
    "events_partner",
    "banks_normativedocument",
    "submissions_campaign",
    "websites_checkround",
    "monitoring_surveyround",
    "reports_indicatortarget",
    "reports_annualtext",
    "reports_approvedreport",
    "directory_documentrequisites",
)
KEPT_TABLES = (*DISTRICT_TABLES, "registry_person", "registry_pair", "accounts_user", "events_participation")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def old_installation():
    """The old demo in a database of its own on the test server, dropped afterwards."""
    server = {**connection.settings_dict, "NAME": "postgres"}
    with psycopg.connect(database_url(server), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{NAME}"')
    url = database_url({**connection.settings_dict, "NAME": NAME})
    with psycopg.connect(url, autocommit=True) as restore:
        restore.execute(gzip.decompress(DUMP.read_bytes()).decode())
    yield url
    with psycopg.connect(database_url(server), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')


def counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in KEPT_TABLES}


def test_a_single_district_installation_moves_into_one_district_losing_nothing(old_installation):
    before = counts(old_installation)
    assert all(before.values()), before  # the old demo has rows in every table the test follows
    env = {**os.environ, "DATABASE_URL": old_installation, "DEBUG": "1"}
    manage("migrate", "--noinput", env=env, timeout=300)
    assert counts(old_installation) == before
    with psycopg.connect(old_installation) as db:
        districts = db.execute("SELECT id, name FROM directory_district").fetchall()
        assert [name for _id, name in districts] == ["Кировский муниципальный район"]
        (district_id, _name) = districts[0]
        for table in DISTRICT_TABLES:
            owners = db.execute(f"SELECT DISTINCT district_id FROM {table}").fetchall()
            assert owners == [(district_id,)], table
        staff = db.execute(
            "SELECT username, district_id FROM accounts_user WHERE role IN ('methodist', 'department')"
        ).fetchall()
        assert staff and all(owner == district_id for _name, owner in staff)
        numbers = db.execute(
            "SELECT c.year_id, c.last_number, max(m.number) FROM meetings_meetingcounter c "
            "JOIN meetings_meeting m ON m.year_id = c.year_id AND m.district_id = c.district_id "
            "GROUP BY c.year_id, c.last_number"
        ).fetchall()
        assert numbers and all(last == highest for _year, last, highest in numbers)
