"""A call on another party voiced as reported words with "should" or "must" is a REQUEST by the
speaker to that party (FORMAT.md: a call on another party voiced in the news). Real spaCy
pipeline, real knowledge base; every sentence written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import of_type, refs, run


def test_a_party_that_should_act_is_called_on(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The State Department warned on Thursday that Rwanda should end its support for the M23 rebels.",
    )
    calls = of_type(ex, "REQUEST")
    assert calls and refs(calls[0]) == ["Q30", "Q1037"]


def test_must_also_calls_on_the_party(extractor: Extractor) -> None:
    ex = run(
        extractor, "France said on Monday that Iran must allow the inspectors back into its nuclear sites."
    )
    calls = of_type(ex, "REQUEST")
    assert calls and refs(calls[0]) == ["Q142", "Q794"]


def test_a_speakers_own_side_is_not_called_on(extractor: Extractor) -> None:
    for text in (
        "Zelensky said on Monday that Ukraine must stay united through the long winter ahead.",
        "The Israeli defence minister said on Sunday that the army must be ready for every outcome.",
        "France said on Monday that Iran must not be allowed to build a nuclear weapon, officials added.",
    ):
        assert not of_type(run(extractor, text), "REQUEST"), text


def test_a_party_that_has_to_act_is_called_on(extractor: Extractor) -> None:
    ex = run(
        extractor, "Russia insisted on Friday that Ukraine has to withdraw its troops from the whole region."
    )
    calls = of_type(ex, "REQUEST")
    assert calls and refs(calls[0]) == ["Q159", "Q212"]
