"""Precision and recall of merged, dated events on invented news articles.

In: folders of our own invented articles, benchmarks/unseen*/ (unseen: several
telling one story on different days; unseen2, unseen3, ...: other kinds of news,
each set written without looking at the rules), each with articles.csv giving their publication dates and
expected_events.tsv (the events a reader would put on the timeline: class,
date, a participant, place, number of sources, first day told).
Out: printed figures per folder: event precision (dated events built that match an expected
one) and recall, then for the matched events how often the number of sources is
right, and recall "as of" each publication day (only the articles published by
then, as ``kg timeline --as-of`` reads them).

An event matches an expected one when the class and the date value are the same
and the expected participant and place (when given) are among its own.

Usage (from the project root): python benchmarks/events_unseen.py [-v] [FOLDER ...]
(default: both folders)
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg import ingest, pipeline
from kg.model import Entity, Event
from kg.timeline import events_as_of

HERE = Path(__file__).resolve().parent
# Every invented set: benchmarks/unseen, unseen2, unseen3, ... (each written after the rules before it).
FOLDERS = sorted(p for p in HERE.glob("unseen*") if (p / "expected_events.tsv").is_file())


@dataclass(frozen=True)
class Expected:
    event_class: str
    date: str
    who: str
    place: str
    sources: int
    first: date
    note: str


def read_expected(folder: Path) -> list[Expected]:
    with (folder / "expected_events.tsv").open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return [Expected(r[0], r[1], r[2], r[3], int(r[4]), date.fromisoformat(r[5]), r[6]) for r in rows]


def matches(event: Event, expected: Expected, by_key: dict[str, Entity]) -> bool:
    if event.event_class != expected.event_class or event.value != expected.date:
        return False
    return _named(expected.who, [*event.actors, *event.targets], by_key) and _named(expected.place, event.places, by_key)


def _named(word: str, keys, by_key: dict[str, Entity]) -> bool:
    if word == "-":
        return True
    names = " | ".join(f"{k} {by_key[k].label if k in by_key else ''}" for k in keys).lower()
    return word in names


def pair(events: list[Event], expected: list[Expected], by_key: dict[str, Entity]) -> dict[int, Event]:
    """Expected row number -> the event that matches it, each event used once."""
    used: set[str] = set()
    found = {}
    for n, row in enumerate(expected):
        event = next((e for e in events if e.key not in used and matches(e, row, by_key)), None)
        if event is not None:
            used.add(event.key)
            found[n] = event
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and every unexpected event")
    ap.add_argument("folders", nargs="*", type=Path, default=FOLDERS, help="folders of articles to score")
    args = ap.parse_args()
    for folder in args.folders:
        print(f"== {folder.name}")
        report(folder, args.verbose)
    return 0


def report(folder: Path, verbose: bool) -> None:
    """Print the figures of one folder of articles with its expected events."""
    articles, problems = ingest.read_articles([folder])
    for problem in problems:
        print("problem:", problem)
    corpus = pipeline.analyse(articles)
    by_key = {e.key: e for e in corpus.entities}
    expected = read_expected(folder)
    dated = [e for e in corpus.events if e.value is not None]
    found = pair(dated, expected, by_key)
    right_sources = sum(len(found[n].article_ids) == expected[n].sources for n in found)
    print(f"events P  {len(found)}/{len(dated)} = {_ratio(len(found), len(dated))}")
    print(f"events R  {len(found)}/{len(expected)} = {_ratio(len(found), len(expected))}")
    print(f"sources   {right_sources}/{len(found)} = {_ratio(right_sources, len(found))}")
    as_of_hits = as_of_total = 0
    for day in sorted({a.publication_date for a in articles if a.publication_date}):
        told = [e for e in events_as_of(corpus.events, corpus.entities, articles, day) if e.value is not None]
        due = [row for row in expected if row.first <= day]
        hits = len(pair(told, due, by_key))
        early = [row for row in expected if row.first > day]
        # An event told only later must not be there yet (a planned meeting is no meeting).
        hits += sum(1 for row in early if not pair(told, [row], by_key))
        as_of_hits += hits
        as_of_total += len(due) + len(early)
    print(f"as-of     {as_of_hits}/{as_of_total} = {_ratio(as_of_hits, as_of_total)}")
    if verbose:
        matched = {e.key for e in found.values()}
        for n, row in enumerate(expected):
            if n not in found:
                print(f"  missed: {row.event_class} {row.date} {row.who} {row.place} ({row.note})")
            elif len(found[n].article_ids) != row.sources:
                print(f"  sources: {found[n].label} {row.date}: {len(found[n].article_ids)}, want {row.sources}")
        for event in dated:
            if event.key not in matched:
                print(f"  unexpected: {event.event_class} {event.value} {event.label} {event.article_ids}")


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "-"


if __name__ == "__main__":
    sys.exit(main())
