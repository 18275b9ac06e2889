"""A person's questionnaire answers are personal data: they go into the person's export, and anonymisation
removes what could name them (the name and address on the invitation, the free answers) while the scores
stay for the figures. Registered into `registry.personal_data` by `MonitoringConfig.ready`."""

from __future__ import annotations

from monitoring.models import Answer, Invitation, QuestionKind


def answers_sheet(person):
    answers = (
        Answer.objects.filter(invitation__person=person)
        .select_related("invitation__round", "question__questionnaire")
        .order_by("invitation__round__closes_on", "invitation_id", "question__position")
    )
    rows = (
        [
            a.invitation.round.title, a.question.questionnaire.title, a.invitation.answered_at,
            a.question.section, a.question.text, a.score, a.text,
        ]
        for a in answers
    )  # fmt: skip
    headers = ["Опрос", "Анкета", "Ответ получен", "Раздел", "Вопрос", "Оценка", "Ответ"]
    return ("Ответы на анкеты", headers, rows)


def anonymise_answers(person) -> None:
    invitations = Invitation.objects.filter(person=person)
    Answer.objects.filter(invitation__in=invitations, question__kind=QuestionKind.TEXT).update(text="")
    invitations.update(name="обезличен", email="")
