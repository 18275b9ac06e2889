"""What the registry's views share: breadcrumbs and the scoping of each model."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from registry import selectors

PEOPLE = (_("Люди"), reverse_lazy("registry:person_list"))
MENTORS = (_("Банк наставников"), reverse_lazy("registry:mentor_list"))
MENTEES = (_("База наставляемых"), reverse_lazy("registry:mentee_list"))
PAIRS = (_("Пары и группы"), reverse_lazy("registry:pair_list"))


def person_for(user, pk):
    return get_object_or_404(selectors.people_for(user), pk=pk)


def pair_for(user, pk):
    return get_object_or_404(selectors.pairs_for(user), pk=pk)
