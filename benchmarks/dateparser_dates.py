"""The baseline tagger: ``dateparser.search.search_dates`` behind the ``kg dates`` command contract.

In: ``FILE --published YYYY-MM-DD --json`` (a leading ``dates`` word is accepted).
Out: one JSON object per date found, with RELATIVE_BASE = the publication date
and PREFER_DATES_FROM = past; every value is a calendar day (dateparser has
no grains, durations or sets). ``tag(text, published)`` is the in-process form.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path


def tag(text: str, published: str) -> list[dict]:
    """Dates dateparser finds in ``text``, with offsets found left to right."""
    from dateparser.search import search_dates

    base = datetime.combine(date.fromisoformat(published[:10]), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found, cursor = [], 0
    for surface, when in search_dates(text, languages=["en"], settings=settings) or []:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        found.append({"start": start, "end": cursor, "text": surface, "type": "DATE", "value": when.date().isoformat()})
    return found


def main(argv: list[str] | None = None) -> int:
    args = [a for a in (sys.argv[1:] if argv is None else argv) if a not in ("dates", "--json")]
    path, published = Path(args[0]), args[args.index("--published") + 1]
    for item in tag(path.read_text(encoding="utf-8"), published):
        print(json.dumps(item))
    return 0


if __name__ == "__main__":
    sys.exit(main())
