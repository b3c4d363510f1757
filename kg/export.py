"""Write a build's outputs: Turtle, Gephi-shaped GraphML and dynamic GEXF, merges.tsv.

In: a ``Corpus``, an output folder, a base IRI and extra text files (name ->
text, e.g. the chronology). Out: the files, each written to a temporary file
beside its target and renamed over it, so an interrupted run leaves either
the old file or the new one, never half of one. The same corpus gives
byte-identical files: triples are sorted and serialised by pyoxigraph (about
25 times faster than rdflib's Turtle writer), nodes and edges are added to
networkx in sorted order, and GEXF's "last modified" date is the corpus's
latest date, not the clock.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib.namespace import RDF

from kg.errors import KgError
from kg.graph import Iris, Triple, corpus_triples, instance_prefixes, kg_term
from kg.model import Corpus, Entity, Event, Merge
from kg.namespace import DEFAULT_BASE, PREFIXES

__all__ = ["GRAPH_FILES", "TURTLE_FILE", "atomic_writer", "build_network", "write_outputs", "write_turtle"]

TURTLE_FILE, GRAPHML_FILE, GEXF_FILE, MERGES_FILE = "graph.ttl", "graph.graphml", "graph.gexf", "merges.tsv"
GRAPH_FILES = (TURTLE_FILE, GRAPHML_FILE, GEXF_FILE, MERGES_FILE)
MERGES_HEADER = ("entity", "surface_a", "surface_b", "rule", "evidence")
# Gephi colours by kind (r, g, b); anything else is grey.
COLOURS = {
    "Person": (231, 76, 60),
    "Organization": (52, 152, 219),
    "Place": (46, 204, 113),
    "Event": (243, 156, 18),
}
OTHER_COLOUR = (149, 165, 166)
RDF_TYPE = str(RDF.type)


def write_outputs(
    corpus: Corpus, out_dir: Path, base: str = DEFAULT_BASE, extra_files: Mapping[str, str] = {}
) -> dict[str, Path]:
    """Write graph.ttl, graph.graphml, graph.gexf, merges.tsv and the extra files into ``out_dir``.

    Args:
        corpus: what the build found.
        out_dir: the folder to write into (created if missing).
        base: the namespace instance IRIs are minted under.
        extra_files: file name -> text, written as UTF-8 beside the graph.
    Returns:
        File name -> path of every file written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in extra_files:
        if Path(name).name != name or name.startswith(".") or name in GRAPH_FILES:
            raise KgError(f"extra output {name!r}: must be a plain file name other than the graph files")
    paths = {name: out_dir / name for name in (*GRAPH_FILES, *sorted(extra_files))}

    prefixes = {**PREFIXES, **instance_prefixes(corpus, base)}
    write_turtle(corpus_triples(corpus, base), paths[TURTLE_FILE], prefixes)
    network = build_network(corpus, base)
    write_graphml(network, paths[GRAPHML_FILE])
    write_gexf(network, paths[GEXF_FILE], last_modified=latest_date(corpus))
    write_merges(corpus.merges, paths[MERGES_FILE])
    for name, text in extra_files.items():
        with atomic_writer(paths[name]) as handle:
            handle.write(text.encode("utf-8"))
    return paths


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``path`` for binary writing; rename it over ``path`` on success.

    On any error the temporary file is removed and ``path`` is left as it was.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            temporary.unlink()
        raise


# --- Turtle -----------------------------------------------------------------


def sort_key(triple: Triple | ox.Triple) -> tuple[str, bool, str, str]:
    """Subject, then rdf:type first, then predicate and object, all by their N-Triples form."""
    subject, predicate, obj = triple
    return subject.value, predicate.value != RDF_TYPE, predicate.value, str(obj)


def write_turtle(triples: Iterable[Triple], path: Path, prefixes: Mapping[str, str] = PREFIXES) -> None:
    """Sorted Turtle with the prefixes declared, serialised by pyoxigraph, written atomically."""
    ordered = [ox.Triple(*triple) for triple in sorted(triples, key=sort_key)]
    data = ox.serialize(ordered, None, ox.RdfFormat.TURTLE, prefixes=dict(prefixes))
    with atomic_writer(path) as handle:
        handle.write(sorted_prefix_lines(data, len(prefixes)))


def sorted_prefix_lines(turtle: bytes, most: int) -> bytes:
    """The Turtle with its leading @prefix lines in alphabetical order (pyoxigraph picks its own order)."""
    lines = turtle.split(b"\n", most)
    count = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join([*sorted(lines[:count]), *lines[count:]])


# --- GraphML / GEXF -----------------------------------------------------------


def build_network(corpus: Corpus, base: str = DEFAULT_BASE):
    """Entities and events as nodes, relations and event roles as edges, with Gephi's attributes.

    Every node has label, type, kind, iri, mentions, articles, size, r, g, b
    and, when the corpus holds any date, start and end (ISO days); every edge
    has label, kind and weight. Each key has one type and no value is empty.
    """
    import networkx as nx

    iris = Iris.for_corpus(corpus, base)
    intervals = node_intervals(corpus)
    network = nx.MultiDiGraph()
    nodes = {e.key: entity_node(e, iris) for e in corpus.entities}
    nodes.update({e.key: event_node(e, iris) for e in corpus.events})
    for key in sorted(nodes):
        attributes = nodes[key]
        if key in intervals:
            attributes["start"], attributes["end"] = (day.isoformat() for day in intervals[key])
        network.add_node(node_id(key), **attributes)
    for (source, label, target, kind), weight in sorted(edge_weights(corpus).items()):
        if source in nodes and target in nodes:
            source, target = node_id(source), node_id(target)
            # A unique, readable edge id: Gephi merges edges that share one.
            network.add_edge(source, target, key=f"{source}__{label}__{target}", label=label, kind=kind, weight=float(weight))
    return network


def node_id(key: str) -> str:
    """A key as a GraphML id (an XML NMTOKEN): ``node_id("person/jo-ann") == "person:jo-ann"``."""
    return re.sub(r"[^\w.:-]", "_", key.replace("/", ":"))


def entity_node(entity: Entity, iris: Iris) -> dict:
    return gephi_node(
        label=entity.label,
        type=entity.subtype if kg_term(entity.subtype) else entity.kind,
        kind=entity.kind,
        iri=iris.entity(entity.key).value,
        mentions=len(entity.mentions),
        articles=len(entity.article_ids),
    )


def event_node(event: Event, iris: Iris) -> dict:
    return gephi_node(
        label=event.label,
        type=event.event_class if kg_term(event.event_class) else "Event",
        kind="Event",
        iri=iris.event(event.key).value,
        mentions=len(event.mentions),
        articles=len(event.article_ids),
    )


def gephi_node(*, label: str, type: str, kind: str, iri: str, mentions: int, articles: int) -> dict:
    r, g, b = COLOURS.get(kind, OTHER_COLOUR)
    return {
        "label": label or iri,
        "type": type or kind or "Thing",
        "kind": kind or "Thing",
        "iri": iri,
        "mentions": mentions,
        "articles": articles,
        # Area grows with mentions; a node seen once is still visible.
        "size": round(10.0 + 6.0 * math.sqrt(mentions), 2),
        "r": r,
        "g": g,
        "b": b,
    }


def edge_weights(corpus: Corpus) -> Counter[tuple[str, str, str, str]]:
    """(source, label, target, kind) -> how many pieces of evidence support the edge."""
    weights: Counter[tuple[str, str, str, str]] = Counter()
    for relation in corpus.relations:
        weights[relation.subject, relation.predicate, relation.object, "relation"] += 1
    for event in corpus.events:
        for role, keys in (("actor", event.actors), ("target", event.targets), ("place", event.places)):
            for key in keys:
                # Weight: how many reports name this participant in this role (at least one).
                told = sum(key in getattr(m, f"{role}s") for m in event.mentions)
                weights[event.key, role, key, "role"] = max(told, 1)
    return weights


def node_intervals(corpus: Corpus) -> dict[str, tuple[date, date]]:
    """Node key -> (start, end) days for Gephi's timeline.

    An event spans its own days, else the publication of its first report. An
    entity spans its events and the publication dates of the articles that
    name it. A node with no date at all spans the whole corpus, so either
    every node is dated or (a corpus with no date anywhere) none is.
    """
    published = {a.identifier: a.publication_date for a in corpus.articles if a.publication_date}
    days: dict[str, list[date]] = {}
    for event in corpus.events:
        reported = [published[a] for a in event.article_ids if a in published]
        own = [d for d in (event.first_day, event.last_day) if d]
        days[event.key] = own or ([min(reported)] if reported else [])
    for entity in corpus.entities:
        days[entity.key] = [published[a] for a in entity.article_ids if a in published]
    for event in corpus.events:
        for key in {*event.actors, *event.targets, *event.places}:
            if key in days:
                days[key].extend(days[event.key])
    every = [d for found in days.values() for d in found]
    if not every:
        return {}
    whole = (min(every), max(every))
    return {key: (min(found), max(found)) if found else whole for key, found in days.items()}


def write_graphml(network, path: Path) -> None:
    import networkx as nx

    with atomic_writer(path) as handle:
        nx.write_graphml(network, handle, encoding="utf-8", prettyprint=True)


def write_gexf(network, path: Path, last_modified: date | None) -> None:
    """Dynamic GEXF (nodes carry start/end) with viz colours and sizes, for Gephi's Timeline."""
    from networkx.readwrite.gexf import GEXFWriter

    gexf = network.copy()
    for _, data in gexf.nodes(data=True):
        data["viz"] = {"color": {"r": data["r"], "g": data["g"], "b": data["b"], "a": 1.0}, "size": data["size"]}
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    # networkx stamps today's date here; the corpus's latest date keeps the file reproducible.
    if last_modified:
        meta.set("lastmodifieddate", last_modified.isoformat())
    else:
        del meta.attrib["lastmodifieddate"]
    writer.add_graph(gexf)
    with atomic_writer(path) as handle:
        writer.write(handle)


def latest_date(corpus: Corpus) -> date | None:
    days = [a.publication_date for a in corpus.articles if a.publication_date]
    days += [e.last_day or e.first_day for e in corpus.events if e.last_day or e.first_day]
    return max(days, default=None)


# --- merges.tsv -------------------------------------------------------------------


def write_merges(merges: Iterable[Merge], path: Path) -> None:
    """One row per merge decision, sorted, with a header; tabs and newlines in values become spaces."""
    rows = sorted({tuple(" ".join(str(v).split()) for v in (m.entity_key, m.surface_a, m.surface_b, m.rule, m.evidence)) for m in merges})
    lines = ["\t".join(row) for row in [MERGES_HEADER, *rows]]
    with atomic_writer(path) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
