"""The dashboard: server-rendered pages, each with a ``.json`` twin that returns the same context.

A page is one function that builds its context from ``parley.store.views``; :func:`twin` registers
it twice, as ``PATH.json`` (the context as JSON) and ``PATH`` (the context rendered by a Jinja2
template), so the page and its data can never disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from parley.serve import models
from parley.serve.api import DETAIL_RECORDS, actor_counts, article_payload, place_counts
from parley.serve.app import MAP_COUNTS_TTL_S, MAP_MAX_POINTS, connection, state_of
from parley.serve.errors import ERROR_RESPONSES, not_found
from parley.serve.params import MAX_ID_LENGTH, BBoxParam, filters, page, parse_bbox
from parley.store import views

router = APIRouter(responses=ERROR_RESPONSES, tags=["dashboard"])

Conn = Annotated[Connection, Depends(connection)]
F = Annotated[views.Filters, Depends(filters)]
P = Annotated[views.Page, Depends(page)]
AnyId = Annotated[str, PathParam(max_length=MAX_ID_LENGTH)]

Ctx = TypeVar("Ctx", bound=Callable[..., dict[str, Any]])


# The timeline's actor and place menus count every event: a full scan of event_actors (~0.1 s at
# 100k events). They change only when an ingest adds actors, so they are refreshed in the
# background every 30 s (parley.serve.app.AppState.memo).
FACETS_TTL_S = 30.0

# Month labels on the timeline axis closer than this (percent of its width) would overlap.
MIN_TICK_GAP_PCT = 6.0

# Where the boundary layers come from and which view of borders they draw; shown on the map page.
BOUNDARY_VIEW = (
    "Internationally recognised borders (UN General Assembly resolution 68/262): Crimea and "
    "Sevastopol are drawn as part of Ukraine. Shaded red with a dashed outline: areas under Russian "
    "occupation for which "
    "the bundled data has a boundary (Crimea and Sevastopol, since 2014). Areas occupied since 2022 are "
    "not drawn: no front-line data is bundled."
)


def twin(path: str, template: str, model: type[BaseModel]) -> Callable[[Ctx], Ctx]:
    """Return a decorator registering a context function as the page ``path`` and its ``path.json``.

    ``model`` types the twin's JSON (parley.serve.models), so the OpenAPI document describes it.
    """

    def deco(fn: Ctx) -> Ctx:
        @functools.wraps(fn)
        def html(*args: Any, **kwargs: Any) -> HTMLResponse:
            request: Request = kwargs["request"]
            ctx = fn(*args, **kwargs)
            tpl = state_of(request).templates
            return tpl.TemplateResponse(request, template, {"data": ctx, "json_url": _json_url(request)})

        # The twin first, so that `/articles/{id}.json` is matched before `/articles/{id}`.
        router.add_api_route(
            f"{path}.json", fn, methods=["GET"], response_model=model, summary=f"Data of the {path} page"
        )
        router.add_api_route(
            path, html, methods=["GET"], response_class=HTMLResponse, include_in_schema=False
        )
        return fn

    return deco


def _json_url(request: Request) -> str:
    """Return the URL of the page's .json twin (same query)."""
    q = f"?{request.url.query}" if request.url.query else ""
    return f"{request.url.path}.json{q}"


def _filters_dict(f: views.Filters) -> dict[str, str]:
    """Return the active filters under their query-string names."""
    names = {"date_from": "from", "date_to": "to"}
    return {names.get(k, k): v for k, v in vars(f).items() if v}


def _paging(request: Request, total: int, p: views.Page) -> dict[str, Any]:
    """Return links to the previous and next pages (None at the ends)."""

    def link(offset: int) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
        return f"{request.url.path}?{urlencode([*params, ('offset', str(offset))])}"

    return {
        "total": total,
        "limit": p.limit,
        "offset": p.offset,
        "prev": link(max(0, p.offset - p.limit)) if p.offset > 0 else None,
        "next": link(p.offset + p.limit) if p.offset + p.limit < total else None,
    }


def _facets(request: Request, conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """Return the timeline's filter menus, refreshed in the background every FACETS_TTL_S seconds."""
    return state_of(request).memo("facets", FACETS_TTL_S, views.event_facets, conn)


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    """Return a redirect to the timeline."""
    return RedirectResponse("/timeline", status_code=307)


def _axis(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Place each dated event along the timeline (``x`` in percent) and return the axis ticks."""
    dated = [date.fromisoformat(r["date"]) for r in rows if r.get("date")]
    if not dated:
        return {"start": None, "end": None, "ticks": []}
    lo, hi = min(dated), max(dated)
    span = max((hi - lo).days, 1)
    for r in rows:
        if r.get("date"):
            r["x"] = round(100 * (date.fromisoformat(r["date"]) - lo).days / span, 2)
    ticks: list[dict[str, Any]] = []
    seen: set[str] = set()
    for d in sorted(set(dated)):
        label = d.strftime("%Y-%m")
        if label not in seen:
            seen.add(label)
            first = max(lo, d.replace(day=1))
            x = round(100 * (first - lo).days / span, 2)
            if ticks and x - ticks[-1]["x"] < MIN_TICK_GAP_PCT:
                ticks[-1] = {"label": label, "x": x}  # the later month wins; labels never overlap
            else:
                ticks.append({"label": label, "x": x})
    return {"start": lo.isoformat(), "end": hi.isoformat(), "ticks": ticks}


def _density(request: Request, months: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the bars of the timeline's density strip: each dated month's count, its height (percent
    of the busiest month) and a link to the timeline filtered to that month."""
    dated = [m for m in months if m["period"]]
    top = max((m["n"] for m in dated), default=0)
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("from", "to", "offset")]
    out = []
    for m in dated:
        year, month = (int(x) for x in str(m["period"]).split("-"))
        last = (date(year + month // 12, month % 12 + 1, 1) - date.resolution).isoformat()
        query = urlencode([*params, ("from", f"{m['period']}-01"), ("to", last)])
        out.append(
            {
                "period": m["period"],
                "n": m["n"],
                "height": round(100 * m["n"] / top, 1),
                "href": f"{request.url.path.removesuffix('.json')}?{query}",
            }
        )
    return out


@twin("/timeline", "timeline.html", models.TimelinePage)
def timeline(request: Request, conn: Conn, f: F, p: P) -> dict[str, Any]:
    """Return the timeline: events matching the filters on a date axis, with the filter menus."""
    rows = views.event_rows(conn, f, p)
    # The per-month counts (and so the total) are an aggregate over every matching event: a few
    # seconds old at most, as on the map.
    months = state_of(request).memo(("months", f), MAP_COUNTS_TTL_S, lambda c: views.event_months(c, f), conn)
    total = sum(m["n"] for m in months)
    facets = _facets(request, conn)
    return {
        "title": "Timeline",
        "filters": _filters_dict(f),
        "events": rows,
        "axis": _axis(rows),
        "density": _density(request, months),
        "paging": _paging(request, total, p),
        "menus": {**facets, "types": list(views.EVENT_TYPES), "modalities": list(views.MODALITIES)},
    }


def _map_view(f: views.Filters) -> dict[str, Any]:
    """Return the map page's context without its points: title, filters, boundary layers, menus."""
    return {
        "title": "Map",
        "filters": _filters_dict(f),
        "max_points": MAP_MAX_POINTS,
        "boundaries": {
            "view": BOUNDARY_VIEW,
            "layers": {
                "countries": "/static/geo/countries.geojson",
                "oblasts": "/static/geo/ukraine-oblasts.geojson",
                "occupied": "/static/geo/occupied.geojson",
            },
            "provenance": "/static/geo/PROVENANCE.md",
        },
        "menus": {"types": list(views.EVENT_TYPES), "modalities": list(views.MODALITIES)},
    }


@router.get("/map.json", response_model=models.MapPage, summary="Data of the /map page: points as GeoJSON")
def map_json(request: Request, conn: Conn, f: F, bbox: BBoxParam = None) -> dict[str, Any]:
    """Return the map's points for a view and the filters: a GeoJSON FeatureCollection, one point per
    place and modality (events) or status (claims), counted in the database."""
    view = parse_bbox(bbox)
    counts = state_of(request).memo(("map", f), MAP_COUNTS_TTL_S, lambda c: views.map_counts(c, f), conn)
    points = views.map_points(conn, f, view, MAP_MAX_POINTS, counts)
    return {
        **_map_view(f),
        "type": "FeatureCollection",
        "view": [view.west, view.south, view.east, view.north] if view else None,
        **points,
    }


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request, f: F) -> HTMLResponse:
    """Return the map page: boundaries and filters; its script fetches the points for the current view
    from ``map.json`` (the page stays a few kilobytes however many events the store holds)."""
    tpl = state_of(request).templates
    ctx = _map_view(f)
    return tpl.TemplateResponse(request, "map.html", {"data": ctx, "json_url": _json_url(request)})


@twin("/claims", "claims.html", models.ClaimsPage)
def claims_page(request: Request, conn: Conn, f: F, p: P) -> dict[str, Any]:
    """Return the claim ledger: claims with status, disputing parties and the history of each claim."""
    rows, total = views.ledger(conn, f, p)
    return {
        "title": "Claim ledger",
        "filters": _filters_dict(f),
        "claims": rows,
        "paging": _paging(request, total, p),
        "menus": {"statuses": list(views.CLAIM_STATUSES)},
    }


@twin("/issues", "issues.html", models.IssuesPage)
def issues_page(request: Request, conn: Conn, f: F) -> dict[str, Any]:
    """Return the issue tracker: parties × issues with the latest stance and trend of each cell."""
    grid = views.issues(conn, f)
    return {
        "title": "Issue tracker",
        "filters": _filters_dict(f),
        **grid,
        "menus": {"issues": list(views.ISSUES)},
    }


@twin("/articles", "articles.html", models.ArticlesPage)
def articles_page(request: Request, conn: Conn, f: F, p: P) -> dict[str, Any]:
    """Return a page of articles (newest first), or full-text search results for ``q``."""
    rows, total = views.articles(conn, f, p)
    return {
        "title": "Articles",
        "filters": _filters_dict(f),
        "articles": rows,
        "paging": _paging(request, total, p),
        "snippet_marks": [views.SNIPPET_OPEN, views.SNIPPET_CLOSE],
    }


@twin("/articles/{article_id}", "article.html", models.ArticlePage)
def article_page(
    request: Request, conn: Conn, article_id: Annotated[str, PathParam(max_length=64)]
) -> dict[str, Any]:
    """Return an article with every extracted record and its text cut into highlighted segments."""
    art = article_payload(conn, article_id)
    return {"title": art.get("title") or article_id, "article": art}


@twin("/actors", "actors.html", models.ActorsPage)
def actors_page(request: Request, conn: Conn, f: F, p: P) -> dict[str, Any]:
    """Return a page of actors, most active first."""
    rows, total = views.actors(conn, f, p, actor_counts(request, conn))
    return {
        "title": "Actors",
        "filters": _filters_dict(f),
        "actors": rows,
        "paging": _paging(request, total, p),
    }


@twin("/actors/{actor_id}", "actor.html", models.ActorPage)
def actor_page(request: Request, conn: Conn, actor_id: AnyId) -> dict[str, Any]:
    """Return an actor and its latest events, quotes, claims and positions."""
    a = views.actor(conn, actor_id)
    if a is None:
        raise not_found(f"actor {actor_id!r}")
    return {"title": a["name"], "actor": a, **views.records_of_actor(conn, actor_id, DETAIL_RECORDS)}


@twin("/places", "places.html", models.PlacesPage)
def places_page(request: Request, conn: Conn, f: F, p: P) -> dict[str, Any]:
    """Return a page of places, most events first."""
    rows, total = views.places(conn, f, p, place_counts(request, conn))
    return {
        "title": "Places",
        "filters": _filters_dict(f),
        "places": rows,
        "paging": _paging(request, total, p),
    }


@twin("/places/{place_id}", "place.html", models.PlacePage)
def place_page(request: Request, conn: Conn, place_id: AnyId) -> dict[str, Any]:
    """Return a place and the latest events and claims located there."""
    pl = views.place(conn, place_id)
    if pl is None:
        raise not_found(f"place {place_id!r}")
    return {"title": pl["name"], "place": pl, **views.records_at_place(conn, place_id, DETAIL_RECORDS)}
