"""kg.store: loading a built graph (Turtle, output folder, persistent store) and rendering queries."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import rdflib
from graph_corpus import small_corpus

from kg.errors import KgError, UnknownFormat
from kg.export import write_outputs
from kg.store import FORMATS, build_store, load_store, run_query, stored_digest

PEOPLE = "SELECT ?person ?name WHERE { ?person a schema:Person ; rdfs:label ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out_dir = tmp_path_factory.mktemp("out")
    write_outputs(small_corpus(), out_dir)
    return out_dir


@pytest.fixture(scope="module")
def store(out):
    return load_store(out / "graph.ttl")


def test_store_select_table(store):
    table = run_query(store, PEOPLE)
    lines = table.splitlines()
    assert lines[0].split() == ["person", "name"]
    assert lines[2].split() == [":entity/person/zoe-nadel", "Zoë", "Nadel"]
    assert lines[-1] == "(1 row)"


def test_store_select_csv(store):
    rows = list(csv.reader(io.StringIO(run_query(store, PEOPLE, "csv"))))
    assert rows == [["person", "name"], ["http://example.org/kg/entity/person/zoe-nadel", "Zoë Nadel"]]


def test_store_select_json(store):
    result = json.loads(run_query(store, PEOPLE, "json"))
    assert result["head"]["vars"] == ["person", "name"]
    assert result["results"]["bindings"][0]["name"]["value"] == "Zoë Nadel"


def test_store_table_shortens_and_truncates(store):
    table = run_query(store, "SELECT ?text ?missing WHERE { ?a nif:isString ?text OPTIONAL { ?a schema:nothing ?missing } } ORDER BY DESC(?text) LIMIT 1")
    row = table.splitlines()[2]
    assert row.startswith("🙂 Gunmen") and row.endswith("…") and len(row) == 80  # unbound ?missing: empty cell


@pytest.mark.parametrize(
    "query,fmt,expected",
    [
        ("ASK { ?x a schema:Person }", "table", "true"),
        ("ASK { ?x a schema:Airport }", "table", "false"),
        ("ASK { ?x a schema:Person }", "csv", "true"),
    ],
)
def test_store_ask(store, query, fmt, expected):
    assert run_query(store, query, fmt) == expected


def test_store_ask_json(store):
    assert json.loads(run_query(store, "ASK { ?x a sem:Event }", "json"))["boolean"] is True


@pytest.mark.parametrize("fmt,parser", [("table", "turtle"), ("turtle", "turtle"), ("ntriples", "nt")])
def test_store_construct(store, fmt, parser):
    text = run_query(store, "CONSTRUCT { ?p schema:worksFor ?o } WHERE { ?p schema:worksFor ?o }", fmt)
    graph = rdflib.Graph().parse(data=text, format=parser)
    assert len(graph) == 1
    assert ("@prefix" in text) == (parser == "turtle")


def test_store_describe(store):
    text = run_query(store, "DESCRIBE ?e WHERE { ?e rdfs:label \"Eastford\" }")
    assert len(rdflib.Graph().parse(data=text, format="turtle")) >= 5


def test_store_ontology_is_loaded_for_subclass_queries(store):
    # Brightwater prison is a kg:Prison, a kg:Facility, a schema:Place: only the ontology says so.
    query = "SELECT DISTINCT ?label WHERE { ?x a ?c ; rdfs:label ?label . ?c rdfs:subClassOf+ schema:CivicStructure }"
    assert run_query(store, query, "csv").splitlines() == ["label", "Brightwater prison"]


def test_store_events_in_date_order(store):
    query = "SELECT ?day ?label WHERE { ?e a sem:Event ; rdfs:label ?label ; kg:firstDay ?day } ORDER BY ?day"
    rows = list(csv.reader(io.StringIO(run_query(store, query, "csv"))))[1:]
    assert [day for day, _ in rows] == ["2022-05-01", "2023-02-27", "2023-03-07"]


def test_store_unknown_format_lists_valid_ones(store):
    with pytest.raises(UnknownFormat) as error:
        run_query(store, PEOPLE, "xml")
    for fmt in FORMATS:
        assert fmt in str(error.value)


@pytest.mark.parametrize(
    "query,fmt",
    [(PEOPLE, "turtle"), ("ASK { ?x ?y ?z }", "ntriples"), ("CONSTRUCT WHERE { ?x ?y ?z }", "csv")],
)
def test_store_format_must_suit_the_query(store, query, fmt):
    with pytest.raises(UnknownFormat, match="does not suit"):
        run_query(store, query, fmt)


def test_store_syntax_error_is_one_line(store):
    with pytest.raises(KgError) as error:
        run_query(store, "SELECT ?x WHERE { ?x a }")
    assert str(error.value).startswith("SPARQL syntax error: ")
    assert "\n" not in str(error.value)


def test_store_persistent_store_is_preferred_when_fresh(out, tmp_path):
    build = tmp_path / "out"
    shutil.copytree(out, build)
    build_store(build / "graph.ttl", build / "store")
    store = load_store(build)
    assert stored_digest(store) is not None  # opened the persistent store, not the Turtle
    assert run_query(store, "ASK { ?x a schema:Person }") == "true"
    del store
    # A graph.ttl rebuilt after the store makes the store stale: the Turtle wins.
    with open(build / "graph.ttl", "a", encoding="utf-8") as handle:
        handle.write("<http://example.org/x> a <https://schema.org/Airport> .\n")
    stale = load_store(build)
    assert stored_digest(stale) is None
    assert run_query(stale, "ASK { ?x a schema:Airport }") == "true"


def test_store_directory_opens_directly(out, tmp_path):
    build_store(out / "graph.ttl", tmp_path / "db")
    build_store(out / "graph.ttl", tmp_path / "db")  # rebuilding replaces it
    store = load_store(tmp_path / "db")
    assert run_query(store, PEOPLE, "csv").count("\n") == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db"]


@pytest.mark.parametrize("make,message", [
    (lambda d: d / "missing.ttl", "no such file or folder"),
    (lambda d: d, "no graph.ttl and not a store"),
    (lambda d: (d / "bad.ttl").write_text("<a> <b> .\n") and d / "bad.ttl", "not valid Turtle"),
])
def test_store_load_errors(tmp_path, make, message):
    with pytest.raises(KgError, match=message):
        load_store(make(tmp_path))


def test_store_build_needs_turtle(tmp_path):
    with pytest.raises(KgError, match="run `kg build` first"):
        build_store(tmp_path / "graph.ttl", tmp_path / "store")
