"""A party's report of harm told by the strike itself ("Israeli strikes killed twelve people",
"a Russian drone strike hit a bus") names the doer only as the owner of the weapon: the report
charges no one, so it is an attack (claimed) and no ACCUSE; a party saying that another party
attacked still accuses it. Real spaCy pipeline, real knowledge base; sentences written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import assaults, of_type, refs, run


def test_a_strike_as_subject_of_a_harm_report_accuses_no_one(extractor: Extractor) -> None:
    for text in (
        "The Lebanese health ministry reported that Israeli strikes killed twelve people in the south"
        " on Wednesday.",
        "Ukrainian officials said a Russian drone strike hit a crowded bus in the centre of Kherson"
        " on Wednesday.",
    ):
        ex = run(extractor, text)
        assert assaults(ex), text  # the attack is still told
        assert not of_type(ex, "ACCUSE"), text


def test_a_party_told_attacking_is_still_accused(extractor: Extractor) -> None:
    ex = run(
        extractor, "The Lebanese health ministry said on Wednesday that Israel had struck a clinic in Tyre."
    )
    accusations = [refs(e) for e in of_type(ex, "ACCUSE")]
    assert accusations and accusations[0][1:] == ["Q801"], accusations


def test_weapons_doing_the_harm_accuse_no_one(extractor: Extractor) -> None:
    """The weapon as the subject of the verb, or as the agent of a passive, names no doer either."""
    for text in (
        "The Lebanese health ministry reported that Israeli drones targeted a car near the port of Tyre"
        " on Wednesday.",
        "The mayor of Kharkiv said on Wednesday that the city was hit by ballistic missiles overnight.",
    ):
        ex = run(extractor, text)
        assert not of_type(ex, "ACCUSE"), text


def test_a_count_of_weapons_or_attacks_accuses_no_one(extractor: Extractor) -> None:
    """A raid told by its tally ("launched 300 drones", "with at least 20 drones", "launched 12
    assaults") is an air force's or a defender's count, not a charge; a single attack told by its
    doer still accuses it."""
    for text in (
        "The Ukrainian air force said on Wednesday that Russia launched 300 drones and 20 missiles"
        " overnight.",
        "Russia's defence ministry said Ukraine struck targets in the Belgorod region with at least 20 drones"
        " on Wednesday.",
        "The Ukrainian army said on Wednesday that Russian forces launched 12 assaults against its"
        " positions near Pokrovsk.",
    ):
        ex = run(extractor, text)
        assert not of_type(ex, "ACCUSE"), text
    ex = run(
        extractor,
        "The Ukrainian army said on Wednesday that Russian forces launched an assault on its positions near"
        " Pokrovsk.",
    )
    assert [refs(e)[1:] for e in of_type(ex, "ACCUSE")] == [["Q159"]]


def test_a_toll_told_in_a_strike_accuses_no_one(extractor: Extractor) -> None:
    """People killed or wounded "in" a strike: the verb tells the toll, the strike where it came from."""
    for text in (
        "Lebanon's army said two soldiers were wounded on Monday in an Israeli strike near the border.",
        "The Houthis said two of their commanders were killed in Israeli air strikes on Sanaa on Thursday.",
    ):
        ex = run(extractor, text)
        assert assaults(ex), text
        assert not of_type(ex, "ACCUSE"), text


def test_a_party_told_killing_in_a_strike_is_still_accused(extractor: Extractor) -> None:
    ex = run(extractor, "Lebanon's army said Israeli troops killed two soldiers in a strike on Monday.")
    accusations = [refs(e) for e in of_type(ex, "ACCUSE")]
    assert accusations and accusations[0][1:] == ["Q801"], accusations
