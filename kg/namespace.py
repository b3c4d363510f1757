"""The vocabularies of the graph: ours (``KG``) and the standard ones we reuse.

In: nothing. Out: rdflib ``DefinedNamespace`` classes (a typo in a term name
raises ``AttributeError`` instead of minting a wrong IRI), ``OxTerms`` (the
same terms as pyoxigraph nodes, for the graph builder), ``PREFIXES`` (the
prefix map every serialisation declares) and ``DEFAULT_BASE`` (where
instance IRIs live unless the user picks another base). ``ontology/kg.ttl``
declares every ``KG`` term with its links to the standard terms;
``tests/test_graph.py`` checks that the two stay in step.
"""

from __future__ import annotations

from pyoxigraph import NamedNode
from rdflib import Namespace, URIRef
from rdflib.namespace import ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

__all__ = ["DEFAULT_BASE", "ITSRDF", "KG", "NIF", "ORG", "PREFIXES", "PROV", "SCHEMA", "SEM", "SKOS", "XSD", "OxTerms"]

# Instance IRIs (articles, entities, events, mentions) go under this base; the
# vocabulary below does not, so a user-chosen base never changes a term.
DEFAULT_BASE = "http://example.org/kg/"


class KG(DefinedNamespace):
    """Our own terms, only where no standard one fits (declared in ontology/kg.ttl)."""

    _fail = True
    _NS = Namespace("http://example.org/ontology/kg#")

    # Places, organisations (subclasses of the schema.org ones)
    Country: URIRef
    City: URIRef
    Region: URIRef  # a state, province, governorate or other region
    Facility: URIRef  # a building or site: a prison, an airport, a base
    Prison: URIRef
    Airport: URIRef
    MilitaryBase: URIRef
    Group: URIRef  # a people named by nationality, religion or politics
    GovernmentOrganization: URIRef
    MilitaryOrganization: URIRef
    ArmedGroup: URIRef
    NewsOrganization: URIRef

    # Events (subclasses of sem:Event): the classes of kg/resources/en/events_classes.tsv
    Attack: URIRef
    Siege: URIRef
    Bombing: URIRef
    Battle: URIRef
    MilitaryOperation: URIRef
    Invasion: URIRef
    Killing: URIRef
    Death: URIRef
    Injury: URIRef
    Capture: URIRef
    Recapture: URIRef
    Arrest: URIRef
    Detention: URIRef
    Deployment: URIRef
    Escape: URIRef
    Surrender: URIRef
    Withdrawal: URIRef
    Defeat: URIRef
    Release: URIRef
    Election: URIRef
    Appointment: URIRef
    Resignation: URIRef
    Meeting: URIRef
    Agreement: URIRef
    Protest: URIRef
    Trial: URIRef
    Disaster: URIRef
    Statement: URIRef

    # Mentions (subclasses of nif:Phrase)
    TimeExpression: URIRef
    EventMention: URIRef

    # Entity and event bookkeeping
    confidence: URIRef
    mentionCount: URIRef
    rule: URIRef

    # Time expressions (and the time of an event at its grain)
    timexValue: URIRef
    timexType: URIRef
    grain: URIRef
    firstDay: URIRef
    lastDay: URIRef
    anchor: URIRef

    # Event roles and what one article says about an event
    hasTarget: URIRef
    hasTimeExpression: URIRef
    reportedTime: URIRef
    reportedCount: URIRef
    countedNoun: URIRef
    isReportedSpeech: URIRef
    isHedged: URIRef
    speaker: URIRef
    triggerLemma: URIRef

    # Relations: evidence span and a fallback predicate
    evidenceBegin: URIRef
    evidenceEnd: URIRef
    relatedTo: URIRef

    # Persistent stores: the SHA-256 of the Turtle file a store was loaded from
    sourceDigest: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms we write (rdflib's SDO accepts any name; this one fails on typos)."""

    _fail = True
    _NS = Namespace("https://schema.org/")

    Thing: URIRef
    NewsArticle: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    AdministrativeArea: URIRef
    CivicStructure: URIRef
    Airport: URIRef
    GovernmentOrganization: URIRef
    NewsMediaOrganization: URIRef
    identifier: URIRef
    datePublished: URIRef
    headline: URIRef
    url: URIRef
    publisher: URIRef
    name: URIRef
    worksFor: URIRef
    memberOf: URIRef
    containedInPlace: URIRef


class SEM(DefinedNamespace):
    """Simple Event Model (the terms we use)."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTimeStamp: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format core (the terms we use)."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Context: URIRef
    Phrase: URIRef
    String: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
    isString: URIRef


class ITSRDF(DefinedNamespace):
    """Internationalization Tag Set RDF (the term we use)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")

    taIdentRef: URIRef


# Declared by every serialisation, so Turtle and query results stay short.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "schema": str(SCHEMA._NS),
    "sem": str(SEM._NS),
    "nif": str(NIF._NS),
    "itsrdf": str(ITSRDF._NS),
    "prov": str(PROV._NS),
    "org": str(ORG._NS),
    "skos": str(SKOS._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "owl": str(OWL._NS),
    "xsd": str(XSD._NS),
    "time": str(TIME._NS),
}


class OxTerms:
    """The terms of an rdflib namespace as pyoxigraph NamedNodes: ``OxTerms(SCHEMA).Person``.

    Each term is converted once and then kept as a plain attribute (fast in
    the graph builder's inner loops); a name the namespace does not define
    still raises, as with the rdflib namespace itself.
    """

    def __init__(self, namespace: type[DefinedNamespace]) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node
