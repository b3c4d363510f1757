"""Event mentions in one article, and events merged across articles.

In: a ``ParsedArticle``, the entity ``Mention``s found in it with their entity
keys, and the article's resolved ``TimeExpression``s. Out: ``EventMention``s
(a trigger word with its class, actors, targets, places, time, count,
reported / hedged flags and, for statements, speaker and content). Then
``merge_events`` turns the mentions of all articles into ``Event``s, one per
real-world event, each keeping every mention with its own time and count.

Tables (``kg/resources/en/``): ``events_triggers.tsv`` (lemma -> class),
``events_classes.tsv`` (the class tree and how long a class may last),
``events_cues.txt`` (reporting verbs, hedges, support verbs, generic
modifiers, prepositions, facility nouns), ``events_numbers.tsv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, cached_property

from kg.errors import RuleError
from kg.model import Entity, Event, EventMention, Mention, ParsedArticle, TimeExpression, Token
from kg.resources import table_lines, table_sections

__all__ = ["EventClass", "event_classes", "extract_event_mentions", "merge_events", "build_event", "time_interval"]

STATEMENT = "Statement"
CLAUSE_VERBS = ("VERB", "AUX")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CORE_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "appos")
# How an argument's own modifiers can name the entity it stands for:
# "Red Hand fighters", "the group's spokesman, Ana Ruiz", "members of the Blue Army".
ARGUMENT_MODIFIER_DEPS = ("compound", "poss", "nmod")
ARGUMENT_MODIFIER_PREPS = ("of", "from")
# Clauses that share the subject of the verb they hang on ("..., detonating X before storming Y").
SUBJECT_SHARING_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
GRAIN_RANK = {"day": 0, "time": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 3, "year": 4}
CONTENT_MAX_CHARS = 300
# An undated report is taken to tell of events at most this many days before its article.
NEWS_WINDOW_DAYS = 14
# Place subtypes too wide to tell two reports are about one event by themselves.
BROAD_PLACES = ("country", "region", "continent", "state", "province")
SETTLEMENTS = ("city", "town", "village")
# Any other place subtype (Facility, Prison, Airport, ...) is a built site.


# ---------------------------------------------------------------- tables


@dataclass(frozen=True)
class EventClass:
    """One event class of ``ontology/kg.ttl`` (a subclass of sem:Event)."""

    name: str
    parent: str | None
    span_days: int  # how many days apart two reports at one place may be and still tell one event
    label: str
    comment: str


@cache
def event_classes() -> dict[str, EventClass]:
    """The class tree of ``events_classes.tsv``, by class name."""
    classes: dict[str, EventClass] = {}
    for line in table_lines("events_classes.tsv"):
        cells = line.split("\t")
        if len(cells) != 5 or not cells[2].isdigit():
            raise RuleError(f"kg/resources/en/events_classes.tsv: {line!r} is not class, parent, span_days, label, comment")
        name, parent, span, label, comment = cells
        classes[name] = EventClass(name, None if parent == "-" else parent, int(span), label, comment)
    for cls in classes.values():
        if cls.parent is not None and cls.parent not in classes:
            raise RuleError(f"kg/resources/en/events_classes.tsv: {cls.name} has unknown parent {cls.parent}")
    return classes


@cache
def _triggers() -> dict[tuple[str, str], str]:
    """(lemma, VERB | NOUN) -> event class, from ``events_triggers.tsv``."""
    table: dict[tuple[str, str], str] = {}
    for line in table_lines("events_triggers.tsv"):
        cells = line.split("\t")
        if len(cells) != 3 or cells[1] not in ("VERB", "NOUN", "*") or cells[2] not in event_classes():
            raise RuleError(f"kg/resources/en/events_triggers.tsv: {line!r} is not lemma, VERB|NOUN|*, known class")
        lemma, pos, cls = cells
        for each in ("VERB", "NOUN") if pos == "*" else (pos,):
            table[(lemma.lower(), each)] = cls
    return table


@cache
def _cues() -> dict[str, frozenset[str]]:
    return {name: frozenset(word.lower() for word in words) for name, words in table_sections("events_cues.txt").items()}


def _cue(name: str) -> frozenset[str]:
    try:
        return _cues()[name]
    except KeyError:
        raise RuleError(f"kg/resources/en/events_cues.txt: section [{name}] is missing") from None


@cache
def _number_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for line in table_lines("events_numbers.tsv"):
        word, _, value = line.partition("\t")
        if not value.isdigit():
            raise RuleError(f"kg/resources/en/events_numbers.tsv: {line!r} is not word<TAB>number")
        words[word.lower()] = int(value)
    return words


def _ancestry(cls: str) -> list[str]:
    chain = [cls]
    while (parent := event_classes()[chain[-1]].parent) is not None:
        chain.append(parent)
    return chain


def classes_compatible(a: str, b: str) -> bool:
    """True when both classes belong to one family under sem:Event (an ambush and a bombing are attacks)."""
    return _ancestry(a)[-1] == _ancestry(b)[-1]


# ---------------------------------------------------------------- time values

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")


def _value_interval(value: str) -> tuple[date, date] | None:
    """The days a calendar TIMEX3 value covers: ``2022-W03`` -> (2022-01-17, 2022-01-23)."""
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := _MONTH.match(value):
            return _months(int(m[1]), int(m[2]), 1)
        if m := _QUARTER.match(value):
            return _months(int(m[1]), 3 * int(m[2]) - 2, 3)
        if m := _HALF.match(value):
            return _months(int(m[1]), 6 * int(m[2]) - 5, 6)
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _months(year: int, first_month: int, count: int) -> tuple[date, date]:
    end_year, end_month = divmod(first_month - 1 + count, 12)
    return date(year, first_month, 1), date(year + end_year, end_month + 1, 1) - timedelta(days=1)


def time_interval(expression: TimeExpression) -> tuple[date, date] | None:
    """The days a time expression denotes, or None when it is not a calendar date."""
    if expression.type not in ("DATE", "TIME"):
        return None
    if expression.first_day and expression.last_day:
        return expression.first_day, expression.last_day
    return _value_interval(expression.value)


def _grain_rank(expression: TimeExpression) -> int:
    return GRAIN_RANK.get(expression.grain, 5)


# ---------------------------------------------------------------- the article index


@dataclass(frozen=True)
class _Time:
    expression: TimeExpression
    head: int  # token that heads the expression in the parse
    sentence: int
    block: int
    bound: bool  # "since 2019", "until Wednesday": a bound, not the time of the clause


class _Doc:
    """Token-level indexes over one parsed article: children, entities, times."""

    def __init__(
        self,
        parsed: ParsedArticle,
        mentions: Sequence[Mention],
        key_of: Mapping[Mention, str],
        time_expressions: Sequence[TimeExpression],
    ) -> None:
        self.parsed = parsed
        self.tokens = parsed.tokens
        self.key_of = key_of
        self._starts = [t.start for t in self.tokens]
        self.children: dict[int, list[int]] = defaultdict(list)
        for token in self.tokens:
            if token.head != token.index:
                self.children[token.head].append(token.index)
        own = [m for m in mentions if m.article_id == parsed.article.identifier and m in key_of]
        self.mentions = sorted(own, key=lambda m: (m.start, -m.end))
        self.mention_at: dict[int, Mention] = {}
        for mention in sorted(own, key=lambda m: m.end - m.start):  # longest wins
            for i in self.token_span(mention.start, mention.end):
                self.mention_at[i] = mention
        self.times = [t for t in (self._time(e) for e in time_expressions) if t is not None]
        self.time_tokens = {i for t in self.times for i in self.token_span(t.expression.start, t.expression.end)}

    def token_span(self, start: int, end: int) -> range:
        """Indexes of the tokens overlapping characters ``[start, end)``."""
        first = bisect_left(self._starts, start)
        if first > 0 and self.tokens[first - 1].end > start:
            first -= 1
        last = first
        while last < len(self.tokens) and self.tokens[last].start < end:
            last += 1
        return range(first, last)

    @cached_property
    def sentence_of(self) -> list[int]:
        index = [0] * len(self.tokens)
        for n, sentence in enumerate(self.parsed.sentences):
            for i in range(sentence.first, sentence.last):
                index[i] = n
        return index

    @cached_property
    def block_of(self) -> list[int]:
        index = [0] * len(self.tokens)
        for token in self.tokens:
            index[token.index] = next(
                (n for n, b in enumerate(self.parsed.blocks) if b.start <= token.start < b.end), -1
            )
        return index

    def _time(self, expression: TimeExpression) -> _Time | None:
        if time_interval(expression) is None:
            return None
        span = self.token_span(expression.start, expression.end)
        if not span:
            return None
        head = next((i for i in span if self.tokens[i].head not in span or self.tokens[i].head == i), span[0])
        words = expression.text.lower().split()
        governor = self.tokens[self.tokens[head].head]
        bound = (words and words[0] in _cue("bound_prep")) or (
            self.tokens[head].dep == "pobj" and governor.lemma.lower() in _cue("bound_prep")
        )
        return _Time(expression, head, self.sentence_of[head], self.block_of[head], bool(bound))

    def kids(self, i: int, *deps: str) -> list[Token]:
        return [self.tokens[c] for c in self.children.get(i, ()) if not deps or self.tokens[c].dep in deps]

    def head(self, i: int) -> Token:
        return self.tokens[self.tokens[i].head]

    def ancestors(self, i: int) -> list[int]:
        """Heads above token i, nearest first, up to the sentence root."""
        chain, seen = [], {i}
        while (h := self.tokens[i].head) not in seen:
            chain.append(h)
            seen.add(h)
            i = h
        return chain

    def key(self, mention: Mention) -> str:
        return self.key_of[mention]

    def text(self, start: int, end: int) -> str:
        return self.parsed.article.text[start:end]


# ---------------------------------------------------------------- triggers and filters


def _trigger(doc: _Doc, token: Token) -> tuple[str, str] | None:
    """(event class, lemma) when the token is an event word, else None."""
    if token.pos == "VERB":
        pos = "VERB"
        particles = [c.lemma.lower() for c in doc.kids(token.index, "prt")]
        candidates = [f"{token.lemma.lower()} {p}" for p in particles]
    elif token.pos == "NOUN":
        pos = "NOUN"
        candidates = [f"{c.lemma.lower()} {token.lemma.lower()}" for c in doc.kids(token.index, "compound")]
    else:
        return None
    for lemma in [*candidates, token.lemma.lower()]:
        if (cls := _triggers().get((lemma, pos))) is not None:
            return cls, lemma
    return None


def _negated(doc: _Doc, token: Token) -> bool:
    if doc.kids(token.index, "neg"):
        return True
    # "No US service members were injured"
    return any(d.lemma.lower() == "no" for a in doc.kids(token.index, *SUBJECT_DEPS) for d in doc.kids(a.index, "det"))


def _generic_noun(doc: _Doc, token: Token) -> bool:
    """A plural or generic event noun ("attacks", "such prison breaks") tells no single event."""
    if token.dep == "compound":
        return True
    if token.tag in ("NNS", "NNPS") and not doc.kids(token.index, "nummod"):
        return True
    return any(c.lemma.lower() in _cue("generic") for c in doc.kids(token.index, "det", "amod", "predet"))


def _infinitive_status(doc: _Doc, token: Token) -> str:
    """"realis", "hedged" or "unreal" for a verb under "to": "managed to escape" did happen."""
    if not any(c.tag == "TO" for c in doc.kids(token.index, "aux", "auxpass")):
        return "realis"
    governor = doc.head(token.index).lemma.lower()
    if token.dep == "xcomp" and governor in _cue("realis"):
        return "realis"
    if token.dep == "xcomp" and governor in _cue("hedge"):
        return "hedged"
    return "unreal"


def _future(doc: _Doc, token: Token) -> bool:
    return any(c.lemma.lower() in ("will", "shall") for c in doc.kids(token.index, "aux"))


# ---------------------------------------------------------------- participants


def _mentions_at(doc: _Doc, i: int) -> list[Mention]:
    """The entity a token names, or the facility a definite noun ("the prison") refers back to."""
    if (mention := doc.mention_at.get(i)) is not None:
        return [mention]
    antecedent = _facility_antecedent(doc, doc.tokens[i])
    return [antecedent] if antecedent is not None else []


def _facility_antecedent(doc: _Doc, token: Token) -> Mention | None:
    """The last named facility before a definite facility noun: "the facility" -> the prison named earlier."""
    noun = token.lemma.lower()
    if noun not in _cue("facility"):
        return None
    holder = doc.head(token.index) if token.dep == "compound" else token  # "the prison attack"
    definite = any(c.lemma.lower() in ("the", "this", "that") for c in doc.kids(holder.index, "det"))
    same = any(c.lemma.lower() == "same" for c in doc.kids(token.index, "amod"))
    named = any(c.index in doc.mention_at for c in doc.kids(token.index, "compound"))
    if not (definite or same or named):
        return None
    earlier = [
        m
        for m in doc.mentions
        if m.end <= token.start and m.kind == "Place" and (_is_facility(m.subtype) or noun in m.text.lower())
    ]
    return earlier[-1] if earlier else None


def _argument(doc: _Doc, i: int, depth: int = 0) -> list[Mention]:
    """Entities an argument stands for: itself, its appositive, or the group in "Red Hand fighters"."""
    found = _mentions_at(doc, i)
    if not found and depth < 2:
        for child in doc.kids(i, "appos"):  # "its leader, Anton Weiss": the name, not the group
            found += _argument(doc, child.index, depth + 1)
    if not found and depth < 2:
        for child in doc.kids(i, *ARGUMENT_MODIFIER_DEPS):
            found += _argument(doc, child.index, depth + 1)
        for prep in doc.kids(i, "prep"):
            if prep.lemma.lower() in ARGUMENT_MODIFIER_PREPS:
                for obj in doc.kids(prep.index, "pobj"):
                    found += _argument(doc, obj.index, depth + 1)
    for conj in doc.kids(i, "conj"):
        found += _argument(doc, conj.index, depth)
    return found


def _subject(doc: _Doc, verb: int) -> int | None:
    """The subject of a verb, borrowed from the verb it depends on when it has none."""
    current = verb
    for _ in range(4):
        subjects = doc.kids(current, "nsubj", "nsubjpass", "csubj")
        if subjects:
            subject = subjects[0]
            if subject.tag in ("WDT", "WP") and doc.tokens[current].dep == "relcl":
                return doc.tokens[current].head  # "fighters who attacked" -> fighters
            return subject.index
        token = doc.tokens[current]
        if token.dep == "relcl":
            return token.head
        if token.dep not in SUBJECT_SHARING_DEPS or token.head == current:
            return None
        current = token.head
        if doc.tokens[current].pos == "ADP":  # "before storming": pcomp -> prep -> verb
            current = doc.tokens[current].head
    return None


@dataclass
class _Roles:
    actors: list[Mention]
    targets: list[Mention]
    places: list[Mention]

    def add(self, mentions: Iterable[Mention], role: str) -> None:
        """Add entities in a role; a place named as a target is the event's place."""
        for mention in mentions:
            if mention.kind == "Place" and role != "actors":
                self.places.append(mention)
            else:
                getattr(self, role).append(mention)


def _place_phrases(doc: _Doc, i: int, depth: int = 0) -> list[Mention]:
    """Places in the prepositional phrases under a token, nested once ("on the prison in the city")."""
    found: list[Mention] = []
    for prep in doc.kids(i, "prep"):
        if prep.lemma.lower() not in _cue("place_prep") and not (depth and prep.lemma.lower() == "of"):
            continue
        for obj in doc.kids(prep.index, "pobj"):
            found += [m for m in _argument(doc, obj.index) if m.kind == "Place"]
            if depth < 2:
                found += _place_phrases(doc, obj.index, depth + 1)
    return found


def _support_verb(doc: _Doc, noun: Token) -> Token | None:
    """The light verb that carries an event noun: "launched the assault", "claimed responsibility for"."""
    token = noun
    for _ in range(3):
        head = doc.head(token.index)
        if head.index == token.index:
            return None
        if token.dep in ("dobj", "nsubj", "nsubjpass") and head.pos == "VERB":
            return head if head.lemma.lower() in _cue("support") else None
        if token.dep == "pobj" or (token.dep == "prep" and head.lemma.lower() in _cue("support_noun")):
            token = head
            continue
        if token.dep == "dobj" and head.lemma.lower() in _cue("support_noun"):
            token = head
            continue
        return None
    return None


def _verb_roles(doc: _Doc, verb: Token) -> _Roles:
    roles = _Roles([], [], [])
    subject = _subject(doc, verb.index)
    if subject is not None:
        passive = bool(doc.kids(verb.index, "nsubjpass", "auxpass"))
        roles.add(_argument(doc, subject), "targets" if passive else "actors")
    for child in doc.kids(verb.index):
        if child.dep == "nsubjpass" and child.index != subject:
            roles.add(_argument(doc, child.index), "targets")
        elif child.dep == "agent":
            for obj in doc.kids(child.index, "pobj"):
                roles.add(_argument(doc, obj.index), "actors")
        elif child.dep == "dobj":
            roles.add(_argument(doc, child.index), "targets")
            roles.places += _place_phrases(doc, child.index, 1)
        elif child.dep == "prep" and child.lemma.lower() in ("on", "against"):
            for obj in doc.kids(child.index, "pobj"):
                roles.add(_argument(doc, obj.index), "targets")
    roles.places += _place_phrases(doc, verb.index)
    return roles


def _acts(mention: Mention) -> bool:
    """A country acts as a party ("the US invasion"); a town or facility is where things happen."""
    return (mention.subtype or "").lower() == "country"


def _noun_roles(doc: _Doc, noun: Token, cls: str) -> _Roles:
    roles = _Roles([], [], [])
    for child in doc.kids(noun.index):
        if child.dep in ("poss", "compound"):  # "Red Hand attack", "the US invasion", "the Strelsau attack"
            mentions = _mentions_at(doc, child.index)
            roles.places += [m for m in mentions if m.kind == "Place" and not _acts(m)]
            roles.actors += [m for m in mentions if m.kind != "Place" or _acts(m)]
        elif child.dep == "prep" and child.lemma.lower() == "by":
            for obj in doc.kids(child.index, "pobj"):
                roles.add(_argument(doc, obj.index), "actors")
        elif child.dep == "prep" and child.lemma.lower() == "of" and cls.lower() in _cue("of_actor"):
            for obj in doc.kids(child.index, "pobj"):
                roles.add(_argument(doc, obj.index), "actors")
        elif child.dep == "prep" and child.lemma.lower() in ("of", "on", "against"):
            for obj in doc.kids(child.index, "pobj"):
                roles.add(_argument(doc, obj.index), "targets")
    roles.places += _place_phrases(doc, noun.index)
    support = _support_verb(doc, noun)
    if support is not None:
        if noun.dep != "nsubj":
            subject = _subject(doc, support.index)
            if subject is not None:
                roles.add(_argument(doc, subject), "actors")
        roles.places += _place_phrases(doc, support.index)
    return roles


# ---------------------------------------------------------------- time


def _nearest_verb(doc: _Doc, i: int) -> int | None:
    return next((a for a in doc.ancestors(i) if _is_clause_verb(doc.tokens[a])), None)


def _verb_chain(doc: _Doc, i: int, through_relative: bool = False) -> list[int]:
    """The token (if a verb) and the verbs above it, up to a relative clause's edge.

    A relative clause ("prisoners who were detained in 2019") tells its own
    background; it takes neither time nor place from the clause around it.
    """
    chain = []
    for a in [i, *doc.ancestors(i)]:
        if _is_clause_verb(doc.tokens[a]):
            chain.append(a)
        if doc.tokens[a].dep == "relcl" and not through_relative:
            break
    return chain


def _time_rank(doc: _Doc, trigger: Token, time: _Time) -> tuple[int, int] | None:
    """How closely a time expression of the sentence governs the trigger (lower is closer), or None."""
    above_time = doc.ancestors(time.head)
    if trigger.index in above_time:  # the expression modifies the trigger or its phrase
        between = above_time[: above_time.index(trigger.index)]
        if not time.bound and not any(_is_clause_verb(doc.tokens[b]) or _bounding(doc.tokens[b]) for b in between):
            return 0, len(between)
    if time.head in doc.ancestors(trigger.index):  # "Wednesday, when ... surrendered"
        return 1, doc.ancestors(trigger.index).index(time.head)
    if time.bound or _through_bound(doc, time.head):
        return None
    clause = _nearest_verb(doc, time.head)
    if clause is None:
        return None
    if trigger.pos == "NOUN":
        own_clause = _nearest_verb(doc, trigger.index)
        definite = any(c.lemma.lower() == "the" for c in doc.kids(trigger.index, "det"))
        if own_clause == clause and (trigger.dep in CORE_DEPS or not definite):
            return 2, abs(time.head - trigger.index)
        if own_clause == clause and _trigger(doc, doc.tokens[clause]) is None:
            return 3, abs(time.head - trigger.index)  # the clause's verb is no event: the time is the noun's
        if not definite and clause in _verb_chain(doc, trigger.index):
            return 3, abs(time.head - trigger.index)
        return None
    chain = _verb_chain(doc, trigger.index)
    if clause in chain:
        return 2, chain.index(clause)
    return None


def _through_bound(doc: _Doc, i: int) -> bool:
    """Whether a token sits in a bounding phrase below its clause verb ("detained after the 2019 defeat")."""
    for a in doc.ancestors(i):
        if _is_clause_verb(doc.tokens[a]):
            return False
        if _bounding(doc.tokens[a]):
            return True
    return False


def _bounding(token: Token) -> bool:
    return token.dep == "prep" and token.lemma.lower() in _cue("bound_prep")


def _is_clause_verb(token: Token) -> bool:
    """A verb that heads a clause; "following" and "according" used as prepositions do not."""
    return token.pos in CLAUSE_VERBS and token.dep != "prep"


def _time_of(doc: _Doc, trigger: Token, allow_paragraph: bool) -> tuple[TimeExpression | None, bool]:
    """The trigger's time expression and whether it came from an earlier sentence of the paragraph."""
    sentence = doc.sentence_of[trigger.index]
    ranked = []
    for time in doc.times:
        if _after_publication(doc, trigger, time):
            continue  # a past event cannot have happened after the article was written
        if time.sentence == sentence and (rank := _time_rank(doc, trigger, time)) is not None:
            ranked.append((rank, time.expression.start, time.expression))
    if ranked:
        return min(ranked, key=lambda r: (r[0], r[1]))[2], False
    if not allow_paragraph or any(t.sentence == sentence for t in doc.times) or not _past(trigger):
        return None, False
    block = doc.block_of[trigger.index]
    earlier = [t for t in doc.times if t.block == block and t.sentence < sentence and not t.bound]
    return (earlier[-1].expression, True) if earlier else (None, False)


def _after_publication(doc: _Doc, trigger: Token, time: _Time) -> bool:
    published = doc.parsed.article.publication_date
    interval = time_interval(time.expression)
    clause = _verb_chain(doc, trigger.index)
    past = bool(clause) and _past(doc.tokens[clause[0]])
    return past and published is not None and interval is not None and interval[0] > published


def _past(token: Token) -> bool:
    return "Tense=Past" in token.morph or token.tag in ("VBD", "VBN")


# ---------------------------------------------------------------- reports, hedges, counts


def _speaker_of(doc: _Doc, verb: int) -> Mention | None:
    subject = _subject(doc, verb)
    mentions = _argument(doc, subject) if subject is not None else []
    return mentions[0] if mentions else None


def _report(doc: _Doc, trigger: Token) -> tuple[bool, Mention | None]:
    """Whether the trigger is told as someone's report, and by whom."""
    sentence = doc.parsed.sentences[doc.sentence_of[trigger.index]]
    clause = _verb_chain(doc, trigger.index)
    for verb in clause:
        for child in doc.kids(verb):
            if child.lemma.lower() in _cue("reporting") and child.dep in ("parataxis", "ccomp", "advcl", "conj"):
                return True, _speaker_of(doc, child.index)  # "..., the army said"
    for verb in clause:
        if verb != trigger.index and doc.tokens[verb].lemma.lower() in _cue("reporting"):
            return True, _speaker_of(doc, verb)  # "the army said it ..."
    for token in doc.tokens[sentence.first : sentence.last]:
        if token.lemma.lower() == "accord" and doc.kids(token.index, "prep"):  # "according to X"
            objects = [o for p in doc.kids(token.index, "prep") for o in doc.kids(p.index, "pobj")]
            mentions = [m for o in objects for m in _argument(doc, o.index)]
            return True, mentions[0] if mentions else None
    return False, None


def _hedged(doc: _Doc, trigger: Token) -> bool:
    path = [trigger.index, *doc.ancestors(trigger.index)[:3]]
    for i in path:
        if i != trigger.index and doc.tokens[i].lemma.lower() in _cue("hedge"):
            return True
        if any(c.lemma.lower() in _cue("hedge") for c in doc.kids(i, "aux", "advmod", "amod")):
            return True
    return False


def _number(doc: _Doc, noun: int) -> int | None:
    for child in doc.kids(noun, "nummod"):
        text = child.text.replace(",", "")
        if text.isdigit():
            return int(text)
        if (value := _number_words().get(child.lemma.lower())) is not None:
            return value
    return None


def _count(doc: _Doc, trigger: Token) -> int | None:
    """How many people the event involved, when the text gives a number ("11 soldiers were killed")."""
    candidates = [c.index for c in doc.kids(trigger.index, "nsubjpass", "dobj")]
    if trigger.pos == "NOUN":
        candidates += [o.index for p in doc.kids(trigger.index, "prep") for o in doc.kids(p.index, "pobj")]
        support = _support_verb(doc, trigger)
        anchor = support.index if support is not None else None
    else:
        anchor = trigger.index
    if anchor is not None and (subject := _subject(doc, anchor)) is not None:
        candidates.append(subject)
    return next((n for n in (_number(doc, c) for c in candidates) if n is not None), None)


def _content(doc: _Doc, verb: Token) -> str | None:
    """The clause a statement reports, as text."""
    for child in doc.kids(verb.index, "ccomp"):
        span = _subtree(doc, child.index)
        text = " ".join(doc.text(doc.tokens[span[0]].start, doc.tokens[span[-1]].end).split())
        return text[:CONTENT_MAX_CHARS]
    return None


def _subtree(doc: _Doc, i: int) -> list[int]:
    found, stack = [], [i]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(doc.children.get(current, ()))
    return sorted(found)


# ---------------------------------------------------------------- extraction


def extract_event_mentions(
    parsed: ParsedArticle,
    mentions: Sequence[Mention],
    key_of: Mapping[Mention, str],
    time_expressions: Sequence[TimeExpression],
) -> list[EventMention]:
    """Event mentions in the article's content blocks.

    parsed (ParsedArticle): the article after ``kg.nlp``.
    mentions (Sequence[Mention]): entity mentions (any article's; others are ignored).
    key_of (Mapping[Mention, str]): each mention's entity key.
    time_expressions (Sequence[TimeExpression]): the article's resolved time expressions.
    RETURNS (list[EventMention]): in text order.
    """
    doc = _Doc(parsed, mentions, key_of, time_expressions)
    found = []
    for token in doc.tokens:
        if token.index in doc.mention_at or token.index in doc.time_tokens:
            continue
        if (trigger := _trigger(doc, token)) is not None and (mention := _event_mention(doc, token, *trigger)):
            found.append(mention)
    return found


def _event_mention(doc: _Doc, token: Token, cls: str, lemma: str) -> EventMention | None:
    if _negated(doc, token) or (token.pos == "NOUN" and _generic_noun(doc, token)):
        return None
    statement = cls == STATEMENT
    status = _infinitive_status(doc, token) if token.pos == "VERB" else "realis"
    if status == "unreal" or (token.pos == "VERB" and _future(doc, token)):
        return None
    roles = _verb_roles(doc, token) if token.pos == "VERB" else _noun_roles(doc, token, cls)
    if not roles.places and token.pos == "VERB" and not statement:
        # "fighting went on near the facility until Wednesday, when they surrendered"
        roles.places = [m for verb in _verb_chain(doc, token.index, True)[1:3] for m in _place_phrases(doc, verb)]
    reported, speaker = (False, None) if statement else _report(doc, token)
    actors = roles.actors
    if reported and speaker is not None and not actors and _pronoun_subject(doc, token):
        actors = [speaker]  # "the army said it repelled ..." -> the army
    time, from_paragraph = _time_of(doc, token, allow_paragraph=not statement)
    if statement:
        # A statement is an event of its own only when dated and spoken by a named speaker.
        if time is None or not actors:
            return None
        speaker = actors[0]
    sentence = doc.parsed.sentences[doc.sentence_of[token.index]]
    return EventMention(
        article_id=doc.parsed.article.identifier,
        start=token.start,
        end=token.end,
        text=token.text,
        event_class=cls,
        lemma=lemma,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        actors=_keys(doc, actors),
        targets=_keys(doc, [m for m in roles.targets if m not in actors]),
        places=_keys(doc, roles.places),
        time=time,
        count=_count(doc, token),
        reported=reported,
        hedged=status == "hedged" or _hedged(doc, token),
        speaker=doc.key(speaker) if speaker is not None else None,
        content=_content(doc, token) if statement else None,
    )


def _pronoun_subject(doc: _Doc, token: Token) -> bool:
    subject = _subject(doc, token.index) if token.pos == "VERB" else None
    if subject is None and token.pos == "NOUN" and (support := _support_verb(doc, token)) is not None:
        subject = _subject(doc, support.index)
    return subject is not None and doc.tokens[subject].tag == "PRP"


def _keys(doc: _Doc, mentions: Iterable[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(doc.key(m) for m in mentions))


# ---------------------------------------------------------------- merging across articles


def _day_gap(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two intervals; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def _participants(mention: EventMention) -> set[str]:
    return set(mention.actors) | set(mention.targets) | set(mention.places)


def _underspecified(mention: EventMention) -> bool:
    return not mention.actors and not mention.places and not mention.targets


def _times_compatible(a: EventMention, b: EventMention, same_scene: bool) -> bool:
    """Compatible at the coarser grain of the two, or a few days apart at one place for lasting events."""
    if a.time is None or b.time is None:
        return True
    ia, ib = time_interval(a.time), time_interval(b.time)
    if ia is None or ib is None:
        return True
    gap = _day_gap(ia, ib)
    if gap == 0:
        return True
    span = min(event_classes()[a.event_class].span_days, event_classes()[b.event_class].span_days)
    return same_scene and a.time.grain == b.time.grain == "day" and gap <= span


def _recent(cluster: list[EventMention], present: date | None) -> bool:
    """Whether the cluster is dated within the news window before ``present``."""
    if present is None:
        return False
    window = timedelta(days=NEWS_WINDOW_DAYS)
    intervals = [time_interval(m.time) for m in cluster if m.time is not None]
    return any(i is not None and present - window <= i[1] and i[0] <= present for i in intervals)


def _affinity(
    mention: EventMention, cluster: list[EventMention], specific: set[str], present: date | None = None
) -> float | None:
    """How well a mention fits a cluster of mentions of one event; None when it cannot belong."""
    if any(not classes_compatible(mention.event_class, other.event_class) for other in cluster):
        return None
    places = set().union(*(o.places for o in cluster))
    actors = set().union(*(o.actors for o in cluster))
    others = set().union(*(_participants(o) for o in cluster))
    share_place = bool(set(mention.places) & places)
    # A lasting event told a day later by the same actor, with no other place named, is still that event.
    same_scene = share_place or (bool(set(mention.actors) & actors) and not (mention.places and places))
    if any(not _times_compatible(mention, other, same_scene) for other in cluster):
        return None
    statement = mention.event_class == STATEMENT
    if statement and (mention.time is None or not set(mention.actors) & actors):
        return None  # one speaker's statements of one day are one event
    if mention.time is None and not _recent(cluster, present):
        return None  # an undated report ("the attack") tells of what is news when it is written
    if mention.time is None and not (set(mention.places) & places & specific or share_place and set(mention.actors) & actors):
        return None  # without a date, only a shared facility or town, or a shared actor and place, tell
    score = 2.0 * len(set(mention.places) & places) + len(set(mention.actors) & actors)
    score += 0.5 * len(_participants(mention) & others - set(mention.places) - set(mention.actors))
    if score == 0:
        if not _underspecified(mention) or mention.time is None or all(o.time is None for o in cluster):
            return None
        counts = {o.count for o in cluster if o.count is not None}
        if mention.count is not None and counts and mention.count not in counts:
            return None
    if any(o.article_id == mention.article_id for o in cluster):
        score += 0.5
    if mention.time is not None and any(o.time is not None and o.time.value == mention.time.value for o in cluster):
        score += 0.25
    return score


def _merge_order(mention: EventMention) -> tuple:
    """Anchored, precisely dated mentions found clusters first; vaguer ones join them."""
    rank = _grain_rank(mention.time) if mention.time is not None else 9
    return (_underspecified(mention), mention.time is None, rank, mention.article_id, mention.start)


def _best_cluster(
    mention: EventMention, clusters: list[list[EventMention]], specific: set[str], present: date | None
) -> list[EventMention] | None:
    scored = [(s, n) for n, c in enumerate(clusters) if (s := _affinity(mention, c, specific, present)) is not None]
    if not scored:
        return None
    best = max(s for s, _ in scored)
    winners = [n for s, n in scored if s == best]
    if len(winners) > 1 and _underspecified(mention):
        return None  # nothing tells which event a bare mention belongs to
    return clusters[winners[0]]


def merge_events(event_mentions: Sequence[EventMention], entities: Sequence[Entity]) -> list[Event]:
    """Events, each told by one or more mentions across articles.

    Mentions merge when their classes are compatible, their times agree at the
    coarser grain of the two, and they share a place or an actor (a bare,
    dated mention joins the one event it can belong to). Each mention keeps its
    own time and count, so disagreements stay visible.

    event_mentions (Sequence[EventMention]): the mentions of every article.
    entities (Sequence[Entity]): the entities their keys point to (for labels).
    RETURNS (list[Event]): sorted by date, undated last; keys are unique and readable.
    """
    specific = {e.key for e in entities if e.kind == "Place" and _place_rank(e) < 3}
    # The publication date of each article, as its resolved time expressions carry it.
    present = {m.article_id: m.time.anchor for m in event_mentions if m.time is not None and m.time.anchor}
    clusters: list[list[EventMention]] = []
    for mention in sorted(event_mentions, key=_merge_order):
        cluster = _best_cluster(mention, clusters, specific, present.get(mention.article_id))
        if cluster is None:
            clusters.append([mention])
        else:
            cluster.append(mention)
    # An undated event without actor, target or place says no more than that a word was used.
    told = [c for c in clusters if any(m.time is not None or _participants(m) for m in c)]
    events = [build_event(cluster, entities) for cluster in told]
    return _unique_keys(sorted(events, key=_event_order))


def _event_order(event: Event) -> tuple:
    return (event.first_day or date.max, event.last_day or date.max, event.key, event.mentions[0].article_id)


def _unique_keys(events: list[Event]) -> list[Event]:
    seen: Counter[str] = Counter()
    unique = []
    for event in events:
        seen[event.key] += 1
        key = event.key if seen[event.key] == 1 else f"{event.key}-{seen[event.key]}"
        unique.append(_replace_key(event, key))
    return unique


def _replace_key(event: Event, key: str) -> Event:
    return event if key == event.key else replace(event, key=key)


def _ranked(keys: Iterable[str]) -> tuple[str, ...]:
    """Keys by how many mentions name them, then alphabetically."""
    counts = Counter(keys)
    return tuple(sorted(counts, key=lambda k: (-counts[k], k)))


def _event_time(mentions: Sequence[EventMention]) -> tuple[str | None, str | None, date | None, date | None]:
    """The value most mentions give at the finest grain told, and the days the fine mentions span."""
    dated = [m.time for m in mentions if m.time is not None and time_interval(m.time) is not None]
    if not dated:
        return None, None, None, None
    finest = min(_grain_rank(t) for t in dated)
    fine = [t for t in dated if _grain_rank(t) == finest]
    votes = Counter(t.value for t in fine)
    value = min(votes, key=lambda v: (-votes[v], v))
    chosen = next(t for t in fine if t.value == value)
    intervals = [time_interval(t) for t in fine]
    first = min(i[0] for i in intervals if i)
    last = max(i[1] for i in intervals if i)
    return value, chosen.grain, first, last


def build_event(mentions: Sequence[EventMention], entities: Sequence[Entity], key: str | None = None) -> Event:
    """One event from the mentions that tell it (class, participants and time by majority).

    mentions (Sequence[EventMention]): at least one mention.
    entities (Sequence[Entity]): for the labels of the participants.
    key (str | None): keep this key instead of deriving one (as the timeline's "as of" view does).
    RETURNS (Event): the event.
    """
    ordered = tuple(sorted(mentions, key=lambda m: (m.article_id, m.start)))
    votes = Counter(m.event_class for m in ordered)
    cls = min(votes, key=lambda c: (-votes[c], len(_ancestry(c)), c))
    by_key = {e.key: e for e in entities}
    actors = _ranked(a for m in ordered for a in m.actors)
    places = tuple(sorted(_ranked(p for m in ordered for p in m.places), key=lambda k: _place_rank(by_key.get(k))))
    targets = tuple(t for t in _ranked(t for m in ordered for t in m.targets) if t not in actors and t not in places)
    value, grain, first, last = _event_time(ordered)
    label = describe(cls, actors, targets, places, by_key, _headword(ordered, cls))
    return Event(
        key=key or _event_key(cls, value, actors, targets, places, by_key, ordered[0].lemma),
        event_class=cls,
        label=label,
        mentions=ordered,
        actors=actors,
        targets=targets,
        places=places,
        value=value,
        grain=grain,
        first_day=first,
        last_day=last,
    )


def _is_facility(subtype: str | None) -> bool:
    return bool(subtype) and subtype.lower() not in (*BROAD_PLACES, *SETTLEMENTS)


def _place_rank(entity: Entity | None) -> int:
    """Most specific place first: a facility, then a town, then a place of unknown size, then a region or country."""
    subtype = (entity.subtype or "").lower() if entity else ""
    if _is_facility(subtype):
        return 0
    return 1 if subtype in SETTLEMENTS else 3 if subtype in BROAD_PLACES else 2


def _name(key: str, by_key: Mapping[str, Entity]) -> str:
    entity = by_key.get(key)
    return entity.label if entity else key.rsplit("/", 1)[-1].replace("-", " ")


def _headword(mentions: Sequence[EventMention], cls: str) -> str:
    """The event noun the reports use most ("ambush"), else the class's label."""
    nouns = Counter(
        m.lemma for m in mentions if _triggers().get((m.lemma, "NOUN")) and classes_compatible(m.event_class, cls)
    )
    return min(nouns, key=lambda n: (-nouns[n], n)) if nouns else event_classes()[cls].label


def describe(
    cls: str,
    actors: Sequence[str],
    targets: Sequence[str],
    places: Sequence[str],
    by_key: Mapping[str, Entity],
    headword: str | None = None,
) -> str:
    """A short description: "Attack by X on Y at Z"."""
    words = [(headword or event_classes()[cls].label).capitalize()]
    if actors:
        words.append("by " + _name(actors[0], by_key))
    if targets and cls != STATEMENT:
        words.append(("on " if "Attack" in _ancestry(cls) else "of ") + _name(targets[0], by_key))
    if places:
        words.append(("in " if _place_rank(by_key.get(places[0])) else "at ") + _name(places[0], by_key))
    return " ".join(words)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "event"


def _event_key(
    cls: str,
    value: str | None,
    actors: Sequence[str],
    targets: Sequence[str],
    places: Sequence[str],
    by_key: Mapping[str, Entity],
    lemma: str,
) -> str:
    """``event/2022-01-20-attack-<place or actor>``: readable and the same for the same input."""
    about = next(iter([*places, *actors, *targets]), None)
    slug = _slug(_name(about, by_key)) if about else _slug(lemma)
    return f"event/{value or 'undated'}-{_slug(cls)}-{slug}"
