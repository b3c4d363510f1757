"""Event mentions in one article.

In: a ``ParsedArticle``, its entity ``Mention``s with their keys, its
resolved ``TimeExpression``s. Out: ``EventMention``s in text order: a trigger
word with its class, actors, targets, places, time, count (with the noun it
counts), reported / hedged flags and, for statements, speaker and content.
Negated, generic and unreal triggers tell no event and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kg.events.anchoring import time_of, verb_chain
from kg.events.arguments import Roles, place_phrases, pronoun_subject, roles_of
from kg.events.counts import count_of
from kg.events.document import ArticleIndex
from kg.events.lexicon import STATEMENT
from kg.events.modality import hedged, realis_status
from kg.events.speech import content, report
from kg.events.triggers import trigger
from kg.model import EventMention, Mention, ParsedArticle, TimeExpression, Token


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
    found = []
    for token in doc.tokens:
        if token.index in doc.mention_at or token.index in doc.time_tokens:
            continue
        if (found_trigger := trigger(doc, token)) is not None and (mention := _event_mention(doc, token, *found_trigger)):
            found.append(mention)
    return found


def _event_mention(doc: ArticleIndex, token: Token, cls: str, lemma: str) -> EventMention | None:
    status = realis_status(doc, token, cls)
    if status == "unreal":
        return None
    statement = cls == STATEMENT
    roles = _roles(doc, token, cls, statement)
    reported, speaker = (False, None) if statement else report(doc, token)
    actors = roles.actors
    if reported and speaker is not None and not actors and pronoun_subject(doc, token):
        actors = [speaker]  # "the army said it repelled ..." -> the army
    time = time_of(doc, token, allow_paragraph=not statement)
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
        targets=_keys(doc, [m for m in roles.targets if m not in actors]),
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
    if not roles.places and token.pos == "VERB" and not statement:
        # "fighting went on near the facility until Wednesday, when they surrendered"
        roles.places = [m for verb in verb_chain(doc, token.index, True)[1:3] for m in place_phrases(doc, verb)]
    return roles


def _keys(doc: ArticleIndex, mentions: Iterable[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(doc.key(m) for m in mentions))
