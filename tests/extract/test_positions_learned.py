"""The learned issue step of positions: its candidates (the rules' stance readings, those dropped
for want of an issue word included), its pair features, and how its judgement is applied."""

from __future__ import annotations

import pytest

from parley.extract.positions import _Finder, find_positions, rule_spans
from parley.extract.positions_learned import (
    YES,
    ArticleIssues,
    candidate_issues,
    judged_readings,
    pair_features,
)
from parley.learn import linear
from parley.rules import load_rules

from .test_positions import mentions_for

pytestmark = pytest.mark.spacy

# The first sentence names its issue; the second holds a stance with no issue word of its own.
TEXT = (
    "Ukraine demanded the release of every prisoner of war held in camps across the border. "
    "Russia rejected any talk of a visit by foreign inspectors to the camps in the coming weeks."
)


def _readings(nlp, text: str):
    doc = nlp(text)
    rules = load_rules()
    finder = _Finder(doc, mentions_for(text), [], rules)
    return finder, list(finder.readings()), ArticleIssues(finder.sents, doc, rules), rules


def test_readings_include_the_stance_the_rules_drop_and_the_rules_are_unchanged(nlp) -> None:
    finder, readings, _, _ = _readings(nlp, TEXT)
    by_party = {r.party.name: r for r in readings}
    assert by_party["Ukraine"].issues == ("humanitarian",)
    assert by_party["Russia"].issues == ()  # a refusal with no issue word: the rules drop it
    rules_only = {(p.party.name, p.issue) for p in rule_spans(finder, readings)}
    assert rules_only == {(p.party.name, p.issue) for p in find_positions(nlp(TEXT), mentions_for(TEXT))}
    assert ("Russia", "humanitarian") not in rules_only


def test_a_dropped_reading_may_take_an_issue_named_in_the_sentence_before(nlp) -> None:
    _, readings, issues, rules = _readings(nlp, TEXT)
    russia = next(r for r in readings if r.party.name == "Russia")
    assert "humanitarian" in candidate_issues(russia, issues, rules)
    features = pair_features(russia, "humanitarian", issues, rules)
    assert "at=prev" in features and "at=sent" not in features and "kind=state" in features


def test_the_model_gives_a_dropped_reading_its_issue_and_leaves_the_rules_issues(nlp) -> None:
    _, readings, issues, rules = _readings(nlp, TEXT)
    # a model that has learned "an issue named just before a stance is its issue"
    examples = [linear.Example(("at=prev",), YES)] * 20 + [linear.Example(("at=art",), "no")] * 20
    model = linear.train(examples, min_count=1)
    judged = {r.party.name: r.issues for r in judged_readings(model, readings, issues, rules, 0.6)}
    assert judged["Russia"] == ("humanitarian",)
    assert judged["Ukraine"] == ("humanitarian",)
    # below the bar nothing is added
    strict = {r.party.name: r.issues for r in judged_readings(model, readings, issues, rules, 0.9999)}
    assert strict["Russia"] == ()
