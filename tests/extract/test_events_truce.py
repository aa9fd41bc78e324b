"""A declared ceasefire (RETREAT, ceasefire), a weapon owned through a pronoun, and the doer as
the one an allegation accuses. Real spaCy pipeline, real knowledge base; every sentence written
for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import assaults, of_type, refs, run


def test_a_truce_that_took_effect_is_a_ceasefire_between_its_sides(extractor: Extractor) -> None:
    ex = run(
        extractor, "A truce between Israel and Hamas took effect across Gaza on Sunday after weeks of talks."
    )
    truces = [e for e in of_type(ex, "RETREAT") if e.mode == "ceasefire"]
    assert truces and set(refs(truces[0])) == {"Q801", "Q38799"}
    assert not assaults(ex), "a truce taking effect takes no place by force"


def test_a_truce_asked_for_or_breached_is_no_ceasefire_of_its_own(extractor: Extractor) -> None:
    for text in (
        "The United Nations urged Israel and Hamas to agree to a truce in Gaza on Sunday evening.",
        "Hamas accused Israel of violating the ceasefire between the two sides on Sunday evening.",
    ):
        assert not of_type(run(extractor, text), "RETREAT"), text


def test_weapons_owned_through_a_pronoun_are_the_speakers_side(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The Sudanese army said on Monday that its jets had bombed Rapid Support Forces positions in Nyala.",
    )
    strikes = assaults(ex)
    assert strikes and refs(strikes[0])[:2] == ["Q1049", "Rapid Support Forces"]


def test_a_side_telling_its_own_strike_accuses_nobody(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The Israeli military said on Sunday that its aircraft had struck Hezbollah weapons depots"
        " in southern Lebanon.",
    )
    assert assaults(ex) and refs(assaults(ex)[0])[0] == "Q801"
    assert not of_type(ex, "ACCUSE"), "the target of one's own strike is not accused of it"
