"""The Russian calendar of working days: weekends, the holidays of art. 112 of the Labor Code and the days
the Government moves each year (its decree on the transfer of days off).

A year the table below does not know yet keeps the fixed holidays of art. 112 without transfers; add its
decree's days here when it is published (usually in autumn for the next year).
"""

from __future__ import annotations

import datetime

# Art. 112: 1–8 January, 23 February, 8 March, 1 and 9 May, 12 June, 4 November.
FIXED_HOLIDAYS = ((1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (2, 23), (3, 8), (5, 1), (5, 9),
                  (6, 12), (11, 4))  # fmt: skip


def _days(year: int, *month_days: tuple[int, int]) -> set[datetime.date]:
    return {datetime.date(year, month, day) for month, day in month_days}


# Weekdays that are days off (holidays moved from a weekend and transferred days), per decree.
DAYS_OFF = {
    2024: _days(2024, (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 8), (2, 23), (3, 8), (4, 29), (4, 30), (5, 1),
                (5, 9), (5, 10), (6, 12), (11, 4), (12, 30), (12, 31)),
    2025: _days(2025, (1, 1), (1, 2), (1, 3), (1, 6), (1, 7), (1, 8), (2, 24), (3, 10), (5, 1), (5, 2),
                (5, 9), (6, 12), (11, 3), (11, 4), (12, 31)),
    2026: _days(2026, (1, 1), (1, 2), (1, 5), (1, 6), (1, 7), (1, 8), (1, 9), (2, 23), (3, 9), (5, 1), (5, 11),
                (6, 12), (11, 4), (12, 31)),
}  # fmt: skip
# Saturdays that are working days, per decree.
WORKING_WEEKENDS = {
    2024: _days(2024, (4, 27), (11, 2), (12, 28)),
    2025: _days(2025, (11, 1)),
    2026: set(),
}


def is_working_day(day: datetime.date) -> bool:
    if day.year in DAYS_OFF:
        if day in WORKING_WEEKENDS[day.year]:
            return True
        return day.weekday() < 5 and day not in DAYS_OFF[day.year]
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The `count`-th working day after `day` (the day itself not counted)."""
    while count > 0:
        day += datetime.timedelta(days=1)
        count -= is_working_day(day)
    return day


def earliest_early_end(notice_on: datetime.date) -> datetime.date:
    """Art. 351.8: either side ends mentoring early after notice of at least three working days."""
    return add_working_days(notice_on, 3)
