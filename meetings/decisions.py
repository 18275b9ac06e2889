"""A meeting's decision read for the roadmap: the activity, a deadline written in it («до 20.12.2026»)
and a responsible person named in it («Ответственный: Иванова И.И.»)."""

from __future__ import annotations

import datetime
import re

DATE = re.compile(r"(?:\b(?:до|к|не позднее)\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?", re.IGNORECASE)
RESPONSIBLE = re.compile(r"\s*[.;,]?\s*ответственн(?:ый|ая|ые)\s*[:–—-]\s*(.+?)\s*\.?$", re.IGNORECASE)


def deadline_in(text: str) -> tuple[datetime.date | None, str]:
    """The first real date written in the decision and the text without the «до …» phrase."""
    for match in DATE.finditer(text):
        day, month, year = (int(part) for part in match.groups())
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            continue
        rest = (text[: match.start()] + text[match.end() :]).strip()
        return date, re.sub(r"\s+([.,;])", r"\1", re.sub(r"\s{2,}", " ", rest)).strip(" ,;")
    return None, text


def responsible_in(text: str) -> tuple[str, str]:
    match = RESPONSIBLE.search(text)
    if not match:
        return "", text
    return match.group(1).strip(), text[: match.start()].strip()


def roadmap_fields(decision: str) -> dict:
    """Initial values of a roadmap item from one decision line."""
    due_on, rest = deadline_in(decision)
    responsible, activity = responsible_in(rest)
    return {"activity": activity.rstrip(" ,;") or decision, "due_on": due_on, "responsible_text": responsible}
