"""Telling an article's own text from the page around it (kg.boilerplate)."""

from __future__ import annotations

import json

import pytest

from kg.boilerplate import content_blocks, line_shape
from tests.conftest import SEEDS, SHARED

ARTICLE = "The council approved the budget on Monday after a long debate about schools."


def kept_text(text: str) -> str:
    return "\n".join(text[b.start : b.end] for b in content_blocks(text))


@pytest.mark.parametrize(
    "line,shape",
    [
        (ARTICLE, "prose"),
        ("Source link", "furniture"),
        ("By admin", "furniture"),
        ("Leave a Reply", "furniture"),
        ("Your email address will not be published. Required fields are marked *", "furniture"),
        ("Tuesday, March 3, 2020", "furniture"),
        ("0:00", "furniture"),
        ("Mayor Wins Second Term After Tight Race in Northern City", "headline"),
        ("Local bakery wins national award for sourdough", "headline"),
        ("Daily Courier", "fragment"),
        ("Until this week.", "prose"),
        ("LONDON, May 3 (Reuters) --", "prose"),
    ],
)
def test_boilerplate_classifies_line_shapes(line, shape):
    assert line_shape(line) == shape


def test_boilerplate_drops_page_header_and_related_headlines():
    page = "\n".join(
        [
            "Daily Courier",
            "Tuesday, March 3, 2020",
            "",
            "Mayor resigns after budget row",
            "",
            ARTICLE,
            "",
            "Related Articles",
            "Storm Knocks Out Power Across the Coast",
            "Football Club Signs New Striker From Rival",
            "why the markets fell again this week, explained",
            "Chef Opens Third Restaurant in Old Town",
        ]
    )
    assert kept_text(page) == ARTICLE


def test_boilerplate_keeps_offsets_of_the_original_text():
    page = "Source link\n\n  " + ARTICLE + "  \n\nLeave a Reply\n"
    (block,) = content_blocks(page)
    assert page[block.start : block.end] == ARTICLE


def test_boilerplate_joins_hard_wrapped_lines_into_one_block():
    page = "The minister said the talks would resume\nnext week in the capital, officials\nconfirmed on Friday.\n\nLeave a Reply"
    (block,) = content_blocks(page)
    assert page[block.start : block.end] == page.split("\n\n")[0]


def test_boilerplate_drops_aggregator_disclaimer():
    disclaimer = (
        "Example is an automatic aggregator of the world's media. All trademarks belong to their rightful owners."
    )
    assert kept_text(ARTICLE + "\n\n" + disclaimer) == ARTICLE


@pytest.mark.parametrize("credit", [
    "Associated Press writer Jane Roe contributed to this report.",
    "Our Standards: The Example Trust Principles.",
    "This story has been corrected to show the right date.",
])
def test_boilerplate_drops_wire_credits_and_standards(credit):
    assert kept_text(ARTICLE + "\n\n" + credit) == ARTICLE


def test_boilerplate_seed_snippets_are_not_content():
    gold = json.loads((SHARED / "eval" / "seeds_gold.json").read_text(encoding="utf-8"))
    assert gold["boilerplate"]
    for case in gold["boilerplate"]:
        text = (SEEDS / case["file"]).read_text(encoding="utf-8")
        start = text.index(case["text"])
        end = start + len(case["text"])
        assert not any(b.start < end and start < b.end for b in content_blocks(text)), case["text"]


def test_boilerplate_keeps_seed_story_paragraphs():
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        kept = sum(b.end - b.start for b in content_blocks(text))
        story = sum(len(p) for p in text.split("\n") if len(p) > 200)
        assert kept >= story, path.name
