"""The bank of mentoring programs, their templates of personalised programs, and copying a template
into a pair's program."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from banks import selectors, services
from banks.filters import ProgramFilter
from banks.forms import ApplyTemplateForm, ProgramForm, TemplateForm
from banks.models import MentoringProgram, ProgramTemplate
from banks.views.common import PROGRAMS, serve
from core import access
from core.columns import Column
from core.generic import (
    AccessMixin,
    RecordActionView,
    RecordDeleteView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)
from registry.program_forms import closed_message
from registry.selectors import pairs_for


class ProgramView:
    model = MentoringProgram
    org_field = selectors.PROGRAM_ORG
    coordinator_edits = True
    breadcrumbs = (PROGRAMS,)

    def get_queryset(self):
        return selectors.programs_for(self.request.user)


def program_for(user, pk) -> MentoringProgram:
    return get_object_or_404(selectors.programs_for(user), pk=pk)


class ProgramList(ProgramView, ScopedListView):
    title = _("Банк программ наставничества")
    breadcrumbs = ()
    filterset_class = ProgramFilter
    export_name = "программы_наставничества"
    create_url_name = "banks:program_create"
    export_url_name = "banks:program_export"
    columns = (
        Column(_("Название"), "title", link=True),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Формы наставничества"), "forms"),
        Column(_("Действует с"), "starts_on"),
        Column(_("Действует по"), "ends_on"),
        Column(_("Приказ об утверждении"), "order"),
        Column(_("Статус"), "get_status_display"),
        Column(_("Шаблонов программ"), "template_count"),
    )


class ProgramDetail(ProgramView, ScopedDetailView):
    template_name = "banks/program_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["templates"] = list(self.object.templates.prefetch_related("activities"))
        return context


class ProgramCreate(ProgramView, ScopedCreateView):
    form_class = ProgramForm
    title = _("Новая программа наставничества")


class ProgramUpdate(ProgramView, ScopedUpdateView):
    form_class = ProgramForm
    title = _("Изменение программы наставничества")


class ProgramDelete(ProgramView, RecordDeleteView):
    coordinator_edits = True
    title = _("Удаление программы наставничества")
    success_message = _("Программа удалена вместе с документом и шаблонами.")
    question = _("Программа, её документ и шаблоны персонализированных программ будут удалены безвозвратно.")

    def get_record(self):
        return program_for(self.request.user, self.kwargs["pk"])

    def act(self, program, form):
        program.delete()
        return reverse("banks:program_list")


class ProgramDocument(ProgramView, AccessMixin, View):
    def get(self, request, pk):
        program = program_for(request.user, pk)
        return serve(program.document, program.document_name)


class TemplateView:
    model = ProgramTemplate
    org_field = selectors.TEMPLATE_ORG
    coordinator_edits = True

    def get_queryset(self):
        return selectors.templates_for(self.request.user)

    def get_breadcrumbs(self):
        program = self.object.program
        return (PROGRAMS, (str(program), program.get_absolute_url()))


class TemplateDetail(TemplateView, ScopedDetailView):
    template_name = "banks/template_detail.html"


class TemplateCreate(TemplateView, ScopedCreateView):
    form_class = TemplateForm
    title = _("Новый шаблон персонализированной программы")
    success_message = _("Шаблон сохранён.")

    def program(self) -> MentoringProgram:
        return program_for(self.request.user, self.kwargs["program_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = ProgramTemplate(program=self.program())
        return kwargs

    def get_breadcrumbs(self):
        program = self.program()
        return (PROGRAMS, (str(program), program.get_absolute_url()))


class TemplateUpdate(TemplateView, ScopedUpdateView):
    form_class = TemplateForm
    title = _("Изменение шаблона")
    success_message = _("Шаблон сохранён.")


class TemplateDelete(TemplateView, RecordDeleteView):
    title = _("Удаление шаблона")
    success_message = _("Шаблон удалён.")
    question = _("Шаблон будет удалён; программы пар, уже созданные по нему, останутся как есть.")

    def get_record(self):
        return get_object_or_404(selectors.templates_for(self.request.user), pk=self.kwargs["pk"])

    def act(self, template, form):
        program = template.program
        template.delete()
        return program.get_absolute_url()

    def get_breadcrumbs(self):
        program = self.record().program
        return (PROGRAMS, (str(program), program.get_absolute_url()))


class ApplyTemplate(RecordActionView):
    """«Создать программу пары из шаблона»: the pair is reached through the user's scoped pairs."""

    coordinator_edits = True
    form_class = ApplyTemplateForm
    template_name = "banks/apply_template.html"
    title = _("Программа пары из шаблона")
    submit_label = _("Создать программу пары из шаблона")
    success_message = _("Программа пары создана из шаблона; её можно править в реестре.")

    def get_record(self):
        return get_object_or_404(pairs_for(self.request.user), pk=self.kwargs["pk"])

    def allowed(self, pair) -> bool:
        return access.may_edit(
            self.request.user, coordinator_edits=True, organization_id=pair.organization_id
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "templates": selectors.templates_for(self.request.user)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pair = self.record()
        program = getattr(pair, "program", None) if hasattr(pair, "program") else None
        context["existing"] = program.activities.count() if program else 0
        return context

    def act(self, pair, form):
        if pair.is_closed:
            raise ValidationError(closed_message())
        services.apply_template(
            form.cleaned_data["template"], pair, self.request.user, replace=form.cleaned_data["replace"]
        )
        return pair.get_absolute_url()

    def get_breadcrumbs(self):
        pair = self.record()
        return ((_("Пары и группы"), reverse("registry:pair_list")), (pair.heading, pair.get_absolute_url()))


urlpatterns = [
    path("programs/", ProgramList.as_view(), name="program_list"),
    path("programs/export/", ProgramList.as_view(export=True), name="program_export"),
    path("programs/new/", ProgramCreate.as_view(), name="program_create"),
    path("programs/<int:pk>/", ProgramDetail.as_view(), name="program_detail"),
    path("programs/<int:pk>/edit/", ProgramUpdate.as_view(), name="program_update"),
    path("programs/<int:pk>/delete/", ProgramDelete.as_view(), name="program_delete"),
    path("programs/<int:pk>/document/", ProgramDocument.as_view(), name="program_document"),
    path("programs/<int:program_pk>/templates/new/", TemplateCreate.as_view(), name="template_create"),
    path("templates/<int:pk>/", TemplateDetail.as_view(), name="template_detail"),
    path("templates/<int:pk>/edit/", TemplateUpdate.as_view(), name="template_update"),
    path("templates/<int:pk>/delete/", TemplateDelete.as_view(), name="template_delete"),
    path("pairs/<int:pk>/apply-template/", ApplyTemplate.as_view(), name="apply_template"),
]
