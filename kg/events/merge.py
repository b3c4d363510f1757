"""Events across articles: which event mentions tell the same real-world event.

In: the ``EventMention``s of every article and the ``Entity``s their keys
point to. Out: ``Event``s, one per real-world event, sorted by date (undated
last), each keeping every mention with its own time and count.

Mentions are clustered greedily, precise and anchored ones first: a mention
joins the cluster it fits best (compatible class, compatible time at the
coarser grain of the two, a shared place or actor), else founds its own.
Classes of one episode family (``events_episodes.tsv``: an attack, the
takeover of a prison, the prison break) count as compatible when the reports
name the same facility. Last, an event no report dates joins the one dated
event it can be: the only one of its family at its town or facility, or the
only one of its family when that names no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from kg.events.intervals import day_gap, grain_rank, time_interval
from kg.events.labels import build_event
from kg.events.lexicon import STATEMENT, classes_compatible, cue, event_classes, same_episode
from kg.events.places import is_broad, is_facility
from kg.model import Entity, Event, EventMention

# An undated report is taken to tell of events at most this many days before its article.
NEWS_WINDOW_DAYS = 14
UNDATED_RANK = 9  # an undated mention sorts after every grain (intervals.GRAIN_RANK)
# Two statements of one speaker on one day are one when their contents share this share of words.
SAME_CONTENT = 0.5
Cluster = list[EventMention]


def merge_events(event_mentions: Sequence[EventMention], entities: Sequence[Entity]) -> list[Event]:
    """Events, each told by one or more mentions across articles.

    Mentions merge when their classes are compatible, their times agree at the
    coarser grain of the two, and they share a place or an actor (a bare,
    dated mention joins the one event it can belong to). Each mention keeps its
    own time and count, so disagreements stay visible.

    event_mentions (Sequence[EventMention]): the mentions of every article.
    entities (Sequence[Entity]): the entities their keys point to (for labels).
    RETURNS (list[Event]): sorted by date, undated last; keys are unique and readable.
    """
    broad = {e.key for e in entities if e.kind == "Place" and is_broad(e)}
    specific = {e.key for e in entities if e.kind == "Place"} - broad
    facilities = {e.key for e in entities if e.kind == "Place" and is_facility(e.subtype)}
    # The publication date of each article, as its resolved time expressions carry it.
    present = {m.article_id: m.time.anchor for m in event_mentions if m.time is not None and m.time.anchor}
    named: dict[str, set[str]] = {}
    for mention in event_mentions:
        named.setdefault(mention.article_id, set()).update(_participants(mention))
    for entity in entities:  # people and towns an article names tie it to a story; agencies do not
        if entity.kind == "Person" or entity.key in specific:
            for article_id in entity.article_ids:
                named.setdefault(article_id, set()).add(entity.key)
    clusters: list[Cluster] = []
    for mention in sorted(event_mentions, key=_merge_order):
        context = _Context(specific, broad, facilities, present.get(mention.article_id), named)
        cluster = _best_cluster(mention, clusters, context)
        if cluster is None:
            clusters.append([mention])
        else:
            cluster.append(mention)
    clusters = _join_undated(clusters, _Context(specific, broad, facilities, None, named))
    told = [c for c in clusters if _tells_something(c)]
    events = [build_event(cluster, entities) for cluster in told]
    return _unique_keys(sorted(events, key=_event_order))


@dataclass(frozen=True)
class _Context:
    """What the merge knows beside the mentions: which places are specific or broad, the article's
    date, and whom and where each article's events name."""

    specific: set[str]
    broad: set[str]
    facilities: set[str]
    present: date | None
    named: dict[str, set[str]] = field(default_factory=dict)

    def same_story(self, a: str, b: str) -> bool:
        """Two articles of one story: the same, or both name one same person, town or site, or
        their events one same participant."""
        return a == b or bool(self.named.get(a, set()) & self.named.get(b, set()) - self.broad)


def _tells_something(cluster: Cluster) -> bool:
    """An undated event without actor, target or place says no more than that a word was used;
    for a class that is about someone (a trial, an arrest), neither does a dated one."""
    if any(_participants(m) for m in cluster):
        return True
    return any(m.time is not None for m in cluster) and not all(
        m.event_class.lower() in cue("needs_participant") for m in cluster)


def _participants(mention: EventMention) -> set[str]:
    return set(mention.actors) | set(mention.targets) | set(mention.places)


def _underspecified(mention: EventMention) -> bool:
    return not mention.actors and not mention.places and not mention.targets


def _merge_order(mention: EventMention) -> tuple:
    """Anchored, precisely dated mentions found clusters first; vaguer ones join them."""
    rank = grain_rank(mention.time) if mention.time is not None else UNDATED_RANK
    return (_underspecified(mention), mention.time is None, rank, mention.article_id, mention.start)


def _best_cluster(mention: EventMention, clusters: list[Cluster], context: _Context) -> Cluster | None:
    scored = [(s, n) for n, c in enumerate(clusters) if (s := _affinity(mention, c, context)) is not None]
    if not scored:
        return None
    best = max(s for s, _ in scored)
    winners = [n for s, n in scored if s == best]
    if len(winners) > 1 and _underspecified(mention):
        return None  # nothing tells which event a bare mention belongs to
    # Among equals, the event told most widely is the one a loose reference means.
    return max((clusters[n] for n in winners), key=lambda c: len({m.article_id for m in c}))


def _affinity(mention: EventMention, cluster: Cluster, context: _Context) -> float | None:
    """How well a mention fits a cluster of mentions of one event; None when it cannot belong."""
    if not _classes_fit(mention, cluster, context.facilities):
        return None
    places = _places(cluster)
    actors = set().union(*(o.actors for o in cluster))
    share_place = bool(set(mention.places) & places)
    share_actor = bool(set(mention.actors) & actors)
    # A lasting event told a day later by the same actor, with no other place named, is still that event.
    same_scene = share_place or (share_actor and not (mention.places and places))
    if _elsewhere(mention, places, context):
        return None
    if any(not _times_compatible(mention, other, same_scene) for other in cluster):
        return None
    if mention.event_class == STATEMENT:
        return _statement_affinity(mention, cluster)
    if mention.time is None and not _undated_fits(mention, cluster, places, actors, context):
        return None
    return _score(mention, cluster, places, actors, context)


def _elsewhere(mention: EventMention, places: set[str], context: _Context) -> bool:
    """Two different towns, none a facility that could lie in the other ("met in Tokyo", "in Osaka"):
    two events, whoever took part."""
    own = set(mention.places) & context.specific - context.facilities
    theirs = places & context.specific - context.facilities
    return bool(own and theirs) and not own & theirs and not (set(mention.places) & context.facilities
                                                                or places & context.facilities)


def _classes_fit(mention: EventMention, cluster: Cluster, facilities: set[str]) -> bool:
    """One family, or one episode told as different classes at one facility ("the attack", "the prison break").

    A report of another family than all the cluster's must name its facility;
    one of a family already there joins as it would without the others.
    """
    if not all(same_episode(mention.event_class, other.event_class) for other in cluster):
        return False
    at_site = set(mention.places) & _places(cluster) & facilities
    return bool(at_site) or any(classes_compatible(mention.event_class, other.event_class) for other in cluster)


def _places(cluster: Cluster) -> set[str]:
    return set().union(*(m.places for m in cluster))


def _join_undated(clusters: list[Cluster], context: _Context) -> list[Cluster]:
    """Each event no report dates joins the one dated event it can be, if there is exactly one."""
    dated = [c for c in clusters if any(m.time is not None for m in c)]
    undated = [c for c in clusters if all(m.time is None for m in c)]
    for cluster in undated:
        if (home := _dated_home(cluster, dated, context)) is not None:
            home.extend(cluster)
            cluster.clear()
    return [c for c in clusters if c]


def _dated_home(undated: Cluster, dated: list[Cluster], context: _Context) -> Cluster | None:
    """The only dated event an undated one can be, else None (when in doubt, keep apart).

    With a place, the only dated event of its family at that same town or
    facility (naming every place the undated one names). Without one, the
    only dated event of its family in the same story (its own article, or one
    naming someone or somewhere its own article names), and only when that names
    no one: a shared actor alone is no proof (one army withdraws many times).
    """
    if not any(_participants(m) for m in undated):
        return None  # a bare word ("the defeat") adds no source worth the doubt
    fitting = [d for d in dated if all(_classes_fit(m, d, context.facilities) for m in undated)]
    places = _places(undated)
    if places:
        candidates = [d for d in fitting if places & context.specific & _places(d) and places <= _places(d)]
        if not candidates and not any(m.actors or m.targets for m in undated):
            candidates = _placeless_in_same_article(undated, fitting, context)
    else:
        own = {m.article_id for m in undated}
        same_story = [d for d in fitting if any(context.same_story(a, m.article_id) for a in own for m in d)]
        candidates = same_story if len(same_story) == 1 and not any(_participants(m) for m in same_story[0]) else []
    return candidates[0] if len(candidates) == 1 else None


def _placeless_in_same_article(undated: Cluster, fitting: list[Cluster], context: _Context) -> list[Cluster]:
    """"convicted on Monday ... after a two-week trial in Denver": a place-only report of the
    one dated event of its family its own article tells, when that event names no town or site
    ("a tunnel collapsed at a mine in North West province ... The collapse happened near Leeuwbank")."""
    own = {m.article_id for m in undated}
    same_article = [d for d in fitting if own & {m.article_id for m in d}]
    return same_article if len(same_article) == 1 and not _places(same_article[0]) & context.specific else []


def _undated_fits(mention: EventMention, cluster: Cluster, places: set[str], actors: set[str], context: _Context) -> bool:
    """An undated report ("the attack") tells of what is news when it is written, at a place or by an actor it shares."""
    if not _recent(cluster, context.present):
        return False
    own_places = set(mention.places)
    if own_places & places & context.specific:
        return True  # the same facility or town
    # The same actor, and no place of its own that the event does not have (a country or region may be added).
    return bool(set(mention.actors) & actors) and own_places - places <= context.broad


def _statement_affinity(mention: EventMention, cluster: Cluster) -> float | None:
    """One speaker's statements of one day about one thing are one event."""
    if mention.time is None or not set(mention.actors) & set().union(*(o.actors for o in cluster)):
        return None
    if any(o.time is None or o.time.value != mention.time.value for o in cluster):
        return None
    if not any(_same_content(mention.content, o.content) for o in cluster):
        return None
    return 1.0


def _same_content(a: str | None, b: str | None) -> bool:
    """Whether two statements say the same: most words of the shorter one are in the other."""
    if not a or not b:
        return not a and not b
    words_a, words_b = set(_words(a)), set(_words(b))
    shorter = min(len(words_a), len(words_b)) or 1
    return len(words_a & words_b) / shorter >= SAME_CONTENT


def _words(text: str) -> list[str]:
    return [w for w in "".join(c.lower() if c.isalnum() else " " for c in text).split() if len(w) > 3]


def _score(mention: EventMention, cluster: Cluster, places: set[str], actors: set[str], context: _Context) -> float | None:
    others = set().union(*(_participants(o) for o in cluster))
    score = 2.0 * len(set(mention.places) & places) + len(set(mention.actors) & actors)
    score += 0.5 * len(_participants(mention) & others - set(mention.places) - set(mention.actors))
    if score == 0 and not _bare_fits(mention, cluster, context):
        return None
    if any(o.article_id == mention.article_id for o in cluster):
        score += 0.5
    if mention.time is not None and any(o.time is not None and o.time.value == mention.time.value for o in cluster):
        score += 0.25
    return score


def _bare_fits(mention: EventMention, cluster: Cluster, context: _Context) -> bool:
    """A dated mention without participants, or placed only in a country or region ("in northern
    Spain"), may join a dated event of its story whose count does not contradict it."""
    broad = context.broad
    if mention.time is None or all(o.time is None for o in cluster):
        return False
    if not any(context.same_story(mention.article_id, o.article_id) for o in cluster):
        return False  # "the nine fishermen arrested in April" is no arrest of another story
    if not _underspecified(mention) and not _completes(mention, cluster):
        # Told in a country or region only on one side ("in northern Spain", "near Torremora"),
        # unless the two name different countries or regions.
        if not (_placed_broadly([mention], broad) or _placed_broadly(cluster, broad)):
            return False
        own, theirs = set(mention.places) & broad, _places(cluster) & broad
        if own and theirs and not own & theirs:
            return False
    counts = {(o.counted, o.count) for o in cluster if o.count is not None}
    same_noun = {n for c, n in counts if c == mention.counted}
    return mention.count is None or not same_noun or mention.count in same_noun


def _completes(mention: EventMention, cluster: Cluster) -> bool:
    """One article telling who on one side and where on the other, of one day's event: "insurgents
    stormed a post in Namaquiri on Monday ... fighters of Ansar al-Rovuma attacked the post"."""
    same_article = any(o.article_id == mention.article_id for o in cluster)
    who_only = mention.actors and not mention.places and not any(o.actors for o in cluster)
    where_only = mention.places and not mention.actors and not any(o.places for o in cluster)
    return same_article and bool(who_only or where_only)


def _placed_broadly(mentions: Sequence[EventMention], broad: set[str]) -> bool:
    return all(set(m.places) <= broad and not m.actors and not m.targets for m in mentions)


def _times_compatible(a: EventMention, b: EventMention, same_scene: bool) -> bool:
    """Compatible at the coarser grain of the two, or a few days apart at one place for lasting events."""
    if a.time is None or b.time is None:
        return True
    ia, ib = time_interval(a.time), time_interval(b.time)
    if ia is None or ib is None:
        return True
    gap = day_gap(ia, ib)
    if gap == 0:
        return True
    span = min(event_classes()[a.event_class].span_days, event_classes()[b.event_class].span_days)
    return same_scene and a.time.grain == b.time.grain == "day" and gap <= span


def _recent(cluster: Cluster, present: date | None) -> bool:
    """Whether the cluster is dated within the news window before ``present``."""
    if present is None:
        return False
    window = timedelta(days=NEWS_WINDOW_DAYS)
    intervals = [time_interval(m.time) for m in cluster if m.time is not None]
    return any(i is not None and present - window <= i[1] and i[0] <= present for i in intervals)


def _event_order(event: Event) -> tuple:
    return (event.first_day or date.max, event.last_day or date.max, event.key, event.mentions[0].article_id)


def _unique_keys(events: list[Event]) -> list[Event]:
    """Number the second and later events that would share a key: ``...-2``, ``...-3``."""
    seen: dict[str, int] = {}
    unique = []
    for event in events:
        seen[event.key] = seen.get(event.key, 0) + 1
        if seen[event.key] > 1:
            event = replace(event, key=f"{event.key}-{seen[event.key]}")
        unique.append(event)
    return unique
