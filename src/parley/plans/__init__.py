"""Peace plans: numbered points read from a file, mapped to issues, compared across drafts.

    plan = load_plan(Path("us-28-point-plan.txt"))          # header gives name, party, date
    other = load_plan(Path("ukraine-20-point-plan.txt"))
    diff_plans(plan, other).issue("military_limits")         # 600,000 personnel → 800,000 personnel

Storing plans is :mod:`parley.store.plans`; the commands are ``parley plans add/list/show/diff``.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from parley.errors import InputError
from parley.plans.diff import IssueDiff, PlanDiff, PointChange, diff_plans
from parley.plans.figures import find_figures
from parley.plans.issues import point_issues
from parley.plans.model import Figure, Plan, PlanParty, PlanPoint
from parley.plans.parse import ParsedPlan, parse_plan_text, read_plan_text

__all__ = [
    "Figure",
    "IssueDiff",
    "Plan",
    "PlanDiff",
    "PlanParty",
    "PlanPoint",
    "PointChange",
    "build_plan",
    "diff_plans",
    "load_plan",
    "resolve_party",
]

# Largest plan file read. A long real agreement (Dayton runs to about 150 pages) is well under
# this as text; anything bigger is not a plan summary.
MAX_PLAN_BYTES = 2_000_000


def resolve_party(given: str, *, on: date | None = None) -> PlanParty:
    """Return the party as resolved by the actor registry; unknown parties keep their given name."""
    from parley.kb.actors import default_registry

    ref = default_registry().resolve(given, on=on)
    if ref is None:
        return PlanParty(given=given, name=given, qid=None, reason="not in the actor registry (or ambiguous)")
    return PlanParty(given=given, name=ref.name, qid=ref.id, reason=f"{ref.method}: {ref.reason}")


def build_plan(
    parsed: ParsedPlan, text: str, *, source: str, name: str | None = None, party: str | None = None,
    on: date | str | None = None,
) -> Plan:  # fmt: skip
    """Return the Plan of a parsed text: details from the arguments, else the header; issues and figures.

    The name falls back to the file's stem; a missing party or date is an InputError naming
    ``source``, since a plan that cannot be placed in time or attributed cannot be compared.
    """
    from parley.ingest.dates import parse_date

    name = name or parsed.fields.get("name") or Path(source).stem
    party_given = party or parsed.fields.get("party")
    if not party_given:
        raise InputError("no party given", path=source,
                         hint="pass --party, or add '; party: <name>' to the header line")  # fmt: skip
    when = on if on is not None else parsed.fields.get("date")
    if when is None:
        raise InputError(
            "no date given",
            path=source,
            hint="pass --date YYYY-MM-DD, or add '; date: YYYY-MM-DD' to the header",
        )
    day = when if isinstance(when, date) else parse_date(when, source=source)
    points = tuple(
        PlanPoint(number=p.number, label=p.label, text=p.text, start=p.start, end=p.end,
                  issues=point_issues(p.text), figures=find_figures(p.text), section=p.section)
        for p in parsed.points
    )  # fmt: skip
    return Plan(
        name=name, party=resolve_party(party_given, on=day), date=day, source=source, text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(), points=points,
        preamble=parsed.preamble, notes=tuple(parsed.notes),
    )  # fmt: skip


def load_plan(
    path: Path, *, name: str | None = None, party: str | None = None, on: date | str | None = None,
    max_bytes: int = MAX_PLAN_BYTES,
) -> Plan:  # fmt: skip
    """Return the plan in the file at ``path``; raise an InputError naming the file when it is unusable."""
    source = str(path)
    text = read_plan_text(path, max_bytes=max_bytes)
    parsed = parse_plan_text(text, source)
    return build_plan(parsed, text, source=source, name=name, party=party, on=on)
