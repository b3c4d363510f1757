"""Which words tell an event, and of which class.

In: a token of an ``ArticleIndex``. Out: (event class, lemma) when the token
is a verb or noun of ``events_triggers.tsv``; a verb with its particle ("take
over", "step down") and a noun with its compound modifier ("prison break")
are tried first. A natural hazard as the one who acts ("the earthquake
struck", "the flood killed 12", "killed in the quake") makes the event a
disaster or deaths with no one acting (``events_hazard_classes.tsv``), and
lets "hit", "batter", "devastate" tell a disaster at all; a verb acting on a
hazard ("battling the blaze") tells no event. Some verbs tell an event only with
the right subject or object (``GATED_VERBS``): a built thing collapsing, an
explosive tearing through a place, a crowd marching, forces being sent, someone
named to a post, someone ordered held in custody; and a verb "as <post>" ("took
over as chief executive") is an appointment. A blast at a works told with no
bomb is a disaster, and a strike by a crowd of workers a protest.
"""

from __future__ import annotations

from collections.abc import Callable

from kg import names
from kg.events.arguments import ordering_verb, subject
from kg.events.document import ArticleIndex
from kg.events.lexicon import ATTACK, NO_EVENT, cue, hazard_classes, triggers
from kg.model import Token

DISASTER = "Disaster"
APPOINTMENT = "Appointment"
RESIGNATION = "Resignation"
BOMBING = "Bombing"
PROTEST = "Protest"
DEPLOYMENT = "Deployment"
DETENTION = "Detention"
# Adverbs the parser may give a phrasal verb instead of a particle: "stepped down", "pulled out".
PARTICLE_TAGS = ("RP", "RB")
# A result word after a verb makes a two-word trigger of it: "shot dead", "taken hostage".
RESULT_DEPS = ("acomp", "oprd", "xcomp", "advcl")
RESULT_TAGS = ("JJ", "NN")
# How a participle telling a disaster's toll hangs on its verb: "..., killing 19", "sending ... and killing 19",
# "sending a bus plunging into the river and killing eight" (through the participle and its object).
PARTICIPLE_LINKS = ("advcl", "conj", "prep", "pobj", "acl", "dobj")
PARTICIPLE_CLIMB = 6
RELATIVE_REACH = 3  # phrases climbed to find what "which" stands for


def trigger(doc: ArticleIndex, token: Token) -> tuple[str, str] | None:
    """(event class, lemma) when the token is an event word, else None."""
    if token.pos == "VERB":
        pos = "VERB"
        particles = _particles(doc, token)
        candidates = [f"{token.lemma.lower()} {c.lemma.lower()}" for c in particles]
        # "came off the rails": a verb, its preposition and that one's object
        candidates += [f"{token.lemma.lower()} {c.lemma.lower()} {o.lemma.lower()}" for c in particles if c.dep == "prep"
                       for o in doc.kids(c.index, "pobj")]
        if _to_death(doc, token):
            candidates.append(f"{token.lemma.lower()} to death")  # "stabbed to death"
    elif token.pos == "NOUN":
        pos = "NOUN"
        candidates = [f"{c.lemma.lower()} {token.lemma.lower()}" for c in doc.kids(token.index, "compound")]
    else:
        return None
    idiom = any((lemma, pos) in triggers() for lemma in candidates)  # "opened fire" is no blaze
    if pos == "VERB" and not idiom and any(is_hazard(doc, o.index, vehicles=False) for o in doc.kids(token.index, "dobj")):
        return None  # "battling the blaze", "fighting the flood": no attack, no event of its own
    hazard = pos == "VERB" and (_hazard_agent(doc, token) or _after_a_disaster(doc, token))
    if pos == "VERB" and _event_began(doc, token, candidates):
        return None  # "protests broke out": the noun tells the event, the verb only that it began
    for lemma in [*candidates, token.lemma.lower()]:
        if (cls := triggers().get((lemma, pos))) is not None:
            if cls == NO_EVENT:
                return None  # "a heart attack"
            if pos == "VERB" and cls != RESIGNATION and _as_a_post(doc, token):
                return APPOINTMENT, lemma  # "took over as interim chief executive" (not "stepped down as leader")
            if pos == "VERB" and (cls := _by_participants(doc, token, lemma, cls)) is None:
                return None
            if cls == BOMBING and lemma in cue("blast_trigger") and _industrial_accident(doc, token):
                return DISASTER, lemma
            return (hazard_classes().get(cls, cls) if hazard else cls), lemma
    if hazard and token.lemma.lower() in cue("hazard_verb"):
        return DISASTER, token.lemma.lower()
    if pos == "NOUN" and token.lemma.lower() in cue("stoppage_noun") and _labour_stoppage(doc, token):
        return PROTEST, token.lemma.lower()  # "a nationwide strike by public school teachers"
    if pos == "VERB" and (cls := _gated_verb(doc, token)) is not None:
        return cls, token.lemma.lower()
    return None


def _event_began(doc: ArticleIndex, verb: Token, candidates: list[str]) -> bool:
    """An aspectual verb ("broke out", "erupted") whose subject is an event noun."""
    if not any(w in cue("aspectual") for w in [*candidates, verb.lemma.lower()]):
        return False
    subj = subject(doc, verb.index)
    return subj is not None and doc.tokens[subj].pos == "NOUN" and trigger(doc, doc.tokens[subj]) is not None


def _to_death(doc: ArticleIndex, verb: Token) -> bool:
    """"stabbed to death", "beaten to death": the verb's result is a death."""
    return any(o.lemma.lower() == "death" for p in doc.kids(verb.index, "prep") if p.lemma.lower() == "to"
               for o in doc.kids(p.index, "pobj"))


def _out_of_a_place(doc: ArticleIndex, verb: Token) -> bool:
    """"walked out of the building": a way out, not a walkout."""
    particles = [verb, *doc.kids(verb.index, "prt", "advmod", "prep")]
    return any(p.lemma.lower() == "of" for t in particles for p in doc.kids(t.index, "prep"))


def _by_participants(doc: ArticleIndex, verb: Token, lemma: str, cls: str) -> str | None:
    """A table verb's class as its participants tell it: workers walking out strike, hostages
    walking out do not; one gives oneself up, not the fight; beating a side is a defeat,
    beating with a bar an attack."""
    if lemma in cue("crowd_trigger") and (not any(n.lemma.lower() in cue("crowd") for n in _subject_nouns(doc, verb))
                                          or _out_of_a_place(doc, verb)):
        return None
    if lemma in cue("reflexive_trigger") and not any(o.text.lower().endswith(("self", "selves")) for o in doc.kids(verb.index, "dobj")):
        return None
    if lemma in cue("people_trigger") and (subj := subject(doc, verb.index)) is not None and doc.tokens[subj].text.lower() == "it":
        return None  # "two days after it broke out": a fire, not an escape
    if lemma in cue("post_trigger") and not doc.kids(verb.index, "dobj", "nsubjpass") and _person_subject(doc, verb):
        return None  # "Valdés ... took over with immediate effect": a post taken, no place seized
    if lemma in cue("forceful_verb") and _with_force(doc, verb):
        return ATTACK
    if lemma in cue("strike_verb") and _crowd_of(doc, verb):
        return PROTEST  # "striking junior doctors", "nurses struck for two days": a strike, not an air strike
    return cls


def _industrial_accident(doc: ArticleIndex, token: Token) -> bool:
    """"an explosion hit the chlorine unit of the plant": a blast at a works, told with no bomb,
    is an accident, not a bombing."""
    sentence = doc.parsed.sentences[doc.sentence_of[token.index]]
    lemmas = {t.lemma.lower() for t in doc.tokens[sentence.first : sentence.last]}
    return bool(lemmas & cue("industrial_site")) and not lemmas & cue("explosive")


def _labour_stoppage(doc: ArticleIndex, noun: Token) -> bool:
    """"a strike by teachers", "the teachers' strike", "a general strike": workers stopping work,
    not a missile strike."""
    kids = doc.kids(noun.index, "amod", "compound", "poss")
    agents = [o for p in doc.kids(noun.index, "prep") if p.lemma.lower() == "by" for o in doc.kids(p.index, "pobj")]
    # "nurses at several hospitals held a two-day strike": the crowd holding it
    holder = doc.head(noun.index) if noun.dep == "dobj" else None
    holders = _subject_nouns(doc, holder) if holder is not None and holder.pos == "VERB" else []
    return any(k.lemma.lower() in cue("stoppage_kind") for k in kids) \
        or any(n.lemma.lower() in cue("crowd") for n in [*kids, *agents, *holders])


def _person_subject(doc: ArticleIndex, verb: Token) -> bool:
    """Whether the verb's subject is a person: one named so, or "he"/"she"."""
    subj = subject(doc, verb.index)
    if subj is None:
        return False
    mention = doc.mention_at.get(subj)
    return mention is not None and mention.kind == "Person" or doc.tokens[subj].text.lower() in cue("person_pronoun")


def _crowd_of(doc: ArticleIndex, verb: Token) -> bool:
    """Whether the verb's subject, or the noun a participle modifies ("striking doctors"), is a crowd."""
    nouns = [doc.head(verb.index)] if verb.dep in ("amod", "acl") else _subject_nouns(doc, verb)
    return any(n.lemma.lower() in cue("crowd") for n in nouns)


def _with_force(doc: ArticleIndex, verb: Token) -> bool:
    """"beaten with a metal bar", "beat up": violence, not a win ("beat to death" is a killing of its own)."""
    weapons = [o for p in doc.kids(verb.index, "prep") if p.lemma.lower() == "with" for o in doc.kids(p.index, "pobj")
               if o.tag != "CD" and not doc.kids(o.index, "nummod")]  # "with 54 percent of the vote" is a score
    return bool(weapons) or any(c.lemma.lower() == "up" for c in doc.kids(verb.index, "prt"))


def _gated_verb(doc: ArticleIndex, verb: Token) -> str | None:
    """The class of a verb that tells an event only with the right subject or object."""
    return next((cls for cls, test in GATED_VERBS if test(doc, verb)), None)


def _forces_sent(doc: ArticleIndex, verb: Token) -> bool:
    """"the army sent 200 soldiers to the village", "dispatched two ships", "ordered the Defence Forces into the area"."""
    return verb.lemma.lower() in cue("sending_verb") and any(_forces_noun(o) for o in doc.kids(verb.index, "dobj"))


def _forces_noun(token: Token) -> bool:
    """"soldiers", and a name ending in one ("the Ruritanian Defence Forces", whose lemma the tagger leaves plural)."""
    word = token.lemma.lower()
    return word in cue("forces") or word.endswith("s") and word[:-1] in cue("forces")


def _crowd_marching(doc: ArticleIndex, verb: Token) -> bool:
    """"thousands of workers marched", not "troops marched"."""
    return verb.lemma.lower() in cue("crowd_verb") and any(n.lemma.lower() in cue("crowd") for n in _subject_nouns(doc, verb))


def _subject_nouns(doc: ArticleIndex, verb: Token) -> list[Token]:
    """The subject and the noun its "of" phrase names ("part of a tunnel", "thousands of workers")."""
    subj = subject(doc, verb.index)
    if subj is None:
        return []
    return [doc.tokens[subj], *(o for p in doc.kids(subj, "prep") if p.lemma.lower() == "of" for o in doc.kids(p.index, "pobj"))]


def _after_a_disaster(doc: ArticleIndex, verb: Token) -> bool:
    """"... caught fire late Sunday, killing both pilots", "... burst, sending a wall of water
    through a village and killing 19": a participle telling what a disaster did (reached through
    the participles and phrases joined before it, however the parser hung them)."""
    if verb.tag != "VBG" or verb.dep not in PARTICIPLE_LINKS:
        return False
    current = verb
    for _ in range(PARTICIPLE_CLIMB):
        head = doc.head(current.index)
        if head.index == current.index or current.dep not in PARTICIPLE_LINKS:
            return False
        if head.pos == "VERB" and head.tag != "VBG":
            told = _told_by_verb_or_subject(doc, head) if current.dep == "advcl" or current.dep == "conj" else None
            if told is not None or head.dep not in PARTICIPLE_LINKS:
                return told is not None and told[0] == DISASTER
            # "Floodwaters swept through ... after the utility stepped up releases, killing nine": the
            # parser hung the participle on a clause that tells no event; the one above it may.
        current = head
    return False


def _told_by_verb_or_subject(doc: ArticleIndex, verb: Token) -> tuple[str, str] | None:
    """What a verb tells, or else what its subject noun does ("an explosion tore through a plant")."""
    told = trigger(doc, verb)
    subj = subject(doc, verb.index) if told is None else None
    return trigger(doc, doc.tokens[subj]) if subj is not None and doc.tokens[subj].pos == "NOUN" else told


def _explosive_tearing(doc: ArticleIndex, verb: Token) -> bool:
    """"a bomb tore through a market"."""
    return verb.lemma.lower() in cue("hazard_verb") and any(n.lemma.lower() in cue("explosive") for n in _subject_nouns(doc, verb))


def _as_a_post(doc: ArticleIndex, verb: Token) -> bool:
    """"took over as chief executive", "stepped in as coach": the verb gives someone a post."""
    objects = [o for p in doc.kids(verb.index, "prep") if p.lemma.lower() == "as" for o in doc.kids(p.index, "pobj")]
    return any(o.lemma.lower() in names.lexicon("role_heads") for o in objects)


def _collapse(doc: ArticleIndex, verb: Token) -> bool:
    """"a tunnel collapsed", "part of the roof caved in", "the dam burst", "the wall gave way":
    a built thing falling down."""
    words = [verb.lemma.lower(), *(f"{verb.lemma.lower()} {c.lemma.lower()}" for c in _particles(doc, verb))]
    return any(w in cue("structure_verb") for w in words) and any(n.lemma.lower() in cue("structure") for n in _subject_nouns(doc, verb))


def is_hazard(doc: ArticleIndex, i: int, vehicles: bool = True) -> bool:
    """Whether token i is a natural-hazard or accident noun ("quake", "flash flood", "crash"), or
    unless ``vehicles`` is False a vehicle ("a bus plunged")."""
    token = doc.tokens[i]
    if token.pos == "NUM" or token.text.lower() == "one":
        # "one of its planes skidded": the one stands for what it is one of.
        return any(is_hazard(doc, o.index, vehicles) for p in doc.kids(i, "prep") if p.lemma.lower() == "of"
                   for o in doc.kids(p.index, "pobj"))
    if token.pos == "PROPN" and _opens_its_sentence(doc, i) and token.lemma.lower() in cue("hazard"):
        return True  # "Mud and boulders swept down": a capital the tagger took for a name
    if token.pos == "PROPN":
        # A named storm or vehicle: "Cyclone Winston", "Hurricane Maria", "the ferry Mphatso".
        return any(c.lemma.lower() in cue("hazard") or vehicles and c.lemma.lower() in cue("vehicle")
                   for c in doc.kids(i, "compound"))
    if token.pos != "NOUN":
        return False
    modifiers = [*doc.kids(i, "compound"), *([doc.tokens[i - 1]] if i > 0 and doc.tokens[i - 1].pos == "NOUN" else [])]
    # "a rock burst": the word before may make the hazard, however the parser hung it
    words = [token.lemma.lower(), *(f"{c.lemma.lower()} {token.lemma.lower()}" for c in modifiers)]
    return any(w in cue("hazard") or vehicles and w in cue("vehicle") for w in words)


def _particles(doc: ArticleIndex, verb: Token) -> list[Token]:
    """A verb's particle ("took over"), the preposition or bare noun right after it ("walked off the
    job", "opened fire", "took control"), or
    the word telling what it left its object as ("shot dead", "took two officers hostage"); only
    pairs the trigger table lists count."""
    adjacent = [c for c in doc.kids(verb.index, "prt", "advmod", "prep", "dobj")
                if c.dep == "prt" or (c.tag in PARTICLE_TAGS + ("IN", "NN", "JJ") and c.index == verb.index + 1)
                or c.dep == "dobj" and c.index == verb.index + 2 and doc.tokens[verb.index + 1].tag in ("DT", "PRP$")]
    results = [c for c in doc.kids(verb.index, *RESULT_DEPS) if c.tag in RESULT_TAGS and c.index > verb.index]
    # "took six guards hostage": the word after the object, whatever the tagger made of it
    objects = doc.kids(verb.index, "dobj")
    results += [c for c in doc.kids(verb.index, "dobj", *RESULT_DEPS) if objects and c.index == objects[0].index + 1
                and c.text.islower() and c not in results]
    return adjacent + results


def _relative_antecedents(doc: ArticleIndex, noun: int) -> list[int]:
    """What "which" may stand for: the noun its clause hangs on and the nouns that noun's phrase
    hangs on ("the collapse of the bridge in this town, which killed 12": the town, the bridge, the collapse)."""
    found = [noun]
    for _ in range(RELATIVE_REACH):
        token = doc.tokens[found[-1]]
        preposition = doc.head(token.index)
        if token.dep != "pobj" or preposition.dep != "prep" or doc.head(preposition.index).pos not in ("NOUN", "PROPN"):
            break
        found.append(doc.head(preposition.index).index)
    return found


def _hazard_agent(doc: ArticleIndex, verb: Token) -> bool:
    """Whether a natural hazard does what the verb tells: its subject, "by" agent, or "in" phrase of a passive."""
    passive = bool(doc.kids(verb.index, "auxpass", "nsubjpass"))
    if not passive:
        subj = subject(doc, verb.index)
        if subj is None and verb.dep == "acl":
            subj = verb.head  # "after one of its planes skidded" parsed as a clause on "one"
        if subj is not None and (doc.tokens[subj].text.lower() == "it" or doc.tokens[subj].pos == "PROPN" and verb.dep == "relcl"):
            antecedent = _it_antecedent(doc, verb)
            subj = subj if antecedent is None else antecedent
        if subj is not None and verb.dep == "relcl" and subj == verb.head:
            return any(is_hazard(doc, n) for n in _relative_antecedents(doc, subj))
        # "Mud and boulders swept down": any of joined subjects.
        return subj is not None and any(is_hazard(doc, s) for s in [subj, *(c.index for c in doc.kids(subj, "conj"))])
    agents = [o for c in doc.kids(verb.index, "agent", "prep") if c.dep == "agent" or c.lemma.lower() == "in" for o in doc.kids(c.index, "pobj")]
    return any(is_hazard(doc, o.index) for o in agents) or _killed_when_it_collapsed(doc, verb)


def _opens_its_sentence(doc: ArticleIndex, i: int) -> bool:
    return doc.parsed.sentences[doc.sentence_of[i]].first == i


def _it_antecedent(doc: ArticleIndex, verb: Token) -> int | None:
    """What "it" subject of a clause stands for: the subject of the clause it hangs on ("the train
    was travelling ... when it hit"), or the noun it hangs on ("the ferry ..., when it overturned"
    parsed as a relative clause of "ferry"; so is "The ferry Mphatso capsized", its name the subject)."""
    head = doc.head(verb.index)
    if verb.dep == "advcl":
        return subject(doc, head.index)
    if verb.dep == "relcl" and head.pos in ("NOUN", "PROPN"):
        return head.index
    return None


def _killed_when_it_collapsed(doc: ArticleIndex, verb: Token) -> bool:
    """"were killed when a tunnel collapsed": a passive whose "when" clause tells a disaster, also
    when the parser hung the clause on a verb joined to it ("were killed and five were injured when ...")."""
    joined = [verb, *doc.kids(verb.index, "conj")]
    clauses = [c for v in joined for c in doc.kids(v.index, "advcl")
               if any(m.lemma.lower() == "when" for m in doc.kids(c.index, "advmod", "mark"))]
    return any(_collapse(doc, c) or _hazard_agent(doc, c) for c in clauses if c.pos == "VERB")


# Verbs telling an event only with the right subject or object, and the class they then tell.
def _succeeds_as_a_post(doc: ArticleIndex, verb: Token) -> bool:
    """"X replaces Y as defence minister", "succeeded her as chief executive": a new post holder."""
    return verb.lemma.lower() in cue("succession_verb") and _as_a_post(doc, verb)


def _named_to_a_post(doc: ArticleIndex, verb: Token) -> bool:
    """"the board named X interim chief executive", "was named chief executive", "picked her as
    coach": a naming verb with a post as its complement (not "named the stadium after him")."""
    if verb.lemma.lower() not in cue("naming_verb") or verb.lemma.lower() in cue("identifying_verb"):
        return False  # "a man identified as a commander" is described, not appointed
    roles = names.lexicon("role_heads")
    if any(c.lemma.lower() in roles for c in doc.kids(verb.index, "oprd", "attr", "xcomp", "ccomp")) or _as_a_post(doc, verb):
        return True
    # "named its finance director, Maria Lopez, interim chief executive", parsed as appositions: a
    # post after the person's name.
    for obj in doc.kids(verb.index, "dobj", "oprd"):
        for name in doc.kids(obj.index, "appos"):
            if name.pos == "PROPN" and any(a.lemma.lower() in roles for a in doc.kids(name.index, "appos")):
                return True
    return False


def _held_in_custody(doc: ArticleIndex, verb: Token) -> bool:
    """"a court ordered him held in custody for 30 days", "ordered her held for 30 days": a
    detention ordered (not "held talks", "held a rally")."""
    if verb.lemma.lower() not in cue("custody_verb"):
        return False
    custody = verb.tag == "VBN" and any(o.lemma.lower() in cue("custody") for p in doc.kids(verb.index, "prep") for o in doc.kids(p.index, "pobj"))
    return custody or ordering_verb(doc, verb) is not None


def _hazard_happened(doc: ArticleIndex, verb: Token) -> bool:
    """"The collapse happened at the No. 4 shaft near Leeuwbank": a disaster noun said to have occurred."""
    subj = subject(doc, verb.index)
    return verb.lemma.lower() in cue("occurrence_verb") and subj is not None and is_hazard(doc, subj, vehicles=False)


GATED_VERBS: tuple[tuple[str, Callable[[ArticleIndex, Token], bool]], ...] = (
    (APPOINTMENT, _succeeds_as_a_post),
    (APPOINTMENT, _named_to_a_post),
    (DETENTION, _held_in_custody),
    (DISASTER, _hazard_happened),
    (DISASTER, _collapse),
    (BOMBING, _explosive_tearing),
    (PROTEST, _crowd_marching),
    (DEPLOYMENT, _forces_sent),
)
