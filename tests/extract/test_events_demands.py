"""Speech acts told through reported words: a call on another party with "should", "must" or "has
to" is a REQUEST by the speaker to that party (FORMAT.md: a call on another party voiced in the
news); a warning of an attack to come is a THREATEN, not a planned attack. Real spaCy pipeline,
real knowledge base; every sentence written for the test."""

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


def test_a_warning_of_a_coming_attack_is_a_threat_not_a_planned_attack(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The defence minister warned on Sunday that if the truce collapses,"
        " Israel will target the Lebanese state.",
    )
    threats = of_type(ex, "THREATEN")
    assert threats and refs(threats[0])[:2] == ["Q801", "Q822"]
    assert not of_type(ex, "ASSAULT"), "the attack warned of has not happened"


def test_a_meeting_hoped_for_has_not_happened(extractor: Extractor) -> None:
    ex = run(extractor, "Zelensky hopes to meet with Trump in the coming days to discuss the peace plan.")
    assert not of_type(ex, "CONSULT")


def test_talks_suggested_or_proposed_have_not_happened(extractor: Extractor) -> None:
    for verb in ("suggests", "proposed"):
        ex = run(
            extractor,
            f"Macron {verb} France to host fresh talks between Armenia and Azerbaijan later this year.",
        )
        assert not of_type(ex, "CONSULT"), verb
    held = run(extractor, "France hosted fresh talks between Armenia and Azerbaijan in Paris on Wednesday.")
    assert of_type(held, "CONSULT")


def test_a_call_on_the_public_asks_no_party(extractor: Extractor) -> None:
    for text in (
        "Ukraine's defence ministry urged residents to leave the frontline villages before winter.",
        "The Libyan government called on citizens to stay indoors on Friday as the fighting spread.",
    ):
        assert not of_type(run(extractor, text), "REQUEST"), text
    asked = run(extractor, "The United Nations urged Israel and Hamas to agree to a ceasefire on Monday.")
    assert of_type(asked, "REQUEST")
