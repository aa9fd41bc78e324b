"""RSS and Atom feeds: each item's page is fetched and read as HTML."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

from parley.errors import DateFormatError, EmptyInput, InputError, MalformedInput
from parley.model.article import ArticleMeta, Failure, RawArticle

from .dates import parse_date
from .detect import sniff_kind
from .fetch import Fetcher, is_url
from .html import html_article
from .meta import clean_string, fill, normalise_language
from .outcome import failure


def feed_articles(
    raw: bytes, source: str, fetcher: Fetcher, *, base_url: str | None = None
) -> Iterator[RawArticle | Failure]:
    """Yield a RawArticle (or a Failure) for each item of the feed, fetching each item's link.

    The item's page gives the text and metadata; the item fills gaps (title, date, the feed
    title as outlet, guid as external id). An item whose page cannot be fetched is a Failure
    and the rest go on.
    """
    if not raw.strip():
        raise EmptyInput("empty (nothing but whitespace)", path=source)
    headers = {"content-location": base_url} if base_url else {}
    import feedparser  # here, not at module import: extract and ingest of local text never need it

    parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers)
    has_root = sniff_kind(raw[:8192]) == "feed"
    if not parsed.entries:
        if not has_root and not parsed.version:
            raise MalformedInput(
                "not a feed (no <rss> or <feed> element)",
                path=source,
                hint="pass --format html to read it as a page",
            )
        if parsed.bozo:
            raise MalformedInput(
                f"feed XML is broken ({parsed.bozo_exception}); no items could be read", path=source
            )
        raise EmptyInput("the feed has no items", path=source)
    channel = parsed.feed
    outlet = clean_string(channel.get("title"))
    language = normalise_language(channel.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#item-{number}"
        try:
            yield _item(entry, where, fetcher, outlet=outlet, language=language)
        except InputError as exc:
            yield failure(exc, exc.path or where)


def _item(
    entry: Any, where: str, fetcher: Fetcher, *, outlet: str | None, language: str | None
) -> RawArticle:
    link = clean_string(entry.get("link"))
    if not link:
        raise MalformedInput("the item has no link", path=where, hint="Parley fetches each item's page")
    if not is_url(link):
        raise MalformedInput(f"the item's link is not an http(s) URL: {link!r}", path=where)
    item_meta = ArticleMeta(
        title=clean_string(entry.get("title")),
        outlet=outlet,
        url=link,
        published=_item_date(entry, where),
        language=language,
        authors=tuple(a for a in [clean_string(entry.get("author"))] if a),
    )
    fetched = fetcher.get(link)
    article = html_article(fetched.body, link, kind="feed", url=fetched.url, encoding=fetched.charset)
    guid = clean_string(entry.get("id"))
    return RawArticle(link, "feed", article.text, fill(article.meta, item_meta), article.raw, guid)


def _item_date(entry: Any, where: str) -> date | None:
    """Return the item's date as the feed wrote it (its own time zone), else as feedparser read it."""
    for key in ("published", "updated"):
        value = entry.get(key)
        if value:
            try:
                return parse_date(value, source=where)
            except DateFormatError:
                pass
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
