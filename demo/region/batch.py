"""What the region's generators share: batched inserts that count their rows, a moment of a day."""

from __future__ import annotations

import datetime
from collections import Counter

from django.utils import timezone

from core.russian import fill_sort_keys

BATCH = 2000


def insert(model, objs: list, counts: Counter) -> None:
    for start in range(0, len(objs), BATCH):
        model.objects.bulk_create(fill_sort_keys(objs[start : start + BATCH]))
    counts[model._meta.model_name] += len(objs)


def moment(day: datetime.date) -> datetime.datetime:
    """Eleven in the morning of the day, in the project's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(11, 0)))


def spread(total: int, schools: list) -> list[tuple[object, int]]:
    """`total` records shared among the districts' schools by their number of educational organisations;
    every school gets at least one."""
    size = sum(len(school.educational) for school in schools) or 1
    return [(school, max(1, round(total * len(school.educational) / size))) for school in schools]
