"""Russian words that change with a number."""

from __future__ import annotations


def plural_ru(count: int, one: str, few: str, many: str) -> str:
    """The form of a word for `count`: 1 автор, 2 автора, 5 авторов, 11 авторов, 21 автор, 22 автора."""
    last, last_two = abs(count) % 10, abs(count) % 100
    if last == 1 and last_two != 11:
        return one
    if 2 <= last <= 4 and not 12 <= last_two <= 14:
        return few
    return many
