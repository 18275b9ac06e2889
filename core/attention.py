"""«Требует внимания»: what a capability says needs doing, as lines that link to the records.

Each capability's selectors give their concerns (`attention_for(user, today)`), already scoped to the
user; the home page and the digest put them together. A concern costs two queries — its count and its
first rows — so the page's query count does not grow with the data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet

SHOWN_ROWS = 10


@dataclass(frozen=True)
class Line:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Concern:
    key: str
    title: str
    count: int
    lines: list[Line] = field(default_factory=list)
    list_url: str = ""  # where all of them are, when there are more than shown

    @property
    def more(self) -> int:
        return max(self.count - len(self.lines), 0)


def concern(
    key: str,
    title: str,
    queryset: QuerySet,
    line: Callable[[object], Line],
    list_url: str = "",
    limit: int = SHOWN_ROWS,
) -> Concern:
    """The concern's count and its first `limit` records as lines (two queries)."""
    count = queryset.count()
    lines = [line(record) for record in queryset[:limit]] if count else []
    return Concern(key=key, title=title, count=count, lines=lines, list_url=list_url)
