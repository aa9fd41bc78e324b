"""Read queries of the HTTP API and the dashboard: parameterised SQLAlchemy Core selects only.

Every list function takes a :class:`Filters` and a :class:`Page` and returns ``(rows, total)``;
rows come in a stable order (a unique id breaks every tie) so pages never overlap or skip. The
dashboard pages and their ``.json`` twins call the same functions. Values from users only ever
reach SQL as bound parameters; the one hand-written statement (full-text search, which SQLAlchemy
Core cannot express on SQLite) is a constant with bound parameters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, and_, exists, func, literal, or_, select, text, union_all
from sqlalchemy.engine import Connection

# The vocabularies of the interchange format (shared/eval/FORMAT.md); the API validates against them.
from parley.model.records import CLAIM_STATUSES, EVENT_TYPES, ISSUES, MODALITIES
from parley.store import schema as t

# Full-text queries are cut to this many words: each word is one FTS5 term, and a long OR-free
# conjunction costs one posting-list walk per term, so 12 keeps a search well under a millisecond
# per thousand articles while allowing any realistic query.
MAX_SEARCH_TERMS = 12

# The issue tracker reads at most this many positions (newest first): a party × issue grid needs only
# the latest few per cell, and the cap bounds the page's cost on a very large store.
TRACKER_MAX_POSITIONS = 20_000

# Two stances whose word sets overlap less than this (Jaccard) count as a shift in the tracker's trend
# column. 0.5 is the overlap the evaluation uses to call two quotes the same statement.
STANCE_SHIFT_JACCARD = 0.5


@dataclass(frozen=True)
class Filters:
    """What the user asked to see; None means no restriction."""

    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None  # YYYY-MM-DD, inclusive
    actor: str | None = None  # actors.id
    place: str | None = None  # places.id
    type: str | None = None  # PLOVER event type
    modality: str | None = None
    status: str | None = None  # claim status
    issue: str | None = None
    q: str | None = None  # full-text query (articles)


@dataclass(frozen=True)
class Page:
    """A slice of a stably ordered list."""

    limit: int = 50
    offset: int = 0


def _date_range(col: Any, f: Filters) -> list[ColumnElement[bool]]:
    """Return conditions keeping ``col`` within the filter's date range."""
    out: list[ColumnElement[bool]] = []
    if f.date_from:
        out.append(col >= f.date_from)
    if f.date_to:
        out.append(col <= f.date_to)
    return out


def _rows(conn: Connection, q: Select[Any]) -> list[dict[str, Any]]:
    """Return the rows of a select as plain dicts."""
    return [dict(r._mapping) for r in conn.execute(q)]


def _count(conn: Connection, q: Select[Any]) -> int:
    """Return how many rows a select (without limit) returns."""
    return int(conn.execute(select(func.count()).select_from(q.order_by(None).subquery())).scalar_one())


def _place_cols() -> list[Any]:
    """Return the place columns joined onto record rows."""
    p = t.places.c
    return [
        p.name.label("place_name"),
        p.lat.label("place_lat"),
        p.lon.label("place_lon"),
        p.country.label("place_country"),
    ]


# ---- events ------------------------------------------------------------------------------------


def _event_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """Return the WHERE conditions of an event filter."""
    e = t.events.c
    cond = _date_range(e.date, f)
    if f.actor:
        ea = t.event_actors.c
        cond.append(exists(select(ea.event_id).where(ea.event_id == e.id, ea.actor_id == f.actor)))
    if f.place:
        cond.append(e.place_id == f.place)
    if f.type:
        cond.append(e.type == f.type)
    if f.modality:
        cond.append(e.modality == f.modality)
    return cond


def _events_select(f: Filters) -> Select[Any]:
    """Return the select of event rows (with place and article metadata), newest date first."""
    e, ar = t.events.c, t.articles.c
    return (
        select(
            e.id,
            e.article_id,
            e.type,
            e.mode,
            e.date,
            e.date_precision,
            e.modality,
            e.trigger,
            e.place_id,
            *_place_cols(),
            e.span_start,
            e.span_end,
            e.sentence_start,
            e.sentence_end,
            ar.published,
            ar.title.label("article_title"),
        )
        .select_from(
            t.events.join(t.articles, ar.id == e.article_id).outerjoin(t.places, t.places.c.id == e.place_id)
        )
        .where(*_event_conditions(f))
        # Undated events last; the id makes the order total. (SQLite walks ix_events_date backwards for
        # this order, so a page costs the same at any depth up to the offset.)
        .order_by(e.date.desc().nulls_last(), e.id.desc())
    )


def _attach_event_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Add each event's actors (PLOVER order: actor first, then recipients) in one query."""
    ids = [r["id"] for r in rows]
    by_event: dict[int, list[dict[str, Any]]] = defaultdict(list)
    ea, a = t.event_actors.c, t.actors.c
    for chunk in _chunks(ids):
        q = (
            select(ea.event_id, ea.position, a.id, a.name, a.kind)
            .select_from(t.event_actors.join(t.actors, a.id == ea.actor_id))
            .where(ea.event_id.in_(chunk))
            .order_by(ea.event_id, ea.position)
        )
        for r in conn.execute(q):
            by_event[r.event_id].append({"id": r.id, "name": r.name, "kind": r.kind, "position": r.position})
    for row in rows:
        row["actors"] = by_event.get(row["id"], [])


def _chunks(ids: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    """Yield slices of ``ids`` small enough for an IN list (SQLite allows 32766 parameters)."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def events(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of events matching the filters, and how many match in all."""
    rows = _rows(conn, _events_select(f).limit(page.limit).offset(page.offset))
    _attach_event_actors(conn, rows)
    # Counted on the events table alone: the joins add columns, never rows, and cost a lookup each.
    total = conn.execute(select(func.count()).select_from(t.events).where(*_event_conditions(f))).scalar_one()
    return rows, int(total)


def event(conn: Connection, event_id: int) -> dict[str, Any] | None:
    """Return one event with its actors, or None."""
    rows = _rows(conn, _events_select(Filters()).where(t.events.c.id == event_id))
    _attach_event_actors(conn, rows)
    return rows[0] if rows else None


def event_facets(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """Return the actors and places that occur in events (for filter menus), most frequent first."""
    ea, a, e, p = t.event_actors.c, t.actors.c, t.events.c, t.places.c
    n = func.count().label("n")
    actors = _rows(
        conn,
        select(a.id, a.name, n)
        .select_from(t.event_actors.join(t.actors, a.id == ea.actor_id))
        .group_by(a.id, a.name)
        .order_by(n.desc(), a.name, a.id)
        .limit(300),
    )
    places = _rows(
        conn,
        select(p.id, p.name, n)
        .select_from(t.events.join(t.places, p.id == e.place_id))
        .group_by(p.id, p.name)
        .order_by(n.desc(), p.name, p.id)
        .limit(300),
    )
    return {"actors": actors, "places": places}


# ---- quotes, claims, positions ------------------------------------------------------------------


def _quotes_select(f: Filters) -> Select[Any]:
    """Return the select of quotes with speaker names, newest article first."""
    qu, a, ar = t.quotes.c, t.actors.c, t.articles.c
    cond = _date_range(ar.published, f)
    if f.actor:
        cond.append(qu.speaker_id == f.actor)
    return (
        select(
            qu.id,
            qu.article_id,
            qu.speaker_id,
            a.name.label("speaker"),
            qu.text,
            qu.direct,
            qu.cue,
            qu.span_start,
            qu.span_end,
            qu.sentence_start,
            qu.sentence_end,
            ar.published,
            ar.title.label("article_title"),
        )
        .select_from(
            t.quotes.join(t.articles, ar.id == qu.article_id).outerjoin(t.actors, a.id == qu.speaker_id)
        )
        .where(*cond)
        .order_by(ar.published.desc(), qu.id.desc())
    )


def quotes(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of quotes and the total."""
    q = _quotes_select(f)
    return _rows(conn, q.limit(page.limit).offset(page.offset)), _count(conn, q)


def _claims_select(f: Filters) -> Select[Any]:
    """Return the select of claims with claimant and place, newest article first."""
    c, a, ar = t.claims.c, t.actors.c, t.articles.c
    cond = _date_range(ar.published, f)
    if f.actor:
        cd = t.claim_disputes.c
        cond.append(
            or_(
                c.claimant_id == f.actor,
                exists(select(cd.claim_id).where(cd.claim_id == c.id, cd.actor_id == f.actor)),
            )
        )
    if f.place:
        cond.append(c.place_id == f.place)
    if f.status:
        cond.append(c.status == f.status)
    return (
        select(
            c.id,
            c.article_id,
            c.claimant_id,
            a.name.label("claimant"),
            c.subject,
            c.status,
            c.place_id,
            *_place_cols(),
            c.span_start,
            c.span_end,
            c.sentence_start,
            c.sentence_end,
            ar.published,
            ar.title.label("article_title"),
        )
        .select_from(
            t.claims.join(t.articles, ar.id == c.article_id)
            .join(t.actors, a.id == c.claimant_id)
            .outerjoin(t.places, t.places.c.id == c.place_id)
        )
        .where(*cond)
        .order_by(ar.published.desc(), c.id.desc())
    )


def _attach_disputes(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Add each claim's disputing parties in one query."""
    cd, a = t.claim_disputes.c, t.actors.c
    by_claim: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks([r["id"] for r in rows]):
        q = (
            select(cd.claim_id, a.id, a.name)
            .select_from(t.claim_disputes.join(t.actors, a.id == cd.actor_id))
            .where(cd.claim_id.in_(chunk))
            .order_by(cd.claim_id, a.name)
        )
        for r in conn.execute(q):
            by_claim[r.claim_id].append({"id": r.id, "name": r.name})
    for row in rows:
        row["disputed_by"] = by_claim.get(row["id"], [])


def claims(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of claims (with disputing parties) and the total."""
    q = _claims_select(f)
    rows = _rows(conn, q.limit(page.limit).offset(page.offset))
    _attach_disputes(conn, rows)
    return rows, _count(conn, q)


def _claim_key(row: dict[str, Any]) -> str:
    """Return the key under which reports of the same claim are grouped: claimant + place, else subject."""
    if row.get("place_id"):
        return f"{row['claimant_id']}|{row['place_id']}"
    words = " ".join(re.findall(r"\w+", str(row["subject"]).lower()))
    return f"{row['claimant_id']}|{words}"


def claim_ledger(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return a page of claims, each with its history: every report of the same claim, oldest first.

    Built on the per-article claims table: two reports are the same claim when they share the
    claimant and the place (or, without a place, the subject words).
    """
    rows, total = claims(conn, f, page)
    c = t.claims.c
    claimants = sorted({r["claimant_id"] for r in rows})
    place_ids = sorted({r["place_id"] for r in rows if r["place_id"]})
    subjects = sorted({r["subject"] for r in rows if not r["place_id"]})
    related: list[dict[str, Any]] = []
    # Candidates share the claimant and the place (or the exact subject); _claim_key then decides.
    same = or_(c.place_id.in_(place_ids), and_(c.place_id.is_(None), c.subject.in_(subjects)))
    for chunk in _chunks(claimants):
        related.extend(_rows(conn, _claims_select(Filters()).where(c.claimant_id.in_(chunk), same)))
    history: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in sorted(related, key=lambda r: (r["published"] or "", r["id"])):
        history[_claim_key(r)].append(
            {
                "claim_id": r["id"],
                "article_id": r["article_id"],
                "published": r["published"],
                "status": r["status"],
            }
        )
    for row in rows:
        row["history"] = history.get(_claim_key(row), [])
    return rows, total


def _positions_select(f: Filters) -> Select[Any]:
    """Return the select of positions with party names, newest article first."""
    po, a, ar = t.positions.c, t.actors.c, t.articles.c
    cond = _date_range(ar.published, f)
    if f.actor:
        cond.append(po.party_id == f.actor)
    if f.issue:
        cond.append(po.issue == f.issue)
    return (
        select(
            po.id,
            po.article_id,
            po.party_id,
            a.name.label("party"),
            po.issue,
            po.stance,
            po.span_start,
            po.span_end,
            po.sentence_start,
            po.sentence_end,
            ar.published,
            ar.title.label("article_title"),
        )
        .select_from(t.positions.join(t.articles, ar.id == po.article_id).join(t.actors, a.id == po.party_id))
        .where(*cond)
        .order_by(ar.published.desc(), po.id.desc())
    )


def positions(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of positions and the total."""
    q = _positions_select(f)
    return _rows(conn, q.limit(page.limit).offset(page.offset)), _count(conn, q)


def _words(s: str) -> set[str]:
    """Return the lower-cased words of a string."""
    return set(re.findall(r"\w+", s.lower()))


def _trend(history: list[dict[str, Any]]) -> str:
    """Return the trend of a party's stance on an issue: first stated, repeated or shifted.

    ``history`` is newest first. A shift is a latest stance whose words overlap the previous one's
    less than STANCE_SHIFT_JACCARD.
    """
    if len(history) < 2:
        return "first stated"
    a, b = _words(history[0]["stance"]), _words(history[1]["stance"])
    overlap = len(a & b) / len(a | b) if a | b else 1.0
    return "repeated" if overlap >= STANCE_SHIFT_JACCARD else "shifted"


def issue_tracker(conn: Connection, f: Filters) -> dict[str, Any]:
    """Return the parties × issues grid: per cell the latest stance, how many were stated, and the trend."""
    rows = _rows(conn, _positions_select(f).limit(TRACKER_MAX_POSITIONS))
    cells: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    parties: dict[str, str] = {}
    for r in rows:  # newest first, so each cell's list is too
        cells[(r["party_id"], r["issue"])].append(r)
        parties[r["party_id"]] = r["party"]
    out_cells = []
    for (party_id, issue), hist in cells.items():
        latest = hist[0]
        out_cells.append(
            {
                "party_id": party_id,
                "party": parties[party_id],
                "issue": issue,
                "count": len(hist),
                "trend": _trend(hist),
                "latest": {k: latest[k] for k in ("id", "stance", "published", "article_id")},
                "history": [{k: h[k] for k in ("id", "stance", "published", "article_id")} for h in hist],
            }
        )
    out_cells.sort(key=lambda c: (c["party"], ISSUES.index(c["issue"]) if c["issue"] in ISSUES else 99))
    issues_seen = [i for i in ISSUES if any(c["issue"] == i for c in out_cells)]
    party_list = sorted(
        ({"id": k, "name": v} for k, v in parties.items()), key=lambda p: (p["name"], p["id"])
    )
    return {
        "parties": party_list,
        "issues": issues_seen,
        "cells": out_cells,
        "truncated": len(rows) >= TRACKER_MAX_POSITIONS,
    }


# ---- actors and places --------------------------------------------------------------------------


def actors(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return a page of actors with how many events involve each, most active first."""
    a, ea = t.actors.c, t.event_actors.c
    n_events = select(func.count()).where(ea.actor_id == a.id).scalar_subquery().label("events")
    cond = [func.lower(a.name).contains(f.q.lower(), autoescape=True)] if f.q else []
    q = (
        select(a.id, a.qid, a.name, a.kind, a.affiliation, n_events)
        .where(*cond)
        .order_by(n_events.desc(), a.id)
    )
    return _rows(conn, q.limit(page.limit).offset(page.offset)), _count(conn, q)


def actor(conn: Connection, actor_id: str) -> dict[str, Any] | None:
    """Return one actor row, or None."""
    row = conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).first()
    return dict(row._mapping) if row else None


def places(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return a page of places with how many events and claims are located at each."""
    p, e, c = t.places.c, t.events.c, t.claims.c
    n_events = select(func.count()).where(e.place_id == p.id).scalar_subquery().label("events")
    n_claims = select(func.count()).where(c.place_id == p.id).scalar_subquery().label("claims")
    cond = [func.lower(p.name).contains(f.q.lower(), autoescape=True)] if f.q else []
    q = (
        select(p.id, p.geonameid, p.name, p.lat, p.lon, p.feature, p.country, p.admin1, n_events, n_claims)
        .where(*cond)
        .order_by(n_events.desc(), p.id)
    )
    return _rows(conn, q.limit(page.limit).offset(page.offset)), _count(conn, q)


def place(conn: Connection, place_id: str) -> dict[str, Any] | None:
    """Return one place row, or None."""
    row = conn.execute(select(t.places).where(t.places.c.id == place_id)).first()
    return dict(row._mapping) if row else None


# ---- map ----------------------------------------------------------------------------------------


def map_items(conn: Connection, f: Filters, limit: int) -> dict[str, Any]:
    """Return located events and claims matching the filters (at most ``limit`` of each), newest first."""
    p = t.places.c
    ev = _rows(conn, _events_select(f).where(p.lat.is_not(None), p.lon.is_not(None)).limit(limit))
    _attach_event_actors(conn, ev)
    cl = _rows(conn, _claims_select(f).where(p.lat.is_not(None), p.lon.is_not(None)).limit(limit))
    _attach_disputes(conn, cl)
    return {"events": ev, "claims": cl}


# ---- articles -----------------------------------------------------------------------------------

# Bound-parameter FTS5 search; snippet() marks hits with control characters that cannot occur in
# stored text, so the caller can escape the snippet for HTML and then turn the marks into <mark>.
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"
_FTS_SEARCH = text(
    "SELECT a.id AS id, snippet(articles_fts, 1, :open, :close, '…', 16) AS snippet, "
    "bm25(articles_fts) AS rank "
    "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
    "WHERE articles_fts MATCH :match ORDER BY rank, a.id LIMIT :limit OFFSET :offset"
)
_FTS_COUNT = text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :match")


def fts_query(q: str) -> str | None:
    """Return an FTS5 MATCH expression for free text: each word quoted (no operators), or None if no words."""
    words = re.findall(r"\w+", q)[:MAX_SEARCH_TERMS]
    return " ".join(f'"{w}"' for w in words) or None


def _article_cols() -> list[Any]:
    """Return the article metadata columns of list views."""
    ar = t.articles.c
    return [ar.id, ar.title, ar.outlet, ar.url, ar.published, ar.status, ar.language, ar.location]


def articles(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return a page of articles (newest first, or best match first with ``f.q``) and the total."""
    ar = t.articles.c
    cond = _date_range(ar.published, f)
    if f.q and conn.dialect.name == "sqlite":
        match = fts_query(f.q)
        if match is None:
            return [], 0
        hits = conn.execute(
            _FTS_SEARCH,
            {
                "open": SNIPPET_OPEN,
                "close": SNIPPET_CLOSE,
                "match": match,
                "limit": page.limit,
                "offset": page.offset,
            },
        ).all()
        total = int(conn.execute(_FTS_COUNT, {"match": match}).scalar_one())
        meta = {
            r["id"]: r for r in _rows(conn, select(*_article_cols()).where(ar.id.in_([h.id for h in hits])))
        }
        rows = [dict(meta[h.id], snippet=h.snippet) for h in hits if h.id in meta]
        return rows, total
    if f.q:  # other databases: a plain case-insensitive substring match on the title and text
        like = f.q.lower()
        cond.append(
            or_(
                func.lower(ar.title).contains(like, autoescape=True),
                func.lower(ar.clean_text).contains(like, autoescape=True),
            )
        )
    q = select(*_article_cols()).where(*cond).order_by(ar.published.desc(), ar.id)
    return _rows(conn, q.limit(page.limit).offset(page.offset)), _count(conn, q)


_Attach = Callable[[Connection, list[dict[str, Any]]], None]

# Each record kind: the select of its rows (with names and places joined), its table, and what
# fills in its many-to-many parts afterwards. The article page and the exports read them alike.
_RECORD_KINDS: dict[str, tuple[Callable[[Filters], Select[Any]], Table, _Attach | None]] = {
    "events": (_events_select, t.events, _attach_event_actors),
    "quotes": (_quotes_select, t.quotes, None),
    "claims": (_claims_select, t.claims, _attach_disputes),
    "positions": (_positions_select, t.positions, None),
}


def article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """Return one article with its raw text and all of its records, or None."""
    ar = t.articles.c
    row = conn.execute(
        select(*_article_cols(), ar.kind, ar.raw_text, ar.extracted_at, ar.extractor_version).where(
            ar.id == article_id
        )
    ).first()
    if row is None:
        return None
    out = dict(row._mapping)
    for name, (select_of, table, attach) in _RECORD_KINDS.items():
        rows = _rows(
            conn,
            select_of(Filters())
            .where(table.c.article_id == article_id)
            .order_by(None)
            .order_by(table.c.span_start, table.c.id),
        )
        if attach:
            attach(conn, rows)
        out[name] = rows
    return out


def records_of_actor(conn: Connection, actor_id: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Return the latest events, quotes, claims and positions involving an actor (``limit`` of each)."""
    f, page = Filters(actor=actor_id), Page(limit=limit)
    return {
        "events": events(conn, f, page)[0],
        "quotes": quotes(conn, f, page)[0],
        "claims": claims(conn, f, page)[0],
        "positions": positions(conn, f, page)[0],
    }


def records_at_place(conn: Connection, place_id: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Return the latest events and claims located at a place (``limit`` of each)."""
    f, page = Filters(place=place_id), Page(limit=limit)
    return {"events": events(conn, f, page)[0], "claims": claims(conn, f, page)[0]}


def record_kinds_count(conn: Connection) -> dict[str, int]:
    """Return how many events, quotes, claims and positions are stored (one round trip)."""
    parts = [
        select(literal(tb.name).label("k"), func.count().label("n")).select_from(tb) for tb in t.RECORD_TABLES
    ]
    return {r.k: int(r.n) for r in conn.execute(union_all(*parts))}


# ---- exports -----------------------------------------------------------------------------------

EXPORT_DATASETS = ("events", "quotes", "claims", "positions", "articles")


def export(
    conn: Connection, dataset: str, f: Filters, chunk: int, max_rows: int
) -> Iterator[list[dict[str, Any]]]:
    """Yield the rows of ``dataset`` matching the filters in chunks, oldest id first, at most ``max_rows``.

    Pages by keyset (``id > last``), so each chunk costs the same however deep the export is.
    """
    ar = t.articles.c
    base: Select[Any]
    attach: _Attach | None
    if dataset in _RECORD_KINDS:
        select_of, table, attach = _RECORD_KINDS[dataset]
        base, key = select_of(f), table.c.id
    elif dataset == "articles":
        base, key, attach = select(*_article_cols()).where(*_date_range(ar.published, f)), ar.id, None
    else:
        raise ValueError(f"unknown dataset {dataset!r}")
    base = base.order_by(None).order_by(key)
    last: Any = None
    sent = 0
    while sent < max_rows:
        q = base if last is None else base.where(key > last)
        rows = _rows(conn, q.limit(min(chunk, max_rows - sent)))
        if not rows:
            return
        if attach:
            attach(conn, rows)
        yield rows
        last, sent = rows[-1]["id"], sent + len(rows)


__all__ = [
    "CLAIM_STATUSES",
    "EVENT_TYPES",
    "ISSUES",
    "MODALITIES",
    "Filters",
    "Page",
    "actor",
    "actors",
    "article",
    "articles",
    "claim_ledger",
    "claims",
    "event",
    "event_facets",
    "events",
    "export",
    "issue_tracker",
    "map_items",
    "place",
    "places",
    "positions",
    "quotes",
    "records_at_place",
    "records_of_actor",
]
