"""A pair of school A with its signed agreement, ended early: the drafts of documents are made from it."""

from __future__ import annotations

import datetime

import pytest

from tests.careers.factories import agreement_for
from tests.factories import MenteeFactory, MentorFactory, PairFactory

D = datetime.date


@pytest.fixture
def signed_pair(school_a):
    school_a.head_name, school_a.curator_name = "Л.В. Руднева", "О.С. Кирова"
    school_a.save()
    mentee = MenteeFactory(person__last_name="Молодцова", person__organization=school_a)
    pair = PairFactory(
        mentor=MentorFactory(
            person__organization=school_a,
            person__last_name="Опытнова",
            person__first_name="Дарья",
            person__middle_name="Александровна",
        ),  # fmt: skip
        mentees=[mentee],
        started_on=D(2025, 9, 15),
        planned_end_on=D(2026, 5, 31),
    )
    return pair, agreement_for(
        pair, ended_by="employer", notice_on=D(2026, 2, 2), ended_early_on=D(2026, 2, 9)
    )
