"""When: the time expression that dates a trigger.

In: a trigger token and the calendar times of its ``ArticleIndex``. Out: the
time expression that governs the trigger's clause, else the sentence's that
reaches it, else (for a past-tense verb in a sentence without any time) the
last one of the paragraph, as the narrative continues; else None. A time
inside a bound ("since 2019", "after the 2019 defeat") dates nothing above
it, a relative clause keeps its own time, and a clause under a measured
"after" / "before" is dated from the clause it hangs on, moved by the measure
("two days after a clash": two days before), never with its time.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.events.document import AnchoredTime, ArticleIndex, is_clause_verb, is_past
from kg.events.intervals import grain_rank, time_interval
from kg.events.lexicon import cue
from kg.events.triggers import trigger as event_word
from kg.model import TimeExpression, Token

# How a crime hangs on the word charging it: "guilty of [murder]", "accused of [masterminding] the attack".
CHARGE_ATTACHMENTS = ("pobj", "pcomp", "prep", "dobj")
CHARGE_DEPTH = 4
NOUN_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")
CORE_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "appos")
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj")
MEASURE_ENTITIES = ("DATE", "TIME")
OFFSET_SIGN = {"after": -1, "before": 1}  # "two days after X": X is two days before the clause's day
REPORT_RANK = 4  # a time dating only the report of the trigger ("..., officials said Sunday")
CLOCK_TIME = re.compile(r"T\d{2}:\d{2}$")  # a clock time ("T02:50"), finer than a part of the day ("TNI")
LEDE_GRAINS = ("day", "time")  # a story's day, not a year of background  # the named-entity types of "seconds", "months", "a year"


def time_of(doc: ArticleIndex, trigger: Token, allow_paragraph: bool) -> TimeExpression | None:
    """The trigger's time expression, or None when the text does not date it."""
    if _charged(doc, trigger):
        return None  # "found guilty of murder on Tuesday": the verdict's day, not the murder's
    if trigger.dep == "amod":
        return None  # "convicted armed robber X was caught on Monday": a description, not the clause's event
    sentence = doc.sentence_of[trigger.index]
    ranked = []
    for time in doc.times:
        if _after_publication(doc, trigger, time):
            continue  # a past event cannot have happened after the article was written
        if time.sentence == sentence and (rank := _time_rank(doc, trigger, time)) is not None:
            ranked.append((rank, time.expression.start, time.expression))
    # A time of the trigger's own ("where fighting last week killed four") outranks an offset from the
    # clause above it ("a day after the ministers agreed ...").
    own = any(rank[0] == 0 for rank, _, _ in ranked)
    if not own and (offset := _measured_offset(doc, trigger)) is not None:
        return offset
    # Of two times as close, the finer one: "were freed earlier this week late Saturday" (both hung
    # on the verb by the parser) is Saturday, and "shook the region overnight, shortly before 3 a.m."
    # is at 3 a.m.
    best = min(ranked, key=lambda r: (r[0], grain_rank(r[2]), not CLOCK_TIME.search(r[2].value), r[1])) if ranked else None
    if best and best[0][0] != REPORT_RANK:
        return best[2]
    # "a man was stabbed to death, the mayor told a news conference on Sunday": the day of the
    # telling dates what was told only when the sentence or the narrative gives no day of its own.
    told = best[2] if best else None
    if told and (day := _other_day(doc, trigger, sentence, told)):
        return day
    if not ranked and allow_paragraph and _simple_past(doc, trigger) and (day := _only_day(doc, trigger, sentence)):
        return day  # "police fired tear gas at students marching on Wednesday and arrested 38 of them"
    teller = _tense_carrier(doc, trigger)
    if told and trigger.pos == "NOUN" and (verb := _nearest_verb(doc, trigger.index)) is not None:
        teller = doc.tokens[verb]  # "crushed to death, the mayor said": the verb tells the noun's tense
    # A bound ("since 2017") in the sentence dates nothing, so the narrative's day still may.
    chain = verb_chain(doc, trigger.index)
    if not allow_paragraph or not is_past(doc, teller) or not told and any(
            t.sentence == sentence and not t.bound and not _in_other_relative_clause(doc, t, chain) for t in doc.times):
        return told
    block = doc.block_of[trigger.index]
    # "..., officials said Tuesday. More than 150 people were injured.": the report's day is not the
    # narrative's, nor is a day told in a relative clause ("the frigate, which had shadowed the ship
    # since it was seized on Thursday").
    earlier = [t for t in doc.times if t.block == block and t.sentence < sentence and not t.bound and not _dates_a_report(doc, t)
               and not _in_other_relative_clause(doc, t, [])]
    if earlier:
        last_told = [t for t in earlier if t.sentence == earlier[-1].sentence]
        # "rejected on Tuesday a challenge over February's vote": the sentence's day, not the day
        # naming a thing; but "After Sunday's match, ..." alone names the day.
        return next((t for t in reversed(last_told) if not _names_a_thing(doc, t)), last_told[-1]).expression
    return _lede_day(doc, teller, block) or told


def _names_a_thing(doc: ArticleIndex, time: AnchoredTime) -> bool:
    """"irregularities in February's vote", "the 2019 election": a time naming a thing is not the
    day the narrative is on."""
    token = doc.tokens[time.head]
    return token.dep in NOUN_MODIFIER_DEPS and doc.head(time.head).pos == "NOUN"


def _other_day(doc: ArticleIndex, trigger: Token, sentence: int, told: TimeExpression) -> TimeExpression | None:
    """A day of the sentence other than the report's that the parse hung elsewhere: "fans stormed
    the pitch after a match in Armenia on Saturday night, officials said Sunday"."""
    days = [t for t in _free_times(doc, trigger, sentence) if t.expression is not told and t.expression.grain in LEDE_GRAINS]
    return min(days, key=lambda t: abs(t.head - trigger.index)).expression if days else None


def _only_day(doc: ArticleIndex, trigger: Token, sentence: int) -> TimeExpression | None:
    """The one time a sentence tells, of any grain, the parse having hung it where the trigger
    cannot reach it ("signed a treaty settling their frontier in March 2025"); none when the
    sentence tells two ("workers kidnapped earlier this week were freed late Saturday"), nor for a
    trigger in a clause set before or after another ("a day after India and Japan signed")."""
    if any(_bounding(doc.tokens[a]) or any(m.lemma.lower() in cue("bound_prep") for m in doc.kids(a, "mark"))
           for a in [trigger.index, *doc.ancestors(trigger.index)]):
        return None
    times = [t for t in _free_times(doc, trigger, sentence) if not _dates_a_report(doc, t)]
    return times[0].expression if times and len({t.expression.value[:10] for t in times}) == 1 else None


def _free_times(doc: ArticleIndex, trigger: Token, sentence: int) -> list[AnchoredTime]:
    """The sentence's times that may date the trigger: no bound, no other event's date, none after
    publication, none of a relative clause the trigger is not in ("X, whose coalition collapsed in
    October, stepped down two days after the election")."""
    chain = verb_chain(doc, trigger.index)
    return [t for t in doc.times if t.sentence == sentence and not t.bound
            and not _owned_by_other_event(doc, trigger, t) and not _after_publication(doc, trigger, t)
            and not _in_other_relative_clause(doc, t, chain)]


def _in_other_relative_clause(doc: ArticleIndex, time: AnchoredTime, chain: list[int]) -> bool:
    """The time is told inside a relative clause the trigger is not in, however deep ("the frigate,
    which had shadowed the ship since it was seized on Thursday")."""
    clause = _nearest_verb(doc, time.head)
    if clause is None:
        return False
    return any(doc.tokens[v].dep == "relcl" and v not in chain for v in verb_chain(doc, clause))


def _measured_offset(doc: ArticleIndex, trigger: Token) -> TimeExpression | None:
    """"agreed on Monday ..., two days after a clash killed five people": the clause under a
    measured "after"/"before" is dated from the clause it hangs on (Saturday)."""
    for a in [trigger.index, *doc.ancestors(trigger.index)]:
        token = doc.tokens[a]
        bounds = [m for m in doc.kids(a, "mark") if m.lemma.lower() in OFFSET_SIGN]
        bounds += [token] if token.dep == "prep" and token.lemma.lower() in OFFSET_SIGN else []
        for bound in bounds:
            measure = next((d for d in doc.durations if bound.index - 1 in doc.token_span(d.start, d.end)), None)
            main = doc.head(a if bound.dep == "mark" else bound.index)
            if measure is None or main.index == a or not is_clause_verb(main):
                return None
            told = time_of(doc, main, allow_paragraph=True)
            return _shifted(told, measure, OFFSET_SIGN[bound.lemma.lower()], doc, bound) if told else None
    return None


def _shifted(told: TimeExpression, measure: TimeExpression, sign: int, doc: ArticleIndex, bound: Token) -> TimeExpression | None:
    """``told`` moved by the duration ``measure`` (days at a day, weeks at a week, years at a year)."""
    match = re.fullmatch(r"P(\d+)([DWY])", measure.value)
    if match is None:
        return None
    amount, unit = int(match.group(1)) * sign, match.group(2)
    if unit in "DW" and told.grain in ("day", "time") and re.match(r"\d{4}-\d{2}-\d{2}", told.value):
        day = date.fromisoformat(told.value[:10]) + timedelta(days=amount * (7 if unit == "W" else 1))
        value, grain, first, last = day.isoformat(), "day", day, day
        if unit == "W":  # "a week after" is told roughly: the week it falls in
            year, week, weekday = day.isocalendar()
            value, grain = f"{year}-W{week:02d}", "week"
            first, last = day - timedelta(days=weekday - 1), day + timedelta(days=7 - weekday)
    elif unit == "Y" and told.grain == "year" and told.value.isdigit():
        year = int(told.value) + amount
        value, grain, first, last = str(year), "year", date(year, 1, 1), date(year, 12, 31)
    else:
        return None
    start, end = measure.start, bound.end
    return TimeExpression(start, end, doc.parsed.article.text[start:end], "DATE", value, grain, "event_offset",
                          anchor=told.first_day, first_day=first, last_day=last)


def _lede_day(doc: ArticleIndex, trigger: Token, block: int) -> TimeExpression | None:
    """The day the story's lede tells, for a simple past in a later paragraph no time has come between.

    News tells its main day first and then fills it in: "Canada and Japan agreed on Sunday ... [next
    paragraph] The minister met her counterpart in Tokyo." A perfect ("has met") or a bare participle
    ("Bin Laden, indicted as ...") is background, and once another paragraph gives a time of
    another day the narrative may have moved, so nothing is inherited.
    """
    if not _simple_past(doc, trigger):
        return None
    before = [t for t in doc.times if t.block < block]
    if not before:
        return None
    lede = before[0]
    if lede.bound or lede.expression.grain not in LEDE_GRAINS:
        return None
    # Later times on the lede's own day ("late Tuesday", "at around 4 a.m.") keep the narrative there.
    day = time_interval(lede.expression)
    if any(t.block != lede.block and time_interval(t.expression) != day for t in before):
        return None
    return lede.expression


def _tense_carrier(doc: ArticleIndex, trigger: Token) -> Token:
    """The verb whose tense tells when: an infinitive's governor ("travelled to Osaka to meet")."""
    infinitive = any(c.tag == "TO" for c in doc.kids(trigger.index, "aux"))
    return doc.head(trigger.index) if infinitive and trigger.dep in ("xcomp", "advcl") else trigger


def _simple_past(doc: ArticleIndex, trigger: Token) -> bool:
    """"met", "was sentenced": a finite past, not a perfect ("had met") or a participle on its own;
    a verb joined to one shares its tense ("touched down ... and skidded", whatever its tag)."""
    auxiliaries = doc.kids(trigger.index, "aux", "auxpass")
    if auxiliaries:
        return all(a.tag == "VBD" and a.lemma.lower() != "have" for a in auxiliaries)
    head = doc.head(trigger.index)
    if trigger.dep == "conj" and trigger.tag == "VBN" and head.index != trigger.index and head.pos == "VERB":
        return _simple_past(doc, head)
    return trigger.tag == "VBD"


def _charged(doc: ArticleIndex, trigger: Token) -> bool:
    """A crime named by a charge or a verdict: "guilty of murder", "accused of masterminding the
    attack", "on suspicion of arson" (the noun, or the verb its phrase governs)."""
    return doc.governed_by(trigger.index, CHARGE_ATTACHMENTS, CHARGE_DEPTH, lambda g: g.lemma.lower() in cue("charge"))


def verb_chain(doc: ArticleIndex, i: int, through_relative: bool = False) -> list[int]:
    """The token (if a verb) and the verbs above it, up to a relative clause's edge.

    A relative clause ("prisoners who were detained in 2019") tells its own
    background; it takes neither time nor place from the clause around it.
    """
    chain = []
    for a in [i, *doc.ancestors(i)]:
        if is_clause_verb(doc.tokens[a]):
            chain.append(a)
        if doc.tokens[a].dep == "relcl" and not through_relative:
            break
    return chain


def _time_rank(doc: ArticleIndex, trigger: Token, time: AnchoredTime) -> tuple[int, int] | None:
    """How closely a time expression of the sentence governs the trigger (lower is closer), or None."""
    if _owned_by_other_event(doc, trigger, time):
        return None
    if _hung_on_antecedent(doc, trigger, time):
        return 1, 0
    above_time = doc.ancestors(time.head)
    if trigger.index in above_time:  # the expression modifies the trigger or its phrase
        between = above_time[: above_time.index(trigger.index)]
        # A bounding word right above an unbounded time only approximates it: "shortly after 3 a.m."
        approximate = None if time.bound else doc.tokens[time.head].head
        if not time.bound and not any(is_clause_verb(doc.tokens[b]) or (_bounding(doc.tokens[b]) and b != approximate) for b in between):
            return 0, len(between)
        if not time.bound and between and _simultaneous(doc, between[-1]):
            return 1, len(between)  # "were killed when the group attacked on Thursday"
    if time.head in doc.ancestors(trigger.index):
        return _clause_of_time_rank(doc, trigger, time)
    # "before dawn on Friday": the preposition of an unbounded time only approximates it.
    if time.bound or _through_bound(doc, time.head, doc.tokens[time.head].head):
        return None
    clause = _clause_of_time(doc, time)
    if clause is None or _bounded_below(doc, trigger.index, clause):
        return None
    if trigger.pos == "NOUN":
        rank = _noun_rank(doc, trigger, time, clause)
        told = rank is not None and clause != _nearest_verb(doc, trigger.index) and _reporting(doc, clause)
        return (REPORT_RANK, rank[1]) if told else rank
    chain = verb_chain(doc, trigger.index)
    if clause in chain[1:] and any(_pluperfect(doc, doc.tokens[v]) for v in chain[: chain.index(clause)]):
        # "said on Monday it had agreed", "have been freed, X said Monday", "said Thursday it had
        # foiled a coup after soldiers attacked": done before that day, not on it
        return None
    if clause in chain[1:] and _reporting(doc, clause):
        return REPORT_RANK, chain.index(clause)
    if clause not in chain and _shares_the_clause(doc, trigger, clause):
        # "killed two miners and trapped 16 others late on Monday": one subject, one time
        return 2, 1
    if clause not in chain and _simultaneous(doc, clause) and doc.tokens[clause].head in chain[1:]:
        # "hit the ground while landing on Sunday, killing two": what happened while it did, happened then
        return 2, chain.index(doc.tokens[clause].head) + 1
    return (2, chain.index(clause)) if clause in chain else None


def _shares_the_clause(doc: ArticleIndex, trigger: Token, clause: int) -> bool:
    """A verb joined to the trigger by "and", with no subject or time of the trigger's own between them."""
    verb = doc.tokens[clause]
    return verb.dep == "conj" and verb.head == trigger.index and trigger.pos == "VERB" \
        and not doc.kids(clause, "nsubj", "nsubjpass")


def _hung_on_antecedent(doc: ArticleIndex, trigger: Token, time: AnchoredTime) -> bool:
    """"Doe, who was elected mayor of Strelsau, in November 2025, had reported ...": a time
    between a relative clause and the main verb, which the parser hung on the name the clause
    describes, is the clause's."""
    if trigger.dep != "relcl":
        return False
    antecedent = doc.head(trigger.index)
    preposition = doc.head(time.head)
    main = doc.head(antecedent.index)
    return preposition.dep == "prep" and preposition.head == antecedent.index and trigger.index < time.head < main.index


def _clause_of_time(doc: ArticleIndex, time: AnchoredTime) -> int | None:
    """The verb a time belongs to: a reporting verb right before it ("the army said on Wednesday it
    had foiled ...", which the parser may hang on "foiled"), else the nearest verb above it."""
    first = doc.token_span(time.expression.start, time.expression.end)[0]
    before = first - 1 if first > 0 and doc.tokens[first - 1].text.lower() == "on" else first
    if before > 0 and doc.tokens[before - 1].pos == "VERB" and _reporting(doc, before - 1):
        return before - 1
    return _nearest_verb(doc, time.head)


def _reporting(doc: ArticleIndex, verb: int) -> bool:
    return doc.tokens[verb].lemma.lower() in cue("reporting")


def dates_the_report(doc: ArticleIndex, trigger: int, expression: TimeExpression) -> bool:
    """Whether ``expression``, in the trigger's sentence, is the day of its telling ("..., killing a
    firefighter, officials said Tuesday")."""
    sentence = doc.sentence_of[trigger]
    return any(t.expression is expression and t.sentence == sentence and _dates_a_report(doc, t) for t in doc.times)


def _dates_a_report(doc: ArticleIndex, time: AnchoredTime) -> bool:
    """"..., officials said Tuesday": a time of the telling."""
    clause = _clause_of_time(doc, time)
    return clause is not None and _reporting(doc, clause)


def _pluperfect(doc: ArticleIndex, trigger: Token) -> bool:
    """A verb in the perfect ("had agreed", "have been freed") tells what was done before the
    time of the clause above it, not on it."""
    return trigger.tag == "VBN" and any(a.lemma.lower() == "have" for a in doc.kids(trigger.index, "aux"))


def _clause_of_time_rank(doc: ArticleIndex, trigger: Token, time: AnchoredTime) -> tuple[int, int] | None:
    """A trigger in a clause that hangs on the time: "until Wednesday, when they surrendered".

    Without a clause in between ("2019 or the withdrawal", a coordination the
    parser hung on the date) the time does not date the trigger.
    """
    above = doc.ancestors(trigger.index)
    between = [trigger.index, *above[: above.index(time.head)]]
    if not any(is_clause_verb(doc.tokens[b]) for b in between):
        return None
    return 1, len(between) - 1


def _noun_rank(doc: ArticleIndex, trigger: Token, time: AnchoredTime, clause: int) -> tuple[int, int] | None:
    """An event noun takes its clause's time when it is a core argument or indefinite."""
    distance = abs(time.head - trigger.index)
    own_clause = _nearest_verb(doc, trigger.index)
    if doc.tokens[clause].lemma.lower() in cue("sequence_verb"):
        return None  # "her arrest followed a series of articles in January": the articles' month, not the arrest's
    definite = any(c.lemma.lower() == "the" for c in doc.kids(trigger.index, "det"))
    if own_clause == clause and (trigger.dep in CORE_DEPS or not definite):
        return 2, distance
    if own_clause == clause and event_word(doc, doc.tokens[clause]) is None and doc.head(trigger.index).head == clause:
        # The clause's verb tells no event and the noun's phrase hangs on it: the time is the noun's.
        # Not for a noun deep in another phrase: "the toll from the fire rose on Tuesday".
        return 3, distance
    if not definite and clause in verb_chain(doc, trigger.index):
        return 3, distance
    return None


def _owned_by_other_event(doc: ArticleIndex, trigger: Token, time: AnchoredTime) -> bool:
    """A date written before another event noun is that event's ("the August 7 bombings"), not the trigger's.

    Unless that event is the trigger's own argument ("the 1998 bombings killed 200 people") or the
    circumstance it happened in ("were injured in Friday's clashes").
    """
    owner = doc.head(time.head)
    if owner.index == trigger.index or owner.pos != "NOUN" or owner.index < time.head:
        return False
    if event_word(doc, owner) is None:
        # "an 11th-century Khmer ruin", "Friday's edition": a date describing a thing dates no event.
        # A bare day before a noun describes nothing ("told CNN Friday SDF forces killed ..."): the
        # parser chained it to the noun.
        dep = doc.tokens[time.head].dep
        return dep == "poss" or dep in NOUN_MODIFIER_DEPS and time.expression.grain not in LEDE_GRAINS
    if owner.head == trigger.index and owner.dep in ARGUMENT_DEPS:
        return False
    preposition = doc.head(owner.index)
    # Verbs joined by "and" share it: "were injured in Friday's clashes, and police arrested 64".
    joined = {trigger.index, *(c.index for c in doc.kids(trigger.index, "conj")), *([trigger.head] if trigger.dep == "conj" else [])}
    return not (owner.dep == "pobj" and preposition.head in joined and preposition.lemma.lower() in cue("circumstance_prep"))


def _simultaneous(doc: ArticleIndex, i: int) -> bool:
    """A clause that tells what happened at the same time: "when ...", "as ...", "while ..."."""
    token = doc.tokens[i]
    markers = doc.kids(i, "advmod", "mark")
    return token.dep == "advcl" and any(m.lemma.lower() in cue("simultaneous") for m in markers)


def _nearest_verb(doc: ArticleIndex, i: int) -> int | None:
    return next((a for a in doc.ancestors(i) if is_clause_verb(doc.tokens[a])), None)


def _bounded_below(doc: ArticleIndex, i: int, clause: int) -> bool:
    """Whether the path from token i up to ``clause`` passes a measured "a year after" / "months before".

    Without a measure ("detonating bombs before storming in") the two are
    told as one stretch of time and share its date.
    """
    for a in [i, *doc.ancestors(i)]:
        if a == clause:
            return False
        bounds = [doc.tokens[a]] if _bounding(doc.tokens[a]) else []
        bounds += [m for m in doc.kids(a, "mark") if m.lemma.lower() in cue("bound_prep")]
        if bounds and (doc.kids(a, "npadvmod") or any(_measured(doc, b) for b in bounds)):
            return True
    return False


def _measured(doc: ArticleIndex, bound: Token) -> bool:
    """ "months after", "seconds before": a measure on the word, or a time noun right before it."""
    before = doc.tokens[bound.index - 1] if bound.index else None
    by_position = before is not None and before.pos == "NOUN" and before.ent_type in MEASURE_ENTITIES
    return bool(doc.kids(bound.index, "npadvmod")) or by_position


def _through_bound(doc: ArticleIndex, i: int, approximate: int | None = None) -> bool:
    """Whether a token sits in a bounding phrase below its clause verb ("detained after the 2019
    defeat"), the ``approximate`` preposition aside."""
    for a in doc.ancestors(i):
        if is_clause_verb(doc.tokens[a]):
            return False
        if _bounding(doc.tokens[a]) and a != approximate:
            return True
    return False


def _bounding(token: Token) -> bool:
    return token.dep == "prep" and token.lemma.lower() in cue("bound_prep")


def _after_publication(doc: ArticleIndex, trigger: Token, time: AnchoredTime) -> bool:
    published = doc.parsed.article.publication_date
    interval = time_interval(time.expression)
    clause = verb_chain(doc, trigger.index)
    past = bool(clause) and is_past(doc, doc.tokens[clause[0]])
    return past and published is not None and interval is not None and interval[0] > published
