"""Plain-text articles (.txt, .md): the whole decoded file, with optional front matter or sidecar."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from parley.errors import EmptyInput, InputError, MalformedInput
from parley.model.article import ArticleMeta, Failure, RawArticle

from .files import decode_text
from .meta import CommandLine, default_title, fill, meta_from_mapping
from .outcome import failure

# A front-matter block must close within this many lines; a file that opens with a Markdown
# rule and never closes it is read as having no front matter.
MAX_FRONT_MATTER_LINES = 50

SIDECAR_SUFFIX = ".meta.json"

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*$")


def text_article(
    raw: bytes,
    source: str,
    *,
    path: Path | None = None,
    encoding: str | None = None,
    read_published: bool = True,
) -> RawArticle:
    """Return the RawArticle for a plain-text file: ``text`` is the whole decoded file, unchanged.

    Metadata comes from a front-matter block at the very start (kept in ``text``; the clean
    stage removes it), then from a ``NAME.meta.json`` sidecar beside ``NAME.txt``, then the
    title defaults to a short first line of the body.
    """
    text = decode_text(raw, source, encoding=encoding)
    fields, body_start = split_front_matter(text, source)
    body = text[body_start:]
    if not body.strip():
        raise EmptyInput("no article text after the front matter", path=source)
    meta, external_id = meta_from_mapping(fields, source, read_published=read_published)
    if path is not None:
        side_meta, side_id = _sidecar(path, read_published=read_published)
        meta = fill(meta, side_meta)
        external_id = external_id or side_id
    if meta.title is None:
        meta = fill(meta, ArticleMeta(title=default_title(body)))
    return RawArticle(source=source, kind="text", text=text, meta=meta, raw=raw, external_id=external_id)


def posted_article(
    text: str, *, name: str | None, published: date | None, outlet: str | None
) -> RawArticle | Failure:
    """Return the article a client posted as text (front matter allowed), or the Failure it is.

    Its source is ``api:NAME``, or ``api:TITLE`` when no name is given: messages and the store
    speak of the article, never of a temporary file.
    """
    where = f"api:{name or 'article'}"
    try:
        article = text_article(text.encode("utf-8"), where, read_published=published is None)
    except UnicodeEncodeError:
        return failure(MalformedInput("the text holds an unpaired surrogate; send valid Unicode"), where)
    except InputError as exc:
        return failure(exc, where)
    article = replace(article, source=f"api:{name or article.meta.title or article.content_hash[:16]}")
    return CommandLine(published, outlet).apply(article)


def split_front_matter(text: str, source: str) -> tuple[dict[str, str], int]:
    """Return the front-matter fields and the offset where the body starts (0 if there are none)."""
    opening = _OPEN.match(text)
    if opening is None:
        return {}, 0
    pos = opening.end()
    lines: list[tuple[int, str]] = []
    for number in range(2, MAX_FRONT_MATTER_LINES + 2):
        if pos >= len(text):
            return {}, 0
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        line = text[pos:end].rstrip("\r\n")
        pos = end
        if _CLOSE.fullmatch(line):
            return _parse_lines(lines, source), pos
        lines.append((number, line))
    return {}, 0


def _parse_lines(lines: list[tuple[int, str]], source: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for number, line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, sep, value = stripped.partition(":")
        if not sep or not key.strip() or " " in key.strip():
            raise MalformedInput(
                f"front matter line {number} is not 'key: value': {stripped[:60]!r}",
                path=source,
                hint="fix the line or remove the --- block",
            )
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields[key.strip().lower()] = value
    return fields


def _sidecar(path: Path, *, read_published: bool) -> tuple[ArticleMeta, str | None]:
    side = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not side.is_file():
        return ArticleMeta(), None
    source = str(path)  # the article is what failed; the message names the sidecar
    try:
        data = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MalformedInput(f"metadata sidecar {side.name} cannot be read ({exc})", path=source) from None
    if not isinstance(data, dict):
        raise MalformedInput(f"metadata sidecar {side.name} must hold a JSON object", path=source)
    return meta_from_mapping(data, source, read_published=read_published)
