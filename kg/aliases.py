"""Alias tables: names known to be one thing, and pairs never to merge.

In: the built-in table ``kg/resources/en/entities/aliases.txt`` (well-known
equivalents such as ISIS / ISIL / Daesh) and, optionally, the user's
``--aliases FILE``. Out: an ``AliasTable`` that entity resolution consults.

The user's file is plain text, one statement per line::

    # a comment
    Islamic State | ISIS | Daesh        names on one line are one entity
    Georgia != Georgia Power            these two are never merged

Names are compared ignoring case, punctuation and diacritics. A line of
equivalents joins mentions whose kinds agree; a ``!=`` pair keeps the two
names on different nodes whatever the rules say. The user's file overrides
the built-in table and the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from kg.errors import InputError
from kg.names import TABLES, normal
from kg.resources import table_sections

NEVER = "!="
SAME = "|"
KINDS = ("Person", "Organization", "Place")


@dataclass(frozen=True)
class AliasGroup:
    """Names of one thing; ``kind`` is None when any kind may use them (the user's lines)."""

    names: tuple[str, ...]
    kind: str | None = None
    source: str = "built-in aliases"


@dataclass(frozen=True)
class AliasTable:
    """Equivalent names and pairs never to merge."""

    groups: tuple[AliasGroup, ...] = ()
    never: tuple[tuple[str, str], ...] = ()

    def groups_of(self, name: str, kind: str) -> list[int]:
        """Indexes of the groups that list ``name`` for mentions of ``kind``."""
        return [i for i in self._groups_by_name.get(normal(name), ()) if self.groups[i].kind in (None, kind)]

    @cached_property
    def _groups_by_name(self) -> dict[str, list[int]]:
        """Normal form of a listed name -> indexes of the groups listing it, in order."""
        found: dict[str, list[int]] = {}
        for i, group in enumerate(self.groups):
            for key in dict.fromkeys(normal(n) for n in group.names):
                found.setdefault(key, []).append(i)
        return found

    def forbids(self, names_a: set[str], names_b: set[str]) -> bool:
        """True when a never-merge pair has one name on each side (normal forms)."""
        return any((a in names_a and b in names_b) or (a in names_b and b in names_a) for a, b in self._never_normal)

    @property
    def _never_normal(self) -> tuple[tuple[str, str], ...]:
        return tuple((normal(a), normal(b)) for a, b in self.never)

    def __add__(self, other: AliasTable) -> AliasTable:
        return AliasTable(self.groups + other.groups, self.never + other.never)


@cache
def builtin_aliases() -> AliasTable:
    """The well-known equivalents shipped with kg."""
    groups = []
    for kind, lines in table_sections(TABLES + "aliases.txt").items():
        for line in lines:
            names = tuple(name.strip() for name in line.split(SAME) if name.strip())
            groups.append(AliasGroup(names, kind))
    return AliasTable(tuple(groups))


def load_aliases(path: str | Path) -> AliasTable:
    """Read a user's alias file; raise InputError naming the file and line on bad input.

    Example: a file holding ``ISIS | Daesh`` gives one group of two names.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the aliases file ({exc.__class__.__name__}: {exc})") from None
    groups: list[AliasGroup] = []
    never: list[tuple[str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path}:{number}"
        if NEVER in line:
            never.append(_never_pair(line, where))
        else:
            groups.append(AliasGroup(_equivalents(line, where), None, where))
    return AliasTable(tuple(groups), tuple(never))


def _never_pair(line: str, where: str) -> tuple[str, str]:
    parts = [part.strip() for part in line.split(NEVER)]
    if len(parts) != 2 or not all(normal(p) for p in parts):
        raise InputError(where, f"expected two names around '{NEVER}', as in 'Georgia {NEVER} Georgia Power'")
    if normal(parts[0]) == normal(parts[1]):
        raise InputError(where, f"'{parts[0]}' and '{parts[1]}' are the same name; a name cannot be kept apart from itself")
    return parts[0], parts[1]


def _equivalents(line: str, where: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in line.split(SAME))
    if any(not normal(name) for name in names):
        raise InputError(where, f"empty name; separate names with ' {SAME} ', as in 'Islamic State {SAME} ISIS'")
    if len(names) < 2:
        raise InputError(
            where, f"a line of aliases needs two or more names separated by ' {SAME} ' (or two names around '{NEVER}')"
        )
    return names
