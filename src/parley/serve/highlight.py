"""Cuts an article's text into segments that say which records' evidence covers each character.

Every record carries two spans into ``articles.raw_text``: its sentence and its trigger (the words
that fired it). Records overlap (an event and a claim from one sentence), so the text is cut at
every span boundary; each segment lists the records whose sentence covers it and those whose
trigger does. The dashboard renders the segments as ``<span>``s; the API returns them as-is.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

KINDS = ("event", "quote", "claim", "position")


@dataclass
class Segment:
    """A run of text covered by the same records."""

    start: int
    end: int
    text: str
    sentences: list[str] = field(default_factory=list)  # record keys ("event-12") whose sentence covers it
    triggers: list[str] = field(default_factory=list)  # record keys whose trigger covers it
    anchors: list[str] = field(default_factory=list)  # record keys whose sentence starts here

    def as_dict(self) -> dict[str, Any]:
        """Return the segment as a JSON-ready dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentences": self.sentences,
            "triggers": self.triggers,
            "anchors": self.anchors,
        }


def record_key(kind: str, record_id: int) -> str:
    """Return the key of a record, used as its HTML anchor: ``event-12``."""
    return f"{kind}-{record_id}"


def _clamp(v: int, n: int) -> int:
    """Return ``v`` limited to 0..n."""
    return max(0, min(int(v), n))


def segments(text: str, records: dict[str, list[dict[str, Any]]], *, start: int = 0) -> list[Segment]:
    """Return the text from ``start`` on cut into segments annotated with the records covering them.

    ``records`` maps a plural kind ("events") to rows with ``id``, ``span_*`` and ``sentence_*``.
    Spans outside the text are clamped, so a bad offset never hides the text itself. ``start``
    skips what is not article text (a front-matter block); offsets stay those of the whole text.
    """
    n = len(text)
    start = _clamp(start, n)
    spans: list[tuple[str, int, int, int, int]] = []
    cuts = {start, n}

    def clamp(v: int) -> int:
        return max(start, _clamp(v, n))

    for kind in KINDS:
        for r in records.get(f"{kind}s", []):
            key = record_key(kind, r["id"])
            ss, se = clamp(r["sentence_start"]), clamp(r["sentence_end"])
            ts, te = clamp(r["span_start"]), clamp(r["span_end"])
            spans.append((key, ss, se, ts, te))
            cuts.update((ss, se, ts, te))
    bounds = sorted(cuts)
    out = [Segment(a, b, text[a:b]) for a, b in itertools.pairwise(bounds) if b > a]
    starts = {s.start: s for s in out}
    for key, ss, se, ts, te in spans:
        for seg in out:
            if ss <= seg.start and seg.end <= se:
                seg.sentences.append(key)
            if ts <= seg.start and seg.end <= te and te > ts:
                seg.triggers.append(key)
        first = starts.get(ss) or next((s for s in out if s.start >= ss), None)
        if first is not None:
            first.anchors.append(key)
    return out
