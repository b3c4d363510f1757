"""In-process TimeML evaluation of ``kg.timex`` (seconds, not minutes): a tool for working on the rules.

In: the TimeML folder (../shared/data/timeml). Out: the same figures as
../shared/eval/score_timex.py (whose reading and matching functions it
imports), computed without one process per document; ``-v`` lists misses.

Usage: python benchmarks/timex_eval.py [-v] [--grep REGEX] [--rules] [PATH ...]
(--rules: per rule, how many of its predictions align with a gold TIMEX3 and
how many have the gold value; a rule whose predictions mostly miss is one to fix.)
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_timex.py"
TIMEML = SHARED / "data" / "timeml"


def load_scorer():
    """The shared scorer as a module (its parse_tml, align and counts are reused)."""
    if not SCORER.is_file():
        sys.exit(f"no scorer at {SCORER}: the benchmark needs ../shared/eval/score_timex.py")
    spec = importlib.util.spec_from_file_location("score_timex", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_timex"] = module
    spec.loader.exec_module(module)
    return module


def kg_tagger(text: str, dct: str) -> list[dict]:
    """``kg dates`` in-process: the same stages as ``kg.pipeline.dates_for_file``."""
    from kg import boilerplate, nlp, timex
    from kg.model import Article

    article = Article(identifier="doc", text=text, source="doc", publication_date=date.fromisoformat(dct[:10]))
    parsed = nlp.unparsed(article, boilerplate.content_blocks(text))
    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "rule": t.rule}
            for t in timex.tag(parsed)]


def evaluate(scorer, docs, tagger) -> tuple[list, dict]:
    """Tag every document and align with the gold, as the scorer does (each prediction keeps its rule)."""
    results = []
    for doc in docs:
        result = scorer.DocResult(doc)
        preds = tagger(doc.text, doc.dct or "")
        result.preds = []
        for raw in preds:
            pred = scorer._coerce_pred(raw, doc.text, result.warnings)
            if pred is not None:
                pred.tid = raw.get("rule")  # the scorer's spare field carries the rule name
                result.preds.append(pred)
        result.pairs = scorer.align(doc.gold, result.preds)
        results.append(result)
    return results, scorer.counts(results)


def figures(scorer, c: dict) -> dict[str, float]:
    return {
        "strict_f1": scorer.prf(c["strict"], c["pred"], c["strict"], c["gold"])[2],
        "relaxed_f1": scorer.prf(c["relaxed"], c["pred"], c["relaxed"], c["gold"])[2],
        "value_f1": scorer.prf(c["value"], c["pred"], c["value"], c["gold"])[2],
        "value_acc": c["value"] / c["relaxed"] if c["relaxed"] else 0.0,
        "type_acc": c["type"] / c["relaxed"] if c["relaxed"] else 0.0,
    }


def misses(results, pattern: re.Pattern | None) -> list[str]:
    lines = []
    for r in results:
        matched_g = {id(g) for g, _ in r.pairs}
        matched_p = {id(p) for _, p in r.pairs}
        context = lambda s, e: r.doc.text[max(0, s - 50) : e + 30].replace("\n", " ")  # noqa: E731
        for g in r.doc.gold:
            if id(g) not in matched_g:
                lines.append(f"MISS  {g.text!r} gold={g.value} | {context(g.start, g.end)}")
        for g, p in r.pairs:
            if p.value != (g.value or "").strip():
                lines.append(f"VALUE {g.text!r} pred={p.value} gold={g.value} dct={r.doc.dct} | {context(g.start, g.end)}")
            elif (g.start, g.end) != (p.start, p.end):
                lines.append(f"SPAN  {g.text!r} pred={p.text!r}")
        for p in r.preds:
            if id(p) not in matched_p:
                lines.append(f"SPUR  {p.text!r} pred={p.value} | {context(p.start, p.end)}")
    return [line for line in lines if pattern is None or pattern.search(line)]


def rule_table(results) -> list[str]:
    """Per rule: predictions, aligned with a gold TIMEX3, with the gold value; worst precision first."""
    tally: dict[str, list[int]] = {}
    for r in results:
        aligned = {id(p): g for g, p in r.pairs}
        for p in r.preds:
            row = tally.setdefault(p.tid or "?", [0, 0, 0])
            gold = aligned.get(id(p))
            row[0] += 1
            row[1] += gold is not None
            row[2] += gold is not None and p.value == (gold.value or "").strip()
    rows = sorted(tally.items(), key=lambda item: item[1][2] / item[1][0])
    return [f"{name:24s} predicted={n:4d} aligned={a:4d} value={v:4d} ({v / n:.2f})" for name, (n, a, v) in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(TIMEML)])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--grep", help="only list misses matching this regex")
    parser.add_argument("--rules", action="store_true", help="per-rule precision table")
    args = parser.parse_args(argv)
    scorer = load_scorer()
    docs = [scorer.parse_tml(p) for p in scorer.collect_paths(args.paths)]
    results, c = evaluate(scorer, docs, kg_tagger)
    if args.verbose or args.grep:
        print("\n".join(misses(results, re.compile(args.grep) if args.grep else None)))
    if args.rules:
        print("\n".join(rule_table(results)))
    print(c)
    print("  ".join(f"{k}={v:.4f}" for k, v in figures(scorer, c).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
