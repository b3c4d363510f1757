"""Reported speech: who told a report, and what a statement says.

In: a trigger token of an ``ArticleIndex``. Out: ``report`` tells whether the
trigger is told as someone's report ("the army said it ...", "..., according
to X") and by whom; ``content`` gives the clause (or object) a statement
verb reports, as text without the leading "that" and quotes.
"""

from __future__ import annotations

from kg.events.anchoring import verb_chain
from kg.events.arguments import argument, subject
from kg.events.document import ArticleIndex
from kg.events.lexicon import cue
from kg.model import Mention, Token

CONTENT_MAX_CHARS = 300
REPORT_DEPS = ("parataxis", "ccomp", "advcl", "conj")
CONTENT_DEPS = ("ccomp", "dobj")  # "said that ...", "confirmed the air strikes"
EDGE_PUNCTUATION = "\"'“”‘’:,;. "


def report(doc: ArticleIndex, trigger: Token) -> tuple[bool, Mention | None]:
    """Whether the trigger is told as someone's report, and by whom."""
    clause = verb_chain(doc, trigger.index)
    for verb in clause:
        for child in doc.kids(verb):
            if child.lemma.lower() in cue("reporting") and child.dep in REPORT_DEPS:
                return True, _speaker_of(doc, child.index)  # "..., the army said"
    for verb in clause:
        if verb != trigger.index and doc.tokens[verb].lemma.lower() in cue("reporting"):
            return True, _speaker_of(doc, verb)  # "the army said it ..."
    return _according_to(doc, trigger)


def _according_to(doc: ArticleIndex, trigger: Token) -> tuple[bool, Mention | None]:
    sentence = doc.parsed.sentences[doc.sentence_of[trigger.index]]
    for token in doc.tokens[sentence.first : sentence.last]:
        if token.lemma.lower() == "accord" and doc.kids(token.index, "prep"):  # "according to X"
            objects = [o for p in doc.kids(token.index, "prep") for o in doc.kids(p.index, "pobj")]
            mentions = [m for o in objects for m in argument(doc, o.index)]
            return True, mentions[0] if mentions else None
    return False, None


def _speaker_of(doc: ArticleIndex, verb: int) -> Mention | None:
    subj = subject(doc, verb)
    mentions = argument(doc, subj) if subj is not None else []
    return mentions[0] if mentions else None


def content(doc: ArticleIndex, verb: Token) -> str | None:
    """What a statement says: its complement clause ("that the talks failed"), else the verb
    with its object ("confirmed the air strikes"); None when neither is there."""
    for dep in CONTENT_DEPS:
        for child in doc.kids(verb.index, dep):
            span = [i for i in doc.subtree(child.index) if i not in doc.dateline]  # "NIAMEY, Niger (AP) —" says where, not what
            if span and doc.tokens[span[0]].dep == "mark":
                span = span[1:]  # drop a leading "that"
            text = doc.span_text(span[0], span[-1]).strip(EDGE_PUNCTUATION) if span else ""
            if text and dep == "dobj":
                text = f"{verb.text.lower()} {text}"
            if text:
                return text[:CONTENT_MAX_CHARS]
    return None
