"""The event tables: classes, trigger lemmas, cue words and number words.

In: the files ``kg/resources/en/events_classes.tsv``, ``events_triggers.tsv``,
``events_hazard_classes.tsv``, ``events_episodes.tsv``, ``events_cues.txt`` and
``events_numbers.tsv``. Out: validated lookups, each
read once per process; a malformed row raises ``RuleError`` naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.resources import table_error, table_lines, table_section

NO_EVENT = "-"  # in events_triggers.tsv: the two-word lemma tells no event
ATTACK = "Attack"  # the top class of violence against people or places
STATEMENT = "Statement"


@dataclass(frozen=True)
class EventClass:
    """One event class of ``ontology/kg.ttl`` (a subclass of sem:Event)."""

    name: str
    parent: str | None
    span_days: int  # how many days apart two reports at one place may be and still tell one event
    label: str
    comment: str


@cache
def event_classes() -> dict[str, EventClass]:
    """The class tree of ``events_classes.tsv``, by class name."""
    classes: dict[str, EventClass] = {}
    for line in table_lines("events_classes.tsv"):
        cells = line.split("\t")
        if len(cells) != 5 or not cells[2].isdigit():
            raise table_error("events_classes.tsv", f"{line!r} is not class, parent, span_days, label, comment")
        name, parent, span, label, comment = cells
        classes[name] = EventClass(name, None if parent == "-" else parent, int(span), label, comment)
    for cls in classes.values():
        if cls.parent is not None and cls.parent not in classes:
            raise table_error("events_classes.tsv", f"{cls.name} has unknown parent {cls.parent}")
    return classes


@cache
def triggers() -> dict[tuple[str, str], str]:
    """(lemma, VERB | NOUN) -> event class, from ``events_triggers.tsv``; ``NO_EVENT`` for a
    two-word lemma that names no event though its head does ("heart attack")."""
    table: dict[tuple[str, str], str] = {}
    for line in table_lines("events_triggers.tsv"):
        cells = line.split("\t")
        if len(cells) != 3 or cells[1] not in ("VERB", "NOUN", "*") or cells[2] not in (*event_classes(), NO_EVENT):
            raise table_error("events_triggers.tsv", f"{line!r} is not lemma, VERB|NOUN|*, known class")
        lemma, pos, cls = cells
        for each in ("VERB", "NOUN") if pos == "*" else (pos,):
            table[(lemma.lower(), each)] = cls
    return table


@cache
def hazard_classes() -> dict[str, str]:
    """Event class -> the class it becomes with a natural-hazard subject, from ``events_hazard_classes.tsv``."""
    table: dict[str, str] = {}
    for line in table_lines("events_hazard_classes.tsv"):
        cells = line.split("\t")
        if len(cells) != 2 or not all(c in event_classes() for c in cells):
            raise table_error("events_hazard_classes.tsv", f"{line!r} is not class<TAB>class")
        table[cells[0]] = cells[1]
    return table


@cache
def episode_families() -> tuple[frozenset[str], ...]:
    """Sets of top classes that may tell one episode at one facility, from ``events_episodes.tsv``."""
    families = []
    for line in table_lines("events_episodes.tsv"):
        cells = line.split("\t")
        if len(cells) < 2 or any(c not in event_classes() or event_classes()[c].parent for c in cells):
            raise table_error("events_episodes.tsv", f"{line!r} is not two or more top classes separated by tabs")
        families.append(frozenset(cells))
    return tuple(families)


@cache
def cue(name: str) -> frozenset[str]:
    """The words of one ``[section]`` of ``events_cues.txt``, lower-cased."""
    return frozenset(word.lower() for word in table_section("events_cues.txt", name))


@cache
def number_words() -> dict[str, int]:
    """Spelled-out numbers: "seven" -> 7, "dozens" -> 24."""
    words: dict[str, int] = {}
    for line in table_lines("events_numbers.tsv"):
        word, _, value = line.partition("\t")
        if not value.isdigit():
            raise table_error("events_numbers.tsv", f"{line!r} is not word<TAB>number")
        words[word.lower()] = int(value)
    return words


def ancestry(cls: str) -> list[str]:
    """The class and its parents up to the top class under sem:Event."""
    chain = [cls]
    while (parent := event_classes()[chain[-1]].parent) is not None:
        chain.append(parent)
    return chain


def classes_compatible(a: str, b: str) -> bool:
    """True when both classes belong to one family under sem:Event (an ambush and a bombing are attacks)."""
    return ancestry(a)[-1] == ancestry(b)[-1]


def same_episode(a: str, b: str) -> bool:
    """True when two classes may tell one episode at one facility (an attack on a prison and its prison break)."""
    tops = {ancestry(a)[-1], ancestry(b)[-1]}
    return len(tops) == 1 or any(tops <= family for family in episode_families())
