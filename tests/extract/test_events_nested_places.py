"""A happening told at two levels, a village and then the region it lies in (or the other way
round), is one event with the village as its place; a town of another region is another
happening. Real spaCy pipeline, real gazetteer; every sentence written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import assaults, refs, run

REGION = (
    "Russian forces captured a village in Ukraine's Donetsk region, "
    "the Russian Defence Ministry said on Wednesday."
)


def test_a_village_and_its_region_are_one_capture(extractor: Extractor) -> None:
    ex = run(
        extractor,
        REGION + " The ministry said its troops had taken control of Kurakhove after heavy fighting.",
    )
    russian = [e for e in assaults(ex) if refs(e)[0] == "Q159"]
    assert len(russian) == 1, [(e.trigger, e.place) for e in russian]
    assert russian[0].place is not None and russian[0].place.feature.startswith("P.")


def test_a_town_of_another_region_is_another_capture(extractor: Extractor) -> None:
    ex = run(
        extractor,
        REGION + " The ministry said its troops had taken control of Kupiansk after heavy fighting.",
    )
    russian = [e for e in assaults(ex) if refs(e)[0] == "Q159"]
    assert len(russian) == 2, [(e.trigger, e.place) for e in russian]
