"""Every rule's examples and counterexamples, one test each (event rules run the whole extractor)."""

from __future__ import annotations

import pytest

from parley.rules import load_rules
from parley.rules.examples import Case, cases, needs_extractor, run_case

RULES = load_rules()
CASES = cases(RULES)


@pytest.fixture(scope="module")
def extractor():
    from parley.extract.extractor import Extractor

    return Extractor(rules=RULES)


def _param(case: Case) -> object:
    marks = [pytest.mark.spacy] if needs_extractor(case) else []
    return pytest.param(case, id=case.label, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_rule_example(case: Case, request: pytest.FixtureRequest) -> None:
    extractor = request.getfixturevalue("extractor") if needs_extractor(case) else None
    problem = run_case(case, RULES, extractor)
    assert problem is None, f"{case.file}: rule {case.rule!r} {case.kind} {case.example['text']!r}: {problem}"


def test_every_event_rule_and_issue_has_an_example() -> None:
    with_examples = {(c.file, c.rule) for c in CASES if c.kind == "example"}
    for _, rule in RULES.event_rules():
        assert ("events.toml", rule["id"]) in with_examples
    for issue in RULES.issues:
        assert ("issues.toml", issue) in with_examples
