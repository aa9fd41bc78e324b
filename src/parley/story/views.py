"""Machine-readable views of the story: the JSON items `parley timeline|claims|issues --json` print.

Each item carries the interchange-format fields (FORMAT.md) with actors and places as objects,
plus ``sources``: the ids of the articles behind it. The API and dashboard read the same lists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.engine import Connection, Engine

from parley.model.records import ISSUES
from parley.store import story as db
from parley.story.tracker import alignment


def timeline(
    engine: Engine,
    *,
    since: date | None = None,
    until: date | None = None,
    actor: str | None = None,
    place: str | None = None,
) -> list[dict[str, Any]]:
    """Return merged events, oldest first, as interchange-format events with their sources."""
    return [
        {
            "id": r["id"],
            "type": r["type"],
            "mode": r["mode"],
            "date": r["date"],
            "actors": r["actors"],
            "place": r["place"],
            "modality": r["modality"],
            "first_reported": r["first_reported"],
            "last_reported": r["last_reported"],
            "source_count": r["source_count"],
            "sources": r["sources"],
        }
        for r in db.timeline(engine, since=since, until=until, actor=actor, place=place)
    ]


# The fields of a claim-ledger entry wherever it is shown: `parley claims --json`, the brief,
# /api/claims, /api/story/ledger, the dashboard's ledger and the claims export.
CLAIM_FIELDS = (
    "id",
    "claimant",
    "subject",
    "place",
    "status",
    "disputed_by",
    "one_sided",
    "kind",
    "first_claimed",
    "last_seen",
    "status_since",
    "source_count",
    "history",
    "evidence",
    "sources",
)


def claim_item(row: dict[str, Any]) -> dict[str, Any]:
    """Return a ledger row (``parley.store.story.ledger_rows``) as an interchange-format claim."""
    out = {k: row[k] for k in CLAIM_FIELDS}
    out["one_sided"] = bool(out["one_sided"])
    return out


def claims_page(
    conn: Connection, f: db.LedgerFilter, *, limit: int | None = None, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Return one page of ledger entries, latest first, as claims, and how many the filter keeps."""
    items = [claim_item(r) for r in db.ledger_rows(conn, f, limit=limit, offset=offset)]
    return items, db.ledger_count(conn, f)


def claims(
    engine: Engine, *, status: str | None = None, one_sided: bool | None = None, since: date | None = None
) -> list[dict[str, Any]]:
    """Return ledger entries, latest first, as interchange-format claims with history and sources."""
    with engine.connect() as conn:
        items, _ = claims_page(conn, db.LedgerFilter(status=status, one_sided=one_sided, since=since))
    return items


def issue_item(row: dict[str, Any], aligned: str) -> dict[str, Any]:
    """Return an issue-tracker row (``parley.store.story.issue_rows``) as the item every view lists."""
    return {
        "party": row["party"],
        "issue": row["issue"],
        "stance": row["stance"],
        "polarity": row["polarity"],
        "speaker": row["speaker"],
        "position_id": row["position_id"],
        "since": row["since"],
        "changed_on": row["changed_on"],
        "previous_stance": row["previous_stance"],
        "trend": row["trend"],
        "stance_count": row["stance_count"],
        "alignment": aligned,
        "history": row["history"],
        "sources": row["sources"],
    }


def issue_items(
    conn: Connection,
    *,
    issue: str | None = None,
    party: str | None = None,
    since: date | None = None,
    until: date | None = None,
    history_max: int | None = None,
) -> list[dict[str, Any]]:
    """Return the latest stance per party and issue, with history, trend, sources and alignment.

    ``history_max`` keeps the newest stances of each history (``stance_count`` counts them all).
    """
    rows = db.issue_rows(conn, issue=issue, since=since, until=until, history_max=history_max)
    by_issue: dict[str, list[str]] = {}
    for r in rows:
        by_issue.setdefault(r["issue"], []).append(r["polarity"])
    out = []
    for r in rows:
        if party and party.lower() not in (r["party"]["id"].lower(), r["party"]["name"].lower()):
            continue
        out.append(issue_item(r, alignment(by_issue[r["issue"]])))
    return out


def issues(engine: Engine, *, issue: str | None = None, party: str | None = None) -> list[dict[str, Any]]:
    """Return the latest stance per party and issue, with history, sources and where the parties stand."""
    with engine.connect() as conn:
        return issue_items(conn, issue=issue, party=party)


# A cell of the parties × issues grid lists at most this many stances (newest first); its count
# says how many there are in all.
GRID_HISTORY_MAX = 12


def issue_grid(
    conn: Connection, *, issue: str | None = None, since: date | None = None, until: date | None = None
) -> dict[str, Any]:
    """Return the issue tracker as a parties × issues grid (the API's /api/issues and the dashboard).

    One cell per item of :func:`issue_items`: the same party sides, latest stances and trends as
    ``parley issues``, laid out by party and issue.
    """
    items = issue_items(conn, issue=issue, since=since, until=until, history_max=GRID_HISTORY_MAX)
    order = {name: k for k, name in enumerate(ISSUES)}
    cells = []
    parties: dict[str, str] = {}
    for it in items:
        party = it["party"]
        parties[party["id"]] = party["name"]
        steps = [
            {
                "id": h["position_id"],
                "stance": h["stance"],
                "published": h["published"],
                "article_id": h["article_id"],
            }
            for h in reversed(it["history"])
        ]
        latest = next((x for x in steps if x["id"] == it["position_id"]), steps[0])
        cells.append(
            {
                "party_id": party["id"],
                "party": party["name"],
                "issue": it["issue"],
                "count": it["stance_count"],
                "trend": it["trend"],
                "polarity": it["polarity"],
                "alignment": it["alignment"],
                "latest": latest,
                "history": steps[:GRID_HISTORY_MAX],
            }
        )
    cells.sort(key=lambda c: (c["party"], order.get(c["issue"], len(order)), c["party_id"]))
    return {
        "parties": sorted(
            ({"id": k, "name": v} for k, v in parties.items()), key=lambda p: (p["name"], p["id"])
        ),
        "issues": [i for i in ISSUES if any(c["issue"] == i for c in cells)],
        "cells": cells,
        "truncated": False,
    }
