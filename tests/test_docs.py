"""The README against the command line: every command documented, every query runnable."""

from __future__ import annotations

import re

import pytest

from kg.cli import app
from kg.store import load_store, run_query
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_queries() -> list[str]:
    """SPARQL from the README: ```sparql blocks, indented PREFIX/SELECT blocks, `kg query out '...'`."""
    fenced = re.findall(r"```sparql\n(.*?)```", README, re.S)
    indented = [
        m.group(0).replace("\n    ", "\n")[4:]
        for m in re.finditer(r"^    (?:PREFIX|SELECT)[^\n]*(?:\n    [^\n]*)*", README, re.M)
    ]
    inline = re.findall(r"kg query out '([^']*)'", README)
    return fenced + indented + inline


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__ for c in app.registered_commands))
def test_docs_readme_shows_every_command(command):
    assert f"kg {command}" in README


def test_docs_readme_has_queries():
    assert len(readme_queries()) >= 5


@pytest.mark.slow
@pytest.mark.parametrize("position", range(len(readme_queries())))
def test_docs_readme_query_runs_on_the_seeds(seeds_out, position):
    query = readme_queries()[position]
    result = run_query(load_store(seeds_out), query, "csv")
    answers = result.strip().splitlines()
    assert answers == ["true"] or len(answers) > 1, query
