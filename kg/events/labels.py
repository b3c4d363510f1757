"""One event from the mentions that tell it: class, participants, time, label and key.

In: the ``EventMention``s of one real-world event and the ``Entity``s their
keys point to. Out: an ``Event`` whose class, participants and time are what
most mentions say (the finest grain told wins), with a short label ("Ambush
by X near Y", "Statement by X: the talks failed") and a readable,
deterministic key (``event/2022-01-20-attack-<place or actor>``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from kg.events.intervals import grain_rank, time_interval
from kg.events.lexicon import ATTACK, STATEMENT, ancestry, classes_compatible, event_classes, triggers
from kg.events.places import place_rank
from kg.model import Entity, Event, EventMention

GIST_WORDS = 10  # how many words of a statement's content its label quotes
INNER_QUOTES = str.maketrans({"“": "", "”": "", '"': ""})  # the label puts its own quotes around the gist


def build_event(mentions: Sequence[EventMention], entities: Sequence[Entity], key: str | None = None) -> Event:
    """One event from the mentions that tell it (class, participants and time by majority).

    mentions (Sequence[EventMention]): at least one mention.
    entities (Sequence[Entity]): for the labels of the participants.
    key (str | None): keep this key instead of deriving one (as the timeline's "as of" view does).
    RETURNS (Event): the event.
    """
    ordered = tuple(sorted(mentions, key=lambda m: (m.article_id, m.start)))
    votes = Counter(m.event_class for m in ordered)
    cls = min(votes, key=lambda c: (-votes[c], len(ancestry(c)), c))
    by_key = {e.key: e for e in entities}
    actors = _ranked(a for m in ordered for a in m.actors)
    places = tuple(sorted(_ranked(p for m in ordered for p in m.places), key=lambda k: place_rank(by_key.get(k))))
    targets = tuple(t for t in _ranked(t for m in ordered for t in m.targets) if t not in actors and t not in places)
    value, grain, first, last = _event_time(ordered)
    label = describe(cls, actors, targets, places, by_key, _headword(ordered, cls))
    if cls == STATEMENT and (said := _gist(ordered)):
        label = f"{label}: {said}"
    return Event(
        key=key or _event_key(cls, value, [*places, *actors, *targets], by_key, ordered[0].lemma),
        event_class=cls,
        label=label,
        mentions=ordered,
        actors=actors,
        targets=targets,
        places=places,
        value=value,
        grain=grain,
        first_day=first,
        last_day=last,
    )


def describe(
    cls: str,
    actors: Sequence[str],
    targets: Sequence[str],
    places: Sequence[str],
    by_key: Mapping[str, Entity],
    headword: str | None = None,
) -> str:
    """A short description: "Attack by X on Y at Z"."""
    words = [(headword or event_classes()[cls].label).capitalize()]
    if actors:
        words.append("by " + _name(actors[0], by_key))
    if targets and cls != STATEMENT:
        words.append(("on " if ATTACK in ancestry(cls) else "of ") + _name(targets[0], by_key))
    if places:
        words.append(("in " if place_rank(by_key.get(places[0])) else "at ") + _name(places[0], by_key))
    return " ".join(words)


def _gist(mentions: Sequence[EventMention]) -> str | None:
    """The first words of the longest content the mentions give, quoted."""
    contents = sorted((m.content for m in mentions if m.content), key=lambda c: (-len(c), c))
    if not contents:
        return None
    words = contents[0].translate(INNER_QUOTES).split()
    text = " ".join(words[:GIST_WORDS]).rstrip(",;:")
    return f"“{text}{'…' if len(words) > GIST_WORDS else ''}”"


def _ranked(keys: Iterable[str]) -> tuple[str, ...]:
    """Keys by how many mentions name them, then alphabetically."""
    counts = Counter(keys)
    return tuple(sorted(counts, key=lambda k: (-counts[k], k)))


# A time on a day (2025-05-13TMO, T18:20, T24:00): the event's date is the day, as a timeline
# (and the graph's xsd:date) gives it; the time stays on the time mention.
TIME_ON_A_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}T")
OVERNIGHT_RULE = "overnight"  # the kg.timex rule of "overnight", a night that ends the next day
# A day left unknown (2024-XX-XX, "that day" after "in 2024"): the event is dated at the grain known.
UNKNOWN_PARTS = re.compile(r"(?:-XX)+$")


def _event_time(mentions: Sequence[EventMention]) -> tuple[str | None, str | None, date | None, date | None]:
    """The value most mentions give at the finest grain told, and the days the fine mentions span."""
    dated = [m.time for m in mentions if m.time is not None and time_interval(m.time) is not None]
    if not dated:
        return None, None, None, None
    finest = min(grain_rank(t) for t in dated)
    fine = [t for t in dated if grain_rank(t) == finest]
    votes = Counter(t.value for t in fine)
    value = min(votes, key=lambda v: (-votes[v], v))
    chosen = next(t for t in fine if t.value == value)
    intervals = [i for i in (time_interval(t) for t in fine) if i]
    first, last = min(i[0] for i in intervals), max(i[1] for i in intervals)
    if chosen.rule == OVERNIGHT_RULE:  # "gave himself up overnight": by the morning the night ended in
        day = date.fromisoformat(value[:10]) + timedelta(days=1)
        return day.isoformat(), "day", day, day
    if TIME_ON_A_DAY.search(value):  # "late Monday", "at 6:20 p.m. on Monday": the event's date is the day
        return value[:10], "day", first, last
    if UNKNOWN_PARTS.search(value):
        return UNKNOWN_PARTS.sub("", value), chosen.grain, first, last
    return value, chosen.grain, first, last


def _name(key: str, by_key: Mapping[str, Entity]) -> str:
    entity = by_key.get(key)
    return entity.label if entity else key.rsplit("/", 1)[-1].replace("-", " ")


def _headword(mentions: Sequence[EventMention], cls: str) -> str:
    """The event noun the reports use most ("ambush"), else the class's label."""
    nouns = Counter(m.lemma for m in mentions if _noun_of_class(m.lemma, cls) and classes_compatible(m.event_class, cls))
    return min(nouns, key=lambda n: (-nouns[n], n)) if nouns else event_classes()[cls].label


def _noun_of_class(lemma: str, cls: str) -> bool:
    """An event noun that tells the class ("ambush" an attack), not a verb's lemma that is also a
    noun of another class ("stormed a clinic" is no storm)."""
    noun_class = triggers().get((lemma, "NOUN"))
    return noun_class is not None and classes_compatible(noun_class, cls)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "event"


def _event_key(cls: str, value: str | None, participants: Sequence[str], by_key: Mapping[str, Entity], lemma: str) -> str:
    """``event/2022-01-20-attack-<place or actor>``: readable and the same for the same input."""
    about = next(iter(participants), None)
    slug = _slug(_name(about, by_key)) if about else _slug(lemma)
    return f"event/{value or 'undated'}-{_slug(cls)}-{slug}"
