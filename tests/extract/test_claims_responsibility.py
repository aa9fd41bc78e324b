"""Claims of responsibility, acts nobody is said to tell, and dispositions that tell no act, on
sentences written for the test (real spaCy, real knowledge base)."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import run_claims as run


def test_a_group_claiming_responsibility_for_a_bombing_is_the_claimant(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Al-Shabaab claimed responsibility for a suicide bombing at an army base in Baidoa "
        "that killed at least eight soldiers on Tuesday.",
    )
    (claim,) = ex.claims
    assert "shabaab" in claim.claimant.name.lower()
    assert claim.place is not None and claim.place.name == "Baidoa"
    assert claim.subject.startswith("responsibility for a suicide bombing")
    assert claim.status == "claimed"


def test_claiming_an_attack_outright_names_the_group_not_the_country_attacked(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The jihadist group JNIM claimed a deadly attack on a military post near Djibo "
        "in northern Burkina Faso last week.",
    )
    assert [(c.claimant.name, c.place.name if c.place else None) for c in ex.claims] == [("JNIM", "Djibo")]


def test_an_attack_that_claimed_lives_or_a_denied_responsibility_is_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The bombing at the army base in Baidoa claimed the lives of at least eight soldiers on "
        "Tuesday morning. Al-Shabaab did not claim responsibility for the blast in the town.",
    )
    assert ex.claims == ()


def test_an_act_told_by_nobody_is_no_claim_though_its_verb_hedges(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Boko Haram fighters reportedly attacked a village in Borno state overnight, "
        "burning dozens of homes.",
    )
    assert [e.modality for e in ex.events] == ["claimed"], "the event keeps its hedge"
    assert ex.claims == (), "but no party tells it: the outlet's own statement is no claim"


def test_a_disposition_to_act_is_no_account_of_an_act_even_when_rejected(extractor: Extractor) -> None:
    ready = run(
        extractor,
        "Keir Starmer said he was ready to send British troops to Ukraine if a peace deal is signed. "
        "The Kremlin denied that any deal was near.",
    )
    assert ready.claims == (), "being ready to act, under a condition, tells no act"
    sent = run(
        extractor,
        "Keir Starmer said Britain had sent troops to Ukraine to help keep the peace. "
        "The Kremlin denied it and called it propaganda.",
    )
    assert [(c.claimant.name, c.status) for c in sent.claims] == [("Keir Starmer", "disputed")]
