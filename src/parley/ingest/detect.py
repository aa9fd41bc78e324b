"""Deciding what kind of input a file or download is: by extension, then by its first bytes."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from parley.errors import BinaryInput

KINDS = ("text", "html", "jsonl", "feed", "warc")

# How much of a file is read to sniff its kind: enough for an XML prolog, a doctype, comments
# and the root element of any real page or feed, and a few JSONL lines.
SNIFF_BYTES = 8192

# Lines looked at to call a file JSONL: a handful is enough, and the last one in the sniffed
# window may be cut short.
JSONL_SNIFF_LINES = 20

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}

# File signatures of common binary formats someone might pass by mistake, named in the message.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_WARC_MAGIC = b"WARC/1."
_GZIP_MAGIC = b"\x1f\x8b"

# Markup before the root element that sniffing steps over: XML prolog, comments, doctype.
_PROLOG = re.compile(rb"\s*(<\?xml[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_FIRST_TAG = re.compile(rb"\s*<([a-zA-Z][\w:.-]*)")
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf"}

# Share of control bytes (not tab, newline, carriage return, form feed) above which bytes are
# called binary. Real text has essentially none; 5% leaves room for a stray escape code.
BINARY_CONTROL_SHARE = 0.05
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def kind_from_extension(path: Path) -> str | None:
    """Return the kind a file name promises (".warc.gz" counts as WARC), or None if it says nothing."""
    name = path.name.lower()
    if name.endswith((".warc.gz", ".warc.gzip")):
        return "warc"
    return _EXTENSIONS.get(path.suffix.lower())


def is_warc(head: bytes) -> bool:
    """Return True if ``head`` starts a WARC file, plain or gzip-compressed."""
    if head.startswith(_WARC_MAGIC):
        return True
    if head.startswith(_GZIP_MAGIC):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, len(_WARC_MAGIC))
        except zlib.error:
            return False
        return inner.startswith(_WARC_MAGIC)
    return False


def binary_kind(head: bytes) -> str | None:
    """Return a description of the binary format ``head`` starts (or "binary data"), None for text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a BOM: text, though full of NUL bytes
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    sample = head[:SNIFF_BYTES]
    if sample:
        controls = len(sample) - len(sample.translate(None, _CONTROL))
        if controls / len(sample) > BINARY_CONTROL_SHARE:
            return "binary data (it is mostly control bytes)"
    return None


def check_not_binary(head: bytes, source: str) -> None:
    """Return nothing; raise BinaryInput when ``head`` is not text."""
    what = binary_kind(head)
    if what is not None:
        raise BinaryInput(
            f"not text: looks like {what}",
            path=source,
            hint="Parley reads plain text, HTML, JSONL, RSS/Atom feeds and WARC files",
        )


def sniff_kind(head: bytes, content_type: str | None = None, *, default: str = "text") -> str:
    """Return the kind that ``head`` (the first bytes) and an HTTP Content-Type suggest."""
    if is_warc(head):
        return "warc"
    ctype = (content_type or "").split(";")[0].strip().lower()
    root = _root_element(head)
    if root in _FEED_ROOTS:
        return "feed"
    if root == b"html" or re.match(rb"\s*<!doctype\s+html", _strip_bom(head), re.IGNORECASE):
        return "html"
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if _looks_jsonl(head):
        return "jsonl"
    if ctype == "text/plain":
        return "text"
    if root is not None and b"<html" in head[:SNIFF_BYTES].lower():
        return "html"
    return default


def _strip_bom(head: bytes) -> bytes:
    return head[3:] if head.startswith(b"\xef\xbb\xbf") else head


def _root_element(head: bytes) -> bytes | None:
    """Return the lower-cased name of the first element after any prolog, or None."""
    data = _strip_bom(head)
    pos = 0
    while True:
        m = _PROLOG.match(data, pos)
        if m is None:
            break
        pos = m.end()
    m = _FIRST_TAG.match(data, pos)
    return m.group(1).lower() if m else None


def _looks_jsonl(head: bytes) -> bool:
    lines = [line.strip() for line in _strip_bom(head).splitlines()[:JSONL_SNIFF_LINES]]
    lines = [line for line in lines if line]
    return bool(lines) and all(line.startswith(b"{") for line in lines)
