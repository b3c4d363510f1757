"""How entity resolution and relation extraction grow with the corpus.

Usage (from the project root):
``python benchmarks/resolution.py [--documents N] [--copies C] [--timeml DIR]``

In: N TimeML news documents (read at run time from ../shared/data/timeml,
never copied here), parsed once. Out, printed: the time entity resolution and
relation extraction take per 1,000 mentions on a small corpus (the first
quarter of the documents) and on a large one (all N documents, C times over,
each copy a distinct article, so every name recurs across many articles as
popular names do in a real news corpus), and the large/small ratio. A ratio
near 1 means the stages grow linearly with the corpus; all-pairs comparisons
show as a ratio near the size ratio.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace

from build import articles_or_skip, timeml_parser
from kg import boilerplate, entities, nlp, relations
from kg.model import Mention, ParsedArticle

REPEATS = 3  # best of, to damp the noise of a shared machine


def copied(parsed: list[ParsedArticle], copies: int) -> list[ParsedArticle]:
    """The articles ``copies`` times over, the copies renamed ``<id>#<n>``."""
    out = list(parsed)
    for n in range(2, copies + 1):
        out += [replace(p, article=replace(p.article, identifier=f"{p.article.identifier}#{n}")) for p in parsed]
    return out


def timed(corpus: list[ParsedArticle]) -> tuple[int, float, float]:
    """(mentions, resolution seconds, relation seconds), each the best of ``REPEATS`` runs."""
    by_article: dict[str, list[Mention]] = {p.article.identifier: entities.extract_mentions(p) for p in corpus}
    mentions = [m for ms in by_article.values() for m in ms]
    best_resolution = best_relations = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        resolution = entities.resolve(mentions)
        resolved = time.perf_counter()
        for parsed in corpus:
            relations.extract_relations(parsed, by_article[parsed.article.identifier], resolution.key_of)
        finished = time.perf_counter()
        best_resolution = min(best_resolution, resolved - started)
        best_relations = min(best_relations, finished - resolved)
    return len(mentions), best_resolution, best_relations


def main() -> int:
    parser = timeml_parser(__doc__, documents=120)
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()
    articles = articles_or_skip(args)
    if articles is None:
        return 0
    parsed = list(nlp.parse_articles((a, boilerplate.content_blocks(a.text)) for a in articles))
    sizes = {"small": parsed[: max(1, len(parsed) // 4)], "large": copied(parsed, args.copies)}
    per_thousand = {}
    for name, corpus in sizes.items():
        count, resolution, relation = timed(corpus)
        per_thousand[name] = (1000 * resolution / count, 1000 * relation / count)
        print(f"{name:5s} {len(corpus):5d} articles {count:7,d} mentions: resolution {resolution:6.2f} s "
              f"({per_thousand[name][0] * 1000:6.1f} ms per 1,000 mentions), relations {relation:6.2f} s "
              f"({per_thousand[name][1] * 1000:6.1f} ms per 1,000 mentions)")
    (small_resolution, small_relations), (large_resolution, large_relations) = per_thousand["small"], per_thousand["large"]
    print(f"large/small time per 1,000 mentions: resolution {large_resolution / small_resolution:.2f}, "
          f"relations {large_relations / small_relations:.2f} (1.00 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
