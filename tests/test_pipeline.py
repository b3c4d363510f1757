"""All stages in order on articles held in memory (kg.pipeline)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import Article
from kg.pipeline import analyse

pytestmark = pytest.mark.slow

STORY = (
    "Rebels attacked the Northfield power station on Tuesday, officials said. "
    "Governor Anna Berg condemned the attack on Wednesday."
)
FOLLOW_UP = "Governor Anna Berg said on Friday that the Northfield power station was working again. Berg thanked the engineers."


# Words and debris of news text, shuffled into garbled "articles".
GARBLE_PIECES = list("abcXYZ 019.,;:'\"()-\n\u2019\u00e9") + [
    "Mr. ", "the ", "on Friday ", "Acme Corp ", "said ", "killed ", "Jane Doe ", "in Springfield", "(AP) —",
]


def articles(published: date | None = date(2023, 3, 9)) -> list[Article]:
    return [
        Article("one.txt", STORY, "one.txt", published),
        Article("two.txt", FOLLOW_UP, "two.txt", published),
    ]


def test_pipeline_resolves_one_entity_across_articles():
    corpus = analyse(articles())
    named = [e for e in corpus.entities if "Berg" in (e.label, *e.alt_labels) or e.label == "Anna Berg"]
    assert [(e.kind, e.label) for e in named] == [("Person", "Anna Berg")]
    assert named[0].article_ids == ("one.txt", "two.txt")


def test_pipeline_anchors_relative_dates_on_publication():
    corpus = analyse(articles())
    values = {t.text: t.value for t in corpus.time_expressions["one.txt"]}
    assert values["Tuesday"] == "2023-03-07"
    assert values["Wednesday"] == "2023-03-08"


def test_pipeline_leaves_relative_dates_unresolved_without_publication_date():
    corpus = analyse(articles(published=None))
    values = {t.text: t.value for t in corpus.time_expressions["one.txt"]}
    assert values["Tuesday"] == "XXXX-WXX-2"
    assert values["Wednesday"] == "XXXX-WXX-3"


def test_pipeline_is_deterministic():
    first, second = analyse(articles()), analyse(list(reversed(articles())))
    assert [e.key for e in first.entities] == [e.key for e in second.entities]
    assert [e.key for e in first.events] == [e.key for e in second.events]


def test_pipeline_reports_progress_per_article():
    seen = []
    analyse(articles(), progress=lambda position, total, name: seen.append((position, total, name)))
    assert seen == [(1, 2, "one.txt"), (2, 2, "two.txt")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(st.sampled_from(GARBLE_PIECES), max_size=80).map("".join),
    published=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))),
)
def test_pipeline_never_crashes_on_garbled_text(text, published):
    corpus = analyse([Article("garbled.txt", text, "garbled.txt", published)])
    for mention in (m for entity in corpus.entities for m in entity.mentions):
        assert text[mention.start : mention.end] == mention.text


def test_pipeline_page_of_only_furniture_gives_nothing():
    page = "Source link\n\nLeave a Reply\n\nYour email address will not be published.\n"
    corpus = analyse([Article("empty-page.txt", page, "empty-page.txt", date(2023, 3, 9))])
    assert (corpus.entities, corpus.events, corpus.time_expressions["empty-page.txt"]) == ([], [], [])
