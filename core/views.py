"""Pages of the files the task worker builds («Файл готовится», its state, the download)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render

from core.models import Job, JobStatus


def job_of(request, pk) -> Job:
    """Only the user who asked for the file sees it (anyone else: 404)."""
    return get_object_or_404(Job, pk=pk, user=request.user)


@login_required
def job(request, pk):
    """«Файл готовится»: the progress of a large export, then its download (static/js/job.js)."""
    return render(request, "core/job.html", {"job": job_of(request, pk), "title": "Файл готовится"})


@login_required
def job_status(request, pk):
    found = job_of(request, pk)
    return JsonResponse(
        {
            "status": found.status,
            "status_label": found.get_status_display().capitalize(),
            "percent": found.percent,
            "done": found.done,
            "total": found.total,
            "message": found.message,
            "filename": found.filename,
        }
    )


@login_required
def job_download(request, pk):
    found = job_of(request, pk)
    if found.status != JobStatus.DONE:
        raise Http404("Файл ещё не готов")
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.filename)
