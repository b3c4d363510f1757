"""Phase two of the tagger: anchoring an underspecified expression on a date.

In: an ``Expr`` (what the text says: "Friday", "last year", "a year earlier",
"six months"), the anchor (the publication date, or None), the narrative's
reference period (the time the text last mentioned) and the sentence's tense.
Out: a ``Resolved`` TIMEX3 value with its grain and the interval it denotes,
or None when the expression cannot be anchored. Everything here is a pure
function of its arguments: no clock, no globals.

Example: ``resolve(Expr("DATE", "weekday", weekday=4), date(2022, 1, 21), tense="past")``
gives ``2022-01-20`` (the latest Thursday not after Friday 21 January).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.timex.holidays import holiday_date

# Units that are counted in months (the rest are counted in days).
MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}
DAYS_IN = {"day": 1, "week": 7, "weekend": 7, "fortnight": 14}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASON_OF_MONTH = {m: code for code, start in SEASON_START.items() for m in (start, start % 12 + 1, (start + 1) % 12 + 1)}
# Duration letters: calendar units, then clock units (written after "T").
DURATION_UNIT = {
    "day": (1, "D"), "week": (1, "W"), "fortnight": (2, "W"), "weekend": (2, "D"), "month": (1, "M"),
    "quarter": (3, "M"), "year": (1, "Y"), "decade": (10, "Y"), "century": (100, "Y"),
}
CLOCK_UNIT = {"hour": "H", "minute": "M", "second": "S"}
UNKNOWN_DURATION_UNIT = {"decade": "Y", "century": "C", "fortnight": "W", "quarter": "Q", "weekend": "WE"}
# "the previous Friday" is the last one before the day the narrative is on.
NARRATIVE_DIRECTION = {"previous": "last", "following": "next"}
SMALL_HOURS_END = 6  # clock hours before this one follow the night before
GRAIN_ORDER = ("time", "day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century")


@dataclass(frozen=True)
class Expr:
    """An underspecified time expression: the fields the text names, nothing inferred."""

    timex_type: str  # DATE, TIME, DURATION, SET
    rule: str
    year: int | None = None
    year_short: int | None = None  # "'19": the century comes from the anchor
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: 1 = Monday
    quarter: int | None = None
    half: int | None = None
    season: str | None = None  # SP, SU, FA, WI
    holiday: str | None = None  # the rule for its day: "weekday 11 4 4" (kg.timex.holidays)
    decade: int | None = None  # 199 for the 1990s
    decade_short: int | None = None  # 9 for "the nineties"
    century: int | None = None  # 18 for the 19th century
    unit: str | None = None  # the unit a relative shift or a duration counts in
    shift: int | None = None  # relative: this many units from the base (None: not relative)
    base: str = "anchor"  # "anchor" (publication date) or "reference" (last time mentioned)
    direction: str | None = None  # explicit "last" / "next" / "this"
    pod: str | None = None  # part of day: MO, AF, EV, NI
    clock: str | None = None  # "15:00"
    literal: str | None = None  # a fixed value: PRESENT_REF, P1W, ...
    amount: float | None = None  # a duration's count; None with a unit means "several"
    mod: str | None = None  # START, MID, END: narrows the period, not its value
    same_period: bool = False  # "a year earlier": the period the text is about, whole years away
    widen: str | None = None  # "the week of March 6": the period of this grain holding the day named
    compared: bool = False  # "higher than a year ago": a comparison word before it


@dataclass(frozen=True)
class Resolved:
    """A TIMEX3 value and the interval it denotes."""

    value: str
    grain: str
    first_day: date | None = None
    last_day: date | None = None


# ---------------------------------------------------------------- periods


def shift_date(day: date, unit: str, n: int) -> date:
    """The same position ``n`` units away (month units keep the day, clipped to the month end)."""
    if unit in DAYS_IN:
        return day + timedelta(days=DAYS_IN[unit] * n)
    months = day.year * 12 + day.month - 1 + MONTHS_IN[unit] * n
    year, month = divmod(months, 12)
    first = date(year, month + 1, 1)
    return first.replace(day=min(day.day, _month_length(first)))


def _month_length(first: date) -> int:
    return calendar.monthrange(first.year, first.month)[1]


def period_start(day: date, grain: str) -> date:
    """The first day of the period of ``grain`` that holds ``day``."""
    if grain in ("day", "time"):
        return day
    if grain == "week":
        return day - timedelta(days=day.isoweekday() - 1)
    if grain == "weekend":
        return day - timedelta(days=day.isoweekday() - 6)
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    if grain == "half":
        return date(day.year, (day.month - 1) // 6 * 6 + 1, 1)
    if grain == "season":
        start = SEASON_START[SEASON_OF_MONTH[day.month]]
        return date(day.year - (day.month < start), start, 1)
    if grain == "year":
        return date(day.year, 1, 1)
    if grain == "decade":
        return date(max(1, day.year // 10 * 10), 1, 1)
    if grain == "century":
        return date(max(1, day.year // 100 * 100), 1, 1)
    raise ValueError(f"unknown grain {grain!r}")


def period_end(first: date, grain: str) -> date:
    """The last day of the period of ``grain`` that starts on ``first``."""
    if grain in ("day", "time"):
        return first
    if grain in DAYS_IN:
        return first + timedelta(days=(1 if grain == "weekend" else DAYS_IN[grain] - 1))
    try:
        return shift_date(first, grain, 1) - timedelta(days=1)
    except (ValueError, OverflowError):
        return date(9999, 12, 31)


def period_value(first: date, grain: str) -> str:
    """The TIMEX3 value of the period of ``grain`` that starts on ``first``."""
    if grain in ("day", "time"):
        return first.isoformat()
    if grain in ("week", "weekend"):
        iso = first.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if grain == "weekend" else "")
    if grain == "month":
        return f"{first.year:04d}-{first.month:02d}"
    if grain == "quarter":
        return f"{first.year:04d}-Q{(first.month - 1) // 3 + 1}"
    if grain == "half":
        return f"{first.year:04d}-H{(first.month - 1) // 6 + 1}"
    if grain == "season":
        return f"{first.year:04d}-{SEASON_OF_MONTH[first.month]}"
    if grain == "year":
        return f"{first.year:04d}"
    if grain == "decade":
        return f"{first.year // 10:03d}"
    return f"{first.year // 100:02d}"


def _period(first: date, grain: str) -> Resolved:
    return Resolved(period_value(first, grain), grain, first, period_end(first, grain))


# ---------------------------------------------------------------- choosing among candidates


# A past sentence names a month eight months back rather than one three months ahead ("In February,
# the board hired ...", written in October), yet the tense read from the nearest verb is sometimes
# another clause's ("called an election for Dec. 13"), so the other side is not ruled out: a period
# there counts as this many times as far.
AGAINST_TENSE = 4


def choose(
    candidates: list[Resolved], anchor: date, direction: str | None, tense: str | None, strict: bool = False
) -> Resolved:
    """Pick the period the text means among same-named ones around the anchor.

    An explicit modifier wins ("last": the latest ended before the anchor,
    "next": the earliest starting after it, "this": the one in the anchor's
    year). Otherwise the nearest one, where a period on the side opposite
    the tense counts as ``AGAINST_TENSE`` times as far; with ``strict`` (weekdays) the tense
    alone decides: past, the latest not after the anchor; future, the
    earliest not before it.
    """
    ordered = sorted(candidates, key=lambda c: c.first_day)
    if direction == "last":
        before = [c for c in ordered if c.last_day < anchor]
        return before[-1] if before else ordered[0]
    if direction == "next":
        after = [c for c in ordered if c.first_day > anchor]
        return after[0] if after else ordered[-1]
    if direction == "this":
        return min(ordered, key=lambda c: abs(c.first_day.year - anchor.year) * 1000 + _distance(c, anchor))
    if strict and tense == "past":
        before = [c for c in ordered if c.first_day <= anchor]
        return before[-1] if before else ordered[0]
    if strict and tense == "future":
        after = [c for c in ordered if c.last_day >= anchor]
        return after[0] if after else ordered[-1]
    return min(ordered, key=lambda c: (_distance(c, anchor) * _against(c, anchor, tense), c.first_day > anchor))


def _against(period: Resolved, anchor: date, tense: str | None) -> int:
    """``AGAINST_TENSE`` when the period lies on the side opposite to the tense, else 1."""
    if tense == "past" and period.first_day > anchor or tense == "future" and period.last_day < anchor:
        return AGAINST_TENSE
    return 1


def _distance(period: Resolved, anchor: date) -> int:
    if period.first_day <= anchor <= period.last_day:
        return 0
    return min(abs((period.first_day - anchor).days), abs((period.last_day - anchor).days))


# ---------------------------------------------------------------- resolving


def resolve(
    expr: Expr, anchor: date | None, reference: Resolved | None = None, tense: str | None = None
) -> Resolved | None:
    """Anchor one expression; None when it needs an anchor and has none, or overflows."""
    try:
        if expr.literal is not None:
            return Resolved(expr.literal, "set" if expr.timex_type == "SET" else "ref")
        if expr.timex_type == "DURATION":
            return _duration(expr)
        if expr.timex_type == "SET":
            return _set(expr)
        return _date(expr, anchor, reference, tense)
    except (ValueError, OverflowError, KeyError):
        return None


def _duration(expr: Expr) -> Resolved | None:
    if expr.unit in CLOCK_UNIT:
        return Resolved(f"PT{_amount(expr.amount, CLOCK_UNIT[expr.unit], clock=True)}", "duration")
    if expr.unit not in DURATION_UNIT:
        return None
    factor, letter = DURATION_UNIT[expr.unit]
    if expr.amount is None:
        return Resolved(f"PX{UNKNOWN_DURATION_UNIT.get(expr.unit, letter)}", "duration")
    return Resolved(f"P{_amount(expr.amount * factor, letter)}", "duration")


# The next finer unit of a duration letter, for the half in "5 1/2 days" (M: months, or minutes on a clock).
FINER_CALENDAR_UNIT = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H")}
FINER_CLOCK_UNIT = {"H": (60, "M"), "M": (60, "S")}


def _amount(amount: float | None, letter: str, clock: bool = False) -> str:
    """``5.5`` hours -> ``5H30M``, 1.5 minutes -> ``1M30S``, 0.31 seconds -> ``0.31S``; whole amounts
    print without a decimal point."""
    if amount is None:
        return f"X{letter}"
    whole = int(amount)
    rest = amount - whole
    finer = (FINER_CLOCK_UNIT if clock else FINER_CALENDAR_UNIT).get(letter)
    if rest == 0:
        return f"{whole}{letter}"
    if finer is None:  # "0.31 seconds": the finest unit keeps its decimals
        return f"{amount:g}{letter}"
    count, smaller = finer
    if letter == "D":
        return f"{whole}DT{round(rest * count)}H" if whole else f"T{round(rest * count)}H"
    return (f"{whole}{letter}" if whole else "") + f"{round(rest * count)}{smaller}"  # "half an hour": 30M


def finer_count(unit: str, smaller: str) -> int | None:
    """How many of ``smaller`` make one ``unit`` when it is the next finer unit: hour, minute -> 60."""
    clock = unit in CLOCK_UNIT
    letter = CLOCK_UNIT[unit] if clock else DURATION_UNIT.get(unit, (None, None))[1]
    finer = (FINER_CLOCK_UNIT if clock else FINER_CALENDAR_UNIT).get(letter)
    wanted = CLOCK_UNIT.get(smaller) or DURATION_UNIT.get(smaller, (None, None))[1]
    return finer[0] if finer is not None and finer[1] == wanted and DURATION_UNIT.get(unit, (1,))[0] == 1 else None


def _set(expr: Expr) -> Resolved | None:
    if expr.weekday is not None:
        return Resolved(f"XXXX-WXX-{expr.weekday}" + (f"T{expr.pod}" if expr.pod else ""), "set")
    if expr.season or expr.month is not None:  # "every summer", "each July"
        return Resolved(_unanchored(expr).value, "set")
    if expr.pod:  # "every night"
        return Resolved(f"XXXX-XX-XXT{expr.pod}", "set")
    duration = _duration(expr)
    return Resolved(duration.value, "set") if duration else None


def _date(expr: Expr, anchor: date | None, reference: Resolved | None, tense: str | None) -> Resolved | None:
    period = _calendar_period(expr, anchor, reference, tense)
    if period is None:
        return None
    if expr.widen and period.first_day is not None:
        return _period(period_start(period.first_day, expr.widen), expr.widen)
    if expr.pod or expr.clock:
        return _time_of_day(expr, period)
    return period


def _calendar_period(
    expr: Expr, anchor: date | None, reference: Resolved | None, tense: str | None
) -> Resolved | None:
    """The period the date fields name, at the grain the text gives."""
    if expr.shift is not None and expr.unit:
        return _relative(expr, anchor, reference)
    if expr.year is not None or expr.year_short is not None:
        year = expr.year if expr.year is not None else _expand_year(expr.year_short, anchor)
        return _within_year(expr, year)
    if expr.decade is not None:
        return _period(date(expr.decade * 10, 1, 1), "decade")
    if expr.century is not None:
        return _period(date(max(1, expr.century * 100), 1, 1), "century")
    if anchor is None:
        return _unanchored(expr)
    if expr.decade_short is not None:
        starts = [date(c * 100 + expr.decade_short * 10, 1, 1) for c in (anchor.year // 100 - 1, anchor.year // 100)]
        return choose([_period(s, "decade") for s in starts], anchor, None, "past", strict=True)
    if expr.weekday is not None and expr.month is None:
        if expr.direction in NARRATIVE_DIRECTION:
            return _weekday(replace(expr, direction=NARRATIVE_DIRECTION[expr.direction]),
                            _reference_day(anchor, reference), tense)
        return _weekday(expr, anchor, tense)
    if expr.unit == "overnight":  # "replaced the valve overnight": last night; "gusts expected overnight": tonight
        return _period(anchor - timedelta(days=1) if tense == "past" else anchor, "day")
    if expr.unit == "weekend":
        weekends = [_period(period_start(anchor, "weekend") + timedelta(days=7 * n), "weekend") for n in (-1, 0, 1)]
        return choose(weekends, anchor, None, "future" if tense == "present" else tense or "past", strict=True)
    if expr.month is not None or expr.quarter or expr.half or expr.season or expr.holiday:
        years = [anchor.year - 1, anchor.year, anchor.year + 1]
        if expr.weekday is not None and expr.day is not None:  # "Monday, Oct. 26": the year that fits
            years = [y for y in range(anchor.year - 6, anchor.year + 7) if _weekday_fits(expr, y)] or years
            return min((_within_year(expr, y) for y in years), key=lambda c: _distance(c, anchor))
        if expr.month is None and (expr.quarter or expr.half):
            # Business news reports on quarters that have begun, whatever the tense ("expects a loss
            # in the third quarter" in October is this year's): the latest one begun by the anchor.
            # A half is half the year: one that looks ahead ("expects costs to ease in the second
            # half", in April) is the coming one.
            looking = tense if expr.half and tense == "future" else "past"
            chosen = choose([_within_year(expr, y) for y in years], anchor, expr.direction, looking, strict=True)
            if expr.direction is None and tense in ("present", "future") and (
                    expr.quarter and _stale(chosen, anchor) or expr.half and chosen.last_day < anchor):
                # "expected the bank to wait until the second quarter", in January: not last year's,
                # long reported, but the coming one; likewise a half already over ("before the second
                # half", in February).
                return _within_year(expr, chosen.first_day.year + 1)
            return chosen
        # Feb. 29 is only in leap years: the years where the day exists.
        return choose([_within_year(expr, y) for y in years if _day_exists(expr, y)], anchor, expr.direction, tense)
    if expr.day is not None:
        months = [shift_date(anchor.replace(day=1), "month", n) for n in (-1, 0, 1)]
        days = [_period(m.replace(day=expr.day), "day") for m in months if expr.day <= _month_length(m)]
        return choose(days, anchor, expr.direction, tense) if days else None
    if expr.pod or expr.clock:
        day = _reference_day(anchor, reference)
        # "late Wednesday night ... came ashore at 4:10 a.m.": the small hours after a night are the next day's.
        after_night = reference is not None and reference.value.endswith("TNI") and expr.clock is not None \
            and int(expr.clock[:2]) < SMALL_HOURS_END and day < anchor
        return _period(day + timedelta(days=1) if after_night else day, "day")
    return None


def _relative(expr: Expr, anchor: date | None, reference: Resolved | None) -> Resolved | None:
    """"last week", "two days ago", "a year earlier", "the next day", "last year's third quarter"."""
    if _compares_reported_period(expr, reference):
        # Earnings news: "up from $3 million a year ago" after "the third quarter" is last year's third quarter.
        return _period(shift_date(reference.first_day, "year", expr.shift), reference.grain)
    if expr.base == "reference" and expr.unit == "quarter":
        return _reported_quarter(expr, anchor, reference)
    from_reference = expr.base == "reference" and reference is not None and reference.first_day is not None
    if from_reference and _finer(expr.unit, reference.grain):
        return _unknown_day_within(reference) if expr.unit == "day" and expr.shift == 0 else None
    if anchor is None and not from_reference:
        return None
    base = reference.first_day if from_reference else anchor
    grain = expr.unit if expr.unit != "fortnight" else "week"
    first = period_start(shift_date(period_start(base, grain), expr.unit, expr.shift), grain)
    if expr.quarter or expr.half or expr.month:
        return _within_year(expr, first.year)
    return _period(first, grain)


def _unknown_day_within(reference: Resolved) -> Resolved | None:
    """"that same day" after "in October 1998": a day of that month, which one unsaid (1998-10-XX)."""
    unknown = {"month": "-XX", "year": "-XX-XX"}.get(reference.grain)
    if unknown is None:
        return None
    return Resolved(reference.value + unknown, reference.grain, reference.first_day, reference.last_day)


def _finer(unit: str, grain: str) -> bool:
    """True when ``unit`` is a finer grain than ``grain`` ("day" than "year")."""
    return unit in GRAIN_ORDER and grain in GRAIN_ORDER and GRAIN_ORDER.index(unit) < GRAIN_ORDER.index(grain)


def _compares_reported_period(expr: Expr, reference: Resolved | None) -> bool:
    """"Profit rose in the third quarter from a year earlier" (or "ago"), "output grew in November
    from a year earlier", "prices were higher in July than a year ago": the period the text reports
    on, one year before (not "41 years ago", nor "resigned a year ago" after "in January last year")."""
    return (
        expr.same_period and expr.unit == "year" and reference is not None and reference.first_day is not None
        and (reference.grain in ("quarter", "half")
             or reference.grain == "month" and expr.shift == -1 and (expr.base == "reference" or expr.compared))
    )


def _stale(quarter: Resolved, anchor: date) -> bool:
    """A quarter that ended before the one before the anchor's: too old to be the one reported on."""
    return quarter.last_day < shift_date(period_start(anchor, "quarter"), "quarter", -1)


def _reported_quarter(expr: Expr, anchor: date | None, reference: Resolved | None) -> Resolved | None:
    """"The latest quarter", "the year-ago quarter", "the 1988 quarter": counted from the quarter
    the text is about, else from the last one completed, in the year the text names if it names one."""
    if reference is not None and reference.grain == "quarter" and reference.first_day is not None:
        first = reference.first_day
    elif anchor is not None:
        first = shift_date(period_start(anchor, "quarter"), "quarter", -1)
    else:
        return None
    if expr.year is not None:
        first = first.replace(year=expr.year)
    return _period(shift_date(first, "quarter", expr.shift or 0), "quarter")


def _within_year(expr: Expr, year: int) -> Resolved:
    """A named part of one year: a day, a holiday, a month, a quarter, a half, a season, or the year."""
    if expr.holiday:
        return _period(holiday_date(expr.holiday, year), "day")
    if expr.month is not None and expr.day is not None:
        return _period(date(year, expr.month, expr.day), "day")
    if expr.month is not None:
        return _period(date(year, expr.month, 1), "month")
    if expr.quarter:
        return _period(date(year, expr.quarter * 3 - 2, 1), "quarter")
    if expr.half:
        return _period(date(year, expr.half * 6 - 5, 1), "half")
    if expr.season:
        return _period(date(year, SEASON_START[expr.season], 1), "season")
    return _period(date(year, 1, 1), "year")


def _day_exists(expr: Expr, year: int) -> bool:
    return expr.month is None or expr.day is None or expr.day <= calendar.monthrange(year, expr.month)[1]


def _weekday_fits(expr: Expr, year: int) -> bool:
    try:
        return date(year, expr.month, expr.day).isoweekday() == expr.weekday
    except ValueError:
        return False


def _expand_year(short: int | None, anchor: date | None) -> int:
    """A two-digit year: the century that puts it nearest the anchor (1900s without an anchor)."""
    assert short is not None
    if anchor is None:
        return 1900 + short
    return min((c * 100 + short for c in (anchor.year // 100 - 1, anchor.year // 100, anchor.year // 100 + 1)),
               key=lambda y: abs(y - anchor.year))


def _weekday(expr: Expr, anchor: date, tense: str | None) -> Resolved:
    days = [anchor + timedelta(days=n) for n in range(-7, 8)]
    candidates = [_period(d, "day") for d in days if d.isoweekday() == expr.weekday]
    if expr.direction == "this":
        week = anchor.isocalendar()[1]
        return next(c for c in candidates if c.first_day.isocalendar()[1] == week)
    if expr.direction is None:  # a bare weekday is within a week of the anchor, either way
        candidates = [c for c in candidates if abs((c.first_day - anchor).days) < 7]
    return choose(candidates, anchor, expr.direction, tense, strict=True)


def _unanchored(expr: Expr) -> Resolved | None:
    """No publication date: a TIMEX3 value with the unknown parts written as X."""
    if expr.month is not None and expr.day is not None:
        return Resolved(f"XXXX-{expr.month:02d}-{expr.day:02d}", "day")
    if expr.month is not None:
        return Resolved(f"XXXX-{expr.month:02d}", "month")
    if expr.weekday is not None:
        return Resolved(f"XXXX-WXX-{expr.weekday}", "day")
    if expr.quarter:
        return Resolved(f"XXXX-Q{expr.quarter}", "quarter")
    if expr.season:
        return Resolved(f"XXXX-{expr.season}", "season")
    return None


def _reference_day(anchor: date, reference: Resolved | None) -> date:
    """A clock time with no day of its own happens on the day the text last named."""
    if reference is not None and reference.grain in ("day", "time") and reference.first_day is not None:
        return reference.first_day
    return anchor


def _time_of_day(expr: Expr, period: Resolved) -> Resolved:
    if period.grain not in ("day", "time"):
        return period
    suffix = expr.clock if expr.clock else expr.pod
    return Resolved(f"{period.value}T{suffix}", "time", period.first_day, period.last_day)
