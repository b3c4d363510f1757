"""The embedded SPARQL store behind ``kg query`` (pyoxigraph).

In: a built graph (a Turtle file, a build output folder holding graph.ttl,
or a persistent store folder made by ``build_store``) and a SPARQL query.
Out: a pyoxigraph ``Store`` (with ``ontology/kg.ttl`` loaded beside the
graph, so subclass queries work) and the query's result as text: a table,
CSV, TSV or JSON for SELECT, true/false for ASK, Turtle or N-Triples for
CONSTRUCT and DESCRIBE. Our prefixes (schema:, sem:, nif:, kg:, ...) are
predeclared, so queries may use them without PREFIX lines.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError, UnknownFormat
from kg.export import TURTLE_FILE, sort_key, sorted_prefix_lines
from kg.namespace import DEFAULT_BASE, KG, PREFIXES

__all__ = ["FORMATS", "STORE_DIR", "build_store", "count_triples", "load_store", "run_query"]

STORE_DIR = "store"  # a persistent store inside a build output folder is looked for here
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
FORMATS = ("table", "csv", "tsv", "json", "turtle", "ntriples")
# Where a persistent store records the digest of the Turtle it was loaded from.
META_GRAPH = ox.NamedNode("urn:kg:store")
SOURCE_DIGEST = ox.NamedNode(str(KG.sourceDigest))
TABLE_CELL_WIDTH = 80


def build_store(ttl_path: Path, store_dir: Path) -> Path:
    """Load a Turtle graph (and the ontology) into a persistent store at ``store_dir``.

    The store is built in a temporary folder beside ``store_dir`` and then
    swapped in, so an interrupted build never leaves a half-loaded store.
    Returns ``store_dir``.
    """
    ttl_path, store_dir = Path(ttl_path), Path(store_dir)
    if not ttl_path.is_file():
        raise KgError(f"{ttl_path}: no such Turtle file; run `kg build` first")
    temporary = store_dir.with_name(f".{store_dir.name}.tmp")
    shutil.rmtree(temporary, ignore_errors=True)
    store = ox.Store(str(temporary))
    load_turtle(store, ttl_path)
    store.add(ox.Quad(META_GRAPH, SOURCE_DIGEST, ox.Literal(file_digest(ttl_path)), META_GRAPH))
    store.flush()
    del store  # closes the database before it is moved
    replaced = store_dir.with_name(f".{store_dir.name}.old")
    if store_dir.exists():
        shutil.rmtree(replaced, ignore_errors=True)
        store_dir.rename(replaced)
    temporary.rename(store_dir)
    shutil.rmtree(replaced, ignore_errors=True)
    return store_dir


def load_store(graph_or_dir: Path) -> ox.Store:
    """A store to query: a .ttl file, a persistent store folder, or a build output folder.

    For a build output folder, its ``store/`` subfolder is used when it was
    built from the folder's current graph.ttl; otherwise graph.ttl is parsed.
    """
    path = Path(graph_or_dir)
    if path.is_file():
        return memory_store(path)
    if not path.is_dir():
        raise KgError(f"{path}: no such file or folder; give a graph.ttl, a build output folder or a store")
    if is_store(path):
        return ox.Store.read_only(str(path))
    graph = path / TURTLE_FILE
    if not graph.is_file():
        raise KgError(f"{path}: no {TURTLE_FILE} and not a store; run `kg build --out {path}` first")
    if is_store(path / STORE_DIR):
        store = ox.Store.read_only(str(path / STORE_DIR))
        if stored_digest(store) == file_digest(graph):
            return store
    return memory_store(graph)


def count_triples(ttl_path: Path) -> int:
    """The number of triples in a Turtle file (the graph alone, without the ontology)."""
    return sum(1 for _ in ox.parse(path=str(ttl_path), format=ox.RdfFormat.TURTLE))


def memory_store(ttl_path: Path) -> ox.Store:
    store = ox.Store()
    load_turtle(store, ttl_path)
    return store


def load_turtle(store: ox.Store, ttl_path: Path) -> None:
    """Bulk-load a Turtle file and, when it is there, the ontology, into the default graph."""
    for source in (ttl_path, ONTOLOGY):
        if source == ONTOLOGY and not source.is_file():
            continue
        try:
            store.bulk_load(path=str(source), format=ox.RdfFormat.TURTLE)
        except SyntaxError as error:
            raise KgError(f"{source}: not valid Turtle: {one_line(error)}") from None


def is_store(path: Path) -> bool:
    # Every RocksDB database (pyoxigraph's on-disk format) has a CURRENT file.
    return (path / "CURRENT").is_file()


def stored_digest(store: ox.Store) -> str | None:
    for quad in store.quads_for_pattern(META_GRAPH, SOURCE_DIGEST, None, META_GRAPH):
        return quad.object.value
    return None


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run_query(store: ox.Store, sparql: str, fmt: str = "table") -> str:
    """Run a SPARQL query and render its result.

    Args:
        store: from ``load_store``.
        sparql: a SELECT, ASK, CONSTRUCT or DESCRIBE query; our prefixes are predeclared.
        fmt: table, csv, tsv or json for SELECT and ASK; table (= turtle), turtle or ntriples for CONSTRUCT / DESCRIBE.
    Returns:
        The rendered result (ASK gives ``true`` or ``false`` except in json).
    Raises:
        UnknownFormat: ``fmt`` is not one of ``FORMATS`` or does not suit the query's kind.
        KgError: the query does not parse or fails.
    """
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    try:
        result = store.query(sparql, prefixes=PREFIXES)
    except SyntaxError as error:
        raise KgError(f"SPARQL syntax error: {one_line(error)}") from None
    except OSError as error:
        raise KgError(f"query failed: {one_line(error)}") from None
    if isinstance(result, ox.QuerySolutions):
        return render_solutions(result, fmt)
    if isinstance(result, ox.QueryBoolean):
        return render_boolean(result, fmt)
    return render_triples(result, fmt)


def render_solutions(solutions: ox.QuerySolutions, fmt: str) -> str:
    formats = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV, "json": ox.QueryResultsFormat.JSON}
    if fmt == "table":
        return table(solutions)
    if fmt not in formats:
        raise UnknownFormat(f"format {fmt!r} does not suit a SELECT query: use table, csv, tsv or json")
    return solutions.serialize(format=formats[fmt]).decode("utf-8")


def render_boolean(answer: ox.QueryBoolean, fmt: str) -> str:
    if fmt == "json":
        return answer.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")
    if fmt in ("table", "csv", "tsv"):
        return "true" if bool(answer) else "false"
    raise UnknownFormat(f"format {fmt!r} does not suit an ASK query: use table, csv, tsv or json")


def render_triples(triples: ox.QueryTriples, fmt: str) -> str:
    formats = {"table": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
    if fmt not in formats:
        raise UnknownFormat(f"format {fmt!r} does not suit a CONSTRUCT or DESCRIBE query: use turtle or ntriples")
    ordered = sorted(triples, key=sort_key)  # stable output for the same graph
    if formats[fmt] == ox.RdfFormat.N_TRIPLES:
        return ox.serialize(ordered, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    turtle = ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return sorted_prefix_lines(turtle, len(PREFIXES)).decode("utf-8")


def table(solutions: ox.QuerySolutions) -> str:
    """An aligned text table with short names (``schema:Person``) and plain literal values."""
    names = [variable.value for variable in solutions.variables]
    rows = [[cell(solution[name]) for name in names] for solution in solutions]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(names)]

    def line(values: list[str]) -> str:
        return "  ".join(value.ljust(width) for value, width in zip(values, widths)).rstrip()

    lines = [line(names), line(["-" * width for width in widths]), *map(line, rows)]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return short_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    text = " ".join(term.value.split())
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"


def short_iri(iri: str) -> str:
    """``schema:Person`` for a vocabulary term, ``:entity/person/x`` under the default base, else the IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    if iri.startswith(DEFAULT_BASE):
        return ":" + iri[len(DEFAULT_BASE) :]
    return f"<{iri}>"


def one_line(error: Exception) -> str:
    return " ".join(str(error).split())
