"""Comparing drafts: the hand-written Black Sea drafts, and the two bundled sample plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.plans import Plan, PlanDiff, diff_plans, load_plan
from parley.samples import plans_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def black_sea() -> PlanDiff:
    """Return the diff of the two hand-written Black Sea drafts."""
    first, second = (load_plan(FIXTURES / f"black-sea-draft-{n}.txt") for n in (1, 2))
    return diff_plans(first, second)


@pytest.fixture(scope="module")
def samples() -> PlanDiff:
    """Return the diff of the bundled US 28-point and Ukrainian 20-point summaries."""
    us = load_plan(plans_dir() / "us-28-point-plan-2025-11.txt")
    ukraine = load_plan(plans_dir() / "ukraine-20-point-plan-2025-12.txt")
    return diff_plans(us, ukraine)


def statuses(diff: PlanDiff) -> dict[str, str]:
    """Return issue → status."""
    return {d.issue: d.status for d in diff.issues}


def test_black_sea_drafts_issue_by_issue(black_sea: PlanDiff) -> None:
    assert statuses(black_sea) == {
        "ceasefire": "changed", "military_limits": "changed", "sanctions": "dropped",
        "humanitarian": "unchanged", "accountability": "added", "other": "changed",
    }  # fmt: skip
    (cease,) = black_sea.issue("ceasefire").changed  # type: ignore[union-attr]
    assert [f.describe() for f in cease.figures] == ["72 hours → 48 hours"]
    assert cease.reason == "72 hours → 48 hours"
    (army,) = black_sea.issue("military_limits").changed  # type: ignore[union-attr]
    assert army.reason == "600,000 personnel → 800,000 personnel"
    (mission,) = black_sea.issue("other").changed  # type: ignore[union-attr]
    assert (mission.a.number, mission.b.number, mission.reason) == (5, 4, "200 observers → 400 observers")
    assert [p.number for p in black_sea.issue("sanctions").dropped] == [4]  # type: ignore[union-attr]
    assert [p.number for p in black_sea.issue("accountability").added] == [5]  # type: ignore[union-attr]


def test_diff_json_shape(black_sea: PlanDiff) -> None:
    out = black_sea.to_dict()
    assert out["a"]["party_qid"] == "Q43" and out["b"]["date"] == "2026-02-15"
    assert out["counts"] == {"dropped": 1, "added": 1, "changed": 3, "unchanged": 1}
    army = next(d for d in out["issues"] if d["issue"] == "military_limits")
    (change,) = army["changed"]
    assert change["figures"][0]["before"]["value"] == 600_000
    assert change["figures"][0]["after"]["value"] == 800_000


def test_identical_drafts_have_no_changes() -> None:
    plan = load_plan(FIXTURES / "black-sea-draft-1.txt")
    diff = diff_plans(plan, plan)
    assert {d.status for d in diff.issues} == {"unchanged"}


def test_samples_military_limits_cap_raised(samples: PlanDiff) -> None:
    limits = samples.issue("military_limits")
    assert limits is not None and limits.status == "changed"
    cap = next(c for c in limits.changed if c.a.number == 6)
    assert cap.b.number == 4
    assert [f.describe() for f in cap.figures] == ["600,000 personnel → 800,000 personnel"]
    assert cap.reason.startswith("600,000 personnel → 800,000 personnel")


def test_samples_alliance_membership_nato_bar_dropped_eu_path_changed(samples: PlanDiff) -> None:
    alliance = samples.issue("alliance_membership")
    assert alliance is not None and alliance.status == "changed"
    dropped = {p.number: p.text for p in alliance.dropped}
    assert 7 in dropped and "will not join NATO" in dropped[7]  # the US draft's NATO bar
    assert 3 in dropped  # "NATO is expected not to enlarge further"
    assert not alliance.added
    (eu,) = alliance.changed
    assert (eu.a.number, eu.b.number) == (11, 7)  # EU eligibility → EU accession on a defined date
    assert "joins" in eu.words_added and "eligible" in eu.words_dropped


def test_samples_security_guarantees_in_both_drafts(samples: PlanDiff) -> None:
    guarantees = samples.issue("security_guarantees")
    assert guarantees is not None and guarantees.status == "changed"
    pairs = {(c.a.number, c.b.number) for c in guarantees.changed}
    assert {(5, 3), (10, 5), (16, 6)} <= pairs  # guarantees given; Article-5-like terms; non-aggression law
    assert {8, 9} <= {p.number for p in guarantees.dropped}  # no NATO troops; jets in Poland


def test_samples_other_issues(samples: PlanDiff) -> None:
    st = statuses(samples)
    assert st["accountability"] == "dropped"  # the US draft's amnesty has no Ukrainian counterpart
    assert st["territory"] == "changed" and st["ceasefire"] == "changed"
    elections = next(c for c in samples.issue("governance").changed if c.a.number == 25)  # type: ignore[union-attr]
    assert elections.b.number == 17 and "drops 100 days" in elections.reason
    nuclear = samples.issue("nuclear")
    assert nuclear is not None and [p.number for p in nuclear.dropped] == [17]  # arms control
    council = next(p for p in samples.issue("sanctions").dropped if p.number == 27)  # type: ignore[union-attr]
    counterpart = samples.counterpart(council, in_b=True)
    assert counterpart is not None and counterpart.number == 18  # the Peace Council, without sanctions


def test_diff_is_deterministic(samples: PlanDiff) -> None:
    a: Plan = samples.a
    b: Plan = samples.b
    assert diff_plans(a, b).to_dict() == samples.to_dict()
