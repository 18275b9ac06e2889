"""Reads of monitoring, always scoped to the user through core.access."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Prefetch, Q, QuerySet

from core import access
from monitoring.models import (
    MIN_RESPONDENTS,
    SWOT,
    Answer,
    Feeds,
    Invitation,
    Question,
    Questionnaire,
    SurveyRound,
)
from registry.models import Consent, ConsentKind

ROUND_ORG = "organization"
INVITATION_ORG = "organization"


def questionnaires_for(user) -> QuerySet:
    """Questionnaires are reference data: every account reads them, the methodologist edits them."""
    return access.scope(user, Questionnaire.objects.select_related("form"), None)


def questionnaire_with_questions(questionnaire: Questionnaire) -> list[tuple[str, list[Question]]]:
    """The questions under their sections, in order."""
    sections: dict[str, list[Question]] = {}
    for question in questionnaire.questions.all():
        sections.setdefault(question.section, []).append(question)
    return list(sections.items())


def rounds_for(user) -> QuerySet:
    """A coordinator reads the rounds of their organisation (district rounds are the methodologist's)."""
    return access.scope(user, SurveyRound.objects.select_related("year", "organization", "pair"), ROUND_ORG)


def invitations_for(user) -> QuerySet:
    return access.scope(user, Invitation.objects.all(), INVITATION_ORG)


def progress_by_organization(survey: SurveyRound, user) -> QuerySet:
    """Per organisation of the round: invited, mailed, opened, answered (one grouped query)."""
    return (
        invitations_for(user)
        .filter(round=survey)
        .order_by("organization__sort_name", "organization_id")
        .values("organization_id", "organization__short_name", "organization__sort_name")
        .annotate(
            invited=Count("id"),
            sent=Count("id", filter=Q(sent_at__isnull=False)),
            opened=Count("id", filter=Q(opened_at__isnull=False)),
            answered=Count("id", filter=Q(answered_at__isnull=False)),
        )
    )


def round_totals(survey: SurveyRound, user) -> dict:
    return (
        invitations_for(user)
        .filter(round=survey)
        .aggregate(
            invited=Count("id"),
            sent=Count("id", filter=Q(sent_at__isnull=False)),
            opened=Count("id", filter=Q(opened_at__isnull=False)),
            answered=Count("id", filter=Q(answered_at__isnull=False)),
        )
    )


def round_invitations(survey: SurveyRound, user) -> QuerySet:
    return (
        invitations_for(user)
        .filter(round=survey)
        .select_related("organization", "questionnaire", "person")
        .order_by("organization__sort_name", "respondent", "name", "id")
    )


def pair_invitations(pair, user) -> QuerySet:
    return (
        invitations_for(user)
        .filter(pair=pair)
        .select_related("round", "questionnaire")
        .order_by("-round__closes_on", "respondent", "name", "id")
    )


def answers_export(survey: SurveyRound, user, *, with_names: bool) -> tuple[list[str], list[list]]:
    """The round's answers, one row per answer; names only when asked for and the person's processing
    consent is in force (a coordinator's own answer is not personal data of a participant)."""
    consents = Consent.objects.in_force().filter(kind=ConsentKind.PROCESSING)
    invitations = (
        round_invitations(survey, user)
        .filter(answered_at__isnull=False)
        .prefetch_related(
            Prefetch(
                "answers", queryset=Answer.objects.select_related("question").order_by("question__position")
            ),
            Prefetch("person__consents", queryset=consents, to_attr="processing_consents"),
        )
    )
    headers = ["Анкета", "Организация", "Кто отвечает", "Участник", "Ответ получен", "Раздел", "Вопрос", "Показатель",
               "Оценка", "Ответ"]  # fmt: skip
    rows = []
    for number, invitation in enumerate(invitations, start=1):
        who = f"участник № {number}"
        if with_names and (invitation.person is None or invitation.person.processing_consents):
            who = invitation.name
        for answer in invitation.answers.all():
            question = answer.question
            rows.append([
                invitation.questionnaire.title, invitation.organization.short_name,
                invitation.get_respondent_display(), who, invitation.answered_at, question.section, question.text,
                question.get_feeds_display() if question.feeds else "", answer.score, answer.text,
            ])  # fmt: skip
    return headers, rows


def swot_for(user, year, organization=None, form=None) -> dict:
    """The SWOT summary: free answers of the year's questions marked as a SWOT quadrant, quadrant by
    quadrant, for the organisations in the user's scope (narrowed by organisation and form of mentoring)."""
    answers = Answer.objects.filter(
        invitation__in=invitations_for(user).filter(round__year=year, answered_at__isnull=False),
        question__feeds__in=SWOT,
    ).exclude(text="")
    if organization is not None:
        answers = answers.filter(invitation__organization=organization)
    if form is not None:
        answers = answers.filter(Q(invitation__pair__form=form) | Q(question__questionnaire__form=form))
    # The same answer from several people is one line with its count and organisations.
    grouped: dict[str, dict[str, list[str]]] = defaultdict(dict)
    rows = answers.order_by("invitation__organization__sort_name", "id").values_list(
        "question__feeds", "invitation__organization__short_name", "text"
    )
    for feeds, organization_name, text in rows:
        grouped[feeds].setdefault(" ".join(text.split()), []).append(organization_name)
    found = {
        feeds: sorted(
            ((text, len(names), sorted(set(names))) for text, names in texts.items()),
            key=lambda t: (-t[1], t[0]),
        )
        for feeds, texts in grouped.items()
    }
    respondents = answers.values("invitation").distinct().count()
    return {
        "quadrants": [(Feeds(code).label.split(": ")[1], found.get(code, [])) for code in SWOT],
        "respondents": respondents,
        "enough": respondents >= MIN_RESPONDENTS,
    }


def rounds_listed(rounds: QuerySet) -> QuerySet:
    return rounds.order_by(*SurveyRound._meta.ordering).annotate(
        invited=Count("invitations", distinct=True),
        answered=Count("invitations", filter=Q(invitations__answered_at__isnull=False), distinct=True),
    )
