"""Hand-checked precision of event extraction on a sample of TimeML news.

In: benchmarks/events_sample.tsv, our own annotations of event triggers in a few
documents of ../shared/data/timeml/ (file name, trigger offsets into the
document's TEXT, class, actor, place and date; no text of theirs is copied).
Out: printed figures: trigger precision and recall over the annotated
documents, then precision of class, actor, place and date over the found
triggers that carry them.

Usage (from the project root): python benchmarks/events.py [-v]
Entity mentions come from kg.entities when it is installed, else from the
model's named entities.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg import boilerplate, nlp, timex
from kg.events import extract_event_mentions
from kg.model import Article, Mention

ROOT = Path(__file__).resolve().parent.parent
TIMEML = ROOT.parent / "shared" / "data" / "timeml"
SAMPLE = Path(__file__).resolve().parent / "events_sample.tsv"
NER_KINDS = {"PERSON": "Person", "ORG": "Organization", "NORP": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


@dataclass(frozen=True)
class Gold:
    file: str
    start: int
    end: int
    event_class: str
    actor: str  # a word of the actor's name, "-" for none
    place: str
    date: str


def read_timeml(path: Path) -> tuple[str, date]:
    """The document's TEXT (tags stripped, entities unescaped) and its creation date."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    tag = next(t for t in re.findall(r"<TIMEX3[^>]*>", raw) if 'functionInDocument="CREATION_TIME"' in t)
    return text, date.fromisoformat(re.search(r'value="(\d{4}-\d{2}-\d{2})', tag).group(1))


def entity_mentions(parsed) -> tuple[list[Mention], dict[Mention, str]]:
    try:
        from kg import entities
    except ImportError:
        entities = None
    if entities is not None:
        mentions = entities.extract_mentions(parsed)
        return mentions, entities.resolve(mentions, None).key_of
    mentions, key_of = [], {}
    for span in parsed.named_spans:
        if span.label in NER_KINDS:
            mention = Mention(parsed.article.identifier, span.start, span.end, span.text, NER_KINDS[span.label])
            mentions.append(mention)
            key_of[mention] = f"{mention.kind.lower()}/{span.text.lower()}"
    return mentions, key_of


def predict(path: Path):
    text, dct = read_timeml(path)
    article = Article(path.name, text, str(path), dct)
    parsed = nlp.parse_article(article, boilerplate.content_blocks(text))
    mentions, key_of = entity_mentions(parsed)
    written: dict[str, set[str]] = {}
    for mention in mentions:
        if mention in key_of:
            written.setdefault(key_of[mention], set()).add(mention.text)
    return extract_event_mentions(parsed, mentions, key_of, timex.tag(parsed)), written


def names(keys, written: dict[str, set[str]]) -> str:
    """The entities' keys and every name the document writes them by ("FBI" of the Bureau)."""
    return " | ".join([*keys, *(w for k in keys for w in sorted(written.get(k, ())))]).lower()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = ap.parse_args()
    if not TIMEML.is_dir():
        print(f"skipped: {TIMEML} is absent")
        return 0
    with SAMPLE.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    gold = [Gold(r[0], int(r[1]), int(r[2]), *r[3:7]) for r in rows]
    figures = {k: [0, 0] for k in ("trigger P", "trigger R", "class", "actor", "place", "date")}
    misses = []
    for name in sorted({g.file for g in gold}):
        path = next(TIMEML.glob(f"*/{name}"))
        predicted, written = predict(path)
        by_span = {(g.start, g.end): g for g in gold if g.file == name}
        found = {(p.start, p.end) for p in predicted}
        figures["trigger R"][0] += len(found & by_span.keys())
        figures["trigger R"][1] += len(by_span)
        misses += [f"{name}: trigger {s}-{e} not found" for (s, e) in by_span.keys() - found]
        for p in predicted:
            figures["trigger P"][1] += 1
            g = by_span.get((p.start, p.end))
            if g is None:
                misses.append(f"{name}: {p.start}-{p.end} {p.text!r} ({p.event_class}) is no annotated event")
                continue
            figures["trigger P"][0] += 1
            checks = {
                "class": (True, p.event_class == g.event_class),
                "actor": (bool(p.actors), bool(p.actors) and g.actor != "-" and g.actor.lower() in names(p.actors, written)),
                "place": (bool(p.places), bool(p.places) and g.place != "-" and _slug(g.place) in names(p.places, written)),
                "date": (p.time is not None, p.time is not None and _day_part(p.time.value) == g.date),
            }
            for key, (told, right) in checks.items():
                if told:
                    figures[key][1] += 1
                    figures[key][0] += int(right)
                    if not right:
                        misses.append(f"{name}: {p.text!r} {key}: got {_got(p, key, written)}, want {getattr(g, key if key != 'class' else 'event_class')}")
    for key, (hit, total) in figures.items():
        print(f"{key:10s} {hit}/{total} = {hit / total:.2f}" if total else f"{key:10s} -")
    if args.verbose:
        for line in misses:
            print("  miss:", line)
    return 0


def _slug(name: str) -> str:
    """A gold name as entity keys spell it: "Dar es Salaam" -> "dar-es-salaam"."""
    return name.lower().replace(" ", "-")


def _day_part(value: str) -> str:
    """The calendar part of a TIMEX3 value: "1998-08-21TMO" (a morning) is told on 1998-08-21."""
    return value.split("T", 1)[0]


def _got(p, key: str, written: dict[str, set[str]]) -> str:
    return {"class": p.event_class, "actor": names(p.actors, written), "place": names(p.places, written),
            "date": p.time.value if p.time else "-"}[key]


if __name__ == "__main__":
    sys.exit(main())
