"""Meetings: list, page with agenda and transitions, forms, approval and reopening, protocol, files."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DeleteView, FormView, View

from core import access
from core.columns import Column
from core.files import file_response
from core.forms import ConfirmForm
from core.generic import AccessMixin, ScopedCreateView, ScopedDetailView, ScopedListView, ScopedUpdateView
from directory.models import AcademicYear
from meetings import selectors, services
from meetings.exporters import protocol_document, protocol_docx
from meetings.filters import MeetingFilter
from meetings.forms import AttachmentForm, MeetingForm, TransitionForm
from meetings.models import Meeting

MEETINGS = (_("Заседания"), reverse_lazy("meetings:meeting_list"))


class MeetingView:
    model = Meeting
    org_field = selectors.MEETING_ORG
    breadcrumbs = (MEETINGS,)

    def get_queryset(self):
        return selectors.meetings_for(self.request.user)


class MeetingList(MeetingView, ScopedListView):
    template_name = "meetings/meeting_list.html"
    title = _("Заседания МШН")
    breadcrumbs = ()
    filterset_class = MeetingFilter
    export_name = "заседания"
    create_url_name = "meetings:meeting_create"
    export_url_name = "meetings:meeting_export"
    columns = (
        Column(_("№"), "number", link=True),
        Column(_("Дата"), "date"),
        Column(_("Время"), lambda m: f"{m.time:%H:%M}" if m.time else None),
        Column(_("Учебный год"), "year.title"),
        Column(_("Место"), "where"),
        Column(_("Председатель"), "chair.short_name"),
        Column(_("Секретарь"), "secretary.short_name"),
        Column(_("Присутствовало"), "present_count"),
        Column(_("Состояние"), "get_status_display"),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.chosen_year()
        district_id = access.district_of(self.request.user)
        context["two_meetings"] = (
            selectors.two_meetings_status(year, timezone.localdate(), district_id) if year else None
        )
        return context

    def chosen_year(self) -> AcademicYear | None:
        """The year picked in the filter, else the current one: the one the warning speaks of."""
        form = self.filterset.form
        if form.is_valid() and form.cleaned_data.get("year"):
            return form.cleaned_data["year"]
        return AcademicYear.objects.current()


class MeetingDetail(MeetingView, ScopedDetailView):
    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        return selectors.meeting_for_page(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        context["agenda"] = list(meeting.agenda.all())
        context["present"] = list(meeting.present.all())
        context["transitions"] = list(meeting.transitions.select_related("by"))
        context["attachments"] = list(meeting.attachments.all())
        context["agenda_history"] = selectors.agenda_history(meeting)
        context["approval_errors"] = [] if meeting.is_approved else services.approval_errors(meeting)
        context["attachment_form"] = AttachmentForm(meeting=self.object) if context["may_edit"] else None
        return context


class MeetingFormMixin(MeetingView):
    form_class = MeetingForm
    template_name = "meetings/meeting_form.html"
    success_message = _("Заседание сохранено.")

    def get_success_url(self):
        return self.object.get_absolute_url()


class MeetingCreate(MeetingFormMixin, ScopedCreateView):
    title = _("Новое заседание")

    def get_initial(self):
        return {"year": AcademicYear.objects.current()}

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:  # the number was taken meanwhile
            form.add_error(None, error)
            return self.form_invalid(form)


class MeetingUpdate(MeetingFormMixin, ScopedUpdateView):
    title = _("Изменение заседания")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_approved:
            return self.closed_response()
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.is_approved:
            return self.closed_response(status=409)
        return super().post(request, *args, **kwargs)

    def closed_response(self, status: int = 200):
        context = self.get_context_data(form=None, closed_message=services.closed_message())
        return self.render_to_response(context, status=status)


class MeetingDelete(MeetingView, AccessMixin, DeleteView):
    """A draft may be deleted; its number is not given again."""

    writes = True
    template_name = "meetings/meeting_delete.html"
    title = _("Удаление заседания")
    success_url = reverse_lazy("meetings:meeting_list")

    def form_valid(self, form):
        if self.object.is_approved:
            messages.error(self.request, services.closed_message())
            return redirect(self.object.get_absolute_url())
        self.object.delete()
        messages.success(self.request, _("Заседание удалено. Его номер больше не присваивается."))
        return redirect(self.success_url)


class MeetingActionView(MeetingView, AccessMixin, FormView):
    """A write on one meeting, reached through the user's scoped meetings."""

    writes = True

    def get_meeting(self) -> Meeting:
        if not hasattr(self, "_meeting"):
            queryset = selectors.meeting_for_page(self.request.user)
            self._meeting = get_object_or_404(queryset, pk=self.kwargs["pk"])
        return self._meeting

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meeting"] = self.get_meeting()
        return context

    def get_breadcrumbs(self):
        meeting = self.get_meeting()
        return (MEETINGS, (str(meeting), meeting.get_absolute_url()))


class MeetingTransitionView(MeetingActionView):
    """Approves or reopens a meeting, recording who, when and why."""

    form_class = TransitionForm
    template_name = "meetings/meeting_transition.html"
    reason_required = True
    submit_label = ""
    done_message = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "reason_required": self.reason_required, "submit_label": self.submit_label}

    def form_valid(self, form):
        meeting = self.get_meeting()
        try:
            self.move(meeting, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message)
        return redirect(meeting.get_absolute_url())


class MeetingInvite(MeetingActionView):
    """E-mails the meeting's participants an invitation: date, time, place or link, the agenda."""

    form_class = ConfirmForm
    template_name = "core/confirm.html"
    title = _("Разослать приглашения на заседание")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "submit_label": _("Разослать приглашения")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.get_meeting()
        context["question"] = _("Приглашение получат участники заседания, у которых в реестре есть e-mail.")
        return context

    def form_valid(self, form):
        meeting = self.get_meeting()
        try:
            count = services.invite_to_meeting(meeting)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Приглашения поставлены в очередь: %(count)s адресов.") % {"count": count}
        )
        return redirect(meeting.get_absolute_url())


class MeetingApprove(MeetingTransitionView):
    title = _("Утверждение протокола")
    reason_required = False
    submit_label = _("Утвердить протокол")
    done_message = _("Протокол утверждён.")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.get_meeting()
        context["approval_errors"] = [] if meeting.is_approved else services.approval_errors(meeting)
        return context

    def move(self, meeting, reason):
        services.approve_meeting(meeting, user=self.request.user, reason=reason)


class MeetingReopen(MeetingTransitionView):
    title = _("Открытие протокола заново")
    submit_label = _("Открыть заново")
    done_message = _("Протокол открыт заново: заседание снова можно править.")

    def move(self, meeting, reason):
        services.reopen_meeting(meeting, user=self.request.user, reason=reason)


class MeetingProtocol(MeetingView, ScopedDetailView):
    """The protocol as a PDF, or (`document=protocol_docx`) as an editable DOCX."""

    show_history = False
    document = staticmethod(protocol_document)

    def get_queryset(self):
        return selectors.meeting_for_page(self.request.user)

    def render_to_response(self, context, **response_kwargs):
        return self.document(self.object).response()


class AttachmentCreate(MeetingActionView):
    """A file of the meeting (the signed protocol's scan, a presentation); allowed after approval too."""

    form_class = AttachmentForm
    template_name = "core/form.html"
    title = _("Файл к заседанию")

    def form_valid(self, form):
        meeting = self.get_meeting()
        attachment = form.save(commit=False)
        attachment.meeting = meeting
        attachment.original_name = form.cleaned_data["file"].name
        attachment.uploaded_by = self.request.user
        attachment.save()
        messages.success(self.request, _("Файл загружен."))
        return redirect(meeting.get_absolute_url())


class AttachmentDownload(AccessMixin, View):
    def get(self, request, pk):
        attachment = get_object_or_404(selectors.attachments_for(request.user), pk=pk)
        return file_response(attachment.file, attachment.original_name)


class AttachmentDelete(AccessMixin, View):
    """Removes a file of a draft meeting; an approved protocol's files stay."""

    writes = True
    http_method_names = ["post"]

    def post(self, request, pk):
        attachment = get_object_or_404(selectors.attachments_for(request.user), pk=pk)
        meeting = attachment.meeting
        if meeting.is_approved:
            messages.error(request, services.closed_message())
        else:
            attachment.delete()
            messages.success(request, _("Файл удалён."))
        return redirect(meeting.get_absolute_url())


urlpatterns = [
    path("", MeetingList.as_view(), name="meeting_list"),
    path("export/", MeetingList.as_view(export=True), name="meeting_export"),
    path("new/", MeetingCreate.as_view(), name="meeting_create"),
    path("<int:pk>/", MeetingDetail.as_view(), name="meeting_detail"),
    path("<int:pk>/edit/", MeetingUpdate.as_view(), name="meeting_update"),
    path("<int:pk>/delete/", MeetingDelete.as_view(), name="meeting_delete"),
    path("<int:pk>/approve/", MeetingApprove.as_view(), name="meeting_approve"),
    path("<int:pk>/invite/", MeetingInvite.as_view(), name="meeting_invite"),
    path("<int:pk>/reopen/", MeetingReopen.as_view(), name="meeting_reopen"),
    path("<int:pk>/protocol.pdf", MeetingProtocol.as_view(), name="meeting_protocol"),
    path(
        "<int:pk>/protocol.docx",
        MeetingProtocol.as_view(document=protocol_docx),
        name="meeting_protocol_docx",
    ),
    path("<int:pk>/files/new/", AttachmentCreate.as_view(), name="attachment_create"),
    path("files/<int:pk>/", AttachmentDownload.as_view(), name="attachment_download"),
    path("files/<int:pk>/delete/", AttachmentDelete.as_view(), name="attachment_delete"),
]
