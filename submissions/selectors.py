"""Reads of this capability, always scoped to the user through accounts.access."""

from __future__ import annotations


def home_figures_for(user) -> dict:
    """Figures this capability adds to every role's home page (shown by its home_figures.html)."""
    return {}
