"""Organisations and armed groups the registry lacks, read from the text: the model's ORG entity
with an organisation's or armed group's head noun, and acronyms introduced after their expansion."""

from __future__ import annotations

from datetime import date

from parley.analyse.matcher import MentionFinder
from parley.analyse.organisations import head_kind

PUB = date(2025, 5, 14)


def actors(nlp, finder: MentionFinder, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (m.text, m.actor.name, m.actor.kind)
        for m in finder.find(nlp(text), published=PUB)
        if m.actor is not None and m.kind == "actor"
    ]


def test_head_nouns_decide_the_kind() -> None:
    assert head_kind(["Northern", "Liberation", "Front"]) == "group"
    assert head_kind(["Centre", "for", "Civilian", "Studies"]) == "organization"
    assert head_kind(["Northern", "Liberation"]) is None
    assert head_kind(["Front"]) is None


def test_a_monitor_named_with_its_head_noun_is_an_organisation(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = actors(
        nlp, finder, "According to the Syrian Observatory for Human Rights, at least forty people died."
    )
    assert (
        "Syrian Observatory for Human Rights",
        "Syrian Observatory for Human Rights",
        "organization",
    ) in got


def test_an_acronym_names_the_body_it_was_introduced_for(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United Nations Support Mission in Libya (UNSMIL) said it was alarmed by the clashes. "
        "Later on Tuesday UNSMIL urged both sides to stop fighting."
    )
    got = actors(nlp, finder, text)
    assert [name for _, name, _ in got] == ["United Nations Support Mission in Libya"] * 2
    assert "United Nations" not in [name for _, name, _ in got], (
        "the UN's name inside the mission's is not the UN"
    )


def test_local_forces_are_groups_and_a_states_own_forces_stay_the_state(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = actors(
        nlp,
        finder,
        "Fighters of the Tripoli Protection Force clashed with the Sudanese Armed Forces on Tuesday.",
    )
    assert ("Tripoli Protection Force", "Tripoli Protection Force", "group") in got
    assert [name for _, name, kind in got if kind == "state"] == ["Sudan"]


def test_a_movement_the_model_reads_as_a_person_is_a_group(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    # the small model tags this name PERSON; its head noun says it is an armed movement
    got = actors(
        nlp, finder, "The Benishangul People's Liberation Movement accused the army of shelling villages."
    )
    assert (
        "Benishangul People's Liberation Movement",
        "Benishangul People's Liberation Movement",
        "group",
    ) in got
    assert not any(kind == "person" for _, _, kind in got)


def test_a_name_before_a_descriptor_of_fighters_is_an_armed_group(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = actors(
        nlp, finder, "Colombia's ELN guerrilla group announced a unilateral ceasefire over the holidays."
    )
    assert ("ELN", "ELN", "group") in got
    # a community's name stays with the collectives: "Druze armed groups" is one side, not "Druze"
    got = actors(
        nlp, finder, "Clashes between Druze armed groups and government forces went on through the night."
    )
    assert not any(name == "Druze" for _, name, _ in got)


def test_the_name_given_to_a_described_armed_group_is_that_group(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = actors(
        nlp,
        finder,
        "A previously unknown armed group calling itself Sons of the River said it had kidnapped the "
        'workers, and a militant group called the "Valley Resistance" claimed a second attack.',
    )
    assert ("Sons of the River", "Sons of the River", "group") in got
    assert ("Valley Resistance", "Valley Resistance", "group") in got
    got = actors(nlp, finder, "A charity called Bread for All said it had delivered food to the villages.")
    assert not [a for a in got if a[2] == "group"]


def test_a_bodys_panel_of_experts_is_a_party_of_its_own(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = actors(
        nlp,
        finder,
        "A report by a United Nations group of experts said the neighbouring state had trained rebels.",
    )
    assert got == [("United Nations group of experts", "United Nations group of experts", "organization")]
    got = actors(nlp, finder, "The United Nations said in a report that the rebels had been trained abroad.")
    assert [a[1] for a in got] == ["United Nations"]


def test_a_state_opening_the_name_of_a_civic_body_is_not_the_state(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    got = actors(
        nlp,
        finder,
        "Rescuers worked through the night. The Pakistan Medical Association accused the provincial "
        "authorities of leaving hospitals without fuel.",
    )
    assert ("Pakistan Medical Association", "Pakistan Medical Association", "organization") in got
    assert not [name for _, name, kind in got if kind == "state"], "the body's country does not act"
    council = actors(
        nlp,
        finder,
        "The Iran Supreme National Security Council said on Monday that the talks would go ahead.",
    )
    assert "Iran" in [name for _, name, kind in council if kind == "state"], "a state's council is the state"
