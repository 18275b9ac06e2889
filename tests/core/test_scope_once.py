"""A record list is scoped once: the capability's selector filters by the user's organisation, the generic
view does not filter again (a coordinator's list used to run `organization_id = 1 AND organization_id = 1`)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PairFactory, PersonFactory

CONDITION = re.compile(r'("\w+"\."organization_id") = (?:%s|\$\d+|\d+)\b')
LISTS = (
    "registry:person_list",
    "registry:mentor_list",
    "registry:pair_list",
    "banks:program_list",
    "events:training_list",
    "websites:check_list",
    "submissions:submission_list",
)


def repeated_conditions(queries) -> list[str]:
    repeated = []
    for query in queries:
        counts = Counter(CONDITION.findall(query["sql"]))
        repeated += [f"{column} ×{n}: {query['sql'][:200]}" for column, n in counts.items() if n > 1]
    return repeated


@pytest.mark.parametrize("name", LISTS)
def test_a_coordinators_list_filters_by_the_organisation_once(name, as_coordinator_a, school_a):
    PairFactory(mentor__person__organization=school_a)
    PersonFactory(organization=school_a)
    with CaptureQueriesContext(connection) as queries:
        response = as_coordinator_a.get(reverse(name))
    assert response.status_code == 200
    assert any(CONDITION.search(q["sql"]) for q in queries), "the list is not scoped at all"
    assert not repeated_conditions(queries)
