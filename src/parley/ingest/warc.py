"""WARC files (plain or gzipped): each HTML response record is read as an HTML page."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO, Any

from parley.errors import InputError, MalformedInput, TooLarge
from parley.model.article import ArticleMeta, Failure, RawArticle

from .dates import date_from_iso
from .detect import SNIFF_BYTES, is_warc, sniff_kind
from .html import html_article
from .meta import fill
from .outcome import failure

# Bytes after the last complete record that are only the blank lines WARC puts between records.
_TRAILER = b"\r\n"
# Read past the end of the last record to see whether anything (a cut-off record) follows it.
_TAIL_PROBE_BYTES = 64


def warc_articles(fileobj: IO[bytes], source: str, *, max_bytes: int) -> Iterator[RawArticle | Failure]:
    """Yield a RawArticle for each 2xx HTML response (or resource) record, or a Failure.

    A record whose payload is over ``max_bytes`` is a Failure and the rest go on. A truncated
    or corrupt record ends the file with a Failure naming the problem; the records read
    before it are kept. Other records (requests, images, redirects) are not articles.
    """
    head = fileobj.read(SNIFF_BYTES)
    fileobj.seek(0)
    if not is_warc(head):
        yield failure(
            MalformedInput(
                "not a WARC file (it does not start with WARC/1.x)", path=source, hint="check the file"
            ),
            source,
        )
        return
    # warcio here, not at module import: only WARC input needs it (~0.07 s)
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    iterator = ArchiveIterator(fileobj)
    end = 0  # where the last complete record ended
    try:
        for record in iterator:
            result = _record(record, source, max_bytes)
            iterator.read_to_end(record)
            length = record.rec_headers.get_header("Content-Length")
            if not length or not length.strip().isdigit():
                raise MalformedInput(
                    f"truncated WARC record at byte {end}: its headers are cut off",
                    path=source,
                )
            if record.raw_stream.limit > 0:
                raise MalformedInput(
                    f"truncated WARC record at byte {end}: "
                    f"{record.raw_stream.limit} bytes of its content are missing",
                    path=source,
                )
            end = iterator.get_record_offset() + iterator.get_record_length()
            if result is not None:
                yield result
        _check_tail(fileobj, end, source)
    except InputError as exc:
        yield failure(exc, source)
    except ArchiveLoadFailed as exc:
        what = "not a WARC file" if end == 0 else f"corrupt WARC after byte {end}"
        yield failure(MalformedInput(f"{what} ({exc})", path=source, hint="check the file"), source)
    except (EOFError, zlib.error, ValueError, OSError) as exc:
        yield failure(
            MalformedInput(f"corrupt WARC after byte {end} ({type(exc).__name__}: {exc})", path=source),
            source,
        )


def _record(record: Any, source: str, max_bytes: int) -> RawArticle | Failure | None:
    if record.rec_type not in ("response", "resource"):
        return None
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    where = f"{source}#{record_id}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    content_type = record.rec_headers.get_header("Content-Type")
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if record.rec_type == "response" and not (status or "").startswith("2"):
            return None  # redirects and error pages carry no article
        content_type = record.http_headers.get_header("Content-Type")
    if content_type and "html" not in content_type.lower():
        return None
    if record.length is not None and record.length > max_bytes:
        return failure(TooLarge(f"record of {record.length:,} bytes is over the limit", path=where), where)
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return failure(TooLarge(f"payload is over the limit of {max_bytes:,} bytes", path=where), where)
    if not content_type and sniff_kind(body[:8192], default="") != "html":
        return None
    charset = _charset(content_type)
    try:
        article = html_article(body, where, kind="warc", url=url, encoding=charset)
    except InputError as exc:
        return failure(exc, where)
    crawl = ArticleMeta(url=url, published=date_from_iso(record.rec_headers.get_header("WARC-Date")))
    return RawArticle(where, "warc", article.text, fill(article.meta, crawl), article.raw, record_id or None)


def _check_tail(fileobj: IO[bytes], end: int, source: str) -> None:
    """Raise MalformedInput if bytes other than blank lines follow the last complete record.

    warcio stops quietly at a record it cannot parse (a cut-off header, a truncated gzip
    member), so what it left unread is checked here.
    """
    try:
        fileobj.seek(end)
        tail = fileobj.read(_TAIL_PROBE_BYTES)
    except OSError:
        return
    if tail.strip(_TRAILER + b" \t"):
        raise MalformedInput(
            f"truncated or corrupt WARC record at byte {end}; the records before it were read",
            path=source,
        )


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
