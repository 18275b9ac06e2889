"""Columns of a list: one description serves the table on screen and its XLSX export."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe


@dataclass(frozen=True)
class Column:
    title: str
    path: str | Callable[[Any], Any]  # dotted attribute path, or a function of the record
    link: bool = False  # the cell links to the record's page

    def value(self, obj: Any) -> Any:
        if callable(self.path):
            return self.path(obj)
        value = obj
        for part in self.path.split("."):
            value = getattr(value, part, None)
            if value is None:
                return None
            if callable(value) and not hasattr(value, "all"):
                value = value()
        if hasattr(value, "all"):  # a related manager: its prefetched items, joined
            return ", ".join(str(item) for item in value.all())
        return value


def display(value: Any) -> str:
    """How a cell shows on screen: Russian booleans, dates as дд.мм.гггг."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, datetime.datetime | datetime.date):
        return formats.date_format(
            value, "SHORT_DATETIME_FORMAT" if isinstance(value, datetime.datetime) else "SHORT_DATE_FORMAT"
        )
    return str(value)


class Cells(list):
    """A row's cells as (shown value, links to the record) pairs; in a template, its <td>s, written in
    Python: a list page has hundreds of cells, each several template nodes."""

    def __init__(self, cells, url: str | None):
        super().__init__(cells)
        self.url = url

    def __str__(self) -> str:  # a template shows a value by its str(): the cells' markup, every part escaped
        return mark_safe("".join(f"<td>{self._cell(value, linked)}</td>" for value, linked in self))

    def _cell(self, value: str, linked: bool) -> str:
        return f'<a href="{escape(self.url)}">{escape(value)}</a>' if linked and self.url else escape(value)
