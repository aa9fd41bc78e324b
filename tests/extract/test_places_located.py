"""The place list keeps places that locate something and drops datelines, credits and metonyms."""

from __future__ import annotations

import datetime

import pytest

pytestmark = pytest.mark.spacy

PUBLISHED = datetime.date(2025, 11, 4)


def _names(text: str) -> set[str]:
    import parley

    return {p.name for p in parley.extract(text, published=PUBLISHED).places}


def _located(text: str, names: dict[str, int], feature: str = "P.PPL") -> list[str]:
    """Return the names located_places keeps when each name is a gazetteer place (id from
    ``names``) mentioned wherever it is written in ``text``: the filter alone, without the parser."""
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    refs = {n: PlaceRef(name=n, geonameid=i, feature=feature) for n, i in names.items()}
    mentions = [
        Mention(k, k + len(n), n, "place", place=refs[n])
        for n in names
        for k in (i for i in range(len(text)) if text.startswith(n, i))
    ]
    return [p.name for p in located_places(list(refs.values()), mentions, text, used=set())]


def test_a_city_that_only_credits_the_writer_is_dropped() -> None:
    text = (
        "Heavy shelling hit the town of Kramatorsk on Tuesday, and two civilians were wounded there.\n\n"
        "*Writing by Maria Lindqvist in Ankara"
    )
    names = _names(text)
    assert "Kramatorsk" in names
    assert "Ankara" not in names


def test_a_city_standing_for_its_government_is_dropped_but_one_hosting_talks_is_kept() -> None:
    text = (
        "Delegations from both sides met in Geneva on Monday to discuss a prisoner exchange.\n\n"
        "Another demand from Budapest, that the meeting be kept short, was rejected by the mediators."
    )
    names = _names(text)
    assert "Geneva" in names
    assert "Budapest" not in names


def test_a_city_whose_authorities_speak_is_kept() -> None:
    text = (
        "Residents fled the coastal districts overnight after the storm warnings.\n\n"
        "Authorities in Beirut say the situation remains tense after the strikes on the southern suburbs."
    )
    assert "Beirut" in _names(text)


def test_the_located_filter_keeps_a_place_whose_mention_locates_and_drops_a_dateline() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = "LEEDS (Reuters) - Police closed roads in Leeds and in Hull after a fire on Sunday."
    leeds = PlaceRef(name="Leeds", geonameid=1, feature="P.PPL")
    hull = PlaceRef(name="Hull", geonameid=2, feature="P.PPL")
    dateline_only = PlaceRef(name="Dover", geonameid=3, feature="P.PPL")
    text2 = text + "\nDOVER (Reuters) - Ferries were cancelled after the storm."
    start = text2.index("DOVER")
    mentions = [
        Mention(0, 5, "LEEDS", "place", place=leeds),
        Mention(text.index("Leeds"), text.index("Leeds") + 5, "Leeds", "place", place=leeds),
        Mention(text.index("Hull"), text.index("Hull") + 4, "Hull", "place", place=hull),
        Mention(start, start + 5, "DOVER", "place", place=dateline_only),
    ]
    kept = located_places([leeds, hull, dateline_only], mentions, text2, used=set())
    assert [p.name for p in kept] == ["Leeds", "Hull"]
    # a record that uses the dateline place keeps it
    kept = located_places([leeds, hull, dateline_only], mentions, text2, used={3})
    assert [p.name for p in kept] == ["Leeds", "Hull", "Dover"]


def test_a_caption_a_war_or_a_group_named_for_a_place_locate_nothing() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = (
        "Ministers shake hands before the talks in Lyon, France, on Friday, May 3, 2019.\n"
        "Relations soured during the Tigray war, and troops later massed near Mekelle.\n"
        "The Kachin Independence Army said the Bhamo Militia had withdrawn."
    )
    bhamo = PlaceRef(name="Bhamo", geonameid=4, feature="P.PPL")
    lyon = PlaceRef(name="Lyon", geonameid=1, feature="P.PPL")
    tigray = PlaceRef(name="Tigray", geonameid=2, feature="A.ADM1")
    mekelle = PlaceRef(name="Mekelle", geonameid=3, feature="P.PPLA")
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, "place", place=p)
        for n, p in (("Lyon", lyon), ("Tigray", tigray), ("Mekelle", mekelle), ("Bhamo", bhamo))
    ]
    kept = located_places([lyon, tigray, mekelle, bhamo], mentions, text, used=set())
    assert [p.name for p in kept] == ["Mekelle"]


def test_the_shapes_are_built_from_every_word_of_the_rule_file() -> None:
    from parley.extract.places_located import _shapes
    from parley.rules import load_rules

    words = load_rules()["places.toml"]["located"]
    shapes = _shapes()
    for verb in words["says_verbs"]:
        assert shapes.says_after.match(f" has {verb} that"), verb
    for noun in words["voice_nouns"]:
        assert shapes.voice_before.search(f"a {noun} from "), noun
    for participle in words["agent_participles"]:
        assert shapes.agent_hyphen.match(f"-{participle} talks"), participle
    assert not shapes.says_after.match(" has been shelled for days")


def test_a_speakers_whereabouts_a_reference_point_and_a_caption_locate_nothing() -> None:

    text = (
        "Artillery fire hit a market in Avdiivka, about 40 km from Horlivka, on Monday morning.\n"
        "The minister told reporters in Vilnius that the convoy had reached the border crossing.\n"
        "Officials spoke at a press conference in Tallinn after the strike on the depot.\n"
        "Speaking in Riga on Friday, the envoy said the prisoner talks would resume next week.\n"
        "Rescuers are seen clearing rubble in Sumy after the overnight attack (AP Photo/Staff)\n"
        "Later, drones struck a fuel depot near Sumy, the regional governor wrote."
    )
    names = {"Avdiivka": 1, "Horlivka": 2, "Vilnius": 3, "Tallinn": 4, "Sumy": 5, "Riga": 6}
    # Sumy is kept: its second mention, outside the caption, locates the strike
    assert _located(text, names) == ["Avdiivka", "Sumy"]


def test_a_region_stays_beside_its_namesake_town_and_an_unknown_place_is_listed_once() -> None:
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    town = PlaceRef(name="Kursk", geonameid=1, feature="P.PPLA", country="RU", admin1="41")
    region = PlaceRef(name="Kursk Oblast", geonameid=2, feature="A.ADM1", country="RU", admin1="41")
    other = PlaceRef(name="Belgorod Oblast", geonameid=3, feature="A.ADM1", country="RU", admin1="09")
    unknown = PlaceRef(name="Oddar Meanchey province", method="unresolved")
    again = PlaceRef(name="Oddar Meanchey", method="unresolved")
    kept = located_places([region, town, other, unknown, again], [], "", used=set())
    # CONVENTIONS.md: a region that says where a town lies is a place beside it, even when the
    # region is named after the town; only the unresolved name written twice is listed once
    assert [p.name for p in kept] == ["Kursk Oblast", "Kursk", "Belgorod Oblast", "Oddar Meanchey province"]


def test_a_region_whose_capital_the_text_names_is_a_place_beside_it() -> None:
    import parley

    text = "Rockets struck Linz, the capital of Upper Austria, on Tuesday night, the police said."
    places = parley.extract(text, published=PUBLISHED).places
    assert "Linz" in {p.name for p in places}
    regions = [p for p in places if (p.feature or "").startswith("A.")]
    assert [p.country for p in regions] == ["AT"], places


def test_a_truce_or_a_government_named_for_a_place_is_dropped_even_when_a_record_uses_it() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = (
        "Both armies were invited to Oslo-mediated talks, and the envoys discussed the Tigray truce deal.\n"
        "Shelling resumed near Mekelle on Sunday, residents of the eastern districts said."
    )
    oslo = PlaceRef(name="Oslo", geonameid=1, feature="P.PPLC")
    tigray = PlaceRef(name="Tigray", geonameid=2, feature="A.ADM1")
    mekelle = PlaceRef(name="Mekelle", geonameid=3, feature="P.PPLA")
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, "place", place=p)
        for n, p in (("Oslo", oslo), ("Tigray", tigray), ("Mekelle", mekelle))
    ]
    used = {oslo.ref, tigray.ref, mekelle.ref}
    kept = located_places([oslo, tigray, mekelle], mentions, text, used=used)
    assert [p.name for p in kept] == ["Mekelle"], "no event happens in a mediator's city or in a truce"


def test_a_venue_the_gazetteer_lacks_and_a_dated_caption_locate_nothing() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = (
        "Recruits take part in a training exercise on the outskirts of Kharkiv on March 3, 2023.\n"
        "Relatives waited for news outside Al Amal Hospital, and shelling hit Izium again overnight."
    )
    kharkiv = PlaceRef(name="Kharkiv", geonameid=1, feature="P.PPLA")
    hospital = PlaceRef(name="Al Amal Hospital", method="unresolved")
    izium = PlaceRef(name="Izium", geonameid=2, feature="P.PPL")
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, "place", place=p)
        for n, p in (("Kharkiv", kharkiv), ("Al Amal Hospital", hospital), ("Izium", izium))
    ]
    kept = located_places([kharkiv, hospital, izium], mentions, text, used={hospital.ref})
    assert [p.name for p in kept] == ["Izium"]


def test_a_neighbour_named_by_a_border_is_a_reference_point() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = "Troops entered a village that lies on the border with the Belgorod region, the ministry said."
    belgorod = PlaceRef(name="Belgorod Oblast", geonameid=1, feature="A.ADM1")
    start = text.index("Belgorod")
    mentions = [Mention(start, start + len("Belgorod region"), "Belgorod region", "place", place=belgorod)]
    assert located_places([belgorod], mentions, text, used=set()) == ()


def test_the_topic_of_a_dispute_locates_nothing_even_when_a_record_uses_it() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = "The minister condemned the world's inaction over Tigray, then flew home to meet the cabinet."
    tigray = PlaceRef(name="Tigray", geonameid=2, feature="A.ADM1")
    start = text.index("Tigray")
    mentions = [Mention(start, start + len("Tigray"), "Tigray", "place", place=tigray)]
    assert located_places([tigray], mentions, text, used={tigray.ref}) == ()


def test_a_township_the_gazetteer_lacks_is_its_town_listed_once() -> None:
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    town = PlaceRef(name="Bhamo", geonameid=1328218, feature="P.PPL", country="MM", admin1="04")
    township = PlaceRef(name="Bhamo Township", method="unresolved")
    other = PlaceRef(name="Shwegu Township", method="unresolved")
    kept = located_places([town, township, other], [], "", used=set())
    assert [p.name for p in kept] == ["Bhamo", "Shwegu Township"]


def test_a_war_or_truce_named_by_its_place_locates_nothing_even_when_a_record_uses_it() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = (
        "The rebels said their raids on tankers were a protest against the long war on Ethiopia in "
        "the Ogaden, and they would stop once the truce in Mekelle held. Later a drone hit a depot in Jijiga."
    )
    ogaden = PlaceRef(name="Ogaden", geonameid=1, feature="L.RGN")
    mekelle = PlaceRef(name="Mekelle", geonameid=2, feature="P.PPLA")
    jijiga = PlaceRef(name="Jijiga", geonameid=3, feature="P.PPLA")
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, "place", place=p)
        for n, p in (("Ogaden", ogaden), ("Mekelle", mekelle), ("Jijiga", jijiga))
    ]
    kept = located_places([ogaden, mekelle, jijiga], mentions, text, used={ogaden.ref, jijiga.ref})
    assert [p.name for p in kept] == ["Jijiga"], "a war's or a truce's place is its backdrop, not the story's"


def test_a_place_that_only_names_an_officials_office_locates_nothing() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = (
        "Ivan Sorokin, governor of the Tver region, said a drone had hit a fuel depot near Rzhev overnight, "
        "and the leader of Russia's Chuvash Republic offered help."
    )
    tver = PlaceRef(name="Tver Oblast", geonameid=1, feature="A.ADM1")
    chuvash = PlaceRef(name="Chuvash Republic", geonameid=2, feature="A.ADM1")
    rzhev = PlaceRef(name="Rzhev", geonameid=3, feature="P.PPL")
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, "place", place=p)
        for n, p in (("Tver region", tver), ("Chuvash Republic", chuvash), ("Rzhev", rzhev))
    ]
    kept = located_places([tver, chuvash, rzhev], mentions, text, used=set())
    assert [p.name for p in kept] == ["Rzhev"], "an official's office names no place of the story"


def test_a_seat_of_government_after_at_or_visit_locates_its_town_unless_a_speaker_stood_there() -> None:
    hosted = _names(
        "The president hosted the leaders of Armenia and Azerbaijan at the White House, "
        "where they signed a deal."
    )
    assert "Washington" in hosted
    visit = _names("The American envoy will visit the Kremlin next week for talks on the prisoner exchange.")
    assert "Moscow" in visit
    voice = _names("The White House said on Friday that the envoy would travel to the region for talks.")
    assert "Washington" not in voice, "a seat that speaks is its government, not a place"
    people = _names(
        "Hardliners in the Kremlin opposed the prisoner exchange, two people familiar with it said."
    )
    assert "Moscow" not in people, "people in a seat of government are of that government, not in a place"
    spoke = _names(
        "We cancelled the summit with the Russian leader, the president told reporters at the White House."
    )
    assert "Washington" not in spoke, "where a speaker stood is no place of the story"


def test_a_line_labelled_as_a_photo_is_a_caption() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = (
        "Photo: Sloviansk, Donetsk region, Ukraine / 93rd brigade / Staff\n"
        "Shelling hit the outskirts of Sloviansk again on Sunday night, the local governor reported."
    )
    region = PlaceRef(name="Donetsk Oblast", geonameid=1, feature="A.ADM1")
    town = PlaceRef(name="Sloviansk", geonameid=2, feature="P.PPL")
    mentions = [
        Mention(
            text.index("Donetsk region"),
            text.index("Donetsk region") + 14,
            "Donetsk region",
            "place",
            place=region,
        ),
        Mention(text.rindex("Sloviansk"), text.rindex("Sloviansk") + 9, "Sloviansk", "place", place=town),
    ]
    kept = located_places([region, town], mentions, text, used=set())
    assert [p.name for p in kept] == ["Sloviansk"], "a photo's caption locates nothing of the story"


def test_a_speaker_at_an_event_in_a_town_stood_there_and_nothing_happened_there() -> None:
    from parley.analyse.mentions import Mention
    from parley.extract.places_located import located_places
    from parley.model.records import PlaceRef

    text = (
        "Speaking at the annual security forum in Vilnius on Monday, the minister said the shelling of "
        "Kupiansk had not stopped for a single night."
    )
    vilnius = PlaceRef(name="Vilnius", geonameid=1, feature="P.PPLC")
    kupiansk = PlaceRef(name="Kupiansk", geonameid=2, feature="P.PPL")
    mentions = [
        Mention(text.index(n), text.index(n) + len(n), n, "place", place=p)
        for n, p in (("Vilnius", vilnius), ("Kupiansk", kupiansk))
    ]
    kept = located_places([vilnius, kupiansk], mentions, text, used=set())
    assert [p.name for p in kept] == ["Kupiansk"], "where a speaker spoke is no place of the story"


def test_the_last_word_of_a_longer_name_is_no_town_near_the_story() -> None:
    found = _names(
        "Delegates gathered in Newark on Monday for two days of talks on regional rail links. "
        "The main outcome of the Jersey Summit was a plan to share the cost of new trains."
    )
    assert "Newark" in found
    assert "Summit" not in found, "'Summit' ends the name 'Jersey Summit'; it is no town near Newark"


def test_the_end_of_a_journey_locates_nothing_but_a_place_where_something_happens_does() -> None:
    back = _names("After the talks collapsed, the negotiators returned to Tallinn on Sunday without a deal.")
    assert "Tallinn" not in back, "where people go back to is no place of the story"
    moved = _names("Under the deal, the freed prisoners will be transported to Riga on a military aircraft.")
    assert "Riga" not in moved
    hit = _names(
        "The negotiators returned to Tallinn on Sunday, hours after a drone struck a depot in Tallinn."
    )
    assert "Tallinn" in hit, "a mention that locates an act keeps the place"


def test_a_group_named_by_its_origin_locates_nothing_where_it_comes_from() -> None:
    came = _names(
        "Militias from Tartu began moving their trucks toward Tallinn late on Thursday, witnesses said. "
        "Heavy clashes broke out in Tallinn overnight."
    )
    assert "Tartu" not in came, "where fighters come from is no place of the story"
    assert "Tallinn" in came
    held = _names("Among the prisoners freed on Monday were defenders of Narva, held for two years.")
    assert "Narva" not in held
    hit = _names(
        "Militias from Tartu moved toward the capital after a drone struck a fuel depot in Tartu overnight."
    )
    assert "Tartu" in hit, "a mention that locates an act keeps the place"


def test_a_city_whose_criticism_or_claims_are_reported_is_its_government() -> None:
    text = (
        "Shelling hit the town of Kramatorsk on Tuesday, wounding two people.\n\n"
        "The draft was shortened after criticism from Budapest and from several allies. The ministry "
        "rejected what it called false claims from Ankara, and a press release from Lisbon said the "
        "talks would go on."
    )
    names = _names(text)
    assert "Kramatorsk" in names
    assert not names & {"Budapest", "Ankara", "Lisbon"}, "a city whose voice is reported locates nothing"


def test_an_interview_a_briefing_held_somewhere_or_a_speech_at_an_agency_locate_nothing() -> None:

    text = (
        "Shelling hit a depot in Avdiivka on Monday.\n"
        "During a press briefing held in Tartu, the deputy minister gave new figures.\n"
        "Speaking at U.N. headquarters in Narva on Tuesday, the coordinator called the need urgent.\n"
        "The commander told a news agency in an interview at an air base in the northern city of Parnu "
        "that the talks had stalled."
    )
    names = {"Avdiivka": 1, "Tartu": 2, "Narva": 3, "Parnu": 4}
    assert _located(text, names) == ["Avdiivka"]


def test_a_neighbour_beyond_a_described_border_or_a_port_at_sea_miles_is_a_reference_point() -> None:

    text = (
        "The hamlet lies near the border with the partly flooded Tver region, officials said.\n"
        "A patrol was attacked in Kirov province, which borders Latvia's Valka province.\n"
        "A tanker was hit 40 nautical miles south-east of the Omani port of Sohar on Monday."
    )
    names = {"Tver region": 1, "Kirov province": 2, "Valka province": 3, "Sohar": 4}
    assert _located(text, names, "A.ADM1") == ["Kirov province"]
