"""HTML pages: main text and metadata with trafilatura, publication date with htmldate."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from parley.errors import EmptyInput, MalformedInput
from parley.model.article import ArticleMeta, RawArticle

from .dates import date_from_iso
from .detect import check_not_binary
from .meta import clean_string, normalise_language

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# trafilatura is imported where a page is read, not with this module: a run over plain text (or
# JSONL of text) never needs it, and it takes a tenth of a second to import.

# htmldate (called by trafilatura's metadata step) looks only where a page states its date:
# meta tags, structured data, <time> elements and the URL. Its "extensive" search would also
# guess from any date in the text, which is how an article about a 2014 ceasefire gets 2014.
DATE_PARAMS = {"extensive_search": False, "original_date": True}

# Letters of visible text the raw page must hold, beyond what the parser found, before a page
# that yields no main text is called broken rather than empty. A title and a menu are fewer.
MIN_LOST_LETTERS = 40

_SCRIPT_STYLE = re.compile(rb"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(rb"<[^>]*>")
_ANY_TAG = re.compile(rb"<[a-zA-Z!/]")
_HOSTLIKE = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?::\d+)?|[\w.-]+:\d+")
_LETTER = re.compile(r"[^\W\d_]")


def html_article(
    raw: bytes,
    source: str,
    *,
    kind: str = "html",
    url: str | None = None,
    encoding: str | None = None,
) -> RawArticle:
    """Return the RawArticle for an HTML page: ``text`` is the extracted main text.

    Raises EmptyInput when the page has no main text, MalformedInput when it is not HTML or
    is broken so badly that the parser loses its text, BinaryInput for non-text bytes.
    """
    if not raw.strip():
        raise EmptyInput("empty (nothing but whitespace)", path=source)
    check_not_binary(raw[:32768], source)
    content: bytes | str = raw
    if encoding:
        try:
            content = raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            content = raw  # the header lied: let trafilatura guess from the bytes
    import trafilatura
    from trafilatura.settings import Document

    tree = _parse(content, raw, source)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=dict(DATE_PARAMS),
    )
    if not isinstance(doc, Document):
        doc = None  # trafilatura found nothing (None); a dict only comes with as_dict, not used here
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        if _lost_letters(raw, tree) >= MIN_LOST_LETTERS:
            raise MalformedInput(
                "HTML is broken: the parser lost the page's text (an unclosed comment, tag or quote?)",
                path=source,
                hint="fix the HTML, or pass --format text to read it as plain text",
            )
        raise EmptyInput("no main text found in the page (only a title, menus or scripts)", path=source)
    meta = ArticleMeta()
    if doc is not None:
        authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
        meta = ArticleMeta(
            title=clean_string(doc.title),
            outlet=_outlet(doc.sitename),
            url=clean_string(doc.url) or url,
            published=date_from_iso(doc.date),
            language=_language(tree) or normalise_language(doc.language),
            authors=authors,
        )
    return RawArticle(source=source, kind=kind, text=text, meta=meta, raw=raw)


def _parse(content: bytes | str, raw: bytes, source: str) -> HtmlElement:
    from trafilatura.utils import load_html

    tree = load_html(content)
    if tree is not None:
        return tree
    if not _ANY_TAG.search(raw):
        raise MalformedInput(
            "not HTML: no markup found", path=source, hint="pass --format text to read it as plain text"
        )
    # trafilatura refuses a bare fragment ("<p>..</p>" with no <html>); wrap it in a page.
    if isinstance(content, bytes):
        tree = load_html(b"<html><body>" + content + b"</body></html>")
    else:
        tree = load_html("<html><body>" + content + "</body></html>")
    if tree is None:
        raise MalformedInput("HTML could not be parsed", path=source)
    return tree


def _lost_letters(raw: bytes, tree: HtmlElement) -> int:
    """Return how many more letters the page shows between its tags than the parser found."""
    visible = _TAG.sub(b" ", _SCRIPT_STYLE.sub(b" ", raw)).decode("utf-8", "replace")
    for node in tree.xpath("//script|//style"):
        node.drop_tree()
    parsed = tree.text_content()
    return len(_LETTER.findall(visible)) - len(_LETTER.findall(parsed))


def _outlet(sitename: str | None) -> str | None:
    """Return the site's name; None when trafilatura only had the host name to offer.

    A bare host ("news.example.org") is already in the URL and would hide a better name
    that a feed title or the command line could give.
    """
    name = clean_string(sitename)
    if name is None or _HOSTLIKE.fullmatch(name):
        return None
    return name


def _language(tree: HtmlElement) -> str | None:
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        found = root.xpath(
            "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content"
        )
        lang = found[0] if found else None
    return normalise_language(lang)
