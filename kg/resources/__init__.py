"""Rule tables kept as data (``kg/resources/en/*``), read once per process.

In: a table's file name. Out: its lines with ``#`` comments and blank lines
dropped, or its ``[section]``s. Raises RuleError naming the file when a
table is missing.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from kg.errors import RuleError

LANGUAGE = "en"


@cache
def table_lines(name: str) -> tuple[str, ...]:
    """The non-comment, non-blank lines of ``kg/resources/en/NAME``, stripped."""
    try:
        text = resources.files(__package__).joinpath(LANGUAGE, name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(f"kg/resources/{LANGUAGE}/{name}: rule table is missing") from None
    lines = (line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else "" for line in text.splitlines())
    return tuple(line for line in lines if line)


@cache
def table_sections(name: str) -> dict[str, tuple[str, ...]]:
    """The lines of a table grouped under its ``[section]`` headers."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in table_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise RuleError(f"kg/resources/{LANGUAGE}/{name}: {line!r} comes before any [section]")
        else:
            current.append(line)
    return {key: tuple(values) for key, values in sections.items()}
