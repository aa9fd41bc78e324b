"""JSONL: one article per line; a bad line is a Failure for that line and the rest go on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from parley.config import Settings
from parley.ingest import read_inputs
from parley.model.article import Failure, RawArticle

LINES = [
    json.dumps(
        {
            "id": "a1",
            "text": "Talks resumed in Doha on Monday.",
            "outlet": "Gulf Desk",
            "published": "December 29, 2025",
            "language": "en",
            "url": "https://example.org/a1",
        }
    ),
    "{not json}",
    json.dumps({"id": "a2", "title": "No body"}),
    json.dumps({"text": "A truce was announced.", "published": "the other day"}),
    "",
    json.dumps(["a", "list"]),
    json.dumps(
        {
            "html": "<html><head><title>Page title</title></head><body><article>"
            "<p>Monitors reported no shelling overnight along the line.</p></article></body></html>",
            "title": "Record title",
            "id": 9,
        }
    ),
    json.dumps({"text": "   "}),
]


def test_jsonl_lines(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)], settings, outlet="Fallback"))
    assert [i.source for i in items] == [f"{path}:{n}" for n in (1, 2, 3, 4, 6, 7, 8)]

    first = items[0]
    assert isinstance(first, RawArticle)
    assert first.kind == "jsonl" and first.text == "Talks resumed in Doha on Monday."
    assert first.external_id == "a1" and first.article_id == "a1"
    assert first.meta.outlet == "Gulf Desk" and first.meta.published == date(2025, 12, 29)
    assert first.meta.url == "https://example.org/a1" and first.meta.language == "en"

    reasons = {i.source.rsplit(":", 1)[1]: (i.reason, i.message) for i in items if isinstance(i, Failure)}
    assert reasons["2"][0] == "malformed" and "invalid JSON at column 2" in reasons["2"][1]
    assert reasons["3"][0] == "malformed" and "no 'text' or 'html' field" in reasons["3"][1]
    assert reasons["4"][0] == "date format" and "'the other day'" in reasons["4"][1]
    assert reasons["6"][0] == "malformed" and "a JSON list, not an object" in reasons["6"][1]
    assert reasons["8"][0] == "empty"
    assert all(msg.startswith(f"{path}:") for _, msg in reasons.values())

    page = items[5]
    assert isinstance(page, RawArticle)
    assert page.text == "Monitors reported no shelling overnight along the line."
    assert page.meta.title == "Record title"  # the record's own field beats the page's <title>
    assert page.meta.outlet == "Fallback"  # the command line fills what the record left out
    assert page.external_id == "9"


def test_jsonl_sniffed_and_bad_bytes_on_one_line(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "export.txt.json"
    good = json.dumps({"text": "Envoys met again."}).encode()
    path.write_bytes(good + b"\n" + b'{"text": "caf\xe9"}\n' + good + b"\n")
    items = list(read_inputs([str(path)], settings))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Failure", "RawArticle"]
    assert isinstance(items[1], Failure) and items[1].reason == "encoding"
    assert "byte 0xe9 at offset 13" in items[1].message
