"""The bank of practices: a coordinator drafts and submits, the methodologist returns or publishes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from banks import selectors, services
from banks.filters import PracticeFilter
from banks.forms import PracticeForm
from banks.models import Practice, PracticeFile, PracticeStatus
from banks.views.common import PRACTICES, serve
from core import access
from core.columns import Column
from core.generic import (
    AccessMixin,
    RecordDeleteView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
    StepView,
)
from core.workflow import Button, offered


def practice_for(user, pk) -> Practice:
    return get_object_or_404(selectors.practices_for(user), pk=pk)


class PracticeView:
    model = Practice
    org_field = selectors.PRACTICE_ORG
    coordinator_edits = True
    breadcrumbs = (PRACTICES,)

    def get_queryset(self):
        # practices_for is already the user's scope: their organisation's, and every published one.
        return selectors.practices_for(self.request.user)


class PracticeList(PracticeView, ScopedListView):
    title = _("Банк наставнических практик")
    breadcrumbs = ()
    filterset_class = PracticeFilter
    export_name = "практики"
    create_url_name = "banks:practice_create"
    export_url_name = "banks:practice_export"
    columns = (
        Column(_("Название"), "title", link=True),
        Column(_("Формы наставничества"), "forms"),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Учебный год"), "year.title"),
        Column(_("Целевая аудитория"), "audience"),
        Column(_("Метки"), "tags"),
        Column(_("Состояние"), "get_status_display"),
        Column(_("Лучшая практика"), "is_best"),
        Column(_("Файлов"), lambda p: len(p.files.all())),
    )

    def get_columns(self):
        user = self.request.user
        authors = Column(_("Авторы"), lambda p: selectors.authors_for(user, p))
        return (*self.columns[:4], authors, *self.columns[4:])


class PracticeDetail(PracticeView, ScopedDetailView):
    template_name = "banks/practice_detail.html"

    def may_edit(self) -> bool:
        practice = getattr(self, "object", None)
        return practice is not None and selectors.may_edit_practice(self.request.user, practice)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        practice, user = self.object, self.request.user
        context["transitions"] = list(practice.transitions.select_related("by"))
        context["reads_authors"] = (
            access.reads_everything(user) or practice.organization_id == user.organization_id
        )
        context["authors"] = selectors.authors_for(user, practice)
        if not context["reads_authors"]:
            # Another organisation's history names its authors and editors: not for this reader.
            context["history"] = None
        context["last_return"] = next(
            (t for t in reversed(context["transitions"]) if t.to_status == PracticeStatus.RETURNED), None
        )
        context["may_submit"] = may_submit(user, practice)
        context["workflow_buttons"] = offered(REVIEW_BUTTONS, practice) if access.is_methodist(user) else []
        return context


# The methodologist's steps on a practice's page, in this order; each shows where its state allows it.
REVIEW_BUTTONS = (
    Button(services.PUBLISH, "banks:practice_publish", _("Опубликовать"), "success"),
    Button(services.RETURN, "banks:practice_return", _("Вернуть на доработку"), "outline-danger",
           when=lambda practice: practice.status == PracticeStatus.REVIEW),
    Button(services.MARK_BEST, "banks:practice_mark_best", _("Отметить как лучшую"), "outline-success",
           when=lambda practice: not practice.is_best),
    Button(services.MARK_BEST, "banks:practice_unmark_best", _("Снять отметку «лучшая»"), "outline-secondary",
           when=lambda practice: practice.is_best),
    Button(services.RETURN, "banks:practice_return", _("Снять с публикации и вернуть"), "outline-danger",
           when=lambda practice: practice.status == PracticeStatus.PUBLISHED),
)  # fmt: skip


class PracticeCreate(PracticeView, ScopedCreateView):
    form_class = PracticeForm
    template_name = "banks/practice_form.html"
    title = _("Новая практика")
    success_message = _("Практика сохранена как черновик.")


class EditablePractice(PracticeView):
    def get_object(self, queryset=None):
        practice = super().get_object(queryset)
        if not selectors.may_edit_practice(self.request.user, practice):
            raise PermissionDenied
        return practice


class PracticeUpdate(EditablePractice, ScopedUpdateView):
    form_class = PracticeForm
    template_name = "banks/practice_form.html"
    title = _("Изменение практики")
    success_message = _("Практика сохранена.")


class PracticeAction(PracticeView, StepView):
    """One step of the review workflow, with its comment."""

    required_message = _("Напишите, что нужно исправить: комментарий увидит куратор.")

    def get_record(self):
        return practice_for(self.request.user, self.kwargs["pk"])


class PracticeSubmit(PracticeAction):
    title = _("Отправить практику на рассмотрение")
    submit_label = _("Отправить на рассмотрение")
    success_message = _("Практика отправлена на рассмотрение.")
    question = _("Методист рассмотрит практику и опубликует её или вернёт с комментарием.")

    def allowed(self, practice) -> bool:
        return may_submit(self.request.user, practice)

    def step(self, practice, **kwargs):
        services.submit_practice(practice, **kwargs)


def may_submit(user, practice) -> bool:
    """A coordinator sends for review; the methodologist reviews, so she publishes instead of sending."""
    return (
        not access.is_methodist(user)
        and services.SUBMIT.allows(practice)
        and selectors.may_edit_practice(user, practice)
    )


class PracticeReturn(PracticeAction):
    coordinator_edits = False  # the methodologist's step
    title = _("Вернуть практику на доработку")
    submit_label = _("Вернуть на доработку")
    success_message = _("Практика возвращена куратору с комментарием.")
    question = _("Куратор увидит комментарий на странице практики, исправит её и отправит снова.")
    comment_required = True

    def step(self, practice, **kwargs):
        services.return_practice(practice, **kwargs)


class PracticePublish(PracticeAction):
    coordinator_edits = False  # the methodologist's step
    title = _("Опубликовать практику")
    submit_label = _("Опубликовать")
    success_message = _("Практика опубликована: она видна в банке и на открытой витрине.")
    question = _("Опубликованная практика видна всем, в том числе на открытой витрине без входа.")

    def step(self, practice, **kwargs):
        services.publish_practice(practice, **kwargs)


class PracticeMarkBest(PracticeAction):
    coordinator_edits = False  # the methodologist's step
    title = _("Отметить как лучшую практику")
    submit_label = _("Отметить как лучшую")
    success_message = _("Практика отмечена как лучшая.")

    def step(self, practice, **kwargs):
        services.mark_best(practice, best=True, **kwargs)


class PracticeUnmarkBest(PracticeAction):
    coordinator_edits = False  # the methodologist's step
    title = _("Снять отметку «лучшая практика»")
    submit_label = _("Снять отметку")
    success_message = _("Отметка «лучшая практика» снята.")

    def step(self, practice, **kwargs):
        services.mark_best(practice, best=False, **kwargs)


class PracticeDelete(PracticeView, RecordDeleteView):
    title = _("Удаление практики")
    success_message = _("Практика удалена вместе с её файлами.")
    question = _("Практика, её файлы и журнал рассмотрения будут удалены безвозвратно.")

    def get_record(self):
        return practice_for(self.request.user, self.kwargs["pk"])

    def allowed(self, practice) -> bool:
        return selectors.may_edit_practice(self.request.user, practice)

    def act(self, practice, form):
        practice.delete()
        return reverse("banks:practice_list")


def practice_file_for(user, pk) -> PracticeFile:
    practices = selectors.practices_for(user)
    return get_object_or_404(PracticeFile.objects.select_related("practice"), pk=pk, practice__in=practices)


class PracticeFileDownload(PracticeView, AccessMixin, View):
    """A practice's file, for whoever may see the practice."""

    def get(self, request, pk):
        attachment = practice_file_for(request.user, pk)
        return serve(attachment.file, attachment.name)


class PracticeFileDelete(PracticeView, RecordDeleteView):
    title = _("Удаление файла практики")
    success_message = _("Файл удалён.")
    question = _("Файл будет удалён из практики и из хранилища.")

    def get_record(self):
        return practice_file_for(self.request.user, self.kwargs["pk"])

    def allowed(self, attachment) -> bool:
        return selectors.may_edit_practice(self.request.user, attachment.practice)

    def act(self, attachment, form):
        attachment.delete()
        return attachment.practice.get_absolute_url()

    def get_breadcrumbs(self):
        practice = self.record().practice
        return (*self.breadcrumbs, (str(practice), practice.get_absolute_url()))


urlpatterns = [
    path("practices/", PracticeList.as_view(), name="practice_list"),
    path("practices/export/", PracticeList.as_view(export=True), name="practice_export"),
    path("practices/new/", PracticeCreate.as_view(), name="practice_create"),
    path("practices/<int:pk>/", PracticeDetail.as_view(), name="practice_detail"),
    path("practices/<int:pk>/edit/", PracticeUpdate.as_view(), name="practice_update"),
    path("practices/<int:pk>/delete/", PracticeDelete.as_view(), name="practice_delete"),
    path("practices/<int:pk>/submit/", PracticeSubmit.as_view(), name="practice_submit"),
    path("practices/<int:pk>/return/", PracticeReturn.as_view(), name="practice_return"),
    path("practices/<int:pk>/publish/", PracticePublish.as_view(), name="practice_publish"),
    path("practices/<int:pk>/best/", PracticeMarkBest.as_view(), name="practice_mark_best"),
    path("practices/<int:pk>/not-best/", PracticeUnmarkBest.as_view(), name="practice_unmark_best"),
    path("practice-files/<int:pk>/", PracticeFileDownload.as_view(), name="practice_file"),
    path("practice-files/<int:pk>/delete/", PracticeFileDelete.as_view(), name="practice_file_delete"),
]
