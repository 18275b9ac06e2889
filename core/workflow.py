"""The steps of a record's state machine (pairs, practices, meetings, submissions): each step is written
into the record's `transitions` (a `core.models.StateChange`) with who, when, from which state to which
and why; a step its state does not allow is refused with a message that says so."""

from __future__ import annotations

from django.core.exceptions import ValidationError


def refuse_unless(record, allowed, refusal: str, action: str) -> None:
    """Refuse the step unless the record is in one of the `allowed` states; `refusal` says it with
    %(status)s (the record's state) and %(action)s."""
    if record.status not in allowed:
        raise ValidationError(refusal % {"status": record.get_status_display(), "action": action})


def move(record, to_status: str, *, user, **details):
    """Write the step and set the new state (the caller saves the record); texts are stripped."""
    details = {name: value.strip() if isinstance(value, str) else value for name, value in details.items()}
    transition = record.transitions.create(from_status=record.status, to_status=to_status, by=user, **details)
    record.status = to_status
    record._history_user = user
    return transition
