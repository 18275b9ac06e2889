"""Mentors' training: courses per person, with certificates, counted for the school year."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from core.columns import Column
from core.generic import ScopedCreateView, ScopedDetailView, ScopedFormMixin, ScopedListView, ScopedUpdateView
from events import selectors
from events.filters import TrainingFilter
from events.forms import TrainingForm, TrainingGroupForm
from events.models import Training
from events.views.common import TRAININGS, download_name, stored_file


class TrainingView:
    """A record of a person: a coordinator reads and edits their own organisation's people only."""

    org_field = selectors.TRAINING_ORG
    coordinator_edits = True
    model = Training
    breadcrumbs = (TRAININGS,)

    def get_queryset(self):
        return selectors.trainings_for(self.request.user)


class TrainingList(TrainingView, ScopedListView):
    title = _("Обучение наставников")
    breadcrumbs = ()
    template_name = "events/training_list.html"
    filterset_class = TrainingFilter
    export_name = "обучение_наставников"
    create_url_name = "events:training_create"
    export_url_name = "events:training_export"
    columns = (
        Column(_("ФИО"), "person.full_name", link=True),
        Column(_("Организация"), "person.organization.short_name"),
        Column(_("Курс / программа"), "title"),
        Column(_("Кто проводил"), "provider"),
        Column(_("Часов"), "hours"),
        Column(_("Начало"), "starts_on"),
        Column(_("Окончание"), "ends_on"),
        Column(_("Учебный год"), "year.title"),
        Column(_("Удостоверение"), lambda training: bool(training.certificate)),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["totals"] = selectors.training_totals(self.object_list)
        return context


class TrainingDetail(TrainingView, ScopedDetailView):
    template_name = "events/training_detail.html"


class TrainingFormView(TrainingView):
    form_class = TrainingForm
    success_message = _("Обучение сохранено.")


class TrainingCreate(TrainingFormView, ScopedCreateView):
    title = _("Новое обучение")

    def get_initial(self):
        person = self.request.GET.get("person", "")
        return {"person": person} if person.isdigit() else {}


class TrainingGroupCreate(TrainingView, ScopedFormMixin, FormView):
    """One course for many mentors at once; a coordinator chooses among their own organisation's people."""

    form_class = TrainingGroupForm
    title = _("Курс для нескольких слушателей")

    def form_valid(self, form):
        trainings = form.save()
        messages.success(
            self.request,
            _("Курс «%(title)s» записан слушателям: %(count)s.")
            % {"title": form.cleaned_data["title"], "count": len(trainings)},
        )
        return redirect("events:training_list")


class TrainingUpdate(TrainingFormView, ScopedUpdateView):
    title = _("Изменение обучения")


class TrainingCertificate(TrainingView, ScopedDetailView):
    """The certificate file, served only to those who may read the training."""

    show_history = False

    def get_queryset(self):
        return super().get_queryset().exclude(certificate="")

    def render_to_response(self, context, **response_kwargs):
        training = self.object
        fallback = _("удостоверение_%(name)s") % {"name": training.person.last_name}
        return stored_file(
            training.certificate, download_name(training.certificate_name, fallback, training.certificate)
        )


urlpatterns = [
    path("training/", TrainingList.as_view(), name="training_list"),
    path("training/export/", TrainingList.as_view(export=True), name="training_export"),
    path("training/new/", TrainingCreate.as_view(), name="training_create"),
    path("training/new-group/", TrainingGroupCreate.as_view(), name="training_group_create"),
    path("training/<int:pk>/", TrainingDetail.as_view(), name="training_detail"),
    path("training/<int:pk>/edit/", TrainingUpdate.as_view(), name="training_update"),
    path("training/<int:pk>/certificate/", TrainingCertificate.as_view(), name="training_certificate"),
]
