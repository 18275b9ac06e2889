"""The pair's personalised program: edited in the browser, printed as a PDF to be signed."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.exporters import PdfDocument
from core.generic import ScopedDetailView, ScopedUpdateView
from registry import selectors
from registry.models import Mentee, Program
from registry.program_forms import ProgramForm, closed_message, period_of
from registry.views.common import PAIRS


class ProgramView:
    """A program is reached by its pair's pk, through the user's scoped programs."""

    coordinator_edits = True  # coordinators edit their own organisation's records
    model = Program
    org_field = selectors.PROGRAM_ORG

    def get_queryset(self):
        mentees = Mentee.objects.select_related("person")
        return (
            selectors.programs_for(self.request.user)
            .select_related("pair__mentor__person")
            .prefetch_related(Prefetch("pair__mentees", queryset=mentees))
        )

    def get_object(self, queryset=None):
        if getattr(self, "_program", None) is None:
            queryset = self.get_queryset() if queryset is None else queryset
            self._program = get_object_or_404(queryset, pair_id=self.kwargs["pk"])
        return self._program

    def get_breadcrumbs(self):
        pair = self.object.pair
        return (PAIRS, (pair.heading, pair.get_absolute_url()))


class ProgramUpdate(ProgramView, ScopedUpdateView):
    form_class = ProgramForm
    template_name = "registry/program_form.html"
    title = _lazy("Персонализированная программа")
    success_message = _lazy("Программа сохранена.")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.pair.is_closed:
            return self.closed_response()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.pair.is_closed:
            return self.closed_response(status=409)
        return super().post(request, *args, **kwargs)

    def closed_response(self, status: int = 200):
        context = self.get_context_data(form=None, closed_message=closed_message())
        return self.render_to_response(context, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["period"] = period_of(self.object.pair)
        return context

    def get_success_url(self):
        return self.object.pair.get_absolute_url()


class ProgramPdf(ProgramView, ScopedDetailView):
    show_history = False

    def render_to_response(self, context, **response_kwargs):
        return program_document(self.object).response()


def program_document(program: Program) -> PdfDocument:
    pair = program.pair
    mentees = list(pair.mentees.all())
    context = {
        "program": program,
        "pair": pair,
        "organization": pair.organization,
        "mentor": pair.mentor.person,
        "mentees": [m.person for m in mentees],
        "activities": list(program.activities.all()),
        "period": period_of(pair),
        "heading": program_heading(pair),
        "curator": short_name_of(pair.organization.curator_name),
        "document_author": pair.organization.full_name,
        "document_date": pair.started_on,
    }
    return PdfDocument(program_file_name(pair, mentees), "registry/pdf/program.html", context)


def program_heading(pair) -> str:
    """The heading to the document's text (ГОСТ Р 7.0.97-2025 requires one): the form and the period."""
    return _("в форме «%(form)s» на период %(period)s") % {"form": pair.form, "period": period_of(pair)}


def program_file_name(pair, mentees) -> str:
    if len(mentees) == 1:
        return _("программа_наставничества_%(name)s") % {"name": mentees[0].person.last_name}
    return _("программа_наставничества_группа_%(name)s") % {"name": pair.mentor.person.last_name}


def short_name_of(full_name: str) -> str:
    """«Фамилия Имя Отчество» written as «И.О. Фамилия»; anything else is kept as typed."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name.strip()
    return "".join(f"{p[0]}." for p in parts[1:3]) + f" {parts[0]}"


urlpatterns = [
    path("pairs/<int:pk>/program/", ProgramUpdate.as_view(), name="program_update"),
    path("pairs/<int:pk>/program.pdf", ProgramPdf.as_view(), name="program_pdf"),
]
