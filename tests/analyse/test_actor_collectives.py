"""Sides named by a modifier and a head noun of fighters ("Druze fighters", "pro-Assad forces"):
one actor per modifier in an article, never a state's forces or a name the registry knows."""

from __future__ import annotations

from datetime import date

from parley.analyse.matcher import MentionFinder
from parley.analyse.participants import participants

PUB = date(2025, 7, 20)


def groups(nlp, finder: MentionFinder, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Return surface → actor name of the collectives the finder gives."""
    found = finder.find(nlp(text), published=PUB)
    return {m.text: m.actor.name for m in found if m.actor is not None and "collectives" in m.actor.reason}


def test_every_form_with_one_modifier_is_one_side(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = groups(
        nlp,
        finder,
        "Fighting broke out between Druze armed groups and Bedouin armed men on Sunday, and later "
        "the army clashed with local Druze fighters near the city.",
    )
    assert got == {
        "Druze armed groups": "Druze armed groups",
        "Bedouin armed men": "Bedouin armed men",
        "Druze fighters": "Druze armed groups",
    }


def test_a_leader_after_pro_names_the_side_not_a_person(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Security forces fought pro-Assad insurgents in the coastal towns for three days running.")
    found = finder.find(doc, published=PUB)
    assert [m.text for m in found if m.actor is not None] == ["pro-Assad insurgents"]
    assert [a.name for a in participants(doc, found)] == []  # an object is no participant slot


def test_states_known_groups_and_institutions_make_no_collective(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = groups(
        nlp,
        finder,
        "Israeli forces and Hamas fighters exchanged fire, while Special Forces and Western forces "
        "stayed out of the fighting on the border.",
    )
    assert got == {}


def test_a_description_beside_a_name_is_not_a_side_of_its_own(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = groups(
        nlp, finder, "Hezbollah, the Iran-backed Shia militia, said it had not fired at the border town."
    )
    assert got == {}


def test_a_states_opposition_is_a_side_of_its_own(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Armenian opposition leaders called the new draft of the constitution a surrender on Friday.")
    found = finder.find(doc, published=PUB)
    sides = [m for m in found if m.actor is not None and "collectives" in m.actor.reason]
    assert [(m.text, m.actor.name, m.actor.kind) for m in sides if m.actor is not None] == [
        ("Armenian opposition leaders", "Armenian opposition", "group")
    ]
    assert "Armenian opposition" in [a.name for a in participants(doc, found)]


def test_a_branch_of_a_faith_names_no_side(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = groups(
        nlp, finder, "The ceasefire ended a year of fighting between Israel and the powerful Shia militia."
    )
    assert got == {}


def test_a_collective_tied_to_a_name_is_a_side_of_its_own(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = groups(
        nlp,
        finder,
        "Officials reported at least 28 people killed on Friday by militants aligned with the Islamic "
        "State in the northern province.",
    )
    assert got == {"militants aligned with the Islamic State": "militants aligned with the Islamic State"}
    found = finder.find(
        nlp("Militants aligned with the Islamic State attacked a village at dawn."), published=PUB
    )
    assert not [m for m in found if m.actor is not None and m.actor.name == "Islamic State"]


def test_a_tied_form_does_not_name_a_side_the_article_names_plainly(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = groups(
        nlp,
        finder,
        "Troops withdrew after days of clashes with militias linked to the Druze minority, and later "
        "Druze militias shelled a village in the south.",
    )
    assert got == {"militias linked to the Druze": "Druze militias", "Druze militias": "Druze militias"}
