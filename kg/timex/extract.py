"""Phase one of the tagger: finding time expressions and reading what they say.

In: a stretch of text and its offset in the article. Out: non-overlapping
``Candidate`` matches of the rules in rules.tsv, and for each an ``Expr``
holding the fields its named groups and the rule's fixed fields give, with
nothing anchored yet (that is ``kg.timex.resolve``).

Example: "last Friday" matches rule ``weekday`` with groups direction="last",
weekday="Friday" and reads as ``Expr("DATE", "weekday", weekday=5, direction="last")``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from kg.timex.resolve import Expr, finer_count
from kg.timex.tables import Rule, normalization, rules, trigger, words_of

# Groups whose lower-case text may be an ordinary English word ("may", "march").
NAME_GROUPS = ("month", "weekday")
DIRECTION_SHIFT = {"last": -1, "this": 0, "next": 1, "previous": -1, "following": 1}
# "the previous week", "the following Friday": counted from the time the narrative is on.
NARRATIVE_DIRECTIONS = ("previous", "following")


@dataclass(frozen=True)
class Candidate:
    """One rule match: character offsets into the article and the matched groups."""

    start: int
    end: int
    text: str
    rule: Rule
    groups: tuple[tuple[str, str], ...]  # group name -> matched text, for groups that matched

    def group(self, name: str) -> str | None:
        return dict(self.groups).get(name)


def find(text: str, offset: int = 0, accept: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """Every rule match in ``text`` that ``accept`` (if given) passes, longest first where they
    overlap, sorted by start: a longer match turned down leaves room for a shorter one."""
    present: dict[str, bool] = {}
    words = words_of(text)

    def runs(rule: Rule) -> bool:
        for name in rule.needs:
            if name not in present:
                present[name] = trigger(name)(text, words)
            if not present[name]:
                return False
        return True

    found = [
        _candidate(m, rule, offset)
        for rule in rules()
        if runs(rule)
        for m in rule.regex.finditer(text)
    ]
    found = [c for c in found if not _names_a_word(c) and (accept is None or accept(c))]
    found.sort(key=lambda c: (-(c.end - c.start), _order()[c.rule.name], c.start))
    chosen: list[Candidate] = []
    for candidate in found:
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def _candidate(match: re.Match, rule: Rule, offset: int) -> Candidate:
    """A match as a candidate; with the field ``span=GROUP`` only that group is the expression.

    The rest of the match is context the value is read from: in "April 24 and 25" the
    second end of the range is "25", its month is April.
    """
    kept = rule.field("span") or 0
    start, end = match.span(kept)
    groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None and k != kept)
    return Candidate(offset + start, offset + end, match.group(kept), rule, groups)


@cache
def _order() -> dict[str, int]:
    """Each rule's place in rules.tsv: an earlier rule wins a tie."""
    return {rule.name: i for i, rule in enumerate(rules())}


def _names_a_word(candidate: Candidate) -> bool:
    """True when a month or weekday name is written lower-case and is also a common word."""
    ambiguous = normalization("ambiguous")
    return any(
        (text := candidate.group(name)) is not None and text.islower() and _key(text) in ambiguous
        for name in NAME_GROUPS
    )


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").rstrip(".").split())


def _lookup(table: str, text: str) -> tuple[str, ...]:
    return normalization(table)[_key(text)]


def _number(text: str) -> float | None:
    """Digits, "twenty-five", or a number word; None for an unknown count ("several")."""
    key = _key(text).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", key):
        return float(key)
    words = normalization("number_word")
    if key not in words:  # "twenty-five"
        return sum(float(words[part][0]) for part in re.split(r"[\s-]+", key))
    return None if words[key][0] == "X" else float(words[key][0])


def _year_words(text: str) -> int:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "nineteen hundred" -> 1900."""
    words = re.sub(r"\b(?:the year|hundred|and)\b", " ", _key(text)).split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(_number(" ".join(words[2:])) or 0) if words[2:] else 2000
    return int(_number(words[0]) or 0) * 100 + (int(_number("-".join(words[1:])) or 0) if words[1:] else 0)


def _ordinal(text: str) -> int:
    key = _key(text)
    if key[:-2].isdigit():
        return int(key[:-2])
    return int(_lookup("ordinal", key)[0])


# Parts of the day that put a bare hour after noon ("4 in the afternoon", "10 at night").
AFTER_NOON = ("AF", "EV", "NI")


def _clock(hour: str, minute: str | None, ampm: str | None, pod: str | None = None) -> str:
    hours = int(_number(hour) or 0)  # "3", "three in the morning"
    value = hours % 12 if ampm or pod else hours
    if ampm and ampm.lower().startswith("p") or not ampm and pod in AFTER_NOON:
        value += 12
    return f"{value:02d}:{int(minute or 0):02d}"


# How each named group sets the fields of an Expr.
READERS: dict[str, Callable[[str], dict]] = {
    "year": lambda t: {"year": int(t)} if len(t) == 4 else {"year_short": int(t)},
    "year_short": lambda t: {"year_short": int(t)},
    "year_words": lambda t: {"year": _year_words(t)},
    "month": lambda t: {"month": int(_lookup("month", t)[0])},
    "month_num": lambda t: {"month": int(t)},
    "day": lambda t: {"day": int(t) if t.isdigit() else _ordinal(t)},
    "weekday": lambda t: {"weekday": int(_lookup("weekday", t)[0])},
    "unit": lambda t: {"unit": _lookup("unit", t)[0]},
    "direction": lambda t: {"direction": _lookup("direction", t)[0]},
    "part": lambda t: {"mod": _lookup("part", t)[0]},
    "season": lambda t: {"season": _lookup("season", t)[0]},
    "holiday": lambda t: {"holiday": _lookup("holiday", t)[0]},
    "quarter": lambda t: {"quarter": _ordinal(t)},
    "quarter_month": lambda t: {"quarter": (int(_lookup("month", t)[0]) - 1) // 3 + 1},  # "the April-June quarter"
    "half": lambda t: {"half": int(_lookup("half", t)[0])},
    "decade": lambda t: {"decade": int(t[:3])},
    "decade_short": lambda t: {"decade_short": int(t[0])},
    "decade_word": lambda t: {"decade_short": int(_lookup("decade_word", t)[0]) // 10},
    "century": lambda t: {"century": _ordinal(t) - 1},
    "pod": lambda t: {"pod": _lookup("part_of_day", t)[0]},
    "clock": lambda t: {"clock": _lookup("clock_word", t)[0]},
    "ref": lambda t: {"literal": _lookup("ref_word", t)[0]},
    "setword": lambda t: {"literal": _lookup("set_word", t)[0]},
}


def read(candidate: Candidate) -> Expr | None:
    """The underspecified expression a match stands for (None if the groups do not make one)."""
    rule = candidate.rule
    fields: dict = {}
    for name, text in candidate.groups:
        reader = READERS.get(re.sub(r"_\d$", "", name))
        if reader:
            fields.update(reader(text))
    expr = Expr(rule.timex_type, rule.name, **fields)
    expr = _apply_rule_fields(expr, rule)
    amount = _amount(candidate)
    if candidate.group("hour"):
        expr = replace(expr, clock=_clock(candidate.group("hour"), candidate.group("minute"),
                                          candidate.group("ampm"), expr.pod))
    if candidate.group("dayword"):
        shift, pod = _lookup("day_word", candidate.group("dayword"))
        expr = replace(expr, unit="day", shift=int(shift), pod=expr.pod or (None if pod == "-" else pod))
    if candidate.group("anaphor"):
        unit, shift, pod = _lookup("anaphor", candidate.group("anaphor"))
        expr = replace(expr, unit=unit, shift=int(shift), base="reference", pod=None if pod == "-" else pod)
    if candidate.group("ago"):
        return _ago(expr, candidate, amount)
    if rule.timex_type in ("DURATION", "SET"):
        return replace(expr, amount=amount)
    if expr.direction in NARRATIVE_DIRECTIONS:
        expr = replace(expr, base="reference")
    if expr.unit and expr.shift is None and expr.direction:
        # "last week", "this month", "last year's third quarter": a shift of the anchor's period.
        expr = replace(expr, shift=DIRECTION_SHIFT[expr.direction], direction=None)
    return expr


def _apply_rule_fields(expr: Expr, rule: Rule) -> Expr:
    changes: dict = {}
    for key, value in rule.fields:
        if key in ("unit", "base", "direction", "widen"):
            changes[key] = value
        elif key == "shift":
            changes[key] = int(value)
        elif key == "same_period":
            changes[key] = value == "yes"
    return replace(expr, **changes)


def _amount(candidate: Candidate) -> float | None:
    """The count a duration or a shift names; 1 when the text names none ("every day")."""
    if candidate.rule.field("num") == "X":
        return None
    text = candidate.group("num")
    if text is None:
        return 1.0
    amount = _number(text)
    if amount is not None and (candidate.group("frac") or candidate.group("frac_after")):
        amount += 0.5
    # "two hours and 14 minutes": the finer count as a part of the unit
    extra = _number(candidate.group("sub_num")) if candidate.group("sub_num") else None
    count = finer_count(_lookup("unit", candidate.group("unit"))[0], _lookup("unit", candidate.group("sub_unit"))[0]) \
        if extra is not None else None
    if amount is not None and count:
        amount += extra / count
    return amount


def _ago(expr: Expr, candidate: Candidate, amount: float | None) -> Expr:
    """"two days ago", "a year earlier", "three weeks later"; an unknown count ago is the vague past."""
    sign, base = _lookup("ago", candidate.group("ago"))
    if (amount is None or amount != int(amount)) and base == "reference":
        # "a few days later" dates nothing the narrative can pin: only how long after it was.
        return replace(expr, timex_type="DURATION", amount=amount)
    if amount is None or amount != int(amount):
        literal = "PAST_REF" if int(sign) < 0 else "FUTURE_REF"
        return replace(expr, literal=literal)
    if expr.unit in ("decade", "century"):  # "a decade ago" is a year, not a decade
        return replace(expr, unit="year", shift=int(sign) * int(amount) * (10 if expr.unit == "decade" else 100), base=base)
    return replace(expr, shift=int(sign) * int(amount), base=base, same_period=expr.unit == "year")
