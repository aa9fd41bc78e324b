"""Coercion told in the passive or as a noun: the one held in "X was detained" is the party acted
on, and a blockade is COERCE by whoever imposes it. Real spaCy pipeline, real knowledge base;
every sentence written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import of_type, refs, run


def test_a_party_detained_in_the_passive_is_coerced(extractor: Extractor) -> None:
    # the apposition ("a rival of President Salva Kiir") describes the one named, it is not the party
    ex = run(
        extractor,
        "Riek Machar, a rival of President Salva Kiir, was detained on Tuesday in Juba over the fighting.",
    )
    held = of_type(ex, "COERCE")
    assert held and refs(held[0]) == ["Q444994"]


def test_a_blockade_is_coercion_by_its_author(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Israel tightened its blockade of Gaza on Sunday, stopping all aid trucks at the crossings.",
    )
    held = of_type(ex, "COERCE")
    assert held and refs(held[0])[0] == "Q801"
    calm = run(
        extractor,
        "Aid agencies said on Monday that fuel was running short in the capital after the fighting.",
    )
    assert not of_type(calm, "COERCE")
