"""Monitoring pages: questionnaires (the methodologist edits and copies them), survey rounds with their
progress, mails, reminders, sheets with QR codes and the answers' XLSX, the SWOT summary, a pair's
questionnaires, and the public page a participant answers on through their personal link."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.generic import TemplateView

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
    redirect_with_message,
)
from core.qr import qr_svg
from directory.models import AcademicYear, Organization
from monitoring import selectors, services
from monitoring.filters import QuestionnaireFilter, RoundFilter
from monitoring.forms import (
    AnswerForm,
    CopyForm,
    QuestionnaireForm,
    SurveyRoundForm,
    SwotFilterForm,
    earlier_answers,
)
from monitoring.models import MIN_RESPONDENTS, Invitation, Questionnaire, SurveyRound
from registry.selectors import pairs_for

QUESTIONNAIRES = (_lazy("Анкеты мониторинга"), reverse_lazy("monitoring:questionnaire_list"))
ROUNDS = (_lazy("Опросы"), reverse_lazy("monitoring:round_list"))


class QuestionnaireView:
    model = Questionnaire
    org_field = None
    breadcrumbs = (QUESTIONNAIRES,)

    def get_queryset(self):
        return selectors.questionnaires_for(self.request.user)


class QuestionnaireList(QuestionnaireView, ScopedListView):
    title = _lazy("Анкеты мониторинга")
    breadcrumbs = ()
    filterset_class = QuestionnaireFilter
    export_name = "анкеты-мониторинга"
    create_url_name = "monitoring:questionnaire_create"
    export_url_name = "monitoring:questionnaire_export"
    columns = (
        Column(_lazy("Анкета"), "title", link=True),
        Column(_lazy("Кто отвечает"), "get_respondent_display"),
        Column(_lazy("Когда"), "get_moment_display"),
        Column(_lazy("Форма наставничества"), "form.name"),
        Column(_lazy("Версия"), "version"),
        Column(_lazy("Вопросов"), "question_count"),
        Column(_lazy("Используется"), "is_active"),
    )

    def get_queryset(self):
        ordered = super().get_queryset().order_by(*Questionnaire._meta.ordering)
        return ordered.annotate(question_count=Count("questions"))


class QuestionnaireDetail(QuestionnaireView, ScopedDetailView):
    template_name = "monitoring/questionnaire_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = selectors.questionnaire_with_questions(self.object)
        context["has_answers"] = self.object.has_answers
        return context


class QuestionnaireFormView(QuestionnaireView):
    form_class = QuestionnaireForm
    template_name = "monitoring/questionnaire_form.html"
    success_message = _lazy("Анкета сохранена.")


class QuestionnaireCreate(QuestionnaireFormView, ScopedCreateView):
    title = _lazy("Новая анкета")


class QuestionnaireUpdate(QuestionnaireFormView, ScopedUpdateView):
    """An answered questionnaire is never changed under its answers: the page sends to «Новая версия»."""

    title = _lazy("Изменение анкеты")

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_authenticated and access.is_methodist(request.user)):
            return super().dispatch(request, *args, **kwargs)
        questionnaire = get_object_or_404(selectors.questionnaires_for(request.user), pk=kwargs["pk"])
        if questionnaire.has_answers:
            return redirect_with_message(
                request, questionnaire.get_absolute_url(),
                _("На эту анкету уже отвечали: её не меняют, чтобы ответы остались при своих вопросах. "
                  "Создайте новую версию и правьте её."),
                messages.WARNING,
            )  # fmt: skip
        return super().dispatch(request, *args, **kwargs)


class QuestionnaireCopy(QuestionnaireView, RecordActionView):
    """A copy as a new template under its own name."""

    form_class = CopyForm
    as_new_version = False
    title = _lazy("Копировать анкету")
    question = _lazy(
        "Будет создана новая анкета с теми же вопросами; её можно править и назначить другой форме."
    )
    success_message = _lazy("Копия создана: измените её.")

    def get_record(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_initial(self):
        return {"title": f"{self.record().title} (копия)"}

    def act(self, questionnaire, form):
        title = form.cleaned_data.get("title", "")
        copy = services.copy_questionnaire(questionnaire, as_new_version=self.as_new_version, title=title)
        return reverse("monitoring:questionnaire_update", args=[copy.pk])


class QuestionnaireNewVersion(QuestionnaireCopy):
    """The next version of an answered questionnaire (the answered one stops being sent)."""

    form_class = CrispyForm
    as_new_version = True
    title = _lazy("Новая версия анкеты")
    question = _lazy(
        "Будет создана следующая версия с теми же вопросами; новые опросы будут рассылать её, а ответы на эту "
        "версию останутся при своих вопросах."
    )
    success_message = _lazy("Новая версия создана: измените её.")


class RoundView:
    model = SurveyRound
    org_field = selectors.ROUND_ORG
    coordinator_edits = True
    breadcrumbs = (ROUNDS,)

    def get_queryset(self):
        return selectors.rounds_for(self.request.user)


def round_for(user, pk) -> SurveyRound:
    return get_object_or_404(selectors.rounds_for(user), pk=pk)


class RoundList(RoundView, ScopedListView):
    title = _lazy("Опросы участников")
    breadcrumbs = ()
    filterset_class = RoundFilter
    export_name = "опросы"
    create_url_name = "monitoring:round_create"
    export_url_name = "monitoring:round_list_export"
    columns = (
        Column(_lazy("Опрос"), "title", link=True),
        Column(_lazy("Учебный год"), "year.title"),
        Column(_lazy("Когда"), "get_moment_display"),
        Column(_lazy("Организация"), "organization.short_name"),
        Column(_lazy("Принимает ответы до"), "closes_on"),
        Column(_lazy("Приглашено"), "invited"),
        Column(_lazy("Ответили"), "answered"),
    )

    def get_queryset(self):
        return selectors.rounds_listed(super().get_queryset())


class RoundCreate(RoundView, ScopedCreateView):
    form_class = SurveyRoundForm
    title = _lazy("Новый опрос")

    def chosen_pairs(self):
        """A round of one pair is started from the pair's questionnaires page (?pair=): a region has
        twenty thousand pairs, too many to choose from."""
        pair = self.request.GET.get("pair", "")
        pairs = pairs_for(self.request.user)
        return pairs.filter(pk=pair) if pair.isdigit() else pairs.none()

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "organizations": access.scope(
                self.request.user, Organization.objects.filter(is_active=True), "id"
            ),
            "pairs": self.chosen_pairs(),
        }

    def get_initial(self):
        pair = self.chosen_pairs().first()
        if pair is None:
            return super().get_initial()
        return {
            **super().get_initial(),
            "pair": pair,
            "organization": pair.organization,
            "title": _("Анкетирование пары"),
        }

    def form_valid(self, form):
        invited = services.create_round(form.instance, self.request.user)
        self.object = form.instance
        return redirect_with_message(
            self.request, self.object.get_absolute_url(),
            _("Опрос создан: приглашений — %(n)s. Разошлите письма или распечатайте листы с QR-кодами.") % {"n": invited},
        )  # fmt: skip


class RoundDetail(RoundView, ScopedDetailView):
    template_name = "monitoring/round_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["totals"] = selectors.round_totals(self.object, user)
        context["by_organization"] = list(selectors.progress_by_organization(self.object, user))
        if context["may_edit"]:  # names of participants, minors among them: not for the department's totals
            context.update(
                paginated(self.request, selectors.round_invitations(self.object, user), "invitations")
            )
        context["names_allowed"] = access.is_methodist(user)
        return context


def link_maker(request):
    return lambda invitation: request.build_absolute_uri(invitation.get_answer_url())


class RoundSend(RoundView, RecordActionView):
    form_class = CrispyForm
    title = _lazy("Разослать приглашения")
    question = _lazy(
        "Каждому участнику с адресом e-mail уйдёт письмо с его личной ссылкой (кто собирает ответы, зачем и до "
        "какого дня). Тем, кому письмо уже отправлено, оно не повторяется."
    )

    def get_record(self):
        return round_for(self.request.user, self.kwargs["pk"])

    def act(self, survey, form):
        sent = services.send_invitations(
            survey, selectors.invitations_for(self.request.user), link_maker(self.request)
        )
        self.success_message = _("Писем поставлено в очередь: %(n)s.") % {"n": sent}
        return survey.get_absolute_url()


class RoundRemind(RoundSend):
    title = _lazy("Напомнить не ответившим")
    question = _lazy(
        "Всем, кто ещё не ответил и у кого есть e-mail, уйдёт письмо-напоминание с той же ссылкой."
    )

    def act(self, survey, form):
        sent = services.remind(survey, selectors.invitations_for(self.request.user), link_maker(self.request))
        self.success_message = _("Напоминаний поставлено в очередь: %(n)s.") % {"n": sent}
        return survey.get_absolute_url()


class RoundSheets(RoundView, AccessMixin, TemplateView):
    """Printable sheets: each participant's link and its QR code (for those without e-mail)."""

    template_name = "monitoring/sheets.html"
    writes = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = round_for(self.request.user, self.kwargs["pk"])
        make_link = link_maker(self.request)
        invitations = selectors.round_invitations(survey, self.request.user).filter(answered_at__isnull=True)
        context["sheets"] = [(i, make_link(i), qr_svg(make_link(i))) for i in invitations]
        context.update(survey=survey, collector=settings.MSHN_ORGANIZATION_NAME, title=_("Листы с QR-кодами"))
        return context


class RoundExport(RoundView, AccessMixin, View):
    """The round's answers as XLSX; names only for the methodologist who asks, and only with consent."""

    with_names = False

    def get(self, request, pk):
        # The department reads totals, not what each participant answered (152-ФЗ).
        if access.is_department(request.user) or (self.with_names and not access.is_methodist(request.user)):
            raise PermissionDenied
        survey = round_for(request.user, pk)
        headers, rows = selectors.answers_export(survey, request.user, with_names=self.with_names)
        name = "ответы-с-именами" if self.with_names else "ответы"
        return XlsxTable(name, str(_("Ответы")), headers, rows).response()


class PairSurveys(AccessMixin, TemplateView):
    """A pair's questionnaires: who was asked, who answered; figures only for five respondents or more."""

    template_name = "monitoring/pair_surveys.html"
    coordinator_edits = True  # «Опросить пару»: the pair is already the user's (pairs_for)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pair = get_object_or_404(pairs_for(self.request.user), pk=self.kwargs["pk"])
        invitations = list(selectors.pair_invitations(pair, self.request.user))
        context.update(
            pair=pair, invitations=invitations, min_respondents=MIN_RESPONDENTS,
            answered=sum(1 for i in invitations if i.answered_at), title=_("Анкеты пары"),
            breadcrumbs=((str(pair), pair.get_absolute_url()),),
        )  # fmt: skip
        return context


class Swot(AccessMixin, TemplateView):
    """SWOT summary of the year per organisation and per form of mentoring, from the free answers."""

    template_name = "monitoring/swot.html"
    title = _lazy("SWOT-анализ программ наставничества")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = SwotFilterForm(
            self.request.GET or None, organizations=access.scope(user, Organization.objects.all(), "id")
        )
        chosen = form.cleaned_data if form.is_valid() else {}
        year = chosen.get("year") or AcademicYear.objects.current()
        context.update(filter_form=form, year=year, min_respondents=MIN_RESPONDENTS)
        if year is not None:
            context.update(selectors.swot_for(user, year, chosen.get("organization"), chosen.get("form")))
        return context


def invitation_by_token(token: str) -> Invitation:
    return get_object_or_404(
        Invitation.objects.select_related("round", "questionnaire", "person", "organization"), token=token
    )


@never_cache
@csrf_protect
def answer(request, token):
    """The public answer page: no login, nothing but the questionnaire and who collects the data and why."""
    invitation = invitation_by_token(token)
    context = {"invitation": invitation, "collector": settings.MSHN_ORGANIZATION_NAME}
    reason = services.refusal(invitation)
    if reason:
        return render(request, "monitoring/answer_refused.html", {**context, "reason": reason}, status=403)
    services.mark_opened(invitation)
    questions = list(invitation.questionnaire.questions.all())
    form = AnswerForm(request.POST or None, questions=questions, earlier=earlier_answers(invitation))
    if request.method == "POST" and form.is_valid():
        try:
            services.record_answers(invitation, form.values())
        except ValidationError as error:
            return render(
                request,
                "monitoring/answer_refused.html",
                {**context, "reason": error.messages[0]},
                status=403,
            )
        return HttpResponseRedirect(reverse("monitoring:answer_done", args=[token]))
    return render(request, "monitoring/answer.html", {**context, "form": form})


@never_cache
def answer_done(request, token):
    invitation = invitation_by_token(token)
    if invitation.answered_at is None:
        return HttpResponseRedirect(invitation.get_answer_url())
    return render(
        request,
        "monitoring/answer_done.html",
        {"invitation": invitation, "collector": settings.MSHN_ORGANIZATION_NAME},
    )
