"""Containment of places read off the real gazetteer: a town lies in its province and country,
never in another province, and a place the gazetteer lacks may lie in any province."""

from __future__ import annotations

import pytest

from parley.config import Settings
from parley.kb.containment import lies_in, nested
from parley.kb.gazetteer import Gazetteer
from parley.model.records import PlaceRef


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.open(Settings.from_env())


def _place(gaz: Gazetteer, text: str) -> PlaceRef:
    ref = gaz.resolve(text)
    assert ref is not None, text
    return ref


def test_a_town_lies_in_its_province_and_country(gaz: Gazetteer) -> None:
    town, province, country = _place(gaz, "Kramatorsk"), _place(gaz, "Donetsk Oblast"), _place(gaz, "Ukraine")
    assert lies_in(town, province) and lies_in(town, country) and lies_in(province, country)
    assert not lies_in(province, town) and not lies_in(country, province)
    assert nested(province, town) == town


def test_a_town_of_another_province_is_not_inside(gaz: Gazetteer) -> None:
    town, province = _place(gaz, "Kharkiv"), _place(gaz, "Donetsk Oblast")
    assert not lies_in(town, province)
    assert nested(town, province) is None
    assert nested(town, _place(gaz, "Kramatorsk")) is None  # two towns: neither holds the other


def test_a_place_lies_in_no_other_country(gaz: Gazetteer) -> None:
    assert not lies_in(_place(gaz, "Belgorod"), _place(gaz, "Ukraine"))


def test_an_unresolved_name_may_lie_in_a_province_not_in_a_town(gaz: Gazetteer) -> None:
    unknown = PlaceRef(name="Little Nowhere", method="unresolved")
    assert lies_in(unknown, _place(gaz, "Donetsk Oblast"))
    assert not lies_in(unknown, _place(gaz, "Kramatorsk"))


def test_a_district_holds_the_town_it_is_named_for(gaz: Gazetteer) -> None:
    district = _place(gaz, "Pokrovsk Raion")
    assert lies_in(_place(gaz, "Pokrovsk"), district)
    assert not lies_in(_place(gaz, "Kramatorsk"), district)
    assert lies_in(district, _place(gaz, "Donetsk Oblast"))
