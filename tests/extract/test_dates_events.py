"""Which day an event takes from the statement that reports it: a present perfect agreement is
done on the day it is announced, but a capture a party reports in the perfect may be days old,
and an act in the past perfect came before the moment the sentence tells. Sentences written for
the test; real spaCy pipeline and knowledge base."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.extractor import Extractor
from parley.model import Event, Extraction

PUB = date(2025, 12, 12)  # a Friday; "on Wednesday" is 2025-12-10


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, body: str) -> Extraction:
    return extractor.extract_text("Test headline for the story\n\n" + body, published=PUB, doc_id="t")


def of_type(ex: Extraction, kind: str) -> list[Event]:
    return [e for e in ex.events if e.type == kind]


def day(e: Event) -> str | None:
    return e.date.value.isoformat() if e.date and e.date.value else None


def test_a_capture_a_party_reports_in_the_perfect_keeps_no_statement_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russian troops have captured the village of Kurakhove in eastern Ukraine, the Russian "
        "Defence Ministry said on Wednesday.",
    )
    captures = of_type(ex, "ASSAULT")
    assert captures and all(e.modality == "claimed" and day(e) is None for e in captures)


def test_an_agreement_a_party_reports_in_the_perfect_takes_the_statement_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Qatar said on Wednesday that Israel and Hamas have accepted the proposed truce for the "
        "besieged enclave.",
    )
    assert [day(e) for e in of_type(ex, "AGREE")] == ["2025-12-10"]


def test_an_act_in_the_past_perfect_keeps_no_day_of_the_sentence(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The French president revealed on Wednesday that he and Zelensky had spoken with Witkoff "
        "by phone before the summit.",
    )
    calls = [e for e in of_type(ex, "CONSULT") if e.mode == "phone"]
    assert calls and all(day(e) is None for e in calls)


@pytest.mark.parametrize(
    ("verb", "expected"),
    [("spoke", "2025-12-10"), ("had spoken", None)],
)
def test_the_day_of_a_paragraph_dates_a_simple_past_act_but_not_a_past_perfect_one(
    extractor: Extractor, verb: str, expected: str | None
) -> None:
    ex = run(
        extractor,
        f"On Wednesday the French president arrived in Kyiv by train. He {verb} with Witkoff by "
        "phone about the peace plan before meeting Zelensky.",
    )
    calls = [e for e in of_type(ex, "CONSULT") if e.mode == "phone"]
    assert [day(e) for e in calls] == [expected]
