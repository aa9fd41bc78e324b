"""Whose account an act is: acts told inside a party's words are that party's claim, not fact.

Each rule is pinned on sentences written for the test (real spaCy pipeline, real knowledge base).
Showing one side's account as fact is the error Parley's users are hurt by most.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.extractor import Extractor
from parley.model import Extraction

PUB = date(2025, 11, 20)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def assaults(extractor: Extractor, body: str) -> list[tuple[list[str], str]]:
    ex: Extraction = extractor.extract_text(
        "Test headline for the story\n\n" + body, published=PUB, doc_id="t"
    )
    return [([a.ref for a in e.actors], e.modality) for e in ex.events if e.type == "ASSAULT"]


def test_the_content_of_a_claim_noun_is_claimed(extractor: Extractor) -> None:
    found = assaults(
        extractor,
        "Kyiv could not independently verify the claim that Russian forces had attacked the city of Sumy "
        "with drones on Monday.",
    )
    assert found and all(modality == "claimed" for _, modality in found)


def test_denied_reports_of_an_attack_make_no_attack_shown_as_fact(extractor: Extractor) -> None:
    found = assaults(
        extractor,
        "Russia denied reports that its troops had attacked the village of Kupiansk "
        "in the Kharkiv region on Monday.",
    )
    assert not [f for f in found if f[1] == "asserted"]


def test_said_the_next_day_that_still_governs_the_reported_clause(extractor: Extractor) -> None:
    found = assaults(
        extractor,
        "A Ukrainian security official said the next day that naval drones operated by "
        "the Ukrainian navy had struck two Russian tankers near Novorossiysk.",
    )
    assert found and all(modality == "claimed" for _, modality in found)


def test_would_in_a_reported_clause_is_a_plan(extractor: Extractor) -> None:
    found = assaults(
        extractor,
        "Vladimir Putin said on Tuesday that Russia would step up its strikes "
        "on Ukrainian ports in the Odesa region.",
    )
    assert found and all(modality == "planned" for _, modality in found)


def test_the_second_sentence_of_a_direct_quote_is_the_speakers_account(extractor: Extractor) -> None:
    found = assaults(
        extractor,
        '"We will defend our land and we will not give up," the Ukrainian army said in a statement. '
        '"Russian troops shelled the city of Kherson overnight and wounded two people."',
    )
    shelled = [f for f in found if f[0][:1] == ["Q159"]]
    assert shelled and all(modality == "claimed" for _, modality in shelled)


def test_a_sentence_that_adds_to_an_attributed_one_continues_the_account(extractor: Extractor) -> None:
    found = assaults(
        extractor,
        "According to the Ukrainian air force, Russia launched sixty drones at Kharkiv overnight. "
        "Russian forces also struck a power station in the city of Sumy, causing outages.",
    )
    assert len(found) >= 2 and all(modality == "claimed" for _, modality in found)


def test_a_new_paragraph_is_not_the_previous_account(extractor: Extractor) -> None:
    found = assaults(
        extractor,
        "According to the Ukrainian air force, Russia launched sixty drones at Kharkiv overnight.\n\n"
        "Russian forces also struck a power station in the city of Sumy, causing outages.",
    )
    assert ("asserted" in [modality for _, modality in found]) and ("claimed" in [m for _, m in found])


def test_the_speaker_named_again_as_subject_tells_what_it_did(extractor: Extractor) -> None:
    found = assaults(
        extractor,
        "Israel said the remains returned on Monday belonged to a hostage. "
        "The military also struck Hamas positions in the city of Rafah on Tuesday.",
    )
    assert found and all(modality == "asserted" for _, modality in found)


def test_a_headline_summing_up_a_partys_report_is_that_partys_claim(extractor: Extractor) -> None:
    # a section label on the first line, the title on the second (as scraped pages often give them)
    ex = extractor.extract_text(
        "World\nRussia launches massive drone attack on Ukraine's power grid\n"
        "Russia's defence ministry said on Wednesday that its forces had struck energy facilities across "
        "Ukraine with missiles and drones overnight.",
        published=PUB,
        doc_id="t",
    )
    found = [(e.evidence.start, e.modality) for e in ex.events if e.type == "ASSAULT"]
    in_title = [m for start, m in found if start < 66]
    assert in_title and all(m == "claimed" for m in in_title)


def test_a_headline_attack_the_body_reports_as_fact_stays_asserted(extractor: Extractor) -> None:
    ex = extractor.extract_text(
        "World\nRussia launches massive drone attack on Ukraine's power grid\n"
        "Russian missiles and drones struck energy facilities across Ukraine overnight, cutting power "
        "to thousands of homes in the east.",
        published=PUB,
        doc_id="t",
    )
    found = [(e.evidence.start, e.modality) for e in ex.events if e.type == "ASSAULT"]
    in_title = [m for start, m in found if start < 66]
    assert in_title and all(m == "asserted" for m in in_title)


def test_an_act_the_outlet_could_not_verify_is_a_claim(extractor: Extractor) -> None:
    doubted = assaults(
        extractor,
        "Russian troops shelled the city of Kherson overnight, wounding two people. "
        "The report could not be independently verified.",
    )
    assert doubted and all(modality == "claimed" for _, modality in doubted)
    checked = assaults(
        extractor,
        "Russian troops shelled the city of Kherson overnight, wounding two people. "
        "Officials confirmed the toll on Tuesday.",
    )
    assert checked and all(modality == "asserted" for _, modality in checked)


BRIEFING = (
    "Briefing by the Foreign Ministry spokeswoman on the situation along the border.\n\n"
    "{first}Ukrainian forces shelled the town of Shebekino in the Belgorod region on Monday night.\n\n"
    "{second}Another civilian was wounded when a drone hit a car near the village."
)


@pytest.mark.parametrize(
    ("first", "second", "modality"),
    [
        (
            "I will cite a few facts about the situation. ",
            "We learned of these attacks with deep sadness. ",
            "claimed",
        ),
        ("", "", "asserted"),
    ],
)
def test_a_text_narrated_in_the_first_person_is_its_author_s_account(
    extractor: Extractor, first: str, second: str, modality: str
) -> None:
    found = assaults(extractor, BRIEFING.format(first=first, second=second))
    assert found and all(m == modality for refs, m in found if refs[:1] == ["Q212"])
    assert any(refs[:1] == ["Q212"] for refs, _ in found)
