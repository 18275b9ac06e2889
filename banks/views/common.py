"""What the banks' views share: breadcrumbs, the confirmation and comment pages, serving a stored file."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.files import file_response

PRACTICES = (_("Практики"), reverse_lazy("banks:practice_list"))
PROGRAMS = (_("Программы наставничества"), reverse_lazy("banks:program_list"))
DOCUMENTS = (_("Нормативные документы"), reverse_lazy("banks:document_list"))


def serve(fieldfile, name: str):
    """A stored file after the caller's permission check; a file missing from storage is a 404."""
    if not fieldfile or not fieldfile.storage.exists(fieldfile.name):
        raise Http404
    return file_response(fieldfile, name or fieldfile.name.rsplit("/", 1)[-1])
