"""The ingest entry point: every input spec becomes RawArticles or Failures, never an exception."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from parley.config import Settings
from parley.errors import InputError
from parley.model.article import Failure, RawArticle

from .detect import KINDS, check_not_binary, is_warc, kind_from_extension, sniff_kind
from .feed import feed_articles
from .fetch import Fetcher, is_url
from .files import file_size, read_bytes, read_head
from .html import html_article
from .jsonl import jsonl_articles
from .meta import CommandLine
from .outcome import failure, unexpected
from .text import text_article
from .walk import expand
from .warc import warc_articles

if TYPE_CHECKING:
    import httpx


def read_inputs(
    specs: Iterable[str],
    settings: Settings,
    *,
    published: date | None = None,
    fmt: str | None = None,
    outlet: str | None = None,
    client: httpx.Client | None = None,
) -> Iterator[RawArticle | Failure]:
    """Return an iterator of one RawArticle or Failure per article found in ``specs``.

    ``specs`` are file paths, folders (their files, sorted) or http(s) URLs. ``fmt`` forces
    the kind (text, html, jsonl, feed, warc); otherwise the extension decides, then the
    content. ``published`` overrides the input's date; ``outlet`` fills it where the input
    names none. A bad input is a Failure with a one-line message, and the batch goes on.
    Raises InputError at once (not per input) for an unknown ``fmt``.
    """
    if fmt is not None and fmt not in KINDS:
        raise InputError(f"unknown format {fmt!r}", hint=f"choose one of {', '.join(KINDS)}")
    return _read_all(specs, settings, CommandLine(published, outlet), fmt, client)


def _read_all(
    specs: Iterable[str], settings: Settings, cli: CommandLine, fmt: str | None, client: httpx.Client | None
) -> Iterator[RawArticle | Failure]:
    reader = _Reader(settings, cli, fmt, Fetcher(settings, client))
    try:
        for spec in specs:
            for item in reader.read(spec):
                yield cli.apply(item) if isinstance(item, RawArticle) else item
    finally:
        reader.fetcher.close()


class _Reader:
    def __init__(self, settings: Settings, cli: CommandLine, fmt: str | None, fetcher: Fetcher) -> None:
        self.settings = settings
        self.fmt = fmt
        self.fetcher = fetcher
        # A date the command line overrides is not read from the input, so it cannot fail there.
        self.read_published = cli.published is None

    def read(self, spec: str) -> Iterator[RawArticle | Failure]:
        """Yield what one spec holds; every error becomes a Failure for that spec."""
        try:
            if is_url(spec):
                yield from self._url(spec)
            elif Path(spec).is_dir():
                yield from self._folder(Path(spec))
            else:
                yield from self._file(Path(spec))
        except InputError as exc:
            yield failure(exc, spec)
        except Exception as exc:  # a library tripping on one odd input must not stop the batch
            yield unexpected(exc, spec)

    def _folder(self, folder: Path) -> Iterator[RawArticle | Failure]:
        for child in expand([str(folder)]).inputs:
            yield from self.read(child)

    def _file(self, path: Path) -> Iterator[RawArticle | Failure]:
        source = str(path)
        max_bytes = self.settings.max_bytes
        kind = self.fmt or kind_from_extension(path)
        if kind == "warc":
            # WARC files are streamed record by record; the size cap applies to each record.
            file_size(path, None)
            with path.open("rb") as fh:
                yield from warc_articles(fh, source, max_bytes=max_bytes)
            return
        file_size(path, max_bytes)
        if kind is None:
            head = read_head(path)
            if is_warc(head):
                with path.open("rb") as fh:
                    yield from warc_articles(fh, source, max_bytes=max_bytes)
                return
            check_not_binary(head, source)
            kind = sniff_kind(head)
        raw = read_bytes(path, max_bytes)
        if kind == "text":
            yield text_article(raw, source, path=path, read_published=self.read_published)
        elif kind == "html":
            yield html_article(raw, source)
        elif kind == "jsonl":
            yield from jsonl_articles(raw, source, read_published=self.read_published)
        else:
            yield from feed_articles(raw, source, self.fetcher)

    def _url(self, url: str) -> Iterator[RawArticle | Failure]:
        fetched = self.fetcher.get(url)
        kind = self.fmt or sniff_kind(fetched.body[:8192], fetched.content_type, default="html")
        if kind == "feed":
            yield from feed_articles(fetched.body, url, self.fetcher, base_url=fetched.url)
        elif kind == "warc":
            yield from warc_articles(io.BytesIO(fetched.body), url, max_bytes=self.settings.max_bytes)
        elif kind == "jsonl":
            yield from jsonl_articles(fetched.body, url, read_published=self.read_published)
        elif kind == "text":
            yield text_article(
                fetched.body, url, encoding=fetched.charset, read_published=self.read_published
            )
        else:
            yield html_article(fetched.body, url, url=fetched.url, encoding=fetched.charset)
