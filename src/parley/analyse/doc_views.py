"""Per-document views the analysis passes share: the doc's tokens, sentences, text and entities.

spaCy creates a new ``Token`` object at every ``doc[i]`` and every step of ``for t in doc`` or
``for t in sent``; a ``Token`` is only a pointer (doc, index) into the parse, so two of them for
the same index behave identically. Parley's passes (mentions, organisations, places, positions,
quotes, claims) each walk the whole article, which made the tokens of an article some 24 times
over. :func:`tokens` makes them once per document and every pass indexes that list. Likewise
``doc.sents`` (which tests every token for a sentence start), ``doc.text`` (which joins every
token's text anew at each access) and ``doc.ents`` (a new Span per entity) are built once here.

The views are kept for the few most recent documents (by identity, holding the document so its
id is not reused), not on the Doc itself: nothing is added to ``doc.user_data`` (which a
serialised Doc would carry) and no reference cycle keeps a Doc alive. A document whose length
changed since (retokenised) gets fresh views. Sentences and entities are read after the whole
pipeline has run (a parsed document), never from inside a pipeline component. The lists are
shared: callers must not modify them.
"""

from __future__ import annotations

from typing import Any

# Documents whose views are kept: extraction works on one article at a time; a batch parsed with
# nlp.pipe holds a few more.
KEEP = 8


class _Views:
    """The views of one document, each made on first use."""

    __slots__ = ("doc", "ents", "length", "sents", "text", "tokens")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.length = len(doc)
        self.tokens: list[Any] | None = None
        self.sents: list[Any] | None = None
        self.text: str | None = None
        self.ents: tuple[Any, ...] | None = None


_kept: dict[int, _Views] = {}


def _views(doc: Any) -> _Views:
    kept = _kept.get(id(doc))
    if kept is not None and kept.doc is doc and kept.length == len(doc):
        return kept
    if len(_kept) >= KEEP:
        del _kept[next(iter(_kept))]  # the oldest (dicts keep insertion order)
    kept = _kept[id(doc)] = _Views(doc)
    return kept


def tokens(doc: Any) -> list[Any]:
    """Return the list of ``doc``'s tokens, made once per document (do not modify it)."""
    v = _views(doc)
    if v.tokens is None:
        v.tokens = list(doc)
    return v.tokens


def subtree_chars(tok: Any, base: int = 0) -> tuple[int, int]:
    """Return the character span [start, end) of a token's subtree (the phrase it heads), shifted by
    ``base`` when the token's document is a piece of a longer text (a sentence parsed on its own)."""
    left, right = tok.left_edge, tok.right_edge
    return base + left.idx, base + right.idx + len(right.text)


def span_tokens(span: Any) -> list[Any]:
    """Return the tokens of a span (a sentence, an entity) from its document's shared list."""
    return tokens(span.doc)[span.start : span.end]


def sentences(doc: Any) -> list[Any]:
    """Return the list of a parsed ``doc.sents``, made once per document (do not modify it)."""
    v = _views(doc)
    if v.sents is None:
        v.sents = list(doc.sents)
    return v.sents


def text(doc: Any) -> str:
    """Return ``doc.text``, joined once per document."""
    v = _views(doc)
    if v.text is None:
        v.text = doc.text
    return v.text


def remember_text(doc: Any, text: str) -> None:
    """Record ``text`` as the text ``doc`` was parsed from: spaCy's tokenizer keeps every
    character, so ``doc.text == text`` and need not be joined again (its length is checked)."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        _views(doc).text = text


def sentence_text(sent: Any) -> str:
    """Return a sentence's (a span's) text, cut from its document's text: ``Span.text`` joins
    the span's tokens anew at every access."""
    return text(sent.doc)[sent.start_char : sent.end_char]


def entities(doc: Any) -> tuple[Any, ...]:
    """Return a parsed ``doc.ents``, made once per document."""
    v = _views(doc)
    if v.ents is None:
        v.ents = doc.ents
    return v.ents
