"""Kind detection: extension first, then the first bytes (and an HTTP Content-Type)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from parley.errors import BinaryInput
from parley.ingest.detect import binary_kind, check_not_binary, kind_from_extension, sniff_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.MD", "text"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.rss", "feed"),
        ("a.warc", "warc"),
        ("crawl.warc.gz", "warc"),
        ("a.xml", None),
        ("a", None),
    ],
)
def test_extension(name: str, kind: str | None) -> None:
    assert kind_from_extension(Path(name)) == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?><!-- hi --><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html>\n<html><head>", "html"),
        (b"\xef\xbb\xbf  <html lang=en>", "html"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n", mtime=0), "warc"),
        (b'{"text": "a"}\n\n{"text": "b"}\n', "jsonl"),
        (b'{"text": "a"}\nnot json\n', "text"),
        (b"Envoys met in Geneva on Monday.\n", "text"),
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff_kind(head) == kind


def test_content_type_breaks_ties_but_markup_wins() -> None:
    assert sniff_kind(b"Talks resumed.", "text/html; charset=utf-8", default="text") == "html"
    assert sniff_kind(b"Talks resumed.", "application/rss+xml") == "feed"
    assert sniff_kind(b"Talks resumed.", "text/plain", default="html") == "text"
    assert sniff_kind(b"<rss><channel>", "text/html") == "feed"


def test_binary_detection_names_the_format() -> None:
    assert binary_kind(b"%PDF-1.7\n...") == "a PDF document"
    assert binary_kind("Talks in Gen\u00e8ve".encode()) is None
    assert binary_kind("x".encode("utf-16")) is None  # UTF-16 with BOM is text
    assert binary_kind(b"abc\x00def") is not None
    assert binary_kind(bytes(range(1, 9)) * 20) is not None
    with pytest.raises(BinaryInput, match=r"^scan\.pdf: not text: looks like a PDF document; Parley reads"):
        check_not_binary(b"%PDF-1.4", "scan.pdf")
