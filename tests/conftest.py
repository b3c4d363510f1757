"""Shared fixtures: a parsed article from a snippet of text, without files."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kg.model import Article, Block, ParsedArticle

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def paragraph_blocks(text: str) -> list[Block]:
    """One block per run of non-blank lines, as a clean article would give."""
    return [Block(m.start(), m.end()) for m in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*", text)]


@pytest.fixture(scope="session")
def parse_text():
    """Parse a snippet with the full English pipeline: ``parse_text(text, published=date(...))``."""
    from kg.nlp import parse_article

    def parse(text: str, published: date | None = date(2022, 1, 21), identifier: str = "test.txt") -> ParsedArticle:
        article = Article(identifier=identifier, text=text, source=identifier, publication_date=published)
        return parse_article(article, paragraph_blocks(text))

    return parse


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The seeds built once through the command line: the output folder."""
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path_factory.mktemp("seeds") / "out"
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out
