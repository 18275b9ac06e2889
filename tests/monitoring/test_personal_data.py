"""Answers are personal data: the person's export carries them, anonymisation clears the free answers and
the name on the invitation while the scores stay for the figures."""

from __future__ import annotations

import pytest
from django.urls import reverse

from monitoring.models import Answer, QuestionKind, Respondent
from tests.monitoring.factories import answer_all, make_pairs, make_round
from tests.registry.test_personal_data import anonymise, sheets_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(school_a):
    (pair,) = make_pairs(school_a, 1)
    invitation = make_round(school_a, include_coordinators=False).invitations.get(
        respondent=Respondent.MENTOR
    )
    answer_all(invitation, 7, text="Наставляемая Петрова И.С. стала увереннее")
    return pair.mentor.person, invitation


def test_person_export_carries_the_answers(as_coordinator_a, answered):
    person, invitation = answered
    sheets = sheets_of(as_coordinator_a.get(reverse("registry:person_data_export", args=[person.pk])))
    rows = sheets["Ответы на анкеты"]
    assert rows[0] == ("Опрос", "Анкета", "Ответ получен", "Раздел", "Вопрос", "Оценка", "Ответ")
    assert len(rows) - 1 == invitation.questionnaire.questions.count()
    assert ("Насколько вы удовлетворены участием в программе наставничества?", 7, None) in {
        r[4:] for r in rows
    }


def test_anonymisation_clears_free_answers_and_the_name_but_keeps_scores(as_methodist, answered):
    person, invitation = answered
    assert anonymise(as_methodist, person).status_code == 302
    invitation.refresh_from_db()
    assert (invitation.name, invitation.email) == ("обезличен", "")
    free = Answer.objects.filter(invitation=invitation, question__kind=QuestionKind.TEXT)
    assert free.exists() and set(free.values_list("text", flat=True)) == {""}
    assert set(
        Answer.objects.filter(invitation=invitation).exclude(score=None).values_list("score", flat=True)
    ) == {7}
    chosen = Answer.objects.filter(invitation=invitation, question__kind=QuestionKind.MULTIPLE).get()
    assert chosen.text  # a chosen option names nobody: it stays
