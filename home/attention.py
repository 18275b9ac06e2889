"""«Требует внимания»: every capability's concerns for the user, in a fixed number of queries."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.utils import timezone

from core import access
from core.attention import Concern
from core.freshness import KEEP_SECONDS, figures_version
from events import selectors as events_selectors
from meetings import selectors as meetings_selectors
from registry import attention as registry_attention
from submissions import selectors as submissions_selectors

# In the order the page shows them.
SOURCES = (
    registry_attention.attention_for,
    meetings_selectors.attention_for,
    submissions_selectors.attention_for,
    events_selectors.attention_for,
)


def may_see_attention(user) -> bool:
    """The methodologist's and a coordinator's working list; the department reads totals, not names."""
    return access.is_methodist(user) or access.is_coordinator(user)


def attention_for(user, today: datetime.date | None = None) -> list[Concern]:
    today = today or timezone.localdate()
    return [concern for source in SOURCES for concern in source(user, today)]


def kept_attention_for(user) -> list[Concern]:
    """The home page's block: the same concerns, kept until the data under them changes or the day turns
    (`core.freshness`); the page «Требует внимания» itself always reads afresh."""
    today = timezone.localdate()
    key = f"attention:{figures_version()}:{access.scope_key(user)}:{today:%Y%m%d}"
    return cache.get_or_set(key, lambda: attention_for(user, today), KEEP_SECONDS)


def open_concerns(concerns: list[Concern]) -> list[Concern]:
    return [c for c in concerns if c.count]
