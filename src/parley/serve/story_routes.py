"""API routes and pages over the cross-article story tables and the peace plans.

They call the read functions of ``parley.store.story`` and ``parley.store.plans`` (built by their
own stages: ``parley story …`` and ``parley plans add``); on a store where those stages have not run,
they answer empty lists.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam

from parley.serve.app import state_of
from parley.serve.dashboard import twin
from parley.serve.errors import ERROR_RESPONSES, not_found
from parley.serve.params import MAX_ID_LENGTH, ActorId, DateFrom, DateTo, IssueParam, PlaceId

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, tags=["story"])

# The story timeline returns at most this many merged events per call (its function has no offset).
STORY_TIMELINE_MAX = 500

StoryStatus = Annotated[str | None, Query(max_length=32, description="Ledger status to keep.")]


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


@router.get("/story/timeline", summary="Merged events across articles, oldest first")
def story_timeline(
    request: Request,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    actor: ActorId = None,
    place: PlaceId = None,
    limit: Annotated[int, Query(ge=1, le=STORY_TIMELINE_MAX)] = 100,
) -> list[dict[str, Any]]:
    """Return merged events with their actors, place and source articles."""
    from parley.store import story

    rows = story.timeline(
        state_of(request).engine, since=date_from, until=date_to, actor=actor, place=place, limit=limit
    )
    return list(_jsonable(rows))


@router.get("/story/ledger", summary="The claim ledger across articles, with status history")
def story_ledger(
    request: Request, status: StoryStatus = None, date_from: DateFrom = None
) -> list[dict[str, Any]]:
    """Return ledger entries, latest first, with sources, deniers and the history of their status."""
    from parley.store import story

    return list(_jsonable(story.ledger(state_of(request).engine, status=status, since=date_from)))


@router.get("/story/issues", summary="Latest stance per party side and issue, with history")
def story_issues(request: Request, issue: IssueParam = None) -> list[dict[str, Any]]:
    """Return the issue tracker built across articles."""
    from parley.store import story

    value = issue.value if issue is not None else None
    return list(_jsonable(story.issues(state_of(request).engine, issue=value)))


@router.get("/plans", summary="Stored peace plans (without their texts)")
def plans_list(request: Request) -> list[dict[str, Any]]:
    """Return the stored plans, oldest first, with their number of points."""
    from parley.store import plans

    return list(_jsonable(plans.list_plans(state_of(request).engine)))


@router.get("/plans/{name}", summary="One peace plan with its numbered points")
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


@twin("/story", "story.html")
def story_page(request: Request, status: StoryStatus = None, issue: IssueParam = None) -> dict[str, Any]:
    """Return the cross-article claim ledger and issue tracker, and the stored plans."""
    return {
        "title": "Story across articles",
        "ledger": story_ledger(request, status=status),
        "issues": story_issues(request, issue=issue),
        "plans": plans_list(request),
    }
