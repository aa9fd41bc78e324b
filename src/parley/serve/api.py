"""The JSON API under /api: records with filters and pagination, search, exports, and the guarded ingest."""

from __future__ import annotations

from datetime import date
from enum import Enum, StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection

from parley.serve import exports, models
from parley.serve.app import (
    COUNTS_TTL_S,
    EXPORT_CHUNK,
    EXPORT_MAX_ROWS,
    INGEST_MAX_BYTES,
    MAP_COUNTS_TTL_S,
    connection,
    state_of,
)
from parley.serve.errors import ERROR_RESPONSES, ApiError, not_found
from parley.serve.highlight import segments
from parley.serve.params import MAX_ID_LENGTH, filters, page
from parley.serve.security import token_refusal
from parley.store import queries, views

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

Conn = Annotated[Connection, Depends(connection)]
F = Annotated[views.Filters, Depends(filters)]
P = Annotated[views.Page, Depends(page)]


def paged(request: Request, rows: list[dict[str, Any]], total: int, p: views.Page) -> dict[str, Any]:
    """Return the page envelope, with a link to the next page when there is one."""
    nxt = None
    if p.offset + len(rows) < total and rows:
        nxt = str(request.url.include_query_params(offset=p.offset + p.limit, limit=p.limit))
    return {"items": rows, "total": total, "limit": p.limit, "offset": p.offset, "next": nxt}


@router.get("", summary="What this store holds", response_model=models.IndexOut)
def index(conn: Conn, request: Request) -> dict[str, Any]:
    """Return the store's counts and the API's list endpoints."""
    counts = queries.stats(state_of(request).engine)
    return {
        "name": "Parley",
        "counts": counts,
        "endpoints": sorted(
            str(getattr(r, "path", "")) for r in router.routes if "{" not in str(getattr(r, "path", "{"))
        ),
    }


@router.get(
    "/articles",
    response_model=models.Page[models.ArticleOut],
    summary="Articles, newest first; `q` searches their text",
)
def list_articles(conn: Conn, request: Request, f: F, p: P) -> dict[str, Any]:
    """Return a page of articles; with ``q``, best full-text matches first with a snippet."""
    rows, total = views.articles(conn, f, p)
    return paged(request, rows, total, p)


@router.get(
    "/search",
    response_model=models.Page[models.ArticleOut],
    summary="Full-text search over articles (SQLite FTS5)",
)
def search(
    conn: Conn,
    request: Request,
    p: P,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words that must all occur.")],
) -> dict[str, Any]:
    """Return articles matching every word of ``q``, best first, each with a snippet."""
    rows, total = views.articles(conn, views.Filters(q=q), p)
    return paged(request, rows, total, p)


def article_payload(conn: Connection, article_id: str) -> dict[str, Any]:
    """Return an article with its records and the highlighted text segments; 404 if absent."""
    art = views.article(conn, article_id)
    if art is None:
        raise not_found(f"article {article_id!r}")
    art["body_start"] = body_start(art["raw_text"], art["kind"])
    art["segments"] = [s.as_dict() for s in segments(art["raw_text"], art, start=art["body_start"])]
    return art


def body_start(raw_text: str, kind: str) -> int:
    """Return where the article's own text starts: after a front-matter block (text files), else 0."""
    from parley.errors import InputError
    from parley.ingest.text import split_front_matter

    if kind != "text":
        return 0
    try:
        return split_front_matter(raw_text, "article")[1]
    except InputError:
        return 0


def actor_counts(request: Request, conn: Connection) -> dict[str, int]:
    """Return the events per actor, recomputed at most every COUNTS_TTL_S seconds in this process."""
    return state_of(request).memo("actor counts", COUNTS_TTL_S, views.actor_event_counts, conn)


def place_counts(request: Request, conn: Connection) -> dict[str, tuple[int, int]]:
    """Return the events and claims per place, recomputed at most every COUNTS_TTL_S seconds."""
    return state_of(request).memo("place counts", COUNTS_TTL_S, views.place_counts, conn)


# Records an actor's or a place's page and API answer list, per kind (newest first); the lists with
# ?actor= or ?place= page through the rest. 50 of each made an actor's answer 120 KB and its
# building (four record kinds with their joins) the costliest request of the API.
DETAIL_RECORDS = 25

ArticleId = Annotated[str, PathParam(max_length=64, description="Article id (content hash prefix).")]
RecordId = Annotated[int, PathParam(ge=1, le=2**62, description="Record id.")]
AnyId = Annotated[str, PathParam(max_length=MAX_ID_LENGTH)]


@router.get(
    "/articles/{article_id}",
    response_model=models.ArticleDetail,
    summary="One article with its records and highlighted evidence",
)
def get_article(conn: Conn, article_id: ArticleId) -> dict[str, Any]:
    """Return the article, every record extracted from it, and its text cut into highlighted segments."""
    return article_payload(conn, article_id)


@router.get(
    "/events", response_model=models.Page[models.EventOut], summary="Events, newest date first (undated last)"
)
def list_events(conn: Conn, request: Request, f: F, p: P) -> dict[str, Any]:
    """Return a page of events filtered by date range, actor, place, type and modality.

    The page is read fresh; its ``total`` is an aggregate over every matching event, kept for
    MAP_COUNTS_TTL_S seconds per filter (as the timeline's and the map's counts are).
    """
    rows = views.event_rows(conn, f, p)
    count = state_of(request).memo
    total = count(("event count", f), MAP_COUNTS_TTL_S, lambda c: views.event_count(c, f), conn)
    return paged(request, rows, total, p)


@router.get("/events/{event_id}", response_model=models.EventOut, summary="One event")
def get_event(conn: Conn, event_id: RecordId) -> dict[str, Any]:
    """Return one event with its actors and place."""
    ev = views.event(conn, event_id)
    if ev is None:
        raise not_found(f"event {event_id}")
    return ev


@router.get("/quotes", response_model=models.Page[models.QuoteOut], summary="Quotes, newest article first")
def list_quotes(conn: Conn, request: Request, f: F, p: P) -> dict[str, Any]:
    """Return a page of quotes filtered by date range and speaker (``actor``)."""
    rows, total = views.quotes(conn, f, p)
    return paged(request, rows, total, p)


@router.get(
    "/claims",
    response_model=models.Page[models.LedgerEntry],
    summary="The claim ledger: claims across articles with status and history, latest first",
)
def list_claims(conn: Conn, request: Request, f: F, p: P) -> dict[str, Any]:
    """Return a page of ledger entries filtered by date, actor (claimant or disputer), place and status.

    Each entry lists its newest 5 reports and 6 status changes (``evidence_count`` and
    ``history_count`` count them all); ``/api/claims/{id}`` returns the entry with every one.
    """
    rows, total = views.ledger(conn, f, p)
    return paged(request, rows, total, p)


@router.get(
    "/claims/{entry_id}",
    response_model=models.LedgerEntry,
    summary="One claim-ledger entry with every report and status change",
)
def get_claim(conn: Conn, entry_id: RecordId) -> dict[str, Any]:
    """Return a ledger entry in full: lists of entries carry only its newest reports and steps."""
    entry = views.ledger_entry(conn, entry_id)
    if entry is None:
        raise not_found(f"claim {entry_id}")
    return entry


@router.get(
    "/positions",
    response_model=models.Page[models.PositionOut],
    summary="Positions (party stances on issues)",
)
def list_positions(conn: Conn, request: Request, f: F, p: P) -> dict[str, Any]:
    """Return a page of positions filtered by date, party (``actor``) and issue."""
    rows, total = views.positions(conn, f, p)
    return paged(request, rows, total, p)


@router.get(
    "/issues",
    response_model=models.IssueGrid,
    summary="Issue tracker: parties × issues, latest stance and trend",
)
def get_issues(conn: Conn, f: F) -> dict[str, Any]:
    """Return the parties × issues grid."""
    return views.issues(conn, f)


@router.get(
    "/actors",
    response_model=models.Page[models.ActorOut],
    summary="Actors, most active first; `q` filters by name",
)
def list_actors(conn: Conn, request: Request, f: F, p: P) -> dict[str, Any]:
    """Return a page of actors with their event counts."""
    rows, total = views.actors(conn, f, p, actor_counts(request, conn))
    return paged(request, rows, total, p)


@router.get(
    "/actors/{actor_id}", response_model=models.ActorDetail, summary="One actor and its latest records"
)
def get_actor(conn: Conn, actor_id: AnyId) -> dict[str, Any]:
    """Return an actor with its latest events, quotes, claims and positions."""
    a = views.actor(conn, actor_id)
    if a is None:
        raise not_found(f"actor {actor_id!r}")
    return dict(a, records=views.records_of_actor(conn, actor_id, DETAIL_RECORDS))


@router.get(
    "/places",
    response_model=models.Page[models.PlaceOut],
    summary="Places, most events first; `q` filters by name",
)
def list_places(conn: Conn, request: Request, f: F, p: P) -> dict[str, Any]:
    """Return a page of places with their event and claim counts."""
    rows, total = views.places(conn, f, p, place_counts(request, conn))
    return paged(request, rows, total, p)


@router.get(
    "/places/{place_id}", response_model=models.PlaceDetail, summary="One place and what happened there"
)
def get_place(conn: Conn, place_id: AnyId) -> dict[str, Any]:
    """Return a place with its latest events and claims."""
    pl = views.place(conn, place_id)
    if pl is None:
        raise not_found(f"place {place_id!r}")
    return dict(pl, records=views.records_at_place(conn, place_id, DETAIL_RECORDS))


# ---- exports ------------------------------------------------------------------------------------

Dataset = Enum("Dataset", {v: v for v in views.EXPORT_DATASETS}, type=str)  # type: ignore[misc]


class ExportFormat(StrEnum):
    """File formats of the table exports."""

    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


def _download(name: str) -> dict[str, str]:
    """Return the header that makes a browser save the response as ``name``."""
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get(
    "/export/{dataset}",
    summary="Export a table as CSV, JSON Lines or Parquet (with filters)",
    response_class=Response,
    responses={200: {"content": {m: {} for m in MEDIA.values()}}},
)
def export_table(
    request: Request,
    dataset: Dataset,
    f: F,
    format: Annotated[ExportFormat, Query(description="csv, jsonl or parquet")] = ExportFormat.csv,
) -> Response:
    """Return every row of ``dataset`` matching the filters (oldest first, capped at EXPORT_MAX_ROWS)."""
    engine = state_of(request).engine
    name, fmt = str(dataset.value), format.value

    def chunks() -> Any:
        with engine.connect() as conn:
            yield from views.export(conn, name, f, EXPORT_CHUNK, EXPORT_MAX_ROWS)

    if fmt == "parquet":
        body = exports.parquet_bytes(chunks())
        return Response(body, media_type=MEDIA[fmt], headers=_download(f"{name}.parquet"))
    stream = exports.csv_stream(chunks()) if fmt == "csv" else exports.jsonl_stream(chunks())
    return StreamingResponse(stream, media_type=MEDIA[fmt], headers=_download(f"{name}.{fmt}"))


@router.get(
    "/export/events/plover",
    summary="Events as PLOVER-style JSON records (JSON Lines)",
    response_class=StreamingResponse,
    responses={200: {"content": {MEDIA["jsonl"]: {}}}},
)
def export_plover(request: Request, f: F) -> StreamingResponse:
    """Return matching events as PLOVER JSON records, one per line."""
    engine = state_of(request).engine

    def chunks() -> Any:
        with engine.connect() as conn:
            yield from views.export(conn, "events", f, EXPORT_CHUNK, EXPORT_MAX_ROWS)

    return StreamingResponse(
        exports.plover_stream(chunks()), media_type=MEDIA["jsonl"], headers=_download("events.plover.jsonl")
    )


@router.get(
    "/export/events/acled",
    summary="Events as ACLED-style CSV",
    response_class=StreamingResponse,
    responses={200: {"content": {MEDIA["csv"]: {}}}},
)
def export_acled(request: Request, f: F) -> StreamingResponse:
    """Return matching events in ACLED's CSV columns."""
    engine = state_of(request).engine

    def chunks() -> Any:
        with engine.connect() as conn:
            yield from views.export(conn, "events", f, EXPORT_CHUNK, EXPORT_MAX_ROWS)

    return StreamingResponse(
        exports.acled_stream(chunks()), media_type=MEDIA["csv"], headers=_download("events.acled.csv")
    )


# ---- ingest (off unless a token is configured) -------------------------------------------------


class IngestIn(BaseModel):
    """An article to ingest: its text as a file would hold it (optional front matter first)."""

    text: str = Field(min_length=1, max_length=INGEST_MAX_BYTES)
    published: date | None = Field(
        default=None, description="Publication date if the text does not give one."
    )
    outlet: str | None = Field(default=None, max_length=200)
    name: str | None = Field(
        default=None,
        max_length=200,
        description="What messages and the store call the article (e.g. its file name); default: its title.",
    )


@router.post(
    "/ingest",
    summary="Ingest one article (only when the server has an ingest token)",
    response_model=models.IngestOut,
    responses={401: ERROR_RESPONSES[404], 403: ERROR_RESPONSES[404], 413: ERROR_RESPONSES[404]},
)
def ingest_article(
    request: Request,
    body: Annotated[IngestIn, Body()],
    authorization: Annotated[str | None, Header(max_length=400)] = None,
) -> dict[str, Any]:
    """Return what the ingest did (counts and messages); 403 when ingest is off, 401 on a wrong token.

    The token is checked before the body is read (parley.serve.security.BodyGate); the check here
    keeps the route safe if it is ever mounted without that middleware.
    """
    st = state_of(request)
    denied = token_refusal(st.options.ingest_token, authorization)
    if denied is not None:
        raise ApiError(*denied)
    from parley.ingest.text import posted_article
    from parley.pipeline import ingest_items
    from parley.store import Store

    item = posted_article(body.text, name=body.name, published=body.published, outlet=body.outlet)
    with st.ingest_lock, Store(st.settings.db) as store:
        report = ingest_items([item], item.source, store, st.settings, extractor=st.extractor())
    return {"counts": report.counts, "messages": report.messages}
