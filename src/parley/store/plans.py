"""All SQL for the plan tables: store a plan in one transaction, list plans, read one back.

Re-adding a file already stored under its name changes nothing; a different text under a
stored name is refused unless the caller asks to replace it (one transaction: the old points
never mix with the new).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from parley.errors import InputError, StoreError
from parley.plans.model import Figure, Plan, PlanParty, PlanPoint
from parley.store.schema_plans import plan_points, plans
from parley.store.writer import now


def _plan_row(plan: Plan) -> dict[str, Any]:
    """Return the plans row of a plan."""
    return {
        "name": plan.name, "party": plan.party.given, "party_name": plan.party.name,
        "party_qid": plan.party.qid, "party_reason": plan.party.reason, "date": plan.date.isoformat(),
        "source": plan.source, "text": plan.text, "content_hash": plan.content_hash,
        "preamble": plan.preamble, "notes": json.dumps(list(plan.notes), ensure_ascii=False),
        "added_at": now(),
    }  # fmt: skip


def _point_rows(plan_id: int, plan: Plan) -> list[dict[str, Any]]:
    """Return the plan_points rows of a plan."""
    rows = []
    for i, p in enumerate(plan.points):
        rows.append({
            "plan_id": plan_id, "position": i, "number": p.number, "label": p.label, "text": p.text,
            "span_start": p.start, "span_end": p.end, "section": p.section,
            "issues": json.dumps(list(p.issues)),
            "figures": json.dumps([f.to_dict() for f in p.figures], ensure_ascii=False),
        })  # fmt: skip
    return rows


def _find_id(conn: Connection, name: str) -> tuple[int, str] | None:
    """Return (id, content hash) of the plan stored under exactly this name."""
    row = conn.execute(select(plans.c.id, plans.c.content_hash).where(plans.c.name == name)).first()
    return (int(row[0]), str(row[1])) if row else None


def save_plan(engine: Engine, plan: Plan, *, replace: bool = False) -> str:
    """Store a plan with its points in one transaction; return "stored", "unchanged" or "replaced".

    A different plan already stored under the same name is an InputError unless ``replace``.
    """
    try:
        with engine.begin() as conn:
            found = _find_id(conn, plan.name)
            outcome = "stored"
            if found is not None:
                plan_id, content_hash = found
                if content_hash == plan.content_hash:
                    return "unchanged"
                if not replace:
                    raise InputError(
                        f"a different plan named {plan.name!r} is already stored",
                        path=plan.source,
                        hint="pass --replace to overwrite it, or --name to store this one under another name",
                    )
                conn.execute(delete(plan_points).where(plan_points.c.plan_id == plan_id))
                conn.execute(delete(plans).where(plans.c.id == plan_id))
                outcome = "replaced"
            res = conn.execute(insert(plans).values(**_plan_row(plan)))
            new_id = int(res.inserted_primary_key[0])  # type: ignore[index]
            if plan.points:
                conn.execute(insert(plan_points), _point_rows(new_id, plan))
    except SQLAlchemyError as e:
        first_line = str(e).splitlines()[0]
        raise StoreError(f"could not store plan {plan.name!r}: {first_line}", path=plan.source) from e
    return outcome


def list_plans(engine: Engine) -> list[dict[str, Any]]:
    """Return the stored plans (no texts), oldest plan date first, with their number of points."""
    count = (
        select(plan_points.c.plan_id, func.count().label("points")).group_by(plan_points.c.plan_id).subquery()
    )
    q = (
        select(plans.c.id, plans.c.name, plans.c.party, plans.c.party_name, plans.c.party_qid, plans.c.date,
               plans.c.source, plans.c.added_at, func.coalesce(count.c.points, 0).label("points"))
        .select_from(plans.outerjoin(count, count.c.plan_id == plans.c.id))
        .order_by(plans.c.date, plans.c.name)
    )  # fmt: skip
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def _resolve_name(conn: Connection, name: str) -> int | None:
    """Return the id of the plan called ``name``: exactly, else the one whose name matches ignoring case."""
    found = _find_id(conn, name)
    if found is not None:
        return found[0]
    rows = conn.execute(select(plans.c.id).where(func.lower(plans.c.name) == name.lower())).all()
    return int(rows[0][0]) if len(rows) == 1 else None


def get_plan(engine: Engine, name: str) -> Plan | None:
    """Return the stored plan called ``name`` (exact, else case-insensitive), with its points; else None."""
    with engine.connect() as conn:
        plan_id = _resolve_name(conn, name)
        if plan_id is None:
            return None
        row = conn.execute(select(plans).where(plans.c.id == plan_id)).one()._mapping
        point_rows = conn.execute(
            select(plan_points).where(plan_points.c.plan_id == plan_id).order_by(plan_points.c.position)
        ).all()
    points = tuple(_point_from_row(p._mapping) for p in point_rows)
    party = PlanParty(
        given=row["party"], name=row["party_name"], qid=row["party_qid"], reason=row["party_reason"]
    )
    return Plan(
        name=row["name"], party=party, date=date.fromisoformat(row["date"]), source=row["source"],
        text=row["text"], content_hash=row["content_hash"], points=points, preamble=row["preamble"],
        notes=tuple(json.loads(row["notes"])),
    )  # fmt: skip


def _point_from_row(row: Any) -> PlanPoint:
    """Return the PlanPoint stored in a plan_points row."""
    figures = tuple(Figure.from_dict(f) for f in json.loads(row["figures"]))
    return PlanPoint(
        number=row["number"], label=row["label"], text=row["text"], start=row["span_start"],
        end=row["span_end"], issues=tuple(json.loads(row["issues"])), figures=figures, section=row["section"],
    )  # fmt: skip
