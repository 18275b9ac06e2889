"""This capability's part of the demo district (called by `load_demo`; must be idempotent)."""

from __future__ import annotations


def load(demo) -> str:
    """Fill the capability's demo records once; return a line for the console, or ""."""
    return ""
