"""Russian words that change with a number."""

from __future__ import annotations

import pytest

from banks.selectors import authors_line
from core.words import plural_ru


@pytest.mark.parametrize(
    ("count", "word"),
    [
        (1, "автор"),
        (2, "автора"),
        (4, "автора"),
        (5, "авторов"),
        (11, "авторов"),
        (12, "авторов"),
        (14, "авторов"),
        (21, "автор"),
        (22, "автора"),
        (25, "авторов"),
        (101, "автор"),
        (111, "авторов"),
    ],
)
def test_plural_ru(count, word):
    assert plural_ru(count, "автор", "автора", "авторов") == word


def test_authors_line_names_the_shown_and_counts_the_hidden_once():
    assert authors_line(["Иванова Анна", "", "Петров Иван", ""]) == (
        "Иванова Анна, Петров Иван, ещё 2 автора (согласие на публикацию не дано)"
    )
    assert authors_line([""]) == "1 автор (согласие на публикацию не дано)"
    assert authors_line([]) == "—"
