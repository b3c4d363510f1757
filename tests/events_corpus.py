"""Invented names and articles for the events and timeline tests, a stand-in for kg.entities, hand-made event mentions."""

from __future__ import annotations

import re
from datetime import date

from kg.model import EventMention, Mention, TimeExpression

# The invented names of these tests, as kg.entities would type them, and their entity keys.
NAMES = {
    "Red Hand": ("Organization", None, "organization/red-hand"),
    "Blue Army": ("Organization", None, "organization/blue-army"),
    "Zenda prison": ("Place", "Prison", "place/zenda-prison"),
    "Strelsau": ("Place", "City", "place/strelsau"),
    "Velmora Volcano": ("Place", None, "place/velmora-volcano"),
    "Tarvik": ("Place", None, "place/tarvik"),
    "Ruritania": ("Place", "Country", "place/ruritania"),
    "Maria Lopez": ("Person", None, "person/maria-lopez"),
    "Lopez": ("Person", None, "person/maria-lopez"),
    "Anton Weiss": ("Person", None, "person/anton-weiss"),
}

# One story told over a week: the attack on day one, its aftermath, the surrender a week later.
STORY = [
    (
        "day1.txt",
        date(2023, 3, 9),
        "More than 40 Red Hand fighters attacked the Zenda prison in Strelsau on Thursday.\n\n"
        "Maria Lopez said on Thursday that the guards had held the gate.",
    ),
    (
        "day2.txt",
        date(2023, 3, 10),
        "The assault on the Zenda prison in Strelsau began on Thursday, the Blue Army said.\n\n"
        "Blue Army soldiers killed 12 Red Hand fighters near the prison on Friday.",
    ),
    (
        "day8.txt",
        date(2023, 3, 16),
        "The last Red Hand fighters surrendered at the Zenda prison on Wednesday, "
        "a week after they attacked the Zenda prison in Strelsau.",
    ),
]


def name_mentions(parsed) -> tuple[list[Mention], dict[Mention, str]]:
    """Entity mentions of the invented names, standing in for kg.entities."""
    text = parsed.article.text
    mentions, key_of = [], {}
    pattern = "|".join(sorted(map(re.escape, NAMES), key=len, reverse=True))
    for match in re.finditer(rf"\b(?:{pattern})\b", text):
        kind, subtype, key = NAMES[match.group()]
        mention = Mention(parsed.article.identifier, match.start(), match.end(), match.group(), kind, subtype)
        mentions.append(mention)
        key_of[mention] = key
    return mentions, key_of


def event_mention(article, cls, value, grain="day", actors=(), places=(), targets=(), count=None, start=0, anchor=None) -> EventMention:
    """An event mention made by hand: its class, time value at a grain, roles and count, no parse."""
    time = TimeExpression(start, start + 5, value, "DATE", value, grain, "test", anchor=anchor) if value else None
    return EventMention(article, start, start + 6, "word", cls, cls.lower(), 0, 10,
                        tuple(actors), tuple(targets), tuple(places), time, count)  # fmt: skip
