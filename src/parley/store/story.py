"""All SQL of the story tables: what ``parley.story`` reads and writes, and the views' queries.

Writes take the caller's connection (``update_story`` holds one transaction per article);
reads for the views take an engine. Every lookup the incremental update makes goes through an
index: members by (type, date_hi) and side, ledger entries by (proposition, last_seen), stance
history by (party_side, issue, published).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Integer,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.engine import Connection, Engine

from parley.model.records import side_of
from parley.store import schema as t
from parley.store import schema_story as s
from parley.store.writer import now
from parley.story.model import (
    DATE_SLACK_DAYS,
    MAX_WINDOW_DAYS,
    Actor,
    Link,
    Place,
    Report,
    Source,
    Step,
    window,
)
from parley.story.tracker import trend


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# ---- articles ---------------------------------------------------------------------------------


_PUBLISHED = select(t.articles.c.published).where(t.articles.c.id == bindparam("aid"))


def article_published(conn: Connection, article_id: str) -> tuple[bool, date | None]:
    """Return (exists, publication date) of an article."""
    row = conn.execute(_PUBLISHED, {"aid": article_id}).first()
    return (row is not None, _day(row[0]) if row else None)


# The statements the per-article update runs most, built once with bound parameters: building a
# statement costs SQLAlchemy several times what SQLite takes to run it (~0.15 ms against ~0.03).
_FOLDED = select(
    or_(
        *(
            exists().where(table.c.article_id == bindparam("aid"))
            for table in (s.story_event_members, s.claim_ledger_sources, s.stance_history)
        )
    )
)


def article_folded(conn: Connection, article_id: str) -> bool:
    """Return True when the article's records are already in the story tables."""
    return bool(conn.execute(_FOLDED, {"aid": article_id}).scalar())


def extracted_articles(conn: Connection) -> list[str]:
    """Return the ids of articles with records, in publication order."""
    a = t.articles.c
    q = (
        select(a.id)
        .where(a.status == "extracted")
        .order_by(func.coalesce(a.published, ""), a.ingested_at, a.id)
    )
    return [r[0] for r in conn.execute(q)]


def clear(conn: Connection) -> None:
    """Empty every story table."""
    for table in s.STORY_TABLES:
        conn.execute(delete(table))


# ---- merged events ----------------------------------------------------------------------------


def _reports_select(where: Any) -> Any:
    e, ar, p, m = t.events.c, t.articles.c, t.places.c, s.story_event_members.c
    return (
        select(
            e.id,
            e.article_id,
            e.type,
            e.mode,
            e.date,
            e.date_precision,
            e.modality,
            e.place_id,
            ar.published,
            p.name,
            p.lat,
            p.lon,
            m.story_event_id,
        )
        .select_from(
            t.events.join(t.articles, ar.id == e.article_id)
            .outerjoin(t.places, p.id == e.place_id)
            .outerjoin(s.story_event_members, m.event_id == e.id)
        )
        .where(where)
    )


# The reports of one article, and of a list of events (bound: aid, ids).
_REPORTS_OF_ARTICLE = _reports_select(t.events.c.article_id == bindparam("aid"))
_REPORTS_OF_EVENTS = _reports_select(t.events.c.id.in_(bindparam("ids", expanding=True)))


def _reports(conn: Connection, q: Any, params: dict[str, Any]) -> list[Report]:
    rows = conn.execute(q, params).all()
    if not rows:
        return []
    actors = _event_actors(conn, [r.id for r in rows])
    out = []
    for r in rows:
        published = _day(r.published)
        day = _day(r.date)
        lo, hi = window(day, r.date_precision, published)
        out.append(
            Report(
                event_id=r.id,
                article_id=r.article_id,
                type=r.type,
                modality=r.modality,
                published=published,
                date=day if r.date_precision == "day" else None,
                lo=lo,
                hi=hi,
                actors=tuple(actors.get(r.id, ())),
                place=Place(r.place_id, r.name, r.lat, r.lon) if r.place_id else None,
                mode=r.mode,
                story_id=r.story_event_id,
            )
        )
    return out


_EVENT_ACTORS = (
    select(t.event_actors.c.event_id, t.event_actors.c.actor_id, t.actors.c.name, t.actors.c.affiliation)
    .select_from(t.event_actors.join(t.actors, t.actors.c.id == t.event_actors.c.actor_id))
    .where(t.event_actors.c.event_id.in_(bindparam("ids", expanding=True)))
    .order_by(t.event_actors.c.event_id, t.event_actors.c.position)
)


def _event_actors(conn: Connection, event_ids: Sequence[int]) -> dict[int, list[Actor]]:
    out: dict[int, list[Actor]] = {}
    for r in conn.execute(_EVENT_ACTORS, {"ids": list(event_ids)}):
        out.setdefault(r.event_id, []).append(Actor(r.actor_id, r.name, side_of(r.actor_id, r.affiliation)))
    return out


def article_reports(conn: Connection, article_id: str) -> list[Report]:
    """Return the article's events as reports (those not yet in a merged event)."""
    return [r for r in _reports(conn, _REPORTS_OF_ARTICLE, {"aid": article_id}) if r.story_id is None]


def _candidates_select() -> Any:
    m, sd = s.story_event_members.c, s.story_member_sides.c
    return (
        select(m.story_event_id)
        .distinct()
        .select_from(s.story_event_members.join(s.story_member_sides, sd.event_id == m.event_id))
        .where(
            m.type == bindparam("type_"),
            m.date_hi >= bindparam("lo_"),
            m.date_hi <= bindparam("hi_max_"),
            m.date_lo <= bindparam("hi_"),
            sd.side.in_(bindparam("sides_", expanding=True)),
        )
    )


_CANDIDATES = _candidates_select()


def _loose_candidates_select() -> Any:
    m, sd = s.story_event_members.c, s.story_member_sides.c
    return (
        select(m.story_event_id, m.type, m.date_lo, m.date_hi, sd.side)
        .select_from(s.story_event_members.join(s.story_member_sides, sd.event_id == m.event_id))
        .where(
            m.type.in_(bindparam("types_", expanding=True)),
            m.date_hi >= bindparam("lo_"),
            m.date_hi <= bindparam("hi_max_"),
            m.date_lo <= bindparam("hi_"),
            sd.side.in_(bindparam("sides_", expanding=True)),
        )
    )


# The members that may meet any of an article's events (bound: types_, sides_ and the widest
# window), filtered exactly in Python: see candidates_of.
_LOOSE_CANDIDATES = _loose_candidates_select()


def _candidate_params(report: Report) -> dict[str, Any]:
    lo = report.lo - timedelta(days=DATE_SLACK_DAYS)
    hi = report.hi + timedelta(days=DATE_SLACK_DAYS)
    return {
        "type_": report.type,
        "lo_": lo.isoformat(),
        "hi_max_": (hi + timedelta(days=MAX_WINDOW_DAYS)).isoformat(),
        "hi_": hi.isoformat(),
        "sides_": sorted(report.sides),
    }


def candidate_stories(conn: Connection, report: Report) -> set[int]:
    """Return ids of merged events with a member of the same type, a window that meets, and a shared side."""
    return {r[0] for r in conn.execute(_CANDIDATES, _candidate_params(report))}


def candidates_of(conn: Connection, reports: Sequence[Report]) -> set[int]:
    """Return the union of :func:`candidate_stories` over ``reports``, in one statement.

    Why: an article's events are looked up together, since SQLAlchemy's cost per statement is
    several times SQLite's per indexed lookup. The statement asks for the members of the events'
    types and sides in the widest of their windows (through the same (type, date_hi) index; an
    article's events seldom lie far apart), and each member row is kept when it meets one event
    as candidate_stories would have it (dates are ISO strings, compared as the database does).
    """
    if not reports:
        return set()
    params = [_candidate_params(r) for r in reports]
    by_type: dict[str, list[tuple[str, str, str, set[str]]]] = {}
    for p in params:
        by_type.setdefault(p["type_"], []).append((p["lo_"], p["hi_max_"], p["hi_"], set(p["sides_"])))
    bound = {
        "types_": sorted(by_type),
        "sides_": sorted({side for p in params for side in p["sides_"]}),
        "lo_": min(p["lo_"] for p in params),
        "hi_max_": max(p["hi_max_"] for p in params),
        "hi_": max(p["hi_"] for p in params),
    }
    out: set[int] = set()
    for sid, typ, date_lo, date_hi, side in conn.execute(_LOOSE_CANDIDATES, bound):
        if sid not in out and any(
            lo <= date_hi <= hi_max and date_lo <= hi and side in sides
            for lo, hi_max, hi, sides in by_type[typ]
        ):
            out.add(sid)
    return out


_MEMBER_EVENTS = select(s.story_event_members.c.event_id).where(
    s.story_event_members.c.story_event_id.in_(bindparam("ids", expanding=True))
)


def story_members(conn: Connection, story_ids: Iterable[int]) -> list[Report]:
    """Return the current members of these merged events as reports."""
    ids = sorted(set(story_ids))
    if not ids:
        return []
    event_ids = [r[0] for r in conn.execute(_MEMBER_EVENTS, {"ids": ids})]
    return _reports(conn, _REPORTS_OF_EVENTS, {"ids": event_ids})


_DETACH_SIDES = delete(s.story_member_sides).where(
    s.story_member_sides.c.event_id.in_(bindparam("ids", expanding=True))
)
_DETACH_MEMBERS = delete(s.story_event_members).where(
    s.story_event_members.c.event_id.in_(bindparam("ids", expanding=True))
)


def detach(conn: Connection, event_ids: Sequence[int]) -> None:
    """Remove these source events from their merged events (to be placed again)."""
    if event_ids:
        conn.execute(_DETACH_SIDES, {"ids": list(event_ids)})
        conn.execute(_DETACH_MEMBERS, {"ids": list(event_ids)})


_INSERT_STORY = insert(s.story_events)
_UPDATE_STORY = update(s.story_events).where(s.story_events.c.id == bindparam("story_id_"))
_INSERT_STORY_ACTORS = insert(s.story_event_actors)
_INSERT_MEMBERS = insert(s.story_event_members)
_INSERT_SIDES = insert(s.story_member_sides)
_INSERT_CHANGE = insert(s.story_event_changes)


@dataclass(frozen=True)
class StoryWrite:
    """One merged event to write: its id (None for a new one), members, links and summary fields."""

    story_id: int | None
    members: Sequence[Report]
    links: dict[int, Link]
    fields: dict[str, Any]


_INSERT_STORY_IDS = _INSERT_STORY.returning(s.story_events.c.id, sort_by_parameter_order=True)
_DELETE_ACTORS_OF = delete(s.story_event_actors).where(
    s.story_event_actors.c.story_event_id.in_(bindparam("ids", expanding=True))
)
_DELETE_STORIES = delete(s.story_events).where(s.story_events.c.id.in_(bindparam("ids", expanding=True)))


_LAST_STORY_IDS = select(s.story_events.c.id).order_by(s.story_events.c.id.desc()).limit(bindparam("n_"))


def _new_story_ids(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert new merged events and return their ids in the order of ``rows``.

    On SQLite one executemany, stepped row after row: a table without AUTOINCREMENT gives each
    new row the largest rowid plus one, so the ``n`` largest ids are the new rows' in order (no
    other writer runs inside the transaction). Elsewhere one INSERT ... RETURNING, its ids sorted
    back into parameter order by SQLAlchemy (sort_by_parameter_order).
    """
    if not rows:
        return []
    if len(rows) == 1:
        return [int(conn.execute(_INSERT_STORY, rows[0]).inserted_primary_key[0])]  # type: ignore[index]
    if conn.dialect.name == "sqlite":
        conn.execute(_INSERT_STORY, rows)
        return sorted(int(r[0]) for r in conn.execute(_LAST_STORY_IDS, {"n_": len(rows)}))
    return [int(r[0]) for r in conn.execute(_INSERT_STORY_IDS, rows)]


def save_stories(conn: Connection, stories: Sequence[StoryWrite]) -> list[int]:
    """Write merged events with their actors and members; return their ids, new ones for story_id None.

    Why one statement per table for all of an article's merged events: an article changes a few,
    and SQLAlchemy's cost per statement is several times SQLite's per row.
    """
    stamp = now()
    values = [{k: v for k, v in w.fields.items() if k != "actors"} | {"updated_at": stamp} for w in stories]
    fresh = _new_story_ids(conn, [v for w, v in zip(stories, values, strict=True) if w.story_id is None])
    kept = [(w.story_id, v) for w, v in zip(stories, values, strict=True) if w.story_id is not None]
    if kept:
        conn.execute(_UPDATE_STORY, [{**v, "story_id_": sid} for sid, v in kept])
        conn.execute(_DELETE_ACTORS_OF, {"ids": [sid for sid, _ in kept]})
    it = iter(fresh)
    ids = [w.story_id if w.story_id is not None else next(it) for w in stories]
    actors: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    sides: list[dict[str, Any]] = []
    for story_id, w in zip(ids, stories, strict=True):
        actors.extend(
            {"story_event_id": story_id, "actor_id": a, "position": k}
            for k, a in enumerate(w.fields["actors"])
        )
        for r in w.members:
            lk = w.links.get(r.event_id)
            other = (lk.b if lk.a.event_id == r.event_id else lk.a) if lk else None
            rows.append(
                {
                    "event_id": r.event_id,
                    "story_event_id": story_id,
                    "article_id": r.article_id,
                    "type": r.type,
                    "date": r.date.isoformat() if r.date else None,
                    "date_lo": r.lo.isoformat(),
                    "date_hi": r.hi.isoformat(),
                    "place_id": r.place.id if r.place else None,
                    "modality": r.modality,
                    "published": r.published.isoformat() if r.published else None,
                    "linked_to": other.event_id if other else None,
                    "reason": f"matched event {other.event_id} of article {other.article_id}: {lk.text}"
                    if lk and other
                    else "first report",
                    "score": lk.score if lk else 0,
                }
            )
            sides.extend({"event_id": r.event_id, "side": side} for side in sorted(r.sides))
    if actors:
        conn.execute(_INSERT_STORY_ACTORS, actors)
    if rows:
        conn.execute(_INSERT_MEMBERS, rows)
    if sides:
        conn.execute(_INSERT_SIDES, sides)
    return ids


def delete_stories(conn: Connection, story_ids: Sequence[int]) -> None:
    """Delete merged events that no longer have members of their own."""
    if story_ids:
        conn.execute(_DELETE_ACTORS_OF, {"ids": list(story_ids)})
        conn.execute(_DELETE_STORIES, {"ids": list(story_ids)})


def log_changes(conn: Connection, article_id: str, changes: Sequence[tuple[int, str, str]]) -> None:
    """Record changes (merged event, change, detail) caused by an article, in this order."""
    if changes:
        stamp = now()
        conn.execute(
            _INSERT_CHANGE,
            [
                {
                    "story_event_id": sid,
                    "article_id": article_id,
                    "change": change,
                    "detail": detail,
                    "at": stamp,
                }
                for sid, change, detail in changes
            ],
        )


# ---- claim ledger -----------------------------------------------------------------------------


def _claim_statements() -> tuple[Any, Any]:
    """Return article_claims' statements, built once (bound: aid, ids)."""
    c, a, d = t.claims.c, t.actors.c, t.claim_disputes.c
    claims = (
        select(c.id, c.claimant_id, a.affiliation, c.subject, c.place_id, c.status)
        .select_from(t.claims.join(t.actors, a.id == c.claimant_id))
        .where(c.article_id == bindparam("aid"))
        .order_by(c.id)
    )
    disputes = (
        select(d.claim_id, d.actor_id, a.affiliation)
        .select_from(t.claim_disputes.join(t.actors, a.id == d.actor_id))
        .where(d.claim_id.in_(bindparam("ids", expanding=True)))
    )
    return claims, disputes


_CLAIMS, _DISPUTES = _claim_statements()


def article_claims(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    """Return the article's claims with claimant side and disputing actors."""
    out = [dict(r._mapping) | {"disputers": []} for r in conn.execute(_CLAIMS, {"aid": article_id})]
    by_id = {row["id"]: row for row in out}
    if by_id:
        for r in conn.execute(_DISPUTES, {"ids": list(by_id)}):
            by_id[r.claim_id]["disputers"].append((r.actor_id, side_of(r.actor_id, r.affiliation)))
    for row in out:
        row["side"] = side_of(row["claimant_id"], row.pop("affiliation"))
    return out


def _withdrawals_select() -> Any:
    e, ea, a = t.events.c, t.event_actors.c, t.actors.c
    return (
        select(e.id, e.place_id, ea.actor_id, a.affiliation)
        .select_from(
            t.events.join(t.event_actors, and_(ea.event_id == e.id, ea.position == 0)).join(
                t.actors, a.id == ea.actor_id
            )
        )
        .where(
            e.article_id == bindparam("aid"),
            e.type == "RETREAT",
            e.place_id.is_not(None),
            e.modality.in_(("asserted", "claimed")),
        )
    )


_WITHDRAWALS = _withdrawals_select()


def article_withdrawals(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    """Return the article's reported withdrawals from a place: event id, place, the withdrawing actor."""
    return [
        {
            "event_id": r.id,
            "place_id": r.place_id,
            "actor_id": r.actor_id,
            "side": side_of(r.actor_id, r.affiliation),
        }
        for r in conn.execute(_WITHDRAWALS, {"aid": article_id})
    ]


def _find_entry_select(since: bool) -> Any:
    c = s.claim_ledger.c
    q = select(s.claim_ledger).where(c.proposition == bindparam("prop_"))
    if since:
        q = q.where(c.last_seen >= bindparam("since_"))
    return q.order_by(c.last_seen.desc(), c.id.desc()).limit(1)


_FIND_ENTRY = {False: _find_entry_select(False), True: _find_entry_select(True)}


def find_entry(conn: Connection, proposition: str, seen_since: date | None) -> dict[str, Any] | None:
    """Return the latest ledger entry for a proposition last seen on or after a day, if any."""
    params = {"prop_": proposition}
    if seen_since is not None:
        params["since_"] = seen_since.isoformat()
    row = conn.execute(_FIND_ENTRY[seen_since is not None], params).first()
    return dict(row._mapping) if row else None


_INSERT_ENTRY = insert(s.claim_ledger)


def create_entry(conn: Connection, **values: Any) -> int:
    """Insert a ledger entry; return its id."""
    values = {"status": "claimed", "one_sided": True, "source_count": 0, "updated_at": now()} | values
    return int(conn.execute(_INSERT_ENTRY, values).inserted_primary_key[0])  # type: ignore[index]


_STATUS = select(s.claim_ledger.c.status, s.claim_ledger.c.source_count).where(
    s.claim_ledger.c.id == bindparam("id_")
)


def find_status(conn: Connection, entry_id: int) -> str | None:
    """Return an entry's current status as stored (None before its first verdict)."""
    row = conn.execute(_STATUS, {"id_": entry_id}).first()
    return row.status if row and row.source_count else None


_INSERT_SOURCES = insert(s.claim_ledger_sources)


def add_sources(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert evidence rows on ledger entries."""
    if rows:
        conn.execute(_INSERT_SOURCES, list(rows))


def _entry_sources_select() -> Any:
    ls, a = s.claim_ledger_sources.c, t.actors.c
    return (
        select(ls.id, ls.role, ls.article_id, ls.published, ls.actor_id, a.affiliation, a.name)
        .select_from(s.claim_ledger_sources.outerjoin(t.actors, a.id == ls.actor_id))
        .where(ls.entry_id == bindparam("id_"))
    )


_ENTRY_SOURCES = _entry_sources_select()


def entry_sources(conn: Connection, entry_id: int) -> list[Source]:
    """Return an entry's evidence with each actor's side and name."""
    return [
        Source(
            r.id,
            r.role,
            r.article_id,
            _day(r.published),
            r.actor_id,
            side_of(r.actor_id, r.affiliation) if r.actor_id else None,
            r.name,
        )
        for r in conn.execute(_ENTRY_SOURCES, {"id_": entry_id})
    ]


_DELETE_HISTORY = delete(s.claim_ledger_history).where(s.claim_ledger_history.c.entry_id == bindparam("id_"))
_INSERT_HISTORY = insert(s.claim_ledger_history)
_UPDATE_ENTRY = update(s.claim_ledger).where(s.claim_ledger.c.id == bindparam("id_"))


def write_verdict(conn: Connection, entry_id: int, steps: Sequence[Step], fields: dict[str, Any]) -> None:
    """Replace an entry's status history and update its current fields."""
    conn.execute(_DELETE_HISTORY, {"id_": entry_id})
    if steps:
        conn.execute(
            _INSERT_HISTORY,
            [
                {
                    "entry_id": entry_id,
                    "status": st.status,
                    "since": st.since.isoformat() if st.since else None,
                    "article_id": st.article_id,
                    "actor_id": st.actor_id,
                    "note": st.note,
                }
                for st in steps
            ],
        )
    conn.execute(_UPDATE_ENTRY, {**fields, "updated_at": now(), "id_": entry_id})


# ---- stance history ---------------------------------------------------------------------------


def _positions_select() -> Any:
    po, a, ar = t.positions.c, t.actors.c, t.articles.c
    return (
        select(po.id, po.party_id, a.affiliation, po.issue, po.stance, ar.published)
        .select_from(t.positions.join(t.actors, a.id == po.party_id).join(t.articles, ar.id == po.article_id))
        .where(po.article_id == bindparam("aid"))
        .order_by(po.id)
    )


_POSITIONS = _positions_select()


def article_positions(conn: Connection, article_id: str) -> list[dict[str, Any]]:
    """Return the article's positions with the party's side and the publication date."""
    out = []
    for r in conn.execute(_POSITIONS, {"aid": article_id}):
        row = dict(r._mapping)
        row["side"] = side_of(row["party_id"], row.pop("affiliation"))
        out.append(row)
    return out


def _neighbour_select(after: bool) -> Any:
    sh = s.stance_history.c
    published: Any = bindparam("published_")
    position_id: Any = bindparam("position_")
    if after:
        cond = or_(sh.published > published, and_(sh.published == published, sh.position_id > position_id))
        order: tuple[Any, Any] = (sh.published, sh.position_id)
    else:
        cond = or_(sh.published < published, and_(sh.published == published, sh.position_id < position_id))
        order = (sh.published.desc(), sh.position_id.desc())
    where = (sh.party_side == bindparam("side_"), sh.issue == bindparam("issue_"), cond)
    return select(s.stance_history).where(*where).order_by(*order).limit(1)


_NEIGHBOUR = {False: _neighbour_select(False), True: _neighbour_select(True)}


def neighbour_stance(
    conn: Connection, side: str, issue: str, published: str | None, position_id: int, *, after: bool
) -> dict[str, Any] | None:
    """Return the dated stance of this side on this issue just before (or after) a position, if any.

    Ordered by (published, position_id), the order of the (party_side, issue, published) index, so
    the lookup is one index step whatever the history's length. Undated stances have no neighbours.
    """
    if published is None:
        return None
    params = {"published_": published, "position_": position_id, "side_": side, "issue_": issue}
    row = conn.execute(_NEIGHBOUR[after], params).first()
    return dict(row._mapping) if row else None


_INSERT_STANCE = insert(s.stance_history)
_SET_CHANGE = update(s.stance_history).where(s.stance_history.c.position_id == bindparam("position_"))


def add_stance(conn: Connection, **values: Any) -> None:
    """Insert one stance into the history."""
    conn.execute(_INSERT_STANCE, values)


def set_stance_change(conn: Connection, position_id: int, changed: bool, note: str) -> None:
    """Update whether a stance changed from the one before it."""
    conn.execute(_SET_CHANGE, {"position_": position_id, "changed": changed, "change_note": note})


def _issue_statements() -> dict[str, Any]:
    """Return refresh_issue_stance's statements, built once (bound: side_, issue_, position_)."""
    sh, st = s.stance_history.c, s.issue_stances.c
    where = and_(sh.party_side == bindparam("side_"), sh.issue == bindparam("issue_"))
    order = (sh.published.desc(), sh.position_id.desc())
    return {
        "latest": select(s.stance_history).where(where, sh.published.is_not(None)).order_by(*order).limit(1),
        "newest": select(s.stance_history).where(where).order_by(sh.position_id.desc()).limit(1),
        "old": select(st.source_count).where(
            st.party_side == bindparam("side_"), st.issue == bindparam("issue_")
        ),
        "moved": select(sh.published, sh.stance)
        .where(
            where, sh.published.is_not(None), sh.changed.is_(True), sh.position_id != bindparam("position_")
        )
        .order_by(*order)
        .limit(1),
        "update": update(s.issue_stances).where(
            st.party_side == bindparam("side_"), st.issue == bindparam("issue_")
        ),
        "insert": insert(s.issue_stances),
    }


_ISSUE = _issue_statements()


def refresh_issue_stance(conn: Connection, side: str, issue: str, added: int) -> None:
    """Recompute the latest stance of a side on an issue after ``added`` new stances (index lookups only)."""
    key = {"side_": side, "issue_": issue}
    latest = conn.execute(_ISSUE["latest"], key).first()
    if latest is None:  # only undated stances: the newest of them
        latest = conn.execute(_ISSUE["newest"], key).first()
    if latest is None:
        return
    old = conn.execute(_ISSUE["old"], key).first()
    moved = conn.execute(_ISSUE["moved"], {**key, "position_": latest.position_id}).first()
    row = {
        "position_id": latest.position_id,
        "party_id": latest.party_id,
        "stance": latest.stance,
        "polarity": latest.polarity,
        "since": latest.published,
        "previous_stance": moved.stance if moved else None,
        "changed_on": latest.published if latest.changed else (moved.published if moved else None),
        "source_count": (old.source_count if old else 0) + added,
        "updated_at": now(),
    }
    if old is None:
        conn.execute(_ISSUE["insert"], {"party_side": side, "issue": issue, **row})
    else:  # the pair's one row, rewritten in place
        conn.execute(_ISSUE["update"], {**key, **row})


# ---- reads for the views ----------------------------------------------------------------------


def _names(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    ids = sorted({i for i in ids if i})
    if not ids:
        return {}
    return {
        r.id: r.name
        for r in conn.execute(select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(ids)))
    }


def _places(conn: Connection, ids: Iterable[str | None]) -> dict[str, dict[str, Any]]:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    p = t.places.c
    rows = conn.execute(select(p.id, p.name, p.lat, p.lon, p.geonameid).where(p.id.in_(wanted)))
    return {
        r.id: {"id": r.id, "name": r.name, "lat": r.lat, "lon": r.lon, "geonameid": r.geonameid} for r in rows
    }


def timeline(
    engine: Engine,
    *,
    since: date | None = None,
    until: date | None = None,
    actor: str | None = None,
    place: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Return merged events, oldest first, with actors, place and source article ids."""
    se, sa, a, p = s.story_events.c, s.story_event_actors.c, t.actors.c, t.places.c
    day = func.coalesce(se.date, se.first_reported)
    q = select(s.story_events).order_by(day, se.id)
    if since:
        q = q.where(day >= since.isoformat())
    if until:
        q = q.where(day <= until.isoformat())
    if actor:
        like = f"%{actor.lower()}%"
        hit = (
            select(sa.story_event_id)
            .select_from(s.story_event_actors.join(t.actors, a.id == sa.actor_id))
            .where(or_(a.id == actor, func.lower(a.name).like(like), a.affiliation == actor))
        )
        q = q.where(se.id.in_(hit))
    if place:
        hit = select(p.id).where(or_(p.id == place, func.lower(p.name).like(f"%{place.lower()}%")))
        q = q.where(se.place_id.in_(hit))
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
        return _with_story_details(conn, rows)


def _with_story_details(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [r["id"] for r in rows]
    if not ids:
        return rows
    sa, m = s.story_event_actors.c, s.story_event_members.c
    actors: dict[int, list[str]] = {}
    for r in conn.execute(
        select(sa.story_event_id, sa.actor_id).where(sa.story_event_id.in_(ids)).order_by(sa.position)
    ):
        actors.setdefault(r.story_event_id, []).append(r.actor_id)
    sources: dict[int, list[str]] = {}
    q = (
        select(m.story_event_id, m.article_id)
        .where(m.story_event_id.in_(ids))
        .order_by(func.coalesce(m.published, ""), m.article_id)
    )
    for r in conn.execute(q):
        lst = sources.setdefault(r.story_event_id, [])
        if r.article_id not in lst:
            lst.append(r.article_id)
    names = _names(conn, [x for v in actors.values() for x in v])
    places = _places(conn, [r["place_id"] for r in rows])
    for row in rows:
        row["actors"] = [{"id": x, "name": names.get(x, x)} for x in actors.get(row["id"], [])]
        row["place"] = places.get(row.pop("place_id"))
        row["sources"] = sources.get(row["id"], [])
    return rows


def story_event(engine: Engine, story_id: int) -> dict[str, Any] | None:
    """Return one merged event with its members (article, outlet, reason) and change log, or None."""
    se, m, ar, ch = s.story_events.c, s.story_event_members.c, t.articles.c, s.story_event_changes.c
    with engine.connect() as conn:
        row = conn.execute(select(s.story_events).where(se.id == story_id)).first()
        if row is None:
            return None
        (out,) = _with_story_details(conn, [dict(row._mapping)])
        q = (
            select(
                m.event_id,
                m.article_id,
                m.date,
                m.place_id,
                m.modality,
                m.published,
                m.linked_to,
                m.reason,
                m.score,
                ar.title,
                ar.outlet,
                ar.url,
                t.events.c.trigger,
            )
            .select_from(
                s.story_event_members.join(t.articles, ar.id == m.article_id).join(
                    t.events, t.events.c.id == m.event_id
                )
            )
            .where(m.story_event_id == story_id)
            .order_by(func.coalesce(m.published, ""), m.event_id)
        )
        out["members"] = [dict(r._mapping) for r in conn.execute(q)]
        out["changes"] = [
            dict(r._mapping)
            for r in conn.execute(
                select(s.story_event_changes).where(ch.story_event_id == story_id).order_by(ch.id)
            )
        ]
    return out


@dataclass(frozen=True)
class LedgerFilter:
    """Which ledger entries to read; None means no restriction.

    ``since``/``until`` keep entries seen in that period (last seen on or after ``since``, first
    claimed on or before ``until``); ``actor`` keeps those the actor or the side it names claimed or
    denied; ``place`` those about a place.
    """

    status: str | None = None
    one_sided: bool | None = None
    since: date | None = None
    until: date | None = None
    actor: str | None = None
    place: str | None = None
    entry_id: int | None = None  # one entry (its own URL)


def _ledger_conditions(f: LedgerFilter) -> list[Any]:
    """Return the WHERE conditions of a ledger filter (each one an index lookup or a range)."""
    c, ls = s.claim_ledger.c, s.claim_ledger_sources.c
    cond: list[Any] = []
    if f.status:
        cond.append(c.status == f.status)
    if f.one_sided is not None:
        cond.append(c.one_sided.is_(f.one_sided))
    if f.since:
        cond.append(c.last_seen >= f.since.isoformat())
    if f.until:
        cond.append(func.coalesce(c.first_claimed, c.last_seen) <= f.until.isoformat())
    if f.actor:
        denied = select(ls.entry_id).where(ls.actor_id == f.actor, ls.role == "denial")
        cond.append(or_(c.claimant_id == f.actor, c.claimant_side == f.actor, c.id.in_(denied)))
    if f.place:
        cond.append(c.place_id == f.place)
    if f.entry_id is not None:
        cond.append(c.id == f.entry_id)
    return cond


# The columns of a ledger entry, of its evidence and of its history steps that the views show (the
# matching key and the claimant's side stay inside the story stage).
LEDGER_COLUMNS = (
    "id",
    "kind",
    "subject",
    "place_id",
    "claimant_id",
    "status",
    "one_sided",
    "first_claimed",
    "last_seen",
    "status_since",
    "source_count",
)
EVIDENCE_COLUMNS = ("role", "article_id", "published", "actor_id", "claim_id", "event_id")
_ROLE, _ARTICLE, _ACTOR = (EVIDENCE_COLUMNS.index(k) for k in ("role", "article_id", "actor_id"))
HISTORY_COLUMNS = ("status", "since", "article_id", "actor_id", "note")


# The ledger's selects are built once per filter (LedgerFilter is frozen) and page, and kept: building
# and keying a select with its joins cost more Python than SQLite took to run it for a page.
LEDGER_CACHE_SIZE = 256


@functools.lru_cache(maxsize=LEDGER_CACHE_SIZE)
def _ledger_count_select(f: LedgerFilter) -> Any:
    return select(func.count()).select_from(s.claim_ledger).where(*_ledger_conditions(f))


def ledger_count(conn: Connection, f: LedgerFilter) -> int:
    """Return how many ledger entries the filter keeps."""
    return int(conn.execute(_ledger_count_select(f)).scalar_one())


@functools.lru_cache(maxsize=LEDGER_CACHE_SIZE)
def _ledger_select(f: LedgerFilter, limit: int | None, offset: int) -> Any:
    """Return the select of a page of ledger entries with the claimant's name and the place."""
    c, a, p = s.claim_ledger.c, t.actors.c, t.places.c
    place_cols = (p.id, p.name, p.lat, p.lon, p.geonameid)
    q = (
        select(*(c[k] for k in LEDGER_COLUMNS), a.name, *place_cols)
        .select_from(
            s.claim_ledger.outerjoin(t.actors, a.id == c.claimant_id).outerjoin(t.places, p.id == c.place_id)
        )
        .where(*_ledger_conditions(f))
        .order_by(c.last_seen.desc(), c.id)
    )
    if limit is not None:
        q = q.limit(limit).offset(offset)
    elif offset:
        q = q.offset(offset)
    return q


def _ledger_parts() -> tuple[Any, Any]:
    """Return the selects of the evidence and the history of a page's entries (bound: ids)."""
    ls, h, a = s.claim_ledger_sources.c, s.claim_ledger_history.c, t.actors.c
    ids: Any = bindparam("ids", expanding=True)
    evidence = (
        select(ls.entry_id, *(ls[k] for k in EVIDENCE_COLUMNS), a.name)
        .select_from(s.claim_ledger_sources.outerjoin(t.actors, a.id == ls.actor_id))
        .where(ls.entry_id.in_(ids))
        .order_by(func.coalesce(ls.published, ""), ls.id)
    )
    history = select(h.entry_id, *(h[k] for k in HISTORY_COLUMNS)).where(h.entry_id.in_(ids)).order_by(h.id)
    return evidence, history


_LEDGER_EVIDENCE, _LEDGER_HISTORY = _ledger_parts()


def ledger_rows(
    conn: Connection,
    f: LedgerFilter,
    *,
    limit: int | None = None,
    offset: int = 0,
    evidence_max: int | None = None,
    history_max: int | None = None,
) -> list[dict[str, Any]]:
    """Return ledger entries (latest first) with claimant, place, sources, deniers and status history.

    The one read of the claim ledger: ``parley claims``, the brief, the API, the dashboard and the
    exports all list these rows. Paged in the database (``limit``/``offset``); the evidence and the
    history are read for the page's entries only. ``evidence_max`` and ``history_max`` keep only the
    newest reports and status steps of each entry (lists of entries: a claim reported hundreds of
    times made one list page hundreds of kilobytes); ``evidence_count`` and ``history_count`` say
    how many there are in all, and ``sources`` and ``disputed_by`` always cover every report. (All
    of them are read and the older ones dropped here: numbering them in the database with a window
    function cost more than building the dicts.)
    """
    # Three round trips: the entries with their claimant's name and their place, then the evidence
    # (with each actor's name) and the history of the page's entries.
    rows = []
    n = len(LEDGER_COLUMNS)
    for r in conn.execute(_ledger_select(f, limit, offset)):
        row = dict(zip(LEDGER_COLUMNS, r[:n], strict=True))
        claimant = row.pop("claimant_id")
        row["claimant"] = {"id": claimant, "name": r[n] or claimant}
        del row["place_id"]
        row["place"] = dict(zip(("id", "name", "lat", "lon", "geonameid"), r[n + 1 :], strict=True))
        if row["place"]["id"] is None:
            row["place"] = None
        row.update(evidence=[], history=[], disputed_by=[])
        rows.append(row)
    by_id = {r["id"]: r for r in rows}
    if by_id:
        ids = list(by_id)
        # fetchall and plain tuples, and a dict only for the reports and steps kept: a page's
        # ~1,000 evidence and history rows one fetch at a time, each through a Row and a dict, cost
        # more than the queries.
        ev_of: dict[int, list[Any]] = {i: [] for i in ids}
        for entry_id, *values, name in conn.execute(_LEDGER_EVIDENCE, {"ids": ids}).all():
            ev_of[entry_id].append(values)
            row = by_id[entry_id]
            denier = values[_ACTOR] if values[_ROLE] == "denial" else None
            if denier and all(d["id"] != denier for d in row["disputed_by"]):
                row["disputed_by"].append({"id": denier, "name": name or denier})
        steps_of: dict[int, list[Any]] = {i: [] for i in ids}
        for entry_id, *values in conn.execute(_LEDGER_HISTORY, {"ids": ids}).all():
            steps_of[entry_id].append(values)
        for entry_id, row in by_id.items():
            evs, steps = ev_of[entry_id], steps_of[entry_id]
            row["sources"] = list(dict.fromkeys(v[_ARTICLE] for v in evs))
            row["evidence_count"], row["history_count"] = len(evs), len(steps)
            if evidence_max is not None:
                evs = evs[max(0, len(evs) - evidence_max) :]
            if history_max is not None:
                steps = steps[max(0, len(steps) - history_max) :]
            row["evidence"] = [dict(zip(EVIDENCE_COLUMNS, v, strict=True)) for v in evs]
            row["history"] = [dict(zip(HISTORY_COLUMNS, v, strict=True)) for v in steps]
    return rows


def ledger(
    engine: Engine, *, status: str | None = None, one_sided: bool | None = None, since: date | None = None
) -> list[dict[str, Any]]:
    """Return every ledger entry the filter keeps (see :func:`ledger_rows`)."""
    with engine.connect() as conn:
        return ledger_rows(conn, LedgerFilter(status=status, one_sided=one_sided, since=since))


def ledger_counts_by_place(conn: Connection, f: LedgerFilter) -> list[tuple[str, str, int]]:
    """Return (place id, status, entries) of the ledger entries with a place, for the map."""
    c = s.claim_ledger.c
    q = (
        select(c.place_id, c.status, func.count())
        .where(c.place_id.is_not(None), *_ledger_conditions(f))
        .group_by(c.place_id, c.status)
    )
    return [(r[0], r[1], int(r[2])) for r in conn.execute(q)]


# The columns of a stance-history step that issue_rows reads.
_STEP_COLUMNS = (
    "party_side",
    "issue",
    "position_id",
    "party_id",
    "stance",
    "polarity",
    "article_id",
    "published",
    "changed",
    "change_note",
)


@functools.lru_cache(maxsize=64)
def _cell_union(cells: int, by_issue: bool, by_since: bool, by_until: bool) -> Any:
    """Return the union of ``cells`` index ranges of stance_history (newest ``:n`` of each cell),
    with bound parameters ``side_K``/``issue_K`` per cell and ``issue``/``since``/``until``."""
    sh = s.stance_history.c
    cond: list[Any] = []
    if by_issue:
        cond.append(sh.issue == bindparam("issue"))
    if by_since:
        cond.append(sh.published >= bindparam("since"))
    if by_until:
        cond.append(sh.published <= bindparam("until"))
    parts = [
        select(*(sh[c] for c in _STEP_COLUMNS))
        .where(sh.party_side == bindparam(f"side_{k}"), sh.issue == bindparam(f"issue_{k}"), *cond)
        .order_by(sh.published.desc().nulls_last(), sh.position_id.desc())
        .limit(bindparam("n", type_=Integer))
        .subquery()
        .select()
        for k in range(cells)
    ]
    return union_all(*parts) if len(parts) > 1 else parts[0]


def issue_rows(
    conn: Connection,
    *,
    issue: str | None = None,
    since: date | None = None,
    until: date | None = None,
    history_max: int | None = None,
) -> list[dict[str, Any]]:
    """Return the latest stance per party side and issue, with its dated history and sources.

    The one read of the issue tracker (``parley issues``, the API and the dashboard list these
    rows). ``since``/``until`` keep the stances published in that period; the latest stance is then
    the latest within it. ``history_max`` keeps the newest stances of each history (``stance_count``
    still counts them all). Each row's ``trend`` comes from :func:`parley.story.tracker.trend`.
    Three queries whatever the number of parties and issues: the latest stances, the counts, and
    the histories (with ``history_max``, one index range per party side and issue).
    """
    st, sh = s.issue_stances.c, s.stance_history.c
    q = select(s.issue_stances).order_by(st.issue, st.party_side)
    if issue:
        q = q.where(st.issue == issue)
    rows = [dict(r._mapping) for r in conn.execute(q)]
    cond: list[Any] = []
    if issue:
        cond.append(sh.issue == issue)
    if since:
        cond.append(sh.published >= since.isoformat())
    if until:
        cond.append(sh.published <= until.isoformat())
    counts = {
        (r.party_side, r.issue): int(r.n)
        for r in conn.execute(
            select(sh.party_side, sh.issue, func.count().label("n"))
            .where(*cond)
            .group_by(sh.party_side, sh.issue)
        )
    }
    cols = [
        sh.party_side,
        sh.issue,
        sh.position_id,
        sh.party_id,
        sh.stance,
        sh.polarity,
        sh.article_id,
        sh.published,
        sh.changed,
        sh.change_note,
    ]
    hq: Any
    params: dict[str, Any] = {}
    if history_max is not None and rows:
        # One index range of ix_stance_history_side_issue_pub per cell, newest first, in one
        # statement (numbering every stance with a window function sorted the whole table). The
        # statement is built once per shape (_cell_union) and takes the cells as parameters:
        # building its 24 selects anew cost more than running them.
        hq = _cell_union(len(rows), bool(issue), bool(since), bool(until))
        params = {"n": history_max, "issue": issue, "since": since and since.isoformat()}
        params["until"] = until and until.isoformat()
        for k, cell in enumerate(rows):
            params[f"side_{k}"], params[f"issue_{k}"] = cell["party_side"], cell["issue"]
    else:
        hq = select(*cols).where(*cond)
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
    names_of = [c.name for c in cols]
    for r in conn.execute(hq, params):
        h = dict(zip(names_of, r, strict=True))
        by_key.setdefault((h.pop("party_side"), h.pop("issue")), []).append(h)
    # Oldest first, undated stances before dated ones (the order the stance history is told in).
    for hist in by_key.values():
        hist.sort(key=lambda h: (h["published"] or "", h["position_id"]))
    out = []
    for row in rows:
        key = (row["party_side"], row["issue"])
        hist = by_key.get(key, [])
        if not hist:
            continue
        if since or until:  # the latest stance within the period
            last = hist[-1]
            row.update(
                position_id=last["position_id"],
                party_id=last["party_id"],
                stance=last["stance"],
                polarity=last["polarity"],
                since=last["published"],
            )
        row["history"] = hist
        row["stance_count"] = counts.get(key, len(hist))
        row["trend"] = trend([(h["stance"], h["polarity"]) for h in hist])
        out.append(row)
    names = _names(conn, [r["party_side"] for r in out] + [h["party_id"] for r in out for h in r["history"]])
    for row in out:
        side = row.pop("party_side")
        row["party"] = {"id": side, "name": names.get(side) or names.get(row["party_id"], side)}
        row["speaker"] = {"id": row["party_id"], "name": names.get(row["party_id"], row["party_id"])}
        row["sources"] = list(dict.fromkeys(h["article_id"] for h in row["history"]))
        for h in row["history"]:
            h["speaker"] = names.get(h.pop("party_id"), "")
    return out


def issues(engine: Engine, *, issue: str | None = None, party: str | None = None) -> list[dict[str, Any]]:
    """Return the latest stance per party side and issue (see :func:`issue_rows`), of one party if given."""
    with engine.connect() as conn:
        rows = issue_rows(conn, issue=issue)
    if party:
        rows = [r for r in rows if party.lower() in (r["party"]["id"].lower(), r["party"]["name"].lower())]
    return rows


def stance_moves(engine: Engine, *, since: date | None = None) -> list[dict[str, Any]]:
    """Return stances that changed (oldest first), with the party side and speaker names."""
    sh = s.stance_history.c
    q = (
        select(s.stance_history)
        .where(sh.changed.is_(True))
        .order_by(func.coalesce(sh.published, ""), sh.position_id)
    )
    if since:
        q = q.where(sh.published >= since.isoformat())
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q)]
        names = _names(conn, [r["party_side"] for r in rows] + [r["party_id"] for r in rows])
    for r in rows:
        r["party"] = names.get(r["party_side"]) or names.get(r["party_id"], r["party_side"])
        r["speaker"] = names.get(r["party_id"], r["party_id"])
    return rows


def articles_meta(engine: Engine, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Return title, outlet, url and publication date of these articles, by id."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    a = t.articles.c
    with engine.connect() as conn:
        rows = conn.execute(select(a.id, a.title, a.outlet, a.url, a.published).where(a.id.in_(wanted)))
        return {r.id: dict(r._mapping) for r in rows}
