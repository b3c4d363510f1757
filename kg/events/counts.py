"""How many, and of what: "11 soldiers were killed", "more than 100 fighters".

In: a trigger token of an ``ArticleIndex``. Out: the number the text gives
for one of the trigger's arguments and the noun it counts ("soldiers",
"car bombs"), so that counts of different things are never compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.events.arguments import subject, support_verb
from kg.events.document import ArticleIndex
from kg.events.lexicon import number_words
from kg.model import Token

PATIENT_DEPS = ("nsubjpass", "dobj")


@dataclass(frozen=True)
class Count:
    value: int
    noun: str  # the counted noun as written, with its common-noun compounds: "car bombs"


def count_of(doc: ArticleIndex, trigger: Token) -> Count | None:
    """The first counted argument of the trigger: its patient, then its noun's objects, then its subject."""
    candidates = [c.index for c in doc.kids(trigger.index, *PATIENT_DEPS)]
    if trigger.pos == "NOUN":
        candidates += [o.index for p in doc.kids(trigger.index, "prep") for o in doc.kids(p.index, "pobj")]
        support = support_verb(doc, trigger)
        anchor = support.index if support is not None else None
    else:
        anchor = trigger.index
    if anchor is not None and (subj := subject(doc, anchor)) is not None:
        candidates.append(subj)
    return next((c for c in (_counted(doc, i) for i in candidates) if c is not None), None)


def _counted(doc: ArticleIndex, noun: int) -> Count | None:
    if doc.tokens[noun].pos != "NOUN":
        return None  # "Flight 103" names, it does not count
    for child in doc.kids(noun, "nummod"):
        if child.index > noun:
            continue
        value = _number(child)
        if value is not None:
            return Count(value, _noun_phrase(doc, noun))
    return None


def _number(token: Token) -> int | None:
    text = token.text.replace(",", "")
    if text.isdigit():
        return int(text)
    return number_words().get(token.lemma.lower())


def _noun_phrase(doc: ArticleIndex, noun: int) -> str:
    """The noun with the common-noun compounds right before it: "car bombs" (not "Red Hand fighters")."""
    first = noun
    while first > 0 and _common_compound(doc, first - 1, noun):
        first -= 1
    return " ".join(t.text.lower() for t in doc.tokens[first : noun + 1])


def _common_compound(doc: ArticleIndex, i: int, noun: int) -> bool:
    token = doc.tokens[i]
    return token.dep == "compound" and token.head == noun and token.pos == "NOUN" and i not in doc.mention_at
