"""The tagger's data: rule, pattern and normalisation tables under kg/resources/en/timex/.

In: the resource files (read once, cached). Out: ``normalization(name)``
(surface form -> value columns), ``rules()`` (compiled ``Rule``s in file
order). A malformed table raises ``RuleError`` naming the file, line and rule.

- ``normalization/NAME.tsv``: ``surface<TAB>value[<TAB>value...]``.
- ``patterns/NAME.txt``: one regex alternative per line.
- ``rules.tsv``: ``name<TAB>type<TAB>fields<TAB>pattern<TAB>example<TAB>expected``
  (the field ``needs=NAME,...`` names tables a match cannot do without: where
  none of their words occurs, the rule is not run, which keeps tagging fast);
  ``%NAME`` in a pattern is the alternation of ``patterns/NAME.txt`` or of the
  keys of ``normalization/NAME.tsv``, longest first; a space is any run of
  whitespace, and " ?" any whitespace or none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from kg.errors import RuleError

PACKAGE = "kg.resources.en.timex"
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
REFERENCE_RE = re.compile(r"%([a-z_]+)")
# Word boundaries put around every rule: no match starts or ends inside a word or a number.
LEFT_EDGE = r"(?<![\w$£€#@/])"
RIGHT_EDGE = r"(?![\w@])"
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a named regex and the fixed fields of what it finds."""

    name: str
    timex_type: str
    fields: tuple[tuple[str, str], ...]
    pattern: str
    regex: re.Pattern
    example: str
    expected: str

    def field(self, key: str, default: str | None = None) -> str | None:
        return dict(self.fields).get(key, default)

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """Tables one of whose words must occur for the rule to match (field ``needs=a,b``)."""
        return tuple(name for name in (self.field("needs") or "").split(",") if name)


def _lines(*parts: str) -> list[tuple[int, str]]:
    """Non-blank, non-comment lines with their 1-based numbers."""
    path = resources.files(PACKAGE)
    for part in parts:
        path = path.joinpath(part)
    text = path.read_text(encoding="utf-8")
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]


@cache
def normalization(name: str) -> dict[str, tuple[str, ...]]:
    """A normalisation table: lower-case surface form -> its value columns."""
    table: dict[str, tuple[str, ...]] = {}
    for number, line in _lines("normalization", f"{name}.tsv"):
        cells = line.split("\t")
        if len(cells) < 2 or cells[0] in table:
            raise RuleError(f"normalization/{name}.tsv line {number}: expected a new 'surface<TAB>value', got {line!r}")
        table[cells[0].lower()] = tuple(cells[1:])
    return table


@cache
def pattern(name: str) -> str:
    """The regex alternation a ``%name`` reference stands for, longest alternative first."""
    folder = resources.files(PACKAGE)
    if folder.joinpath("patterns").joinpath(f"{name}.txt").is_file():
        alternatives = [line.strip() for _, line in _lines("patterns", f"{name}.txt")]
    elif folder.joinpath("normalization").joinpath(f"{name}.tsv").is_file():
        alternatives = [re.escape(key).replace(r"\ ", " ") for key in normalization(name)]
    else:
        raise RuleError(f"no pattern %{name}: add kg/resources/en/timex/patterns/{name}.txt")
    alternatives.sort(key=len, reverse=True)
    return "(?:" + "|".join(_expand(alt) for alt in alternatives) + ")"


def _expand(text: str) -> str:
    """Replace ``%name`` references and turn spaces into runs of whitespace (" ?": maybe none)."""
    return REFERENCE_RE.sub(lambda m: pattern(m.group(1)), text).replace(" ?", r"\s*").replace(" ", r"\s+")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` (runs of letters and digits), which triggers look up."""
    return frozenset(WORD.findall(text.lower()))


@cache
def trigger(name: str) -> Callable[[str, frozenset[str]], bool]:
    """A quick test that a block holds a word of ``%name``: rules needing it are skipped otherwise.

    Called with the block's text and its ``words_of``. A normalisation table's entry can only
    match where each of its words occurs, a set lookup far cheaper than running the
    alternation; a regex pattern (``digit``, ``ampm``) is searched as it is.
    """
    if resources.files(PACKAGE).joinpath("patterns").joinpath(f"{name}.txt").is_file():
        regex = re.compile(pattern(name), re.IGNORECASE)
        return lambda text, words: regex.search(text) is not None
    entries = [frozenset(WORD.findall(key)) for key in normalization(name)]
    return lambda text, words: any(entry <= words for entry in entries)


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule of rules.tsv, compiled, in file order (earlier wins a tie)."""
    loaded: list[Rule] = []
    for number, line in _lines("rules.tsv"):
        cells = line.split("\t")
        where = f"rules.tsv line {number}"
        if len(cells) != 6:
            raise RuleError(f"{where}: expected 6 tab-separated columns, got {len(cells)}")
        name, timex_type, fields, source, example, expected = cells
        if any(rule.name == name for rule in loaded):
            raise RuleError(f"{where}: duplicate rule name {name!r}")
        if timex_type not in TIMEX_TYPES:
            raise RuleError(f"{where} ({name}): type {timex_type!r} is not one of {', '.join(TIMEX_TYPES)}")
        try:
            regex = re.compile(LEFT_EDGE + "(?:" + _expand(source) + ")" + RIGHT_EDGE, re.IGNORECASE)
        except (re.error, RuleError) as exc:
            raise RuleError(f"{where} ({name}): {exc}") from exc
        pairs = tuple(tuple(item.split("=", 1)) for item in fields.split() if item != "-")
        if any(len(pair) != 2 for pair in pairs):
            raise RuleError(f"{where} ({name}): fields must be key=value, got {fields!r}")
        loaded.append(Rule(name, timex_type, pairs, source, regex, example, expected))
    return tuple(loaded)
