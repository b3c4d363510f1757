"""Events: event mentions in each article, and events merged across articles.

In: a ``ParsedArticle``, the entity ``Mention``s found in it with their entity
keys, and the article's resolved ``TimeExpression``s. Out:
``extract_event_mentions`` gives ``EventMention``s (a trigger word with its
class, actors, targets, places, time, count, reported / hedged flags and, for
statements, speaker and content); ``merge_events`` turns the mentions of all
articles into ``Event``s, one per real-world event, each keeping every
mention with its own time and count.

Modules, one concern each: ``lexicon`` (the tables), ``document`` (the parse
index), ``triggers``, ``modality`` (negation, genericity, irrealis, hedges),
``arguments`` (actors, targets, places), ``counts``, ``anchoring`` (time),
``speech`` (reports and statements), ``extract``, ``merge`` (across
articles), ``labels`` (an event's class, time, label and key), ``places``,
``intervals``.

Tables (``kg/resources/en/``): ``events_triggers.tsv`` (lemma -> class),
``events_classes.tsv`` (the class tree and how long a class may last),
``events_hazard_classes.tsv`` (what a class becomes when a natural hazard acts),
``events_episodes.tsv`` (classes that may tell one episode at one facility),
``events_cues.txt`` (reporting verbs, hedges, support verbs, generic and
intent words, prepositions, facility nouns, nouns of things), ``events_numbers.tsv``.
"""

from kg.events.extract import extract_event_mentions
from kg.events.intervals import time_interval
from kg.events.labels import build_event, describe
from kg.events.lexicon import EventClass, classes_compatible, event_classes
from kg.events.merge import merge_events

__all__ = [
    "EventClass",
    "build_event",
    "classes_compatible",
    "describe",
    "event_classes",
    "extract_event_mentions",
    "merge_events",
    "time_interval",
]
