"""The personal link: the public answer page, one response per link changeable until closing, expiry,
another questionnaire out of reach, minors only with a representative's consent."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring.models import Answer, Invitation, Moment, QuestionKind, Respondent
from registry.models import Consent
from tests.factories import MenteeFactory, MentorFactory, PairFactory, PupilFactory
from tests.monitoring.factories import answer_all, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(school_a) -> Invitation:
    PairFactory(
        mentor=MentorFactory(person__organization=school_a),
        mentees=[MenteeFactory(person__organization=school_a)],
    )
    survey = make_round(school_a)
    return survey.invitations.get(respondent=Respondent.MENTEE)


def post_of(invitation: Invitation, score: int, text: str = "Всё понравилось") -> dict:
    data = {}
    for question in invitation.questionnaire.questions.all():
        key = f"q{question.pk}"
        if question.kind == QuestionKind.SCALE:
            data[key] = str(score)
        elif question.kind == QuestionKind.SINGLE:
            data[key] = question.option_list()[1]
        elif question.kind == QuestionKind.MULTIPLE:
            data[key] = question.option_list()[:2]
        else:
            data[key] = text
    return data


def test_answer_page_shows_the_questionnaire_and_who_collects_without_login(client, invitation):
    response = client.get(invitation.get_answer_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert invitation.questionnaire.title in page
    assert "Насколько комфортно было общение с наставником?" in page
    assert "Ответы собирает Муниципальная Школа наставничества" in page and "152-ФЗ" in page
    assert "Главное меню" not in page and "Войти" not in page  # nothing but the questionnaire
    invitation.refresh_from_db()
    assert invitation.opened_at is not None and invitation.answered_at is None


def test_answer_is_saved_and_can_be_changed_until_closing(client, invitation):
    url = invitation.get_answer_url()
    response = client.post(url, post_of(invitation, 6))
    assert response["Location"] == reverse("monitoring:answer_done", args=[invitation.token])
    scores = set(
        Answer.objects.filter(invitation=invitation, score__isnull=False).values_list("score", flat=True)
    )
    assert scores == {6}
    page = client.get(url).content.decode()
    first = invitation.questionnaire.questions.filter(kind=QuestionKind.SCALE).first()
    assert "ваш ответ получен" in page
    assert (
        f'value="6" id="id_q{first.pk}_5" autocomplete="off" checked>' in page
    )  # the earlier answer, to change
    client.post(url, post_of(invitation, 9))
    answers = Answer.objects.filter(invitation=invitation)
    assert set(answers.exclude(score=None).values_list("score", flat=True)) == {9}
    assert answers.count() == invitation.questionnaire.questions.count()  # one response, replaced


def test_missing_required_answer_is_refused_with_a_message(client, invitation):
    data = post_of(invitation, 5)
    first = invitation.questionnaire.questions.filter(kind=QuestionKind.SCALE).first()
    data.pop(f"q{first.pk}")
    response = client.post(invitation.get_answer_url(), data)
    assert "Выберите оценку от 1 до 10." in response.content.decode()
    assert not Answer.objects.filter(invitation=invitation).exists()


def test_token_cannot_answer_after_closing(client, invitation):
    client.post(invitation.get_answer_url(), post_of(invitation, 6))
    invitation.round.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    invitation.round.save()
    response = client.post(invitation.get_answer_url(), post_of(invitation, 2))
    assert response.status_code == 403
    assert "опрос закрыт" in response.content.decode()
    assert set(
        Answer.objects.filter(invitation=invitation).exclude(score=None).values_list("score", flat=True)
    ) == {6}


def test_expired_token_shows_no_questionnaire(client, invitation):
    invitation.round.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    invitation.round.save()
    page = client.get(invitation.get_answer_url()).content.decode()
    assert "Срок ответа истёк" in page and "answer-form" not in page


def test_token_cannot_answer_another_questionnaire(client, invitation):
    mentor = invitation.round.invitations.get(respondent=Respondent.MENTOR)
    assert mentor.questionnaire_id != invitation.questionnaire_id
    client.post(invitation.get_answer_url(), {**post_of(invitation, 7), **post_of(mentor, 1)})
    questionnaires = set(Answer.objects.values_list("question__questionnaire", flat=True))
    assert questionnaires == {invitation.questionnaire_id}
    page = client.get(invitation.get_answer_url()).content.decode()
    assert "Насколько комфортно было работать с наставляемым?" not in page  # the mentor's question


def test_unknown_token_is_not_found(client, invitation):
    assert client.get(reverse("monitoring:answer", args=["x" + invitation.token])).status_code == 404


def test_minor_answers_only_with_a_representatives_consent(client, school_a):
    pupil = PupilFactory(organization=school_a, birth_year=timezone.localdate().year - 13)
    PairFactory(
        mentor=MentorFactory(person__organization=school_a),
        mentees=[MenteeFactory(person=pupil)],
    )
    invitation = make_round(school_a).invitations.get(person=pupil)
    Consent.objects.create(person=pupil, kind="processing", signer="self", signed_on="2025-09-01")
    response = client.post(invitation.get_answer_url(), post_of(invitation, 8))
    assert response.status_code == 403
    assert "нет действующего согласия законного представителя" in response.content.decode()
    assert not Answer.objects.filter(invitation=invitation).exists()
    Consent.objects.create(person=pupil, kind="processing", signer="representative", signed_on="2025-09-01")
    assert client.post(invitation.get_answer_url(), post_of(invitation, 8)).status_code == 302
    assert Answer.objects.filter(invitation=invitation).exists()


def test_answer_all_helper_fills_every_question(invitation):
    answer_all(invitation, 4)
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    assert invitation.answers.count() == invitation.questionnaire.questions.count()
    assert invitation.round.moment == Moment.EXIT
