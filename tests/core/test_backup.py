"""`backup` then `restore` into a fresh empty database brings back every record and every file."""

from __future__ import annotations

import datetime
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from banks.models import NormativeDocument
from core.backups import backup_name
from directory.models import Organization
from registry.models import Mentee, Mentor, Pair, Person
from tests.banks.factories import NormativeDocumentFactory, pdf_upload
from tests.factories import MenteeFactory, MentorFactory, PairFactory, PersonFactory

MODELS = (Organization, Person, Person.history.model, Mentor, Mentee, Pair, NormativeDocument)


def url_of(database: dict, name: str) -> str:
    credentials = quote(database["USER"] or "") + (
        f":{quote(database['PASSWORD'])}" if database["PASSWORD"] else ""
    )
    # A Unix socket's folder (the embedded server) goes percent-encoded in the host part.
    host = f"{quote(database['HOST'] or '127.0.0.1', safe='')}:{database['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{name}"


@pytest.fixture
def empty_database():
    """A new empty PostgreSQL database with a unique name, dropped after the test."""
    database = connection.settings_dict
    name = f"mshn_restore_{uuid.uuid4().hex[:12]}"
    maintenance = url_of(database, "postgres")
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield url_of(database, name)
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def records(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    PersonFactory(last_name="Ёлкина", first_name="Дарья", middle_name="Игоревна")
    pair = PairFactory(mentor=MentorFactory(), mentees=[MenteeFactory(), MenteeFactory()])
    document = NormativeDocumentFactory(file=pdf_upload("положение.pdf"), title="Положение о наставничестве")
    return {"pair": pair, "document": document}


def counts_in(url: str) -> dict[str, int]:
    with psycopg.connect(url) as restored:
        return {
            model._meta.db_table: restored.execute(
                f'SELECT count(*) FROM "{model._meta.db_table}"'
            ).fetchone()[0]
            for model in MODELS
        }


def test_backup_restores_every_record_and_file(records, settings, tmp_path, empty_database):
    call_command("backup", into=str(tmp_path / "backups"))
    (backup,) = (tmp_path / "backups").iterdir()
    assert {path.name for path in backup.iterdir()} == {"db.dump", "media.tar.gz", "manifest.json"}
    original = Path(settings.MEDIA_ROOT) / records["document"].file.name
    settings.MEDIA_ROOT = tmp_path / "restored-media"

    call_command("restore", str(backup), database_url=empty_database)

    assert counts_in(empty_database) == {model._meta.db_table: model.objects.count() for model in MODELS}
    with psycopg.connect(empty_database) as restored:
        name = restored.execute(
            "SELECT last_name, first_name FROM registry_person WHERE middle_name = 'Игоревна'"
        )
        assert name.fetchone() == ("Ёлкина", "Дарья")
        document = restored.execute(
            "SELECT title, file FROM banks_normativedocument WHERE id = %s", [records["document"].pk]
        ).fetchone()
        pair = restored.execute(
            "SELECT status, started_on FROM registry_pair WHERE id = %s", [records["pair"].pk]
        )
        assert pair.fetchone() == ("active", records["pair"].started_on)
    assert document == ("Положение о наставничестве", records["document"].file.name)
    assert (tmp_path / "restored-media" / document[1]).read_bytes() == original.read_bytes()


def test_restore_refuses_a_damaged_backup(records, tmp_path, empty_database):
    call_command("backup", into=str(tmp_path / "backups"))
    (backup,) = (tmp_path / "backups").iterdir()
    with (backup / "db.dump").open("ab") as dump:
        dump.write(b"tampered")
    with pytest.raises(Exception, match="повреждён"):
        call_command("restore", str(backup), database_url=empty_database)
    assert counts_in_tables(empty_database) == 0


def counts_in_tables(url: str) -> int:
    with psycopg.connect(url) as restored:
        return restored.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]


def test_backup_folder_is_named_in_local_time():
    """A backup taken at 03:00 by the cron of Vladivostok is named 0300, not 1700 of the previous day (UTC)."""
    moment = datetime.datetime(2026, 3, 9, 17, 0, 5, tzinfo=datetime.UTC)
    assert backup_name(moment) == "20260310-030005-000000"
