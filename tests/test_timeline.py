"""The chronology: rendering, filters, "as of" and the events.json round trip.

Only the "as of" story test parses text (with the session's model); the others build events by hand.
"""

from __future__ import annotations

from datetime import date

import pytest
from events_corpus import STORY, event_mention, name_mentions

from kg import timex
from kg.errors import InputError
from kg.events import extract_event_mentions, merge_events
from kg.model import Article, Entity
from kg.timeline import events_to_json, format_when, load_timeline, render_timeline

ENTITIES = [
    Entity("organization/red-hand", "Organization", None, "Red Hand", ("RH", "the Hand"), ()),
    Entity("organization/blue-army", "Organization", None, "Blue Army", (), ()),
    Entity("place/zenda-prison", "Place", "Facility", "Zenda prison", ("Zenda",), ()),
    Entity("place/strelsau", "Place", "City", "Strelsau", (), ()),
]
ARTICLES = [
    Article("a.txt", "", "a.txt", date(2023, 3, 9), title="Attack"),
    Article("b.txt", "", "b.txt", date(2023, 3, 10)),
    Article("c.txt", "", "c.txt", date(2023, 3, 16)),
]


@pytest.fixture()
def events():
    return merge_events(
        [
            event_mention("a.txt", "Attack", "2023-03-09", actors=["organization/red-hand"], places=["place/zenda-prison"]),
            event_mention("b.txt", "Attack", "2023-03-09", actors=["organization/red-hand"], places=["place/zenda-prison"],
                          count=40),  # fmt: skip
            event_mention("c.txt", "Attack", "2023-W10", "week", places=["place/zenda-prison"], count=60),
            event_mention("c.txt", "Surrender", "2023-03-15", actors=["organization/red-hand"],
                          places=["place/zenda-prison"], start=50),  # fmt: skip
            event_mention("b.txt", "Escape", "2020", "year", places=["place/zenda-prison"], start=80),
            event_mention("c.txt", "Arrest", None, actors=["organization/blue-army"], places=["place/strelsau"], start=90),
        ],
        ENTITIES,
    )


def rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ") and not line.startswith("| Date")]


def test_timeline_rows_in_date_order_with_sources(events):
    text = render_timeline(events, ENTITIES, ARTICLES)
    assert [r.split(" | ")[0] for r in rows(text)] == ["| 2020", "| Thu 9 Mar 2023", "| Wed 15 Mar 2023"]
    attack = rows(text)[1]
    assert "Attack by Red Hand at Zenda prison" in attack and attack.endswith("| 3 |")
    assert "counts 40 by b.txt; 60 by c.txt" in attack  # disagreement kept visible
    assert "1 undated event(s) not shown: Arrest by Blue Army in Strelsau." in text


@pytest.mark.parametrize("name", ["RH", "red hand", "ZENDA"])
def test_timeline_entity_filter_uses_any_label(events, name):
    assert len(rows(render_timeline(events, ENTITIES, ARTICLES, entity=name))) >= 2


def test_timeline_entity_filter_excludes_others(events):
    text = render_timeline(events, ENTITIES, ARTICLES, entity="Blue Army")
    assert rows(text) == [] and "Arrest by Blue Army" in text


def test_timeline_date_range(events):
    text = render_timeline(events, ENTITIES, ARTICLES, date_from=date(2023, 3, 10), date_to=date(2023, 3, 31))
    assert [r.split(" | ")[1] for r in rows(text)] == ["Surrender by Red Hand at Zenda prison"]


def test_timeline_as_of_uses_only_articles_published_by_then(events):
    text = render_timeline(events, ENTITIES, ARTICLES, as_of=date(2023, 3, 9))
    assert len(rows(text)) == 1
    assert rows(text)[0].endswith("| 1 |") and "Surrender" not in text


@pytest.mark.parametrize(
    "value, grain, first, expected",
    [
        ("2023-03-09", "day", date(2023, 3, 9), "Thu 9 Mar 2023"),
        ("2023-W10", "week", date(2023, 3, 6), "week of 6 Mar 2023"),
        ("2023-03", "month", date(2023, 3, 1), "Mar 2023"),
        ("2023", "year", date(2023, 1, 1), "2023"),
    ],
)
def test_timeline_format_when_at_grain(value, grain, first, expected):
    assert format_when(value, grain, first, None) == expected


def test_timeline_json_round_trip(events, tmp_path):
    text = events_to_json(events, ENTITIES, ARTICLES)
    (tmp_path / "events.json").write_text(text, encoding="utf-8")
    loaded = load_timeline(tmp_path)
    assert loaded[0] == events
    assert events_to_json(*loaded) == text
    assert render_timeline(*loaded, as_of=date(2023, 3, 10)) == render_timeline(
        events, ENTITIES, ARTICLES, as_of=date(2023, 3, 10)
    )


def test_timeline_load_without_build_says_how_to_fix(tmp_path):
    with pytest.raises(InputError, match="Run `kg build SOURCE --out"):
        load_timeline(tmp_path)


@pytest.fixture(scope="module")
def story(parse_text):
    """The invented week-long story, built as ``kg build`` would: (events, entities, articles)."""
    articles, mentions = [], []
    for identifier, published, text in STORY:
        parsed = parse_text(text, published=published, identifier=identifier)
        names, key_of = name_mentions(parsed)
        mentions += extract_event_mentions(parsed, names, key_of, timex.tag(parsed))
        articles.append(parsed.article)
    return merge_events(mentions, ENTITIES), ENTITIES, articles


def event_rows(markdown: str) -> list[tuple[str, str, str]]:
    """(date, event, sources) of each row that is no statement."""
    cells = [row.split(" | ") for row in rows(markdown)]
    return [(c[0].lstrip("| "), c[1], c[4].rstrip(" |")) for c in cells if not c[1].startswith("Statement")]


def test_timeline_as_of_tells_the_story_as_it_developed(story):
    day1 = event_rows(render_timeline(*story, as_of=date(2023, 3, 9)))
    assert day1 == [("Thu 9 Mar 2023", "Attack by Red Hand at Zenda prison (40 fighters)", "1")]
    day2 = event_rows(render_timeline(*story, as_of=date(2023, 3, 10)))
    assert [(when, sources) for when, _, sources in day2] == [("Thu 9 Mar 2023", "2"), ("Fri 10 Mar 2023", "1")]
    assert "Killing" in day2[1][1] and "Surrender" not in str(day2)
    week = event_rows(render_timeline(*story, as_of=date(2023, 3, 16)))
    assert [when for when, _, _ in week] == ["Thu 9 Mar 2023", "Fri 10 Mar 2023", "Wed 15 Mar 2023"]
    assert week[0][2] == "3" and week[2][1].startswith("Surrender by Red Hand at Zenda prison")
    assert render_timeline(*story) == render_timeline(*story, as_of=date(2023, 3, 16)).replace(
        " as known on 2023-03-16", ""
    )
