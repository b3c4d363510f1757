"""Calendar intervals of TIMEX3 values.

In: a ``TimeExpression`` or a TIMEX3 value (``2022-01-20``, ``2022-W03``,
``2022-01``, ``2022-Q1``, ``2022-H1``, ``2022``). Out: the first and last day
it covers, the rank of its grain, the gap in days between two intervals.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.model import TimeExpression

GRAIN_RANK = {"day": 0, "time": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 3, "year": 4}
UNRANKED = 5

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")

Interval = tuple[date, date]


def value_interval(value: str) -> Interval | None:
    """The days a calendar TIMEX3 value covers: ``2022-W03`` -> (2022-01-17, 2022-01-23)."""
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _MONTH.match(value):
            return _months(int(m[1]), int(m[2]), 1)
        if m := _QUARTER.match(value):
            return _months(int(m[1]), 3 * int(m[2]) - 2, 3)
        if m := _HALF.match(value):
            return _months(int(m[1]), 6 * int(m[2]) - 5, 6)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _months(year: int, first_month: int, count: int) -> Interval:
    end_year, end_month = divmod(first_month - 1 + count, 12)
    return date(year, first_month, 1), date(year + end_year, end_month + 1, 1) - timedelta(days=1)


def time_interval(expression: TimeExpression) -> Interval | None:
    """The days a time expression denotes, or None when it is not a calendar date."""
    if expression.type not in ("DATE", "TIME"):
        return None
    if expression.first_day and expression.last_day:
        return expression.first_day, expression.last_day
    return value_interval(expression.value)


def grain_rank(expression: TimeExpression) -> int:
    """0 for a day, up to 4 for a year; coarser or unknown grains rank last."""
    return GRAIN_RANK.get(expression.grain, UNRANKED)


def day_gap(a: Interval, b: Interval) -> int:
    """Days between two intervals; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0
