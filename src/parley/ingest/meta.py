"""Building and merging ArticleMeta from the places metadata comes from."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from parley.errors import MalformedInput
from parley.model.article import ArticleMeta, RawArticle

from .dates import parse_date

# A title taken from the first line of a text is only believable if it is short; a longer
# first line is a paragraph of the body.
MAX_TITLE_CHARS = 200

_STRING_KEYS = ("title", "outlet", "url", "language")
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*")


@dataclass(frozen=True)
class CommandLine:
    """Metadata given on the command line: ``published`` overrides, ``outlet`` fills gaps."""

    published: date | None = None
    outlet: str | None = None

    def apply(self, article: RawArticle) -> RawArticle:
        """Return ``article`` with the command-line metadata applied."""
        meta = article.meta
        new = replace(
            meta,
            published=self.published or meta.published,
            outlet=meta.outlet or self.outlet,
        )
        return article if new == meta else replace(article, meta=new)


def meta_from_mapping(
    data: Mapping[str, Any], source: str, *, read_published: bool = True
) -> tuple[ArticleMeta, str | None]:
    """Return the ArticleMeta and the external id in a key/value mapping (front matter, JSON).

    Keys: title, outlet, url, published, language, author/authors, id. Empty values mean
    unknown. ``read_published=False`` skips the date (the command line overrides it anyway).
    """
    values: dict[str, Any] = {}
    for key in _STRING_KEYS:
        value = _string(data, key, source)
        if value is not None:
            values[key] = normalise_language(value) if key == "language" else value
    if read_published:
        published = _string(data, "published", source)
        if published is not None:
            values["published"] = parse_date(published, source=source)
    authors = data.get("authors", data.get("author"))
    if isinstance(authors, str):
        authors = re.split(r"[;,]", authors)
    if isinstance(authors, list):
        values["authors"] = tuple(str(a).strip() for a in authors if str(a).strip())
    elif authors is not None:
        raise MalformedInput("'authors' must be a string or a list of strings", path=source)
    ext = data.get("id")
    external_id = None if ext is None or str(ext).strip() == "" else str(ext).strip()
    return ArticleMeta(**values), external_id


def fill(primary: ArticleMeta, secondary: ArticleMeta) -> ArticleMeta:
    """Return ``primary`` with each unknown field taken from ``secondary``."""
    values = {}
    for f in fields(ArticleMeta):
        mine = getattr(primary, f.name)
        values[f.name] = mine if mine not in (None, ()) else getattr(secondary, f.name)
    return ArticleMeta(**values)


def normalise_language(value: str | None) -> str | None:
    """Return the primary language subtag ("en-GB" -> "en"), or the lower-cased value as given."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if _LANGUAGE_TAG.fullmatch(value):
        return re.split(r"[-_]", value)[0].lower()
    return value.lower()


def default_title(body: str) -> str | None:
    """Return the first non-empty line of ``body`` (Markdown '#' removed) if it is short, else None."""
    for line in body.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) < MAX_TITLE_CHARS else None
    return None


def clean_string(value: str | None) -> str | None:
    """Return ``value`` with runs of whitespace collapsed, or None when nothing is left."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _string(data: Mapping[str, Any], key: str, source: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and key != "published":
        value = str(value)
    if not isinstance(value, str):
        raise MalformedInput(f"'{key}' must be a string, not {type(value).__name__}", path=source)
    return clean_string(value)
