"""A stand-in for ``kg dates FILE --published YYYY-MM-DD --json`` that needs only kg.timex and its inputs.

In: the same arguments as ``kg dates`` (a leading ``dates`` word is accepted, so
``score_seeds.py --kg "python benchmarks/kg_dates.py"`` works). Out: one JSON
object per time expression, the same stages as ``kg.pipeline.dates_for_file``.
Used by benchmarks/timex.py when the ``kg`` command cannot run.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["dates"]:
        args = args[1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--published", default="")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args(args)

    from kg import boilerplate, nlp, timex
    from kg.model import Article

    text = options.file.read_text(encoding="utf-8")
    published = date.fromisoformat(options.published[:10]) if options.published else None
    article = Article(options.file.name, text, str(options.file), publication_date=published)
    parsed = nlp.parse_article(article, boilerplate.content_blocks(text), nlp.TIMEX_COMPONENTS)
    for t in timex.tag(parsed):
        print(json.dumps({"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
