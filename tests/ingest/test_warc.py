"""WARC files written by the test with warcio: HTML responses in, truncation reported."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parley.config import Settings
from parley.ingest import read_inputs
from parley.model.article import Failure, RawArticle

from .conftest import page

STORIES = [
    (
        "Border crossing reopens",
        "The northern crossing reopened on Tuesday after talks between the two ministries.",
    ),
    (
        "Prisoner exchange agreed",
        "Both sides agreed to exchange forty prisoners each under the mediators' plan.",
    ),
    ("Monitors extend mission", "The monitoring mission will stay another three months, its chief said."),
]


def write_warc(gz: bool) -> bytes:
    """Return a WARC holding a request, three HTML responses, an image and a redirect."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(
        writer.create_warc_record("https://news.example/", "request", payload=io.BytesIO(b"GET /"))
    )
    for n, (headline, body) in enumerate(STORIES):
        if n == 1:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    "https://news.example/logo.png",
                    "response",
                    payload=io.BytesIO(b"\x89PNG"),
                    http_headers=image,
                )
            )
            moved = StatusAndHeaders("301 Moved", [("Location", "/new"), ("Content-Type", "text/html")])
            writer.write_record(
                writer.create_warc_record(
                    "https://news.example/old", "response", payload=io.BytesIO(b""), http_headers=moved
                )
            )
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://news.example/story/{n}",
            "response",
            payload=io.BytesIO(page(headline, body)),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2025-12-29T08:00:00Z"},
        )
        writer.write_record(record)
    return buf.getvalue()


def test_warc_and_warc_gz(tmp_path: Path, settings: Settings) -> None:
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        path = tmp_path / name
        path.write_bytes(write_warc(gz))
        items = list(read_inputs([str(path)], settings))
        assert all(isinstance(i, RawArticle) for i in items), items
        assert [i.text.splitlines()[-1] for i in items] == [body for _, body in STORIES]  # type: ignore[union-attr]
        first = items[0]
        assert isinstance(first, RawArticle)
        assert first.kind == "warc"
        assert first.source.startswith(f"{path}#urn:uuid:")
        assert first.external_id == first.source.split("#", 1)[1]
        assert first.meta.url == "https://news.example/story/0"
        assert first.meta.published == date(2025, 12, 29)  # WARC-Date: the page itself gives none
        assert first.meta.title == "Border crossing reopens"


def test_warc_sniffed_without_extension(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "crawl.bin"
    path.write_bytes(write_warc(True))
    items = list(read_inputs([str(path)], settings))
    assert len(items) == 3 and all(i.kind == "warc" for i in items if isinstance(i, RawArticle))


def test_truncated_warc_keeps_earlier_records(tmp_path: Path, settings: Settings) -> None:
    for gz in (False, True):
        data = write_warc(gz)
        for cut in (60, 250):
            path = tmp_path / f"cut{cut}.warc{'.gz' if gz else ''}"
            path.write_bytes(data[:-cut])
            items = list(read_inputs([str(path)], settings))
            assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle", "Failure"], (
                gz,
                cut,
                items,
            )
            last = items[-1]
            assert isinstance(last, Failure)
            assert last.reason == "malformed"
            assert last.source == str(path)
            assert last.message.startswith(f"{path}: truncated")


def test_not_a_warc(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("This is a note about the talks, not an archive.\n", encoding="utf-8")
    items = list(read_inputs([str(path)], settings))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].reason == "malformed" and items[0].message.startswith(f"{path}: not a WARC file (")
