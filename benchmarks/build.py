"""The whole-build benchmark: articles per second through every stage.

In: news documents, read at run time from ../shared/data/timeml (their text
only, evaluation data that is never copied into the project), each given its
creation date as publication date. Out, printed: the time of each stage
(parse, time expressions, mentions, resolution, relations, events, export)
over all documents, articles per second for the whole build, and the share
of the build each stage takes.

Usage: python benchmarks/build.py [--documents N] [--timeml DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from kg import boilerplate, entities, events, export, nlp, relations, timex
from kg.model import Article, Corpus

ROOT = Path(__file__).resolve().parent.parent
TIMEML = ROOT.parent / "shared" / "data" / "timeml"
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))


def timeml_articles(folder: Path, limit: int) -> list[Article]:
    """The documents' texts, each anchored on its creation date."""
    from score_timex import parse_tml

    articles = []
    for path in sorted(folder.glob("*/*.tml"))[:limit]:
        doc = parse_tml(str(path))
        published = date.fromisoformat(doc.dct[:10]) if doc.dct and re.match(r"\d{4}-\d\d-\d\d", doc.dct) else None
        articles.append(Article(path.name, doc.text, str(path), published))
    return articles


def timed_build(articles: list[Article]) -> dict[str, float]:
    """Run the stages as kg.pipeline does, timing each."""
    seconds: dict[str, float] = defaultdict(float)

    def clock(stage: str, started: float) -> float:
        now = time.perf_counter()
        seconds[stage] += now - started
        return now

    started = time.perf_counter()
    nlp.load_model()
    started = clock("load model", started)
    corpus = Corpus(articles=articles)
    mentions_by_article = {}
    items = [(a, boilerplate.content_blocks(a.text)) for a in articles]
    started = clock("boilerplate", started)
    for parsed in nlp.parse_articles(items):
        started = clock("parse", started)
        corpus.parsed.append(parsed)
        corpus.time_expressions[parsed.article.identifier] = timex.tag(parsed)
        started = clock("time expressions", started)
        mentions_by_article[parsed.article.identifier] = entities.extract_mentions(parsed)
        started = clock("mentions", started)
    resolution = entities.resolve([m for ms in mentions_by_article.values() for m in ms])
    corpus.entities, corpus.merges = resolution.entities, resolution.merges
    started = clock("resolution", started)
    event_mentions = []
    for parsed in corpus.parsed:
        identifier = parsed.article.identifier
        mentions = mentions_by_article[identifier]
        corpus.relations.extend(relations.extract_relations(parsed, mentions, resolution.key_of))
        started = clock("relations", started)
        event_mentions.extend(
            events.extract_event_mentions(parsed, mentions, resolution.key_of, corpus.time_expressions[identifier])
        )
        started = clock("events", started)
    corpus.events = events.merge_events(event_mentions, corpus.entities)
    started = clock("events", started)
    with tempfile.TemporaryDirectory() as out:
        export.write_outputs(corpus, Path(out))
    clock("export", started)
    return seconds


def timeml_parser(description: str, documents: int) -> argparse.ArgumentParser:
    """The options every TimeML-reading benchmark takes: --documents N and --timeml DIR."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=documents)
    parser.add_argument("--timeml", type=Path, default=TIMEML)
    return parser


def articles_or_skip(args: argparse.Namespace) -> list[Article] | None:
    """The first --documents articles, or None (with a message) when the data is absent."""
    if not args.timeml.is_dir():
        print(f"skipped: no TimeML documents at {args.timeml}")
        return None
    return timeml_articles(args.timeml, args.documents)


def main() -> int:
    args = timeml_parser(__doc__, documents=100).parse_args()
    articles = articles_or_skip(args)
    if articles is None:
        return 0
    seconds = timed_build(articles)
    total = sum(v for k, v in seconds.items() if k != "load model")
    print(f"{len(articles)} articles, {sum(len(a.text) for a in articles):,} characters")
    for stage, spent in seconds.items():
        share = "" if stage == "load model" else f"{spent / total:6.1%}"
        print(f"  {stage:18s} {spent:7.2f} s {share}")
    print(f"build (without model load): {total:.2f} s, {len(articles) / total:.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
