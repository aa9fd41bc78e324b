"""Who holds a position: a person the registry does not know needs a party's role in the article."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.spacy


def holders(extractor, body: str) -> set[str]:
    """Return the names of the parties the whole pipeline gives a position in a headline + ``body``."""
    extraction = extractor.extract_text(f"Border news\n\n{body}\n", published=date(2025, 3, 1))
    return {p.party.name for p in extraction.positions}


def test_a_driver_glad_of_the_truce_holds_no_position(extractor) -> None:
    body = (
        'Trucks lined up at the crossing on Monday morning. "The ceasefire must hold, because my '
        'family needs the flour we are carrying," said 52-year-old lorry driver Karim Haddadeen.'
    )
    assert "Karim Haddadeen" not in holders(extractor, body)


def test_a_company_chief_asking_for_money_holds_no_position(extractor) -> None:
    body = (
        'The grid operator counted a dozen substations damaged overnight. "Our partners should '
        'fund the reconstruction of the power plants at once," the chief executive of Voltaro '
        "Energy, Denys Marchuk, said on Tuesday."
    )
    assert "Denys Marchuk" not in holders(extractor, body)


def test_a_regional_chief_urging_residents_to_leave_holds_no_position(extractor) -> None:
    body = (
        "Shelling hit the market again on Sunday, according to Oleh Verbytsky, head of the "
        "regional military administration. Verbytsky urged civilians to evacuate the frontline "
        "villages before the humanitarian corridor closes."
    )
    assert "Oleh Verbytsky" not in holders(extractor, body)


def test_a_minister_the_registry_does_not_know_keeps_his_position(extractor) -> None:
    body = (
        "Eritrea's information minister Tesfay Gebrehiwet said on Friday that Ethiopia must "
        "respect the territorial integrity of its neighbours and drop its claims to the coast."
    )
    assert "Tesfay Gebrehiwet" in holders(extractor, body)


def test_a_union_spokesman_keeps_his_position(extractor) -> None:
    body = (
        "Police officers marched through the capital on Wednesday. The council must order "
        "prosecutors to open an investigation into the killings, said Jean-Robert Estimable, a "
        "spokesman for the national police union."
    )
    assert "Jean-Robert Estimable" in holders(extractor, body)
