"""The plain data passed between stages.

In: nothing (this module only defines types). Out: frozen dataclasses that
every stage takes and returns, so that no stage but ``kg.nlp`` sees a spaCy
object and none but ``kg.graph`` / ``kg.store`` sees an rdflib or pyoxigraph
object. All character offsets count into ``Article.text``, the file's text
as read (UTF-8, no normalisation), so ``article.text[start:end]`` is always
the surface form.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date


@dataclass(frozen=True)
class Article:
    """One news article and its publication context."""

    identifier: str  # the file's name (or the JSONL row's id); unique in a build
    text: str
    source: str  # where it was read from, for messages
    publication_date: date | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Block:
    """A stretch of article text that belongs to the article itself (not page furniture)."""

    start: int
    end: int


@dataclass(frozen=True)
class Token:
    """One token of the parse; ``head`` and ``index`` count over the whole article."""

    index: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    morph: str = ""  # spaCy's morphology string, e.g. "Tense=Past|VerbForm=Fin"
    ent_type: str = ""  # spaCy's NER label where the token is inside a named entity
    whitespace: str = ""


@dataclass(frozen=True)
class Sentence:
    """Tokens ``[first, last)``; characters ``[start, end)``."""

    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True)
class NamedSpan:
    """A span the statistical NER found: tokens ``[first, last)``, characters ``[start, end)``."""

    first: int
    last: int
    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, FAC, NORP, DATE, ...
    text: str


@dataclass(frozen=True)
class ParsedArticle:
    """An article's content blocks after tokenising, tagging, parsing and NER."""

    article: Article
    blocks: tuple[Block, ...]
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    named_spans: tuple[NamedSpan, ...]

    def sentence_of(self, token_index: int) -> Sentence:
        """The sentence holding a token."""
        for sentence in self.sentences:
            if sentence.first <= token_index < sentence.last:
                return sentence
        raise IndexError(token_index)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression with its TIMEX3 value and the reasoning behind it."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2022-01-20, 2022-W03, 2022-01, 2022, P6M, PAST_REF, ...
    grain: str  # day, week, month, quarter, season, year, decade, century, time, duration, set, ref
    rule: str  # name of the rule that produced it
    anchor: date | None = None  # the date it was resolved against
    first_day: date | None = None  # the interval it denotes, where it denotes one
    last_day: date | None = None


@dataclass(frozen=True)
class Mention:
    """A name in the text that refers to an entity."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str  # Person, Organization, Place
    subtype: str | None = None  # Country, City, Facility, ... where the text shows it
    sentence_start: int = 0
    sentence_end: int = 0


@dataclass(frozen=True)
class Entity:
    """One real-world thing across all articles."""

    key: str  # readable, deterministic: "person/john-smith"
    kind: str
    subtype: str | None
    label: str  # the fullest name
    alt_labels: tuple[str, ...]
    mentions: tuple[Mention, ...]
    confidence: float = 1.0

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({m.article_id for m in self.mentions}))


@dataclass(frozen=True)
class Merge:
    """Why two surface forms were joined into one entity (written to merges.tsv)."""

    entity_key: str
    surface_a: str
    surface_b: str
    rule: str
    evidence: str


@dataclass(frozen=True)
class Relation:
    """A relation between two entities, with the evidence it came from."""

    subject: str  # entity key
    predicate: str  # worksFor, memberOf, containedInPlace, ...
    object: str  # entity key
    article_id: str
    evidence_start: int
    evidence_end: int
    role: str | None = None  # "spokesman", "president", ... for affiliations
    confidence: float = 1.0
    rule: str = ""


@dataclass(frozen=True)
class EventMention:
    """One report of an event in one article."""

    article_id: str
    start: int  # the trigger word
    end: int
    text: str
    event_class: str  # Attack, Surrender, Statement, Killing, ... (ontology classes)
    lemma: str
    sentence_start: int
    sentence_end: int
    actors: tuple[str, ...] = ()  # entity keys
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    time: TimeExpression | None = None
    count: int | None = None
    counted: str | None = None  # the noun the count counts, as written: "soldiers", "car bombs"
    reported: bool = False  # told as someone's statement
    hedged: bool = False  # "allegedly", "could", ...
    speaker: str | None = None  # entity key, for statements
    content: str | None = None  # what a statement says (its complement clause), for statements


@dataclass(frozen=True)
class Event:
    """One real-world event, told by one or more event mentions."""

    key: str
    event_class: str
    label: str
    mentions: tuple[EventMention, ...]
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    value: str | None = None  # TIMEX3 value at the event's grain
    grain: str | None = None
    first_day: date | None = None
    last_day: date | None = None

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({m.article_id for m in self.mentions}))


@dataclass(frozen=True)
class Problem:
    """An input that could not be used, or was used with a caveat."""

    source: str  # the file, row or manifest line at fault
    message: str
    skipped: bool = True  # False: a warning, the article still builds

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class Corpus:
    """Everything a build found: the input to the graph and the exports."""

    articles: list[Article] = field(default_factory=list)
    parsed: list[ParsedArticle] = field(default_factory=list)
    time_expressions: dict[str, list[TimeExpression]] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def to_data(value):
    """A dataclass (and what it holds) as JSON-ready data: dates as ISO strings, tuples as lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    return value


def from_data(cls, data: dict):
    """The inverse of ``to_data`` for one of this module's dataclasses; unknown keys are ignored."""
    hints = typing.get_type_hints(cls)
    return cls(**{name: _typed(hints[name], value) for name, value in data.items() if name in hints})


def _typed(hint, value):
    if value is None:
        return None
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _typed(next(a for a in arguments if a is not type(None)), value)
    if origin is tuple:
        return tuple(_typed(arguments[0], item) for item in value)
    if hint is date:
        return date.fromisoformat(value)
    if is_dataclass(hint):
        return from_data(hint, value)
    return value
