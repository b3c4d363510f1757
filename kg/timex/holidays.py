"""The day a named holiday falls on in a given year.

In: a holiday rule from kg/resources/en/timex/normalization/holiday.tsv and a
year. Out: the date, or ValueError for a malformed rule. Three kinds of rule:
``fixed MM-DD`` (Christmas: ``fixed 12-25``), ``weekday MONTH WEEKDAY N
[OFFSET]`` (the N-th ISO weekday of the month, N = -1 for the last, then
OFFSET days: Thanksgiving is ``weekday 11 4 4``, US Election Day ``weekday
11 1 1 1``) and ``easter OFFSET`` (Good Friday: ``easter -2``).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def holiday_date(rule: str, year: int) -> date:
    kind, *numbers = rule.split()
    if kind == "fixed":
        month, day = (int(part) for part in numbers[0].split("-"))
        return date(year, month, day)
    values = [int(n) for n in numbers]
    if kind == "weekday":
        month, weekday, nth, offset = (values + [0])[:4]
        return nth_weekday(year, month, weekday, nth) + timedelta(days=offset)
    if kind == "easter":
        return easter(year) + timedelta(days=values[0])
    raise ValueError(f"unknown holiday rule {rule!r}")


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ISO ``weekday`` of the month (``nth`` = -1: the last)."""
    days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
    matching = [d for d in days if d.isoweekday() == weekday]
    return matching[nth - 1] if nth > 0 else matching[nth]


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own names)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)
