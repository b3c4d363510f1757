"""Entities and relations on invented news nobody tuned the rules on.

Usage (from the project root): ``python benchmarks/entities_unseen.py [-v] [FOLDER ...]``
(default: every invented set, ``benchmarks/unseen``, ``benchmarks/unseen2``, ...).

In: per folder, its articles (``articles.csv`` gives their dates) and the
hand-checked ``expected_entities.tsv``. Out, printed per folder: entity
precision and recall (an entity is right when its kind and normal-form label
match an expected one, so a split node or a wrong type counts against both),
relation precision and recall (subject label, predicate, object label), role
accuracy among the right relations, and how many must-not-merge pairs stayed
apart (a pair is merged when one node carries both names among its labels);
with ``-v``, the misses, the extras and the wrong merges.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kg import ingest, pipeline
from kg.model import Corpus
from kg.names import normal

HERE = Path(__file__).resolve().parent
# Every invented set: benchmarks/unseen, unseen2, unseen3, ... (each written after the rules before it).
FOLDERS = tuple(sorted(p for p in HERE.glob("unseen*") if (p / "expected_entities.tsv").is_file()))


@dataclass
class Expected:
    entities: set[tuple[str, str]] = field(default_factory=set)  # (kind, normal label)
    relations: dict[tuple[str, str, str], str | None] = field(default_factory=dict)  # -> role
    apart: list[tuple[str, str]] = field(default_factory=list)  # normal labels


def read_expected(path: Path) -> Expected:
    expected = Expected()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = line.split("\t")
        if row[0] == "entity":
            expected.entities.add((row[1], normal(row[2])))
        elif row[0] == "apart":
            expected.apart.append((normal(row[1]), normal(row[2])))
        else:
            expected.relations[normal(row[1]), row[2], normal(row[3])] = row[4] if len(row) > 4 else None
    return expected


def figure(name: str, right: int, predicted: int, expected: int) -> str:
    precision = right / predicted if predicted else 0.0
    recall = right / expected if expected else 0.0
    return f"{name:10} precision {precision:.2f} ({right}/{predicted})  recall {recall:.2f} ({right}/{expected})"


def wrong_merges(corpus: Corpus, apart: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The must-not-merge pairs whose two names ended on one node."""
    names = [{normal(e.label), *(normal(a) for a in e.alt_labels)} for e in corpus.entities]
    return [(a, b) for a, b in apart if any(a in n and b in n for n in names)]


def score(folder: Path, verbose: bool) -> None:
    articles, _ = ingest.read_articles([folder], None)
    corpus = pipeline.analyse(articles)
    expected = read_expected(folder / "expected_entities.tsv")
    got_entities = {(e.kind, normal(e.label)) for e in corpus.entities}
    labels = {e.key: normal(e.label) for e in corpus.entities}
    got_relations: dict[tuple[str, str, str], str | None] = {}
    for r in corpus.relations:
        got_relations.setdefault((labels[r.subject], r.predicate, labels[r.object]), r.role)
    right_relations = set(got_relations) & set(expected.relations)
    with_roles = [k for k in right_relations if expected.relations[k]]
    roles = sum(got_relations[k] == expected.relations[k] for k in with_roles)
    merged = wrong_merges(corpus, expected.apart)
    print(f"{folder.name}:")
    print(figure("entities", len(got_entities & expected.entities), len(got_entities), len(expected.entities)))
    print(figure("relations", len(right_relations), len(got_relations), len(expected.relations)))
    print(f"{'roles':10} right {roles}/{len(with_roles)} of the right affiliations")
    print(f"{'apart':10} {len(expected.apart) - len(merged)}/{len(expected.apart)} must-not-merge pairs kept apart")
    if verbose:
        for label, items in (("missed entity", expected.entities - got_entities),
                             ("extra entity", got_entities - expected.entities),
                             ("missed relation", set(expected.relations) - set(got_relations)),
                             ("extra relation", set(got_relations) - set(expected.relations)),
                             ("wrong role", {(k, got_relations[k]) for k in with_roles
                                             if got_relations[k] != expected.relations[k]}),
                             ("wrong merge", set(merged))):
            for item in sorted(items, key=str):
                print(f"  {label}: {item}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses, extras and wrong merges")
    parser.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS),
                        help="folders of articles.csv + expected_entities.tsv (default: both invented sets)")
    args = parser.parse_args()
    for folder in args.folders:
        score(folder, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
