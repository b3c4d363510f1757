"""The tense that decides which way an unanchored name points ("Friday", "in August").

In: a ``ParsedArticle`` and the character span of a time expression. Out:
"past", "future", "present" or None (no verb found), read from the verb that
governs the expression: its tag (VBD), its auxiliaries ("will", "had"), and
for an infinitive the verb it depends on ("plans to meet Friday").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import cache, cached_property

from kg.model import ParsedArticle, Token
from kg.timex.tables import normalization, pattern

VERB_POS = ("VERB", "AUX")
# Without the attribute ruler (``kg dates`` skips it: it costs as much as the tagger) tokens
# have a tag but no part of speech; a verb is then a VB* or modal tag.
VERB_TAG_PREFIXES = ("VB", "MD")
AUX_DEPS = ("aux", "auxpass")
# Without a dependency parse, a verb's auxiliaries are the verb group before it: modals,
# verbs, "to" and adverbs ("were not planning to drive", "will also meet").
GROUP_TAG_PREFIXES = ("MD", "VB", "TO", "RB")
# A particle right after an intent verb makes it another verb ("set aside", "set up").
PARTICLE_TAG = "RP"
# What follows a plan verb marked "preposition" in tense_cue.tsv when it does announce a plan.
PLAN_PREPOSITIONS = ("to", "for")
MAX_CLIMB = 8  # head links followed before giving up (parses are shallow in news)
ATTRIBUTIVE_NEXT_TAGS = frozenset({"NN", "NNS", "JJ"})  # after a participle, a sign it describes ("a televised debate")
CALLING_PARTICLES = ("on", "upon")
OBJECT_REACH = 5  # tokens looked through for "to" after an intent verb's object ("warned drivers to")


def _bare_verb(token: Token) -> bool:
    """A base form after "to"; the tagger may take a verb that is also a noun for one ("to march")."""
    return token.tag == "VB" or token.tag in ("NN", "NNP") and token.text.islower()


class TenseReader:
    """Reads the governing verb's tense; built once per article."""

    def __init__(self, parsed: ParsedArticle) -> None:
        self.tokens = parsed.tokens
        self.parsed = parsed

    @cached_property
    def children(self) -> dict[int, list[Token]]:
        kids: dict[int, list[Token]] = defaultdict(list)
        for token in self.tokens:
            if token.head != token.index:
                kids[token.head].append(token)
        return kids

    @cached_property
    def has_parse(self) -> bool:
        return any(token.dep for token in self.tokens)

    @cached_property
    def starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    def tense_at(self, start: int, end: int) -> str | None:
        """The tense of the verb governing the expression at ``[start, end)``."""
        token = self.token_at(start, end)
        if token is None:
            return None
        tense = next(filter(None, (self._tense(verb, 0, token) for verb in self._verbs_for(token))), None)
        if tense in (None, "present") and self._possessive_at(end):
            # "over Thursday's closing price": a day named for what happened on it, unless the
            # sentence looks ahead ("Sunday's vote will decide").
            tense = "past"
        if self._modifies_noun(end) or self._possessive_at(end):
            return tense  # "by overnight losses", "for Wednesday's attack": the preposition is the noun's
        return self._with_preposition(start, tense)

    def _modifies_noun(self, position: int) -> bool:
        """"by overnight losses": the expression modifies the noun after it."""
        i = bisect_left(self.starts, position)
        return i < len(self.tokens) and self.tokens[i].tag.startswith("NN")

    def _possessive_at(self, position: int) -> bool:
        i = bisect_left(self.starts, position)
        return i < len(self.tokens) and self.tokens[i].tag == "POS"

    def _with_preposition(self, start: int, tense: str | None) -> str | None:
        """"until Tuesday" points forward, or to the nearest Tuesday in a past sentence."""
        i = bisect_left(self.starts, start) - 1
        before = self.tokens[i] if i >= 0 else None
        implied = normalization("preposition_tense").get(before.text.lower(), ("",))[0] if before else ""
        if implied == "future":
            return None if tense == "past" and not self._deferred(before) else "future"
        return implied or tense

    def _deferred(self, preposition: Token) -> bool:
        """"adjourned until Monday", "postponed the vote until Friday": the verb before moves things later."""
        sentence = self.parsed.sentence_of(preposition.index)
        verbs = [t for t in self.tokens[sentence.first : preposition.index] if is_verb(t)]
        return bool(verbs) and _deferral_verb().fullmatch(verbs[-1].text) is not None

    def token_at(self, start: int, end: int) -> Token | None:
        i = bisect_right(self.starts, start) - 1
        if i < 0 or self.tokens[i].end <= start:
            i += 1
        if i >= len(self.tokens) or self.tokens[i].start >= end:
            return None
        # Take the token of the span whose head lies outside it: the span's syntactic head.
        inside = [t for t in self.tokens[i:] if t.start < end]
        outside = [t for t in inside if not start <= self.tokens[t.head].start < end]
        return (outside or inside)[0]

    def _verbs_for(self, token: Token) -> list[Token]:
        """The verb governing ``token`` in the parse; without one, the sentence's verbs, nearest first.

        Without a parse the nearest verb may be a participle with no tense of its own
        ("launched the assault on Thursday, detonating..."), so the next one is tried.
        Verbs before the expression come first: an adjunct follows the verb it modifies
        ("planned a rally on Saturday and were..."); only a fronted one ("On Friday, rebels
        attacked") has its verb after it.
        """
        current = token
        for _ in range(MAX_CLIMB):
            head = self.tokens[current.head]
            if is_verb(head):
                return [head]
            if head.index == current.index:
                break
            current = head
        sentence = self.parsed.sentence_of(token.index)
        verbs = [t for t in self.tokens[sentence.first : sentence.last] if is_verb(t)]
        return sorted(verbs, key=lambda t: (t.index > token.index, abs(t.index - token.index)))

    def _tense(self, verb: Token, depth: int, expression: Token | None = None) -> str | None:
        cues = normalization("tense_cue")
        auxiliaries = self._auxiliaries(verb)
        said = [cues.get(t.text.lower(), ("",))[0] for t in auxiliaries]
        if "future" in said or (verb.tag == "MD" and verb.text.lower() in ("will", "'ll")):
            return "future"
        if verb.tag == "TO" or any(t.tag == "TO" for t in auxiliaries) or verb.tag == "VBG" and not auxiliaries:
            return self._tense_of_head(verb, depth)
        # A day before a past intent verb is when the plan was made ("On Friday, the government
        # planned ..."); "On Friday, the council is expected to vote" still looks ahead.
        made_then = expression is not None and expression.index < verb.index and verb.tag == "VBD" and not auxiliaries
        if cues.get(verb.text.lower(), ("",))[0] == "future" and not made_then and self._introduces_plan(verb):
            return "future"
        if self._shares_head_tense(verb, auxiliaries) and depth <= 2:
            # "will stay cold and unsettled through the weekend": a verb joined to another without a
            # subject or an auxiliary of its own has that verb's tense.
            return self._tense(self.tokens[verb.head], depth + 1)
        if not auxiliaries and not self.has_parse and self._describes(verb):
            return None  # "a televised debate", "cold and unsettled": no verb of the sentence
        if "past" in said or verb.tag in ("VBD", "VBN") or "Tense=Past" in verb.morph and "VerbForm=Fin" in verb.morph:
            return "past"
        if verb.tag in ("VBZ", "VBP", "VBG"):
            return "present"
        return None

    def _introduces_plan(self, verb: Token) -> bool:
        """An intent verb points forward ("scheduled a meeting Friday", "set for Friday"),
        a phrasal verb sharing its word does not ("set aside plans on Friday"), nor "set" with
        an object ("set fire to a cellblock late Sunday")."""
        following = self.tokens[verb.index + 1] if verb.index + 1 < len(self.tokens) else None
        condition = normalization("tense_cue")[verb.text.lower()][1:2]
        if condition == ("preposition",):
            return following is not None and following.text.lower() in PLAN_PREPOSITIONS or self._object_then_to(verb)
        if condition == ("object",):
            return self._object_then_to(verb, after_particle=True)
        return following is None or following.tag != PARTICLE_TAG

    def _object_then_to(self, verb: Token, after_particle: bool = False) -> bool:
        """"warned drivers to expect", "urged residents to stay", "called on supporters to march":
        an object, then an infinitive."""
        after = verb.index + 1
        if after_particle and after < len(self.tokens) and self.tokens[after].text.lower() in CALLING_PARTICLES:
            after += 1  # "called on supporters to march"
        ahead = self.tokens[after : after + OBJECT_REACH]
        to = next((i for i, t in enumerate(ahead) if t.text.lower() == "to"), None)
        return to is not None and to > 0 and all(t.tag.startswith(("NN", "DT", "JJ", "PRP", "CD")) for t in ahead[:to]) \
            and to + 1 < len(ahead) and _bare_verb(ahead[to + 1])

    def _auxiliaries(self, verb: Token) -> list[Token]:
        """The verb's auxiliaries: its aux dependents, or without a parse the verb group before it."""
        if self.has_parse:
            return [t for t in self.children.get(verb.index, []) if t.dep in AUX_DEPS]
        group: list[Token] = []
        i = verb.index - 1
        while i >= 0 and self.tokens[i].tag.startswith(GROUP_TAG_PREFIXES):
            group.append(self.tokens[i])
            i -= 1
        return group

    def _governor(self, verb: Token) -> Token | None:
        """The verb an infinitive or participle depends on: its head, or the verb before its "to"."""
        if self.has_parse:
            head = self.tokens[verb.head]
            return head if head.index != verb.index and is_verb(head) else None
        group = self._auxiliaries(verb)
        to = next((i for i, t in enumerate(group) if t.tag == "TO"), None)
        return next((t for t in group[to + 1 :] if is_verb(t)), None) if to is not None else None

    def _tense_of_head(self, verb: Token, depth: int) -> str | None:
        """An infinitive or a bare participle takes its tense from the verb it depends on.

        An intent verb ("planning to drive") or "be" ("is to resume trading", TimeML's
        scheduled future) before the infinitive points forward.
        """
        head = self._governor(verb)
        if head is None:
            return "future" if self._cue_before_to(verb) else None
        if depth > 2:
            return None
        # "planning to drive" looks ahead; "speaking late on Tuesday, urged calm" does not.
        if self._looks_ahead(head) or self._is_be_to(verb, head):
            return "future"
        return self._tense(head, depth + 1)

    def _looks_ahead(self, verb: Token) -> bool:
        return normalization("tense_cue").get(verb.text.lower(), ("",))[0] == "future" and self._introduces_plan(verb)

    def _shares_head_tense(self, verb: Token, auxiliaries: list[Token]) -> bool:
        """A verb joined to one with an auxiliary ("will stay ... and unsettled"), with no subject or
        auxiliary of its own, shares that auxiliary."""
        return self.has_parse and verb.dep == "conj" and not auxiliaries and verb.head != verb.index \
            and is_verb(self.tokens[verb.head]) and bool(self._auxiliaries(self.tokens[verb.head])) \
            and not any(t.dep in ("nsubj", "nsubjpass") for t in self.children.get(verb.index, []))

    def _describes(self, verb: Token) -> bool:
        """Without a parse, a bare participle before a common noun or an adjective ("a televised
        debate"), or a past form joined to an adjective ("cold and unsettled", which the tagger
        may read as a past tense), describes and tells no tense ("announced Wednesday" does)."""
        following = self.tokens[verb.index + 1] if verb.index + 1 < len(self.tokens) else None
        attributive = verb.tag == "VBN" and following is not None and following.tag in ATTRIBUTIVE_NEXT_TAGS
        joined = verb.tag in ("VBD", "VBN") and verb.index >= 2 and self.tokens[verb.index - 1].tag == "CC" \
            and self.tokens[verb.index - 2].tag.startswith("JJ")
        return attributive or joined

    def _cue_before_to(self, verb: Token) -> bool:
        """"a festival due to open on Saturday", "highs unlikely to rise": a forward-looking
        adjective right before the infinitive's "to"."""
        i = verb.index - 1
        while i > 0 and self.tokens[i].tag.startswith("RB"):
            i -= 1
        if i <= 0 or self.tokens[i].tag != "TO":
            return False
        cue = self.tokens[i - 1]
        pluperfect = i >= 3 and [t.text.lower() for t in self.tokens[i - 3 : i - 1]] == ["had", "been"]
        return normalization("tense_cue").get(cue.text.lower(), ("",))[0] == "future" and not pluperfect  # "had been due to"

    def _is_be_to(self, verb: Token, head: Token) -> bool:
        """"is to resume", "were to meet": a form of "be" directly before the infinitive's "to"."""
        infinitive = verb.tag == "VB" or any(t.tag == "TO" for t in self._auxiliaries(verb))
        return infinitive and head.text.lower() in normalization("be_form") and head.index + 2 == verb.index


@cache
def _deferral_verb() -> re.Pattern:
    return re.compile(pattern("deferral_verb"), re.IGNORECASE)


def is_verb(token: Token) -> bool:
    """A verb or auxiliary, by its part of speech or, when there is none, by its tag."""
    return token.pos in VERB_POS or not token.pos and token.tag.startswith(VERB_TAG_PREFIXES)
