"""Precision and recall of entity mentions and relations on hand-checked news text.

Usage (from the project root): ``python benchmarks/entities.py [-v] [--data DIR]``

In: ``benchmarks/entities_gold.tsv``, annotations written by hand for a sample
of the TimeML news documents in ``../shared/data/timeml`` (referenced by file
name and character offsets only; the text is read from that folder at run
time and never copied here). Out: one line per figure: mention precision and
recall by kind, and relation precision and recall per predicate, then the
misses with ``-v``.

Gold rows (tab-separated, ``#`` comments):
    FILE  mention   START  END  KIND                      every name in the document
    FILE  relation  S_START S_END PREDICATE O_START O_END  every stated affiliation / location
Offsets count into the document text as the TimeML README defines it (what
lies between <TEXT> and </TEXT>, tags removed, entities unescaped).
A predicted mention is right when a gold mention has its exact span and kind;
a predicted relation is right when its predicate matches and its subject and
object entities each have a mention overlapping the gold spans.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kg.entities import extract_mentions, resolve
from kg.model import Article, Block
from kg.names import demonyms, normal
from kg.nlp import parse_articles
from kg.relations import extract_relations

HERE = Path(__file__).resolve().parent
GOLD = HERE / "entities_gold.tsv"
DATA = HERE.parent.parent / "shared" / "data" / "timeml"


def document_text(path: Path) -> str:
    """The TimeML document's text as its README defines it."""
    raw = path.read_text(encoding="utf-8")
    inner = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    return html.unescape(re.sub(r"<[^>]+>", "", inner))


def paragraphs(text: str) -> list[Block]:
    return [Block(m.start(), m.end()) for m in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*", text)]


def read_gold(path: Path) -> tuple[dict, dict]:
    mentions: dict[str, set] = defaultdict(set)
    relations: dict[str, set] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[1] == "mention":
            mentions[cells[0]].add((int(cells[2]), int(cells[3]), cells[4]))
        else:
            relations[cells[0]].add((int(cells[2]), int(cells[3]), cells[4], int(cells[5]), int(cells[6])))
    return mentions, relations


def find(path_name: str, data: Path) -> Path:
    for folder in ("timebank", "aquaint"):
        if (data / folder / path_name).exists():
            return data / folder / path_name
    raise FileNotFoundError(path_name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not args.data.is_dir():
        print(f"no TimeML data at {args.data}: nothing to measure")
        return 0
    gold_mentions, gold_relations = read_gold(GOLD)
    files = sorted(set(gold_mentions) | set(gold_relations))
    articles = [Article(f, document_text(find(f, args.data)), f) for f in files]
    counts: Counter = Counter()
    misses: list[str] = []
    for parsed in parse_articles((a, paragraphs(a.text)) for a in articles):
        name, text = parsed.article.identifier, parsed.article.text
        mentions = extract_mentions(parsed)
        resolution = resolve(mentions)
        if name in gold_mentions:
            score_mentions(name, text, mentions, gold_mentions[name], counts, misses)
        relations = extract_relations(parsed, mentions, resolution.key_of)
        score_relations(name, text, relations, resolution, gold_relations.get(name, set()), counts, misses)
    for kind in ("Person", "Organization", "Place", "worksFor", "containedInPlace"):
        tp, fp, fn = counts[kind, "tp"], counts[kind, "fp"], counts[kind, "fn"]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(f"{kind:17s} precision {precision:.2f} ({tp}/{tp + fp})  recall {recall:.2f} ({tp}/{tp + fn})")
    if args.verbose:
        for miss in misses:
            print("  ", miss)
    return 0


def score_mentions(name, text, mentions, gold, counts, misses) -> None:
    predicted = {(m.start, m.end, m.kind) for m in mentions}
    for start, end, kind in sorted(predicted | gold):
        if (start, end, kind) in predicted and (start, end, kind) in gold:
            counts[kind, "tp"] += 1
        elif (start, end, kind) in predicted:
            counts[kind, "fp"] += 1
            misses.append(f"{name}: extra {kind} {text[start:end]!r} at {start}")
        else:
            counts[kind, "fn"] += 1
            misses.append(f"{name}: missed {kind} {text[start:end]!r} at {start}")


def score_relations(name, text, relations, resolution, gold, counts, misses) -> None:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention, key in resolution.key_of.items():
        spans[key].append((mention.start, mention.end))

    labels = {e.key: {normal(n) for n in (e.label, *e.alt_labels)} for e in resolution.entities}

    def covers(key: str, start: int, end: int) -> bool:
        """A mention of the entity overlaps the span, or the span is an adjective of its country."""
        country = demonyms().get(normal(text[start:end]))
        return any(s < end and start < e for s, e in spans[key]) or (country is not None and normal(country) in labels[key])

    matched = set()
    for relation in relations:
        hit = next(
            (g for g in gold if g[2] == relation.predicate and covers(relation.subject, g[0], g[1])
             and covers(relation.object, g[3], g[4])),
            None,
        )
        if hit:
            counts[relation.predicate, "tp"] += 1
            matched.add(hit)
        else:
            counts[relation.predicate, "fp"] += 1
            misses.append(f"{name}: extra {relation.subject} {relation.predicate} {relation.object} ({relation.rule})")
    for g in sorted(gold - matched):
        counts[g[2], "fn"] += 1
        misses.append(f"{name}: missed {text[g[0]:g[1]]!r} {g[2]} {text[g[3]:g[4]]!r}")


if __name__ == "__main__":
    sys.exit(main())
