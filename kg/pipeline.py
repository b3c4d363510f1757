"""Running the stages in order: the library behind ``kg build``.

In: input paths (or ``Article``s) and build options. Out: a ``Corpus`` and
the files ``kg.export`` writes, summarised in a ``BuildReport``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg import boilerplate, entities, events, export, ingest, nlp, relations, store, timeline, timex
from kg.errors import NothingToBuild
from kg.model import Article, Corpus, Problem
from kg.namespace import DEFAULT_BASE

# Called once per article as it is analysed: (position from 1, total, article identifier).
ProgressCallback = Callable[[int, int, str], None]


@dataclass
class BuildReport:
    """What a build read, found and wrote."""

    corpus: Corpus
    outputs: dict[str, Path] = field(default_factory=dict)
    triples: int = 0

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.corpus.problems if p.skipped]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.corpus.problems if not p.skipped]

    def entity_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(e.kind for e in self.corpus.entities).items()))


def analyse(
    articles: Sequence[Article],
    aliases: entities.AliasTable | None = None,
    progress: ProgressCallback | None = None,
) -> Corpus:
    """Run every extraction stage over the articles and resolve across them."""
    corpus = Corpus(articles=list(articles))
    items = [(article, boilerplate.content_blocks(article.text)) for article in articles]
    mentions_by_article = {}
    for position, parsed in enumerate(nlp.parse_articles(items), start=1):
        corpus.parsed.append(parsed)
        corpus.time_expressions[parsed.article.identifier] = timex.tag(parsed)
        mentions_by_article[parsed.article.identifier] = entities.extract_mentions(parsed)
        if progress:
            progress(position, len(articles), parsed.article.identifier)
    all_mentions = [m for parsed in corpus.parsed for m in mentions_by_article[parsed.article.identifier]]
    resolution = entities.resolve(all_mentions, aliases)
    corpus.entities, corpus.merges = resolution.entities, resolution.merges
    event_mentions = []
    for parsed in corpus.parsed:
        identifier = parsed.article.identifier
        mentions = mentions_by_article[identifier]
        corpus.relations.extend(relations.extract_relations(parsed, mentions, resolution.key_of))
        event_mentions.extend(
            events.extract_event_mentions(parsed, mentions, resolution.key_of, corpus.time_expressions[identifier])
        )
    corpus.events = events.merge_events(event_mentions, corpus.entities)
    return corpus


def build(
    sources: Sequence[Path],
    out_dir: Path,
    published: date | None = None,
    base: str = DEFAULT_BASE,
    aliases_path: Path | None = None,
    store_dir: Path | None = None,
    progress: ProgressCallback | None = None,
) -> BuildReport:
    """Read, analyse and write a graph; raise NothingToBuild only when no article could be read."""
    aliases = entities.load_aliases(aliases_path) if aliases_path else None
    articles, problems = ingest.read_articles(sources, published)
    if not articles:
        reasons = "; ".join(str(p) for p in problems) or "no .txt or .jsonl articles found"
        raise NothingToBuild(f"nothing to build from {', '.join(map(str, sources))}: {reasons}")
    corpus = analyse(articles, aliases, progress)
    corpus.problems = problems
    chronology = timeline.render_timeline(corpus.events, corpus.entities, corpus.articles)
    extra_files = {
        timeline.TIMELINE_FILE: chronology,
        timeline.EVENTS_FILE: timeline.events_to_json(corpus.events, corpus.entities, corpus.articles),
    }
    outputs = export.write_outputs(corpus, out_dir, base, extra_files)
    report = BuildReport(corpus=corpus, outputs=outputs)
    report.triples = store.count_triples(outputs[export.TURTLE_FILE])
    if store_dir is not None:
        outputs["store"] = store.build_store(outputs[export.TURTLE_FILE], store_dir)
    return report
