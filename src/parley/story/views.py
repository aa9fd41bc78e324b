"""Machine-readable views of the story: the JSON items `parley timeline|claims|issues --json` print.

Each item carries the interchange-format fields (FORMAT.md) with actors and places as objects,
plus ``sources``: the ids of the articles behind it. The API and dashboard read the same lists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.engine import Engine

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


def claims(
    engine: Engine, *, status: str | None = None, one_sided: bool | None = None, since: date | None = None
) -> list[dict[str, Any]]:
    """Return ledger entries, latest first, as interchange-format claims with history and sources."""
    return [
        {
            "id": r["id"],
            "claimant": r["claimant"],
            "subject": r["subject"],
            "place": r["place"],
            "status": r["status"],
            "disputed_by": r["disputed_by"],
            "one_sided": bool(r["one_sided"]),
            "kind": r["kind"],
            "first_claimed": r["first_claimed"],
            "status_since": r["status_since"],
            "history": r["history"],
            "evidence": r["evidence"],
            "sources": r["sources"],
        }
        for r in db.ledger(engine, status=status, one_sided=one_sided, since=since)
    ]


def issues(engine: Engine, *, issue: str | None = None, party: str | None = None) -> list[dict[str, Any]]:
    """Return the latest stance per party and issue, with history, sources and where the parties stand."""
    rows = db.issues(engine, issue=issue)
    by_issue: dict[str, list[str]] = {}
    for r in rows:
        by_issue.setdefault(r["issue"], []).append(r["polarity"])
    out = []
    for r in rows:
        if party and party.lower() not in (r["party"]["id"].lower(), r["party"]["name"].lower()):
            continue
        out.append(
            {
                "party": r["party"],
                "issue": r["issue"],
                "stance": r["stance"],
                "polarity": r["polarity"],
                "speaker": r["speaker"],
                "since": r["since"],
                "changed_on": r["changed_on"],
                "previous_stance": r["previous_stance"],
                "alignment": alignment(by_issue[r["issue"]]),
                "history": r["history"],
                "sources": r["sources"],
            }
        )
    return out
