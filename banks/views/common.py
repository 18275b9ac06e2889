"""What the banks' views share: breadcrumbs, the confirmation and comment pages, serving a stored file."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from core.files import file_response
from core.generic import AccessMixin, redirect_with_message

PRACTICES = (_("Практики"), reverse_lazy("banks:practice_list"))
PROGRAMS = (_("Программы наставничества"), reverse_lazy("banks:program_list"))
DOCUMENTS = (_("Нормативные документы"), reverse_lazy("banks:document_list"))


def serve(fieldfile, name: str):
    """A stored file after the caller's permission check; a file missing from storage is a 404."""
    if not fieldfile or not fieldfile.storage.exists(fieldfile.name):
        raise Http404
    return file_response(fieldfile, name or fieldfile.name.rsplit("/", 1)[-1])


class RecordActionView(AccessMixin, FormView):
    """GET shows a small confirmation form about one record; POST does the action through a service.

    Subclasses give `get_record()` (already scoped), `allowed(record)`, `act(record, form)`,
    the form class and its kwargs, and the message shown after success.
    """

    writes = True
    template_name = "banks/confirm.html"
    success_message = ""
    question = ""

    def get_record(self):
        raise NotImplementedError

    def allowed(self, record) -> bool:
        return True

    def act(self, record, form):
        raise NotImplementedError

    def record(self):
        if not hasattr(self, "_record"):
            self._record = self.get_record()
            if not self.allowed(self._record):
                raise PermissionDenied
        return self._record

    def get(self, request, *args, **kwargs):
        self.record()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.record()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.record()
        context["question"] = self.question
        return context

    def form_valid(self, form):
        record = self.record()
        try:
            url = self.act(record, form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect_with_message(self.request, url, str(self.success_message))

    def get_breadcrumbs(self):
        record = self.record()
        return (*self.breadcrumbs, (str(record), record.get_absolute_url()))
