"""Articles as they move through ingest and clean.

``RawArticle`` is what ingest produces: the original bytes, the text that every offset refers
to (the decoded file for text; the extracted main text for HTML, feeds and WARC), metadata and
a content hash. ``Document`` is what clean produces: the cleaned text plus an ``OffsetMap``
from every cleaned character back to ``RawArticle.text``. A dropped article is a ``Skip``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata that came with an article, each field None when unknown (never '')."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawArticle:
    """One article as read from its source, before cleaning.

    ``text`` is the article text exactly as given to Parley: raw offsets index into it.
    ``raw`` keeps the original bytes (the HTML page, the WARC payload) for provenance.
    """

    source: str  # file path, URL, or "file.jsonl#12", "crawl.warc.gz#record-id"
    kind: str  # text | html | jsonl | feed | warc
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    raw: bytes | None = None
    external_id: str | None = None  # an id the source gave (JSONL "id", feed guid)

    @property
    def content_hash(self) -> str:
        """Return the sha256 of the normalised text: equal for byte-different copies of one text."""
        normalised = " ".join(self.text.split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()

    @property
    def article_id(self) -> str:
        """Return a stable id: the source's own id when it gave one, else a hash prefix."""
        return self.external_id or self.content_hash[:16]


@dataclass(frozen=True)
class Skip:
    """An article that was read but not processed, with the reason (stored and counted)."""

    source: str
    reason: str


class OffsetMap:
    """Maps offsets in a cleaned text back to offsets in the raw text.

    Stored as runs: each run says "clean[c0 : c0+n] came from raw[r0 : r0+n]" (copied
    one-for-one) or, for a character that replaced a longer raw stretch (collapsed
    whitespace, a normalised quote), "clean[c0] came from raw[r0 : r1]". Lookups are a
    binary search over run starts.
    """

    __slots__ = ("_clean_starts", "_lengths", "_raw_ends", "_raw_starts", "clean_len", "raw_len")

    def __init__(self, raw_len: int) -> None:
        self._clean_starts: list[int] = []
        self._raw_starts: list[int] = []
        self._raw_ends: list[int] = []  # end of the raw stretch for the run's last char
        self._lengths: list[int] = []
        self.clean_len = 0
        self.raw_len = raw_len

    def copy(self, raw_start: int, n: int) -> None:
        """Record that the next ``n`` clean characters are raw[raw_start : raw_start+n]."""
        if n <= 0:
            return
        if (
            self._lengths
            and self._raw_starts[-1] + self._lengths[-1] == raw_start
            and self._raw_ends[-1] == raw_start
        ):
            self._lengths[-1] += n
            self._raw_ends[-1] = raw_start + n
        else:
            self._clean_starts.append(self.clean_len)
            self._raw_starts.append(raw_start)
            self._raw_ends.append(raw_start + n)
            self._lengths.append(n)
        self.clean_len += n

    def replace(self, raw_start: int, raw_end: int) -> None:
        """Record that the next clean character stands for raw[raw_start : raw_end]."""
        self._clean_starts.append(self.clean_len)
        self._raw_starts.append(raw_start)
        self._raw_ends.append(raw_end)
        self._lengths.append(1)
        self.clean_len += 1

    def _run(self, clean_index: int) -> int:
        i = bisect_right(self._clean_starts, clean_index) - 1
        return max(i, 0)

    def to_raw(self, clean_index: int) -> int:
        """Return the raw offset where the clean character at ``clean_index`` starts."""
        if not self._lengths:
            return 0
        if clean_index >= self.clean_len:
            return self._raw_ends[-1]
        i = self._run(clean_index)
        delta = clean_index - self._clean_starts[i]
        if self._lengths[i] == 1 and self._raw_ends[i] - self._raw_starts[i] != 1:
            return self._raw_starts[i]
        return self._raw_starts[i] + delta

    def to_raw_end(self, clean_end: int) -> int:
        """Return the raw end offset (exclusive) for a clean span ending at ``clean_end``."""
        if clean_end <= 0 or not self._lengths:
            return 0
        i = self._run(clean_end - 1)
        delta = clean_end - 1 - self._clean_starts[i]
        if self._lengths[i] == 1:
            return self._raw_ends[i]
        return self._raw_starts[i] + delta + 1

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Return the raw (start, end) for a clean (start, end) span."""
        if end <= start:
            r = self.to_raw(start)
            return r, r
        return self.to_raw(start), self.to_raw_end(end)

    def to_runs(self) -> list[tuple[int, int, int, int]]:
        """Return the runs as (clean_start, raw_start, raw_end, length) tuples, for storage."""
        return list(zip(self._clean_starts, self._raw_starts, self._raw_ends, self._lengths, strict=True))

    @classmethod
    def from_runs(cls, raw_len: int, runs: list[tuple[int, int, int, int]] | list[list[int]]) -> OffsetMap:
        """Rebuild a map stored with :meth:`to_runs`."""
        m = cls(raw_len)
        for c0, r0, r1, n in runs:
            m._clean_starts.append(c0)
            m._raw_starts.append(r0)
            m._raw_ends.append(r1)
            m._lengths.append(n)
            m.clean_len = c0 + n
        return m

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        """Return the map of a text that cleaning left unchanged."""
        m = cls(n)
        m.copy(0, n)
        return m


@dataclass(frozen=True)
class Document:
    """A cleaned article: ``text`` plus the map from each of its characters to the raw text."""

    article: RawArticle
    text: str
    offsets: OffsetMap
    removed: tuple[tuple[int, int, str], ...] = ()  # raw spans dropped by cleaning, with why

    @property
    def published(self) -> date | None:
        return self.article.meta.published


@dataclass(frozen=True)
class Failure:
    """An input that could not be read: the source and the error that explains why."""

    source: str
    reason: str  # short tag: empty | binary | encoding | malformed | too large | fetch failed | ...
    message: str  # the one-line message shown to the user
