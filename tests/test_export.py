"""kg.export: the files of a build, their shape for rdflib / networkx / igraph / Gephi, and how they are written."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from graph_corpus import small_corpus
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.export import atomic_writer, build_network, write_outputs
from kg.graph import build_graph
from kg.model import Corpus
from kg.namespace import NIF, SCHEMA

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GRAPHML_TYPES = {"string", "int", "long", "float", "double", "boolean"}
FILES = ("graph.ttl", "graph.graphml", "graph.gexf", "merges.tsv")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out_dir = tmp_path_factory.mktemp("out")
    write_outputs(small_corpus(), out_dir, extra_files={"timeline.md": "# Timeline\n", "events.json": "[]\n"})
    return out_dir


def test_export_returns_every_path(tmp_path):
    paths = write_outputs(small_corpus(), tmp_path / "new", extra_files={"timeline.md": "x\n"})
    assert sorted(paths) == sorted([*FILES, "timeline.md"])
    assert all(p.is_file() and p.parent == tmp_path / "new" for p in paths.values())
    assert (tmp_path / "new" / "timeline.md").read_text(encoding="utf-8") == "x\n"


def test_export_turtle_parses_and_matches_the_graph(out):
    parsed = rdflib.Graph().parse(out / "graph.ttl")
    assert isomorphic(parsed, build_graph(small_corpus()))


def test_export_turtle_declares_prefixes_in_order(out):
    lines = (out / "graph.ttl").read_text(encoding="utf-8").splitlines()
    prefixes = [line for line in lines if line.startswith("@prefix ")]
    assert prefixes == sorted(prefixes) == lines[: len(prefixes)]
    assert "@prefix schema: <https://schema.org/> ." in prefixes
    assert any(line.startswith("article:a-txt a ") for line in lines)


def test_export_turtle_mentions_anchor_matches_text(out):
    graph = rdflib.Graph().parse(out / "graph.ttl")
    checked = 0
    for phrase in graph.subjects(rdflib.RDF.type, NIF.Phrase):
        text = graph.value(graph.value(phrase, NIF.referenceContext), NIF.isString).value
        begin, end = int(graph.value(phrase, NIF.beginIndex)), int(graph.value(phrase, NIF.endIndex))
        assert text[begin:end] == graph.value(phrase, NIF.anchorOf).value
        checked += 1
    assert checked == 20  # 10 entity mentions, 6 event mentions, 4 time expressions


def test_export_rebuild_is_byte_identical(out, tmp_path):
    write_outputs(small_corpus(), tmp_path, extra_files={"timeline.md": "# Timeline\n", "events.json": "[]\n"})
    for name in (*FILES, "timeline.md", "events.json"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_export_rebuild_in_another_process_is_byte_identical(out, tmp_path):
    # A fresh interpreter with another hash seed: set and dict order must not leak into the files.
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[2]);"
        "from graph_corpus import small_corpus; from kg.export import write_outputs;"
        "write_outputs(small_corpus(), Path(sys.argv[1]))"
    )
    env = {"PYTHONHASHSEED": "12345", "PATH": ""}
    subprocess.run([sys.executable, "-c", code, str(tmp_path), str(Path(__file__).parent)], check=True, env=env)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def graphml_keys(path: Path) -> list[ET.Element]:
    return ET.parse(path).getroot().findall(f"{GRAPHML_NS}key")


def test_export_graphml_one_type_per_key(out):
    keys = graphml_keys(out / "graph.graphml")
    seen: dict[tuple[str, str], str] = {}
    for key in keys:
        assert key.get("attr.type") in GRAPHML_TYPES
        assert seen.setdefault((key.get("for"), key.get("attr.name")), key.get("attr.type")) == key.get("attr.type")
    assert len({key.get("id") for key in keys}) == len(keys)


def test_export_graphml_loads_in_networkx_without_empty_values(out):
    graph = nx.read_graphml(out / "graph.graphml")
    assert graph.number_of_nodes() == 8 and graph.number_of_edges() == 7
    node_keys = {"label", "type", "kind", "iri", "mentions", "articles", "size", "r", "g", "b", "start", "end"}
    for _, data in graph.nodes(data=True):
        assert set(data) == node_keys
        assert all(value not in ("", None) for value in data.values())
    for _, _, data in graph.edges(data=True):
        assert set(data) >= {"label", "kind", "weight"}
        assert all(value not in ("", None) for value in data.values())


def test_export_graphml_loads_in_igraph_without_empty_values(out):
    igraph = pytest.importorskip("igraph")
    graph = igraph.Graph.Read_GraphML(str(out / "graph.graphml"))
    assert graph.vcount() == 8 and graph.ecount() == 7
    for sequence in (graph.vs, graph.es):
        for name in sequence.attributes():
            values = sequence[name]
            assert all(v != "" and v is not None and v == v for v in values), name  # v == v: no NaN


def test_export_graphml_gephi_attributes(out):
    graph = nx.read_graphml(out / "graph.graphml")
    prison = graph.nodes["place:brightwater-prison"]
    assert (prison["label"], prison["type"], prison["kind"]) == ("Brightwater prison", "Prison", "Place")
    assert (prison["r"], prison["g"], prison["b"]) == (46, 204, 113)
    assert prison["size"] > graph.nodes["place:eastford"]["size"]
    attack = graph.nodes["event:attack-brightwater-prison-2023-03-07"]
    assert (attack["start"], attack["end"]) == ("2023-03-07", "2023-03-07")
    assert attack["type"] == "Attack"
    edge = graph.edges["person:zoe-nadel", "organization:acme-relief", "person:zoe-nadel__worksFor__organization:acme-relief"]
    assert (edge["label"], edge["weight"]) == ("worksFor", 2.0)


def test_export_network_entity_spans_its_articles_and_events():
    network = build_network(small_corpus())
    # Named on 10 and 11 March, the place of a raid in May 2022.
    assert (network.nodes["place:brightwater-prison"]["start"], network.nodes["place:brightwater-prison"]["end"]) == ("2022-05-01", "2023-03-11")
    # The talks event has no date and its article none either: it spans the whole corpus.
    assert network.nodes["event:meeting-talks"]["start"] == "2022-05-01"


def test_export_network_skips_edges_to_unknown_nodes():
    corpus = small_corpus()
    corpus.relations.append(replace(corpus.relations[0], object="organization/not-built"))
    network = build_network(corpus)
    assert "organization:not-built" not in network


def test_export_gexf_is_dynamic_with_time(out):
    root = ET.parse(out / "graph.gexf").getroot()
    element = root.find("{http://www.gexf.net/1.2draft}graph")
    assert (element.get("mode"), element.get("timeformat")) == ("dynamic", "date")
    meta = root.find("{http://www.gexf.net/1.2draft}meta")
    assert meta.get("lastmodifieddate") == "2023-03-11"  # the corpus's latest date, never today's
    graph = nx.read_gexf(out / "graph.gexf")
    assert graph.number_of_nodes() == 8
    for _, data in graph.nodes(data=True):
        assert data["start"] <= data["end"]
        assert data["label"] and data["viz"]["color"]


def test_export_without_any_date_has_no_time(tmp_path):
    corpus = small_corpus()
    undated = Corpus(
        articles=[replace(a, publication_date=None) for a in corpus.articles],
        entities=corpus.entities,
        events=[replace(e, first_day=None, last_day=None, value=None, grain=None) for e in corpus.events],
    )
    write_outputs(undated, tmp_path)
    graph = nx.read_graphml(tmp_path / "graph.graphml")
    assert not any("start" in data for _, data in graph.nodes(data=True))
    root = ET.parse(tmp_path / "graph.gexf").getroot()
    assert root.find("{http://www.gexf.net/1.2draft}meta").get("lastmodifieddate") is None
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() == 8


def test_export_empty_corpus(tmp_path):
    paths = write_outputs(Corpus(), tmp_path)
    assert len(rdflib.Graph().parse(paths["graph.ttl"])) == 0
    assert nx.read_graphml(paths["graph.graphml"]).number_of_nodes() == 0
    assert paths["merges.tsv"].read_text(encoding="utf-8") == "entity\tsurface_a\tsurface_b\trule\tevidence\n"


def test_export_merges_tsv(out):
    lines = (out / "merges.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "entity\tsurface_a\tsurface_b\trule\tevidence"
    assert lines[1:] == [
        "person/zoe-nadel\tZoë Nadel\tNadel\tsurname\tsame article",
        "place/brightwater-prison\tBrightwater prison\tthe prison\tdefinite description\ta.txt: next sentence",
    ]


def test_export_atomic_writer_keeps_old_file_on_failure(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half a new fi")
        raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert list(tmp_path.iterdir()) == [target]


def test_export_interrupted_run_leaves_previous_outputs(out, tmp_path, monkeypatch):
    write_outputs(small_corpus(), tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in FILES}

    def broken_graphml(network, handle, **options):
        handle.write(b"<?xml version='1.0'?><graphml")
        raise KeyboardInterrupt

    monkeypatch.setattr(nx, "write_graphml", broken_graphml)
    changed = small_corpus()
    changed.entities.pop()
    with pytest.raises(KeyboardInterrupt):
        write_outputs(changed, tmp_path)
    assert (tmp_path / "graph.graphml").read_bytes() == before["graph.graphml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FILES)


@pytest.mark.parametrize("name", ["../escape.md", "sub/timeline.md", ".hidden", "graph.ttl"])
def test_export_rejects_bad_extra_file_names(tmp_path, name):
    with pytest.raises(KgError, match="extra output"):
        write_outputs(Corpus(), tmp_path, extra_files={name: "x"})


def test_export_url_that_is_not_an_iri_stays_a_literal(tmp_path):
    corpus = small_corpus()
    corpus.articles[0] = replace(corpus.articles[0], url="not a url <at all>")
    write_outputs(corpus, tmp_path)
    graph = rdflib.Graph().parse(tmp_path / "graph.ttl")
    assert rdflib.Literal("not a url <at all>") in set(graph.objects(None, SCHEMA.url))

