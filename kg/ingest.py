"""Reading articles and their publication context.

In: paths (folders, ``.txt`` articles, ``.jsonl`` dumps) and an optional
default publication date. Out: ``Article``s, plus one ``Problem`` per input
that could not be used (the rest still builds).

Where metadata comes from, first match wins:
- a manifest in the article's folder: ``articles.csv`` (columns ``file``,
  ``published``, ``url``, ``title``, ``outlet``; others ignored) or
  ``articles.jsonl`` (one object per line with the same keys);
- a sidecar ``NAME.json`` beside ``NAME.txt`` (keys as above, no ``file``);
- JSON Lines dumps carry it in each row (``text``, ``published``, ``url``,
  ``title``, ``id``, optionally ``outlet``).
An article with no publication date takes ``default_published``; failing
that it builds with a warning and its relative dates stay unresolved.

Text is decoded as UTF-8, else with the manifest's ``encoding`` column, else
with a detected encoding; line ends are read as Python's text mode reads
them (``\\r\\n`` and ``\\r`` become ``\\n``), and every offset in the graph
counts into that text.
"""

from __future__ import annotations

import csv
import email.utils
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.errors import InputError, PublicationDateError
from kg.model import Article, Problem

MANIFEST_NAMES = ("articles.csv", "articles.jsonl")
ARTICLE_SUFFIX = ".txt"
DUMP_SUFFIX = ".jsonl"
METADATA_KEYS = ("published", "url", "title", "outlet", "encoding")
_BINARY_SNIFF_BYTES = 8192
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")


@dataclass(frozen=True)
class Metadata:
    """Publication context for one article, as the metadata gave it (unparsed)."""

    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    encoding: str | None = None

    @classmethod
    def from_row(cls, row: dict) -> Metadata:
        """The metadata keys of a manifest row, sidecar or dump row, each as text; other keys are ignored."""
        return cls(**{key: _as_text(row.get(key)) for key in METADATA_KEYS})


def parse_publication_date(value: str, where: str) -> date:
    """Parse a publication date: ISO date or date-time, or an RFC 2822 date as feeds give.

    Raises PublicationDateError naming ``where`` for an impossible date or an unknown format.
    Example: ``parse_publication_date("2022-01-26T10:00:00Z", "x.txt") == date(2022, 1, 26)``.
    """
    text = value.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            raise PublicationDateError(where, f"impossible publication date {value!r}") from None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    raise PublicationDateError(where, f"publication date {value!r} is in an unknown format (use YYYY-MM-DD)")


def decode_text(data: bytes, where: str, declared: str | None = None) -> str:
    """Decode an article's bytes; raise InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(where, "empty file")
    if b"\x00" in data[:_BINARY_SNIFF_BYTES] and not _looks_like_utf16(data):
        raise InputError(where, "binary file, not text")
    for encoding in _candidate_encodings(data, declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not text.strip():
            raise InputError(where, "empty file")
        return _universal_newlines(text)
    raise InputError(where, "not UTF-8 and no other encoding fits (set the manifest's encoding column)")


def _looks_like_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _candidate_encodings(data: bytes, declared: str | None) -> Iterator[str]:
    if _looks_like_utf16(data):
        yield "utf-16"
    yield "utf-8"
    if declared:
        yield declared
    detected = _detect_encoding(data)
    if detected:
        yield detected


def _detect_encoding(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data).best()
    # A high chaos score means the bytes are not text in any encoding.
    if best is None or best.chaos > 0.2:
        return None
    return best.encoding


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_article(
    path: Path, metadata: Metadata | None = None, default_published: date | None = None
) -> tuple[Article, list[Problem]]:
    """Read one ``.txt`` article; raise InputError when it cannot be used at all."""
    metadata = metadata or Metadata()
    where = str(path)
    if not path.is_file():
        raise InputError(where, "no such file")
    text = decode_text(path.read_bytes(), where, metadata.encoding)
    return _make_article(path.name, text, where, metadata, default_published)


def _make_article(
    identifier: str, text: str, where: str, metadata: Metadata, default_published: date | None
) -> tuple[Article, list[Problem]]:
    problems: list[Problem] = []
    if metadata.published and metadata.published.strip():
        published: date | None = parse_publication_date(metadata.published, where)
    else:
        published = default_published
        if published is None:
            problems.append(
                Problem(where, "no publication date (use --published); relative dates stay unresolved", skipped=False)
            )
    article = Article(
        identifier=identifier,
        text=text,
        source=where,
        publication_date=published,
        url=_clean(metadata.url),
        title=_clean(metadata.title),
        outlet=_clean(metadata.outlet),
    )
    return article, problems


def _clean(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_dump(path: Path, default_published: date | None = None) -> tuple[list[Article], list[Problem]]:
    """Read a JSON Lines dump: one article per line; bad rows become problems."""
    articles: list[Article] = []
    problems: list[Problem] = []
    data = path.read_bytes()
    try:
        lines = decode_text(data, str(path)).split("\n")
    except InputError as error:
        return [], [Problem(error.source, error.reason)]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            article, row_problems = _article_from_row(line, where, path, number, default_published)
        except InputError as error:
            problems.append(Problem(error.source, error.reason))
            continue
        articles.append(article)
        problems.extend(row_problems)
    return articles, problems


def _article_from_row(
    line: str, where: str, path: Path, number: int, default_published: date | None
) -> tuple[Article, list[Problem]]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"not valid JSON ({error.msg})") from None
    if not isinstance(row, dict):
        raise InputError(where, "a row must be a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "row has no text")
    identifier = str(row.get("id") or f"{path.stem}-{number}")
    metadata = Metadata.from_row(row)
    return _make_article(identifier, _universal_newlines(text), where, metadata, default_published)


def _as_text(value: object) -> str | None:
    return None if value is None else str(value)


def read_manifest(folder: Path) -> tuple[dict[str, Metadata], list[Problem]]:
    """Read ``articles.csv`` or ``articles.jsonl`` in a folder, if there is one."""
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            reader = _read_csv_manifest if name.endswith(".csv") else _read_jsonl_manifest
            return reader(path)
    return {}, []


def _read_csv_manifest(path: Path) -> tuple[dict[str, Metadata], list[Problem]]:
    rows: dict[str, Metadata] = {}
    problems: list[Problem] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "file" not in reader.fieldnames:
            return {}, [Problem(str(path), "manifest has no 'file' column")]
        for number, row in enumerate(reader, start=2):
            _add_manifest_row(rows, problems, row, f"{path}:{number}")
    return rows, problems


def _read_jsonl_manifest(path: Path) -> tuple[dict[str, Metadata], list[Problem]]:
    rows: dict[str, Metadata] = {}
    problems: list[Problem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(Problem(where, f"not valid JSON ({error.msg})"))
            continue
        if not isinstance(row, dict):
            problems.append(Problem(where, "a row must be a JSON object"))
            continue
        _add_manifest_row(rows, problems, {k: _as_text(v) for k, v in row.items()}, where)
    return rows, problems


def _add_manifest_row(rows: dict[str, Metadata], problems: list[Problem], row: dict, where: str) -> None:
    name = (row.get("file") or "").strip()
    if not name:
        problems.append(Problem(where, "row has no file name"))
        return
    rows[name] = Metadata.from_row(row)


def read_sidecar(article_path: Path) -> Metadata | None:
    """Read ``NAME.json`` beside ``NAME.txt``; raise InputError when it is malformed."""
    path = article_path.with_suffix(".json")
    if not path.is_file():
        return None
    try:
        row = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"malformed metadata ({error})") from None
    if not isinstance(row, dict):
        raise InputError(str(path), "metadata must be a JSON object")
    return Metadata.from_row(row)


def read_articles(
    paths: Sequence[Path], default_published: date | None = None
) -> tuple[list[Article], list[Problem]]:
    """Read every article under the given paths, in a stable order.

    Each path is a folder (its ``.txt`` articles and ``.jsonl`` dumps), a
    ``.txt`` article or a ``.jsonl`` dump. Nothing raises for one bad input:
    it becomes a Problem and the rest is read.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for found, found_problems in _read_sources(paths, default_published):
        problems.extend(found_problems)
        for article in found:
            if article.identifier in seen:
                problems.append(Problem(article.source, f"duplicate article identifier {article.identifier!r}"))
                continue
            seen.add(article.identifier)
            articles.append(article)
    return articles, problems


def _read_sources(
    paths: Sequence[Path], default_published: date | None
) -> Iterable[tuple[list[Article], list[Problem]]]:
    manifests: dict[Path, dict[str, Metadata]] = {}
    for path in paths:
        if not path.exists():
            yield [], [Problem(str(path), "no such file or folder")]
            continue
        folder = path if path.is_dir() else path.parent
        if folder not in manifests:
            manifests[folder], manifest_problems = read_manifest(folder)
            yield [], manifest_problems + _missing_from_manifest(folder, manifests[folder])
        children = sorted(path.iterdir()) if path.is_dir() else [path]
        for child in children:
            if _is_input_file(child) or child == path:
                yield _read_one(child, manifests[folder], default_published)


def _is_input_file(path: Path) -> bool:
    return path.is_file() and path.suffix in (ARTICLE_SUFFIX, DUMP_SUFFIX) and path.name not in MANIFEST_NAMES


def _missing_from_manifest(folder: Path, rows: dict[str, Metadata]) -> list[Problem]:
    return [Problem(str(folder / name), "named in the manifest but no such file") for name in sorted(rows) if not (folder / name).is_file()]


def _read_one(
    path: Path, manifest: dict[str, Metadata], default_published: date | None
) -> tuple[list[Article], list[Problem]]:
    if path.suffix == DUMP_SUFFIX:
        return read_dump(path, default_published)
    try:
        metadata = manifest.get(path.name) or read_sidecar(path)
        article, problems = read_article(path, metadata, default_published)
    except InputError as error:
        return [], [Problem(error.source, error.reason)]
    return [article], problems
