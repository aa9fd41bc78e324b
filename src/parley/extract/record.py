"""Converts an Extraction to the evaluation interchange format (shared/eval/FORMAT.md) or to
Parley's full JSON record (with evidence, methods and reasons)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from parley.model import ActorRef, Document, Extraction, PlaceRef


def actor_json(a: ActorRef) -> dict[str, Any]:
    """Return an actor as in the interchange format."""
    out: dict[str, Any] = {"id": a.id, "name": a.name, "kind": a.kind}
    if a.affiliation:
        out["affiliation"] = a.affiliation
    return out


def place_json(p: PlaceRef) -> dict[str, Any]:
    """Return a place as in the interchange format."""
    return {"geonameid": p.geonameid, "name": p.name, "lat": p.lat, "lon": p.lon}


def to_record(ex: Extraction) -> dict[str, Any]:
    """Return the interchange-format record of one article."""
    events = []
    for e in ex.events:
        day = e.date.as_day() if e.date else None
        item: dict[str, Any] = {
            "type": e.type,
            "mode": e.mode,
            "date": day.isoformat() if day else None,
            "actors": [a.ref for a in e.actors],
            "place": e.place.ref if e.place else None,
            "modality": e.modality,
        }
        if e.date and e.date.precision != "day":
            item["date_precision"] = e.date.precision
        events.append(item)
    return {
        "doc_id": ex.doc_id,
        "published": ex.published.isoformat() if ex.published else None,
        "actors": [actor_json(a) for a in ex.actors],
        "places": [place_json(p) for p in ex.places],
        "events": events,
        "quotes": [
            {
                "speaker": q.speaker.ref if q.speaker else None,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "direct": q.direct,
            }
            # direct quotes first: a direct quote inside an indirect one ties with it in matching,
            # and the scorer takes the earlier-listed record
            for q in sorted(ex.quotes, key=lambda q: (not q.direct, q.start))
        ],
        "claims": [
            {
                "claimant": c.claimant.ref,
                "subject": c.subject,
                "place": c.place.ref if c.place else None,
                "status": c.status,
                "disputed_by": [a.ref for a in c.disputed_by],
            }
            for c in ex.claims
        ],
        "positions": [{"party": p.party.ref, "issue": p.issue, "stance": p.stance} for p in ex.positions],
    }


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def to_full(ex: Extraction, doc: Document | None = None) -> dict[str, Any]:
    """Return Parley's full record: every field, evidence spans and the sentence text."""
    out = _plain(asdict(ex))
    if doc is not None:
        raw = doc.article.text
        for kind in ("events", "quotes", "claims", "positions"):
            for item in out[kind]:
                ev = item["evidence"]
                item["evidence"]["sentence"] = raw[ev["sentence_start"] : ev["sentence_end"]]
    return out
