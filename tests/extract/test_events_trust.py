"""Events that were shown as fact where they should not pair with one side's account: undated
halves of a mutual clash, parties borrowed from a clause telling where something happened, and a
target country the parser hangs on another name. Each pinned on a sentence written for the test
(real spaCy pipeline, real knowledge base)."""

from __future__ import annotations

import pytest

from parley.extract.extractor import Extractor
from tests.extract.told import PUB, assaults, day, run


def test_both_halves_of_a_clash_take_the_day_its_paragraph_gives_the_fighting(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Thai and Cambodian troops remain locked in heavy clashes along the frontier hills. "
        "On Wednesday, artillery from both sides kept shelling villages near the old temple.",
    )
    halves = {tuple(a.ref for a in e.actors[:2]): day(e) for e in assaults(ex)}
    assert halves.get(("Q869", "Q424")) == "2025-12-10"
    assert halves.get(("Q424", "Q869")) == "2025-12-10"


def test_a_clash_keeps_no_day_from_another_paragraph(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Thai and Cambodian troops remain locked in heavy clashes along the frontier hills.\n\n"
        "On Wednesday, the two foreign ministers spoke of a possible meeting in Kuala Lumpur.",
    )
    halves = [e for e in assaults(ex) if {a.ref for a in e.actors} >= {"Q869", "Q424"}]
    assert len(halves) == 2 and all(day(e) is None for e in halves)


def test_people_in_a_where_clause_are_not_the_parties_of_the_place_it_describes(
    extractor: Extractor,
) -> None:
    ex = run(
        extractor,
        "Several drones hit the port city on Friday, including one that targeted the city hall where "
        "its mayor, Ali Haddad, and Turkey's trade minister were holding a press conference.",
    )
    named = {a.name for e in assaults(ex) for a in e.actors} | {a.ref for e in assaults(ex) for a in e.actors}
    assert not named & {"Ali Haddad", "Q43"}


def test_an_attack_in_two_coordinated_places_names_the_first_country_as_target(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "On Wednesday, India struck nine sites in Pakistan and Pakistani-administered Kashmir "
        "that it called militant camps.",
    )
    targets = [e for e in assaults(ex) if [a.ref for a in e.actors][:1] == ["Q668"]]
    assert targets and "Q843" in {a.ref for a in targets[0].actors}


def test_a_clash_takes_no_day_ahead_from_its_paragraph(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Thai and Cambodian troops remain locked in heavy clashes along the frontier hills. "
        "Their foreign ministers will meet in Kuala Lumpur on Monday to seek a truce.",
    )
    halves = [e for e in assaults(ex) if {a.ref for a in e.actors} >= {"Q869", "Q424"}]
    assert len(halves) == 2
    assert all(e.modality == "asserted" and (day(e) is None or day(e) <= PUB.isoformat()) for e in halves)


def test_an_undated_clash_takes_the_day_a_retelling_gives_the_fighting(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Cambodia said Thai soldiers opened fire on Cambodian positions early on Thursday near the "
        "disputed temple.\n\n"
        "Heavy clashes between Thai and Cambodian troops have left at least a dozen people dead along "
        "the border.",
    )
    halves = [
        e for e in assaults(ex) if e.modality == "asserted" and {a.ref for a in e.actors} >= {"Q869", "Q424"}
    ]
    assert len(halves) == 2
    assert all(day(e) == "2025-12-11" for e in halves)


@pytest.mark.parametrize(
    ("verb", "kept"),
    [("carried out", True), ("carries out", False), ("continues to carry out", False)],
)
def test_a_habit_told_in_the_simple_present_is_no_event(extractor: Extractor, verb: str, kept: bool) -> None:
    ex = run(
        extractor,
        f"The Kyiv government {verb} drone attacks on homes and power plants across southern Russia.",
    )
    assert bool(assaults(ex)) == kept


@pytest.mark.parametrize(("verb", "kept"), [("occupied", True), ("occupies", False)])
def test_a_standing_state_told_in_the_simple_present_is_no_event(
    extractor: Extractor, verb: str, kept: bool
) -> None:
    body = (
        f"Russia {verb} roughly 19 percent of Ukraine's land, including Crimea and large parts "
        "of the eastern regions."
    )
    assert bool(assaults(run(extractor, body))) == kept


def test_an_attack_named_only_as_a_risk_is_not_shown_as_fact(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Regional officials moved families out of several frontier villages this week, "
        "citing the risk of more Russian attacks on Ukraine's northern border areas.",
    )
    told = assaults(ex)
    assert all(e.modality != "asserted" for e in told), [(e.trigger, e.modality) for e in told]
    ex = run(
        extractor,
        "Regional officials moved families out of several frontier villages this week after "
        "Russian attacks on Ukraine's northern border areas killed four people.",
    )
    assert any(e.modality == "asserted" for e in assaults(ex)), "an attack that happened stays a fact"
