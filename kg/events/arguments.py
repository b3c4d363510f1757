"""Who and where: the actors, targets and places of a trigger.

In: a trigger token of an ``ArticleIndex``. Out: ``Roles`` (entity
``Mention``s as actors, targets and places) read off the parse: the subject,
the "by" agent or possessive is the actor ("Red Hand fighters" stand for Red
Hand), the object or "on"/"against" phrase the target, prepositional phrases
with a place ("near", "outside", "in") the place. An event noun borrows the
subject and places of its light verb ("launched the assault on ...").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg import names
from kg.events.document import ArticleIndex
from kg.events.lexicon import ATTACK, ancestry, cue
from kg.events.places import acts, is_facility, is_site
from kg.model import Mention, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# "who", "which", "that" opening a relative clause: they stand for the noun the clause hangs on.
RELATIVE_PRONOUN_TAGS = ("WDT", "WP")
# How an argument's own modifiers can name the entity it stands for:
# "Red Hand fighters", "the group's spokesman, Ana Ruiz", "members of the Blue Army".
ARGUMENT_MODIFIER_DEPS = ("compound", "poss", "nmod")
ARGUMENT_MODIFIER_PREPS = ("of", "from")
# Clauses that share the subject of the verb they hang on ("..., detonating X before storming Y").
SUBJECT_SHARING_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
TARGET_PREPS = ("on", "against")
PRONOUN_CHAIN = 2  # sentences a pronoun may reach back through others ("He ... He ... him")
DEFINITE = ("the", "this", "that")
# The place subtype "the town", "the village" refer back to (kg/resources/en/entities/settlement_nouns.tsv).
SETTLEMENT = "City"
TRAVEL_PREPS = ("for", "on")
MAX_DEPTH = 2
PLACE_DEPTH = 3  # "the wall of a tailings dam at a gold mine near Geita"
POST_PHRASE_REACH = 6  # tokens from a post's noun to the comma before its holder's name


@dataclass
class Roles:
    """The entity mentions of a trigger, by role."""

    actors: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)

    def add(self, mentions: Iterable[Mention], role: str) -> None:
        """Add entities in a role; a place named as a target is the event's place, and so is
        a town or site named as the actor: a country or a place of unknown size may act ("Ruritania invaded"), a town or a building does not."""
        for mention in mentions:
            if mention.kind == "Place" and (role != "actors" or is_site(mention)):
                self.places.append(mention)
            else:
                getattr(self, role).append(mention)


def roles_of(doc: ArticleIndex, token: Token, cls: str) -> Roles:
    """The actors, targets and places of a verb or noun trigger."""
    return verb_roles(doc, token, cls) if token.pos == "VERB" else noun_roles(doc, token, cls)


def mentions_at(doc: ArticleIndex, i: int) -> list[Mention]:
    """The entity a token names, or the facility a definite noun ("the prison") refers back to."""
    if (mention := doc.mention_at.get(i)) is not None:
        return [mention]
    antecedent = _facility_antecedent(doc, doc.tokens[i]) or _titled_antecedent(doc, doc.tokens[i]) \
        or _pronoun_antecedent(doc, doc.tokens[i]) or _organization_antecedent(doc, doc.tokens[i])
    return [antecedent] if antecedent is not None else []


def _organization_antecedent(doc: ArticleIndex, token: Token) -> Mention | None:
    """"the union", "their union": the one organisation of the article whose name ends in that
    noun ("the St. Lawrence Longshore Workers' Union")."""
    noun = token.lemma.lower()
    if token.pos != "NOUN" or token.tag != "NN" or noun not in names.lexicon("organization_heads"):
        return None
    if not any(c.lemma.lower() in DEFINITE or c.tag == "PRP$" for c in doc.kids(token.index, "det", "poss")):
        return None
    named = [m for m in doc.mentions if m.kind == "Organization" and names.normal(m.text).split()[-1:] == [noun]]
    return named[0] if len({doc.key(m) for m in named}) == 1 else None


def _pronoun_antecedent(doc: ArticleIndex, token: Token, depth: int = 0) -> Mention | None:
    """"he", "her": the one person named in the sentence before, or as a subject earlier in its own
    ("troops captured a commander, Bakari Selemani, he told reporters": he is not the commander);
    where the sentence before names no one, whom its own pronoun subject stands for ("He was
    arrested in 2026 ... Prosecutors charged him in 2027")."""
    if token.tag != "PRP" or token.text.lower() not in cue("person_pronoun"):
        return None
    sentence = doc.parsed.sentences[doc.sentence_of[token.index]]
    before = doc.parsed.sentences[max(0, doc.sentence_of[token.index] - 1)]
    if token.text.lower() in cue("object_pronoun"):
        # "detained the company's owner, X, on Tuesday, and a court ordered him held": an object
        # pronoun stands for the one person named before it in its own sentence, whatever the role.
        own = {doc.key(m): m for m in doc.mentions if m.kind == "Person" and sentence.start <= m.start < token.start}
        if len(own) == 1:
            return next(iter(own.values()))
    people = [m for m in doc.mentions if m.kind == "Person" and (
        before.start <= m.start < sentence.start and before is not sentence
        or sentence.start <= m.start < token.start and _subject_mention(doc, m))]
    if not people and before is not sentence and depth < PRONOUN_CHAIN:
        pronouns = [t for t in doc.tokens[before.first : before.last] if t.dep in SUBJECT_DEPS and t.tag == "PRP"]
        return _pronoun_antecedent(doc, pronouns[0], depth + 1) if pronouns else None
    return people[-1] if len({doc.key(m) for m in people}) == 1 else None


def _subject_mention(doc: ArticleIndex, mention: Mention) -> bool:
    return any(doc.tokens[i].dep in SUBJECT_DEPS for i in doc.token_span(mention.start, mention.end))


def _titled_antecedent(doc: ArticleIndex, token: Token) -> Mention | None:
    """"the president" -> the one person named with that title before ("outgoing President Joseph
    Ndegwa"); "the minister" -> the one whose title ends so ("Defence Minister X")."""
    noun = token.lemma.lower()
    if token.pos != "NOUN" or token.tag != "NN" or noun not in names.lexicon("role_heads"):
        return None
    if not any(c.lemma.lower() == "the" for c in doc.kids(token.index, "det")) or doc.kids(token.index, "prep", "amod", "compound"):
        return None  # "the president of Acme", "the new president", "the party president" name another
    before = {title: [m for m in found if m.end <= token.start] for title, found in doc.titled.items()}
    exact = before.get(noun, [])
    if len(exact) == 1:
        return exact[0]
    heads = [m for title, found in before.items() if title.split()[-1] == noun for m in found]
    return heads[0] if not exact and len(heads) == 1 else None


def _facility_antecedent(doc: ArticleIndex, token: Token) -> Mention | None:
    """The last named facility before a definite facility noun: "the facility" -> the prison named
    earlier; likewise "the town" -> the town named earlier."""
    noun = token.lemma.lower()
    if (noun not in cue("facility") and not _settlement(noun)) or token.tag in ("NNS", "NNPS"):
        return None  # "the facilities" are not the one named before
    if _settlement(noun) and any(p.lemma.lower() == "of" for p in doc.kids(token.index, "prep")):
        return None  # "the town of X" names X itself
    if any(c.pos == "PROPN" for c in doc.kids(token.index, "compound")):
        return None  # "Strelsau's Velmora township" has a name of its own
    holder = doc.head(token.index) if token.dep == "compound" else token  # "the prison attack"
    # "the capital", and "Ecuador's capital" (a place's possessive makes it as definite)
    definite = any(c.lemma.lower() in DEFINITE for c in doc.kids(holder.index, "det")) \
        or any(m.kind == "Place" for c in doc.kids(holder.index, "poss") for m in mentions_at(doc, c.index))
    same = any(c.lemma.lower() == "same" for c in doc.kids(token.index, "amod"))
    named = any(c.index in doc.mention_at for c in doc.kids(token.index, "compound"))
    if not (definite or same or named):
        return None
    if _settlement(noun) and any(c.text.lower() == "this" for c in doc.kids(holder.index, "det")):
        # "near this mountain town", "in this southern Mexican city": where the story was filed.
        filed = sorted((m for m in doc.mentions if m.kind == "Place" and doc.token_span(m.start, m.end)[0] in doc.dateline),
                       key=lambda m: m.start)
        if filed:
            return filed[0]  # "LIMA, Peru (AP) —": the town, before its country
    earlier = [
        m
        for m in doc.mentions
        if m.end <= token.start and m.kind == "Place" and (_may_be_called(m, noun) or _dateline_town(doc, m, noun))
    ]
    return earlier[-1] if earlier else None


def _dateline_town(doc: ArticleIndex, mention: Mention, noun: str) -> bool:
    """"STRELSAU (AFP) - ... the embassy in the Ruritanian capital": a dateline names a town,
    whatever type the model gave it."""
    return _settlement(noun) and mention.subtype is None and doc.token_span(mention.start, mention.end)[0] in doc.dateline


def _settlement(noun: str) -> bool:
    return names.settlement_nouns().get(noun) == SETTLEMENT


def _may_be_called(mention: Mention, noun: str) -> bool:
    """Whether a named place may be called "the <noun>": any facility is "the facility", only a prison
    "the prison", a town or village only a place of that kind ("the town" is no country)."""
    if _settlement(noun):
        return mention.subtype == SETTLEMENT
    if noun in mention.text.lower() or noun == (mention.subtype or "").lower():
        return True
    return noun in cue("facility_generic") and is_facility(mention.subtype)


def argument(doc: ArticleIndex, i: int, depth: int = 0) -> list[Mention]:
    """Entities an argument stands for: itself, its appositive, or the group in "Red Hand fighters"."""
    found = mentions_at(doc, i)
    if not found and depth < MAX_DEPTH:
        for child in [*doc.kids(i, "appos"), *_appositive_of_complement(doc, i), *_named_as(doc, i)]:
            found += argument(doc, child.index, depth + 1)  # "its leader, Anton Weiss": the name, not the group
    if not found and depth < MAX_DEPTH:
        for child in doc.kids(i, *ARGUMENT_MODIFIER_DEPS):
            if not _route_end(doc, child):
                found += argument(doc, child.index, depth + 1)
        for prep in doc.kids(i, "prep") if doc.tokens[i].tag == "NNS" else ():
            # "members of the Blue Army" stand for the army; "a former executive of Acme" is a person, not Acme.
            if prep.lemma.lower() in ARGUMENT_MODIFIER_PREPS:
                for obj in doc.kids(prep.index, "pobj"):
                    found += argument(doc, obj.index, depth + 1)
    for conj in doc.kids(i, "conj"):
        found += argument(doc, conj.index, depth)
    return found


def _taken_for_care(doc: ArticleIndex, prep: Token, obj: Token) -> bool:
    """"The injured were taken to hospitals in Kayseri": where casualties were taken is not where
    they were hurt (a march "to the ministry in X" is in X)."""
    return prep.lemma.lower() == "to" and obj.lemma.lower() in cue("care_facility")


def _route_end(doc: ArticleIndex, token: Token) -> bool:
    """"the Strelsau-Zenda highway", "the Tarvik-Zenda flight": two names joined by a hyphen are the
    ends of a route, not where on it something happened (one name may hold a hyphen: "Guinea-Bissau")."""
    mention = doc.mention_at.get(token.index)
    for neighbour in (token.index - 1, token.index + 1):
        if 0 <= neighbour < len(doc.tokens) and doc.tokens[neighbour].tag == "HYPH" \
                and (mention is None or not mention.start <= doc.tokens[neighbour].start < mention.end):
            return True
    return False


def _named_as(doc: ArticleIndex, i: int) -> list[Token]:
    """"the driver, named by officials as Andres Pueyo,": the name a naming verb gives a noun."""
    verbs = [c for c in doc.kids(i, "acl") if c.lemma.lower() in cue("naming_verb")]
    # The parser may hang "as" on the agent ("by officials as X"): any "as" under the verb.
    preps = [doc.tokens[j] for v in verbs for j in doc.subtree(v.index) if doc.tokens[j].lemma.lower() == "as"]
    return [o for p in preps if p.dep == "prep" for o in doc.kids(p.index, "pobj")]


def _included(doc: ArticleIndex, verb: Token) -> list[Token]:
    """"Those arrested include X and Y": the people a participle's noun is said to include."""
    if verb.dep != "acl" or verb.tag != "VBN":
        return []
    noun = doc.head(verb.index)
    including = doc.head(noun.index)
    if noun.dep != "nsubj" or including.lemma.lower() not in cue("inclusion_verb"):
        return []
    return doc.kids(including.index, "dobj")


def _appositive_of_complement(doc: ArticleIndex, i: int) -> list[Token]:
    """The name after "the mayor of Eastford, Ana Ruiz,": the parser hangs it on "Eastford",
    but it names the mayor. Only under a common noun: a name is not renamed."""
    if doc.tokens[i].pos != "NOUN":
        return []
    objects = [o for p in doc.kids(i, "prep") if p.lemma.lower() == "of" for o in doc.kids(p.index, "pobj")]
    return [a for o in objects if o.index in doc.mention_at for a in doc.kids(o.index, "appos") if a.index in doc.mention_at]


def subject(doc: ArticleIndex, verb: int) -> int | None:
    """The subject of a verb, borrowed from the verb it depends on when it has none."""
    current = verb
    for _ in range(4):
        # A dateline the parser took for a second subject ("TOKYO (AP) — The ministers met") is none;
        # of two subjects the parser gave one verb, the nearer ("In Kisumu, the city ..., hundreds
        # of young men burned tires").
        subjects = sorted(doc.kids(current, *SUBJECT_DEPS), key=lambda s: (s.index in doc.dateline, abs(current - s.index)))
        if subjects:
            found = subjects[0]
            if found.tag in RELATIVE_PRONOUN_TAGS and doc.tokens[current].dep == "relcl":
                return doc.tokens[current].head  # "fighters who attacked" -> fighters
            return doc.after_dateline(found.index)
        token = doc.tokens[current]
        if token.dep == "relcl":
            return token.head
        if token.dep == "xcomp" and (objects := doc.kids(token.head, "dobj")):
            return objects[0].index  # "forced thousands to flee": the object is the one who flees
        if token.dep not in SUBJECT_SHARING_DEPS or token.head == current:
            return None
        current = token.head
        if doc.tokens[current].pos == "ADP":  # "before storming": pcomp -> prep -> verb
            current = doc.tokens[current].head
    return None


def relative_object(doc: ArticleIndex, verb: Token) -> int | None:
    """The noun a relative clause's verb acts on: "the prison that the group took over" -> prison."""
    if verb.dep != "relcl" or doc.kids(verb.index, "dobj") and not _relative_pronoun_object(doc, verb):
        return None
    subjects = doc.kids(verb.index, *SUBJECT_DEPS)
    if not subjects or subjects[0].tag in RELATIVE_PRONOUN_TAGS:
        return None  # "fighters who attacked": the head is the subject
    return verb.head


def _relative_pronoun_object(doc: ArticleIndex, verb: Token) -> bool:
    return any(c.tag in RELATIVE_PRONOUN_TAGS for c in doc.kids(verb.index, "dobj"))


def place_phrases(doc: ArticleIndex, i: int, depth: int = 0, through_of: bool = True) -> list[Mention]:
    """Places in the prepositional phrases under a token, nested once ("on the prison in the city",
    and "protested over food prices in the city", where the parser hung the place on the noun
    before it), and the destination of a journey ("travelled to Osaka")."""
    found: list[Mention] = []
    # "travelled to Osaka": a journey's destination is where what it was for took place, and
    # "sent troops to Strelsau": a deployment's destination is where it went;
    # "escaped during the raid in Breda": what happened during an event happened where it did.
    destination = not depth and (doc.tokens[i].lemma.lower() in cue("travel") or doc.tokens[i].lemma.lower() in cue("dispatch"))
    # "declared a state of emergency for the province of Cuneo": what a declaration covers is where it holds.
    covered = not depth and doc.tokens[i].lemma.lower() in cue("declaring")
    hung_on_noun: list[Mention] = []
    for prep in doc.kids(i, "prep", "dative"):  # "sent troops to X": the parser may call "to" a dative
        word = prep.lemma.lower()
        during = not depth and word in cue("simultaneous_prep")
        # "hit shortly after 11 p.m. near Cajabamba": the parser hangs the place on the time.
        timed = not depth and any(o.index in doc.time_tokens for o in doc.kids(prep.index, "pobj"))
        if word not in cue("place_prep") and not (depth and through_of and word == "of") and not (destination and word == "to") \
                and not (covered and word == "for") and not during and not timed:
            if not depth:
                hung_on_noun += [m for obj in doc.kids(prep.index, "pobj") if not _taken_for_care(doc, prep, obj)
                                 for m in place_phrases(doc, obj.index, 1, through_of=False)]
            continue
        for obj in doc.kids(prep.index, "pobj"):
            owners = {m for c in doc.kids(obj.index, "compound", "poss") for m in mentions_at(doc, c.index) if acts(m)}
            # "at the U.S. embassy": the country owns the place, it is not where things happened.
            found += [m for m in argument(doc, obj.index) if m.kind == "Place" and m not in owners]
            if depth < PLACE_DEPTH:
                found += place_phrases(doc, obj.index, depth + 1)
    return found or hung_on_noun


def support_verb(doc: ArticleIndex, noun: Token) -> Token | None:
    """The light verb that carries an event noun: "launched the assault", "claimed responsibility for"."""
    token = noun
    for _ in range(3):
        head = doc.head(token.index)
        if head.index == token.index:
            return None
        if token.dep in ("dobj", "nsubj", "nsubjpass") and head.pos == "VERB":
            # "the clash broke out near the temple": a verb telling that the event began carries it too.
            began = token.dep == "nsubj" and any(w in cue("aspectual") for w in [
                head.lemma.lower(), *(f"{head.lemma.lower()} {p.lemma.lower()}" for p in doc.kids(head.index, "prt"))])
            return head if head.lemma.lower() in cue("support") or began else None
        if token.dep == "prep" and token.lemma.lower() in TRAVEL_PREPS and head.pos == "VERB" and head.lemma.lower() in cue("travel"):
            return head  # "arrived in Tokyo for a visit", "went on strike" (not "came under attack")
        if token.dep == "pobj" or (token.dep == "prep" and head.lemma.lower() in cue("support_noun")):
            token = head
            continue
        if token.dep == "dobj" and head.lemma.lower() in cue("support_noun"):
            token = head
            continue
        return None
    return None


def verb_roles(doc: ArticleIndex, verb: Token, cls: str = "") -> Roles:
    roles = Roles()
    subj = subject(doc, verb.index)
    if _reduced_passive(doc, verb):
        # "a judge ordered Jane Doe held", "two men arrested on Monday": the noun is who it happened to.
        roles.add(_person_or_argument(doc, verb.head, cls), "targets")
    elif subj is not None:
        passive = _passive(doc, verb) or _small_clause_participle(doc, verb)
        found = _person_or_argument(doc, subj, cls)
        # "a Belgrade court released her": a town or place before an unnamed body says where, not who.
        where = [m for m in found if _place_modifier(doc, subj, m)]
        roles.places += where
        roles.add([m for m in found if m not in where], "targets" if passive else "actors")
    if (obj := relative_object(doc, verb)) is not None:
        roles.add(argument(doc, obj), "targets")
    for included in _included(doc, verb):
        roles.add(argument(doc, included.index), "targets")
    for child in doc.kids(verb.index):
        if child.dep == "nsubjpass" and child.index != subj:
            roles.add(argument(doc, child.index), "targets")
        elif child.dep == "agent":
            for obj in doc.kids(child.index, "pobj"):
                roles.add(argument(doc, obj.index), "actors")
        elif child.dep == "dobj":
            roles.add(_person_or_argument(doc, child.index, cls), "targets")
            roles.places += place_phrases(doc, child.index, 1)
        elif child.dep == "oprd":  # "named the finance director, Jane Doe, chief executive"
            roles.add([m for m in argument(doc, child.index) if m.kind == "Person"], "targets")
        elif child.dep == "prep" and child.lemma.lower() in TARGET_PREPS:
            for obj in doc.kids(child.index, "pobj"):
                roles.add(argument(doc, obj.index), "targets")
    roles.places += place_phrases(doc, verb.index)
    if not roles.places and (order := ordering_verb(doc, verb)) is not None:
        # "a court in Strelsau ordered him held in custody": where the order was given
        court = subject(doc, order.index)
        if court is not None:  # "a Strelsau court", "a court in Strelsau"
            roles.places += [m for c in doc.kids(court, "compound") for m in mentions_at(doc, c.index) if m.kind == "Place"]
            roles.places += place_phrases(doc, court, 1)
    return roles


def ordering_verb(doc: ArticleIndex, verb: Token) -> Token | None:
    """The verb that ordered what a bare participle tells: "ordered him held", "ordered Jane Doe
    released" (the parser may hang the participle on the name, or tag it a past tense)."""
    head = doc.head(verb.index)
    if _reduced_passive(doc, verb) and head.dep == "dobj":
        head = doc.head(head.index)
    elif verb.dep not in ("ccomp", "xcomp", "oprd") or verb.tag not in ("VBN", "VBD") \
            or doc.kids(verb.index, "aux", "auxpass", "dobj"):
        return None  # "ordered troops to attack", "ordered that police hold talks"
    return head if head.lemma.lower() in cue("ordering_verb") else None


def _place_modifier(doc: ArticleIndex, head: int, mention: Mention) -> bool:
    """A place (not a country) modifying an unnamed noun: "a Belgrade court", "Lima police"."""
    if mention.kind != "Place" or acts(mention) or head in doc.mention_at or doc.tokens[head].pos != "NOUN":
        return False
    return any(c.index in doc.token_span(mention.start, mention.end) for c in doc.kids(head, "compound", "nmod"))


def _person_or_argument(doc: ArticleIndex, i: int, cls: str) -> list[Mention]:
    """The entities an argument stands for; but for what happens to one person (a resignation,
    an arrest), a post ("Ireland's health minister resigned") is that person, not the country
    or organisation the post is in: only a name or an appositive stands for it."""
    token = doc.tokens[i]
    if cls.lower() in cue("person_event") and token.tag == "NN" and token.lemma.lower() in names.lexicon("role_heads"):
        # "The chief executive of Acme SA, Jane Doe, resigned": the parser may hang her on "Acme SA".
        owners = [o for p in doc.kids(i, "prep") if p.lemma.lower() == "of" for o in doc.kids(p.index, "pobj")]
        named = [m for a in [token, *doc.kids(i, "appos"), *_named_as(doc, i)] for m in mentions_at(doc, a.index)]
        named += [m for o in owners for a in doc.kids(o.index, "appos") for m in mentions_at(doc, a.index) if m.kind == "Person"]
        # "Mohamed Sesay, a battalion commander who was arrested": the person the post describes
        described = [m for m in mentions_at(doc, token.head) if m.kind == "Person"] if token.dep == "appos" else []
        return named or described or _name_after_comma(doc, i)
    return argument(doc, i)


def _name_after_comma(doc: ArticleIndex, i: int) -> list[Mention]:
    """"arrested the airline's head of maintenance, Cristián Mora, and ...": the person named after
    the comma closing a post's phrase, however the parser hung the name."""
    sentence = doc.parsed.sentences[doc.sentence_of[i]]
    for j in range(i + 1, min(sentence.last, i + POST_PHRASE_REACH)):
        token = doc.tokens[j]
        if token.pos in ("VERB", "AUX"):
            return []
        if token.text == ",":
            return [m for m in mentions_at(doc, j + 1) if m.kind == "Person"] if j + 1 < sentence.last else []
    return []


def _passive(doc: ArticleIndex, verb: Token) -> bool:
    """A passive verb, or a participle joined to one ("was convicted of graft and sentenced to 10
    years"; the parser may tag it a past tense, but with no subject or object of its own it is none)."""
    if doc.kids(verb.index, "nsubjpass", "auxpass"):
        return True
    head = doc.head(verb.index)
    return verb.dep == "conj" and verb.tag in ("VBN", "VBD") and not doc.kids(verb.index, *SUBJECT_DEPS, "aux", "dobj") \
        and head.index != verb.index and bool(doc.kids(head.index, "nsubjpass", "auxpass"))


def _reduced_passive(doc: ArticleIndex, verb: Token) -> bool:
    """A bare participle hung on a noun, a passive relative clause without "who was"."""
    return verb.dep == "acl" and verb.tag == "VBN" and not doc.kids(verb.index, *SUBJECT_DEPS)


def _small_clause_participle(doc: ArticleIndex, verb: Token) -> bool:
    """ "declared the group defeated", "found the guard killed": a bare participle's subject is who it happened to.

    The parser may tag the participle as a past tense; under a verb of
    declaring ([declaring] in ``events_cues.txt``) it is a participle still.
    """
    if verb.dep not in ("ccomp", "xcomp", "oprd") or doc.kids(verb.index, "aux", "auxpass"):
        return False
    return verb.tag == "VBN" or doc.head(verb.index).lemma.lower() in cue("declaring") or ordering_verb(doc, verb) is not None


def noun_roles(doc: ArticleIndex, noun: Token, cls: str) -> Roles:
    roles = Roles()
    for child in doc.kids(noun.index):
        if child.dep in ("poss", "compound"):  # "Red Hand attack", "the US invasion", "the Strelsau attack"
            mentions = mentions_at(doc, child.index) or _possessive_pronoun(doc, noun, child)
            acting = [m for m in mentions if m.kind != "Place" or acts(m) and cls.lower() not in cue("country_is_place")]
            roles.places += [m for m in mentions if m not in acting]
            undergoing = [m for m in acting if child.dep == "poss" and _possessive_patient(doc, noun, cls, m)]
            roles.targets += undergoing
            roles.actors += [m for m in acting if m not in undergoing]
        elif child.dep == "prep" and child.lemma.lower() == "by":
            for obj in doc.kids(child.index, "pobj"):
                roles.add(argument(doc, obj.index), "actors")
        elif child.dep == "prep" and child.lemma.lower() == "of" and cls.lower() in cue("of_actor"):
            for obj in doc.kids(child.index, "pobj"):
                roles.add(argument(doc, obj.index), "actors")
        elif child.dep == "prep" and child.lemma.lower() in ("of", *TARGET_PREPS):
            for obj in doc.kids(child.index, "pobj"):
                roles.add(argument(doc, obj.index), "targets")
    roles.places += place_phrases(doc, noun.index)
    support = support_verb(doc, noun)
    if support is not None:
        subj = subject(doc, support.index) if noun.dep != "nsubj" else None
        if subj is not None:
            roles.add(argument(doc, subj), "actors")
        roles.places += place_phrases(doc, support.index)
        if not roles.places and subj is not None:
            roles.places += place_phrases(doc, subj, 1)  # "nurses at hospitals in Accra held a strike"
        if ancestry(cls)[-1] == ATTACK:
            # "The attack began at the Silesian Regional Hospital": an organisation where an attack
            # began was what it struck.
            roles.add([m for p in doc.kids(support.index, "prep") if p.lemma.lower() in ("at", *TARGET_PREPS)
                       for o in doc.kids(p.index, "pobj") for m in argument(doc, o.index) if m.kind == "Organization"], "targets")
    return roles


def _possessive_patient(doc: ArticleIndex, noun: Token, cls: str, mention: Mention) -> bool:
    """"Slepian's shooting", "Crane's trial": a person's possessive on such an event is who it
    happened to, unless a phrase names that one ("Kopp's shooting of Slepian", "Ruiz's attack on ...")."""
    if mention.kind != "Person" or cls.lower() not in cue("possessive_patient"):
        return False
    phrases = [p for p in doc.kids(noun.index, "prep") if p.lemma.lower() in ("of", *TARGET_PREPS)]
    return not any(mentions_at(doc, o.index) for p in phrases for o in doc.kids(p.index, "pobj"))


def _possessive_pronoun(doc: ArticleIndex, noun: Token, child: Token) -> list[Mention]:
    """ "Ana Ruiz announced her resignation": the possessive is the subject of the verb the noun is the object of."""
    if child.tag != "PRP$" or noun.dep != "dobj" or doc.head(noun.index).pos != "VERB":
        return []
    subj = subject(doc, noun.head)
    return argument(doc, subj) if subj is not None else []


def pronoun_subject(doc: ArticleIndex, token: Token, speaker: Mention) -> bool:
    """Whether the trigger's (or its light verb's) subject is a pronoun that may stand for the
    speaker: "the army said it repelled ...", "X said he had shot ..." (not "they" for one person)."""
    subj = subject(doc, token.index) if token.pos == "VERB" else None
    if subj is None and token.pos == "NOUN" and (support := support_verb(doc, token)) is not None:
        subj = subject(doc, support.index)
    if subj is None or doc.tokens[subj].tag != "PRP":
        return False
    return (speaker.kind == "Person") == (doc.tokens[subj].text.lower() in cue("person_pronoun"))
