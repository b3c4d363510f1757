"""The command line end to end, on the seeds and on bad input (kg.cli)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import SEEDS, SHARED

NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = rdflib.Namespace("https://schema.org/")
OUTPUT_FILES = ("graph.ttl", "graph.graphml", "graph.gexf", "timeline.md", "events.json", "merges.tsv")

pytestmark = pytest.mark.slow


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def seeds_graph(seeds_out) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(seeds_out / "graph.ttl")
    return graph


def test_cli_build_writes_every_output(seeds_out):
    for name in OUTPUT_FILES:
        assert (seeds_out / name).stat().st_size > 0, name


def test_cli_build_records_articles_with_publication_dates(seeds_graph):
    published = {
        str(seeds_graph.value(article, SCHEMA.identifier)): str(date)
        for article, date in seeds_graph.subject_objects(SCHEMA.datePublished)
    }
    assert published == {
        "000_5079c9f5385da1f1.txt": "2022-01-26",
        "001_4a03cc282d110e83.txt": "2022-01-29",
        "003_6ef6d4c7cd23e7ef.txt": "2022-01-21",
    }


def test_cli_build_mentions_point_at_their_text(seeds_graph):
    texts = {
        article: (SEEDS / str(seeds_graph.value(article, SCHEMA.identifier))).read_text(encoding="utf-8")
        for article in seeds_graph.subjects(SCHEMA.datePublished, None)
    }
    mentions = list(seeds_graph.subjects(NIF.anchorOf, None))
    assert len(mentions) > 100
    for mention in mentions:
        text = texts[seeds_graph.value(mention, NIF.referenceContext)]
        begin, end = int(seeds_graph.value(mention, NIF.beginIndex)), int(seeds_graph.value(mention, NIF.endIndex))
        assert text[begin:end] == str(seeds_graph.value(mention, NIF.anchorOf))


def test_cli_build_boilerplate_produces_no_mention(seeds_graph):
    gold = json.loads((SHARED / "eval" / "seeds_gold.json").read_text(encoding="utf-8"))
    articles = {str(seeds_graph.value(a, SCHEMA.identifier)): a for a in seeds_graph.subjects(SCHEMA.datePublished, None)}
    for case in gold["boilerplate"]:
        text = (SEEDS / case["file"]).read_text(encoding="utf-8")
        low = text.index(case["text"])
        high = low + len(case["text"])
        inside = [
            m
            for m in seeds_graph.subjects(NIF.referenceContext, articles[case["file"]])
            if low <= int(seeds_graph.value(m, NIF.beginIndex) or -1) < high
        ]
        assert inside == [], case["text"]


def assert_gephi_attributes(graph: nx.Graph) -> None:
    types_per_key: dict[str, set[type]] = {}
    for _, data in list(graph.nodes(data=True)) + [(None, d) for *_, d in graph.edges(data=True)]:
        for key, value in data.items():
            assert value is not None and value != "", key
            types_per_key.setdefault(key, set()).add(type(value))
    assert all(len(kinds) == 1 for kinds in types_per_key.values()), types_per_key


def test_cli_build_graphml_loads_in_networkx_and_igraph(seeds_out):
    import igraph

    graph = nx.read_graphml(seeds_out / "graph.graphml")
    assert graph.number_of_nodes() > 20
    assert all("label" in d and "type" in d for _, d in graph.nodes(data=True))
    assert_gephi_attributes(graph)
    assert igraph.Graph.Read_GraphML(str(seeds_out / "graph.graphml")).vcount() == graph.number_of_nodes()


def test_cli_build_gexf_carries_time(seeds_out):
    graph = nx.read_gexf(seeds_out / "graph.gexf")
    assert graph.number_of_nodes() > 20
    dated = [d for _, d in graph.nodes(data=True) if "start" in d]
    assert dated, "no node carries start/end for Gephi's timeline"
    assert re.search(r'mode="dynamic"', (seeds_out / "graph.gexf").read_text(encoding="utf-8"))


def test_cli_build_is_byte_identical_on_rebuild(seeds_out, tmp_path):
    again = tmp_path / "again"
    assert run("build", SEEDS, "--out", again, "--quiet").exit_code == 0
    for name in OUTPUT_FILES:
        assert (again / name).read_bytes() == (seeds_out / name).read_bytes(), name


def test_cli_build_prints_summary_and_chronology(tmp_path):
    result = run("build", SEEDS / "000_5079c9f5385da1f1.txt", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.output
    for word in ("articles   1", "entities", "events", "relations", "triples", "time"):
        assert word in result.stdout
    assert "\n# Timeline\n" in result.stdout


@pytest.fixture()
def messy_folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_5079c9f5385da1f1.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (folder / "latin.txt").write_bytes("Le ministre a démissionné mardi à Genève, selon un communiqué.".encode("cp1252"))
    (folder / "baddate.txt").write_text("The mayor resigned on Monday.")
    (folder / "dump.jsonl").write_text('{"id": "row1", "text": "The mayor resigned on Monday.", "published": "2021-03-02"}\n{broken\n{"id": "row3"}\n')
    (folder / "articles.csv").write_text(
        "file,published\ngood.txt,2022-01-26\nbaddate.txt,2022-02-30\nlatin.txt,2021-03-01\nghost.txt,2021-01-01\n"
    )
    return folder


def test_cli_build_reports_each_bad_input_and_builds_the_rest(messy_folder, tmp_path):
    out = tmp_path / "out"
    result = run("build", messy_folder, messy_folder / "nowhere.txt", "--out", out)
    assert result.exit_code == 0, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    expected = {
        "empty.txt: empty file",
        "binary.txt: binary file, not text",
        "baddate.txt: impossible publication date '2022-02-30'",
        "dump.jsonl:2: not valid JSON",
        "dump.jsonl:3: row has no text",
        "ghost.txt: named in the manifest but no such file",
        "nowhere.txt: no such file or folder",
    }
    for fragment in expected:
        assert any(fragment in line for line in errors), fragment
    assert len(errors) == len(expected)
    assert "Skipped 7 input(s)" in result.stderr
    graph = rdflib.Graph().parse(out / "graph.ttl")
    identifiers = {str(o) for o in graph.objects(None, SCHEMA.identifier)}
    assert {"good.txt", "latin.txt", "row1"} <= identifiers


def test_cli_build_fails_when_nothing_can_be_built(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("build", tmp_path / "empty.txt", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: nothing to build from")
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_cli_build_keeps_previous_output_when_interrupted(seeds_out, tmp_path, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    (out / "graph.ttl").write_text("# the previous build\n")
    names_before = sorted(p.name for p in out.iterdir())

    def interrupt(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.fsync", interrupt)
    result = run("build", SEEDS, "--out", out, "--quiet")
    assert result.exit_code != 0
    assert (out / "graph.ttl").read_text() == "# the previous build\n"
    assert sorted(p.name for p in out.iterdir()) == names_before


def test_cli_build_rejects_bad_published_option(tmp_path):
    result = run("build", SEEDS, "--out", tmp_path / "o", "--published", "2022-02-30")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: --published: impossible publication date '2022-02-30'"


def test_cli_dates_prints_json_lines():
    result = run("dates", SEEDS / "000_5079c9f5385da1f1.txt", "--published", "2022-01-26", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = (SEEDS / "000_5079c9f5385da1f1.txt").read_text(encoding="utf-8")
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert {"start", "end", "text", "type", "value"} == set(rows[0])


@pytest.mark.parametrize("published", [("--published", "2022-01-26"), ()])
@pytest.mark.parametrize("name", ["nope.txt", "."])
def test_cli_dates_names_a_missing_file(tmp_path, name, published):
    result = run("dates", tmp_path / name, *published)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / name}: no such file"


def test_cli_query_selects_from_built_graph(seeds_out):
    result = run("query", seeds_out, "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["n", "3"]


def test_cli_query_reports_bad_sparql(seeds_out):
    result = run("query", seeds_out, "SELECT WHERE {")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")


def test_cli_timeline_reads_built_output(seeds_out):
    result = run("timeline", seeds_out)
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip("\n") == (seeds_out / "timeline.md").read_text(encoding="utf-8").rstrip("\n")
    assert "| Date | Event |" in result.stdout  # the seeds have dated events


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__ for c in app.registered_commands))
def test_cli_every_command_has_help_with_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout
