"""Event mentions in one article.

In: a ``ParsedArticle``, its entity ``Mention``s with their keys, its
resolved ``TimeExpression``s. Out: ``EventMention``s in text order: a trigger
word with its class, actors, targets, places, time, count (with the noun it
counts), reported / hedged flags and, for statements, speaker and content.
Negated, generic and unreal triggers tell no event and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from kg.events.anchoring import dates_the_report, time_of, verb_chain
from kg import names
from kg.events.arguments import DEFINITE, Roles, argument, place_phrases, pronoun_subject, roles_of, subject
from kg.events.counts import count_of
from kg.events.document import ArticleIndex
from kg.events.intervals import time_interval
from kg.events.lexicon import STATEMENT, ancestry, classes_compatible, cue, event_classes
from kg.events.places import is_broad_subtype
from kg.events.modality import hedged, realis_status
from kg.events.speech import content, report
from kg.events.triggers import is_hazard, trigger
from kg.model import EventMention, Mention, ParsedArticle, TimeExpression, Token

# A lede's summary tells of events at most this many days before the day it was reported.
LEDE_SUMMARY_DAYS = 7


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
    doc = ArticleIndex(parsed, mentions, key_of, time_expressions)
    found: list[EventMention] = []
    for token in doc.tokens:
        if token.index in doc.mention_at or token.index in doc.time_tokens or doc.in_caption(token.index):
            continue  # a caption describes a picture; the story tells its events
        found_trigger = trigger(doc, token)
        if found_trigger is None or _told_by_its_verb(doc, token, found_trigger[0]):
            continue
        if (mention := _event_mention(doc, token, *found_trigger)) is not None:
            if _refers_back(doc, token, mention.event_class):
                mention = _with_antecedent(mention, found)
            if not mention.places:
                mention = replace(mention, places=_scene_of_an_event(doc, token, found) or _place_of_the_event_it_was_in(doc, token, found))
            found.append(mention)
    return _tolls_placed_by_their_cause(doc, _placed_by_the_paragraph(doc, _ledes_dated_by_the_story(doc, found)))


def _scene_of_an_event(doc: ArticleIndex, token: Token, earlier: Sequence[EventMention]) -> tuple[str, ...]:
    """"visited the crash site", "at the scene of the attack": where the last event of that kind
    told before happened; "the site" alone is the last disaster's or attack's."""
    for child in [*doc.kids(token.index, "dobj"), *(o for p in doc.kids(token.index, "prep") for o in doc.kids(p.index, "pobj"))]:
        if child.lemma.lower() not in cue("scene_noun"):
            continue
        named = [*doc.kids(child.index, "compound"), *(o for p in doc.kids(child.index, "prep") if p.lemma.lower() == "of"
                                                         for o in doc.kids(p.index, "pobj"))]
        classes = {told[0] for n in named if (told := trigger(doc, n)) is not None}
        if not named and any(d.lemma.lower() == "the" for d in doc.kids(child.index, "det")):
            classes = {c for c in event_classes() if ancestry(c)[-1].lower() in cue("toll_cause")}  # "the site": of the disaster
        if places := _last_placed(earlier, classes):
            return places
    return ()


def _last_placed(earlier: Sequence[EventMention], classes: set[str]) -> tuple[str, ...]:
    """The places of the last event told before of one of ``classes``."""
    placed = [m for m in earlier if m.places and any(classes_compatible(m.event_class, c) for c in classes)]
    return placed[-1].places if placed else ()


def _ledes_dated_by_the_story(doc: ArticleIndex, found: list[EventMention]) -> list[EventMention]:
    """A lede dated only by its report ("A wildfire tore through ..., killing a firefighter,
    officials said Tuesday") sums up what the story goes on to date ("broke out on Sunday", "died
    on Monday"): it takes the one earlier day, within ``LEDE_SUMMARY_DAYS``, on which a later
    paragraph tells an event of its class."""
    if not found:
        return found
    lede = _block(doc, found[0])
    dated: list[EventMention] = []
    for mention in found:
        report = time_interval(mention.time) if mention.time is not None else None
        if report is not None and mention.event_class != STATEMENT and _block(doc, mention) == lede \
                and dates_the_report(doc, doc.token_span(mention.start, mention.end)[0], mention.time):
            told = {m.time.value[:10]: m.time for m in found
                    if _block(doc, m) != lede and m.time is not None and classes_compatible(m.event_class, mention.event_class)
                    and (interval := time_interval(m.time)) is not None and interval[0] == interval[1]
                    and 0 < (report[0] - interval[0]).days <= LEDE_SUMMARY_DAYS}
            if len(told) == 1:
                mention = replace(mention, time=next(iter(told.values())))
        dated.append(mention)
    return dated


def _block(doc: ArticleIndex, mention: EventMention) -> int:
    return doc.block_of[doc.token_span(mention.start, mention.end)[0]]


def _place_of_the_event_it_was_in(doc: ArticleIndex, token: Token, earlier: Sequence[EventMention]) -> tuple[str, ...]:
    """"five border guards were killed in the clash": where the last event of that kind told before
    happened."""
    nouns = [o for p in doc.kids(token.index, "prep") if p.lemma.lower() in cue("circumstance_prep")
             for o in doc.kids(p.index, "pobj") if any(d.lemma.lower() in DEFINITE for d in doc.kids(o.index, "det"))]
    return _last_placed(earlier, {told[0] for noun in nouns if (told := trigger(doc, noun)) is not None})


def _placed_by_the_paragraph(doc: ArticleIndex, found: list[EventMention]) -> list[EventMention]:
    """An event placed nowhere happened where the event before it in its paragraph, on the same
    day, did: "The violence at the prison began when ... Three guards were wounded"."""
    broad = {doc.key(m) for m in doc.mentions if is_broad_subtype(m.subtype)}
    placed: list[EventMention] = []
    for mention in found:
        before = placed[-1] if placed else None
        if before is not None and mention.event_class != STATEMENT and not set(mention.places) - broad \
                and _same_paragraph(doc, before, mention) and _same_day(before, mention) and set(before.places) - broad:
            mention = replace(mention, places=before.places)
        placed.append(mention)
    return placed


def _same_paragraph(doc: ArticleIndex, a: EventMention, b: EventMention) -> bool:
    return _block(doc, a) == _block(doc, b)


def _tolls_placed_by_their_cause(doc: ArticleIndex, found: list[EventMention]) -> list[EventMention]:
    """Deaths and injuries placed nowhere more precise than a country happened where the one
    disaster or attack of that day the article places precisely did: "slammed into a freight train
    in northeastern Spain, killing 11 ... hit the freight train near Torremora"."""
    broad = {doc.key(m) for m in doc.mentions if is_broad_subtype(m.subtype)}
    placed = []
    for mention in found:
        if mention.event_class.lower() in cue("toll") and mention.places and not set(mention.places) - broad:
            causes = {place for cause in found if ancestry(cause.event_class)[-1].lower() in cue("toll_cause")
                      and _same_day(cause, mention) for place in cause.places if place not in broad}
            if len(causes) == 1:
                mention = replace(mention, places=(*causes, *mention.places))
        placed.append(mention)
    return placed


def _same_day(a: EventMention, b: EventMention) -> bool:
    return a.time is not None and b.time is not None and a.time.value[:10] == b.time.value[:10]


def _refers_back(doc: ArticleIndex, token: Token, cls: str) -> bool:
    """ "the quake", or a verb whose subject is "the quake": an event the article has already told."""
    if token.pos == "NOUN":
        noun = token.index
    elif token.dep in ("acl", "relcl"):
        noun = token.head  # "the agreement, signed on Monday by ..."
    else:
        noun = subject(doc, token.index)
    if noun is None:
        return False
    told = trigger(doc, doc.tokens[noun])
    if not (told is not None and classes_compatible(told[0], cls) or is_hazard(doc, noun)):
        return False
    if doc.tokens[noun].tag != "NN" or doc.kids(noun, "nummod"):
        return False  # "the two bomb blasts" may be others than the one told last
    return any(d.lemma.lower() in DEFINITE for d in doc.kids(noun, "det"))


def _with_antecedent(mention: EventMention, earlier: Sequence[EventMention]) -> EventMention:
    """A definite event takes the actors, targets and places it does not name from the last event of its class told before.

    Not its time: a date the text does not give it would count twice when reports vote on the date."""
    antecedent = next((m for m in reversed(earlier) if m.event_class == mention.event_class != STATEMENT), None)
    if antecedent is None:
        return mention
    # Only what the mention leaves open: its own words win over the antecedent's.
    actors = mention.actors or antecedent.actors
    targets = tuple(t for t in mention.targets or antecedent.targets if t not in actors)
    places = mention.places or antecedent.places
    return replace(mention, actors=actors, targets=targets, places=places)


def _told_by_its_verb(doc: ArticleIndex, token: Token, cls: str) -> bool:
    """An event noun that is the subject or object of a verb telling the same event: "the quake hit ...",
    "signed an agreement" are one event each, told by the verb."""
    if token.pos != "NOUN":
        return False
    if token.dep == "pobj" and doc.head(token.index).lemma.lower() == "to":  # "stabbed to death"
        verb = trigger(doc, doc.head(doc.head(token.index).index))
        return verb is not None and verb[1].endswith("to death")
    if token.dep == "dobj":  # "signed an agreement", "fought a battle"
        verb = trigger(doc, doc.head(token.index))
        return verb is not None and verb[0] == cls
    if token.dep not in ("nsubj", "appos"):
        return False
    sentence = doc.parsed.sentences[doc.sentence_of[token.index]]
    for verb in doc.tokens[sentence.first : sentence.last]:
        # The subject as ``subject`` reads it, past a dateline the parser hung it on.
        if verb.pos == "VERB" and subject(doc, verb.index) == token.index and (told := trigger(doc, verb)) is not None:
            return told[0] == cls
    return False


def _scheduled(doc: ArticleIndex, time: TimeExpression | None) -> bool:
    """An event dated after its article was written is planned, not news of something done ("would meet next Monday")."""
    published = doc.parsed.article.publication_date
    interval = time_interval(time) if time is not None else None
    return published is not None and interval is not None and interval[0] > published


def _event_mention(doc: ArticleIndex, token: Token, cls: str, lemma: str) -> EventMention | None:
    status = realis_status(doc, token, cls)
    if status == "unreal":
        return None
    statement = cls == STATEMENT
    roles = _roles(doc, token, cls, statement)
    reported, speaker = (False, None) if statement else report(doc, token)
    actors = roles.actors
    if cls.lower() in cue("agentless"):
        # "Peru's last major earthquake killed two people": a country before a hazard is where it struck.
        roles.places += [m for m in actors if m.kind == "Place"]
        actors = [m for m in actors if m.kind != "Place"]
    if reported and speaker is not None and not actors and pronoun_subject(doc, token, speaker):
        actors = [speaker]  # "the army said it repelled ..." -> the army
    time = time_of(doc, token, allow_paragraph=not statement)
    if _scheduled(doc, time):
        return None
    if statement:
        # A statement is an event of its own only when dated and spoken by a named speaker.
        if time is None or not actors:
            return None
        speaker = actors[0]
    sentence = doc.parsed.sentences[doc.sentence_of[token.index]]
    count = count_of(doc, token)
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
        targets=_keys(doc, [m for m in roles.targets if m not in actors and not _attributed(doc, m)]),
        places=_keys(doc, roles.places),
        time=time,
        count=count.value if count else None,
        counted=count.noun if count else None,
        reported=reported,
        hedged=status == "hedged" or hedged(doc, token),
        speaker=doc.key(speaker) if speaker is not None else None,
        content=content(doc, token) if statement else None,
    )


def _roles(doc: ArticleIndex, token: Token, cls: str, statement: bool) -> Roles:
    roles = roles_of(doc, token, cls)
    if token.pos == "NOUN" and token.dep == "nsubj" and is_hazard(doc, token.index):
        roles.places += _object_places(doc, token.head)  # "a landslide buried much of El Guacharal"
    for subj in doc.kids(token.index, "nsubj"):
        if (told := trigger(doc, subj)) is not None and (_told_by_its_verb(doc, subj, told[0]) or is_hazard(doc, subj.index)):
            # "an earthquake near the coast struck", "a derailment near Valdecarro killed six"
            roles.places += place_phrases(doc, subj.index)
    if not roles.places and token.pos == "VERB" and not statement:
        # "fighting went on near the facility until Wednesday, when they surrendered";
        # "a quake struck northern Peru, killing 32": the place the verb above acts on.
        # Not where someone told it: "troops killed 14 fighters, he told reporters in Pemba" (but "seven
        # were reported dead in Dar es Salaam" is where they died).
        roles.places = [m for verb in _clause_chain(doc, token.index)[1:3] if not _telling(doc, verb)
                        for m in [*place_phrases(doc, verb), *_object_places(doc, verb), *_scene_places(doc, verb)]]
    if not roles.places and token.pos == "VERB" and not statement and (subj := subject(doc, token.index)) is not None:
        # "a court in Jaffna freed nine fishermen", "the wall of a dam at a mine near Geita collapsed";
        # not the place of a post ("a former mayor of Hartwell was sentenced")
        post = doc.tokens[subj].lemma.lower() in names.lexicon("role_heads")
        roles.places = place_phrases(doc, subj, 0 if post else 1)
    if not roles.places and token.pos == "VERB" and not statement:
        roles.places = _places_of_what_came_before(doc, token.index) or _places_of_a_when_clause(doc, token.index)
    return roles


def _clause_chain(doc: ArticleIndex, verb: int) -> list[int]:
    """The verbs above a verb up to the end of its relative clause: "mourners filled the square for
    the funeral of X, who was killed in a crash" was not killed in the square (but a "where" or
    "when" clause happens where its main clause does)."""
    chain = verb_chain(doc, verb, True)
    end = next((i for i, v in enumerate(chain) if doc.tokens[v].dep == "relcl" and not _where_or_when_clause(doc, v)), len(chain) - 1)
    return chain[: end + 1]


def _where_or_when_clause(doc: ArticleIndex, verb: int) -> bool:
    """"Roccaverde, where a stream burst its banks", "fighting went on near the prison until
    Wednesday, when they surrendered": a relative clause happening at its antecedent's place or time."""
    return any(c.lemma.lower() in ("where", "when") for c in doc.kids(verb, "advmod"))


def _attributed(doc: ArticleIndex, mention: Mention) -> bool:
    """A name right before ", said" tells who said it, wherever the parser hangs it ("killing two
    guards, the armed forces chief, General X, said": X is no one killed)."""
    last = doc.token_span(mention.start, mention.end)[-1]
    after = doc.tokens[last + 1 : last + 3]
    return len(after) == 2 and after[0].text == "," and after[1].pos == "VERB" and after[1].lemma.lower() in cue("reporting")


def _places_of_a_when_clause(doc: ArticleIndex, verb: int) -> list[Mention]:
    """"died on Monday when his truck was trapped by flames near Lecevica": what happened at the
    same time as an event placed nowhere else happened where it did."""
    clauses = [c for c in doc.kids(verb, "advcl") if any(m.lemma.lower() in cue("simultaneous") for m in doc.kids(c.index, "advmod", "mark"))]
    return [m for c in clauses for m in [*place_phrases(doc, c.index),
                                         *(p for a in doc.kids(c.index, "agent") for o in doc.kids(a.index, "pobj")
                                           for p in place_phrases(doc, o.index, 1))]]


def _telling(doc: ArticleIndex, verb: int) -> bool:
    """A reporting verb in the active voice: someone telling, somewhere."""
    return doc.tokens[verb].lemma.lower() in cue("reporting") and not doc.kids(verb, "nsubjpass", "auxpass")


def _places_of_what_came_before(doc: ArticleIndex, verb: int) -> list[Mention]:
    """"fans stormed the pitch after a league match in Armenia": what happened right after (or
    before) an event placed nowhere else happened where that event did."""
    token = doc.tokens[verb]
    # Verbs joined by "and" share the circumstances: "stormed the pitch and fought police after a match".
    joined = [verb, *(c.index for c in doc.kids(verb, "conj")), *([token.head] if token.dep == "conj" else [])]
    return [m for v in joined for p in doc.kids(v, "prep") if p.lemma.lower() in cue("bound_prep")
            for o in doc.kids(p.index, "pobj") if o.pos == "NOUN" and not doc.kids(o.index, "npadvmod")
            for m in place_phrases(doc, o.index, 1)]


def _scene_places(doc: ArticleIndex, verb: int) -> list[Mention]:
    """"The violence at the prison in San Rafael began when gang members attacked guards": the
    place of what began (or ended) is where the clause telling how it began happened."""
    if doc.tokens[verb].lemma.lower() not in cue("aspectual"):
        return []
    return [m for s in doc.kids(verb, "nsubj") for m in place_phrases(doc, s.index)]


def _object_places(doc: ArticleIndex, verb: int) -> list[Mention]:
    """Places the verb acts on: its object ("struck northern Peru"), or the place an object
    measures ("buried much of El Guacharal")."""
    objects = doc.kids(verb, "dobj")
    found = [m for o in objects for m in argument(doc, o.index) if m.kind == "Place"]
    return found or [m for o in objects for m in place_phrases(doc, o.index, 1)]


def _keys(doc: ArticleIndex, mentions: Iterable[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(doc.key(m) for m in mentions))
