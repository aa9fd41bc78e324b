"""An organisation the knowledge base does not know, named as the source, speaks by its own name
(issue #12): not the state its demonym, its description or a nearby sentence names. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.test_quotes import LATVIA, POLAND, TABLE, run, speaker_of

pytestmark = pytest.mark.spacy


def test_an_outlet_named_with_a_demonym_is_the_outlet_not_the_state(nlp):
    TABLE["Latvian"] = ("actor", LATVIA)  # a demonym is a mention of its state, as the pipeline makes it
    try:
        qs = run(
            nlp,
            "Talks on the new border crossing stalled again on Monday, the English-language Latvian "
            "Observer reported.",
        )
    finally:
        del TABLE["Latvian"]
    speaker = qs[0].speaker if qs else None
    assert speaker is not None and speaker != LATVIA
    assert speaker.name == "Latvian Observer" and speaker.kind == "organization"


def test_a_company_described_by_its_country_is_the_company(nlp):
    qs = run(
        nlp,
        "Russian drones struck multiple power plants in several regions of Poland, Polvolt, the largest "
        "private energy company in Poland, said.",
    )
    speaker = qs[0].speaker if qs else None
    assert speaker is not None and speaker != POLAND and speaker.name == "Polvolt"


def test_an_acronym_the_knowledge_base_does_not_know_is_a_body(nlp):
    text = (
        "Poland reopened two border crossings on Sunday after a week of clashes nearby.\n\n"
        "KTN reported on Monday that the crossings had been closed again by the evening."
    )
    qs = run(nlp, text)
    speaker = speaker_of(qs, "the crossings had been closed again by the evening")
    assert speaker is not None and speaker != POLAND and speaker.name == "KTN"


def test_an_outlet_on_a_platform_is_named_without_the_platform(nlp):
    qs = run(nlp, "The Vesti Telegram channel said the bridge near the Latvian border had been closed.")
    speaker = speaker_of(qs, "the bridge near the Latvian border had been closed")
    assert speaker is not None and speaker.name == "Vesti"


def test_a_ministry_of_a_state_still_speaks_for_the_state(nlp):
    qs = run(nlp, "The Polish Foreign Ministry said the convoy had crossed into Latvia overnight.")
    assert speaker_of(qs, "the convoy had crossed into Latvia overnight") == POLAND


def test_an_acronym_after_an_indefinite_article_is_a_kind_not_a_name(nlp):
    qs = run(nlp, "An NGO working near the border said the crossing into Latvia had been closed overnight.")
    speaker = speaker_of(qs, "the crossing into Latvia had been closed overnight") if qs else None
    assert speaker is None or speaker.name != "NGO"
