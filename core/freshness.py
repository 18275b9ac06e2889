"""Cached figures are dropped as soon as the data under them changes.

Every cached figure's key carries a version that each save or delete of a counted record raises, so the
next page after one's own change computes afresh (the cache is shared by every worker process: settings'
database cache). Data that did not change keeps its figures for the ten minutes of `KEEP_SECONDS`."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "figures-version"
KEEP_SECONDS = 600
# The apps whose records the figures count (labels only: the foundation imports no app).
COUNTED_APPS = frozenset(
    {
        "directory",
        "registry",
        "careers",
        "banks",
        "meetings",
        "events",
        "monitoring",
        "submissions",
        "websites",
        "reports",
    }
)


def figures_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def data_changed(sender, **kwargs) -> None:
    if sender.__module__ == "__fake__" or sender._meta.app_label not in COUNTED_APPS:
        return  # a migration's historical model: the cache table may not exist yet
    bump()


def bump() -> None:
    """Every cached figure is stale from now on: the signals call it, and so does any bulk write that
    sends no signal (an import)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # expired or never set: any new value differs from the keys in use
        cache.set(VERSION_KEY, figures_version() + 1, None)


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(data_changed, dispatch_uid=f"figures-freshness-{signal!r}")
