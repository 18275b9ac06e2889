"""Website checks: the checklist, rounds with their district summary and XLSX, each organisation's
results, the automatic checker's button and the methodologist's confirmation."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from core.columns import Column
from core.generic import (
    AccessMixin,
    RecordActionView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)
from reports.exporters import XlsxTable
from submissions import selectors, services
from submissions.filters import CheckFilter
from submissions.forms import ChecklistItemForm, CheckRoundForm, CommentForm, ResultsForm
from submissions.models import ChecklistItem, CheckRound, WebsiteCheck
from submissions.views.common import (
    CHECKLIST,
    CHECKS,
    ROUNDS,
    DistrictReaderMixin,
    paginated,
)


class ChecklistView:
    model = ChecklistItem
    org_field = None
    breadcrumbs = (CHECKLIST,)

    def get_queryset(self):
        return selectors.checklist_for(self.request.user)


class ChecklistList(ChecklistView, ScopedListView):
    title = _("Что должно быть на сайте организации")
    breadcrumbs = (ROUNDS,)
    export_name = "пункты-проверки-сайта"
    create_url_name = "submissions:checklist_create"
    export_url_name = "submissions:checklist_export"
    columns = (
        Column(_("№"), "position"),
        Column(_("Пункт"), "title"),
        Column(_("Ключевые слова"), "keywords"),
        Column(_("Сам раздел"), "is_section"),
        Column(_("Проверяется"), "is_active"),
    )

    def get_columns(self):
        if not self.may_edit():
            return self.columns
        return (Column(_("Пункт"), "title", link=True), *self.columns[:1], *self.columns[2:])


class ChecklistCreate(ChecklistView, ScopedCreateView):
    form_class = ChecklistItemForm
    title = _("Новый пункт проверки сайта")


class ChecklistUpdate(ChecklistView, ScopedUpdateView):
    form_class = ChecklistItemForm
    title = _("Изменение пункта проверки сайта")


class RoundView(DistrictReaderMixin):
    model = CheckRound
    org_field = None
    breadcrumbs = (ROUNDS,)

    def get_queryset(self):
        return selectors.rounds_for(self.request.user)


class RoundList(RoundView, ScopedListView):
    title = _("Проверка сайтов")
    breadcrumbs = ()
    template_name = "submissions/round_list.html"
    export_name = "проверки-сайтов"
    create_url_name = "submissions:round_create"
    export_url_name = "submissions:round_list_export"
    columns = (
        Column(_("Название"), "title", link=True),
        Column(_("Срок"), "deadline"),
        Column(_("Организаций"), "organizations"),
        Column(_("Проверено"), "checked"),
    )


class RoundDetail(RoundView, ScopedDetailView):
    template_name = "submissions/round_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summary = selectors.round_summary(self.object, self.request.user)
        context.update(summary)
        context.update(paginated(self.request, summary["checks"], "checks"))
        context["edit_url"] = "submissions:round_update"
        return context


class RoundExport(RoundView, AccessMixin, View):
    """The round's table as XLSX: organisation, section, found items and a column per checklist item."""

    def get(self, request, pk):
        round_ = get_object_or_404(self.get_queryset(), pk=pk)
        headers, rows = selectors.round_table(round_, request.user)
        return XlsxTable("проверка-сайтов", str(round_), headers, rows).response()


class RoundCreate(RoundView, ScopedCreateView):
    form_class = CheckRoundForm
    title = _("Новая проверка сайтов")
    success_message = _("Проверка создана: в неё включены все действующие организации.")


class RoundUpdate(RoundView, ScopedUpdateView):
    form_class = CheckRoundForm
    title = _("Изменение проверки сайтов")


class CheckView:
    model = WebsiteCheck
    org_field = selectors.CHECK_ORG
    breadcrumbs = (CHECKS,)

    def get_queryset(self):
        return selectors.checks_for(self.request.user)


class CheckList(CheckView, ScopedListView):
    title = _("Проверка сайта")
    breadcrumbs = ()
    filterset_class = CheckFilter
    export_name = "проверка-сайта"
    export_url_name = "submissions:check_export"
    columns = (
        Column(_("Организация"), "organization.short_name", link=True),
        Column(_("Проверка"), "round.title"),
        Column(_("Срок"), "round.deadline"),
        Column(_("Раздел «Наставничество»"), "section_url"),
        Column(_("Найдено пунктов"), "found"),
        Column(_("Не подтверждено (автоматически)"), "automatic"),
        Column(_("Проверено"), "checked_at"),
    )

    def get_queryset(self):
        return super().get_queryset().order_by("-round__deadline", "organization__short_name", "id")


class CheckDetail(CheckView, ScopedDetailView):
    template_name = "submissions/check_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = selectors.results_of(self.object)
        return context


def check_for(user, pk) -> WebsiteCheck:
    return get_object_or_404(selectors.checks_for(user), pk=pk)


class CheckRun(CheckView, RecordActionView):
    form_class = CommentForm
    title = _("Проверить сайт автоматически")
    submit_label = _("Проверить сайт")
    question = _(
        "Программа откроет сайт организации, найдёт раздел «Наставничество» и предложит, какие пункты "
        "на нём есть. Предложения останутся отмеченными «автоматически», пока вы их не подтвердите."
    )

    def get_record(self):
        return check_for(self.request.user, self.kwargs["pk"])

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        del form.fields["comment"]
        return form

    def act(self, check, form):
        outcome = services.run_check(check, user=self.request.user)
        self.success_message = outcome.message
        return check.get_absolute_url()


class CheckConfirm(CheckView, RecordActionView):
    form_class = ResultsForm
    title = _("Подтвердить результаты проверки сайта")
    success_message = _("Результаты подтверждены.")

    def get_record(self):
        return check_for(self.request.user, self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("submit_label")
        return {**kwargs, "rows": selectors.results_of(self.record())}

    def act(self, check, form):
        services.confirm_results(check, form.answers(), user=self.request.user)
        return check.get_absolute_url()


urlpatterns = [
    path("checklist/", ChecklistList.as_view(), name="checklist_list"),
    path("checklist/export/", ChecklistList.as_view(export=True), name="checklist_export"),
    path("checklist/new/", ChecklistCreate.as_view(), name="checklist_create"),
    path("checklist/<int:pk>/edit/", ChecklistUpdate.as_view(), name="checklist_update"),
    path("rounds/", RoundList.as_view(), name="round_list"),
    path("rounds/export/", RoundList.as_view(export=True), name="round_list_export"),
    path("rounds/new/", RoundCreate.as_view(), name="round_create"),
    path("rounds/<int:pk>/", RoundDetail.as_view(), name="round_detail"),
    path("rounds/<int:pk>/edit/", RoundUpdate.as_view(), name="round_update"),
    path("rounds/<int:pk>/export/", RoundExport.as_view(), name="round_export"),
    path("sites/", CheckList.as_view(), name="check_list"),
    path("sites/export/", CheckList.as_view(export=True), name="check_export"),
    path("sites/<int:pk>/", CheckDetail.as_view(), name="check_detail"),
    path("sites/<int:pk>/run/", CheckRun.as_view(), name="check_run"),
    path("sites/<int:pk>/confirm/", CheckConfirm.as_view(), name="check_confirm"),
]
