"""Charges ("accused X of shooting down the plane") as the accuser's claims, on sentences written
for the test (real spaCy, real knowledge base)."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import run_claims as run


def test_a_charge_of_an_act_of_force_is_the_accusers_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia accused Ukraine of shooting down a military transport plane over the border region "
        "on Wednesday, without offering any evidence for it.",
    )
    charged = [c for c in ex.claims if "shooting down" in c.subject]
    assert len(charged) == 1
    assert charged[0].claimant.name == "Russia"
    assert charged[0].subject.startswith("Ukraine shooting down a military transport plane")
    assert charged[0].status == "claimed"


def test_blaming_a_party_for_a_downing_names_the_blamer(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Mali blamed Algeria for the downing of a reconnaissance drone near the border town of Tinzaouaten.",
    )
    assert [c.claimant.name for c in ex.claims if "downing" in c.subject] == ["Mali"]


def test_a_charge_of_conduct_is_a_claim_but_a_denied_charge_is_not(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Rwanda accused Congo of stalling the final signature of the peace deal agreed in Washington. "
        "Russia did not accuse Ukraine of shooting down the plane over the border region.",
    )
    stalling = [c for c in ex.claims if "stalling" in c.subject]
    assert [c.claimant.name for c in stalling] == ["Rwanda"]
    assert stalling[0].subject.startswith("Congo stalling")
    assert not [c for c in ex.claims if "shooting" in c.subject]


def test_a_charge_is_not_confirmed_by_a_withdrawal_word(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine accused Russia of launching drone attacks on power stations during the peace talks "
        "last week. "
        "Russia said that its delegation withdrew from the talks on Friday after the second round ended.",
    )
    charged = [c for c in ex.claims if "launching" in c.subject]
    assert [c.claimant.name for c in charged] == ["Ukraine"]
    assert charged[0].status != "confirmed"


def test_a_charge_made_by_he_is_the_person_quoted_just_before(extractor: Extractor) -> None:
    ex = run(
        extractor,
        'Russian President Vladimir Putin said on Tuesday that "the talks in Istanbul went well." '
        "He accused Ukraine of shelling the border villages of the Kursk region during the night.",
    )
    charged = [c for c in ex.claims if "shelling" in c.subject]
    assert [c.claimant.name for c in charged] == ["Vladimir Putin"]


def test_condemning_a_party_for_an_act_charges_it_with_the_act(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "In a statement on Monday, the Palestinian group Hamas condemned Israel for breaking the "
        "ceasefire in Gaza with a wave of night raids.",
    )
    charged = [c for c in ex.claims if "breaking the ceasefire" in c.subject]
    assert [c.claimant.side for c in charged] == ["Q38799"], "the condemner charges Israel with the breach"
    assert charged[0].subject.startswith("Israel breaking the ceasefire")


def test_a_charge_the_parser_hangs_under_the_accused_is_told_once(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The rebel group M23 on Thursday accused the Congolese army of repeated ceasefire violations "
        "before the deadline.",
    )
    charged = [c for c in ex.claims if "violations" in c.subject]
    assert [c.subject for c in charged] == [
        "the Congolese army repeated ceasefire violations before the deadline"
    ]
