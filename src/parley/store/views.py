"""Read queries of the HTTP API and the dashboard: parameterised SQLAlchemy Core selects only.

Every list function takes a :class:`Filters` and a :class:`Page` and returns ``(rows, total)``;
rows come in a stable order (a unique id breaks every tie) so pages never overlap or skip. The
dashboard pages and their ``.json`` twins call the same functions. Values from users only ever
reach SQL as bound parameters; the one hand-written statement (full-text search, which SQLAlchemy
Core cannot express on SQLite) is a constant with bound parameters.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.engine import Connection

# The vocabularies of the interchange format (shared/eval/FORMAT.md); the API validates against them.
from parley.model.records import CLAIM_STATUSES, EVENT_TYPES, ISSUES, MODALITIES
from parley.store import schema as t
from parley.store import schema_story as s
from parley.store.story import LedgerFilter, ledger_count, ledger_counts_by_place, ledger_rows
from parley.story.views import claim_item, issue_grid

# Full-text queries are cut to this many words: each word is one FTS5 term, and a long OR-free
# conjunction costs one posting-list walk per term, so 12 keeps a search well under a millisecond
# per thousand articles while allowing any realistic query.
MAX_SEARCH_TERMS = 12

# A page of claims, quotes or positions is first looked for among the records of the newest
# articles: 4 articles per row the page needs, then 16, then 64. On the benchmark store (one claim
# per two articles) the first window fills an unfiltered page of claims and the second one
# filtered by a frequent claimant; a window costs 0.3-3 ms where sorting every claim cost ~7 ms.
PAGE_WINDOW_FACTORS = (4, 16, 64)

# An actor's or a place's page lists this many of its latest claim-ledger entries (the ledger, with
# ?actor= or ?place=, pages through the rest). An entry carries every report and status step behind
# it, so 50 of them made an actor's page 190 KB and its API answer several times a list page's cost.
DETAIL_LEDGER_ENTRIES = 20

# A ledger entry in a list (the API's /api/claims, the dashboard's ledger, an actor's or a place's
# records) carries its newest reports and status steps only, with ``evidence_count`` and
# ``history_count``: the benchmark's 50-entry page was 165 KB with every report, and its JSON cost
# more than its queries. The entry's own URL (/api/claims/{id}) gives them all.
LIST_EVIDENCE_MAX = 5
LIST_HISTORY_MAX = 6


# The record selects are built once per filter set and kept (lru_cache on the frozen Filters): a
# SQLAlchemy select of twenty columns and four joins cost ~0.5 ms of Python to build and to key for
# the compiled-statement cache, more than SQLite took to run it for one event. Selects are
# immutable, so the processes' threads share them.
SELECT_CACHE_SIZE = 512


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


def _count_records(conn: Connection, table: Table, cond: list[ColumnElement[bool]], f: Filters) -> int:
    """Return how many rows of a record table meet ``cond``, joining articles only for a date filter.

    A record's joins to its claimant, speaker or place add columns, never rows, so the count skips
    them: counting the joined select looked up an article and an actor for each of 17,000 claims.
    """
    src: Any = table
    if f.date_from or f.date_to:
        src = table.join(t.articles, t.articles.c.id == table.c.article_id)
    return int(conn.execute(select(func.count()).select_from(src).where(*cond)).scalar_one())


def _newest_page(
    conn: Connection, q: Select[Any], table: Table, page: Page, f: Filters
) -> list[dict[str, Any]]:
    """Return one page of ``q``, a record select joined to articles in newest-article-first order.

    On SQLite the page is first looked for among the records of the newest articles, in windows of
    PAGE_WINDOW_FACTORS times the rows the page needs (a range on ix_articles_published, then
    ix_<records>_article_id): without table statistics SQLite otherwise scans and sorts every
    record for each page. When no window holds enough rows, the plain query answers. PostgreSQL
    walks the index by itself. A filter by actor reads the plain query at once: the actor's records
    come from their own index (speaker, party: migration 0006) and sorting a few hundred costs a
    tenth of the windows, which a rare speaker would walk to the end.
    """
    want = page.offset + page.limit
    if conn.dialect.name == "sqlite" and not f.actor:
        in_window = _in_window(q, table)
        for factor in PAGE_WINDOW_FACTORS:
            bound = conn.execute(_WINDOW_BOUND, {"at_": want * factor - 1}).scalar()
            if bound is None:
                break  # fewer articles than the window: the plain query reads them all anyway
            # Every row outside the window is older (SQLite puts NULL last).
            rows = [dict(r._mapping) for r in conn.execute(in_window, {"bound_": bound, "want_": want})]
            if len(rows) == want:
                return rows[page.offset :]
    return [dict(r._mapping) for r in conn.execute(_paged(q), _page_params(page))]


# _newest_page's statements, built once per record select (the selects come from lru_caches, so
# the same filter gives the same select object): the newest-article window's bound, the page
# within the window, and the plain page, with the bounds and the page as bound parameters.
_WINDOW_BOUND = (
    select(t.articles.c.published)
    .where(t.articles.c.published.is_not(None))
    .order_by(t.articles.c.published.desc())
    .limit(1)
    .offset(bindparam("at_"))
)


@functools.lru_cache(maxsize=SELECT_CACHE_SIZE)
def _in_window(q: Select[Any], table: Table) -> Select[Any]:
    newest = select(t.articles.c.id).where(t.articles.c.published >= bindparam("bound_"))
    return q.where(table.c.article_id.in_(newest)).limit(bindparam("want_"))


@functools.lru_cache(maxsize=SELECT_CACHE_SIZE)
def _paged(q: Select[Any]) -> Select[Any]:
    """Return ``q`` limited and offset by the bound parameters page_limit_ and page_offset_."""
    return q.limit(bindparam("page_limit_")).offset(bindparam("page_offset_"))


def _page_params(page: Page) -> dict[str, int]:
    return {"page_limit_": page.limit, "page_offset_": page.offset}


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


def _event_conditions(f: Filters, *, newest_first: bool = False) -> list[ColumnElement[bool]]:
    """Return the WHERE conditions of an event filter.

    ``newest_first``: the query reads a page in date order, so the actor's events are checked
    against the date index (``id + 0`` keeps the database from looking each of them up by id and
    sorting them all: a 100-event page of an actor with 4,000 events costs half as much).
    """
    e = t.events.c
    cond = _date_range(e.date, f)
    if f.actor:
        # An IN list from ix_event_actors_actor_id: the count visits only that actor's events (an
        # EXISTS per event made counting an actor's 4,000 of 100,000 events cost ~150 ms).
        ea = t.event_actors.c
        actor_events = select(ea.event_id).where(ea.actor_id == f.actor)
        cond.append((e.id + 0).in_(actor_events) if newest_first else e.id.in_(actor_events))
    if f.place:
        cond.append(e.place_id == f.place)
    if f.type:
        cond.append(e.type == f.type)
    if f.modality:
        cond.append(e.modality == f.modality)
    return cond


@functools.lru_cache(maxsize=SELECT_CACHE_SIZE)
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


@functools.cache
def _event_actors_of() -> Select[Any]:
    """Return the select of the actors of the events in ``:ids`` (built once)."""
    ea, a = t.event_actors.c, t.actors.c
    return (
        select(ea.event_id, ea.position, a.id, a.name, a.kind)
        .select_from(t.event_actors.join(t.actors, a.id == ea.actor_id))
        .where(ea.event_id.in_(bindparam("ids", expanding=True)))
        .order_by(ea.event_id, ea.position)
    )


@functools.cache
def _events_by_ids() -> Select[Any]:
    """Return the select of the event rows whose ids are in ``:ids`` (built once)."""
    return _events_select(Filters()).where(t.events.c.id.in_(bindparam("ids", expanding=True)))


def _attach_event_actors(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Add each event's actors (PLOVER order: actor first, then recipients) in one query."""
    ids = [r["id"] for r in rows]
    by_event: dict[int, list[dict[str, Any]]] = defaultdict(list)
    q = _event_actors_of()
    for chunk in _chunks(ids):
        for r in conn.execute(q, {"ids": list(chunk)}):
            by_event[r.event_id].append({"id": r.id, "name": r.name, "kind": r.kind, "position": r.position})
    for row in rows:
        row["actors"] = by_event.get(row["id"], [])


def _chunks(ids: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    """Yield slices of ``ids`` small enough for an IN list (SQLite allows 32766 parameters)."""
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


@functools.lru_cache(maxsize=SELECT_CACHE_SIZE)
def _event_id_selects(f: Filters) -> tuple[Select[Any], Select[Any], Select[Any]]:
    """Return event_rows' selects: a page of dated ids, the count of dated ones, a page of undated ids."""
    e = t.events.c
    cond = _event_conditions(f, newest_first=True)
    dated = select(e.id).where(*cond, e.date.is_not(None)).order_by(e.date.desc(), e.id.desc())
    n_dated = select(func.count()).select_from(t.events).where(*_event_conditions(f), e.date.is_not(None))
    undated = select(e.id).where(*cond, e.date.is_(None)).order_by(e.id.desc())
    return _paged(dated), n_dated, _paged(undated)


def event_rows(conn: Connection, f: Filters, page: Page) -> list[dict[str, Any]]:
    """Return one page of events matching the filters, with their actors (no total).

    The page's ids come first, from the events table alone, then the joins for those ids only
    (joining first looked up an article and a place for every matching event). Dated events and
    undated ones (listed last) are read apart: each part then follows an index in order
    (ix_events_date backwards, the primary key), where one ``ORDER BY date DESC NULLS LAST`` made
    PostgreSQL sort every matching event for each page (110 ms at 100k events).
    """
    dated, n_dated_q, undated = _event_id_selects(f)
    ids = list(conn.execute(dated, _page_params(page)).scalars())
    if len(ids) < page.limit:  # the page reaches past the dated events, into the undated ones
        n_dated = page.offset + len(ids) if ids else int(conn.execute(n_dated_q).scalar_one())
        ids += conn.execute(
            undated,
            _page_params(Page(limit=page.limit - len(ids), offset=max(0, page.offset - n_dated))),
        ).scalars()
    rows = [dict(r._mapping) for r in conn.execute(_events_by_ids(), {"ids": ids})] if ids else []
    _attach_event_actors(conn, rows)
    return rows


def events(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of events matching the filters, and how many match in all."""
    return event_rows(conn, f, page), event_count(conn, f)


def event_count(conn: Connection, f: Filters) -> int:
    """Return how many events match the filters.

    Counted on the events table alone: the joins add columns, never rows, and cost a lookup each.
    On PostgreSQL a count reads every matching index entry (25 ms for all 100,000 events), so the
    server keeps it for a few seconds (parley.serve.api.list_events).
    """
    q = select(func.count()).select_from(t.events).where(*_event_conditions(f))
    return int(conn.execute(q).scalar_one())


def event_months(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Return how many events match the filters in each month (``period`` YYYY-MM; None: undated).

    One GROUP BY in the database: the timeline draws the whole range's density from a few dozen
    rows, and the sum is the total, so the page needs no separate count.
    """
    e = t.events.c
    # Grouped by day, then folded into months here: grouping by day walks ix_events_date in order
    # (10 ms at 100k events) where grouping by substr(date) sorted every row first (70 ms).
    q = select(e.date, func.count().label("n")).where(*_event_conditions(f)).group_by(e.date)
    months: dict[str | None, int] = defaultdict(int)
    for r in conn.execute(q):
        months[r.date[:7] if r.date else None] += int(r.n)
    return [{"period": k, "n": v} for k, v in sorted(months.items(), key=lambda kv: kv[0] or "")]


def event(conn: Connection, event_id: int) -> dict[str, Any] | None:
    """Return one event with its actors, or None."""
    rows = _rows(conn, _events_select(Filters()).where(t.events.c.id == event_id))
    _attach_event_actors(conn, rows)
    return rows[0] if rows else None


def event_facets(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """Return the actors and places that occur in events (for filter menus), most frequent first."""
    ea, a, p = t.event_actors.c, t.actors.c, t.places.c
    # Counted on the bare link columns (ix_event_actors_actor_id covers the first), then joined to
    # the names: grouping the joined rows looked every name up once per event.
    by_actor = select(ea.actor_id, func.count().label("n")).group_by(ea.actor_id).subquery()
    actors = _rows(
        conn,
        select(a.id, a.name, by_actor.c.n)
        .select_from(by_actor.join(t.actors, a.id == by_actor.c.actor_id))
        .order_by(by_actor.c.n.desc(), a.name, a.id)
        .limit(300),
    )
    by_place = _events_per_place()
    places = _rows(
        conn,
        select(p.id, p.name, by_place.c.n)
        .select_from(by_place.join(t.places, p.id == by_place.c.place_id))
        .order_by(by_place.c.n.desc(), p.name, p.id)
        .limit(300),
    )
    return {"actors": actors, "places": places}


def _events_per_place() -> Any:
    """Return a subquery of (place_id, n): how many events each place has, in one pass over events."""
    e = t.events.c
    return (
        select(e.place_id, func.count().label("n"))
        .where(e.place_id.is_not(None))
        .group_by(e.place_id)
        .subquery()
    )


# ---- quotes, claims, positions ------------------------------------------------------------------


def _quote_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """Return the WHERE conditions of a quote filter (dates are the article's: join articles for them)."""
    qu, ar = t.quotes.c, t.articles.c
    cond = _date_range(ar.published, f)
    if f.actor:
        cond.append(qu.speaker_id == f.actor)
    return cond


@functools.lru_cache(maxsize=SELECT_CACHE_SIZE)
def _quotes_select(f: Filters) -> Select[Any]:
    """Return the select of quotes with speaker names, newest article first."""
    qu, a, ar = t.quotes.c, t.actors.c, t.articles.c
    cond = _quote_conditions(f)
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
    rows = _newest_page(conn, _quotes_select(f), t.quotes, page, f)
    return rows, _count_records(conn, t.quotes, _quote_conditions(f), f)


@functools.lru_cache(maxsize=SELECT_CACHE_SIZE)
def _claims_select(f: Filters) -> Select[Any]:
    """Return the select of claims with claimant and place, newest article first."""
    c, a, ar = t.claims.c, t.actors.c, t.articles.c
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
        .where(*_claim_conditions(f))
        .order_by(ar.published.desc(), c.id.desc())
    )


def _claim_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """Return the WHERE conditions of a claim filter (dates are the article's: join articles for them)."""
    c, ar = t.claims.c, t.articles.c
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
    return cond


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


def _ledger_filter(f: Filters) -> LedgerFilter:
    """Return the claim-ledger filter of an API filter (dates bound when the claim was seen)."""
    return LedgerFilter(
        status=f.status,
        since=date.fromisoformat(f.date_from) if f.date_from else None,
        until=date.fromisoformat(f.date_to) if f.date_to else None,
        actor=f.actor,
        place=f.place,
    )


def ledger(conn: Connection, f: Filters, page: Page) -> tuple[list[dict[str, Any]], int]:
    """Return one page of the claim ledger (latest first) and how many entries match.

    Read from the story tables (``claim_ledger`` and its sources and history), which
    ``parley.story.update_story`` keeps as articles arrive: the same entries, statuses and
    histories as ``parley claims``, the brief and the exports. ``actor`` keeps the entries the
    actor (or the side it names) claimed or denied.
    """
    lf = _ledger_filter(f)
    return _entries(conn, lf, page.limit, page.offset), ledger_count(conn, lf)


def _entries(conn: Connection, lf: LedgerFilter, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Return ledger entries as list items: the newest reports and steps of each, and their counts."""
    rows = ledger_rows(
        conn, lf, limit=limit, offset=offset, evidence_max=LIST_EVIDENCE_MAX, history_max=LIST_HISTORY_MAX
    )
    return [
        claim_item(r) | {"evidence_count": r["evidence_count"], "history_count": r["history_count"]}
        for r in rows
    ]


def ledger_entry(conn: Connection, entry_id: int) -> dict[str, Any] | None:
    """Return one ledger entry with every report and status step, or None."""
    rows = ledger_rows(conn, LedgerFilter(entry_id=entry_id))
    if not rows:
        return None
    r = rows[0]
    return claim_item(r) | {"evidence_count": r["evidence_count"], "history_count": r["history_count"]}


def _position_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """Return the WHERE conditions of a position filter (dates are the article's: join articles for them)."""
    po, ar = t.positions.c, t.articles.c
    cond = _date_range(ar.published, f)
    if f.actor:
        cond.append(po.party_id == f.actor)
    if f.issue:
        cond.append(po.issue == f.issue)
    return cond


@functools.lru_cache(maxsize=SELECT_CACHE_SIZE)
def _positions_select(f: Filters) -> Select[Any]:
    """Return the select of positions with party names, newest article first."""
    po, a, ar = t.positions.c, t.actors.c, t.articles.c
    cond = _position_conditions(f)
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
    rows = _newest_page(conn, _positions_select(f), t.positions, page, f)
    return rows, _count_records(conn, t.positions, _position_conditions(f), f)


def issues(conn: Connection, f: Filters) -> dict[str, Any]:
    """Return the issue tracker as a parties × issues grid: per cell the latest stance and its trend.

    Read from the story tables (``issue_stances`` and ``stance_history``): the same party sides,
    stances and trends as ``parley issues``. The dates keep the stances published in that period.
    """
    return issue_grid(
        conn,
        issue=f.issue,
        since=date.fromisoformat(f.date_from) if f.date_from else None,
        until=date.fromisoformat(f.date_to) if f.date_to else None,
    )


# ---- actors and places --------------------------------------------------------------------------


def actor_event_counts(conn: Connection) -> dict[str, int]:
    """Return how many events involve each actor (one pass over ix_event_actors_actor_id)."""
    ea = t.event_actors.c
    q = select(ea.actor_id, func.count().label("n")).group_by(ea.actor_id)
    return {r.actor_id: int(r.n) for r in conn.execute(q)}


def place_counts(conn: Connection) -> dict[str, tuple[int, int]]:
    """Return how many events and ledger claims are located at each place (one pass over each table)."""
    e, c = t.events.c, s.claim_ledger.c
    out: dict[str, tuple[int, int]] = {}
    q = select(e.place_id, func.count().label("n")).where(e.place_id.is_not(None)).group_by(e.place_id)
    for r in conn.execute(q):
        out[r.place_id] = (int(r.n), 0)
    q = select(c.place_id, func.count().label("n")).where(c.place_id.is_not(None)).group_by(c.place_id)
    for r in conn.execute(q):
        out[r.place_id] = (out.get(r.place_id, (0, 0))[0], int(r.n))
    return out


def actors(
    conn: Connection, f: Filters, page: Page, counts: dict[str, int] | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Return a page of actors with how many events involve each, most active first.

    ``counts`` are :func:`actor_event_counts`, which a caller may keep for a while: they cost a pass
    over every event's actors, and the ranking needs them all.
    """
    a = t.actors.c
    counts = actor_event_counts(conn) if counts is None else counts
    cond = [func.lower(a.name).contains(f.q.lower(), autoescape=True)] if f.q else []
    rows = _rows(conn, select(a.id, a.qid, a.name, a.kind, a.affiliation).where(*cond))
    for r in rows:
        r["events"] = counts.get(r["id"], 0)
    rows.sort(key=lambda r: (-r["events"], r["id"]))
    return rows[page.offset : page.offset + page.limit], len(rows)


def actor(conn: Connection, actor_id: str) -> dict[str, Any] | None:
    """Return one actor row, or None."""
    row = conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).first()
    return dict(row._mapping) if row else None


def places(
    conn: Connection, f: Filters, page: Page, counts: dict[str, tuple[int, int]] | None = None
) -> tuple[list[dict[str, Any]], int]:
    """Return a page of places with how many events and claims are located at each, most events first.

    ``counts`` are :func:`place_counts`, which a caller may keep for a while (see :func:`actors`).
    """
    p = t.places.c
    counts = place_counts(conn) if counts is None else counts
    cond = [func.lower(p.name).contains(f.q.lower(), autoescape=True)] if f.q else []
    rows = _rows(
        conn, select(p.id, p.geonameid, p.name, p.lat, p.lon, p.feature, p.country, p.admin1).where(*cond)
    )
    for r in rows:
        r["events"], r["claims"] = counts.get(r["id"], (0, 0))
    rows.sort(key=lambda r: (-r["events"], r["id"]))
    return rows[page.offset : page.offset + page.limit], len(rows)


def place(conn: Connection, place_id: str) -> dict[str, Any] | None:
    """Return one place row, or None."""
    row = conn.execute(select(t.places).where(t.places.c.id == place_id)).first()
    return dict(row._mapping) if row else None


# ---- map ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BBox:
    """A map view: the rectangle between two longitudes and two latitudes (degrees, WGS84)."""

    west: float
    south: float
    east: float
    north: float


def _in_bbox(bbox: BBox | None) -> list[ColumnElement[bool]]:
    """Return the conditions keeping places with coordinates inside ``bbox`` (any, without one)."""
    p = t.places.c
    cond: list[ColumnElement[bool]] = [p.lat.is_not(None), p.lon.is_not(None)]
    if bbox is not None:
        cond += [p.lat.between(bbox.south, bbox.north), p.lon.between(bbox.west, bbox.east)]
    return cond


def map_counts(conn: Connection, f: Filters) -> dict[str, list[tuple[Any, ...]]]:
    """Return the map's counts, grouped in the database: events per (place, modality, type) with their
    latest date, and claim-ledger entries per (place, status). Independent of the view, so a caller
    may keep them."""
    e = t.events.c
    ev = conn.execute(
        select(e.place_id, e.modality, e.type, func.count(), func.max(e.date))
        .where(e.place_id.is_not(None), *_event_conditions(f))
        .group_by(e.place_id, e.modality, e.type)
    ).all()
    cl = ledger_counts_by_place(conn, _ledger_filter(f))
    return {"events": [tuple(r) for r in ev], "claims": [tuple(r) for r in cl]}


def _places_in(conn: Connection, ids: Sequence[str], bbox: BBox | None) -> dict[str, Any]:
    """Return the places among ``ids`` that have coordinates (inside ``bbox`` when given), by id."""
    p = t.places.c
    out: dict[str, Any] = {}
    for chunk in _chunks(sorted(ids)):
        q = select(p.id, p.name, p.lat, p.lon, p.country).where(p.id.in_(chunk), *_in_bbox(bbox))
        out.update({r.id: r for r in conn.execute(q)})
    return out


def _point(place: Any, kind: str, key: str) -> dict[str, Any]:
    """Return a GeoJSON point feature (with a zero count) for a place row."""
    return {
        "type": "Feature",
        "id": f"{kind}|{place.id}|{key}",
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "kind": kind,
            "place_id": place.id,
            "place_name": place.name,
            "country": place.country,
            "count": 0,
        },
    }


def map_points(
    conn: Connection,
    f: Filters,
    bbox: BBox | None,
    limit: int,
    counts: dict[str, list[tuple[Any, ...]]] | None = None,
) -> dict[str, Any]:
    """Return the map's points in ``bbox`` as GeoJSON features, and whether some were left out.

    One feature per place and event modality (an event reported as fact is drawn unlike one a party
    claims) with the count per event type, and one per place and claim status. The counts come
    from :func:`map_counts` (``counts``, when the caller kept them); only places in the view are
    read. At most ``limit`` features of each kind, the largest counts first.
    """
    counts = map_counts(conn, f) if counts is None else counts
    ids = {r[0] for r in counts["events"]} | {r[0] for r in counts["claims"]}
    where = _places_in(conn, list(ids), bbox)
    events: dict[tuple[str, str], dict[str, Any]] = {}
    for place_id, modality, type_, n, latest in counts["events"]:
        if place_id not in where:
            continue
        feat = events.get((place_id, modality))
        if feat is None:
            feat = events[(place_id, modality)] = _point(where[place_id], "event", modality)
            feat["properties"].update(modality=modality, types={}, latest=None)
        props = feat["properties"]
        props["count"] += n
        props["types"][type_] = n
        if latest and (props["latest"] is None or latest > props["latest"]):
            props["latest"] = latest
    claims = []
    for place_id, status, n in counts["claims"]:
        if place_id in where:
            feat = _point(where[place_id], "claim", status)
            feat["properties"].update(status=status, count=n)
            claims.append(feat)
    ev_feats = list(events.values())
    for feat in ev_feats:
        types = feat["properties"]["types"]
        feat["properties"]["top_type"] = max(sorted(types), key=lambda k: types[k])

    def largest(feats: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(feats, key=lambda x: (-x["properties"]["count"], x["id"]))[:limit]

    return {
        "features": largest(ev_feats) + largest(claims),
        "truncated": len(ev_feats) > limit or len(claims) > limit,
        "totals": {
            "events": sum(x["properties"]["count"] for x in ev_feats),
            "claims": sum(x["properties"]["count"] for x in claims),
        },
    }


# ---- articles -----------------------------------------------------------------------------------

# Bound-parameter FTS5 search; snippet() marks hits with control characters that cannot occur in
# stored text, so the caller can escape the snippet for HTML and then turn the marks into <mark>.
SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"
# The page is ranked first (``top``) and only its rows get a snippet: with the snippet in the ranking
# query SQLite built one for every match before sorting (4,800 of 5,000 articles for two common
# words: 10 ms where ranking alone costs 4). CROSS JOIN keeps that order: ``top`` first, then each
# of its rows looked up in the index by rowid. Ties in rank go by rowid (the order of storage).
_FTS_SEARCH = text(
    "WITH top AS (SELECT rowid AS rid, bm25(articles_fts) AS rank FROM articles_fts "
    "WHERE articles_fts MATCH :match ORDER BY rank, rowid LIMIT :limit OFFSET :offset) "
    "SELECT a.id AS id, snippet(articles_fts, 1, :open, :close, '…', 16) AS snippet, top.rank AS rank "
    "FROM top CROSS JOIN articles_fts CROSS JOIN articles a "
    "WHERE articles_fts MATCH :match AND articles_fts.rowid = top.rid AND a.rowid = top.rid "
    "ORDER BY top.rank, top.rid"
)
_FTS_COUNT = text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :match")


# PostgreSQL: the tsvector column and GIN index of migration 0005 (the same 'english' configuration
# as store/search.py). The page is ranked first and only its rows get a headline: ts_headline
# re-parses an article's text, which for every match made a search cost ~300 ms at 100k events.
# Ranking reads every match anyway, so it counts them too (``total``, a window over the matches):
# a separate count scanned them a second time (13 ms of 42 for two common words at 100k events).
# A page past the last match has no row to carry the count: only then is it counted apart.
_PG_SEARCH = text(
    "SELECT h.id, ts_headline('english', coalesce(a.clean_text, a.title, ''), "
    "plainto_tsquery('english', :query), :headline) AS snippet, h.total "
    "FROM (SELECT a.id, ts_rank(a.search_vector, q) AS rank, count(*) OVER () AS total "
    "      FROM articles a, plainto_tsquery('english', :query) AS q WHERE a.search_vector @@ q "
    "      ORDER BY rank DESC, a.id LIMIT :limit OFFSET :offset) h "
    "JOIN articles a ON a.id = h.id ORDER BY h.rank DESC, h.id"
)
_PG_COUNT = text("SELECT count(*) FROM articles WHERE search_vector @@ plainto_tsquery('english', :query)")
PG_HEADLINE = f"StartSel={SNIPPET_OPEN}, StopSel={SNIPPET_CLOSE}, MaxWords=16, MinWords=8, MaxFragments=1"


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
    if f.q and conn.dialect.name == "postgresql":
        words = re.findall(r"\w+", f.q)[:MAX_SEARCH_TERMS]
        if not words:
            return [], 0
        params = {
            "query": " ".join(words),
            "headline": PG_HEADLINE,
            "limit": page.limit,
            "offset": page.offset,
        }
        hits = conn.execute(_PG_SEARCH, params).all()
        if hits:
            total = int(hits[0].total)
        else:
            total = int(conn.execute(_PG_COUNT, params).scalar_one()) if page.offset else 0
        meta = {
            r["id"]: r for r in _rows(conn, select(*_article_cols()).where(ar.id.in_([h.id for h in hits])))
        }
        return [dict(meta[h.id], snippet=h.snippet) for h in hits if h.id in meta], total
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


def _latest_entries(conn: Connection, f: Filters, limit: int) -> list[dict[str, Any]]:
    """Return the latest ledger entries matching the filter (at most DETAIL_LEDGER_ENTRIES), uncounted."""
    return _entries(conn, _ledger_filter(f), min(limit, DETAIL_LEDGER_ENTRIES))


def records_of_actor(conn: Connection, actor_id: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Return the latest events, quotes and positions of an actor (``limit`` of each) and the latest
    ledger claims it made or denied (at most DETAIL_LEDGER_ENTRIES)."""
    f, page = Filters(actor=actor_id), Page(limit=limit)
    return {
        "events": event_rows(conn, f, page),
        "quotes": _newest_page(conn, _quotes_select(f), t.quotes, page, f),
        "claims": _latest_entries(conn, f, limit),
        "positions": _newest_page(conn, _positions_select(f), t.positions, page, f),
    }


def records_at_place(conn: Connection, place_id: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Return the latest events (``limit``) and ledger claims (at most DETAIL_LEDGER_ENTRIES) at a place."""
    f, page = Filters(place=place_id), Page(limit=limit)
    return {"events": event_rows(conn, f, page), "claims": _latest_entries(conn, f, limit)}


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
    ``claims`` are the claim ledger's entries, as the API and ``parley claims`` list them.
    """
    if dataset == "claims":
        yield from _export_ledger(conn, f, chunk, max_rows)
        return
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


def ledger_export_row(item: dict[str, Any]) -> dict[str, Any]:
    """Return a claim-ledger entry as one flat export row (lists as '; '-joined names and ids)."""
    place = item["place"] or {}
    return {
        "id": item["id"],
        "kind": item["kind"],
        "subject": item["subject"],
        "status": item["status"],
        "claimant_id": item["claimant"]["id"],
        "claimant": item["claimant"]["name"],
        "place_id": place.get("id"),
        "place": place.get("name"),
        "one_sided": item["one_sided"],
        "first_claimed": item["first_claimed"],
        "last_seen": item["last_seen"],
        "status_since": item["status_since"],
        "source_count": item["source_count"],
        "disputed_by": item["disputed_by"],
        "history": " → ".join(f"{h['status']} {h['since'] or ''}".strip() for h in item["history"]),
        "sources": "; ".join(item["sources"]),
    }


def _export_ledger(conn: Connection, f: Filters, chunk: int, max_rows: int) -> Iterator[list[dict[str, Any]]]:
    """Yield the claim ledger's entries matching the filters as flat rows, in chunks, latest first."""
    sent, lf = 0, _ledger_filter(f)
    while sent < max_rows:
        # Every report and status step (as `parley claims` prints them), not a list's newest few.
        items = [claim_item(r) for r in ledger_rows(conn, lf, limit=min(chunk, max_rows - sent), offset=sent)]
        if not items:
            return
        yield [ledger_export_row(i) for i in items]
        sent += len(items)


__all__ = [
    "CLAIM_STATUSES",
    "EVENT_TYPES",
    "ISSUES",
    "MODALITIES",
    "BBox",
    "Filters",
    "Page",
    "actor",
    "actor_event_counts",
    "actors",
    "article",
    "articles",
    "event",
    "event_count",
    "event_facets",
    "event_months",
    "event_rows",
    "events",
    "export",
    "issues",
    "ledger",
    "ledger_entry",
    "map_counts",
    "map_points",
    "place",
    "place_counts",
    "places",
    "positions",
    "quotes",
    "records_at_place",
    "records_of_actor",
]
