"""Reading rule tables: comments, sections and the errors that name the table (kg.resources)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.resources
from kg.errors import RuleError
from kg.resources import LANGUAGE, table_lines, table_section, table_sections

TABLE = """# A table for the tests.
# FORMAT: one word per line
[colours]
red
  green   # a comment after a value

[shapes]
# a comment inside a section
square
"""


@pytest.fixture()
def tables(tmp_path, monkeypatch) -> Path:
    """A resources folder of our own, holding ``test-table.txt`` and ``test-headless.txt``."""
    folder = tmp_path / LANGUAGE
    folder.mkdir()
    (folder / "test-table.txt").write_text(TABLE, encoding="utf-8")
    (folder / "test-headless.txt").write_text("red\n[colours]\ngreen\n", encoding="utf-8")
    monkeypatch.setattr(kg.resources.resources, "files", lambda package: tmp_path)
    yield folder
    # The loaders cache by name: forget what they read from the stand-in folder.
    table_lines.cache_clear()
    table_sections.cache_clear()


def test_resources_lines_drop_comments_and_blanks(tables):
    assert table_lines("test-table.txt") == ("[colours]", "red", "green", "[shapes]", "square")


def test_resources_sections_group_lines(tables):
    assert table_sections("test-table.txt") == {"colours": ("red", "green"), "shapes": ("square",)}
    assert table_section("test-table.txt", "shapes") == ("square",)


@pytest.mark.parametrize(
    "read,message",
    [
        (lambda: table_lines("test-nowhere.txt"), "kg/resources/en/test-nowhere.txt: rule table is missing"),
        (lambda: table_section("test-table.txt", "sizes"), "kg/resources/en/test-table.txt: section [sizes] is missing"),
        (lambda: table_sections("test-headless.txt"), "kg/resources/en/test-headless.txt: 'red' comes before any [section]"),
    ],
)
def test_resources_errors_name_the_table(tables, read, message):
    with pytest.raises(RuleError) as raised:
        read()
    assert str(raised.value) == message
