"""One happening is one event however often it is retold, but an act told as one more of its kind
("another assault", "drones also struck") is a second happening. Real spaCy pipeline, real
knowledge base; every sentence written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import assaults, refs, run

FIRST = (
    "Russian forces attacked Ukrainian positions near Pokrovsk on Sunday night, the Ukrainian military said."
)


def test_a_plain_retelling_stays_one_event(extractor: Extractor) -> None:
    ex = run(
        extractor, FIRST + " The military later reported a Russian assault on Ukrainian units in the area."
    )
    russian = [e for e in assaults(ex) if refs(e)[0] == "Q159"]
    assert len(russian) == 1, [(e.trigger, refs(e)) for e in russian]


def test_another_assault_is_a_second_event(extractor: Extractor) -> None:
    ex = run(
        extractor,
        FIRST + " The military later reported another Russian assault on Ukrainian units in the area.",
    )
    russian = [e for e in assaults(ex) if refs(e)[0] == "Q159"]
    assert len(russian) == 2, [(e.trigger, refs(e)) for e in russian]
    assert {e.trigger for e in russian} == {"attacked", "assault"}


def test_a_strike_that_also_hit_is_a_second_event(extractor: Extractor) -> None:
    first = "The Sudanese army said its drones struck Rapid Support Forces positions in Nyala on Monday."
    plain = run(
        extractor,
        first + " Army drones struck Rapid Support Forces fighters, the army said in a later statement.",
    )
    also = run(
        extractor,
        first + " Army drones also struck Rapid Support Forces fighters, the army said in a later statement.",
    )
    assert len(assaults(plain)) == 1, [(e.trigger, refs(e)) for e in assaults(plain)]
    assert len(assaults(also)) == 2, [(e.trigger, refs(e)) for e in assaults(also)]
