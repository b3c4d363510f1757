"""Which words tell an event, and of which class.

In: a token of an ``ArticleIndex``. Out: (event class, lemma) when the token
is a verb or noun of ``events_triggers.tsv``; a verb with its particle ("take
over") and a noun with its compound modifier ("prison break") are tried first.
"""

from __future__ import annotations

from kg.events.document import ArticleIndex
from kg.events.lexicon import triggers
from kg.model import Token


def trigger(doc: ArticleIndex, token: Token) -> tuple[str, str] | None:
    """(event class, lemma) when the token is an event word, else None."""
    if token.pos == "VERB":
        pos = "VERB"
        candidates = [f"{token.lemma.lower()} {c.lemma.lower()}" for c in doc.kids(token.index, "prt")]
    elif token.pos == "NOUN":
        pos = "NOUN"
        candidates = [f"{c.lemma.lower()} {token.lemma.lower()}" for c in doc.kids(token.index, "compound")]
    else:
        return None
    for lemma in [*candidates, token.lemma.lower()]:
        if (cls := triggers().get((lemma, pos))) is not None:
            return cls, lemma
    return None


def is_event_noun(lemma: str) -> bool:
    """Whether the lemma is an event noun of the trigger table ("ambush", "prison break")."""
    return (lemma, "NOUN") in triggers()
