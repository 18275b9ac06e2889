"""Template tags that show this capability's records on other apps' pages."""

from __future__ import annotations

from django import template

from core import access
from events import selectors

register = template.Library()


@register.inclusion_tag("events/person_training_table.html")
def person_training(person, user) -> dict:
    """The person's trainings the user may read (one query) and their total hours."""
    trainings = selectors.person_trainings(user, person)
    return {
        "person": person,
        "trainings": trainings,
        "hours": sum(t.hours for t in trainings),
        "may_add": access.may_edit(user, coordinator_edits=True, organization_id=person.organization_id)
        and not person.is_anonymised,
    }
