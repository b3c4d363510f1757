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
