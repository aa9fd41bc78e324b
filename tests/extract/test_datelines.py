"""One dateline recogniser (extract/datelines.py) for every step that must skip a dateline: the
body's mentions, places, quote speakers and event dates. A dateline locates the reporter and
dates the filing, not the story (FORMAT.md), so no party is read from it."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.datelines import dateline_spans, in_dateline
from parley.extract.extractor import Extractor


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("KYIV, Dec 5 (Reuters) - Russia launched drones at the capital overnight, officials said.", "KYIV"),
        ("TIKRIT (Iraq) (AFP) – A local commander said his fighters had left the town.", "TIKRIT"),
        ("Basra, INA – The provincial council said the new water plant would open soon.", "Basra"),
        ("October 3, 2025 – Government troops have retaken the hill town after a siege.", "October"),
        ("Asmara, 15 November 2025 - The minister accused the neighbouring government.", "Asmara"),
    ],
)
def test_a_paragraph_opening_of_place_words_agency_or_date_before_a_dash_is_a_dateline(
    text: str, opening: str
) -> None:
    spans = dateline_spans(text)
    assert len(spans) == 1 and spans[0][0] == 0
    assert text[spans[0][0] : spans[0][1]].startswith(opening)
    assert in_dateline(text, 0, len(opening))
    assert not in_dateline(text, spans[0][1], spans[0][1] + 3)  # the story itself is no dateline


@pytest.mark.parametrize(
    "text",
    [
        "On Dec 5 - a day of heavy fighting - Russia launched drones at the capital, they said.",
        "Kall -- co-editor of the weekly paper -- said the council had met in secret on Friday.",
        "The Syrian Observatory for Human Rights — a monitor based in Britain — gave the toll.",
        "Ukraine's President Volodymyr Zelensky — speaking in Kyiv — asked for more air defence.",
        "- Local authorities accused the army of shelling two villages near the border overnight.",
        "Officials said the talks ended on Dec 5 – and no new round has been set since then.",
    ],
)
def test_an_aside_between_dashes_a_bullet_or_a_sentence_is_no_dateline(text: str) -> None:
    assert dateline_spans(text) == ()


def test_the_agency_of_a_dateline_with_a_bracketed_country_is_no_party(extractor: Extractor) -> None:
    text = (
        "Test headline for the story\n\n"
        "QAMISHLI (Syria) (AFP) – Syrian Kurdish commander Ferhat Darwish has announced to the agency "
        'that he had reached a "preliminary agreement" with Damascus on merging his fighters into the army.'
    )
    ex = extractor.extract_text(text, published=date(2025, 10, 14), doc_id="t")
    parties = {a.name for e in ex.events for a in e.actors} | {c.claimant.name for c in ex.claims}
    assert "Agence France-Presse" not in parties  # the agency that filed the report
    assert "Ferhat Darwish" in {c.claimant.name for c in ex.claims}


def test_the_map_reads_a_place_opening_that_the_record_does_not_skip() -> None:
    """A wire place run into the first sentence without a dash is a place on the toponym map
    (dateline_places) but not a dateline the record skips: the sentence is the story's own."""
    from parley.extract.datelines import dateline_places

    text = "SAN DIEGO Harbour officials said the pier would reopen on Monday after repairs.\n"
    assert [text[s:e] for s, e in dateline_places(text)] == ["SAN DIEGO"]
    assert dateline_spans(text) == ()
    dashed = "KYIV, Dec 5 (Reuters) - Russia launched drones at the capital overnight, officials said."
    assert [dashed[s:e] for s, e in dateline_places(dashed)] == ["KYIV"]
    assert in_dateline(dashed, 0, 4)
    assert dateline_places("Officials said on Monday that the pier would reopen soon.") == []
