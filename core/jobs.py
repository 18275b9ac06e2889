"""Large exports leave the request: the page queues a job, the task worker builds the file through the very
same view (so it shows no more than the screen), and the user watches its progress on «Файл готовится»."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from django.core.files import File
from django.db import transaction
from django.test import RequestFactory
from django.urls import resolve
from django.utils import timezone
from django_tasks import task

from core.models import Job, JobStatus

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 500  # rows between two progress updates (one UPDATE each)
FAILED_EXPORT = (
    "Файл не собран: {reason}. Данные не изменились. Попробуйте ещё раз; если снова не получится, сузьте "
    "выборку фильтрами или сообщите администратору (время: {at})."
)


def start_export(request, title: str, total: int) -> Job:
    """Queue the export the request asked for; the worker starts once this transaction commits."""
    job = Job.objects.create(user=request.user, title=title, source=request.get_full_path(), total=total)
    transaction.on_commit(lambda: build_export.enqueue(str(job.pk)))
    return job


def tracked(job: Job, rows: Iterable) -> Iterator:
    """The rows, with the job's count of done rows moved on every PROGRESS_EVERY of them."""
    for number, row in enumerate(rows, start=1):
        if number % PROGRESS_EVERY == 0:
            Job.objects.filter(pk=job.pk).update(done=number)
        yield row


def finish(job: Job, exporter) -> None:
    """Store the exporter's file as the job's result."""
    with exporter.render() as stream:
        job.file.save(exporter.filename, File(stream), save=False)
    job.filename, job.status, job.finished_at = exporter.filename, JobStatus.DONE, timezone.now()
    job.done = job.total
    job.save(update_fields=["file", "filename", "status", "finished_at", "done"])


def fail(job: Job, reason: str) -> None:
    at = timezone.localtime().strftime("%d.%m.%Y %H:%M")
    job.status, job.finished_at = JobStatus.FAILED, timezone.now()
    job.message = FAILED_EXPORT.format(reason=reason, at=at)
    job.save(update_fields=["status", "finished_at", "message"])


@task()
def build_export(job_id: str) -> str:
    """Run the export view for the job's user and query; its file becomes the job's result."""
    job = Job.objects.select_related("user").get(pk=job_id)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    try:
        run_export_view(job)
    except Exception as error:
        logger.exception("Фоновая выгрузка %s не собрана", job.pk)
        fail(job, reason_of(error))
        raise
    return job.status


def run_export_view(job: Job) -> None:
    request = RequestFactory().get(job.source)
    request.user, request.export_job = job.user, job
    match = resolve(urlsplit(job.source).path)
    response = match.func(request, *match.args, **match.kwargs)
    job.refresh_from_db(fields=["status"])
    if job.status != JobStatus.DONE:
        raise RuntimeError(f"the export view answered {response.status_code} without a file")


def reason_of(error: Exception) -> str:
    if isinstance(error, MemoryError):
        return "не хватило памяти сервера"
    if isinstance(error, OSError):
        return "не удалось записать файл на диск сервера"
    return "ошибка при сборке файла"
