"""The toponym layer: every place a text names, beside (never instead of) the record's places."""

from __future__ import annotations

from datetime import date

import pytest

from parley.analyse.toponyms import Toponym, distinct_places, find_toponyms
from parley.extract.extractor import Extractor
from parley.extract.record import to_record

pytestmark = pytest.mark.spacy

DAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def by_text(found: list[Toponym]) -> dict[str, Toponym]:
    return {t.text: t for t in found}


def test_countries_towns_and_adjectives_with_offsets_into_the_text(extractor: Extractor) -> None:
    text = (
        "  Local officials in Kharkiv said that Russian drones hit a depot overnight, and the mayor "
        "asked Poland and Germany for generators before the winter sets in.\n"
    )
    found = find_toponyms(text, extractor=extractor, published=DAY)
    assert found, "a text naming a town and two countries has toponyms"
    for t in found:
        assert text[t.start : t.end] == t.text  # offsets point into the text as given
    named = by_text(found)
    assert named["Kharkiv"].country == "UA" and named["Kharkiv"].geonameid is not None
    assert (named["Poland"].feature or "").startswith("A.PCL") and named["Poland"].country == "PL"
    assert named["Germany"].country == "DE"
    russian = named["Russian"]
    assert russian.form == "adjective" and russian.country == "RU"
    assert (russian.feature or "").startswith("A.PCL")
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_a_people_noun_is_no_toponym_and_adjectives_can_be_left_out(extractor: Extractor) -> None:
    text = "The Ukrainians who fled last year returned to find that French engineers had rebuilt the bridge."
    found = find_toponyms(text, extractor=extractor, published=DAY)
    assert "Ukrainians" not in by_text(found)
    assert by_text(found)["French"].country == "FR"
    plain = find_toponyms(text, extractor=extractor, published=DAY, adjectives=False)
    assert all(t.form == "name" for t in plain) and "French" not in by_text(plain)


def test_the_longest_name_wins(extractor: Extractor) -> None:
    text = "The family drove from North Carolina to New Mexico in four days, stopping only for fuel."
    named = by_text(find_toponyms(text, extractor=extractor, published=DAY))
    assert "Carolina" not in named and "Mexico" not in named
    assert named["North Carolina"].country == "US" and named["New Mexico"].country == "US"
    assert (named["North Carolina"].feature or "").startswith("A.ADM1")


def test_continents_and_unlisted_streets(extractor: Extractor) -> None:
    text = (
        "Exporters in Europe and Asia are worried, said protesters who gathered outside the "
        "courthouse on Fenwick Street before marching to the harbour in the evening."
    )
    named = by_text(find_toponyms(text, extractor=extractor, published=DAY))
    assert named["Europe"].geonameid == 6255148 and named["Asia"].geonameid == 6255147
    street = named["Fenwick Street"]
    assert street.geonameid is None and street.lat is None and "not in the gazetteer" in street.evidence


def test_distinct_places_keeps_one_entry_per_place(extractor: Extractor) -> None:
    text = (
        "Flooding closed roads around Lyon on Sunday. By Monday the water in Lyon had fallen, and "
        "trains from Lyon to Paris ran again, the French rail operator said."
    )
    found = find_toponyms(text, extractor=extractor, published=DAY)
    assert sum(t.text == "Lyon" for t in found) == 3
    places = distinct_places(found)
    ids = [p["geonameid"] for p in places if p["geonameid"] is not None]
    assert len(ids) == len(set(ids))
    lyon = next(p for p in places if p["name"] == "Lyon")
    assert lyon["names"] == ["Lyon"] and lyon["country"] == "FR"


def test_the_record_places_are_among_the_toponyms_and_keep_their_convention(extractor: Extractor) -> None:
    text = (
        "Russian forces shelled the village of Tavriiske in Zaporizhzhia region on Tuesday, Ukraine's "
        "military said, while diplomats met in Istanbul to discuss a prisoner exchange."
    )
    record = to_record(extractor.extract_text(text, published=DAY, doc_id="t"))
    found = find_toponyms(text, extractor=extractor, published=DAY)
    ids = {t.geonameid for t in found}
    assert {p["geonameid"] for p in record["places"] if p.get("geonameid")} <= ids
    ukraine = by_text(found)["Ukraine"]  # a country: a toponym, never a record place (FORMAT.md)
    assert ukraine.geonameid not in {p.get("geonameid") for p in record["places"]}


def test_a_text_the_cleaner_skips_has_no_toponyms(extractor: Extractor) -> None:
    assert find_toponyms("Paris.", extractor=extractor) == []


def test_datelines_and_abbreviated_states(extractor: Extractor) -> None:
    text = (
        "CHICAGO (AP) — A storm that formed over the plains closed schools in Peoria, Ill., and "
        "in Madison, Wis., on Thursday, forecasters said.\n"
    )
    named = by_text(find_toponyms(text, extractor=extractor, published=DAY))
    assert named["CHICAGO"].name == "Chicago" and named["CHICAGO"].country == "US"
    assert named["Ill."].name == "Illinois" and named["Ill."].feature == "A.ADM1"
    assert named["Wis."].name == "Wisconsin" and named["Wis."].country == "US"


def test_places_inside_organisation_names_are_embedded_toponyms(extractor: Extractor) -> None:
    text = (
        "A spokesman for the Toronto Police Service said officers had closed two streets after a "
        "water main burst early on Sunday morning."
    )
    found = find_toponyms(text, extractor=extractor, published=DAY)
    toronto = by_text(found)["Toronto"]
    assert toronto.form == "embedded" and toronto.country == "CA"
    assert "Toronto" not in by_text(find_toponyms(text, extractor=extractor, published=DAY, embedded=False))


def test_a_large_city_far_from_the_story_still_gets_its_id(extractor: Extractor) -> None:
    # The record leaves a far-off town unresolved (no event is placed there); the layer still puts
    # a large city the text names on the map, with a low confidence that says it stands apart.
    text = (
        "Officials in Kharkiv said Russian drones hit a depot near Chuhuiv, east of the city, while "
        "the talks went on in Geneva for a second day."
    )
    named = by_text(find_toponyms(text, extractor=extractor, published=DAY))
    geneva = named["Geneva"]
    assert geneva.country == "CH" and geneva.geonameid is not None
    assert geneva.confidence < named["Chuhuiv"].confidence


def test_the_finder_cached_for_an_extractor_goes_with_it() -> None:
    """Each extractor gets one finder, reused, and dropping the extractor drops its finder."""
    import gc

    from parley.analyse import toponyms

    ex = Extractor()
    first = toponyms._finder(ex)
    assert toponyms._finder(ex) is first
    assert ex in toponyms._FINDERS
    before = len(toponyms._FINDERS)
    del ex, first
    gc.collect()
    assert len(toponyms._FINDERS) == before - 1


def test_place_heads_come_from_the_extractors_rules(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The words that make an unlisted name a place are rules data: a rules folder without
    "street" no longer maps the street, the shipped rules do."""
    import shutil
    import tomllib

    from parley.rules.load import load_rules, shipped_folder

    folder = tmp_path / "rules"
    shutil.copytree(shipped_folder(), folder, ignore=shutil.ignore_patterns("models", "__pycache__"))
    path = folder / "places.toml"
    body = path.read_text(encoding="utf-8")
    heads = tomllib.loads(body)["toponyms"]["place_heads"]
    path.write_text(body.replace('"street", ', "", 1), encoding="utf-8")
    assert "street" in heads and "street" not in load_rules(folder)["places.toml"]["toponyms"]["place_heads"]
    text = (
        "Exporters in Europe and Asia are worried, said protesters who gathered outside the "
        "courthouse on Fenwick Street before marching to the harbour in the evening."
    )
    shipped = by_text(find_toponyms(text, extractor=Extractor(), published=DAY))
    edited = by_text(find_toponyms(text, extractor=Extractor(rules=load_rules(folder)), published=DAY))
    assert "Fenwick Street" in shipped and "Fenwick Street" not in edited
    assert "Europe" in edited
