"""Which acts a party's telling leaves one side's account (claimed) and which it makes public: a
charge, a threat or backing is made by being said, a sanction or a concession is public by
nature, and a withdrawal its own side tells is an admission, so they are shown asserted (a
withdrawal the other side tells stays that side's account); a capture or a strike one side tells stays claimed
(event_records._shown_modality; real spaCy, real knowledge base; the sentences are written for
the test)."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from parley.model import Extraction
from tests.extract.told import run_claims as run


def _modalities(ex: Extraction, kind: str) -> list[str]:
    return [e.modality for e in ex.events if e.type == kind]


def test_a_sanction_and_a_withdrawal_a_party_announces_are_shown_as_fact(extractor: Extractor) -> None:
    sanction = run(
        extractor,
        "The European Union said on Wednesday that it was imposing new sanctions on Russia's two "
        "largest oil companies.",
    )
    assert _modalities(sanction, "SANCTION") == ["asserted"], "imposing a sanction is a public act"
    retreat = run(
        extractor,
        "Somalia's government said on Wednesday that its troops had retreated from positions in the "
        "Jubaland region after clashes with regional forces.",
    )
    assert _modalities(retreat, "RETREAT") == ["asserted"], "a party telling its own withdrawal admits it"
    other = run(
        extractor,
        "Russia's defence ministry said on Wednesday that Ukrainian troops had retreated from positions "
        "near the village of Kurakhove after heavy losses.",
    )
    assert _modalities(other, "RETREAT") == ["claimed"], "the other side's withdrawal is the teller's account"


def test_a_charge_is_shown_as_made_and_a_told_capture_stays_claimed(extractor: Extractor) -> None:
    charge = run(
        extractor,
        "Pakistan's foreign ministry said on Wednesday that India had violated the ceasefire and blamed "
        "Indian forces for the shelling of border villages.",
    )
    assert _modalities(charge, "ACCUSE") and set(_modalities(charge, "ACCUSE")) == {"asserted"}
    capture = run(
        extractor,
        "Russia's defence ministry said on Wednesday that its forces had captured the village of "
        "Kurakhove in the Donetsk region.",
    )
    assert _modalities(capture, "ASSAULT") == ["claimed"], "a capture one side tells is its account"
