"""Sanctions: imposing a penalty or a restriction on a party is a SANCTION (PLOVER), but "impose"
also takes authority, order or power cuts, which penalise nobody. Real spaCy pipeline, real
knowledge base; every sentence written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import of_type, refs, run


def test_sanctions_imposed_on_a_party_are_a_sanction(extractor: Extractor) -> None:
    ex = run(extractor, "The European Union imposed new sanctions on Russia on Friday over the strikes.")
    sanctions = of_type(ex, "SANCTION")
    assert sanctions and refs(sanctions[0])[:2] == ["Q458", "Q159"]


def test_imposing_authority_or_power_cuts_is_no_sanction(extractor: Extractor) -> None:
    for text in (
        "The Lebanese army said it had imposed full state authority over the southern border districts.",
        "Emergency power cuts were imposed across Ukraine on Friday after the overnight Russian attack.",
    ):
        assert not of_type(run(extractor, text), "SANCTION"), text
