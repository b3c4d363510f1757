"""The spaCy stage: plain tokens, sentences and names with offsets into the article (kg.nlp)."""

from __future__ import annotations

import pytest

from kg.model import Article, Block
from kg.nlp import parse_article

pytestmark = pytest.mark.slow

TEXT = "Daily Courier\n\nThe mayor of Springfield resigned on Monday.\n\nMore links\n\nMaria Lopez will replace him."


@pytest.fixture(scope="module")
def parsed():
    first = TEXT.index("The mayor")
    second = TEXT.index("Maria")
    blocks = [Block(first, TEXT.index("\n", first)), Block(second, len(TEXT))]
    return parse_article(Article("a.txt", TEXT, "a.txt"), blocks)


def test_nlp_token_offsets_count_into_the_article_text(parsed):
    assert parsed.tokens
    assert all(TEXT[t.start : t.end] == t.text for t in parsed.tokens)


def test_nlp_parses_only_the_blocks(parsed):
    covered = "".join(t.text for t in parsed.tokens)
    assert "Courier" not in covered and "links" not in covered


def test_nlp_heads_and_indexes_are_global(parsed):
    assert [t.index for t in parsed.tokens] == list(range(len(parsed.tokens)))
    second_block = [t for t in parsed.tokens if t.start >= TEXT.index("Maria")]
    assert all(t.head >= second_block[0].index for t in second_block)


def test_nlp_sentences_never_cross_blocks(parsed):
    assert [TEXT[s.start : s.end] for s in parsed.sentences] == [
        "The mayor of Springfield resigned on Monday.",
        "Maria Lopez will replace him.",
    ]


def test_nlp_named_spans_keep_label_and_offsets(parsed):
    spans = {(s.text, s.label) for s in parsed.named_spans}
    assert ("Maria Lopez", "PERSON") in spans
    assert all(TEXT[s.start : s.end] == s.text for s in parsed.named_spans)


def test_nlp_morphology_carries_tense(parsed):
    resigned = next(t for t in parsed.tokens if t.text == "resigned")
    assert "Tense=Past" in resigned.morph and resigned.lemma == "resign"


def test_nlp_dateline_is_a_sentence_of_its_own_so_the_lead_keeps_its_subject():
    text = "JAKARTA, Indonesia (AFP) — A crowded wooden ferry capsized off the island of Lantoa late Sunday."
    parsed = parse_article(Article("a.txt", text, "a.txt"), [Block(0, len(text))])
    ferry = next(t for t in parsed.tokens if t.text == "ferry")
    assert ferry.dep == "nsubj" and parsed.tokens[ferry.head].text == "capsized"
    assert parsed.sentences[0].end <= text.index("A crowded")


def test_nlp_a_noun_heading_a_clause_with_a_subject_is_a_misread_verb(parse_text):
    parsed = parse_text("A bomb planted on a motorcycle tore through a crowded vegetable market on Thursday night.")
    tore = next(t for t in parsed.tokens if t.text == "tore")
    assert (tore.pos, tore.tag, tore.lemma) == ("VERB", "VBD", "tear")
