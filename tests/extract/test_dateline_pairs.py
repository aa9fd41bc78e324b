"""A dateline may name two cities ("JERUSALEM/CAIRO (Agency) -"): both locate the reporters, so
neither city's state is a party to what the story reports (FORMAT.md: datelines locate the
reporter)."""

from __future__ import annotations

from datetime import date

from parley.extract.extractor import Extractor

PUB = date(2025, 3, 6)
BODY = (
    "{line} - The rebels said on Thursday that they had fired two missiles at a cargo ship, "
    "and Israel said its air defences had shot down a drone."
)


def parties(extractor: Extractor, line: str) -> set[str]:
    text = "Test headline for the story\n\n" + BODY.format(line=line)
    ex = extractor.extract_text(text, published=PUB, doc_id="t")
    return {a.name for a in ex.actors}


def test_a_dateline_of_two_cities_names_no_state(extractor: Extractor) -> None:
    assert "Egypt" not in parties(extractor, "JERUSALEM/CAIRO (Newswire)")
    assert "Egypt" not in parties(extractor, "CAIRO (Newswire)")
