"""Token-level indexes over one parsed article, shared by the extraction modules.

In: a ``ParsedArticle``, its entity ``Mention``s with their keys, and its
resolved ``TimeExpression``s. Out: an ``ArticleIndex`` that answers parse-tree
questions (children, heads, ancestors, subtrees), which entity mention a token
belongs to, and which calendar time expressions the article holds, each with
the token that heads it and whether it is only a bound ("since 2019"). The
tokens of a dateline ("LIMA, Peru (AP) —") name where the story was filed:
they are no entity mention of any event. A photo caption ("This photo
provided by X shows Y, who was arrested on ...") describes a picture: its
paragraph is marked so that it tells no event of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from kg import names
from kg.events.intervals import time_interval
from kg.events.lexicon import cue
from kg.model import Mention, ParsedArticle, TimeExpression, Token

CLAUSE_VERBS = ("VERB", "AUX")
DATELINE_DASHES = ("—", "–", "--", "-")
DATELINE_MAX_TOKENS = 12  # "WASHINGTON, D.C., Jan. 5 (Reuters) —" is about the longest
DATELINE_WORDS = ("PROPN", "PUNCT", "NUM")  # a place, an agency, a date: nothing that tells a clause
CAPTION_OPENING_TOKENS = 6  # "In this undated file photo", "This image released by X"


@dataclass(frozen=True)
class AnchoredTime:
    """A calendar time expression placed in the parse."""

    expression: TimeExpression
    head: int  # token that heads the expression in the parse
    sentence: int
    block: int
    bound: bool  # "since 2019", "until Wednesday": a bound, not the time of the clause


MAX_TITLE_WORDS = 3  # "Deputy Prime Minister", "Defence Minister", "President"


class ArticleIndex:
    """Children, entity mentions and times of one parsed article, by token index."""

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
        self.dateline = self._datelines()
        self.captions = frozenset(n for n, block in enumerate(parsed.blocks) if self._is_caption(block))
        self.mention_at: dict[int, Mention] = {}
        for mention in sorted(own, key=lambda m: m.end - m.start):  # longest wins
            for i in self.token_span(mention.start, mention.end):
                if i not in self.dateline:
                    self.mention_at[i] = mention
        self.times = [t for t in (self._anchor(e) for e in time_expressions) if t is not None]
        self.durations = [e for e in time_expressions if e.type == "DURATION"]  # "two days" (after the clash)
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
        """Token index -> sentence number."""
        index = [0] * len(self.tokens)
        for n, sentence in enumerate(self.parsed.sentences):
            for i in range(sentence.first, sentence.last):
                index[i] = n
        return index

    @cached_property
    def titled(self) -> dict[str, list[Mention]]:
        """The title written before each person's name ("President Joseph Ndegwa" -> "president",
        "Defence Minister X" -> "defence minister"; a qualifier such as "outgoing" dropped) -> the
        first mention of each person holding it."""
        found: dict[str, list[Mention]] = defaultdict(list)
        seen: set[str] = set()
        for mention in self.mentions:
            if mention.kind != "Person" or self.key_of[mention] in seen:
                continue
            first = self.token_span(mention.start, mention.end)[0]
            words = []
            for token in reversed(self.tokens[max(0, first - MAX_TITLE_WORDS) : first]):
                if not token.text[:1].isupper() or token.pos not in ("PROPN", "NOUN", "ADJ"):
                    break
                words.insert(0, token.text.lower())
            title = names.office_of(" ".join(words), deputies=False) if words else ""
            if title and title.split()[-1] in names.lexicon("role_heads"):
                seen.add(self.key_of[mention])
                found[title].append(mention)
        return found

    @cached_property
    def block_of(self) -> list[int]:
        """Token index -> block (paragraph) number, -1 outside every block."""
        blocks = self.parsed.blocks
        return [next((n for n, b in enumerate(blocks) if b.start <= t.start < b.end), -1) for t in self.tokens]

    def _datelines(self) -> frozenset[int]:
        """Tokens of a dateline opening a paragraph: "LIMA, Peru (AP) —", "Lima, Peru (Reuters) -".

        Only proper nouns, numbers and punctuation before a dash, in capitals
        or with a parenthesised agency: a sentence that opens with a name
        ("Keller - who resigned - ...") has a lower-case word before its dash.
        """
        found: set[int] = set()
        for block in self.parsed.blocks:
            span = self.token_span(block.start, block.end)
            for n, i in enumerate(span[:DATELINE_MAX_TOKENS]):
                token = self.tokens[i]
                if token.text in DATELINE_DASHES and n > 0:
                    words = [self.tokens[j] for j in span[:n]]
                    capitals = words[0].text.isupper() and len(words[0].text) > 1
                    agency = any(w.text == "(" for w in words)
                    if capitals or agency:
                        found.update(span[: n + 1])
                    break
                if token.pos not in DATELINE_WORDS:
                    break
        return frozenset(found)

    def _is_caption(self, block) -> bool:
        """A paragraph that describes a picture: its first sentence opens on a picture noun
        ("This photo provided by X", "In this image") and says what the picture shows."""
        span = self.token_span(block.start, block.end)
        if not span:
            return False
        first = self.parsed.sentences[self.sentence_of[span[0]]]
        words = self.tokens[first.first : first.last]
        opening = any(t.lemma.lower() in cue("picture") for t in words[:CAPTION_OPENING_TOKENS])
        return opening and any(t.pos == "VERB" and t.lemma.lower() in cue("picture_verb") for t in words)

    def in_caption(self, i: int) -> bool:
        return self.block_of[i] in self.captions

    def after_dateline(self, i: int) -> int:
        """A token of a dateline stands for nothing; the parser may hang the sentence's subject on it:
        "LIMA, Peru (AP) — A strong earthquake struck ..." gives "struck" the subject "LIMA".
        Returns the head of the first phrase after the dateline instead, else i."""
        if i not in self.dateline:
            return i
        last = max(j for j in self.dateline if self.sentence_of[j] == self.sentence_of[i])
        for j in range(last + 1, min(last + DATELINE_MAX_TOKENS, len(self.tokens))):
            if self.tokens[j].head in self.dateline:
                return j
        return i

    def _anchor(self, expression: TimeExpression) -> AnchoredTime | None:
        if time_interval(expression) is None:
            return None
        span = self.token_span(expression.start, expression.end)
        if not span:
            return None
        heads = [i for i in span if self.tokens[i].head not in span or self.tokens[i].head == i] or [span[0]]
        # "before dawn Wednesday": of two words hung outside the span, the one hung on a verb.
        head = next((i for i in heads if self.tokens[i].pos in ("NOUN", "PROPN")
                     and self.tokens[self.tokens[i].head].pos in ("VERB", "AUX")), heads[0])
        words = expression.text.lower().split()
        governor = self.tokens[self.tokens[head].head]
        preposition = words[0] if words and words[0] in cue("bound_prep") else None
        if preposition is None and self.tokens[head].dep == "pobj" and governor.lemma.lower() in cue("bound_prep"):
            preposition = governor.lemma.lower()
        # "shortly after 3 a.m." tells when, give or take minutes; "after 2019" only bounds.
        bound = preposition is not None and not (expression.type == "TIME" and preposition in cue("approximate_prep"))
        return AnchoredTime(expression, head, self.sentence_of[head], self.block_of[head], bool(bound))

    def kids(self, i: int, *deps: str) -> list[Token]:
        """The children of token i, only those with one of ``deps`` when given."""
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

    def governed_by(self, i: int, attachments: tuple[str, ...], depth: int, test: Callable[[Token], bool]) -> bool:
        """Whether a word passing ``test`` governs token i through at most ``depth`` links of the
        ``attachments`` kinds ("planning [a] surprise attack", "guilty of murder")."""
        current = self.tokens[i]
        for _ in range(depth):
            if current.dep not in attachments:
                return False
            governor = self.head(current.index)
            if governor.index == current.index:
                return False
            if test(governor):
                return True
            current = governor
        return False

    def subtree(self, i: int) -> list[int]:
        """Token i and everything below it, in text order."""
        found, stack = [], [i]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self.children.get(current, ()))
        return sorted(found)

    def key(self, mention: Mention) -> str:
        return self.key_of[mention]

    def text(self, start: int, end: int) -> str:
        return self.parsed.article.text[start:end]

    def span_text(self, first: int, last: int) -> str:
        """The article text from token ``first`` to token ``last`` (inclusive), on one line."""
        return " ".join(self.text(self.tokens[first].start, self.tokens[last].end).split())


def is_clause_verb(token: Token) -> bool:
    """A verb that heads a clause; "following" and "according" used as prepositions do not."""
    return token.pos in CLAUSE_VERBS and token.dep != "prep"


def is_past(doc: ArticleIndex, token: Token) -> bool:
    """A past or perfect ("attacked", "was attacked", "have been recaptured"), not a present ("are charged")."""
    auxiliaries = doc.kids(token.index, "aux", "auxpass")
    if auxiliaries:
        return auxiliaries[0].tag == "VBD" or auxiliaries[0].lemma.lower() == "have"
    return "Tense=Past" in token.morph or token.tag in ("VBD", "VBN")
