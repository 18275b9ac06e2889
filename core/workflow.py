"""The steps of a record's state machine (pairs, practices, meetings, submissions): each step is written
into the record's `transitions` (a `core.models.StateChange`) with who, when, from which state to which
and why; a step its state does not allow is refused with a message that says so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse


def move(record, to_status: str, *, user, **details):
    """Write the step and set the new state (the caller saves the record); texts are stripped."""
    details = {name: value.strip() if isinstance(value, str) else value for name, value in details.items()}
    transition = record.transitions.create(from_status=record.status, to_status=to_status, by=user, **details)
    record.status = to_status
    record._history_user = user
    return transition


@dataclass(frozen=True)
class Step:
    """A step of a workflow, declared once: the states it may be taken from. The service refuses it in any
    other state (`refuse_unless_allowed`), and the record's page offers its button only where it would be
    accepted (`Button`)."""

    action: str  # what the step does, as in «нельзя %(action)s»: «опубликовать»
    allowed: tuple[str, ...]
    refusal: str  # with %(status)s and %(action)s

    def allows(self, record) -> bool:
        return record.status in self.allowed

    def refuse_unless_allowed(self, record) -> None:
        if not self.allows(record):
            raise ValidationError(
                self.refusal % {"status": record.get_status_display(), "action": self.action}
            )


@dataclass(frozen=True)
class Button:
    """A step as a button on the record's page: the step's view, its words and look, and, where one step
    has two buttons, the further condition of this one."""

    step: Step
    url_name: str
    label: str
    style: str = "outline-primary"
    when: Callable[[Any], bool] | None = None

    def offered_for(self, record) -> bool:
        return self.step.allows(record) and (self.when is None or self.when(record))


def offered(buttons, record) -> list[tuple[str, str, str]]:
    """(label, address, Bootstrap style) of each button the record's state allows, in the given order."""
    return [
        (str(button.label), reverse(button.url_name, args=[record.pk]), button.style)
        for button in buttons
        if button.offered_for(record)
    ]
