"""Columns of a list: one description serves the table on screen and its XLSX export."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import formats


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
