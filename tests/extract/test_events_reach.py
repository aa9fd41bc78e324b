"""Events the rules used to miss or misread on real news, each pinned on a sentence written for the
test (real spaCy pipeline, real knowledge base): coordinated demonyms, datelines parsed as subjects,
weapons downed, dated attacks on unnamed targets, dated occasions, speech acts that are no event."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import PUB, day, of_type, refs, run


def test_clashes_between_coordinated_demonym_forces_are_an_attack_each_way(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Fierce clashes between Thai and Cambodian troops near the frontier went on through Saturday.",
    )
    sides = {tuple(refs(e)[:2]) for e in of_type(ex, "ASSAULT")}
    assert ("Q869", "Q424") in sides and ("Q424", "Q869") in sides


def test_a_dated_attack_on_an_unnamed_target_is_kept_an_undated_one_is_not(extractor: Extractor) -> None:
    dated = run(
        extractor,
        "Ukraine struck two fuel depots and a rail yard in the early hours of Saturday.",
    )
    assaults = of_type(dated, "ASSAULT")
    assert assaults and refs(assaults[0])[0] == "Q212" and day(assaults[0]) == "2025-12-06"
    passing = run(extractor, "Ukraine struck fuel depots and rail yards across the wider region.")
    assert not [e for e in of_type(passing, "ASSAULT") if len(e.actors) < 2 and e.place is None]


def test_a_dateline_parsed_as_a_subject_gives_way_to_the_real_subject(extractor: Extractor) -> None:
    text = (
        "Troops leave the border district as the truce holds\n"
        "BAKU, Azerbaijan — Azerbaijani troops withdrew from the northern town of Gakh on Thursday "
        "under the new border accord."
    )
    ex = extractor.extract_text(text, published=PUB, doc_id="t")
    retreats = of_type(ex, "RETREAT")
    assert retreats and refs(retreats[0]) == ["Q227"] and day(retreats[0]) == "2025-12-11"


def test_drones_shot_down_are_an_attack_by_their_owner_and_no_accusation(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Israeli air defences downed 35 Iranian drones above the south overnight, the Israeli military said.",
    )
    assaults = of_type(ex, "ASSAULT")
    assert assaults and refs(assaults[0])[0] == "Q794" and "Q801" in refs(assaults[0])
    assert assaults[0].mode == "drone"
    assert not of_type(ex, "ACCUSE"), "counting the drones it downed, a side accuses nobody"


def test_a_dated_press_conference_dates_what_is_done_at_it(extractor: Extractor) -> None:
    ex = run(extractor, "The Chinese foreign ministry spokesman used Tuesday's briefing to denounce Japan.")
    accusations = of_type(ex, "ACCUSE")
    assert accusations and day(accusations[0]) == "2025-12-09"


def test_a_present_perfect_act_takes_the_day_of_the_statement_reporting_it(extractor: Extractor) -> None:
    ex = run(extractor, "Qatar said on Saturday that Israel and Hamas have agreed to a new truce in Gaza.")
    agreements = of_type(ex, "AGREE")
    assert agreements and agreements[0].modality == "claimed" and day(agreements[0]) == "2025-12-06"


def test_summoning_an_ambassador_is_a_rebuke_of_the_envoys_state(extractor: Extractor) -> None:
    ex = run(
        extractor, "Poland summoned the Russian ambassador on Monday after drones crossed into its airspace."
    )
    rebukes = [e for e in of_type(ex, "ACCUSE") if e.mode == "disapprove"]
    assert rebukes and refs(rebukes[0])[:2] == ["Q36", "Q159"]


def test_a_side_telling_its_own_strike_accuses_nobody(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Israel carried out an air raid near Damascus on Tuesday, saying it killed an officer "
        "responsible for moving arms to Hezbollah.",
    )
    assert of_type(ex, "ASSAULT")
    assert not [e for e in of_type(ex, "ACCUSE") if refs(e)[:1] == ["Q801"]]


def test_a_question_put_to_a_leader_is_no_request(extractor: Extractor) -> None:
    ex = run(extractor, "When asked if Berlin had raised the matter with him, Zelenskyy said it had not.")
    assert not of_type(ex, "REQUEST")


def test_drones_of_no_named_side_downed_make_no_attack_by_the_places_they_flew_at(
    extractor: Extractor,
) -> None:
    ex = run(
        extractor,
        "Ukraine said it downed 60 drones aimed at nine regions, including Kyiv, and reported light damage.",
    )
    assert not [e for e in of_type(ex, "ASSAULT") if e.trigger == "downed"]
