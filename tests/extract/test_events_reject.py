"""Refusals: turning down a proposal or a demand is a REJECT (PLOVER), but dismissing an account
(reports, a claim, the significance of a move) denies what was told and turns nothing down, so it
is no event. Real spaCy pipeline, real knowledge base; every sentence written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import of_type, run


def test_a_proposal_turned_down_is_a_rejection(extractor: Extractor) -> None:
    ex = run(extractor, "Ukraine rejected the Russian proposal for a short truce on Tuesday evening.")
    assert of_type(ex, "REJECT")


def test_dismissed_reports_are_no_rejection(extractor: Extractor) -> None:
    for text in (
        "The Ukrainian army on Tuesday dismissed reports that Russian troops had entered two villages.",
        "Tehran rejected the claims that its navy had seized a tanker in the Gulf last week.",
        "The Ukrainian president dismissed the significance of the Russian push into the region.",
    ):
        assert not of_type(run(extractor, text), "REJECT"), text
