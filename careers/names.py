"""Names in the documents' oblique cases («выдана Петрову Ивану Сергеевичу»).

Every declined name of this app goes through `name_in`, so that the registry's declension (when
`Person.name_in(case)` exists) is a one-line switch here. Until then the full name stays in the
nominative: a draft the coordinator edits, never a wrong ending guessed by us.
"""

from __future__ import annotations

CASES = ("genitive", "dative", "accusative", "instrumental", "prepositional")


def name_in(person, case: str) -> str:
    """The person's full name in `case` (one of CASES)."""
    assert case in CASES, case
    declined = getattr(person, "name_in", None)
    return declined(case) if callable(declined) else person.full_name
