"""Events of the school: seminars, contests, internships, consultations, with participants and materials."""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import access
from core.columns import Column
from core.generic import (
    RecordDeleteView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)
from core.history import merged, row_history
from events import selectors
from events.filters import EventFilter
from events.forms import EventForm
from events.models import Event, EventMaterial, Participation
from events.views.common import EVENTS, download_name, stored_file


class EventView:
    model = Event
    breadcrumbs = (EVENTS,)

    def get_queryset(self):
        return selectors.events_for(self.request.user)


class EventList(EventView, ScopedListView):
    title = _("Мероприятия")
    breadcrumbs = ()
    filterset_class = EventFilter
    export_name = "мероприятия"
    create_url_name = "events:event_create"
    export_url_name = "events:event_export"
    columns = (
        Column(_("Дата начала"), "starts_on"),
        Column(_("Дата окончания"), "ends_on"),
        Column(_("Название"), "title", link=True),
        Column(_("Вид"), "get_kind_display"),
        Column(_("Учебный год"), "year.title"),
        Column(_("Организатор"), "organizer_name"),
        Column(_("Место"), "where"),
        Column(_("Участников"), "participant_count"),
        Column(_("Победителей и призёров"), "awarded_count"),
    )


class EventDetail(EventView, ScopedDetailView):
    template_name = "events/event_detail.html"

    def get_queryset(self):
        return selectors.event_with_details(super().get_queryset())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["participants"] = selectors.participant_rows(self.request.user, self.object)
        context["materials"] = list(self.object.materials.all())
        context.update(nomination_context(self.request.user, self.object))
        if access.reads_everything(self.request.user):  # a coordinator sees only their own people's names
            rows = row_history(Participation, "event", self.object.pk, "person", _("Участник"))
            context["history"] = merged(context["history"], rows)
        return context


def nomination_context(user, event: Event) -> dict:
    """What the event's page says about nominations: counts in the user's scope, and whether they may nominate."""
    takes = event.takes_nominations_on(timezone.localdate())
    return {
        "nomination_counts": selectors.nomination_counts(user, event),
        "takes_nominations": takes,
        "may_nominate": takes and access.is_coordinator(user),
        "reads_all": access.reads_everything(user),
    }


class EventFormView(EventView):
    form_class = EventForm
    template_name = "events/event_form.html"
    success_message = _("Мероприятие сохранено.")

    def form_valid(self, form):
        with transaction.atomic():
            return super().form_valid(form)


class EventCreate(EventFormView, ScopedCreateView):
    title = _("Новое мероприятие")


class EventUpdate(EventFormView, ScopedUpdateView):
    title = _("Изменение мероприятия")

    def get_queryset(self):
        return selectors.event_with_details(super().get_queryset())


class MaterialFile(ScopedDetailView):
    """A material's file, served after the same scope check as its event."""

    model = EventMaterial
    show_history = False

    def base_queryset(self):
        return EventMaterial.objects.exclude(file="")

    def render_to_response(self, context, **response_kwargs):
        material = self.object
        return stored_file(material.file, download_name(material.file_name, material.title, material.file))


class EventDelete(EventView, RecordDeleteView):
    title = _("Удаление мероприятия")
    success_message = _("Мероприятие удалено вместе с участниками и материалами.")
    question = _("Мероприятие, список его участников и файлы материалов будут удалены безвозвратно.")
    success_url = reverse_lazy("events:event_list")

    def get_record(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


urlpatterns = [
    path("", EventList.as_view(), name="event_list"),
    path("export/", EventList.as_view(export=True), name="event_export"),
    path("new/", EventCreate.as_view(), name="event_create"),
    path("<int:pk>/", EventDetail.as_view(), name="event_detail"),
    path("<int:pk>/edit/", EventUpdate.as_view(), name="event_update"),
    path("<int:pk>/delete/", EventDelete.as_view(), name="event_delete"),
    path("materials/<int:pk>/file/", MaterialFile.as_view(), name="material_file"),
]
