"""Plain-text files and the bad inputs every file kind can be: through the public read_inputs."""

from __future__ import annotations

import json
import os
import time
from datetime import date
from pathlib import Path

import pytest

from parley.config import Settings
from parley.errors import InputError
from parley.ingest import read_inputs
from parley.model.article import Failure, RawArticle

ARTICLE = """---
title: Trump says peace talks moving in right direction
outlet: Parley sample
published: 2025-12-29
url: https://example.org/x
language: en-US
---
Officials from both delegations met for three hours on Sunday.

The president told reporters the talks were moving in the right direction.
"""


def one(path: Path | str, settings: Settings, **kwargs: object) -> RawArticle | Failure:
    items = list(read_inputs([str(path)], settings, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def test_front_matter_fills_meta_and_stays_in_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "talks.md"
    path.write_text(ARTICLE, encoding="utf-8")
    art = one(path, settings)
    assert isinstance(art, RawArticle)
    assert art.kind == "text"
    assert art.text == ARTICLE  # the whole file: raw offsets index into it
    assert art.raw == ARTICLE.encode()
    assert art.meta.title == "Trump says peace talks moving in right direction"
    assert art.meta.outlet == "Parley sample"
    assert art.meta.published == date(2025, 12, 29)
    assert art.meta.url == "https://example.org/x"
    assert art.meta.language == "en"
    assert art.source == str(path)


def test_plain_text_title_defaults_to_short_first_line(tmp_path: Path, settings: Settings) -> None:
    body = "\n\nCeasefire holds for a third day\nResidents returned to the market on Tuesday.\n"
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text("x" * 250 + "\nmore\n", encoding="utf-8")
    a = one(tmp_path / "a.txt", settings)
    b = one(tmp_path / "b.txt", settings)
    assert isinstance(a, RawArticle) and isinstance(b, RawArticle)
    assert a.text == body
    assert a.meta.title == "Ceasefire holds for a third day"
    assert b.meta.title is None
    assert a.meta.published is None and a.meta.outlet is None


def test_sidecar_meta_json_fills_gaps(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "note.txt").write_text("---\ntitle: From the file\n---\nTalks resumed.\n", encoding="utf-8")
    sidecar = {
        "title": "From the sidecar",
        "outlet": "Harbour Post",
        "published": "29 December 2025",
        "id": 7,
    }
    (tmp_path / "note.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    art = one(tmp_path / "note.txt", settings)
    assert isinstance(art, RawArticle)
    assert art.meta.title == "From the file"  # the file's own front matter wins
    assert art.meta.outlet == "Harbour Post"
    assert art.meta.published == date(2025, 12, 29)
    assert art.external_id == "7"


def test_command_line_published_wins_and_outlet_fills(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "talks.md"
    path.write_text(ARTICLE, encoding="utf-8")
    bare = tmp_path / "bare.txt"
    bare.write_text("Talks resumed in Doha.\n", encoding="utf-8")
    art, other = read_inputs(
        [str(path), str(bare)], settings, published=date(2026, 1, 2), outlet="CLI Outlet"
    )
    assert isinstance(art, RawArticle) and isinstance(other, RawArticle)
    assert art.meta.published == date(2026, 1, 2)
    assert art.meta.outlet == "Parley sample"
    assert other.meta.outlet == "CLI Outlet"
    assert other.meta.published == date(2026, 1, 2)


def test_bom_encodings(tmp_path: Path, settings: Settings) -> None:
    words = "Talks in Genève resumed on Monday.\n"
    (tmp_path / "sig.txt").write_bytes(b"\xef\xbb\xbf" + words.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(words.encode("utf-16"))
    for name in ("sig.txt", "u16.txt"):
        art = one(tmp_path / name, settings)
        assert isinstance(art, RawArticle), art
        assert art.text == words


def test_folder_reads_its_files_in_order_and_skips_sidecars(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "b.txt").write_text("Second article.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"outlet": "Side"}', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], settings))
    assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle"]
    assert [i.text for i in items if isinstance(i, RawArticle)] == ["First article.\n", "Second article.\n"]
    assert items[0].meta.outlet == "Side"  # type: ignore[union-attr]


def bad(path: Path | str, settings: Settings, reason: str, *parts: str) -> Failure:
    item = one(path, settings)
    assert isinstance(item, Failure), item
    assert item.reason == reason, item
    assert item.source == str(path)
    assert item.message.startswith(f"{path}: ")
    assert "\n" not in item.message and "Traceback" not in item.message
    for part in parts:
        assert part in item.message, item.message
    return item


def test_missing_file(tmp_path: Path, settings: Settings) -> None:
    bad(tmp_path / "nope.txt", settings, "bad input", "no such file")


def test_empty_file(tmp_path: Path, settings: Settings) -> None:
    for name in ("blank.txt", "blank.html", "blank.jsonl", "blank.rss", "blank"):
        (tmp_path / name).write_text("  \n\t\n", encoding="utf-8")
        bad(tmp_path / name, settings, "empty", "empty")


def test_front_matter_only_is_empty(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "fm.txt").write_text("---\ntitle: x\n---\n\n", encoding="utf-8")
    bad(tmp_path / "fm.txt", settings, "empty", "no article text")


def test_binary_file(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "data.bin").write_bytes(b"ab\x00cd" * 50)
    bad(tmp_path / "photo.txt", settings, "binary", "PNG image")
    bad(tmp_path / "data.bin", settings, "binary", "NUL bytes")


def test_wrong_encoding_names_the_byte_offset(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "latin.txt").write_bytes("Talks in Genève resumed.".encode("latin-1"))
    bad(tmp_path / "latin.txt", settings, "encoding", "byte 0xe8 at offset 12", "re-encode it as UTF-8")


def test_bad_front_matter(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "d.txt").write_text("---\npublished: sometime soon\n---\nText.\n", encoding="utf-8")
    (tmp_path / "m.txt").write_text("---\ntitle: ok\nthis line has no key\n---\nText.\n", encoding="utf-8")
    bad(tmp_path / "d.txt", settings, "date format", "'sometime soon'", "YYYY-MM-DD")
    bad(tmp_path / "m.txt", settings, "malformed", "front matter line 3")


def test_bad_date_ignored_when_command_line_gives_one(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "d.txt").write_text("---\npublished: sometime soon\n---\nText.\n", encoding="utf-8")
    art = one(tmp_path / "d.txt", settings, published=date(2025, 12, 30))
    assert isinstance(art, RawArticle)
    assert art.meta.published == date(2025, 12, 30)


def test_broken_sidecar(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "n.txt").write_text("Talks resumed.\n", encoding="utf-8")
    (tmp_path / "n.meta.json").write_text("{not json", encoding="utf-8")
    bad(tmp_path / "n.txt", settings, "malformed", "metadata sidecar n.meta.json cannot be read")


def test_huge_sparse_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.touch()
    os.truncate(path, 200 * 1024 * 1024)
    start = time.monotonic()
    item = bad(path, Settings(), "too large", "209,715,200 bytes", "20,000,000")
    assert time.monotonic() - start < 1.0  # reading 200 MB of zeros would take far longer
    assert item.reason == "too large"


def test_one_bad_input_does_not_stop_the_batch(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "ok.txt").write_text("Talks resumed.\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "gone.txt"), str(tmp_path / "ok.txt")], settings))
    assert [type(i).__name__ for i in items] == ["Failure", "RawArticle"]


def test_unknown_format_is_refused_up_front(settings: Settings) -> None:
    with pytest.raises(InputError, match="unknown format 'pdf'; choose one of text, html"):
        read_inputs(["x.txt"], settings, fmt="pdf")


def test_forced_format(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>Literal markup, kept as text.</p>\n", encoding="utf-8")
    art = one(path, settings, fmt="text")
    assert isinstance(art, RawArticle)
    assert art.kind == "text" and art.text.startswith("<p>")
