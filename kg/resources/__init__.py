"""Rule tables kept as data (``kg/resources/en/*``), read once per process.

In: a table's file name. Out: its lines with ``#`` comments and blank lines
dropped, its ``[section]``s, or one section. Raises RuleError naming the file
when a table or a section is missing; ``table_error`` makes the same kind of
error for a stage that finds a malformed row.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from kg.errors import RuleError

LANGUAGE = "en"


def table_error(name: str, problem: str) -> RuleError:
    """A RuleError naming the table: ``kg/resources/en/NAME: PROBLEM``."""
    return RuleError(f"kg/resources/{LANGUAGE}/{name}: {problem}")


@cache
def table_lines(name: str) -> tuple[str, ...]:
    """The non-comment, non-blank lines of ``kg/resources/en/NAME``, stripped."""
    try:
        text = resources.files(__package__).joinpath(LANGUAGE, name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise table_error(name, "rule table is missing") from None
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
            raise table_error(name, f"{line!r} comes before any [section]")
        else:
            current.append(line)
    return {key: tuple(values) for key, values in sections.items()}


def table_section(name: str, section: str) -> tuple[str, ...]:
    """The lines under one ``[section]`` of a table; raises RuleError when the table lacks it."""
    try:
        return table_sections(name)[section]
    except KeyError:
        raise table_error(name, f"section [{section}] is missing") from None
