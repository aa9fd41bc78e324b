"""API routes and pages over the cross-article story tables and the peace plans.

They call the read functions of ``parley.store.story`` and ``parley.store.plans`` (built by their
own stages: ``parley story …`` and ``parley plans add``); on a store where those stages have not run,
they answer empty pages. Every list is paged like the rest of the API (``limit``, ``offset``,
``next``) and its filters are validated the same way (an unknown status is a 422).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam

from parley.serve import models
from parley.serve.api import paged
from parley.serve.app import state_of
from parley.serve.dashboard import twin
from parley.serve.errors import ERROR_RESPONSES, not_found
from parley.serve.params import (
    MAX_ID_LENGTH,
    ActorId,
    DateFrom,
    DateTo,
    IssueParam,
    PlaceId,
    StatusParam,
    page,
)
from parley.store import views

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, tags=["story"])

P = Annotated[views.Page, Depends(page)]


def _jsonable(value: Any) -> Any:
    """Return ``value`` with dataclasses and dates turned into JSON types."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _page(request: Request, rows: list[Any], p: views.Page) -> dict[str, Any]:
    """Return one page of ``rows`` (all the matching rows) in the API's page envelope."""
    return paged(request, list(_jsonable(rows[p.offset : p.offset + p.limit])), len(rows), p)


@router.get(
    "/story/timeline",
    response_model=models.Page[models.StoryEvent],
    summary="Merged events across articles, oldest first",
)
def story_timeline(
    request: Request,
    p: P,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    actor: ActorId = None,
    place: PlaceId = None,
) -> dict[str, Any]:
    """Return a page of merged events with their actors, place and source articles."""
    from parley.store import story

    rows = story.timeline(
        state_of(request).engine, since=date_from, until=date_to, actor=actor, place=place, limit=None
    )
    return _page(request, rows, p)


@router.get(
    "/story/ledger",
    response_model=models.Page[models.LedgerEntry],
    summary="The claim ledger across articles, with status history",
)
def story_ledger(
    request: Request, p: P, status: StatusParam = None, date_from: DateFrom = None
) -> dict[str, Any]:
    """Return a page of ledger entries, latest first, with sources, deniers and status history.

    The same entries as /api/claims (which also filters by actor and place).
    """
    f = views.Filters(
        status=status.value if status is not None else None,
        date_from=date_from.isoformat() if date_from else None,
    )
    with state_of(request).engine.connect() as conn:
        rows, total = views.ledger(conn, f, p)
    return paged(request, rows, total, p)


@router.get(
    "/story/issues",
    response_model=models.Page[models.StoryStance],
    summary="Latest stance per party side and issue, with history",
)
def story_issues(request: Request, p: P, issue: IssueParam = None) -> dict[str, Any]:
    """Return a page of the issue tracker built across articles (the items of ``parley issues``)."""
    from parley.story.views import issues

    value = issue.value if issue is not None else None
    return _page(request, issues(state_of(request).engine, issue=value), p)


@router.get("/plans", response_model=models.Page[models.PlanSummary], summary="Stored peace plans (no texts)")
def plans_list(request: Request, p: P) -> dict[str, Any]:
    """Return a page of the stored plans, oldest first, with their number of points."""
    from parley.store import plans

    return _page(request, plans.list_plans(state_of(request).engine), p)


@router.get(
    "/plans/{name}", response_model=models.PlanDetail, summary="One peace plan with its numbered points"
)
def plan_detail(
    request: Request, name: Annotated[str, PathParam(max_length=MAX_ID_LENGTH)]
) -> dict[str, Any]:
    """Return a plan with its points."""
    from parley.store import plans

    plan = plans.get_plan(state_of(request).engine, name)
    if plan is None:
        raise not_found(f"plan {name!r}")
    out: dict[str, Any] = _jsonable(plan)
    return out


# The story page shows this many rows of each list; the API pages through the rest.
STORY_PAGE_ROWS = 200


@twin("/story", "story.html", models.StoryPage)
def story_page(request: Request, status: StatusParam = None, issue: IssueParam = None) -> dict[str, Any]:
    """Return the cross-article claim ledger and issue tracker, and the stored plans."""
    first = views.Page(limit=STORY_PAGE_ROWS, offset=0)
    return {
        "title": "Story across articles",
        "ledger": story_ledger(request, first, status=status)["items"],
        "issues": story_issues(request, first, issue=issue)["items"],
        "plans": plans_list(request, first)["items"],
    }
