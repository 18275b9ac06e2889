"""The bench's own database and settings: the region's sizes, the environment, migrations, what was loaded."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


PYTHON = str(ROOT / ".venv" / "bin" / "python")


PORT = 8011


PASSWORD = "mshn-demo-2026"


# README's recommended production setting: cores + 1 sync workers (persistent connections, CONN_MAX_AGE).
# The pages are CPU-bound and PostgreSQL shares the cores: on 2 cores 2–3 workers served 34–37 req/s,
# 4 workers 25 and 5 (the usual 2 × cores + 1) 21, each extra process only taking CPU from the others.
GUNICORN_WORKERS = (os.cpu_count() or 1) + 1


CAPABILITY_APPS = (
    "registry",
    "careers",
    "banks",
    "meetings",
    "events",
    "monitoring",
    "submissions",
    "websites",
    "public",
)


FULL = {"database": "mshn_bench", "organizations": 1000, "people": 50000, "pairs": 20000, "practices": 2000}


SMALL = {"database": "mshn_bench_small", "organizations": 50, "people": 2000, "pairs": 800, "practices": 100}


def configure(database: str, static_root: str) -> None:
    os.environ.update(
        DATABASE_URL=f"postgres://root@127.0.0.1:5432/{database}",
        DJANGO_SETTINGS_MODULE="bench.settings",
        DEBUG="0",
        SECRET_KEY="bench-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        BENCH_STATIC_ROOT=static_root,
        LOG_LEVEL="ERROR",
    )
    # The largest district's people go through the task worker in the small region too (a hundred or two of
    # its 2 000), as the region's largest district's 16 000 do.
    os.environ.setdefault("EXPORT_TASK_ROWS", "100" if database == SMALL["database"] else "5000")


def ensure_database(name: str, fresh: bool = False) -> None:
    """The bench's own database; `fresh` drops it first (the small set is rebuilt on every run, so a
    database left by another checkout's migrations never stops it)."""
    import psycopg

    with psycopg.connect("postgres://root@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(*command: str) -> None:
    subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, check=True)


def bench_users() -> dict:
    """Whom the pages are measured as. A region's methodologist reads one district: the bench measures the
    methodologist of the largest district (the most a district's staff ever read) and a coordinator of a
    school there; the department (of the demo's home district), the regional reader `krai`, who reads every
    district's figures, and the administrator."""
    from django.db.models import Count

    from accounts.models import User
    from core.access import Role
    from directory.models import District

    coordinators = User.objects.filter(role=Role.COORDINATOR).order_by("pk")
    for district in District.objects.annotate(n=Count("organizations")).order_by("-n", "pk"):
        coordinator = coordinators.filter(organization__district=district).first()
        if coordinator is not None:
            break
    return {
        "methodist": User.objects.filter(role=Role.METHODIST, district=district).order_by("pk").first(),
        "coordinator": coordinator,
        "department": User.objects.get(username="otdel"),
        "region": User.objects.get(username="krai"),
        "admin": User.objects.get(username="admin"),
    }


def data_sizes() -> dict:
    from banks.models import MentoringProgram, Practice
    from directory.models import AcademicYear, District, Organization
    from events.models import Event, Participation, Training
    from meetings.models import Meeting, RoadmapItem
    from registry.models import Activity, Consent, Mentee, Mentor, Pair, Person
    from submissions.models import Submission
    from websites.models import CheckResult

    return {
        "districts": District.objects.count(),
        "organisations": Organization.objects.count(),
        "school years": AcademicYear.objects.count(),
        "people": Person.objects.count(),
        "consents": Consent.objects.count(),
        "mentors": Mentor.objects.count(),
        "mentees": Mentee.objects.count(),
        "pairs": Pair.objects.count(),
        "activities": Activity.objects.count(),
        "practices": Practice.objects.count(),
        "bank programs": MentoringProgram.objects.count(),
        "meetings": Meeting.objects.count(),
        "roadmap items": RoadmapItem.objects.count(),
        "events": Event.objects.count(),
        "participations": Participation.objects.count(),
        "trainings": Training.objects.count(),
        "submissions": Submission.objects.count(),
        "accepted snapshots": Submission.objects.filter(snapshot__isnull=False).count(),
        "website check results": CheckResult.objects.count(),
    }
