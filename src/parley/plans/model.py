"""Plain typed data for peace plans: a plan, its numbered points, the figures in them.

Offsets make every point traceable: ``PlanPoint.start``/``end`` index ``Plan.text`` (the file
as read, after decoding), and ``Figure.start``/``end`` index the point's own ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Figure:
    """A number a point commits to ("600,000 personnel", "$100 billion", "100 days")."""

    value: float  # magnitudes applied: "$100 billion" is 1e11
    unit: str | None  # canonical unit compared across drafts ("troops", "USD", "day"); None: a bare number
    text: str  # as written in the point
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the figure as a JSON-ready dict."""
        return {"value": self.value, "unit": self.unit, "text": self.text, "start": self.start,
                "end": self.end}  # fmt: skip

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        """Return the figure stored as ``d`` (the shape of :meth:`to_dict`)."""
        return cls(value=float(d["value"]), unit=d.get("unit"), text=d["text"], start=int(d["start"]),
                   end=int(d["end"]))  # fmt: skip


@dataclass(frozen=True)
class PlanPoint:
    """One numbered point: its number and label as written, its text, issues and figures."""

    number: int
    label: str  # the marker as written: "1.", "(1)", "Point 1:"
    text: str  # one line: continuation lines and sub-bullets joined, Markdown emphasis removed
    start: int  # span of the point in Plan.text
    end: int
    issues: tuple[str, ...]  # negotiation issues (parley.model.records.ISSUES); ("other",) when none
    figures: tuple[Figure, ...] = ()
    section: str | None = None  # the Markdown heading the point sits under, if any

    def to_dict(self) -> dict[str, Any]:
        """Return the point as a JSON-ready dict."""
        return {
            "number": self.number, "label": self.label, "text": self.text, "start": self.start,
            "end": self.end, "issues": list(self.issues), "figures": [f.to_dict() for f in self.figures],
            "section": self.section,
        }  # fmt: skip


@dataclass(frozen=True)
class PlanParty:
    """The party that put a plan forward, as given and as resolved by the actor registry."""

    given: str  # as written in --party or the header ("US")
    name: str  # canonical name when resolved ("United States"), else as given
    qid: str | None  # Wikidata QID when the registry knows the party
    reason: str  # how it was resolved ("alias match of 'US'") or why not

    def to_dict(self) -> dict[str, Any]:
        """Return the party as a JSON-ready dict."""
        return {"given": self.given, "name": self.name, "qid": self.qid, "reason": self.reason}


@dataclass(frozen=True)
class Plan:
    """A peace plan: who proposed it and when, and its numbered points in document order."""

    name: str
    party: PlanParty
    date: date
    source: str  # the file it was read from
    text: str  # the whole decoded file
    content_hash: str  # sha256 of ``text``: re-adding the same file changes nothing
    points: tuple[PlanPoint, ...]
    preamble: str | None = None  # text before the first point, header line excluded
    notes: tuple[str, ...] = field(default=())  # how odd lines were read ("line 9: ... read as part of 3")

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        """Return the plan as a JSON-ready dict (the full file text only when ``with_text``)."""
        out: dict[str, Any] = {
            "name": self.name, "party": self.party.to_dict(), "date": self.date.isoformat(),
            "source": self.source, "content_hash": self.content_hash, "preamble": self.preamble,
            "notes": list(self.notes), "points": [p.to_dict() for p in self.points],
        }  # fmt: skip
        if with_text:
            out["text"] = self.text
        return out
