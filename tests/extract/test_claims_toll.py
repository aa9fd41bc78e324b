"""A strike told with its toll by a party that did not carry it out is a casualty report: no claim
unless another party disputes it or the outlet flags it (FORMAT.md: an attributed figure is a claim
only then), however the toll is told and however far away the outlet's disclaimer stands (real
spaCy, real knowledge base; the sentences are written for the test)."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import run_claims as run


def test_a_strike_told_with_its_toll_is_a_casualty_report(extractor: Extractor) -> None:
    bare = run(
        extractor,
        "Russian missiles struck Kharkiv overnight, Ukrainian officials said on Thursday.",
    )
    assert [c.subject for c in bare.claims] == ["attack on Kharkiv"], "without a toll it stays a claim"
    ex = run(
        extractor,
        "Four people were killed and nine others wounded when Russian missiles struck Kharkiv overnight, "
        "Ukrainian officials said on Thursday.",
    )
    assert [c.subject for c in ex.claims] == [], "an undisputed toll of a strike is no claim"


def test_the_toll_counts_where_the_clause_is_longer_than_its_subject(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine's emergency service said that Russian drones had struck residential districts across the "
        "region overnight, damaging dozens of homes, a school, two shops, a bus depot and a water station, "
        "and wounding at least 14 people.",
    )
    assert [c.subject for c in ex.claims] == [], "the toll lies past the subject's cut, still a toll"


def test_a_toll_flagged_far_away_by_a_disclaimer_of_every_account_is_an_unverified_claim(
    extractor: Extractor,
) -> None:
    ex = run(
        extractor,
        "The head of the World Health Organization said on Wednesday that more than 200 patients had "
        "been killed when fighters stormed a hospital in El Fasher.\n\n"
        "Aid groups said thousands of families had fled the city towards Tawila on foot since Sunday.\n\n"
        "The United Nations said it was sending food and medicine to the camps around Tawila.\n\n"
        "Several governments called for a humanitarian truce in Darfur before the rainy season.\n\n"
        "Talks between the warring sides have been stalled for months.\n\n"
        "Mediators hoped to bring both delegations back to the table before the end of the year.\n\n"
        "None of these accounts could be independently verified.",
    )
    flagged = [c for c in ex.claims if c.place is not None and c.place.name == "El Fasher"]
    assert [c.status for c in flagged] == ["unverified"], "the disclaimer speaks of every account"
