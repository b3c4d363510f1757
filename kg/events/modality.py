"""Whether a trigger tells something that happened: negation, genericity, irrealis, hedges.

In: a trigger token of an ``ArticleIndex``. Out: ``realis_status`` gives
"realis", "hedged" or "unreal" ("no soldiers were killed", "such attacks",
"wants to attack", "will attack", "planning an attack", "released a report",
"meeting the needs", "arrested a dozen times" are unreal: no event of the news); ``hedged`` tells whether a hedge word
("allegedly", "could", "believed to") sits on the trigger's path.
"""

from __future__ import annotations

from kg.events.arguments import SUBJECT_DEPS
from kg.events.document import ArticleIndex
from kg.events.lexicon import cue
from kg.model import Token

# How an event noun hangs on a verb or noun that can make it unreal: "planned an
# attack", "plans for an attack", "a reward for information leading to his
# arrest". Not the passive subject: "the attack had been planned for months" did happen.
INTENT_ATTACHMENTS = ("dobj", "pobj", "pcomp", "prep", "relcl", "acl")
INTENT_DEPTH = 5


def realis_status(doc: ArticleIndex, token: Token, cls: str) -> str:
    """"realis", "hedged" or "unreal" for a trigger of class ``cls``."""
    if _negated(doc, token) or _intended(doc, token) or _thing_patient(doc, token, cls) or _iterative(doc, token):
        return "unreal"
    if token.pos == "NOUN":
        return "unreal" if _generic_noun(doc, token) or _future_object(doc, token) else "realis"
    if _future(doc, token):
        return "unreal"
    return _infinitive_status(doc, token)


def hedged(doc: ArticleIndex, trigger: Token) -> bool:
    """A hedge on the trigger or on one of the three words above it ("believed to be the biggest attack")."""
    path = [trigger.index, *doc.ancestors(trigger.index)[:3]]
    for i in path:
        if i != trigger.index and doc.tokens[i].lemma.lower() in cue("hedge"):
            return True
        if any(c.lemma.lower() in cue("hedge") for c in doc.kids(i, "aux", "advmod", "amod")):
            return True
    return False


def _negated(doc: ArticleIndex, token: Token) -> bool:
    if doc.kids(token.index, "neg"):
        return True
    if token.dep == "pobj" and doc.head(token.index).lemma.lower() == "without":
        return True  # "the talks broke up without agreement"
    # "No US service members were injured"
    return any(d.lemma.lower() == "no" for a in doc.kids(token.index, *SUBJECT_DEPS) for d in doc.kids(a.index, "det"))


def _generic_noun(doc: ArticleIndex, token: Token) -> bool:
    """A plural or generic event noun ("attacks", "such prison breaks") tells no single event."""
    if token.dep == "compound":
        return True
    if token.tag in ("NNS", "NNPS") and not doc.kids(token.index, "nummod") and not _began(doc, token):
        return True
    return any(c.lemma.lower() in cue("generic") for c in doc.kids(token.index, "det", "amod", "predet"))


def _began(doc: ArticleIndex, token: Token) -> bool:
    """"Protests broke out on Monday", "clashes erupted": the subject of an aspectual verb in the
    past is what began then, not a kind of event."""
    head = doc.head(token.index)
    words = [head.lemma.lower(), *(f"{head.lemma.lower()} {c.lemma.lower()}" for c in doc.kids(head.index, "prt", "advmod"))]
    return token.dep == "nsubj" and head.tag == "VBD" and any(w in cue("aspectual") for w in words)


def _intended(doc: ArticleIndex, token: Token) -> bool:
    """An event only planned, prepared, feared or prevented: "planning a surprise attack", "plans for a breakout"."""
    words = cue("intent")
    return doc.governed_by(token.index, INTENT_ATTACHMENTS, INTENT_DEPTH,
                           lambda g: any(w.lemma.lower() in words for w in _with_conjuncts(doc, g)))


def _iterative(doc: ArticleIndex, token: Token) -> bool:
    """Something that happened again and again is no one event: "arrested more than a dozen times"."""
    return any(c.lemma.lower() in cue("iterative") and c.tag == "NNS" for c in doc.kids(token.index, "npadvmod"))


def _with_conjuncts(doc: ArticleIndex, token: Token) -> list[Token]:
    """A word and the words coordinated with it: "calling and planning for" -> calling, planning."""
    words = [token, *doc.kids(token.index, "conj")]
    if token.dep == "conj":
        words.append(doc.head(token.index))
    return words


def _thing_patient(doc: ArticleIndex, token: Token, cls: str) -> bool:
    """A trigger whose patient is a thing, not a party: a released report, a met deadline."""
    if cls.lower() not in cue("thing_classes"):
        return False
    patients = doc.kids(token.index, "dobj", "nsubjpass")
    if token.dep in ("acl", "relcl"):  # "a report released in 2020"
        patients.append(doc.head(token.index))
    return any(p.lemma.lower() in cue("thing") for p in patients)


def _infinitive_status(doc: ArticleIndex, token: Token) -> str:
    """"realis", "hedged" or "unreal" for a verb under "to": "managed to escape" did happen."""
    if not any(c.tag == "TO" for c in doc.kids(token.index, "aux", "auxpass")):
        return "realis"
    head = doc.head(token.index)
    governor = head.lemma.lower()
    # "forced them to flee", "allowing 41 prisoners to escape" (which the parser may call a ccomp)
    if token.dep in ("xcomp", "ccomp") and governor in cue("realis"):
        return "realis"
    if token.dep in ("advcl", "xcomp") and governor in cue("travel") and head.tag == "VBD":
        return "realis"  # "travelled to Osaka to meet business leaders": the journey's purpose, told as done
    if token.dep == "xcomp" and governor in cue("hedge"):
        return "hedged"
    return "unreal"


def _future_object(doc: ArticleIndex, noun: Token) -> bool:
    """An event noun that a future verb governs: "will chair a meeting", "will attend the summit in May"."""
    governor = doc.head(noun.index)
    if noun.dep == "pobj":
        governor = doc.head(governor.index)
    return noun.dep in ("dobj", "pobj") and governor.pos in ("VERB", "AUX") and _future(doc, governor)


def _future(doc: ArticleIndex, token: Token) -> bool:
    return any(c.lemma.lower() in ("will", "shall") for c in doc.kids(token.index, "aux"))
