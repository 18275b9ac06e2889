"""Website checks: the checklist, rounds with their district summary and XLSX, each organisation's
results, the automatic checker's button and the methodologist's confirmation."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import View

from core import access
from core.columns import Column
from core.exporters import XlsxTable
from core.forms import CrispyForm
from core.generic import (
    AccessMixin,
    RecordActionView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
    paginated,
)
from websites import selectors, services
from websites.filters import CheckFilter, ChecklistFilter, RoundFilter
from websites.forms import ChecklistItemForm, CheckRoundForm, ResultsForm
from websites.models import ChecklistItem, CheckRound, WebsiteCheck

ROUNDS = (_("Проверка сайтов"), reverse_lazy("websites:round_list"))
CHECKS = (_("Проверка сайта"), reverse_lazy("websites:check_list"))
CHECKLIST = (_("Что должно быть на сайте"), reverse_lazy("websites:checklist_list"))


class ChecklistView:
    model = ChecklistItem
    org_field = None
    breadcrumbs = (CHECKLIST,)

    def get_queryset(self):
        return selectors.checklist_for(self.request.user)


class ChecklistList(ChecklistView, ScopedListView):
    title = _("Что должно быть на сайте организации")
    breadcrumbs = (ROUNDS,)
    filterset_class = ChecklistFilter
    export_name = "пункты-проверки-сайта"
    create_url_name = "websites:checklist_create"
    export_url_name = "websites:checklist_export"
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


class RoundView:
    region_reads = True  # figures and reports, no personal data
    district_only = True
    model = CheckRound
    org_field = None
    breadcrumbs = (ROUNDS,)

    def get_queryset(self):
        return selectors.rounds_for(self.request.user)


class RoundList(RoundView, ScopedListView):
    title = _("Проверка сайтов")
    breadcrumbs = ()
    filterset_class = RoundFilter
    template_name = "websites/round_list.html"
    export_name = "проверки-сайтов"
    create_url_name = "websites:round_create"
    export_url_name = "websites:round_list_export"
    columns = (
        Column(_("Название"), "title", link=True),
        Column(_("Срок"), "deadline"),
        Column(_("Организаций"), "organizations"),
        Column(_("Проверено"), "checked"),
    )


class RoundDetail(RoundView, ScopedDetailView):
    template_name = "websites/round_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summary = selectors.round_summary(self.object, self.request.user)
        context.update(summary)
        context.update(paginated(self.request, summary["checks"], "checks"))
        context["edit_url"] = "websites:round_update"
        context["progress_url"] = progress_url(self.request.user, self.object.pk)
        return context


class RoundExport(RoundView, AccessMixin, View):
    """The round's table as XLSX: organisation, section, found items and a column per checklist item."""

    def get(self, request, pk):
        round_ = get_object_or_404(self.get_queryset(), pk=pk)
        headers, rows = selectors.round_table(round_, request.user)
        return XlsxTable("проверка-сайтов", str(round_), headers, rows).response()


class RoundProgress(RoundView, AccessMixin, View):
    """How the automatic checks of a round stand, asked every two seconds by static/js/checks.js:
    ?ids= the checks shown on the asking page."""

    def get(self, request, pk):
        round_ = get_object_or_404(self.get_queryset(), pk=pk)
        ids = [int(pk) for pk in request.GET.get("ids", "").split(",") if pk.isdigit()]
        progress = selectors.round_progress(round_, request.user, ids)
        text = render_to_string("websites/includes/progress_text.html", {"progress": progress}).strip()
        return JsonResponse({**progress, "text": text})


class RoundRun(RoundView, RecordActionView):
    form_class = CrispyForm
    title = _("Проверить все сайты автоматически")
    question = _(
        "Программа по очереди откроет сайт каждой организации проверки, найдёт раздел «Наставничество» и "
        "предложит, какие пункты на нём есть. Ход проверки виден на странице проверки; подтверждённые вами "
        "результаты не меняются."
    )

    def get_record(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def act(self, round_, form):
        queued = services.queue_round(round_, user=self.request.user)
        self.success_message = _("Поставлено в очередь сайтов: %(count)d.") % {"count": queued}
        return round_.get_absolute_url()


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
    export_url_name = "websites:check_export"
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
        return super().get_queryset().order_by("-round__deadline", "organization__sort_name", "id")


class CheckDetail(CheckView, ScopedDetailView):
    template_name = "websites/check_detail.html"

    def get_breadcrumbs(self):
        """A district reader came from the round's board; a coordinator from their own list."""
        if not access.reads_everything(self.request.user):
            return self.breadcrumbs
        check_round = self.object.round
        return (ROUNDS, (str(check_round), check_round.get_absolute_url()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = selectors.results_of(self.object)
        context["progress_url"] = progress_url(self.request.user, self.object.round_id)
        return context


def progress_url(user, round_id: int) -> str:
    """Where the pages ask how the automatic checks stand (a round's progress is the district's page)."""
    return reverse("websites:round_progress", args=[round_id]) if access.reads_everything(user) else ""


def check_for(user, pk) -> WebsiteCheck:
    return get_object_or_404(selectors.checks_for(user), pk=pk)


class CheckRun(CheckView, RecordActionView):
    form_class = CrispyForm
    title = _("Проверить сайт автоматически")
    submit_label = _("Проверить сайт")
    question = _(
        "Программа откроет сайт организации, найдёт раздел «Наставничество» и предложит, какие пункты "
        "на нём есть. Предложения останутся отмеченными «автоматически», пока вы их не подтвердите."
    )

    def get_record(self):
        return check_for(self.request.user, self.kwargs["pk"])

    success_message = _(
        "Проверка сайта поставлена в очередь: её итог появится на этой странице через минуту-другую "
        "(обновите страницу). Недоступный сайт пункты не отмечает."
    )

    def act(self, check, form):
        services.queue_check(check, user=self.request.user)
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
