"""Submissions: a coordinator fills in and sends their organisation's data; the methodologist returns,
accepts or reopens it. A coordinator reaches only their own organisation's submissions (others: 404)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import access
from core.columns import Column
from core.generic import (
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
    StepView,
    redirect_with_message,
)
from core.workflow import Button, offered
from submissions import selectors, services
from submissions.filters import SubmissionFilter
from submissions.forms import DenominatorsForm, ReturnForm, SubmitForm
from submissions.models import Submission, SubmissionStatus
from submissions.views.common import SUBMISSIONS

# The registry pages where an organisation keeps what a campaign asks for (links, not copies).
REGISTRY_PAGES = (
    ("asks_registry", _("Банк наставников"), "registry:mentor_list"),
    ("asks_registry", _("База наставляемых"), "registry:mentee_list"),
    ("asks_pairs", _("Пары и группы с персонализированными программами"), "registry:pair_list"),
    ("asks_young", _("Молодые педагоги"), "registry:young"),
    ("asks_programs", _("Программы наставничества"), "banks:program_list"),
    ("asks_practices", _("Практики"), "banks:practice_list"),
)


def submission_for(user, pk) -> Submission:
    return get_object_or_404(selectors.submissions_for(user), pk=pk)


class SubmissionView:
    model = Submission
    org_field = selectors.SUBMISSION_ORG
    coordinator_edits = True
    breadcrumbs = (SUBMISSIONS,)

    def get_queryset(self):
        return selectors.submissions_for(self.request.user)


class SubmissionList(SubmissionView, ScopedListView):
    breadcrumbs = ()
    template_name = "submissions/submission_list.html"
    filterset_class = SubmissionFilter
    export_name = "отчёты"
    export_url_name = "submissions:submission_export"
    columns = (
        Column(_("Кампания"), "campaign.title", link=True),
        Column(_("Организация"), "organization.short_name"),
        Column(_("Учебный год"), "campaign.year.title"),
        Column(_("Срок"), "campaign.deadline"),
        Column(_("Состояние"), "get_status_display"),
        Column(_("Просрочено"), "is_overdue"),
    )

    def get_columns(self):
        """A coordinator's reports are all their own organisation's: on screen the column would repeat one
        name (the file keeps it: it says whose reports these are)."""
        if access.is_coordinator(self.request.user) and not self.export:
            return tuple(c for c in self.columns if c.path != "organization.short_name")
        return self.columns

    @property
    def title(self):
        return _("Мои отчёты") if access.is_coordinator(self.request.user) else _("Отчёты организаций")

    def get_queryset(self):
        # The frozen figures are not a column: leaving them out halves the rows the sort carries.
        queryset = super().get_queryset().defer("snapshot")
        return queryset.order_by("-campaign__deadline", "organization__sort_name", "id")


class SubmissionDetail(SubmissionView, ScopedDetailView):
    template_name = "submissions/submission_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission, user = self.object, self.request.user
        campaign = submission.campaign
        context["transitions"] = selectors.transitions_of(submission)
        context["last_comment"] = next(
            (t for t in reversed(context["transitions"]) if t.to_status == SubmissionStatus.RETURNED), None
        )
        context["registry_pages"] = [
            (label, url) for flag, label, url in REGISTRY_PAGES if getattr(campaign, flag)
        ]
        context["may_fill"] = context["may_edit"] and submission.is_editable
        if submission.is_editable:
            context["gaps"] = selectors.completeness_of(submission)
        context.update(submitted_context(submission))
        context["workflow_buttons"] = offered(REVIEW_BUTTONS, submission) if access.is_methodist(user) else []
        return context


# The methodologist's steps on a report's page, in this order; each shows where its state allows it.
REVIEW_BUTTONS = (
    Button(services.ACCEPT, "submissions:submission_accept", _("Принять"), "success"),
    Button(services.RETURN, "submissions:submission_return", _("Вернуть на доработку"), "outline-danger"),
    Button(services.REOPEN, "submissions:submission_reopen", _("Открыть заново"), "outline-danger"),
)


def submitted_context(submission: Submission) -> dict:
    """The figures frozen when the organisation sent its report, beside the registry today, and the records
    changed since (the submission page and the accept page show them alike)."""
    if not submission.snapshot or submission.is_editable:
        return {}
    return {
        "lines": selectors.submitted_lines(submission),
        "changes": selectors.changes_since_submission(submission),
    }


class SubmissionUpdate(SubmissionView, ScopedUpdateView):
    form_class = DenominatorsForm
    title = _("Численность и сайт организации")
    success_message = _("Сохранено. Отчёт заполняется; отправьте его, когда всё будет готово.")

    def get_object(self, queryset=None):
        submission = super().get_object(queryset)
        if not submission.is_editable:
            raise PermissionDenied
        return submission

    def form_valid(self, form):
        try:
            services.save_denominators(form.instance, user=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        return redirect_with_message(self.request, self.object.get_absolute_url(), str(self.success_message))

    def get_breadcrumbs(self):
        return (*self.breadcrumbs, (str(self.object), self.object.get_absolute_url()))


class SubmissionAction(SubmissionView, StepView):
    def get_record(self):
        return submission_for(self.request.user, self.kwargs["pk"])


class SubmissionSubmit(SubmissionAction):
    form_class = SubmitForm
    template_name = "submissions/submit.html"
    title = _("Отправить данные методисту")
    submit_label = _("Отправить")
    success_message = _("Данные отправлены методисту на проверку.")
    question = _("После отправки данные не правятся, пока методист не вернёт их. Проверьте полноту ниже.")

    def allowed(self, submission) -> bool:
        return submission.is_editable and access.may_edit(
            self.request.user, coordinator_edits=True, organization_id=submission.organization_id
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gaps"] = selectors.completeness_of(self.record())
        return context

    def step(self, submission, **kwargs):
        services.submit_submission(submission, **kwargs)


class SubmissionReturn(SubmissionAction):
    coordinator_edits = False  # the methodologist's step
    form_class = ReturnForm
    title = _("Вернуть данные на доработку")
    submit_label = _("Вернуть на доработку")
    success_message = _("Данные возвращены организации с комментарием.")
    question = _(
        "Напишите, что исправить, у нужных пунктов; куратор увидит это на странице отчёта и в письме."
    )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "items": self.record().campaign.asked()}

    def act(self, submission, form):
        services.return_submission(submission, user=self.request.user, comment=form.text())
        return submission.get_absolute_url()


class SubmissionAccept(SubmissionAction):
    coordinator_edits = False  # the methodologist's step
    title = _("Принять данные")
    submit_label = _("Принять")
    success_message = _("Данные приняты: отчёты за период берут показатели, зафиксированные при отправке.")
    template_name = "submissions/accept.html"
    question = _(
        "Отчёты за период возьмут показатели, зафиксированные при отправке (ниже, рядом с реестром на "
        "сегодня); последующие правки реестра их не меняют."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.record()
        return {**context, **submitted_context(submission), "gaps": selectors.completeness_of(submission)}

    def step(self, submission, **kwargs):
        services.accept_submission(submission, **kwargs)


class SubmissionReopen(SubmissionAction):
    coordinator_edits = False  # the methodologist's step
    title = _("Открыть принятые данные заново")
    submit_label = _("Открыть заново")
    success_message = _("Данные открыты заново и возвращены организации.")
    question = _("Зафиксированные показатели перестанут действовать, пока данные не будут приняты снова.")
    comment_required = True
    comment_label = _("Причина")
    required_message = _("Укажите причину: без неё нельзя.")

    def step(self, submission, **kwargs):
        services.reopen_submission(submission, **kwargs)


urlpatterns = [
    path("reports/", SubmissionList.as_view(), name="submission_list"),
    path("reports/export/", SubmissionList.as_view(export=True), name="submission_export"),
    path("reports/<int:pk>/", SubmissionDetail.as_view(), name="submission_detail"),
    path("reports/<int:pk>/edit/", SubmissionUpdate.as_view(), name="submission_update"),
    path("reports/<int:pk>/submit/", SubmissionSubmit.as_view(), name="submission_submit"),
    path("reports/<int:pk>/return/", SubmissionReturn.as_view(), name="submission_return"),
    path("reports/<int:pk>/accept/", SubmissionAccept.as_view(), name="submission_accept"),
    path("reports/<int:pk>/reopen/", SubmissionReopen.as_view(), name="submission_reopen"),
]
