"""Entities and relations on invented news nobody tuned the rules on.

Usage (from the project root): ``python benchmarks/entities_unseen.py [-v]``

In: the articles of ``benchmarks/unseen/`` (``articles.csv`` gives their
dates) and the hand-checked ``benchmarks/unseen/expected_entities.tsv``.
Out, printed: entity precision and recall (an entity is right when its kind
and normal-form label match an expected one, so a split node or a wrong type
counts against both), relation precision and recall (subject label,
predicate, object label) and role accuracy among the right relations; with
``-v``, the misses and the extras.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg import ingest, pipeline
from kg.names import normal

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "unseen"
EXPECTED = FOLDER / "expected_entities.tsv"


def read_expected(path: Path) -> tuple[set[tuple[str, str]], dict[tuple[str, str, str], str | None]]:
    """(entities as (kind, normal label), relations as (subject, predicate, object) -> role)."""
    entities, relations = set(), {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = line.split("\t")
        if row[0] == "entity":
            entities.add((row[1], normal(row[2])))
        else:
            relations[normal(row[1]), row[2], normal(row[3])] = row[4] if len(row) > 4 else None
    return entities, relations


def figure(name: str, right: int, predicted: int, expected: int) -> str:
    precision = right / predicted if predicted else 0.0
    recall = right / expected if expected else 0.0
    return f"{name:10} precision {precision:.2f} ({right}/{predicted})  recall {recall:.2f} ({right}/{expected})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    articles, _ = ingest.read_articles([FOLDER], None)
    corpus = pipeline.analyse(articles)
    expected_entities, expected_relations = read_expected(EXPECTED)
    got_entities = {(e.kind, normal(e.label)) for e in corpus.entities}
    labels = {e.key: normal(e.label) for e in corpus.entities}
    got_relations: dict[tuple[str, str, str], str | None] = {}
    for r in corpus.relations:
        got_relations.setdefault((labels[r.subject], r.predicate, labels[r.object]), r.role)
    right_relations = set(got_relations) & set(expected_relations)
    roles = sum(got_relations[k] == expected_relations[k] for k in right_relations if expected_relations[k])
    with_roles = sum(1 for k in right_relations if expected_relations[k])
    print(figure("entities", len(got_entities & expected_entities), len(got_entities), len(expected_entities)))
    print(figure("relations", len(right_relations), len(got_relations), len(expected_relations)))
    print(f"{'roles':10} right {roles}/{with_roles} of the right affiliations")
    if args.verbose:
        for label, items in (("missed entity", expected_entities - got_entities), ("extra entity", got_entities - expected_entities),
                             ("missed relation", set(expected_relations) - set(got_relations)),
                             ("extra relation", set(got_relations) - set(expected_relations))):
            for item in sorted(items):
                print(f"  {label}: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
