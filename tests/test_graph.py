"""kg.graph and kg.namespace: the triples of a hand-built corpus, IRIs, typing, and the ontology."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pyoxigraph as ox
import pytest
import rdflib
from graph_corpus import TEXT_A, small_corpus
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import KgError
from kg.graph import Iris, build_graph, corpus_triples, relation_predicate, slug, time_stamp_triples, to_rdflib
from kg.model import Article, Corpus
from kg.namespace import DEFAULT_BASE, ITSRDF, KG, NIF, SCHEMA, SEM
from kg.store import ONTOLOGY

BASE = DEFAULT_BASE


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return small_corpus()


@pytest.fixture(scope="module")
def graph(corpus) -> rdflib.Graph:
    return build_graph(corpus)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY)


def test_graph_build_holds_every_triple(corpus, graph):
    assert len(graph) == len(corpus_triples(corpus)) > 250
    assert dict(graph.namespaces())["schema"] == URIRef("https://schema.org/")


def test_graph_mentions_anchor_matches_text(corpus, graph):
    texts = {graph.value(a, SCHEMA.identifier).value: graph.value(a, NIF.isString).value for a in graph.subjects(RDF.type, NIF.Context)}
    phrases = list(graph.subjects(RDF.type, NIF.Phrase))
    mentions = sum(len(e.mentions) for e in corpus.entities) + sum(len(e.mentions) for e in corpus.events)
    assert len(phrases) >= mentions
    for phrase in phrases:
        article = graph.value(phrase, NIF.referenceContext)
        text = texts[graph.value(article, SCHEMA.identifier).value]
        begin, end = graph.value(phrase, NIF.beginIndex).toPython(), graph.value(phrase, NIF.endIndex).toPython()
        assert text[begin:end] == graph.value(phrase, NIF.anchorOf).value


def test_graph_mention_offsets_count_code_points(graph):
    # The second article opens with an emoji (four UTF-8 bytes, one code point).
    stormed = URIRef(f"{BASE}mention/b-2-txt/9-16")
    assert graph.value(stormed, NIF.anchorOf) == Literal("stormed")


@pytest.mark.parametrize(
    "key,predicate,literal,datatype",
    [
        ("event/attack-brightwater-prison-2023-03-07", SEM.hasTimeStamp, "2023-03-07", XSD.date),
        ("event/raid-brightwater-prison-2022-05", SEM.hasTimeStamp, "2022-05", XSD.gYearMonth),
        ("event/escape-brightwater-prison-2023-w09", SEM.hasBeginTimeStamp, "2023-02-27", XSD.date),
        ("event/escape-brightwater-prison-2023-w09", SEM.hasEndTimeStamp, "2023-03-05", XSD.date),
    ],
)
def test_graph_event_time_stamp_typed_at_grain(graph, key, predicate, literal, datatype):
    stamps = list(graph.objects(URIRef(BASE + key), predicate))
    assert stamps == [Literal(literal, datatype=datatype)]


def test_graph_week_event_has_no_single_time_stamp(graph):
    assert graph.value(URIRef(BASE + "event/escape-brightwater-prison-2023-w09"), SEM.hasTimeStamp) is None


@pytest.mark.parametrize(
    "value,grain,first,last,expected",
    [
        ("2021", "year", date(2021, 1, 1), date(2021, 12, 31), {(SEM.hasTimeStamp, Literal("2021", datatype=XSD.gYear))}),
        ("2021-08", "month", None, None, {(SEM.hasTimeStamp, Literal("2021-08", datatype=XSD.gYearMonth))}),
        ("2022-01-20TMO", "time", date(2022, 1, 20), date(2022, 1, 20), {(SEM.hasTimeStamp, Literal(date(2022, 1, 20)))}),
        ("2022-Q1", "quarter", date(2022, 1, 1), date(2022, 3, 31),
         {(SEM.hasBeginTimeStamp, Literal(date(2022, 1, 1))), (SEM.hasEndTimeStamp, Literal(date(2022, 3, 31)))}),
        ("PAST_REF", "ref", None, None, set()),
        # A value that does not fit its grain is not forced into a typed literal.
        ("2022-W03", "day", None, None, set()),
    ],
)
def test_graph_time_stamp_triples(value, grain, first, last, expected):
    node = ox.NamedNode("http://example.org/x")
    stamps = {(p, o) for _, p, o in map(to_rdflib, time_stamp_triples(node, value, grain, first, last)) if p in SEM}
    assert stamps == expected


def test_graph_iris_readable_under_base(corpus):
    graph = build_graph(corpus, base="https://news.example.net/graph/")
    subjects = {str(s) for s in graph.subjects()}
    assert "https://news.example.net/graph/entity/person/zoe-nadel" in subjects
    assert "https://news.example.net/graph/article/b-2-txt" in subjects
    assert "https://news.example.net/graph/event/attack-brightwater-prison-2023-03-07" in subjects
    assert "https://news.example.net/graph/mention/a-txt/0-9" in subjects
    assert not any(s.startswith(DEFAULT_BASE) for s in subjects)


def test_graph_base_gets_a_trailing_slash(corpus):
    subjects = {str(s) for s in build_graph(corpus, base="https://news.example.net/kg").subjects()}
    assert "https://news.example.net/kg/entity/place/eastford" in subjects


@pytest.mark.parametrize("base", ["not a base", "relative/path/", "http://bad host/"])
def test_graph_rejects_a_base_that_is_not_an_iri(corpus, base):
    with pytest.raises(KgError, match="not an absolute IRI"):
        corpus_triples(corpus, base)


@pytest.mark.parametrize("text,expected", [("000_ab12.txt", "000_ab12-txt"), ("B 2.TXT", "b-2-txt"), ("..", "x"), ("Zoë.txt", "zoë-txt")])
def test_graph_slug(text, expected):
    assert slug(text) == expected


def test_graph_article_slugs_never_collide():
    corpus = Corpus(articles=[Article("a.txt", "", "a.txt"), Article("a-txt", "", "a-txt"), Article("b.txt", "", "b.txt")])
    iris = Iris.for_corpus(corpus)
    assert len({iris.article(a.identifier) for a in corpus.articles}) == 3
    assert iris.article("b.txt").value == BASE + "article/b-txt"


def test_graph_unsafe_key_characters_are_encoded(corpus):
    entity = replace(corpus.entities[0], key='person/a "b" <c>', mentions=())
    triples = corpus_triples(Corpus(entities=[entity]))
    assert BASE + "entity/person/a%20%22b%22%20%3Cc%3E" in {s.value for s, _, _ in triples}


def test_graph_article_node(graph):
    article = URIRef(BASE + "article/a-txt")
    assert set(graph.objects(article, RDF.type)) == {SCHEMA.NewsArticle, NIF.Context}
    assert graph.value(article, SCHEMA.identifier) == Literal("a.txt")
    assert graph.value(article, SCHEMA.datePublished) == Literal(date(2023, 3, 10))
    assert graph.value(article, SCHEMA.headline) == Literal("Gunmen attack prison")
    assert graph.value(article, SCHEMA.url) == URIRef("https://news.example.com/a?id=1")
    assert graph.value(article, NIF.isString) == Literal(TEXT_A)
    assert graph.value(URIRef(BASE + "article/c-txt"), SCHEMA.datePublished) is None


def test_graph_publisher_is_the_entity_when_named(graph):
    assert graph.value(URIRef(BASE + "article/b-2-txt"), SCHEMA.publisher) == URIRef(BASE + "entity/organization/acme-relief")
    publisher = graph.value(URIRef(BASE + "article/a-txt"), SCHEMA.publisher)
    assert graph.value(publisher, RDFS.label) == Literal("Daily Example")
    assert (publisher, RDF.type, SCHEMA.Organization) in graph


def test_graph_entity_node(graph):
    nadel = URIRef(BASE + "entity/person/zoe-nadel")
    assert set(graph.objects(nadel, RDF.type)) == {SCHEMA.Person}
    assert graph.value(nadel, RDFS.label) == Literal("Zoë Nadel")
    assert set(graph.objects(nadel, SKOS.altLabel)) == {Literal("Nadel")}
    assert set(graph.objects(nadel, PROV.wasDerivedFrom)) == {URIRef(BASE + "article/a-txt"), URIRef(BASE + "article/c-txt")}
    assert graph.value(nadel, KG.mentionCount).toPython() == 3
    assert graph.value(nadel, KG.confidence) == Literal("0.9", datatype=XSD.decimal)
    assert len(list(graph.subjects(ITSRDF.taIdentRef, nadel))) == 3


@pytest.mark.parametrize(
    "key,classes",
    [
        ("place/brightwater-prison", {SCHEMA.Place, KG.Prison}),
        ("place/eastford", {SCHEMA.Place, KG.City}),
        ("organization/acme-relief", {SCHEMA.Organization}),
    ],
)
def test_graph_entity_types(graph, key, classes):
    assert set(graph.objects(URIRef(f"{BASE}entity/{key}"), RDF.type)) == classes


def test_graph_unknown_subtype_keeps_the_kind(corpus):
    entity = replace(corpus.entities[3], subtype="Spaceport", mentions=())
    types = {o for _, p, o in map(to_rdflib, corpus_triples(Corpus(entities=[entity]))) if p == RDF.type}
    assert types == {SCHEMA.Place}


def test_graph_event_node(graph):
    attack = URIRef(BASE + "event/attack-brightwater-prison-2023-03-07")
    assert set(graph.objects(attack, RDF.type)) == {SEM.Event, KG.Attack}
    assert graph.value(attack, SEM.hasPlace) == URIRef(BASE + "entity/place/brightwater-prison")
    assert graph.value(attack, KG.hasTarget) == URIRef(BASE + "entity/place/brightwater-prison")
    assert len(set(graph.objects(attack, PROV.wasDerivedFrom))) == 2
    talks = URIRef(BASE + "event/meeting-talks")
    assert graph.value(talks, SEM.hasActor) == URIRef(BASE + "entity/organization/acme-relief")


def test_graph_event_mentions_keep_their_own_count_and_time(graph):
    escape = URIRef(BASE + "event/escape-brightwater-prison-2023-w09")
    reports = list(graph.subjects(ITSRDF.taIdentRef, escape))
    assert all((r, RDF.type, KG.EventMention) in graph for r in reports)
    assert sorted(graph.value(r, KG.reportedCount).toPython() for r in reports) == [40, 45]
    told = [r for r in reports if graph.value(r, KG.reportedTime) is not None]
    assert [graph.value(r, KG.reportedTime) for r in told] == [Literal("2023-W09")]
    timex = graph.value(told[0], KG.hasTimeExpression)
    assert (timex, RDF.type, KG.TimeExpression) in graph
    assert graph.value(told[0], KG.speaker) == URIRef(BASE + "entity/person/zoe-nadel")
    assert {graph.value(r, KG.isHedged).toPython() for r in reports} == {True, False}


def test_graph_time_expression_phrase(graph):
    may = next(graph.subjects(NIF.anchorOf, Literal("in May")))
    assert (may, RDF.type, KG.TimeExpression) in graph
    assert graph.value(may, KG.timexValue) == Literal("2022-05")
    assert graph.value(may, KG.grain) == Literal("month")
    assert graph.value(may, KG.firstDay) == Literal(date(2022, 5, 1))
    assert graph.value(may, KG.lastDay) == Literal(date(2022, 5, 31))
    assert graph.value(may, KG.anchor) == Literal(date(2023, 3, 10))
    assert graph.value(may, KG.timexType) == Literal("DATE")
    assert graph.value(may, KG.rule) == Literal("test_month")


def test_graph_relations_plain_and_membership(graph):
    nadel, acme = URIRef(BASE + "entity/person/zoe-nadel"), URIRef(BASE + "entity/organization/acme-relief")
    assert (nadel, SCHEMA.worksFor, acme) in graph
    memberships = list(graph.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 2
    for node in memberships:
        assert graph.value(node, ORG.member) == nadel
        assert graph.value(node, ORG.organization) == acme
        assert graph.value(node, PROV.wasDerivedFrom) is not None
        assert graph.value(node, KG.evidenceBegin) is not None and graph.value(node, KG.evidenceEnd) is not None
    roles = [graph.value(graph.value(m, ORG.role), RDFS.label) for m in memberships]
    assert Literal("spokeswoman") in roles
    statement = next(graph.subjects(RDF.type, RDF.Statement))
    assert graph.value(statement, RDF.predicate) == SCHEMA.containedInPlace


@pytest.mark.parametrize("role,plain", [("spokeswoman", True), ("former treasurer", False), ("ex-minister", False), (None, True)])
def test_graph_past_role_keeps_membership_without_plain_works_for(corpus, role, plain):
    relation = replace(corpus.relations[0], role=role)
    triples = set(map(to_rdflib, corpus_triples(Corpus(relations=[relation]))))
    subject, obj = URIRef(BASE + "entity/" + relation.subject), URIRef(BASE + "entity/" + relation.object)
    assert ((subject, SCHEMA.worksFor, obj) in triples) is plain
    assert any(o == ORG.Membership for _, _, o in triples)


def test_graph_relations_sharing_a_span_get_numbered_iris(corpus):
    first = corpus.relations[0]
    second = replace(first, object="organization/other")
    triples = map(to_rdflib, corpus_triples(Corpus(relations=[second, first])))
    nodes = sorted({str(s) for s, p, o in triples if o == ORG.Membership})
    assert nodes == [f"{BASE}relation/a-txt/0-40", f"{BASE}relation/a-txt/0-40-2"]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("worksFor", SCHEMA.worksFor),
        ("containedInPlace", SCHEMA.containedInPlace),
        ("memberOf", SCHEMA.memberOf),
        ("hasTarget", KG.hasTarget),
        ("noSuchRelation", KG.relatedTo),
        ("bad name!", KG.relatedTo),
    ],
)
def test_graph_relation_predicate(name, expected):
    assert relation_predicate(name).value == str(expected)


def test_graph_same_corpus_same_triples():
    assert corpus_triples(small_corpus()) == corpus_triples(small_corpus())


def test_namespace_fails_on_unknown_term():
    with pytest.raises(AttributeError):
        KG.Attak  # noqa: B018
    with pytest.raises(AttributeError):
        SCHEMA.Persn  # noqa: B018


def test_namespace_matches_ontology(ontology):
    declared = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}
    assert declared == {URIRef(f"{KG._NS}{name}") for name in KG.__annotations__}


def test_namespace_ontology_terms_are_documented(ontology):
    for term in {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}:
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term
        if (term, RDF.type, OWL.Class) in ontology:
            assert ontology.value(term, RDFS.subClassOf) is not None, term


def superclasses(ontology: rdflib.Graph, cls: URIRef) -> set[URIRef]:
    return set(ontology.transitive_objects(cls, RDFS.subClassOf))


@pytest.mark.parametrize(
    "names,root",
    [
        (("Country", "City", "Region", "Facility", "Prison", "Airport", "MilitaryBase"), SCHEMA.Place),
        (("Group", "GovernmentOrganization", "MilitaryOrganization", "ArmedGroup", "NewsOrganization"), SCHEMA.Organization),
        (("Attack", "Bombing", "Siege", "Surrender", "Statement", "Killing", "Escape"), SEM.Event),
        (("TimeExpression", "EventMention"), NIF.Phrase),
    ],
)
def test_namespace_subclasses_reach_standard_classes(ontology, names, root):
    for name in names:
        assert root in superclasses(ontology, KG[name]), name


def test_namespace_declares_the_event_classes_of_the_events_stage(ontology):
    from kg.events import event_classes

    for cls in event_classes().values():
        parent = SEM.Event if cls.parent is None else KG[cls.parent]
        assert (KG[cls.name], RDFS.subClassOf, parent) in ontology, f"ontology/kg.ttl: declare kg:{cls.name} under {parent}"
