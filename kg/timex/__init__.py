"""The temporal tagger: every time expression of an article with its TIMEX3 value.

In: a ``ParsedArticle`` (its content blocks, tokens and sentences) whose
``article.publication_date`` is the anchor. Out: ``tag(parsed)``, the
``TimeExpression``s found inside the content blocks, sorted by start and
non-overlapping, each with its value, grain, interval, anchor and rule.

Two phases, as in HeidelTime: ``kg.timex.extract`` matches the rules of
kg/resources/en/timex/rules.tsv and reads each match into an underspecified
``Expr``; ``kg.timex.resolve.resolve`` anchors it on the publication date
(or, for "a year earlier" and "the next day", on the time the narrative last
mentioned), in the direction the sentence's tense gives (``kg.timex.tense``).
Without a publication date, relative expressions are left out and names get
TIMEX3 values with X ("XXXX-08"); the clock is never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import cache

from kg.model import Block, ParsedArticle, TimeExpression
from kg.timex.extract import Candidate, find, read
from kg.timex.resolve import Expr, Resolved, resolve
from kg.timex import guards
from kg.timex.tables import pattern
from kg.timex.tense import TenseReader

__all__ = ["tag", "resolve", "Expr", "Resolved"]

# spaCy components the tense needs (tags; the nearest verb stands in for the governing one
# when there is no parse), run only on the sentences that need it when the caller gave none.
TENSE_COMPONENTS = ("tok2vec", "tagger")
LATE_BEFORE = re.compile(r"\blate\s+(?:on\s+)?\Z", re.IGNORECASE)
LATE_REACH = 10
LATE_FIRST_HOUR = 18  # "late on Monday": from 6 p.m.
SENTENCE_OPENING_REACH = 2  # an opening quote and the capital after a sentence end
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“'(]?[A-Z0-9])|\n\s*\n")
# Grains that make a period the narrative can later refer back to ("a year earlier"); a comparison
# ("up from a year earlier") looks back without moving the narrative there.
# Characters before a full stop searched for an abbreviation ("Sept", "U.S").
ABBREVIATION_REACH = 8
COMPARISON_REACH = 20  # characters before "a year ago" searched for "than", "from" ...
REFERENCE_GRAINS = ("day", "time", "week", "month", "quarter", "half", "season", "year")
# What stands between a clock time and the day it is on: "7 p.m. on Jan. 18", "noon, Friday".
CLOCK_DAY_LINK = re.compile(r",?\s+(?:on\s+)?")
LOWER_CASE_WORD = re.compile(r"\s+[a-z]")


def tag(parsed: ParsedArticle) -> list[TimeExpression]:
    """Every time expression in the article's content blocks, anchored on its publication date."""
    anchor = parsed.article.publication_date
    text = parsed.article.text
    found = [
        (candidate, expr)
        for block in parsed.blocks
        for candidate in find(text[block.start : block.end], block.start, lambda found: guards.passes(found, text))
        if (expr := read(candidate)) is not None
    ]
    tenses = TenseReader(_tense_parse(parsed, [c for c, expr in found if needs_tense(expr)]))
    reference: Resolved | None = None
    parts_told: dict[str, Resolved] = {}  # the last night, morning, ... the text told of
    late_day: Resolved | None = None  # the last day told "late on"
    expressions: list[TimeExpression] = []
    for position, (candidate, expr) in enumerate(found):
        if expr.same_period and _after_comparison().search(text, max(0, candidate.start - COMPARISON_REACH), candidate.start):
            expr = replace(expr, compared=True)
        tense = tenses.tense_at(candidate.start, candidate.end) if needs_tense(expr) else None
        base = _day_named_after(found[position:], text, anchor, reference, tenses) \
            or _same_part_told(expr, parts_told) or _late_day_of_clock(expr, late_day) or _narrative_for(expr, reference, anchor, tense)
        resolved = resolve(expr, anchor, base, tense)
        if resolved is None:
            continue
        expressions.append(_expression(candidate, expr, resolved, anchor, base))
        if expr.pod and resolved.first_day is not None:
            parts_told[expr.pod] = resolved
        if resolved.grain == "day" and LATE_BEFORE.search(text, max(0, candidate.start - LATE_REACH), candidate.start):
            late_day = resolved
        if _moves_narrative(candidate, expr, resolved, reference, text):
            reference = resolved
    return expressions


def _same_part_told(expr: Expr, parts_told: dict[str, Resolved]) -> Resolved | None:
    """"that night" after "on Saturday night ... late Sunday" is Saturday's: the night told last."""
    return parts_told.get(expr.pod) if expr.base == "reference" and expr.pod and expr.shift == 0 else None


def _narrative_for(expr: Expr, reference: Resolved | None, anchor: date | None, tense: str | None) -> Resolved | None:
    """The narrative's period as the base of an expression; not for a clock time told in the past
    when the narrative is on a day ahead ("talks resume on September 20 ... the shift began at 6 a.m.")."""
    ahead = reference is not None and anchor is not None and reference.first_day is not None and reference.first_day > anchor
    return None if ahead and tense == "past" and _bare_clock(expr) else reference


def _late_day_of_clock(expr: Expr, late_day: Resolved | None) -> Resolved | None:
    """"killed two miners late on Monday ... The tremor struck at about 10:40 p.m.": an evening
    clock time with no day of its own is on the day told last "late on"."""
    if late_day is None or not _bare_clock(expr):
        return None
    return late_day if int(expr.clock[:2]) >= LATE_FIRST_HOUR else None


def _day_named_after(found: list[tuple[Candidate, Expr]], text: str, anchor: date | None, reference: Resolved | None,
                     tenses: TenseReader) -> Resolved | None:
    """The day a bare clock time is on when the text names it right after ("at 7 p.m. on Jan. 18").

    TimeML tags the two apart (a preposition ends an expression), yet the time is that day's.
    """
    (clock, expr), following = found[0], found[1:2]
    if not following or not (expr.clock or expr.pod) or _names_a_day(expr) or expr.base == "reference":
        return None
    day, day_expr = following[0]
    if not CLOCK_DAY_LINK.fullmatch(text, clock.end, day.start) or not _names_a_day(day_expr):
        return None
    tense = tenses.tense_at(day.start, day.end) if needs_tense(day_expr) else None
    resolved = resolve(day_expr, anchor, reference, tense)
    return resolved if resolved is not None and resolved.grain == "day" else None


def _names_a_day(expr: Expr) -> bool:
    return expr.weekday is not None or expr.day is not None or expr.unit == "day"


def _moves_narrative(candidate: Candidate, expr: Expr, resolved: Resolved, reference: Resolved | None,
                     text: str) -> bool:
    """True when the expression becomes the period later ones ("a year earlier", "3 a.m.") count from.

    Not a comparison ("up from a year earlier"), and not the day of a report ("officials
    said Monday") when the narrative is already on a day: the events told happened then.
    """
    if resolved.grain not in REFERENCE_GRAINS or resolved.first_day is None or expr.same_period:
        return False
    if expr.unit == "overnight":
        return False  # "depressed by overnight losses": a night counted from publication, not a day the story moves to
    if expr.base == "reference" and (expr.shift or 0) < 0:
        return False  # "the day before" is a flashback: "the next morning" after it counts from the story's day
    if resolved.grain == "year" and _describes_a_noun(candidate, text):
        return False  # "his 2014 hit": a year naming a thing is no time the story moves to
    on_a_day = reference is not None and reference.grain in ("day", "time")
    start = candidate.start
    return not (on_a_day and _after_reporting_verb().search(text, max(0, start - 40), start))


def _describes_a_noun(candidate: Candidate, text: str) -> bool:
    return bool(_after_noun_determiner().search(text, max(0, candidate.start - 10), candidate.start)) \
        and bool(LOWER_CASE_WORD.match(text, candidate.end))


@cache
def _after_noun_determiner() -> re.Pattern:
    return re.compile(r"\b" + pattern("noun_determiner") + r"\s+\Z", re.IGNORECASE)


@cache
def _after_comparison() -> re.Pattern:
    return re.compile(r"\b" + pattern("comparison_word") + r"\s+\Z", re.IGNORECASE)


@cache
def _after_reporting_verb() -> re.Pattern:
    return re.compile(r"\b" + pattern("reporting_verb") + r"\s+(?:on\s+)?\Z", re.IGNORECASE)


def needs_tense(expr: Expr) -> bool:
    """Only a bare name ("Friday", "in August", "Thanksgiving") needs the tense, and a bare clock
    time (a past one is not on a day the narrative looks ahead to).

    A year or a modifier ("last Friday") decides without it (a quarter needs it only to tell one
    looking ahead from a stale one), and the tagger is run only on sentences that need it.
    """
    named = (expr.weekday, expr.month, expr.day, expr.season, expr.holiday, expr.half, expr.quarter)
    return (
        expr.timex_type in ("DATE", "TIME")
        and expr.literal is None
        and expr.shift is None
        and expr.direction is None
        and (expr.year, expr.year_short, expr.decade, expr.century, expr.decade_short) == (None,) * 5
        and (any(f is not None for f in named) or expr.unit in ("weekend", "overnight") or _bare_clock(expr))
    )


def _bare_clock(expr: Expr) -> bool:
    """A clock time with no day of its own ("at 6 a.m."): the narrative's day, unless that lies ahead and the sentence is past."""
    return expr.clock is not None and not _names_a_day(expr) and expr.base == "anchor" and expr.direction is None


def _tense_parse(parsed: ParsedArticle, candidates: list[Candidate]) -> ParsedArticle:
    """A parse with tags and heads around the candidates that need the tense.

    When the article was parsed with a tagger (``kg build``), that parse is
    used; when it was only tokenised (``kg dates`` loads no statistical
    component, to start and run fast), only the sentences holding such
    candidates go through the tagger.
    """
    if not candidates or any(token.tag for token in parsed.tokens):
        return parsed
    from kg import nlp

    spans = sorted({sentence_span(parsed.article.text, parsed.blocks, c.start) for c in candidates})
    return nlp.parse_article(parsed.article, [Block(start, end) for start, end in spans], TENSE_COMPONENTS)


def sentence_span(text: str, blocks, position: int) -> tuple[int, int]:
    """The sentence around ``position``, cut at sentence-final punctuation inside its block."""
    block = next(b for b in blocks if b.start <= position < b.end)
    start = block.start
    for match in _sentence_ends(text, block.start, position):
        start = match.end()
    after = next(_sentence_ends(text, position, block.end), None)
    return start, (after.start() + 1 if after else block.end)


def _sentence_ends(text: str, start: int, end: int) -> Iterator[re.Match]:
    """Sentence ends in ``text[start:end]``, not counting the full stop of an abbreviation ("Sept. 14").

    The search looks past ``end`` for the capital that opens the next sentence, so the end of
    the sentence right before an expression at ``end`` ("... would start. Friday's run") counts."""
    return (m for m in SENTENCE_END.finditer(text, start, min(len(text), end + SENTENCE_OPENING_REACH))
            if m.start() < end and not _abbreviation_before().search(text, max(0, m.start() - ABBREVIATION_REACH), m.start()))


@cache
def _abbreviation_before() -> re.Pattern:
    return re.compile(r"(?<![\w.])" + pattern("abbreviation") + r"\Z", re.IGNORECASE)


def _expression(candidate: Candidate, expr: Expr, resolved: Resolved, anchor, reference) -> TimeExpression:
    timex_type = expr.timex_type
    if timex_type in ("DATE", "TIME"):
        timex_type = "TIME" if re.search(r"\dT", resolved.value) else "DATE"
    used = anchor
    if expr.base == "reference" and reference is not None and reference.first_day is not None:
        used = reference.first_day
    return TimeExpression(
        start=candidate.start,
        end=candidate.end,
        text=candidate.text,
        type=timex_type,
        value=resolved.value,
        grain=resolved.grain,
        rule=candidate.rule.name,
        anchor=used if timex_type in ("DATE", "TIME") else None,
        first_day=resolved.first_day,
        last_day=resolved.last_day,
    )
