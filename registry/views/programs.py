"""The pair's personalised program: edited in the browser, printed as a PDF to be signed."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.docx_files import DocxDocument
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


def program_document(program: Program) -> PdfDocument:
    context = program_context(program)
    return PdfDocument(context["file_stem"], "registry/pdf/program.html", context)


def program_context(program: Program) -> dict:
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
        "file_stem": program_file_name(pair, mentees),
    }
    return context


PLAN_WIDTHS_MM = (8, 82, 22, 25, 33)


def program_docx(program: Program) -> DocxDocument:
    """The program as an editable document, with the PDF's sections, plan and signature lines."""
    c = program_context(program)
    title = _("Персонализированная программа наставничества %(heading)s") % {"heading": c["heading"]}
    doc = DocxDocument(c["file_stem"], title, c["document_author"])
    doc.paragraph(c["organization"].full_name, align="center", size=12)
    doc.paragraph(_("ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА"), align="center", bold=True, size=14)
    doc.paragraph(c["heading"], align="center")
    order = c["pair"].order_number
    order_line = f"№ {order}" + (
        f" от {c['pair'].order_date:%d.%m.%Y}" if order and c["pair"].order_date else ""
    )
    facts = [
        (_("Форма наставничества"), str(c["pair"].form)),
        (_("Наставник"), _with_position(c["mentor"])),
        (
            _("Наставляемые") if len(c["mentees"]) > 1 else _("Наставляемый"),
            "; ".join(map(_with_position, c["mentees"])),
        ),
        (_("Срок реализации"), c["period"]),
        (_("Приказ о закреплении"), order_line if order else "—"),
    ]
    doc.facts([(label, value or "—") for label, value in facts])
    for number, (heading, text) in enumerate(_program_texts(program)[:2], start=1):
        doc.paragraph(f"{number}. {heading}", bold=True, align="left", keep_with_next=True)
        doc.paragraph(text or "—", indent=True)
    doc.paragraph(_("3. План мероприятий"), bold=True, align="left", keep_with_next=True)
    rows = [
        [n, a.title, f"{a.due_on:%d.%m.%Y}" if a.due_on else "—", a.get_status_display(), _done(a)]
        for n, a in enumerate(c["activities"], start=1)
    ]
    headers = [_("№"), _("Мероприятие"), _("Срок"), _("Статус"), _("Отметка о выполнении")]
    doc.table(headers, rows, PLAN_WIDTHS_MM, caption=_("Таблица 1"))
    for number, (heading, text) in enumerate(_program_texts(program)[2:], start=4):
        doc.paragraph(f"{number}. {heading}", bold=True, align="left", keep_with_next=True)
        doc.paragraph(text or "—", indent=True)
    rows = [(_("Наставник"), c["mentor"].short_name)]
    rows += [(_("Наставляемый") if i else "", p.short_name) for i, p in enumerate(c["mentees"], start=1)]
    rows.append((_("Куратор"), c["curator"] or ""))
    doc.signatures(rows)
    return doc


def _program_texts(program: Program) -> list[tuple[str, str]]:
    return [
        (_("Цели"), program.goals),
        (_("Направления работы"), program.directions),
        (_("Ожидаемые результаты"), program.expected_results),
        (_("Достигнутые результаты"), program.achieved_results),
    ]


def _with_position(person) -> str:
    extra = person.position or (f"класс (группа) {person.class_or_group}" if person.class_or_group else "")
    return f"{person.full_name}, {extra}" if extra else person.full_name


def _done(activity) -> str:
    done = f"{activity.done_on:%d.%m.%Y}" if activity.done_on else ""
    return "; ".join(part for part in (done, activity.evidence) if part)


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


class ProgramPdf(ProgramView, ScopedDetailView):
    """The program to be signed: PDF, or (`document=program_docx`) an editable DOCX."""

    show_history = False
    document = staticmethod(program_document)

    def render_to_response(self, context, **response_kwargs):
        return self.document(self.object).response()


urlpatterns = [
    path("pairs/<int:pk>/program/", ProgramUpdate.as_view(), name="program_update"),
    path("pairs/<int:pk>/program.pdf", ProgramPdf.as_view(), name="program_pdf"),
    path("pairs/<int:pk>/program.docx", ProgramPdf.as_view(document=program_docx), name="program_docx"),
]
