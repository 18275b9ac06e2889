"""Records of monitoring for tests: a round of school A's pair with its invitations, answers given
through the service as the answer page gives them."""

from __future__ import annotations

import datetime

from django.utils import timezone

from monitoring import services
from monitoring.models import Invitation, Moment, QuestionKind, Questionnaire, Respondent, SurveyRound
from tests.factories import AcademicYearFactory, MenteeFactory, MentorFactory, PairFactory

PEDAGOGUES = "педагог – педагог"


def seeded(respondent: str, moment: str, form: str | None = PEDAGOGUES) -> Questionnaire:
    """A questionnaire the migration seeded (the methodology's)."""
    found = Questionnaire.objects.filter(respondent=respondent, moment=moment, is_active=True)
    return found.filter(form__name=form).get() if form else found.filter(form__isnull=True).get()


def make_round(organization, year=None, moment=Moment.EXIT, user=None, **fields) -> SurveyRound:
    survey = SurveyRound(
        title=fields.pop("title", f"Опрос {moment}"),
        year=year or AcademicYearFactory(start_year=2025),
        moment=moment,
        organization=organization,
        closes_on=fields.pop("closes_on", timezone.localdate() + datetime.timedelta(days=14)),
        **fields,
    )
    services.create_round(survey, user)
    return survey


def make_pairs(organization, count: int, mentees_per_pair: int = 1, **pair_fields) -> list:
    pairs = []
    for _ in range(count):
        mentor = MentorFactory(person__organization=organization)
        mentees = [MenteeFactory(person__organization=organization) for _ in range(mentees_per_pair)]
        pairs.append(PairFactory(mentor=mentor, mentees=mentees, **pair_fields))
    return pairs


def answer_all(invitation: Invitation, score: int, text: str = "") -> None:
    """Answers every question of the invitation's questionnaire: `score` on scales, the first option,
    `text` (or a default) in free answers."""
    values = {}
    for question in invitation.questionnaire.questions.all():
        if question.kind == QuestionKind.SCALE:
            values[question.pk] = score
        elif question.kind == QuestionKind.SINGLE:
            values[question.pk] = question.option_list()[0]
        elif question.kind == QuestionKind.MULTIPLE:
            values[question.pk] = question.option_list()[:2]
        else:
            values[question.pk] = text or f"Ответ на «{question.text}»"
    services.record_answers(invitation, values)


def monitoring_data(school_a, school_b) -> dict:
    """A round of school A with a mentor's and a mentee's invitation; a district round."""
    mentor = MentorFactory(person__organization=school_a)
    pair = PairFactory(mentor=mentor, mentees=[MenteeFactory(person__organization=school_a)])
    survey = make_round(school_a, title="Опрос школы А")
    invitation = survey.invitations.get(pair=pair, respondent=Respondent.MENTOR)
    return {
        "questionnaire": seeded(Respondent.MENTOR, Moment.EXIT),
        "survey_a": survey,
        "survey_pair_a": pair,
        "invitation_a": invitation,
    }
