"""The one who condemns or blames an act did not do it: an attack named in the object of a verb of
blame ("Hamas condemned the attacks", "Kyiv criticised the seizure of the town") does not take
the verb's subject as its doer, as a light verb's object does ("Russia launched an attack").
Real spaCy pipeline, real knowledge base; every sentence written for the test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import assaults, refs, run


def test_the_condemner_is_not_the_attacker(extractor: Extractor) -> None:
    for text, judge in (
        ("Hamas condemned Israel on Tuesday for escalating attacks in Gaza after the agreement.", "Q38799"),
        ("The United States criticized the seizure of the city as a breach of the peace deal.", "Q30"),
    ):
        ex = run(extractor, text)
        assert all(refs(e)[:1] != [judge] for e in assaults(ex)), text


def test_a_light_verb_still_gives_its_subject_as_the_attacker(extractor: Extractor) -> None:
    ex = run(extractor, "Russia launched a large missile attack on Kyiv on Tuesday, officials said.")
    assert [refs(e)[:1] for e in assaults(ex)] == [["Q159"]]
