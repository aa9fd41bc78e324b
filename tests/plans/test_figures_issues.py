"""Figures and issues of plan points."""

from __future__ import annotations

import pytest

from parley.plans.figures import find_figures
from parley.plans.issues import point_issues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Armed forces are capped at 600,000 personnel.", [(600_000, "troops", "600,000 personnel")]),
        ("Armed forces of 800,000 troops.", [(800_000, "troops", "800,000 troops")]),
        (
            "Europe adds $100bn; funds raise $800 billion.",
            [(1e11, "USD", "$100bn"), (8e11, "USD", "$800 billion")],
        ),
        ("A fund of €50 billion.", [(5e10, "EUR", "€50 billion")]),
        ("The US takes 50 percent, then 12%.", [(50, "percent", "50 percent"), (12, "percent", "12%")]),
        ("Elections within 100 days.", [(100, "day", "100 days")]),
        ("Elections within three months.", [(3, "month", "three months")]),
        ("Power is split 50/50.", [(0.5, "ratio", "50/50")]),
        ("EU membership by 2027.", [(2027, "calendar year", "2027")]),
        ("Guarantees mirror Article 5 and point 12; Russia rejoins the G8.", []),
        ("Talks on December 23 went well.", []),
    ],
)
def test_figures(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(f.value, f.unit, f.text) for f in find_figures(text)] == expected


def test_figure_offsets_point_into_the_text() -> None:
    text = "Ukraine's army stays at 800,000 personnel in peacetime."
    (f,) = find_figures(text)
    assert text[f.start : f.end] == f.text


def test_issues_reuse_the_lexicon_and_add_plan_wording() -> None:
    assert point_issues("A full ceasefire takes effect once all parties agree.") == ("ceasefire",)
    assert point_issues("Ukraine's armed forces are capped at 600,000 personnel.") == ("military_limits",)
    assert point_issues("NATO is expected not to enlarge further.") == ("alliance_membership",)
    assert point_issues("Sanctions are lifted in stages and a free-trade deal follows.") == (
        "sanctions", "economic_reconstruction",
    )  # fmt: skip
    assert point_issues("All signatories confirm that Ukraine is a sovereign state.") == ("other",)


def test_plan_terms_name_only_known_issues() -> None:
    from parley.model.records import ISSUES
    from parley.rules import load_rules

    rules = load_rules()  # the loader checks plan_terms.toml's issues against issues.toml
    assert set(rules["plan_terms.toml"]["issues"]) <= set(rules.issues) <= set(ISSUES)
