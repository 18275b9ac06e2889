"""What the views of this capability share: breadcrumbs and access to each kind of record."""

from __future__ import annotations

from pathlib import PurePath

from django.http import Http404
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.files import file_response

EVENTS = (_("Мероприятия"), reverse_lazy("events:event_list"))
TRAININGS = (_("Обучение наставников"), reverse_lazy("events:training_list"))
PARTNERS = (_("Партнёры"), reverse_lazy("events:partner_list"))


def stored_file(fieldfile, download_name: str):
    """Serve a stored file (the caller has found the record through the user's scope); a file missing
    from the storage is a 404, not a server error."""
    if not fieldfile or not fieldfile.storage.exists(fieldfile.name):
        raise Http404
    return file_response(fieldfile, download_name)


def download_name(stored_name: str, fallback: str, fieldfile) -> str:
    """The name the user uploaded, or a readable one with the stored file's extension."""
    return stored_name or f"{fallback}{PurePath(fieldfile.name).suffix}"
