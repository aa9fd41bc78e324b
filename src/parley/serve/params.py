"""Request parameters shared by the API and the dashboard: validated once, turned into Filters and Page."""

from __future__ import annotations

import math
from datetime import date
from enum import Enum
from typing import Annotated

from fastapi import Query

from parley.serve.app import DEFAULT_PAGE_SIZE, MAX_OFFSET, MAX_PAGE_SIZE
from parley.store import views

# Ids are short ("Q22686", "gn:703448", "name:dmitry peskov"); 128 is the column width in the schema.
MAX_ID_LENGTH = 128
# A search box query: long enough for a sentence, short enough that parsing it costs nothing.
MAX_QUERY_LENGTH = 200

EventType = Enum("EventType", {v: v for v in views.EVENT_TYPES}, type=str)  # type: ignore[misc]
Modality = Enum("Modality", {v: v for v in views.MODALITIES}, type=str)  # type: ignore[misc]
ClaimStatus = Enum("ClaimStatus", {v: v for v in views.CLAIM_STATUSES}, type=str)  # type: ignore[misc]
Issue = Enum("Issue", {v: v for v in views.ISSUES}, type=str)  # type: ignore[misc]

DateFrom = Annotated[date | None, Query(alias="from", description="Earliest date, YYYY-MM-DD (inclusive).")]
DateTo = Annotated[date | None, Query(alias="to", description="Latest date, YYYY-MM-DD (inclusive).")]
ActorId = Annotated[
    str | None, Query(max_length=MAX_ID_LENGTH, description="Actor id: a Wikidata QID or `name:<name>`.")
]
PlaceId = Annotated[
    str | None, Query(max_length=MAX_ID_LENGTH, description="Place id: `gn:<GeoNames id>` or `name:<name>`.")
]
TypeParam = Annotated[EventType | None, Query(description="PLOVER event type.")]
ModalityParam = Annotated[Modality | None, Query(description="Event modality.")]
StatusParam = Annotated[ClaimStatus | None, Query(description="Claim status.")]
IssueParam = Annotated[Issue | None, Query(description="Negotiation issue.")]
SearchParam = Annotated[
    str | None, Query(max_length=MAX_QUERY_LENGTH, description="Words to search for (all must occur).")
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (stable order).")]


def _iso(d: date | None) -> str | None:
    """Return a date as YYYY-MM-DD, or None."""
    return d.isoformat() if d else None


def _value(e: Enum | None) -> str | None:
    """Return an enum's value, or None."""
    return str(e.value) if e is not None else None


def filters(
    date_from: DateFrom = None,
    date_to: DateTo = None,
    actor: ActorId = None,
    place: PlaceId = None,
    type: TypeParam = None,
    modality: ModalityParam = None,
    status: StatusParam = None,
    issue: IssueParam = None,
    q: SearchParam = None,
) -> views.Filters:
    """Return the filters of a request (every one optional)."""
    return views.Filters(
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        actor=actor or None,
        place=place or None,
        type=_value(type),
        modality=_value(modality),
        status=_value(status),
        issue=_value(issue),
        q=(q or "").strip() or None,
    )


BBoxParam = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Map view: `west,south,east,north` in degrees (WGS84), e.g. `22,44,41,53`.",
    ),
]


def parse_bbox(raw: str | None) -> views.BBox | None:
    """Return the map view of a ``bbox`` parameter, or None; a malformed one is a 422 error."""
    from parley.serve.errors import ApiError

    if raw is None:
        return None
    parts = raw.split(",")
    try:
        west, south, east, north = (float(x) for x in parts)
    except ValueError:
        west = south = east = north = math.nan
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(
            422,
            "invalid_parameter",
            "invalid value for bbox: give west,south,east,north in degrees, west <= east, south <= north",
            [{"loc": ["query", "bbox"], "msg": "expected four numbers: west,south,east,north"}],
        )
    return views.BBox(west=west, south=south, east=east, north=north)


def page(limit: Limit = DEFAULT_PAGE_SIZE, offset: Offset = 0) -> views.Page:
    """Return the requested page."""
    return views.Page(limit=limit, offset=offset)
