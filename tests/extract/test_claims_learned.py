"""The learned claim judge's candidates and features (real spaCy, real knowledge base): the drafts
train/claims.py learns from are the ones the claims component settles, plus every attributed
passage no rule drafted."""

from __future__ import annotations

import pytest

from parley.extract.claims import claim_cues, settled_drafts
from parley.extract.claims_learned import draft_features
from parley.extract.context import ArticleContext
from parley.extract.extractor import ANALYSE, DATES, EVENTS, QUOTES
from tests.extract.told import context_after

BODY = (
    "Russia's Defence Ministry said on Thursday that its forces had captured the eastern "
    "Ukrainian town of Siversk. Ukraine's General Staff said the town was still held by its "
    "troops. Volodymyr Zelensky said peace talks would only succeed with firm guarantees."
)


@pytest.fixture(scope="module")
def context() -> ArticleContext:
    return context_after(BODY, (ANALYSE, DATES, QUOTES, EVENTS))


def test_candidates_are_the_rules_drafts_and_the_passages_no_rule_drafted(context: ArticleContext) -> None:
    cues = claim_cues(context.resources.rules)
    rules_only = settled_drafts(context, cues)
    every = settled_drafts(context, cues, learned=True)
    capture = [(d, status, keep) for d, status, _, keep in rules_only if d.subject == "capture of Siversk"]
    assert [(d.claimant.side, status, keep) for d, status, keep in capture] == [("Q159", "disputed", True)]
    passages = [(d, keep) for d, _, _, keep in every if d.learned]
    assert passages, "Zelensky's view is an attributed passage no rule drafted"
    assert all(not keep for _, keep in passages), "the rules never keep a passage by themselves"
    assert {d.source for d, _ in passages} == {"passage"}
    assert len(every) == len(rules_only) + len(passages)


def test_features_say_how_the_rules_found_and_judged_a_draft(context: ArticleContext) -> None:
    cues = claim_cues(context.resources.rules)
    found = {
        d.subject: draft_features(context, d, status, keep, cues)
        for d, status, _, keep in settled_drafts(context, cues, learned=True)
    }
    capture = found["capture of Siversk"]
    assert {"source=event", "status=disputed", "rules_keep", "role=actor"} <= set(capture)
    assert "denial_after" in capture, "the General Staff's 'still held' follows the claim"
    (view,) = [f for subject, f in found.items() if subject.startswith("peace talks")]
    assert {"source=passage", "rules_drop", "aux=would"} <= set(view)
