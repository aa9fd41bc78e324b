"""Read queries shared by the CLI, the Python API, the HTTP API and the dashboard."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from parley.store import schema as t
from parley.store.views import _attach_disputes, _attach_event_actors


def stats(engine: Engine) -> dict[str, Any]:
    """Return counts of what is stored: articles by status, duplicates, failures, records."""
    with engine.connect() as conn:
        by_status: dict[str, int] = dict(
            conn.execute(select(t.articles.c.status, func.count()).group_by(t.articles.c.status)).all()
        )
        dup: dict[str, int] = dict(
            conn.execute(select(t.duplicates.c.kind, func.count()).group_by(t.duplicates.c.kind)).all()
        )
        out: dict[str, Any] = {
            "articles": sum(by_status.values()),
            "by_status": by_status,
            "exact_duplicates": dup.get("exact", 0),
            "near_duplicates": by_status.get("near_duplicate", 0),
            "failures": conn.execute(select(func.count()).select_from(t.failures)).scalar_one(),
        }
        for table in (*t.RECORD_TABLES, t.actors, t.places):
            out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    return out


def articles(engine: Engine, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Return stored articles (metadata only), newest publication first, stable order."""
    c = t.articles.c
    q = (
        select(
            c.id, c.title, c.outlet, c.url, c.published, c.status, c.skip_reason, c.duplicate_of, c.location
        )
        .order_by(c.published.desc(), c.id)
        .limit(limit)
        .offset(offset)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def failures(engine: Engine) -> list[dict[str, Any]]:
    """Return recorded input failures, oldest first."""
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(t.failures).order_by(t.failures.c.id))]


def article(engine: Engine, article_id: str) -> dict[str, Any] | None:
    """Return one article row with its texts, or None."""
    with engine.connect() as conn:
        row = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).first()
    return dict(row._mapping) if row else None


def recent_events(engine: Engine, *, limit: int = 20) -> list[dict[str, Any]]:
    """Return the latest dated events with actor and place names, newest first."""
    e, p = t.events.c, t.places.c
    q = (
        select(e.id, e.type, e.date, e.modality, e.article_id, p.name.label("place"))
        .select_from(t.events.outerjoin(t.places, t.places.c.id == e.place_id))
        .where(e.date.is_not(None))
        .order_by(e.date.desc(), e.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
        _attach_event_actors(conn, rows)
    for row in rows:
        row["actors"] = [actor["name"] for actor in row["actors"]]
    return rows


def claims(engine: Engine, *, limit: int = 50) -> list[dict[str, Any]]:
    """Return claims with claimant and disputing parties, newest article first."""
    c, a, ar = t.claims.c, t.actors.c, t.articles.c
    q = (
        select(c.id, c.subject, c.status, c.article_id, a.name.label("claimant"), ar.published)
        .select_from(
            t.claims.join(t.actors, t.actors.c.id == c.claimant_id).join(t.articles, ar.id == c.article_id)
        )
        .order_by(ar.published.desc(), c.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
        _attach_disputes(conn, rows)
    for row in rows:
        row["disputed_by"] = [actor["name"] for actor in row["disputed_by"]]
    return rows


def latest_positions(engine: Engine, *, limit: int = 50) -> list[dict[str, Any]]:
    """Return positions with party names, newest article first."""
    po, a, ar = t.positions.c, t.actors.c, t.articles.c
    q = (
        select(po.id, po.issue, po.stance, po.article_id, a.name.label("party"), ar.published)
        .select_from(t.positions.join(t.actors, a.id == po.party_id).join(t.articles, ar.id == po.article_id))
        .order_by(ar.published.desc(), po.issue, po.id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
