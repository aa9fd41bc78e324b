"""A run of acts told with an adverb of frequency ("repeatedly", "almost every day") and no day
fixed is an aggregate, not one happening (FORMAT.md granularity): no event. The same act told
once, dated, stays an event. Real spaCy pipeline, real knowledge base; sentences written for the
test."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import of_type, run


def test_an_act_told_as_repeated_is_no_event(extractor: Extractor) -> None:
    for kind, text in (
        ("ACCUSE", "Kenya repeatedly criticised Haiti for the slow pace of the promised reforms."),
        ("ASSAULT", "The Houthis were firing missiles at Israel almost every day during the summer months."),
    ):
        assert not of_type(run(extractor, text), kind), text


def test_the_same_act_told_once_is_an_event(extractor: Extractor) -> None:
    for kind, text in (
        ("ACCUSE", "Kenya criticised Haiti on Tuesday for the slow pace of the promised reforms."),
        ("ASSAULT", "The Houthis fired missiles at Israel on Wednesday, the Israeli army said."),
    ):
        assert of_type(run(extractor, text), kind), text
