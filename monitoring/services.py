"""Writes of monitoring: a new version of an answered questionnaire, a round and its invitations, the
mails with personal links and reminders, and a participant's answers."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.access import Role
from core.mail import send_later
from monitoring.models import (
    Answer,
    Invitation,
    Question,
    QuestionKind,
    Questionnaire,
    Respondent,
    SurveyRound,
)
from registry.models import Consent, ConsentKind, ConsentSigner, Pair, PairStatus

LinkOf = Callable[[Invitation], str]


@transaction.atomic
def copy_questionnaire(
    questionnaire: Questionnaire, *, as_new_version: bool, title: str = ""
) -> Questionnaire:
    """A copy with all its questions: the next version (the answered one stops being sent) or a new template
    named `title`."""
    questions = list(questionnaire.questions.all())
    copy = Questionnaire.objects.get(pk=questionnaire.pk)
    copy.pk = None
    if as_new_version:
        copy.version, copy.previous = questionnaire.version + 1, questionnaire
        Questionnaire.objects.filter(pk=questionnaire.pk).update(is_active=False)
    else:
        copy.title, copy.version, copy.previous = title or f"{questionnaire.title} (копия)", 1, None
    copy.save()
    for question in questions:
        question.pk, question.questionnaire = None, copy
    Question.objects.bulk_create(questions)
    return copy


def round_pairs(survey: SurveyRound) -> QuerySet:
    if survey.pair_id:
        return Pair.objects.filter(pk=survey.pair_id)
    pairs = Pair.objects.during(survey.year).exclude(status=PairStatus.TERMINATED)
    if survey.organization_id:
        pairs = pairs.filter(organization_id=survey.organization_id)
    return pairs.select_related("mentor__person", "organization").prefetch_related("mentees__person")


def questionnaire_picker(moment: str) -> Callable[[str, int | None], Questionnaire | None]:
    """(respondent, form) → the newest active questionnaire for that form, else one for any form."""
    found: dict[tuple[str, int | None], Questionnaire] = {}
    for questionnaire in Questionnaire.objects.filter(moment=moment, is_active=True).order_by(
        "version", "id"
    ):
        found[(questionnaire.respondent, questionnaire.form_id)] = questionnaire
    return lambda respondent, form_id: found.get((respondent, form_id)) or found.get((respondent, None))


@transaction.atomic
def create_round(survey: SurveyRound, user) -> int:
    """Saves the round and an invitation for each mentor and mentee of its pairs (and each organisation's
    coordinator); returns how many. Nobody is invited twice to one round."""
    survey.created_by = user
    survey.save()
    pick = questionnaire_picker(survey.moment)
    invitations: dict[tuple, Invitation] = {}
    organizations = {}
    for pair in round_pairs(survey):
        organizations[pair.organization_id] = pair.organization
        members = [(Respondent.MENTOR, pair.mentor)] + [(Respondent.MENTEE, m) for m in pair.mentees.all()]
        for respondent, member in members:
            questionnaire = pick(respondent, pair.form_id)
            if questionnaire is not None:
                person = member.person
                invitations.setdefault(
                    (respondent, person.pk),
                    Invitation(
                        round=survey, questionnaire=questionnaire, organization_id=pair.organization_id,
                        pair=pair, person=person, respondent=respondent, name=person.full_name, email=person.email,
                    ),
                )  # fmt: skip
    coordinator_questionnaire = pick(Respondent.COORDINATOR, None)
    if coordinator_questionnaire is None and survey.include_coordinators:
        # No coordinator's questionnaire for this moment (the methodology's is at exit): the round says so.
        survey.include_coordinators = False
        SurveyRound.objects.filter(pk=survey.pk).update(include_coordinators=False)
    if survey.include_coordinators:
        coordinators = User.objects.filter(
            role=Role.COORDINATOR, is_active=True, organization__in=organizations
        )
        for coordinator in coordinators:
            invitations[("coordinator", coordinator.pk)] = Invitation(
                round=survey, questionnaire=coordinator_questionnaire, organization_id=coordinator.organization_id,
                respondent=Respondent.COORDINATOR, name=coordinator.full_name or coordinator.username,
                email=coordinator.email,
            )  # fmt: skip
    Invitation.objects.bulk_create(invitations.values())
    return len(invitations)


def mail_text(invitation: Invitation, link: str, *, reminder: bool) -> tuple[str, str]:
    from django.conf import settings

    subject = (
        _("Напоминание: анкета программы наставничества")
        if reminder
        else _("Анкета программы наставничества")
    )
    body = _(
        "Здравствуйте, %(name)s!\n\n%(who)s проводит мониторинг программы наставничества вашей организации "
        "(распоряжение Минпросвещения России № Р-145) и просит ответить на вопросы анкеты «%(title)s». "
        "Это займёт 5–10 минут.\n\nВаша личная ссылка: %(link)s\nОтветы принимаются до %(until)s; до этого дня "
        "ответ можно изменить по той же ссылке. Ссылку не пересылайте: по ней отвечает только один человек.\n"
    ) % {
        "name": invitation.name,
        "who": settings.MSHN_ORGANIZATION_NAME,
        "title": invitation.questionnaire.title,
        "link": link,
        "until": f"{invitation.round.closes_on:%d.%m.%Y}",
    }
    return subject, body


def _mail(invitations: QuerySet, link_of: LinkOf, *, reminder: bool) -> int:
    now, sent = timezone.now(), []
    for invitation in invitations.exclude(email="").select_related("questionnaire", "round"):
        send_later(*mail_text(invitation, link_of(invitation), reminder=reminder), [invitation.email])
        sent.append(invitation.pk)
    field = "reminded_at" if reminder else "sent_at"
    Invitation.objects.filter(pk__in=sent).update(**{field: now})
    return len(sent)


@transaction.atomic
def send_invitations(survey: SurveyRound, invitations: QuerySet, link_of: LinkOf) -> int:
    """Mails every not yet mailed invitation (with an address) of the round its personal link."""
    return _mail(invitations.filter(round=survey, sent_at__isnull=True), link_of, reminder=False)


@transaction.atomic
def remind(survey: SurveyRound, invitations: QuerySet, link_of: LinkOf) -> int:
    """Mails a reminder to everyone of the round who has not answered yet (while the round is open)."""
    if not survey.is_open:
        raise ValidationError(_("Опрос закрыт: напоминать больше некому."))
    return _mail(invitations.filter(round=survey, answered_at__isnull=True), link_of, reminder=True)


def refusal(invitation: Invitation) -> str:
    """Why this link cannot take an answer now; empty when it can."""
    if not invitation.round.is_open:
        return _("Срок ответа истёк %(day)s: опрос закрыт, ответ больше не принимается.") % {
            "day": f"{invitation.round.closes_on:%d.%m.%Y}"
        }
    person = invitation.person
    if person is not None and person.is_minor_on(timezone.localdate()) and not representative_consent(person):
        return _(
            "Анкета не может быть заполнена: нет действующего согласия законного представителя на обработку "
            "персональных данных. Обратитесь к куратору программы наставничества своей организации."
        )
    return ""


def representative_consent(person) -> bool:
    return (
        Consent.objects.in_force()
        .filter(person=person, kind=ConsentKind.PROCESSING, signer=ConsentSigner.REPRESENTATIVE)
        .exists()
    )


def mark_opened(invitation: Invitation) -> None:
    if invitation.opened_at is None:
        invitation.opened_at = timezone.now()
        Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
            opened_at=invitation.opened_at
        )


@transaction.atomic
def record_answers(invitation: Invitation, values: dict[int, object]) -> None:
    """The participant's answers (question id → value), replacing earlier ones: one response per link."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("round", "person")
        .get(pk=invitation.pk)
    )
    reason = refusal(invitation)
    if reason:
        raise ValidationError(reason)
    questions = {q.pk: q for q in invitation.questionnaire.questions.all()}
    invitation.answers.all().delete()
    Answer.objects.bulk_create(
        answer_of(invitation, questions[pk], value)
        for pk, value in values.items()
        if pk in questions and value
    )
    invitation.answered_at = timezone.now()
    invitation.opened_at = invitation.opened_at or invitation.answered_at
    invitation.save(update_fields=["answered_at", "opened_at"])


def answer_of(invitation: Invitation, question: Question, value) -> Answer:
    if question.kind == QuestionKind.SCALE:
        return Answer(invitation=invitation, question=question, score=int(value))
    if question.kind == QuestionKind.MULTIPLE:
        return Answer(invitation=invitation, question=question, text="; ".join(value))
    return Answer(invitation=invitation, question=question, text=str(value))
