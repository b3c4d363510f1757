"""The command line: parses arguments, calls one library function, reports.

In: argv. Out: files written by the library, text on stdout, one-line
messages on stderr, and the exit code (0 done, 1 nothing could be done,
2 bad usage). No logic lives here that a test could not reach through
``kg.pipeline``, ``kg.store`` or ``kg.timeline``.
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from kg.errors import KgError

app = typer.Typer(
    help="Build a timeline knowledge graph from news articles, and query it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

SUMMARY_TIMELINE_LINES = 12
# Where `kg build` writes and `kg timeline` reads unless told otherwise.
DEFAULT_OUT = Path("out")


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)


def _date_option(value: Optional[str], option: str) -> Optional[date]:
    from kg.ingest import parse_publication_date

    if value is None:
        return None
    try:
        return parse_publication_date(value, option)
    except KgError as error:
        raise _fail(str(error), 2) from None


@contextmanager
def _progress_bar(enabled: bool):
    """A progress bar on a terminal; nothing when output is piped or --quiet."""
    if not (enabled and sys.stderr.isatty()):
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True, console=None) as progress:
        task = progress.add_task("analysing", total=None)

        def advance(position: int, total: int, identifier: str) -> None:
            progress.update(task, completed=position, total=total, description=identifier[:40])

        yield advance


@app.command()
def build(
    sources: list[Path] = typer.Argument(..., help="Folders, .txt articles or .jsonl dumps."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", "-o", help="Folder to write the outputs to."),
    published: Optional[str] = typer.Option(
        None, help="Publication date (YYYY-MM-DD) for articles whose metadata gives none."
    ),
    base: Optional[str] = typer.Option(None, help="Base IRI of the graph's nodes."),
    aliases: Optional[Path] = typer.Option(None, help="File of aliases and never-merge pairs (see README)."),
    store: Optional[Path] = typer.Option(None, help="Also leave a persistent SPARQL store in this folder."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only problems."),
) -> None:
    """Build the graph of a set of articles into OUT.

    Writes graph.ttl, graph.graphml, graph.gexf, timeline.md, events.json and
    merges.tsv. Metadata (publication date, url, title, outlet) comes from an
    articles.csv / articles.jsonl manifest beside the articles, a NAME.json
    sidecar, or the rows of a .jsonl dump.

    Example: kg build seeds --out out
    """
    from kg.namespace import DEFAULT_BASE
    from kg.pipeline import build as run_build

    default_published = _date_option(published, "--published")
    started = time.perf_counter()
    try:
        with _progress_bar(not quiet) as progress:
            report = run_build(
                sources, out, default_published, base or DEFAULT_BASE, aliases, store, progress
            )
    except KgError as error:
        raise _fail(str(error)) from None
    for problem in report.corpus.problems:
        typer.echo(f"{'error' if problem.skipped else 'warning'}: {problem}", err=True)
    if not quiet:
        _print_summary(report, time.perf_counter() - started)
    if report.skipped:
        typer.echo(f"Skipped {len(report.skipped)} input(s); built the rest.", err=True)


def _print_summary(report, seconds: float) -> None:
    corpus = report.corpus
    kinds = ", ".join(f"{count} {kind}" for kind, count in report.entity_counts().items()) or "none"
    typer.echo(f"articles   {len(corpus.articles)}")
    typer.echo(f"entities   {len(corpus.entities)} ({kinds})")
    typer.echo(f"relations  {len(corpus.relations)}")
    typer.echo(f"events     {len(corpus.events)}")
    typer.echo(f"triples    {report.triples}")
    typer.echo(f"time       {seconds:.1f} s")
    typer.echo(f"wrote      {', '.join(str(p) for p in report.outputs.values())}")
    from kg.timeline import TIMELINE_FILE

    timeline_path = report.outputs.get(TIMELINE_FILE)
    if timeline_path:
        lines = timeline_path.read_text(encoding="utf-8").splitlines()
        typer.echo("")
        typer.echo("\n".join(lines[:SUMMARY_TIMELINE_LINES]))
        if len(lines) > SUMMARY_TIMELINE_LINES:
            typer.echo(f"... ({len(lines) - SUMMARY_TIMELINE_LINES} more lines in {timeline_path})")


@app.command()
def dates(
    file: Path = typer.Argument(..., help="An article as a text file."),
    published: Optional[str] = typer.Option(
        None, help="Publication date (YYYY-MM-DD) to resolve relative dates against."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line (start, end, text, type, value)."),
) -> None:
    """Print the time expressions of an article with their TIMEX3 values.

    Relative dates ("on Thursday", "last week") are resolved against
    --published, else against the date in the file's manifest or sidecar;
    with neither they stay unresolved.

    Example: kg dates seeds/000_5079c9f5385da1f1.txt --published 2022-01-26 --json
    """
    from kg.dates import dates_for_file

    anchor = _date_option(published, "--published")
    try:
        expressions = dates_for_file(file, anchor)
    except KgError as error:
        raise _fail(str(error)) from None
    for expression in expressions:
        if as_json:
            row = {k: getattr(expression, k) for k in ("start", "end", "text", "type", "value")}
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo(
                f"{expression.start:>6}-{expression.end:<6} {expression.type:8} {expression.value:12} "
                f"{expression.text!r}  [{expression.rule}]"
            )


@app.command()
def query(
    graph: Path = typer.Argument(..., help="A graph.ttl, a build output folder or a --store folder."),
    sparql: str = typer.Argument(..., help="A SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query."),
    output_format: str = typer.Option(
        "table", "--format", "-f", help="table, csv, tsv or json (SELECT, ASK); turtle or ntriples (CONSTRUCT)."
    ),
) -> None:
    """Run a SPARQL query over a built graph.

    The usual prefixes (schema:, sem:, nif:, prov:, org:, skos:, rdfs:, kg:)
    are predeclared. A build output folder is read from its store/ when
    `kg build --store` left one, else from its graph.ttl.

    Example: kg query out "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
    """
    from kg.store import load_store, run_query

    try:
        typer.echo(run_query(load_store(graph), sparql, output_format))
    except KgError as error:
        raise _fail(str(error)) from None


@app.command("timeline")
def timeline_command(
    out_dir: Path = typer.Argument(DEFAULT_OUT, help="A build output folder."),
    entity: Optional[str] = typer.Option(None, help="Only events involving this entity (any of its names)."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Only events from this date on (YYYY-MM-DD)."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Only events up to this date (YYYY-MM-DD)."),
    as_of: Optional[str] = typer.Option(None, help="Use only articles published by this date (YYYY-MM-DD)."),
) -> None:
    """Print the chronology of a built graph.

    Example: kg timeline out --entity "United Nations" --as-of 2022-01-22
    """
    from kg.timeline import load_timeline, render_timeline

    bounds = [_date_option(value, name) for value, name in ((date_from, "--from"), (date_to, "--to"), (as_of, "--as-of"))]
    try:
        events, entities, articles = load_timeline(out_dir)
    except KgError as error:
        raise _fail(str(error)) from None
    typer.echo(render_timeline(events, entities, articles, entity, *bounds))


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()


if __name__ == "__main__":
    main()
