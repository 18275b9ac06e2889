"""Large exports through the task worker: «Файл готовится» with progress, then the same file as the page's
export; a failed build tells the user in Russian what happened and what to do, and the next job runs."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from core import jobs
from core.models import Job, JobStatus
from tests.conftest import client_for
from tests.factories import PersonFactory
from tests.helpers import xlsx_rows

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def people(school_a, school_b, settings):
    settings.EXPORT_TASK_ROWS = 3
    for number in range(4):
        PersonFactory(organization=school_a, last_name=f"Иванова{number}")
    PersonFactory(organization=school_b, last_name="Чужая")


def test_large_export_is_built_as_a_job_with_the_pages_rows(
    people, coordinator_a, django_capture_on_commit_callbacks
):
    client = client_for(coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("registry:person_export"))
    job = Job.objects.get()
    assert response["Location"] == reverse("job", args=[job.pk])
    assert (job.status, job.total, job.done, job.percent) == (JobStatus.DONE, 4, 4, 100)
    page = client.get(response["Location"]).content.decode()
    assert "Файл готовится" in page and 'value="100"' in page and "Скачать" in page
    rows = xlsx_rows(client.get(reverse("job_download", args=[job.pk])))
    assert sorted(row[0].split()[0] for row in rows[1:]) == [f"Иванова{n}" for n in range(4)]  # not «Чужая»


def test_small_export_is_sent_at_once(people, as_methodist, settings):
    settings.EXPORT_TASK_ROWS = 100
    assert len(xlsx_rows(as_methodist.get(reverse("registry:person_export")))) == 6
    assert not Job.objects.exists()


def test_progress_advances_while_rows_are_written(people, methodist, monkeypatch):
    monkeypatch.setattr(jobs, "PROGRESS_EVERY", 2)
    job = Job.objects.create(user=methodist, title="Люди", source="/", total=6)
    seen = []
    for _row in jobs.tracked(job, range(6)):
        job.refresh_from_db()
        seen.append(job.percent)
    assert seen == [0, 33, 33, 66, 66, 99]  # never 100 before the file is stored
    status = client_for(methodist).get(reverse("job_status", args=[job.pk])).json()
    assert (status["percent"], status["done"], status["status_label"]) == (99, 6, "В очереди")


@pytest.mark.django_db(transaction=True)
def test_failed_job_tells_what_to_do_and_the_next_job_runs(people, coordinator_a, settings):
    settings.TASKS = DATABASE_TASKS
    client = client_for(coordinator_a)
    started = time.monotonic()
    good = client.get(reverse("registry:person_export"))
    assert time.monotonic() - started < 2  # the request only queues the job
    broken = Job.objects.create(user=coordinator_a, title="Люди", source=reverse("registry:person_list"))
    jobs.build_export.enqueue(str(broken.pk))
    assert Job.objects.get(pk=good["Location"].split("/")[2]).status == JobStatus.QUEUED
    call_command("db_worker", batch=True, startup_delay=False, interval=0, reload=False, verbosity=0)
    broken.refresh_from_db()
    assert broken.status == JobStatus.FAILED
    assert broken.message.startswith("Файл не собран: ошибка при сборке файла. Данные не изменились.")
    assert "сузьте выборку фильтрами" in broken.message
    page = client.get(reverse("job", args=[broken.pk])).content.decode()
    assert "Файл не собран: ошибка при сборке файла" in page
    assert Job.objects.get(pk=good["Location"].split("/")[2]).status == JobStatus.DONE
