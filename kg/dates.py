"""The library behind ``kg dates``: one article file in, its time expressions out.

Kept apart from ``kg.pipeline`` so that a ``kg dates`` call loads only what
time expressions need (no graph, export or entity code).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kg import boilerplate, ingest, nlp, timex
from kg.errors import InputError
from kg.model import TimeExpression


def dates_for_file(path: Path, published: date | None) -> list[TimeExpression]:
    """The time expressions of one article file.

    The anchor is ``published`` when given, else the publication date in the
    file's manifest or sidecar, else none (relative dates stay unresolved).
    """
    if not path.is_file():
        raise InputError(str(path), "no such file")
    if published is not None:
        article, _ = ingest.read_article(path, default_published=published)
    else:
        found, problems = ingest.read_articles([path])
        if not found:
            first = next(p for p in problems if p.skipped)
            raise InputError(first.source, first.message)
        article = found[0]
    blocks = boilerplate.content_blocks(article.text)
    return timex.tag(nlp.unparsed(article, blocks))
