"""Turn a corpus into RDF triples (the vocabulary is README.md's "Vocabulary and IRIs").

In: a ``Corpus`` (articles, entities with their mentions, time expressions,
relations, events with their mentions) and a base IRI. Out: the set of
triples as pyoxigraph terms (``corpus_triples``: made in Rust, several times
faster than rdflib terms, and what ``kg.export`` serialises) and, for callers
that want rdflib's API, an ``rdflib.Graph`` view of them (``build_graph``).

Every IRI is deterministic and readable under the base:
``<base>article/<file-slug>``, ``<base>entity/<entity key>``,
``<base><event key>``, ``<base>mention/<article-slug>/<begin>-<end>``,
``<base>relation/<article-slug>/<begin>-<end>[-n]``, ``<base>role/<slug>``.
No blank nodes, so the same corpus always gives the same triples.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox
import rdflib
from rdflib.namespace import ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

from kg import names
from kg.errors import KgError
from kg.model import Article, Corpus, Entity, Event, EventMention, Relation, TimeExpression
from kg.namespace import DEFAULT_BASE, ITSRDF, KG, NIF, PREFIXES, SCHEMA, SEM, OxTerms

__all__ = ["DEFAULT_BASE", "Iris", "Triple", "build_graph", "corpus_triples", "instance_prefixes", "to_rdflib"]

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]

rdf, rdfs, xsd, skos, prov, org = (OxTerms(ns) for ns in (RDF, RDFS, XSD, SKOS, PROV, ORG))
schema, sem, nif, itsrdf, kgv = (OxTerms(ns) for ns in (SCHEMA, SEM, NIF, ITSRDF, KG))

KIND_CLASSES = {"Person": schema.Person, "Organization": schema.Organization, "Place": schema.Place}
# Relations that also get an n-ary org:Membership node (member, organisation, role).
MEMBERSHIP_PREDICATES = frozenset({"worksFor", "memberOf"})
# A time value typed at its grain: xsd:date, xsd:gYearMonth or xsd:gYear.
GRAIN_TYPES = {
    "day": (re.compile(r"\d{4}-\d{2}-\d{2}"), xsd.date),
    "month": (re.compile(r"\d{4}-\d{2}"), xsd.gYearMonth),
    "year": (re.compile(r"\d{4}"), xsd.gYear),
}
# A term name we may look up in a vocabulary (a local name, no punctuation).
TERM_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Characters an IRI may not hold; they are percent-encoded, everything else stays readable.
IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def slug(text: str) -> str:
    """A readable IRI segment: ``slug("000_ab.txt") == "000_ab-txt"``."""
    return re.sub(r"[^\w-]+", "-", text.casefold()).strip("-") or "x"


def iri_safe(text: str) -> str:
    """Percent-encode only what an IRI cannot hold: ``iri_safe("a b") == "a%20b"``."""
    return IRI_UNSAFE.sub(lambda m: "".join(f"%{byte:02X}" for byte in m.group().encode()), text)


@dataclass(frozen=True)
class Iris:
    """Mints the IRIs of one build; article slugs are made unique over the corpus."""

    base: str
    article_slugs: dict[str, str]

    @classmethod
    def for_corpus(cls, corpus: Corpus, base: str = DEFAULT_BASE) -> Iris:
        base = normal_base(base)
        ids = sorted({a.identifier for a in corpus.articles})
        by_slug: dict[str, list[str]] = defaultdict(list)
        for identifier in ids:
            by_slug[slug(identifier)].append(identifier)
        slugs = {}
        for name, owners in by_slug.items():
            for identifier in owners:
                # Two files whose names slug alike ("a.txt", "a_txt") each get a short digest.
                slugs[identifier] = name if len(owners) == 1 else f"{name}-{_digest(identifier)}"
        return cls(base, slugs)

    def article_slug(self, article_id: str) -> str:
        return self.article_slugs.get(article_id) or slug(article_id)

    def article(self, article_id: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}article/{self.article_slug(article_id)}")

    def entity(self, key: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}entity/{iri_safe(key)}")

    def event(self, key: str) -> ox.NamedNode:
        return ox.NamedNode(self.base + iri_safe(key))

    def mention(self, article_id: str, start: int, end: int) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}mention/{self.article_slug(article_id)}/{start}-{end}")

    def relation(self, article_id: str, start: int, end: int, number: int) -> ox.NamedNode:
        suffix = "" if number == 1 else f"-{number}"
        return ox.NamedNode(f"{self.base}relation/{self.article_slug(article_id)}/{start}-{end}{suffix}")

    def role(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}role/{slug(name)}")

    def publisher(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}publisher/{slug(name)}")


def normal_base(base: str) -> str:
    """The base IRI, ending in ``/`` or ``#`` so that minted IRIs stay readable.

    Raises KgError when it is not an absolute IRI.
    """
    if not base.endswith(("/", "#")):
        base += "/"
    if ":" not in base or not _is_iri(base):
        raise KgError(f"base IRI {base!r} is not an absolute IRI; use one like {DEFAULT_BASE}")
    return base


def _is_iri(text: str) -> bool:
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:8]


def build_graph(corpus: Corpus, base: str = DEFAULT_BASE) -> rdflib.Graph:
    """The corpus as an rdflib Graph with our prefixes bound.

    Args:
        corpus: what the build found.
        base: the namespace instance IRIs are minted under.
    Returns:
        A Graph in rdflib's in-memory store, for rdflib's API. Large graphs are
        better served by ``corpus_triples`` and the pyoxigraph writers of
        ``kg.export`` (rdflib terms cost several times more to make).
    """
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in {**PREFIXES, **instance_prefixes(corpus, base)}.items():
        graph.bind(prefix, namespace)
    graph.addN((*to_rdflib(triple), graph) for triple in corpus_triples(corpus, base))
    return graph


def to_rdflib(triple: Triple) -> tuple[rdflib.URIRef, rdflib.URIRef, rdflib.URIRef | rdflib.Literal]:
    """A pyoxigraph triple as rdflib terms (a plain string stays a plain literal, as Turtle parses it)."""
    subject, predicate, obj = triple
    if isinstance(obj, ox.NamedNode):
        term = rdflib.URIRef(obj.value)
    elif obj.language:
        term = rdflib.Literal(obj.value, lang=obj.language)
    elif obj.datatype == xsd.string:
        term = rdflib.Literal(obj.value)
    else:
        term = rdflib.Literal(obj.value, datatype=rdflib.URIRef(obj.datatype.value))
    return rdflib.URIRef(subject.value), rdflib.URIRef(predicate.value), term


def instance_prefixes(corpus: Corpus, base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes for the instance IRIs (``article:``, ``event:``, ``person:``, ...), for short Turtle."""
    base = normal_base(base)
    prefixes = {name: f"{base}{name}/" for name in ("article", "mention", "relation", "role", "publisher")}
    kinds = {e.key.split("/", 1)[0] for e in corpus.entities if "/" in e.key}
    kinds |= {e.key.split("/", 1)[0] for e in corpus.events if "/" in e.key}
    for kind in sorted(kinds):
        if re.fullmatch(r"[a-z][a-z0-9-]*", kind) and kind not in PREFIXES and kind not in prefixes:
            # Events live at <base><key>, entities at <base>entity/<key>.
            prefixes[kind] = f"{base}{kind}/" if kind == "event" else f"{base}entity/{kind}/"
    return prefixes


def corpus_triples(corpus: Corpus, base: str = DEFAULT_BASE) -> set[Triple]:
    """Every triple of the corpus's graph (a set: duplicates collapse, order is the writer's job)."""
    iris = Iris.for_corpus(corpus, base)
    texts = {a.identifier: a.text for a in corpus.articles}
    triples: set[Triple] = set()
    for article in corpus.articles:
        triples.update(article_triples(article, iris, corpus.entities))
    for entity in corpus.entities:
        triples.update(entity_triples(entity, iris, texts))
    for article_id, expressions in corpus.time_expressions.items():
        for expression in expressions:
            triples.update(time_expression_triples(article_id, expression, iris, texts))
    for event in corpus.events:
        triples.update(event_triples(event, iris, texts))
    triples.update(relation_triples(corpus.relations, iris))
    return triples


def article_triples(article: Article, iris: Iris, entities: Iterable[Entity] = ()) -> Iterator[Triple]:
    """An article as schema:NewsArticle and nif:Context holding its whole text."""
    node = iris.article(article.identifier)
    yield node, rdf.type, schema.NewsArticle
    yield node, rdf.type, nif.Context
    yield node, schema.identifier, ox.Literal(article.identifier)
    yield node, nif.isString, ox.Literal(article.text)
    yield node, nif.beginIndex, _index(0)
    yield node, nif.endIndex, _index(len(article.text))
    if article.publication_date:
        yield node, schema.datePublished, _day(article.publication_date)
    if article.title:
        yield node, schema.headline, ox.Literal(article.title)
    if article.url:
        yield node, schema.url, _url(article.url)
    if article.outlet:
        yield from publisher_triples(node, article.outlet, iris, entities)


def publisher_triples(article_node: ox.NamedNode, outlet: str, iris: Iris, entities: Iterable[Entity]) -> Iterator[Triple]:
    """schema:publisher -> the organisation entity of that name if the text mentions it, else a node of its own."""
    wanted = outlet.casefold()
    for entity in entities:
        names = {entity.label.casefold(), *(n.casefold() for n in entity.alt_labels)}
        if entity.kind == "Organization" and wanted in names:
            yield article_node, schema.publisher, iris.entity(entity.key)
            return
    publisher = iris.publisher(outlet)
    yield article_node, schema.publisher, publisher
    yield publisher, rdf.type, schema.Organization
    yield publisher, rdfs.label, ox.Literal(outlet)


def entity_triples(entity: Entity, iris: Iris, texts: dict[str, str]) -> Iterator[Triple]:
    """An entity node, its names and provenance, and one nif:Phrase per mention."""
    node = iris.entity(entity.key)
    for cls in entity_classes(entity.kind, entity.subtype):
        yield node, rdf.type, cls
    yield node, rdfs.label, ox.Literal(entity.label)
    for alt in entity.alt_labels:
        if alt != entity.label:
            yield node, skos.altLabel, ox.Literal(alt)
    for article_id in entity.article_ids:
        yield node, prov.wasDerivedFrom, iris.article(article_id)
    yield node, kgv.confidence, _decimal(entity.confidence)
    yield node, kgv.mentionCount, _integer(len(entity.mentions))
    for mention in entity.mentions:
        phrase = iris.mention(mention.article_id, mention.start, mention.end)
        yield from phrase_triples(phrase, mention.article_id, mention.start, mention.end, mention.text, iris, texts)
        yield phrase, itsrdf.taIdentRef, node


def entity_classes(kind: str, subtype: str | None) -> list[ox.NamedNode]:
    """The schema.org class of the kind, plus our subclass when the subtype names one.

    Both types are written so that ``?x a schema:Place`` finds a city without the ontology.
    """
    classes = [KIND_CLASSES.get(kind) or kg_term(kind) or schema.Thing]
    if subtype and (sub := kg_term(subtype)):
        classes.append(sub)
    return classes


def kg_term(name: str | None) -> ox.NamedNode | None:
    """Our term of that name if the ontology declares it, else None."""
    if not name or not TERM_NAME.fullmatch(name):
        return None
    iri = f"{KG._NS}{name}"
    return ox.NamedNode(iri) if iri in KG else None


def phrase_triples(
    phrase: ox.NamedNode, article_id: str, start: int, end: int, text: str, iris: Iris, texts: dict[str, str]
) -> Iterator[Triple]:
    """A nif:Phrase; anchorOf is cut from the article text so ``text[begin:end] == anchorOf`` holds."""
    anchor = texts[article_id][start:end] if article_id in texts else text
    yield phrase, rdf.type, nif.Phrase
    yield phrase, nif.beginIndex, _index(start)
    yield phrase, nif.endIndex, _index(end)
    yield phrase, nif.anchorOf, ox.Literal(anchor)
    yield phrase, nif.referenceContext, iris.article(article_id)


def time_expression_triples(article_id: str, expression: TimeExpression, iris: Iris, texts: dict[str, str]) -> Iterator[Triple]:
    """A time expression as a nif:Phrase carrying its TIMEX3 value and how it was resolved."""
    phrase = iris.mention(article_id, expression.start, expression.end)
    yield from phrase_triples(phrase, article_id, expression.start, expression.end, expression.text, iris, texts)
    yield phrase, rdf.type, kgv.TimeExpression
    yield phrase, kgv.timexValue, ox.Literal(expression.value)
    yield phrase, kgv.timexType, ox.Literal(expression.type)
    yield phrase, kgv.grain, ox.Literal(expression.grain)
    if expression.rule:
        yield phrase, kgv.rule, ox.Literal(expression.rule)
    if expression.anchor:
        yield phrase, kgv.anchor, _day(expression.anchor)
    if expression.first_day:
        yield phrase, kgv.firstDay, _day(expression.first_day)
    if expression.last_day:
        yield phrase, kgv.lastDay, _day(expression.last_day)


def event_triples(event: Event, iris: Iris, texts: dict[str, str]) -> Iterator[Triple]:
    """An event node (typed, dated at its grain, with roles and sources) and its mentions."""
    node = iris.event(event.key)
    yield node, rdf.type, sem.Event
    if cls := kg_term(event.event_class):
        yield node, rdf.type, cls
    yield node, rdfs.label, ox.Literal(event.label)
    for key in event.actors:
        yield node, sem.hasActor, iris.entity(key)
    for key in event.targets:
        yield node, kgv.hasTarget, iris.entity(key)
    for key in event.places:
        yield node, sem.hasPlace, iris.entity(key)
    yield from time_stamp_triples(node, event.value, event.grain, event.first_day, event.last_day)
    for article_id in event.article_ids:
        yield node, prov.wasDerivedFrom, iris.article(article_id)
    yield node, kgv.mentionCount, _integer(len(event.mentions))
    for mention in event.mentions:
        yield from event_mention_triples(mention, node, iris, texts)


def time_stamp_triples(
    node: ox.NamedNode, value: str | None, grain: str | None, first_day: date | None, last_day: date | None
) -> Iterator[Triple]:
    """sem:hasTimeStamp typed at the grain (xsd:date, gYearMonth, gYear), else begin/end days.

    kg:firstDay / kg:lastDay are always given when known, so events of mixed
    grains sort together in SPARQL (``ORDER BY ?firstDay``).
    """
    pattern, datatype = GRAIN_TYPES.get(grain or "", (None, None))
    if value:
        yield node, kgv.timexValue, ox.Literal(value)
    if grain:
        yield node, kgv.grain, ox.Literal(grain)
    if pattern and value and pattern.fullmatch(value):
        yield node, sem.hasTimeStamp, ox.Literal(value, datatype=datatype)
    elif first_day and first_day == last_day:
        yield node, sem.hasTimeStamp, _day(first_day)
    elif first_day and last_day:
        yield node, sem.hasBeginTimeStamp, _day(first_day)
        yield node, sem.hasEndTimeStamp, _day(last_day)
    if first_day:
        yield node, kgv.firstDay, _day(first_day)
    if last_day:
        yield node, kgv.lastDay, _day(last_day)


def event_mention_triples(mention: EventMention, event_node: ox.NamedNode, iris: Iris, texts: dict[str, str]) -> Iterator[Triple]:
    """One article's report of an event, with its own time and count so disagreements stay visible."""
    phrase = iris.mention(mention.article_id, mention.start, mention.end)
    yield from phrase_triples(phrase, mention.article_id, mention.start, mention.end, mention.text, iris, texts)
    yield phrase, rdf.type, kgv.EventMention
    yield phrase, itsrdf.taIdentRef, event_node
    yield phrase, kgv.triggerLemma, ox.Literal(mention.lemma)
    yield phrase, kgv.isReportedSpeech, _boolean(mention.reported)
    yield phrase, kgv.isHedged, _boolean(mention.hedged)
    if mention.count is not None:
        yield phrase, kgv.reportedCount, _integer(mention.count)
        if mention.counted:
            yield phrase, kgv.countedNoun, ox.Literal(mention.counted)
    if mention.speaker:
        yield phrase, kgv.speaker, iris.entity(mention.speaker)
    if mention.time:
        yield phrase, kgv.reportedTime, ox.Literal(mention.time.value)
        yield phrase, kgv.hasTimeExpression, iris.mention(mention.article_id, mention.time.start, mention.time.end)
        yield from time_expression_triples(mention.article_id, mention.time, iris, texts)


def relation_triples(relations: Iterable[Relation], iris: Iris) -> Iterator[Triple]:
    """A plain triple per relation, plus an n-ary node per piece of evidence.

    worksFor / memberOf become org:Membership (member, organisation, role);
    other predicates an rdf:Statement. Both carry the article and the
    evidence span. Relations sharing one span are numbered in sorted order.
    """
    by_span: dict[tuple[str, int, int], list[Relation]] = defaultdict(list)
    for relation in relations:
        by_span[relation.article_id, relation.evidence_start, relation.evidence_end].append(relation)
    for (article_id, start, end), group in by_span.items():
        ordered = sorted(set(group), key=lambda r: (r.subject, r.predicate, r.object, r.role or "", r.rule, r.confidence))
        for number, relation in enumerate(ordered, 1):
            node = iris.relation(article_id, start, end, number)
            yield from relation_node_triples(node, relation, iris)


def relation_node_triples(node: ox.NamedNode, relation: Relation, iris: Iris) -> Iterator[Triple]:
    subject, obj = iris.entity(relation.subject), iris.entity(relation.object)
    predicate = relation_predicate(relation.predicate)
    if not names.is_past_role(relation.role):
        yield subject, predicate, obj
    if relation.predicate in MEMBERSHIP_PREDICATES:
        yield node, rdf.type, org.Membership
        yield node, org.member, subject
        yield node, org.organization, obj
        if relation.role:
            role = iris.role(relation.role)
            yield node, org.role, role
            yield role, rdf.type, org.Role
            yield role, rdfs.label, ox.Literal(relation.role)
    else:
        yield node, rdf.type, rdf.Statement
        yield node, rdf.subject, subject
        yield node, rdf.predicate, predicate
        yield node, rdf.object, obj
    yield node, prov.wasDerivedFrom, iris.article(relation.article_id)
    yield node, kgv.evidenceBegin, _index(relation.evidence_start)
    yield node, kgv.evidenceEnd, _index(relation.evidence_end)
    yield node, kgv.confidence, _decimal(relation.confidence)
    if relation.rule:
        yield node, kgv.rule, ox.Literal(relation.rule)


def relation_predicate(name: str) -> ox.NamedNode:
    """schema.org's property of that name, else ours, else kg:relatedTo."""
    if TERM_NAME.fullmatch(name):
        iri = f"{SDO._NS}{name}"
        if iri in SDO:
            return ox.NamedNode(iri)
    return kg_term(name) or kgv.relatedTo


def _index(offset: int) -> ox.Literal:
    return ox.Literal(str(offset), datatype=xsd.nonNegativeInteger)


def _integer(number: int) -> ox.Literal:
    return ox.Literal(str(number), datatype=xsd.integer)


def _boolean(flag: bool) -> ox.Literal:
    return ox.Literal("true" if flag else "false", datatype=xsd.boolean)


def _day(day: date) -> ox.Literal:
    return ox.Literal(day.isoformat(), datatype=xsd.date)


def _decimal(value: float) -> ox.Literal:
    # Rounded so that float noise never changes the output bytes.
    return ox.Literal(repr(round(float(value), 3)), datatype=xsd.decimal)


def _url(url: str) -> ox.NamedNode | ox.Literal:
    """An IRI when the URL is one, else a literal (a malformed URL must not break the Turtle)."""
    if re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", url):
        return ox.NamedNode(url)
    return ox.Literal(url)
