"""Evidence for and against a place reading (issue #14): a name after a noun of kinship is a
person's, a compass adjective or a part word between the preposition and the name still locates,
and a country written after a place with "in" decides between namesakes."""

from __future__ import annotations

from datetime import date

import pytest

from parley.analyse.matcher import MentionFinder, _name_run
from parley.analyse.place_evidence import (
    after_person_noun,
    name_runs,
    people_words,
    person_nouns,
    settlement_names,
    settlement_nouns,
)
from parley.model.records import PlaceRef
from tests.analyse.conftest import place_refs

pytestmark = pytest.mark.spacy

PUB = date(2025, 11, 4)


def places(nlp, finder: MentionFinder, text: str) -> dict[str, PlaceRef]:  # type: ignore[no-untyped-def]
    return place_refs(nlp, finder, text, PUB)


def test_the_person_nouns_come_from_the_rule_file() -> None:
    nouns = person_nouns()
    assert {"daughter", "girlfriend", "nephew"} <= nouns
    assert "city" not in nouns and "town" not in nouns


def test_a_name_after_a_noun_of_kinship_is_a_person_not_the_city(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    kin = places(
        nlp,
        finder,
        "The former envoy and his daughter Florence were taken to hospital on Sunday, police said.",
    )
    assert "Florence" not in kin
    town = places(nlp, finder, "The former envoy was taken to a hospital in Florence on Sunday, police said.")
    assert town["Florence"].country == "IT", "the same name after 'in' is the city"


def test_the_second_name_of_a_pair_after_a_kinship_noun_is_a_person_too(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("She posed for the photograph with her daughters Sofia and Florence at the family home.")
    i = next(t.i for t in doc if t.text == "Florence")
    assert after_person_noun(list(doc), i)
    j = next(t.i for t in doc if t.text == "home")
    assert not after_person_noun(list(doc), j)


def test_the_words_of_a_full_personal_name_name_that_person(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Prosecutors charged the banker Thomas Lombard with fraud on Monday, a court filing shows.")
    words = people_words(finder._person_spans(doc), finder.gazetteer.has_name)
    assert "lombard" in words
    town = nlp("Air strikes hit Khan Younis overnight, and rescuers searched the rubble for survivors.")
    assert not {"khan", "younis"} & people_words(
        [[t for t in town if t.text in ("Khan", "Younis")]], finder.gazetteer.has_name
    ), "a two-word name the gazetteer holds whole is the town, even when the model reads a person"


def test_a_run_of_proper_nouns_after_a_lower_case_word_is_a_name_but_not_at_a_sentence_start(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The veteran welterweight fighter Conor Brennan was arrested after the bout in the arena.")
    assert ["Conor", "Brennan"] in [[t.text for t in run] for run in name_runs(doc, frozenset())]
    head = nlp("Strategic Sittwe under threat as the rebel army closes in on the port from the north.")
    assert not any(run[0].text == "Strategic" for run in name_runs(head, frozenset()))


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Israeli jets struck a ministry compound in central Damascus on Wednesday, the monitor said.",
         "Damascus", "SY"),
        ("The militia fired drones at a military airport in the city of Port Sudan on Sunday, the army said.",
         "Port Sudan", "SD"),
        ("The army lost nearly all of Khartoum last year but has since pushed back, commanders said.",
         "Khartoum", "SD"),
    ],
)  # fmt: skip
def test_a_compass_adjective_or_a_part_word_before_a_capital_still_locates(
    nlp, finder, text, name, country
) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp, finder, text)
    assert found[name].country == country, f"{name} is the place here, not its government"


def test_a_country_written_after_in_decides_between_namesakes(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Officials in Moscow and Belgorod said on Monday that Russian troops had captured Pokrovsk in "
        "eastern Ukraine after a long siege.",
    )
    assert found["Pokrovsk"].country == "UA", (
        "the text says which Pokrovsk, though its other places are Russian"
    )


def test_the_generic_words_of_a_regions_official_name_do_not_hide_it(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Russia's defence ministry said air defences downed nine drones over the Republic of Adygea and "
        "seven over the Rostov region overnight.",
    )
    adygea = next(p for text, p in found.items() if "Adygea" in text)
    assert adygea.country == "RU" and adygea.geonameid is not None


def test_a_name_joined_by_and_that_the_gazetteer_holds_whole_wins_over_its_first_word(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Militants crossed into Jammu and Kashmir overnight and attacked a patrol near the border.",
    )
    assert list(found) == ["Jammu and Kashmir"], "one region, not the city of Jammu beside it"
    found = places(nlp, finder, "Shelling hit Kharkiv and Sumy overnight, regional officials said on Monday.")
    assert {"Kharkiv", "Sumy"} <= set(found), "two towns joined by 'and' stay two places"


def test_a_town_name_that_a_particle_and_a_capital_continue_is_part_of_a_longer_name(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp, finder, "The fans gathered outside the Stade de France before the match on Saturday night."
    )
    assert not any(text == "Stade" for text in found), "the stadium, not the German town of Stade"
    found = places(nlp, finder, "Air strikes hit Deir el-Balah overnight, and rescuers searched the rubble.")
    assert "Deir el-Balah" in found, "a name the gazetteer holds with its particle stays whole"


def test_the_settlement_nouns_come_from_the_rule_file() -> None:
    nouns = settlement_nouns()
    assert {"village", "villages", "town", "neighbourhood"} <= nouns
    assert "daughter" not in nouns and "region" not in nouns


def test_a_name_the_text_calls_a_settlement_is_a_place_the_gazetteer_may_lack(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    listed = places(
        nlp,
        finder,
        "Russian drones struck the villages of Dorvanka and Pelitsy overnight, the governor said.",
    )
    assert {"Dorvanka", "Pelitsy"} <= set(listed), "every name of the list a plural noun opens"
    assert listed["Dorvanka"].geonameid is None, "a name the gazetteer lacks keeps its name alone"
    apposed = places(
        nlp, finder, "The rebels took control of Marunda, a small town about 15 km from the front, on Friday."
    )
    assert "Marunda" in apposed
    before = places(
        nlp, finder, "Two soldiers were killed in Pelvaro Moket village on Thursday, the army said."
    )
    assert "Pelvaro Moket" in before
    including = places(
        nlp,
        finder,
        "The army withdrew from border villages, including Dorvanka and Pelitsy, on Tuesday morning.",
    )
    assert {"Dorvanka", "Pelitsy"} <= set(including), "a plural noun and 'including' open a list"


def test_a_town_the_gazetteer_holds_is_admitted_where_the_text_defines_it(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    defined = "The rebels took control of Katana, a town north of the provincial capital, on Sunday."
    assert "Katana" in places(nlp, finder, defined), "the apposition defines the name as a town"
    bare = "The rebels met Katana on Sunday morning after a short battle, residents said."
    assert "Katana" not in places(nlp, finder, bare), "without the apposition nothing says it is a place"


def test_a_name_without_a_settlement_noun_is_not_made_a_place(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "The rebels took control of Marunda, a small company about 15 km from the front, on Friday.",
    )
    assert "Marunda" not in found, "the apposition names no settlement"
    assert "Brotherly Love" not in places(
        nlp,
        finder,
        "Delegates gathered in Philadelphia, the City of Brotherly Love, for the four-day convention.",
    ), "a capitalised noun is part of a name, not a word for a settlement"
    doc = nlp("Officials of the villages met Dorvanka Pelitsy, a town planner, in the capital on Friday.")
    runs = settlement_names(list(doc), _name_run)
    assert all(doc[i].text != "Dorvanka" for i, _, _ in runs), (
        "a noun of a compound ('town planner') is no settlement"
    )
