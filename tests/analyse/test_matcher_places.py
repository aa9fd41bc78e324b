"""Place mentions: which names are places here, which place each one is, and when a name keeps no
point because the gazetteer's only reading of it is a guess."""

from __future__ import annotations

from datetime import date

from parley.analyse.matcher import MentionFinder
from parley.model.records import PlaceRef
from tests.analyse.conftest import place_refs

PUB = date(2025, 12, 29)


def places(nlp, finder: MentionFinder, text: str) -> dict[str, PlaceRef]:  # type: ignore[no-untyped-def]
    return place_refs(nlp, finder, text, PUB)


def test_a_possessive_or_a_dash_is_no_part_of_a_place_name(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp, finder, "The crews finished the repairs with God's help, the regional commander said."
    )
    assert found == {}, "'God' is a hamlet somewhere, but 'God's help' names none"


def test_names_with_inner_particles_and_two_word_names_the_model_reads_as_people(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp, finder, "Air strikes hit Khan Younis and Deir el-Balah in the south of the strip overnight."
    )
    assert found["Khan Younis"].geonameid == 281124
    assert found["Deir el-Balah"].country == "PS"


def test_a_word_of_a_named_persons_name_is_that_person(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Vladimir Putin received the envoy on Friday. The envoy said later that he would call Vladimir "
        "again next week.",
    )
    assert "Vladimir" not in found


def test_a_region_that_says_where_a_town_lies_is_a_place_beside_it(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp, finder, "Drones struck Kremenchuk (Poltava region) overnight, cutting power to thousands."
    )
    assert set(found) == {"Kremenchuk", "Poltava region"}, "CONVENTIONS.md: the region counts beside its town"
    found = places(
        nlp, finder, "Shelling hit Bukavu, the capital of South Kivu province, late on Sunday evening."
    )
    assert "Bukavu" in found and any(name.startswith("South Kivu") for name in found)
    found = places(
        nlp, finder, "Russian troops captured Vovchansk in the Kharkiv region after weeks of fighting."
    )
    assert set(found) == {"Vovchansk", "Kharkiv region"}, "a capture 'in the region' happens in it too"


def test_a_country_written_after_a_place_decides_between_namesakes(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "American officials said the United States would host more talks, after a round in Geneva, "
        "Switzerland, ended on Sunday.",
    )
    assert found["Geneva"].country == "CH"


def test_a_country_things_happen_in_puts_the_places_there(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Russia said on Monday its forces had taken Pokrovsk in eastern Ukraine after months of fighting.",
    )
    assert found["Pokrovsk"].country == "UA"


def test_an_alternate_name_abroad_keeps_its_name_without_a_point(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp, finder, "Israeli troops withdrew from Yaroun and other villages of southern Lebanon on Tuesday."
    )
    yaroun = found["Yaroun"]
    assert yaroun.geonameid is None and yaroun.lat is None, yaroun.reason


def test_a_region_the_gazetteer_knows_only_as_a_town_keeps_its_name(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp, finder, "Clashes broke out in Nasir County after the army sent reinforcements north.")
    county = found["Nasir County"]
    assert county.geonameid is None and county.method == "unresolved"


def test_a_body_named_after_a_town_is_not_there_but_a_meeting_is(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp, finder, "A study by Washington University economists drew wide attention this spring."
    )
    assert "Washington" not in found
    found = places(nlp, finder, "The president spoke at the Munich Security Conference on Saturday morning.")
    assert found["Munich"].country == "DE"


def test_the_other_items_of_a_list_of_places_are_places(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Israeli units withdrew from Kfar Kila, Maroun al-Ras, Odaisseh, Bint Jbeil and Wazzani, "
        "officials said.",
    )
    assert {"Kfar Kila", "Maroun al-Ras", "Odaisseh", "Bint Jbeil", "Wazzani"} <= set(found)
    assert found["Odaisseh"].geonameid is None, "a village the gazetteer lacks keeps its name alone"
    found = places(nlp, finder, "In Kyiv, Zelensky, the president, said the talks had gone well.")
    assert list(found) == ["Kyiv"], "a sentence that goes on after a name is no list"


def test_a_town_far_from_every_other_place_in_an_unnamed_country_keeps_its_name(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Israeli units withdrew from Kfar Kila and Bint Jbeil, and later from Blida, officials said.",
    )
    assert found["Kfar Kila"].country == "LB"
    assert found["Blida"].lat is None, "the Algerian Blida has no tie to a story of Lebanese villages"


def test_a_capitals_region_is_the_region_not_the_capital(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Air defence units shot down six drones over the Moscow region overnight, the governor said.",
    )
    assert "Moscow" not in found
    assert found["Moscow region"].feature == "A.ADM1"
    assert found["Moscow region"].country == "RU"


def test_an_old_name_of_a_nearby_town_needs_the_texts_word_to_be_a_place(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    # GeoNames lists "Johnson" as an old name of a town beside Racine; near the article's places is
    # not enough for a near-spelling or an old name: nothing in the text says it is a place here
    found = places(
        nlp,
        finder,
        "Floods closed the roads between Racine and Kenosha, and the Johnson crews worked through "
        "the night to reopen them.",
    )
    assert {"Racine", "Kenosha"} <= set(found)
    assert "Johnson" not in found


def test_a_capital_a_visit_goes_to_is_a_place_not_its_government(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    text = "The special envoy will visit Moscow next week to present the revised plan to the officials there."
    found = places(nlp, finder, text)
    assert found["Moscow"].geonameid == 524901, "the visited city is where the visit happens"
    said = places(
        nlp, finder, "Moscow rejected the revised plan on Friday, according to the officials there."
    )
    assert "Moscow" not in said, "a capital as the subject of a verb of saying stays its government"


def test_a_capital_named_after_the_word_capital_is_a_place(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    text = "A drone strike hit a car in a suburb of the capital Damascus late on Tuesday, medics said."
    found = places(nlp, finder, text)
    assert found["Damascus"].country == "SY", "'the capital X' names the city, not its government"


def test_a_plural_place_noun_makes_the_next_name_a_place(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government troops pushed the rebels back from the villages of Dvorichna and Kindrashivka "
        "during the week."
    )
    found = places(nlp, finder, text)
    assert "Dvorichna" in found, "'the villages of X' says X is a village, like 'the village of X'"


def test_a_named_facility_is_one_place_with_its_lower_case_head(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "After the drone strike, several flights at the Port Sudan airport were delayed until the evening.",
    )
    assert list(found) == ["Port Sudan airport"], found
    found = places(
        nlp,
        finder,
        "Moscow repeated its demand to keep control of the Zaporizhzhia nuclear power plant after the talks.",
    )
    assert found["Zaporizhzhia nuclear power plant"].lat is not None, (
        "the gazetteer's facility, with its point"
    )


def test_a_capital_inside_a_facility_name_is_no_place_of_its_own(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "The militia began launching attacks on Khartoum International Airport on Tuesday morning.",
    )
    assert list(found) == ["Khartoum International Airport"], found


def test_a_title_case_headline_or_a_sentence_start_makes_no_facility(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp, finder, "Rebel Drones Hit Port Sudan Airport\nThe airport was closed for the rest of the day."
    )
    assert not any(name.endswith(("Airport", "airport")) for name in found), found


def test_a_demonym_or_a_force_before_a_site_head_names_no_facility(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Drones struck a Russian military base near the coast and the Sudanese Army base on Friday night.",
    )
    assert not any("base" in name for name in found), found


def test_a_town_followed_by_state_names_its_division_but_islamic_state_does_not(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Militants of the Islamic State raided villages in Borno state and near Maiduguri on Sunday.",
    )
    assert (found["Borno state"].feature or "").startswith("A.ADM"), found
    assert not any("Islamic" in name for name in found)
    found = places(
        nlp,
        finder,
        "The paramilitary force shelled several vital targets in Khartoum state on Tuesday night.",
    )
    assert (found["Khartoum state"].feature or "").startswith("A.ADM"), (
        "the state, not the capital's government"
    )


def test_the_province_of_a_name_is_the_division_and_the_city_of_it_the_town(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Troops withdrew from the southern province of Sweida, and convoys left the city of Sweida overnight."
    )
    mentions = [m for m in finder.find(nlp(text), published=PUB) if m.kind == "place" and m.place is not None]
    features = [(m.text, (m.place.feature or "")[:1]) for m in mentions]
    assert features == [("Sweida", "A"), ("Sweida", "P")], features


def test_a_plural_region_word_makes_each_listed_name_a_division(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Drones struck targets in the Kursk, Bryansk and Belgorod regions on Monday night, officials said.",
    )
    assert set(found) == {"Kursk", "Bryansk", "Belgorod"}
    assert all((p.feature or "").startswith("A.ADM") for p in found.values()), found


def test_an_elided_compass_name_is_a_place_of_its_own(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    text = "The rebels widened their control across North and South Kivu provinces during the spring."
    mentions = [m for m in finder.find(nlp(text), published=PUB) if m.kind == "place" and m.place is not None]
    assert sorted(m.place.geonameid for m in mentions) == [205413, 206938], "South Kivu and North Kivu"


def test_a_town_after_the_city_of_is_a_place_though_the_model_runs_it_on_as_a_person(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Russian drones struck the southern city of Zaporizhzhia overnight, damaging over 50 residential "
        "buildings. Later they hit Kherson and Mykolaiv.",
    )
    assert "Zaporizhzhia" in found, found


def test_a_name_after_the_towns_of_is_a_place_though_the_model_reads_a_title(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    text = "The militia has run the towns of Mansi and Momauk since 2023 without any challenge from the army."
    doc = nlp(text)
    assert any(e.label_ == "WORK_OF_ART" and e.text.startswith("Mansi") for e in doc.ents), (
        "the case under test"
    )
    assert "Mansi" in places(nlp, finder, text)


def test_a_short_name_in_a_list_of_villages_keeps_its_name_without_another_place_point(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Soldiers withdrew from Aitaroun, Blida, Hula, Markaba and Kfar Kila over the weekend, "
        "officials said.",
    )
    assert "Hula" in found, "the list makes it a place"
    hula = found["Hula"]
    assert hula.geonameid is None and hula.lat is None, "'Hula' is only an alternate name of a Syrian town"


def test_a_bare_name_beside_its_city_names_the_division(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Israeli jets struck targets across Gaza on Tuesday, and tanks gathered on the edge of "
        "Gaza City by nightfall.",
    )
    assert found["Gaza City"].feature == "P.PPL"
    assert (found["Gaza"].feature or "").startswith("A."), found["Gaza"].reason
    assert found["Gaza"].geonameid != found["Gaza City"].geonameid
    alone = places(
        nlp, finder, "Israeli jets struck targets across Gaza on Tuesday, witnesses in the area said."
    )
    assert alone["Gaza"].feature == "P.PPL", "without 'Gaza City' the name keeps its first reading"


def test_names_before_a_plural_settlement_noun_are_places(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Fighters withdrew from the Karm al-Jabal and Sheikh Maqsoud districts of the city on Sunday, "
        "residents said.",
    )
    assert {"Karm al-Jabal", "Sheikh Maqsoud"} <= set(found)
    found = places(
        nlp, finder, "The militia has lost the trust of the elders and many families over the past months."
    )
    assert found == {}, "no plural settlement noun, no list"


def test_a_bare_name_beside_its_territorys_full_name_is_that_territory(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(
        nlp,
        finder,
        "Aid convoys waited at the crossing into the Gaza Strip on Monday, and officials said trucks "
        "would reach Gaza within days.",
    )
    assert found["Gaza Strip"].feature == "A.ADM1"
    assert found["Gaza"].geonameid == found["Gaza Strip"].geonameid, found["Gaza"].reason
    near_region = places(
        nlp,
        finder,
        "Drones struck a depot in the Kursk region overnight, and the governor said Kursk itself was calm.",
    )
    assert (near_region["Kursk"].feature or "").startswith("P."), "a region word keeps town and region apart"


def test_a_name_joined_to_a_located_place_by_a_bare_and_is_a_place(nlp, finder) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp, finder, "Gunmen overran two army posts in Djibo and Kessoumbadi on Sunday.")
    assert {"Djibo", "Kessoumbadi"} <= set(found)
    assert found["Kessoumbadi"].geonameid is None, "a village the gazetteer lacks keeps its name alone"
    found = places(nlp, finder, "Shelling went on in Pokrovsk and Zelensky asked for more air defence.")
    assert list(found) == ["Pokrovsk"], "a name after which the sentence goes on is no second place"
    found = places(nlp, finder, "Drones were shot down over Gaza and Israel, the army said.")
    assert "Israel" not in found, "a country is never a place"
