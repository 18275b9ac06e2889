"""What an event form posts: the event's fields and its two formsets' management data."""

from __future__ import annotations


def formset(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def participant(person, role: str = "participant", result: str = "none") -> dict:
    return {"person": person.pk, "role": role, "result": result}


def event_post(participants=(), materials=(), **fields) -> dict:
    data = {
        "kind": "seminar",
        "title": "Семинар «Наставник и молодой педагог»",
        "year": "",
        "starts_on": "15.10.2025",
        "ends_on": "",
        "organizer": "",
        "place": "МКУ «ЦОМОУ»",
        "description": "",
        **fields,
    }
    return {**data, **formset("participants", list(participants)), **formset("materials", list(materials))}
