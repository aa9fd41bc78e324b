"""JSONL / NDJSON files: one article per line, each line read (or refused) on its own."""

from __future__ import annotations

import json
from collections.abc import Iterator

from parley.errors import EmptyInput, InputError, MalformedInput
from parley.model.article import ArticleMeta, Failure, RawArticle

from .detect import check_not_binary
from .files import decode_text
from .html import html_article
from .meta import default_title, fill, meta_from_mapping
from .outcome import failure


def jsonl_articles(raw: bytes, source: str, *, read_published: bool = True) -> Iterator[RawArticle | Failure]:
    """Yield a RawArticle or a Failure for each non-blank line; a bad line does not stop the rest.

    Each line is an object with ``text`` or ``html`` and optionally ``id``, ``title``,
    ``outlet``, ``url``, ``published``, ``language``. Records are named "FILE:LINE".
    """
    if not raw.strip():
        raise EmptyInput("empty (nothing but whitespace)", path=source)
    check_not_binary(raw[:32768], source)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _record(line, where, read_published=read_published)
        except InputError as exc:
            yield failure(exc, where)


def _record(line: bytes, where: str, *, read_published: bool) -> RawArticle:
    text = decode_text(line, where)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(
            f"invalid JSON at column {exc.colno}: {exc.msg}",
            path=where,
            hint="each line must be one JSON object",
        ) from None
    if not isinstance(data, dict):
        raise MalformedInput(f"a JSON {type(data).__name__}, not an object", path=where)
    _check_unicode(data, where)
    meta, external_id = meta_from_mapping(data, where, read_published=read_published)
    body, page = data.get("text"), data.get("html")
    if body is not None:
        if not isinstance(body, str):
            raise MalformedInput(f"'text' must be a string, not {type(body).__name__}", path=where)
        if not body.strip():
            raise EmptyInput("'text' is empty", path=where)
        meta = fill(meta, ArticleMeta(title=default_title(body)))
        return RawArticle(where, "jsonl", body, meta, raw=line, external_id=external_id)
    if page is not None:
        if not isinstance(page, str):
            raise MalformedInput(f"'html' must be a string, not {type(page).__name__}", path=where)
        article = html_article(page.encode("utf-8"), where, kind="jsonl", url=meta.url)
        # The record's own fields are the user's word; the page only fills what they left out.
        return RawArticle(where, "jsonl", article.text, fill(meta, article.meta), article.raw, external_id)
    raise MalformedInput("no 'text' or 'html' field", path=where, hint="give the article as text or html")


def _check_unicode(data: dict[str, object], where: str) -> None:
    """Raise MalformedInput when a string field holds a lone surrogate (valid JSON, invalid text).

    ``"\\ud800"`` parses, but no UTF-8 text can hold it, so the record could never be stored.
    """
    for key, value in data.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise MalformedInput(
                    f"field {key!r} holds an unpaired surrogate escape at character {exc.start}",
                    path=where,
                    hint="escape the character as a pair (\\ud83d\\ude00) or remove it",
                ) from None
