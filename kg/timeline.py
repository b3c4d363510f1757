"""The readable chronology of a build, and the machine-readable events file behind it.

In: merged ``Event``s, the ``Entity``s they point to and the ``Article``s that
tell them. Out: ``render_timeline`` gives markdown (date at its grain, event,
actors, place, number of sources), filtered by entity name, date range and
"as of" a publication date; ``events_to_json`` / ``load_timeline`` write and
read ``out/events.json`` so that ``kg timeline OUT_DIR`` needs no rebuild.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from kg.errors import InputError
from kg.events import build_event
from kg.model import Article, Entity, Event, EventMention, from_data, to_data

__all__ = ["EVENTS_FILE", "TIMELINE_FILE", "events_to_json", "load_timeline", "render_timeline"]

EVENTS_FILE = "events.json"
TIMELINE_FILE = "timeline.md"
FORMAT_VERSION = 2
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# ---------------------------------------------------------------- rendering


def render_timeline(
    events: Sequence[Event],
    entities: Sequence[Entity],
    articles: Sequence[Article],
    entity: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    as_of: date | None = None,
) -> str:
    """The chronology as markdown, one table row per dated event, undated ones counted at the end.

    events, entities, articles: what a build found.
    entity (str | None): keep events involving an entity with this label or alt label (any case).
    date_from, date_to (date | None): keep events whose days meet this range.
    as_of (date | None): tell the story from the articles published by this date only.
    RETURNS (str): markdown text ending with a newline.
    """
    by_key = {e.key: e for e in entities}
    if as_of is not None:
        events = events_as_of(events, entities, articles, as_of)
    if entity is not None:
        events = [e for e in events if _involves(e, entity, by_key)]
    dated = [e for e in events if e.first_day is not None and _in_range(e, date_from, date_to)]
    undated = [e for e in events if e.first_day is None] if date_from is None and date_to is None else []
    lines = [_title(entity, date_from, date_to, as_of), ""]
    if not dated:
        lines.append("No dated events.")
    else:
        lines += ["| Date | Event | Actors | Place | Sources |", "|---|---|---|---|---|"]
        lines += [_row(e, by_key) for e in sorted(dated, key=_chronological)]
    if undated:
        lines += ["", f"{len(undated)} undated event(s) not shown: {_undated_summary(undated)}."]
    return "\n".join(lines) + "\n"


def _title(entity: str | None, date_from: date | None, date_to: date | None, as_of: date | None) -> str:
    parts = ["# Timeline"]
    if entity:
        parts.append(f"involving {entity}")
    if date_from or date_to:
        parts.append(f"from {date_from or '…'} to {date_to or '…'}")
    if as_of:
        parts.append(f"as known on {as_of.isoformat()}")
    return " ".join(parts)


def _chronological(event: Event) -> tuple:
    return (event.first_day, event.last_day, event.key)


def _in_range(event: Event, date_from: date | None, date_to: date | None) -> bool:
    if date_from is not None and event.last_day is not None and event.last_day < date_from:
        return False
    return not (date_to is not None and event.first_day is not None and event.first_day > date_to)


def _involves(event: Event, name: str, by_key: dict[str, Entity]) -> bool:
    wanted = name.casefold().strip()
    keys = {*event.actors, *event.targets, *event.places, *(m.speaker for m in event.mentions if m.speaker)}
    for key in keys:
        entity = by_key.get(key)
        if entity and wanted in {label.casefold() for label in (entity.label, *entity.alt_labels)}:
            return True
    return False


def format_when(value: str | None, grain: str | None, first: date | None, last: date | None) -> str:
    """A date at its grain: "Thu 20 Jan 2022", "Jan 2022", "2022", "week of 17 Jan 2022"."""
    if first is None:
        return "undated"
    if grain in ("day", "time"):
        return f"{WEEKDAYS[first.weekday()]} {first.day} {MONTHS[first.month - 1]} {first.year}"
    if grain == "week":
        return f"week of {first.day} {MONTHS[first.month - 1]} {first.year}"
    if grain == "month":
        return f"{MONTHS[first.month - 1]} {first.year}"
    if grain == "year":
        return str(first.year)
    return value or f"{first.isoformat()}/{last.isoformat() if last else ''}"


def _row(event: Event, by_key: dict[str, Entity]) -> str:
    when = format_when(event.value, event.grain, event.first_day, event.last_day)
    what = event.label + _disagreements(event)
    actors = ", ".join(_label(k, by_key) for k in event.actors) or "–"
    place = ", ".join(_label(k, by_key) for k in event.places) or "–"
    return f"| {when} | {_cell(what)} | {_cell(actors)} | {_cell(place)} | {len(event.article_ids)} |"


def _disagreements(event: Event) -> str:
    """Other dates the sources give at the event's grain, and the counts, each with its source."""
    notes = []
    other_dates = sorted(
        {(m.time.value, m.article_id) for m in event.mentions if m.time and m.time.grain == event.grain}
        - {(event.value, m.article_id) for m in event.mentions}
    )
    if other_dates:
        notes.append("also dated " + "; ".join(f"{v} by {a}" for v, a in other_dates))
    notes += [_count_note(noun, told) for noun, told in sorted(_counts_by_noun(event.mentions).items())]
    return f" ({'; '.join(notes)})" if notes else ""


def _counts_by_noun(mentions: Sequence[EventMention]) -> dict[str, set[tuple[int, str, str]]]:
    """(count, source, noun as written) by the thing counted: 3 car bombs and 100 fighters are apart."""
    by_noun: dict[str, set[tuple[int, str, str]]] = {}
    for m in mentions:
        if m.count is not None:
            by_noun.setdefault(_singular(m.counted), set()).add((m.count, m.article_id, m.counted or ""))
    return by_noun


def _singular(noun: str | None) -> str:
    """A key to compare counted nouns by: "Fighters" and "fighter" count the same thing."""
    return (noun or "").lower().removesuffix("s")


def _count_note(noun: str, told: set[tuple[int, str, str]]) -> str:
    """"100 fighters" when the sources agree, "fighters 100 by a; 60 by b" when they do not."""
    values = sorted({count for count, _, _ in told})
    written = max(written for _, _, written in told)
    if len(values) == 1:
        return f"{values[0]} {written}" if noun else f"count {values[0]}"
    by_source = "; ".join(f"{c} by {a}" for c, a, _ in sorted(told))
    return f"{written} {by_source}" if noun else f"counts {by_source}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _label(key: str, by_key: dict[str, Entity]) -> str:
    entity = by_key.get(key)
    return entity.label if entity else key


def _undated_summary(events: Sequence[Event]) -> str:
    return ", ".join(sorted({e.label for e in events}))


def events_as_of(events: Sequence[Event], entities: Sequence[Entity], articles: Sequence[Article], as_of: date) -> list[Event]:
    """The events as the articles published by ``as_of`` tell them."""
    known = {a.identifier for a in articles if a.publication_date is not None and a.publication_date <= as_of}
    kept = []
    for event in events:
        mentions = [m for m in event.mentions if m.article_id in known]
        if mentions:
            kept.append(build_event(mentions, entities, key=event.key))
    return kept


# ---------------------------------------------------------------- events.json


def events_to_json(events: Sequence[Event], entities: Sequence[Entity], articles: Sequence[Article]) -> str:
    """Everything ``render_timeline`` needs, as deterministic JSON (sorted keys)."""
    used = {k for e in events for k in _event_keys(e)}
    data = {
        "format": FORMAT_VERSION,
        "articles": [_article_json(a) for a in sorted(articles, key=lambda a: a.identifier)],
        "entities": [_entity_json(e) for e in sorted(entities, key=lambda e: e.key) if e.key in used],
        "events": [to_data(e) for e in events],
    }
    return json.dumps(data, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def _event_keys(event: Event) -> set[str]:
    keys = {*event.actors, *event.targets, *event.places}
    for m in event.mentions:
        keys |= {*m.actors, *m.targets, *m.places, *([m.speaker] if m.speaker else [])}
    return keys


def _article_json(article: Article) -> dict:
    """An article's publication context, without its text."""
    return {k: v for k, v in to_data(article).items() if k not in ("text", "source")}


def _entity_json(entity: Entity) -> dict:
    """An entity's names and types, without its mentions."""
    return to_data(replace(entity, mentions=()))


def load_timeline(out_dir: Path) -> tuple[list[Event], list[Entity], list[Article]]:
    """Read back what ``events_to_json`` wrote into a build's output directory."""
    path = Path(out_dir) / EVENTS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), f"no {EVENTS_FILE} here. Run `kg build SOURCE --out {out_dir}` first.") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not valid JSON ({exc}). Rebuild with `kg build`.") from None
    if data.get("format") != FORMAT_VERSION:
        raise InputError(str(path), f"events file format {data.get('format')!r}, expected {FORMAT_VERSION}. Rebuild.")
    articles = [_article_from(row) for row in data["articles"]]
    entities = [from_data(Entity, row) for row in data["entities"]]
    events = [from_data(Event, row) for row in data["events"]]
    return events, entities, articles


def _article_from(row: dict) -> Article:
    return from_data(Article, {**row, "text": "", "source": row["identifier"]})
