"""Guards: context checks that turn down a rule match the regex alone cannot judge.

In: a ``Candidate`` and the article text around it. Out: ``passes(candidate,
text)``, False when the rule's ``guard=NAME`` field names a check the context
fails. The words the checks look for are data (patterns/*.txt).

- ``year_not_quantity``: "1500 troops" is a count, not a year, unless a
  preposition says it is one ("in 1500 troops were sent" still passes).
- ``not_rate``: "$2 million a year", "four flights a week", "8.5% annually",
  "10,000 units annually" is a rate that news annotation leaves unmarked;
  "within a year" is a duration, "held here annually" a set.
- ``not_ordinal``: "a second group" counts, it does not last a second.
- ``not_fraction``: "three-quarters of its food", "a quarter of the market", "a quarter
  point" is a share, not a span of three months; "a quarter of a century" still passes.
- ``not_event_name``: "the March for Life", "a March on Washington" name a
  march, and so does a capitalised word before it ("a Long March rocket"); "March of 1999",
  "in May on Friday", "in March on Capitol Hill" still pass.
- ``not_stretch_ahead``: "the next week" after a past date is the week after it ("resigned
  the next week"), but "within the next week", "over the next month" stretch ahead from now.
- ``capitalised``: a holiday is a name ("Election Day"); "on election day" in lower case is
  the day of the vote the story is about, not the U.S. holiday.
- ``not_conversion``: "at 10:35 a.m. (0735 GMT)" gives one time twice; the zone's copy in
  brackets is not tagged again.
- ``not_title``: words that are lower case in running text but all capitalised
  inside a sentence ("on This Week With ...", "on CBS's 60 Minutes", "VOA Today")
  or quoted whole ('"This Week"') name a programme or a paper.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kg.timex.extract import Candidate
from kg.timex.tables import pattern

PLURAL_AFTER = re.compile(r"\s+[a-z]+(?<![su]s)s\b")


@cache
def _year_context() -> re.Pattern:
    return re.compile(r"\b" + pattern("year_preposition") + r"\s+(?:the\s+)?(?:year\s+)?\Z", re.IGNORECASE)


@cache
def _amount_before(counted: bool = False) -> re.Pattern:
    """A quantity just before "a year": a number, an amount word or a plural noun.

    Before a set word ("annually") the plural must follow a number ("10,000 units annually"):
    a verb in -s ("appears weekly") is not a quantity.
    """
    plural = r"\b(?!" + pattern("not_plural") + r"\s)[a-z]{2,}(?<![su]s)s"
    if counted:
        plural = r"\d\s+" + plural
    return re.compile(r"(?:\d%?|\b" + pattern("amount_word") + "|" + plural + r")\s+\Z", re.IGNORECASE)


def _year_not_quantity(candidate: Candidate, text: str) -> bool:
    if candidate.group("part") or not candidate.text[:1].isdigit():
        return True  # "early 1500", "fiscal 1989": the prefix makes it a year
    window = text[max(0, candidate.start - 40) : candidate.start]
    return not PLURAL_AFTER.match(text, candidate.end) or bool(_year_context().search(window))


def _not_rate(candidate: Candidate, text: str) -> bool:
    set_word = candidate.group("setword") is not None
    if not set_word and (candidate.group("num") or "").lower() not in ("a", "an", "per") or candidate.group("approx"):
        return True  # "comes barely a month after": an amount never stands before "barely a month"
    return not _amount_before(set_word).search(text[max(0, candidate.start - 40) : candidate.start])


def _not_ordinal(candidate: Candidate, text: str) -> bool:
    return not re.fullmatch(r"an? second", candidate.text.lower())


FRACTION_NUMBERS = ("a", "one", "three")
FRACTION_OF = re.compile(r"\s+of\s+(?!an?\s+(?:century|year|decade)\b|(?:the\s+)?(?:year|\d))|[\s-]+(?:percentage\s+)?points?\b",
                         re.IGNORECASE)  # "a quarter of the market", "a quarter point"


def _not_fraction(candidate: Candidate, text: str) -> bool:
    unit = (candidate.group("unit") or "").lower()
    if not unit.startswith("quarter") or not FRACTION_OF.match(text, candidate.end):
        return True
    # "several quarters of losses" lasts; "a quarter of", "three-quarters of" share out.
    return (candidate.group("num") or "").lower() not in FRACTION_NUMBERS and "-quarter" not in candidate.text.lower()


NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]\w*)")
OPENING_QUOTE = re.compile(r"(?:``|[\"“‘'])\Z")
CLOSING_QUOTE = re.compile(r"[,.]?(?:''|[\"”’'])")
# What may stand before a sentence's first word: its start, an end of sentence, a dateline's dash.
SENTENCE_OPENING = re.compile(r"(?:\A|[.!?:;)\n_–—-]|``|[\"“‘])\s*\Z")


def _not_title(candidate: Candidate, text: str) -> bool:
    words = [word for word in candidate.text.split() if word[:1].isalpha()]
    if not words or not all(word[:1].isupper() for word in words):
        return True
    before = text[max(0, candidate.start - 40) : candidate.start]
    quoted = OPENING_QUOTE.search(before) and CLOSING_QUOTE.match(text, candidate.end)
    title_runs_on = len(words) > 1 and (after := NEXT_WORD.match(text, candidate.end)) and after.group(1)[:1].isupper()
    # A sentence may start with "Last week"; inside a sentence capitals make a name ("on 60 Minutes").
    return not (quoted or title_runs_on) and bool(SENTENCE_OPENING.search(before))


@cache
def _named_after() -> re.Pattern:
    """A capitalised name after a preposition: "March for Life", "March on Washington"."""
    calendar_word = pattern("weekday_name") + "|" + pattern("month_name")
    return re.compile(r"\s+(?:for|of|on|against)\s+(?:the\s+)?(?!(?i:" + calendar_word + r")\b)[A-Z][a-z]")


@cache
def _name_before() -> re.Pattern:
    """A capitalised word inside a sentence right before the month: "the Long March rockets"."""
    calendar_word = pattern("weekday_name") + "|" + pattern("month_name")
    return re.compile(r"[\w,;]\s+(?!(?i:" + calendar_word + r")\b)[A-Z][a-z]+\s+\Z")


def _not_event_name(candidate: Candidate, text: str) -> bool:
    if candidate.text[:1].isupper() and _name_before().search(text, max(0, candidate.start - 30), candidate.start):
        return False
    if candidate.text[:1].islower() or not _named_after().match(text, candidate.end):
        return True
    # "in March on Capitol Hill" is the month: a preposition before it says so.
    return bool(_year_context().search(text[max(0, candidate.start - 40) : candidate.start]))


@cache
def _stretch_before() -> re.Pattern:
    return re.compile(r"\b" + pattern("stretch_preposition") + r"\s+\Z", re.IGNORECASE)


def _not_stretch_ahead(candidate: Candidate, text: str) -> bool:
    if not candidate.text.lower().startswith("the next"):
        return True
    return not _stretch_before().search(text[max(0, candidate.start - 20) : candidate.start])


# "at about 10:35 a.m. (0735 GMT)": the same time given in another zone, in brackets after it.
CONVERSION_BEFORE = re.compile(r"(?:[ap]\.?m\.?|\d)\s*\(\s*\Z", re.IGNORECASE)


def _not_conversion(candidate: Candidate, text: str) -> bool:
    return not CONVERSION_BEFORE.search(text[max(0, candidate.start - 10) : candidate.start])


def _capitalised(candidate: Candidate, text: str) -> bool:
    return candidate.group("holiday")[:1].isupper()


GUARDS: dict[str, Callable[[Candidate, str], bool]] = {
    "capitalised": _capitalised,
    "year_not_quantity": _year_not_quantity,
    "not_rate": _not_rate,
    "not_ordinal": _not_ordinal,
    "not_title": _not_title,
    "not_fraction": _not_fraction,
    "not_event_name": _not_event_name,
    "not_stretch_ahead": _not_stretch_ahead,
    "not_conversion": _not_conversion,
}


def passes(candidate: Candidate, text: str) -> bool:
    """True unless one of the rule's guards turns the match down."""
    names = (candidate.rule.field("guard") or "").split(",")
    return all(GUARDS[name](candidate, text) for name in names if name)
