"""The rule tables: they load, and every rule's own example gives its expected value.

No spaCy model: the examples run through extraction and resolution with the
tense unknown, published on Friday 2022-01-21 (the anchor rules.tsv states).
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.timex.extract import find, read
from kg.timex.resolve import resolve
from kg.timex.tables import normalization, pattern, rules

ANCHOR = date(2022, 1, 21)


def test_timex_rules_load_with_unique_names():
    names = [rule.name for rule in rules()]
    assert names and len(names) == len(set(names))


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.name)
def test_timex_rule_example_gives_expected_value(rule):
    candidates = [c for c in find(rule.example) if c.rule.name == rule.name]
    assert candidates, f"rule {rule.name} does not match its own example {rule.example!r}"
    resolved = resolve(read(candidates[0]), ANCHOR)
    assert resolved is not None and resolved.value == rule.expected


@pytest.mark.parametrize("name", ["month", "weekday", "unit", "ref_word", "anaphor", "tense_cue"])
def test_timex_normalization_tables_are_lower_case_keyed(name):
    table = normalization(name)
    assert table and all(key == key.lower() for key in table)


def test_timex_pattern_alternatives_are_longest_first():
    alternatives = pattern("month")[3:-1].split("|")
    assert [len(a) for a in alternatives] == sorted((len(a) for a in alternatives), reverse=True)


@pytest.mark.parametrize(
    "rule,year,expected",
    [("easter 0", 2000, date(2000, 4, 23)), ("easter -2", 2024, date(2024, 3, 29)),
     ("weekday 11 4 4", 1999, date(1999, 11, 25)), ("weekday 11 1 1 1", 1998, date(1998, 11, 3)),
     ("weekday 5 1 -1", 2022, date(2022, 5, 30)), ("fixed 07-04", 2020, date(2020, 7, 4))],
)
def test_timex_holiday_rules_give_the_day(rule, year, expected):
    from kg.timex.holidays import holiday_date

    assert holiday_date(rule, year) == expected


def test_timex_every_holiday_rule_is_valid():
    from kg.timex.holidays import holiday_date

    assert all(holiday_date(rule, 2001) for (rule,) in normalization("holiday").values())


def test_timex_rule_triggers_fire_on_every_rule_example():
    """A rule runs only where its triggers fire, so each must fire on the rule's own example."""
    from kg.timex.tables import trigger, words_of

    silent = [(rule.name, name) for rule in rules() for name in rule.needs
              if not trigger(name)(rule.example, words_of(rule.example))]
    assert silent == []
    assert not trigger("month")("dismay at the end", words_of("dismay at the end"))


def test_timex_range_ends_are_separate_expressions():
    """A rule with ``span=GROUP`` keeps only that group: each end of a range is its own match."""
    found = [(c.text, resolve(read(c), ANCHOR).value) for c in find("on Sept. 3 to 5, 1998 and from June to July 1990")]
    assert found == [("Sept. 3", "1998-09-03"), ("5, 1998", "1998-09-05"), ("June", "1990-06"), ("July 1990", "1990-07")]
