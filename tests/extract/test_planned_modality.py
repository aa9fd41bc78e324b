"""An act a party promises, pledges, offers or threatens is announced for later, not done: it is
planned, and a threatened attack is the threat, not a strike (EventFinder._modality,
events._promised_by). Real spaCy pipeline, real knowledge base; every sentence written for the
test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from parley.model import Extraction
from tests.extract.told import PUB, of_type, run


def _modalities(ex: Extraction, kind: str) -> list[str]:
    return [e.modality for e in of_type(ex, kind)]


def test_an_act_a_party_pledges_or_agrees_to_is_planned(extractor: Extractor) -> None:
    pledged = run(
        extractor,
        "Hamas has pledged to release the bodies of the remaining hostages under the terms of the "
        "agreement signed in Egypt.",
    )
    assert _modalities(pledged, "RETREAT") == ["planned"], "a pledged release has not happened yet"
    offered = run(
        extractor,
        "President Putin offered on Wednesday to meet President Zelensky in Moscow to discuss the "
        "terms of a settlement.",
    )
    assert _modalities(offered, "CONSULT") == ["planned"], "an offered meeting is not a meeting held"


def test_an_attack_a_party_threatens_is_its_threat_not_a_strike(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Israel threatened on Wednesday to strike the Lebanese capital Beirut if Hezbollah does not "
        "disarm by the end of the year.",
    )
    assert _modalities(ex, "ASSAULT") == [], "no strike has been carried out"
    assert _modalities(ex, "THREATEN") == ["asserted"], "the threat itself is made by being said"


def test_a_meeting_a_party_announces_for_a_later_day_is_planned_not_its_claim(extractor: Extractor) -> None:
    """A party's word on an act dated after the report ("are meeting on December 16, the Kremlin said")
    announces it; nothing has happened that anyone could claim (PUB is Friday 2025-12-12)."""
    ex = run(
        extractor,
        "The American envoys are meeting President Vladimir Putin in Moscow on December 16 to discuss "
        "the draft peace plan, the Kremlin said.",
    )
    meetings = of_type(ex, "CONSULT")
    assert meetings and [e.modality for e in meetings] == ["planned"] * len(meetings)
    assert all(e.date is not None and e.date.value > PUB for e in meetings)
