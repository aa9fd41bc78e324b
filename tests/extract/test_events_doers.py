"""An act made by saying or deciding (a charge, a threat, backing, a deal) needs the one who makes
it: when the clause's subject is one thing ("the statement blamed...", "the dismissal threatened
the deal") the party acted on alone is no event, while a subject that names a party the mentions
do not resolve ("the army", "who", "elders and officials") keeps it. Real spaCy pipeline, real knowledge
base; sentences written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import of_type, refs, run


def test_a_thing_as_subject_makes_no_charge_or_threat(extractor: Extractor) -> None:
    for text, kind in (
        ("The long statement blamed Hamas for the collapse of the ceasefire in Gaza on Wednesday.", "ACCUSE"),
        (
            "The dismissal of two ministers threatened the fragile peace deal with Hamas, observers said.",
            "THREATEN",
        ),
    ):
        ex = run(extractor, text)
        assert not of_type(ex, kind), (text, [refs(e) for e in of_type(ex, kind)])


def test_a_party_word_as_subject_keeps_the_charge(extractor: Extractor) -> None:
    for text in (
        "The army blamed Hamas for the collapse of the ceasefire in Gaza on Wednesday.",
        "Tribal elders and local officials blamed Hamas for the collapse of the truce in Gaza on Monday.",
    ):
        ex = run(extractor, text)
        assert Q_HAMAS in {r for e in of_type(ex, "ACCUSE") for r in refs(e)}, text


Q_HAMAS = "Q38799"
