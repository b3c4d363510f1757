"""The graph-writing benchmark (issue 3): Turtle through rdflib versus through pyoxigraph.

In: nothing; a synthetic corpus is generated (N entities, N/4 events, N/20
articles, each entity mentioned three times), so the run needs no model.
Out, printed: the triple count; the time to build the triples as rdflib terms
in a Graph (``kg.graph.build_graph``) and as pyoxigraph terms
(``kg.graph.corpus_triples``); the time to serialise sorted Turtle with rdflib
(``Graph.serialize``) and with kg's writer (``kg.export.write_turtle``: sort,
then pyoxigraph); both ratios; the times of the other outputs and of loading
the store.

Usage: python benchmarks/graph.py [--entities N]   (default 10000: about 215k triples)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kg.export import build_network, write_gexf, write_graphml, write_turtle
from kg.graph import build_graph, corpus_triples, instance_prefixes
from kg.model import Article, Corpus, Entity, Event, EventMention, Mention, Relation, TimeExpression
from kg.namespace import PREFIXES
from kg.store import load_store, run_query

KINDS = ("Person", "Organization", "Place")
SENTENCE = "Name{n:06d} met Name{m:06d} on Tuesday near Place{p:06d}. "


def synthetic_corpus(entities: int) -> Corpus:
    """A corpus with the shape of a real build, at any size, without parsing anything."""
    articles_count = max(1, entities // 20)
    texts = ["".join(SENTENCE.format(n=i, m=i + 1, p=i + 2) for i in range(a * 20, a * 20 + 20)) for a in range(articles_count)]
    published = date(2022, 1, 1)
    articles = [Article(f"{a:05d}.txt", text, f"{a:05d}.txt", published + timedelta(days=a % 365)) for a, text in enumerate(texts)]
    sentence = len(SENTENCE.format(n=0, m=0, p=0))
    mentions_of = {}
    for i in range(entities):
        mentions = []
        for k in range(3):
            a = (i + k * 7) % articles_count
            start = (i % 20) * sentence
            mentions.append(Mention(articles[a].identifier, start, start + 10, texts[a][start : start + 10], KINDS[i % 3]))
        mentions_of[i] = tuple(mentions)
    ents = [Entity(f"{KINDS[i % 3].lower()}/name-{i:06d}", KINDS[i % 3], None, f"Name{i:06d}", (f"N{i}",), mentions_of[i], 0.9) for i in range(entities)]
    timexes: dict[str, list[TimeExpression]] = {}
    events = []
    for j in range(entities // 4):
        a = j % articles_count
        start = (j % 20) * sentence + 26
        day = articles[a].publication_date - timedelta(days=1)
        timex = TimeExpression(start, start + 10, "on Tuesday", "DATE", day.isoformat(), "day", "weekday", articles[a].publication_date, day, day)
        timexes.setdefault(articles[a].identifier, []).append(timex)
        mention = EventMention(articles[a].identifier, start - 4, start - 1, "met", "Meeting", "meet", 0, sentence, time=timex)
        events.append(Event(f"event/meeting-{j:06d}", "Meeting", f"meeting {j}", (mention,), actors=(ents[j].key, ents[j + 1].key),
                            value=day.isoformat(), grain="day", first_day=day, last_day=day))
    relations = [Relation(ents[i].key, "worksFor", ents[i + 1].key, articles[i % articles_count].identifier, 0, 20, "envoy")
                 for i in range(0, entities - 1, 3)]
    return Corpus(articles=articles, entities=ents, time_expressions=timexes, relations=relations, events=events)


def timed(label: str, action):
    began = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - began
    print(f"{label:44s} {seconds:7.2f} s")
    return result, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=10000)
    args = parser.parse_args()
    corpus = synthetic_corpus(args.entities)
    prefixes = {**PREFIXES, **instance_prefixes(corpus)}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        triples, kg_build = timed("kg: corpus_triples (pyoxigraph terms)", lambda: corpus_triples(corpus))
        print(f"{'triples':44s} {len(triples):7d}")
        graph, rdflib_build = timed("rdflib: build_graph (rdflib terms in a Graph)", lambda: build_graph(corpus))
        _, rdflib_write = timed("rdflib: serialize(format='turtle')", lambda: graph.serialize(out / "rdflib.ttl", format="turtle"))
        _, kg_write = timed("kg: write_turtle (sort + pyoxigraph)", lambda: write_turtle(triples, out / "graph.ttl", prefixes))
        print(f"{'serialise Turtle: rdflib / kg':44s} {rdflib_write / kg_write:7.1f} x")
        print(f"{'build + serialise: rdflib / kg':44s} {(rdflib_build + rdflib_write) / (kg_build + kg_write):7.1f} x")
        network, _ = timed("GraphML + GEXF: build_network", lambda: build_network(corpus))
        timed("GraphML: write_graphml", lambda: write_graphml(network, out / "graph.graphml"))
        timed("GEXF: write_gexf", lambda: write_gexf(network, out / "graph.gexf", None))
        store, _ = timed("store: load_store(graph.ttl)", lambda: load_store(out / "graph.ttl"))
        timed("store: count events with SPARQL", lambda: run_query(store, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
