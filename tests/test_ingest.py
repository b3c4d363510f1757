"""Reading articles, metadata and bad input (kg.ingest)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError, PublicationDateError
from kg.ingest import decode_text, parse_publication_date, read_articles


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2022-01-26", date(2022, 1, 26)),
        ("2022-01-26T23:10:00Z", date(2022, 1, 26)),
        ("2022-01-26 08:00:00+05:00", date(2022, 1, 26)),
        ("Wed, 26 Jan 2022 10:00:00 GMT", date(2022, 1, 26)),
    ],
)
def test_ingest_parses_publication_date_formats(value, expected):
    assert parse_publication_date(value, "x.txt") == expected


@pytest.mark.parametrize(
    "value,message",
    [
        ("2022-02-30", "x.txt: impossible publication date '2022-02-30'"),
        ("next tuesday", "x.txt: publication date 'next tuesday' is in an unknown format (use YYYY-MM-DD)"),
    ],
)
def test_ingest_rejects_bad_publication_date(value, message):
    with pytest.raises(PublicationDateError) as raised:
        parse_publication_date(value, "x.txt")
    assert str(raised.value) == message


def test_ingest_decodes_declared_and_detected_encodings():
    text = "Le ministre a démissionné à Genève mardi, selon un communiqué officiel."
    assert decode_text(text.encode("cp1252"), "a.txt", declared="cp1252") == text
    assert decode_text(text.encode("cp1252"), "a.txt") == text


def test_ingest_keeps_offsets_of_python_text_mode():
    assert decode_text(b"One.\r\nTwo.\rThree.", "a.txt") == "One.\nTwo.\nThree."


@pytest.mark.parametrize(
    "data,message",
    [(b"", "a.txt: empty file"), (b" \n\t\n", "a.txt: empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "a.txt: binary file, not text")],
)
def test_ingest_rejects_empty_and_binary(data, message):
    with pytest.raises(InputError) as raised:
        decode_text(data, "a.txt")
    assert str(raised.value) == message


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_ingest_reads_folder_with_csv_manifest(tmp_path):
    write(tmp_path, "a.txt", "The council met on Monday.")
    write(tmp_path, "b.txt", "The mayor resigned on Tuesday.")
    write(tmp_path, "articles.csv", "file,published,url,title,outlet,extra\na.txt,2021-03-01,http://x/a,A,Outlet A,1\nb.txt,2021-03-02,,,,\n")
    articles, problems = read_articles([tmp_path])
    assert problems == []
    assert [(a.identifier, a.publication_date, a.url, a.title, a.outlet) for a in articles] == [
        ("a.txt", date(2021, 3, 1), "http://x/a", "A", "Outlet A"),
        ("b.txt", date(2021, 3, 2), None, None, None),
    ]


def test_ingest_reads_jsonl_manifest_and_sidecar(tmp_path):
    write(tmp_path, "a.txt", "The council met on Monday.")
    write(tmp_path, "articles.jsonl", json.dumps({"file": "a.txt", "published": "2021-03-01"}) + "\n")
    other = tmp_path / "other"
    other.mkdir()
    write(other, "c.txt", "The court ruled on Friday.")
    write(other, "c.json", json.dumps({"published": "2020-05-08", "outlet": "Daily"}))
    articles, problems = read_articles([tmp_path, other / "c.txt"])
    assert problems == []
    assert [(a.identifier, a.publication_date) for a in articles] == [("a.txt", date(2021, 3, 1)), ("c.txt", date(2020, 5, 8))]


def test_ingest_default_published_fills_only_missing_dates(tmp_path):
    write(tmp_path, "a.txt", "The council met on Monday.")
    write(tmp_path, "b.txt", "The mayor resigned on Tuesday.")
    write(tmp_path, "articles.csv", "file,published\na.txt,2021-03-01\n")
    articles, _ = read_articles([tmp_path], default_published=date(2000, 1, 1))
    assert [a.publication_date for a in articles] == [date(2021, 3, 1), date(2000, 1, 1)]


def test_ingest_warns_about_missing_publication_date(tmp_path):
    write(tmp_path, "a.txt", "The council met on Monday.")
    articles, problems = read_articles([tmp_path])
    assert articles[0].publication_date is None
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'a.txt'}: no publication date (use --published); relative dates stay unresolved"
    ]
    assert not problems[0].skipped


def test_ingest_reads_jsonl_dump_and_reports_bad_rows(tmp_path):
    rows = [
        json.dumps({"id": "n1", "text": "Rain fell on Sunday.", "published": "2019-07-07", "url": "http://x/1", "title": "Rain"}),
        "{not json",
        json.dumps({"id": "n3", "published": "2019-07-07"}),
        json.dumps({"id": "n4", "text": "Sun on Monday.", "published": "2019-02-30"}),
        "",
    ]
    dump = write(tmp_path, "crawl.jsonl", "\n".join(rows))
    articles, problems = read_articles([dump])
    assert [(a.identifier, a.publication_date, a.title) for a in articles] == [("n1", date(2019, 7, 7), "Rain")]
    assert [str(p) for p in problems] == [
        f"{dump}:2: not valid JSON (Expecting property name enclosed in double quotes)",
        f"{dump}:3: row has no text",
        f"{dump}:4: impossible publication date '2019-02-30'",
    ]


def test_ingest_skips_bad_files_and_keeps_the_rest(tmp_path):
    write(tmp_path, "good.txt", "The council met on Monday.")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "binary.txt", b"\x00\x01\x02\x03garbage\x00")
    write(tmp_path, "baddate.txt", "Text.")
    write(tmp_path, "articles.csv", "file,published\ngood.txt,2021-03-01\nbaddate.txt,2021-13-01\nghost.txt,2021-03-01\n")
    articles, problems = read_articles([tmp_path, tmp_path / "missing.txt"])
    assert [a.identifier for a in articles] == ["good.txt"]
    assert sorted(str(p) for p in problems) == sorted(
        [
            f"{tmp_path / 'ghost.txt'}: named in the manifest but no such file",
            f"{tmp_path / 'baddate.txt'}: impossible publication date '2021-13-01'",
            f"{tmp_path / 'binary.txt'}: binary file, not text",
            f"{tmp_path / 'empty.txt'}: empty file",
            f"{tmp_path / 'missing.txt'}: no such file or folder",
        ]
    )


def test_ingest_reports_malformed_sidecar(tmp_path):
    write(tmp_path, "a.txt", "The council met on Monday.")
    write(tmp_path, "a.json", "{oops")
    articles, problems = read_articles([tmp_path / "a.txt"])
    assert articles == []
    assert len(problems) == 1 and str(problems[0]).startswith(f"{tmp_path / 'a.json'}: malformed metadata")
