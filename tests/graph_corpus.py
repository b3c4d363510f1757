"""A small hand-built Corpus (invented text, no spaCy) for the graph, export and store tests."""

from __future__ import annotations

from datetime import date

from kg.model import Article, Corpus, Entity, Event, EventMention, Merge, Mention, Relation, TimeExpression

TEXT_A = (
    "Zoë Nadel, a spokeswoman for Acme Relief, said on Tuesday that gunmen attacked "
    "Brightwater prison in Eastford.\n\nThe prison was raided before, in May. "
    "Nadel said 40 inmates escaped last week."
)
TEXT_B = "🙂 Gunmen stormed Brightwater prison on March 7, Acme Relief said. About 45 inmates escaped."
TEXT_C = "Acme Relief's Nadel said talks would follow."


def span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of phrase in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def mention(article: Article, phrase: str, kind: str, subtype: str | None = None, nth: int = 0) -> Mention:
    start, end = span(article.text, phrase, nth)
    return Mention(article.identifier, start, end, phrase, kind, subtype)


def timex(article: Article, phrase: str, value: str, grain: str, first: date | None, last: date | None, type: str = "DATE") -> TimeExpression:
    start, end = span(article.text, phrase)
    return TimeExpression(start, end, phrase, type, value, grain, f"test_{grain}", article.publication_date, first, last)


def event_mention(article: Article, trigger: str, cls: str, time: TimeExpression | None = None, **roles) -> EventMention:
    start, end = span(article.text, trigger)
    return EventMention(article.identifier, start, end, trigger, cls, trigger.rstrip("ed"), 0, len(article.text), time=time, **roles)


def small_corpus() -> Corpus:
    a = Article("a.txt", TEXT_A, "a.txt", date(2023, 3, 10), "https://news.example.com/a?id=1", "Gunmen attack prison", "Daily Example")
    b = Article("b 2.txt", TEXT_B, "b 2.txt", date(2023, 3, 11), None, None, "Acme Relief")
    c = Article("c.txt", TEXT_C, "c.txt")  # no publication date

    tuesday = timex(a, "on Tuesday", "2023-03-07", "day", date(2023, 3, 7), date(2023, 3, 7))
    may = timex(a, "in May", "2022-05", "month", date(2022, 5, 1), date(2022, 5, 31))
    last_week = timex(a, "last week", "2023-W09", "week", date(2023, 2, 27), date(2023, 3, 5))
    march7 = timex(b, "on March 7", "2023-03-07", "day", date(2023, 3, 7), date(2023, 3, 7))

    nadel = Entity(
        "person/zoe-nadel", "Person", None, "Zoë Nadel", ("Nadel",),
        (mention(a, "Zoë Nadel", "Person"), mention(a, "Nadel", "Person", nth=1), mention(c, "Nadel", "Person")),
        0.9,
    )
    acme = Entity(
        "organization/acme-relief", "Organization", None, "Acme Relief", (),
        (mention(a, "Acme Relief", "Organization"), mention(b, "Acme Relief", "Organization"), mention(c, "Acme Relief", "Organization")),
    )
    prison = Entity(
        "place/brightwater-prison", "Place", "Prison", "Brightwater prison", ("the prison",),
        (mention(a, "Brightwater prison", "Place", "Prison"), mention(a, "The prison", "Place", "Prison"), mention(b, "Brightwater prison", "Place", "Prison")),
    )
    eastford = Entity("place/eastford", "Place", "City", "Eastford", (), (mention(a, "Eastford", "Place", "City"),))

    attack = Event(
        "event/attack-brightwater-prison-2023-03-07", "Attack", "gunmen attack Brightwater prison",
        (event_mention(a, "attacked", "Attack", tuesday, targets=(prison.key,)),
         event_mention(b, "stormed", "Attack", march7, targets=(prison.key,))),
        targets=(prison.key,), places=(prison.key,), value="2023-03-07", grain="day",
        first_day=date(2023, 3, 7), last_day=date(2023, 3, 7),
    )
    raid = Event(
        "event/raid-brightwater-prison-2022-05", "MilitaryOperation", "Brightwater prison raided",
        (event_mention(a, "raided", "MilitaryOperation", may),),
        places=(prison.key,), value="2022-05", grain="month", first_day=date(2022, 5, 1), last_day=date(2022, 5, 31),
    )
    escape = Event(
        "event/escape-brightwater-prison-2023-w09", "Escape", "inmates escape Brightwater prison",
        (EventMention("a.txt", *span(TEXT_A, "escaped"), "escaped", "Escape", "escape", 0, len(TEXT_A), time=last_week, count=40, reported=True, speaker=nadel.key),
         EventMention("b 2.txt", *span(TEXT_B, "escaped"), "escaped", "Escape", "escape", 0, len(TEXT_B), count=45, hedged=True)),
        places=(prison.key,), value="2023-W09", grain="week", first_day=date(2023, 2, 27), last_day=date(2023, 3, 5),
    )
    talks = Event(
        "event/meeting-talks", "Meeting", "talks", (event_mention(c, "talks", "Meeting"),), actors=(acme.key,),
    )
    works_for = Relation(nadel.key, "worksFor", acme.key, "a.txt", 0, span(TEXT_A, "Acme Relief")[1], "spokeswoman", 0.8, "appos_role")
    works_for_c = Relation(nadel.key, "worksFor", acme.key, "c.txt", 0, len(TEXT_C), None, 0.6, "possessive")
    located = Relation(prison.key, "containedInPlace", eastford.key, "a.txt", *span(TEXT_A, "Brightwater prison in Eastford"), rule="in_place")
    return Corpus(
        articles=[a, b, c],
        time_expressions={"a.txt": [tuesday, may, last_week], "b 2.txt": [march7]},
        entities=[nadel, acme, prison, eastford],
        merges=[
            Merge(nadel.key, "Zoë Nadel", "Nadel", "surname", "same article"),
            Merge(prison.key, "Brightwater prison", "the prison", "definite\tdescription", "a.txt:\nnext sentence"),
        ],
        relations=[works_for, works_for_c, located],
        events=[attack, raid, escape, talks],
    )
