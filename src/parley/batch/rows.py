"""Model objects ↔ rows of the batch tables, losslessly: what a shard writes, the loader rebuilds.

``article_rows`` turns one processed article into rows of every table; ``raw_article``,
``document`` and ``extraction`` rebuild the objects ``Store.write_article`` takes, so that loading
Parquet output stores exactly what ``parley ingest`` would have stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from parley.model import (
    ActorRef,
    ArticleMeta,
    Claim,
    DateValue,
    Document,
    Event,
    Evidence,
    Extraction,
    OffsetMap,
    PlaceRef,
    Position,
    Quote,
    RawArticle,
)
from parley.model.records import evidence_columns

Row = dict[str, Any]


def _actor(a: ActorRef | None) -> Row | None:
    if a is None:
        return None
    return {
        "name": a.name,
        "kind": a.kind,
        "id": a.id,
        "affiliation": a.affiliation,
        "method": a.method,
        "reason": a.reason,
        "confidence": a.confidence,
    }


def _place(p: PlaceRef | None) -> Row | None:
    if p is None:
        return None
    return {
        "name": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "feature": p.feature,
        "country": p.country,
        "admin1": p.admin1,
        "method": p.method,
        "reason": p.reason,
        "confidence": p.confidence,
    }


def _evidence_columns(e: Evidence, raw_text: str) -> Row:
    return {**evidence_columns(e), "sentence": raw_text[e.sentence_start : e.sentence_end]}


def article_rows(
    *,
    shard: str,
    article: int,
    spec: str,
    raw: RawArticle,
    article_id: str,
    doc: Document | None,
    status: str,
    skip_reason: str | None,
    minhash: bytes | None,
    extraction: Extraction | None,
) -> dict[str, list[Row]]:
    """Return the rows of every table for one article (its records empty when not extracted)."""
    meta = raw.meta
    ex = extraction
    head = {"shard": shard, "article": article, "article_id": article_id}
    out: dict[str, list[Row]] = {
        "articles": [
            {
                **head,
                "external_id": raw.external_id,
                "spec": spec,
                "location": raw.source,
                "kind": raw.kind,
                "title": meta.title,
                "outlet": meta.outlet,
                "url": meta.url,
                "language": meta.language,
                "authors": list(meta.authors),
                "raw_text": raw.text,
                "clean_text": doc.text if doc else None,
                "offset_map": [list(run) for run in doc.offsets.to_runs()] if doc else None,
                "removed": [{"start": s, "end": e, "reason": r} for s, e, r in doc.removed] if doc else None,
                "content_hash": raw.content_hash,
                "status": status,
                "skip_reason": skip_reason,
                "minhash": minhash,
                "extractor_version": ex.version if ex else None,
                "actors": [_actor(a) for a in ex.actors] if ex else None,
                "places": [_place(p) for p in ex.places] if ex else None,
            }
        ]
    }
    text = raw.text
    out["events"] = [
        {
            **head,
            "ordinal": i,
            "type": e.type,
            "mode": e.mode,
            "date": e.date.value if e.date else None,
            "date_precision": e.date.precision if e.date else None,
            "date_text": e.date.text if e.date else None,
            "date_start": e.date.start if e.date else None,
            "date_end": e.date.end if e.date else None,
            "place": _place(e.place),
            "modality": e.modality,
            "trigger": e.trigger,
            "actors": [_actor(a) for a in e.actors],
            **_evidence_columns(e.evidence, text),
        }
        for i, e in enumerate(ex.events if ex else ())
    ]
    out["quotes"] = [
        {
            **head,
            "ordinal": i,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "direct": q.direct,
            "cue": q.cue,
            "speaker": _actor(q.speaker),
            **_evidence_columns(q.evidence, text),
        }
        for i, q in enumerate(ex.quotes if ex else ())
    ]
    out["claims"] = [
        {
            **head,
            "ordinal": i,
            "claimant": _actor(c.claimant),
            "subject": c.subject,
            "status": c.status,
            "place": _place(c.place),
            "disputed_by": [_actor(a) for a in c.disputed_by],
            "denial_evidence": [evidence_columns(d) for d in c.denial_evidence],
            **_evidence_columns(c.evidence, text),
        }
        for i, c in enumerate(ex.claims if ex else ())
    ]
    out["positions"] = [
        {
            **head,
            "ordinal": i,
            "party": _actor(p.party),
            "issue": p.issue,
            "stance": p.stance,
            **_evidence_columns(p.evidence, text),
        }
        for i, p in enumerate(ex.positions if ex else ())
    ]
    return out


def failure_row(*, shard: str, ordinal: int, location: str, reason: str, message: str) -> Row:
    """Return the row of an input (or article) that could not be read or processed."""
    return {"shard": shard, "ordinal": ordinal, "location": location, "reason": reason, "message": message}


# ---- back to model objects -----------------------------------------------------------------------


def _to_actor(row: Mapping[str, Any]) -> ActorRef:
    return ActorRef(
        name=row["name"],
        kind=row["kind"],
        id=row["id"],
        affiliation=row["affiliation"],
        method=row["method"],
        reason=row["reason"],
        confidence=row["confidence"],
    )


def _to_place(row: Mapping[str, Any] | None) -> PlaceRef | None:
    if row is None:
        return None
    return PlaceRef(
        name=row["name"],
        geonameid=row["geonameid"],
        lat=row["lat"],
        lon=row["lon"],
        feature=row["feature"],
        country=row["country"],
        admin1=row["admin1"],
        method=row["method"],
        reason=row["reason"],
        confidence=row["confidence"],
    )


def _to_evidence(row: Mapping[str, Any]) -> Evidence:
    return Evidence(
        row["span_start"],
        row["span_end"],
        row["sentence_start"],
        row["sentence_end"],
        row["stage"],
        row["version"],
    )


def raw_article(row: Mapping[str, Any]) -> RawArticle:
    """Return the RawArticle of an articles row (``published`` is the partition value)."""
    published = row.get("published")
    meta = ArticleMeta(
        title=row["title"],
        outlet=row["outlet"],
        url=row["url"],
        published=date.fromisoformat(published) if published else None,
        language=row["language"],
        authors=tuple(row["authors"] or ()),
    )
    return RawArticle(
        source=row["location"],
        kind=row["kind"],
        text=row["raw_text"],
        meta=meta,
        external_id=row["external_id"],
    )


def document(row: Mapping[str, Any], raw: RawArticle) -> Document | None:
    """Return the cleaned Document of an articles row, or None for a skipped article."""
    if row["clean_text"] is None:
        return None
    offsets = OffsetMap.from_runs(len(raw.text), [tuple(run) for run in row["offset_map"]])
    removed = tuple((r["start"], r["end"], r["reason"]) for r in row["removed"] or ())
    return Document(article=raw, text=row["clean_text"], offsets=offsets, removed=removed)


def extraction(
    row: Mapping[str, Any], records: Mapping[str, Sequence[Mapping[str, Any]]]
) -> Extraction | None:
    """Return the Extraction of an articles row from its record rows (each list in ordinal order)."""
    if row["extractor_version"] is None:
        return None
    published = row.get("published")
    events = tuple(
        Event(
            type=r["type"],
            actors=tuple(_to_actor(a) for a in r["actors"]),
            evidence=_to_evidence(r),
            mode=r["mode"],
            place=_to_place(r["place"]),
            modality=r["modality"],
            trigger=r["trigger"],
            date=DateValue(r["date"], r["date_precision"], r["date_text"], r["date_start"], r["date_end"])
            if r["date"] is not None
            else None,
        )
        for r in records.get("events", ())
    )
    quotes = tuple(
        Quote(
            text=r["text"],
            start=r["start"],
            end=r["end"],
            direct=r["direct"],
            evidence=_to_evidence(r),
            speaker=_to_actor(r["speaker"]) if r["speaker"] is not None else None,
            cue=r["cue"],
        )
        for r in records.get("quotes", ())
    )
    claims = tuple(
        Claim(
            claimant=_to_actor(r["claimant"]),
            subject=r["subject"],
            status=r["status"],
            evidence=_to_evidence(r),
            place=_to_place(r["place"]),
            disputed_by=tuple(_to_actor(a) for a in r["disputed_by"]),
            denial_evidence=tuple(_to_evidence(d) for d in r["denial_evidence"]),
        )
        for r in records.get("claims", ())
    )
    positions = tuple(
        Position(party=_to_actor(r["party"]), issue=r["issue"], stance=r["stance"], evidence=_to_evidence(r))
        for r in records.get("positions", ())
    )
    places = tuple(p for p in (_to_place(r) for r in row["places"] or ()) if p is not None)
    return Extraction(
        doc_id=row["article_id"],
        published=date.fromisoformat(published) if published else None,
        events=events,
        quotes=quotes,
        claims=claims,
        positions=positions,
        actors=tuple(_to_actor(a) for a in row["actors"] or ()),
        places=places,
        version=row["extractor_version"],
    )
