"""Coordinators nominate their people for an event; the methodologist confirms or declines each nomination."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _now
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from core import access
from core.columns import Column
from core.forms import ConfirmForm
from core.generic import AccessMixin, RecordActionView, ScopedListView
from events import selectors, services
from events.filters import NominationFilter
from events.forms import DecisionForm, NominateForm
from events.models import Event, Nomination
from events.views.common import EVENTS

NOMINATIONS = (_("Заявки ОО на мероприятия"), reverse_lazy("events:nomination_list"))


class NominationList(ScopedListView):
    """Every nomination the user reads: the methodologist and the department all, a coordinator their own."""

    model = Nomination
    org_field = selectors.NOMINATION_ORG
    title = _("Заявки ОО на мероприятия")
    filterset_class = NominationFilter
    export_name = "заявки_на_мероприятия"
    export_url_name = "events:nomination_export"
    breadcrumbs = (EVENTS,)
    columns = (
        Column(_("Мероприятие"), "event.title", link=True),
        Column(_("Дата"), "event.starts_on"),
        Column(_("ФИО"), "person.full_name"),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Выдвинут"), "nominated_at"),
        Column(_("Состояние"), "get_status_display"),
        Column(_("Причина / комментарий"), "reason"),
    )

    def get_queryset(self):
        return selectors.nominations_for(self.request.user)


class EventNominationsView(AccessMixin):
    """A page about one event (found among those the user reads) and its nominations."""

    def event(self) -> Event:
        if not hasattr(self, "_event"):
            events = access.scope(self.request.user, Event.objects.select_related("year"), None)
            self._event = get_object_or_404(events, pk=self.kwargs["pk"])
        return self._event

    def nominations_url(self) -> str:
        return reverse("events:event_nominations", args=[self.event().pk])

    def get_breadcrumbs(self):
        event = self.event()
        return (EVENTS, (str(event.title), event.get_absolute_url()))


class EventNominations(EventNominationsView, FormView):
    """The event's nominations: a coordinator sees their own and the decisions on them; the methodologist
    sees every organisation's and decides on the ticked ones (`NominationsConfirm`, `NominationsDecline`)."""

    template_name = "events/event_nominations.html"
    form_class = DecisionForm

    def get_form(self, form_class=None):
        return super().get_form(form_class) if access.is_methodist(self.request.user) else None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event, user = self.event(), self.request.user
        form = context.get("form")
        context.update(
            title=_now("Заявки на участие: %(title)s") % {"title": event.title},
            event=event,
            nominations=selectors.event_nominations(user, event),
            counts=selectors.nomination_counts(user, event),
            checked=form.checked() if form is not None else set(),
            may_nominate=access.is_coordinator(user) and event.takes_nominations_on(timezone.localdate()),
            may_decide=form is not None,
            may_withdraw=access.is_coordinator(user),
        )
        return context


class NominationDecision(EventNominations):
    """The methodologist's decision on the ticked nominations; a refused one re-shows the page, filled."""

    writes = True
    http_method_names = ["post"]
    decide = None
    done = ""

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            count = type(self).decide(
                data["nominations"], user=self.request.user, reason=data["reason"], notify=data["notify"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, str(self.done) % {"count": count})
        return redirect(self.nominations_url())

    def form_invalid(self, form):
        messages.error(self.request, _now("Решение не принято: исправьте отмеченное."))
        return super().form_invalid(form)


class NominationsConfirm(NominationDecision):
    decide = staticmethod(services.confirm_nominations)
    done = _("Подтверждено заявок: %(count)s. Подтверждённые внесены в участники мероприятия.")


class NominationsDecline(NominationDecision):
    decide = staticmethod(services.decline_nominations)
    done = _("Отклонено заявок: %(count)s.")


class Nominate(EventNominationsView, FormView):
    """A coordinator puts their organisation's people forward, several at once, while registration is open."""

    writes = True
    coordinator_edits = True
    form_class = NominateForm
    template_name = "events/nominate.html"

    def may_edit(self) -> bool:
        return access.is_coordinator(self.request.user)  # the methodologist adds participants directly

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event()
        context["title"] = _now("Выдвинуть участников: %(title)s") % {"title": event.title}
        if not event.takes_nominations_on(timezone.localdate()):
            context["form_note"] = services.closed_message(event)
        return context

    def form_valid(self, form):
        try:
            made = services.nominate(self.event(), form.cleaned_data["people"], user=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _now("Выдвинуто: %(count)s. Решение примет руководитель МШН.") % {"count": len(made)},
        )
        return redirect(self.nominations_url())

    def form_invalid(self, form):
        messages.error(self.request, _now("Заявка не отправлена: исправьте отмеченные поля."))
        return super().form_invalid(form)


class NominationWithdraw(RecordActionView):
    """The coordinator takes back a nomination not yet decided on (another organisation's is not found)."""

    coordinator_edits = True
    form_class = ConfirmForm
    title = _("Отзыв заявки")
    submit_label = _("Отозвать")
    question = _("Заявка будет отозвана: человек не будет рассматриваться как участник мероприятия.")
    success_message = _("Заявка отозвана.")

    def may_edit(self) -> bool:
        return access.is_coordinator(self.request.user)

    def get_record(self):
        nominations = selectors.nominations_for(self.request.user)
        return get_object_or_404(nominations, pk=self.kwargs["pk"])

    def act(self, record, form):
        services.withdraw_nomination(record)
        return reverse("events:event_nominations", args=[record.event_id])

    def get_breadcrumbs(self):
        record = self.record()
        return (
            EVENTS,
            (str(record.event.title), reverse("events:event_nominations", args=[record.event_id])),
        )


urlpatterns = [
    path("nominations/", NominationList.as_view(), name="nomination_list"),
    path("nominations/export/", NominationList.as_view(export=True), name="nomination_export"),
    path("nominations/<int:pk>/withdraw/", NominationWithdraw.as_view(), name="nomination_withdraw"),
    path("<int:pk>/nominations/", EventNominations.as_view(), name="event_nominations"),
    path("<int:pk>/nominations/new/", Nominate.as_view(), name="nominate"),
    path("<int:pk>/nominations/confirm/", NominationsConfirm.as_view(), name="nominations_confirm"),
    path("<int:pk>/nominations/decline/", NominationsDecline.as_view(), name="nominations_decline"),
]
