"""What the event and claim tests read off one short text: the text is given a headline line and a
fixed publication date, so that "on Wednesday" and "overnight" resolve to fixed days."""

from __future__ import annotations

from datetime import date

from parley.extract.extractor import Extractor
from parley.model import Event, Extraction

PUB = date(2025, 12, 12)  # a Friday; "on Wednesday" is 2025-12-10


def run(extractor: Extractor, body: str) -> Extraction:
    return extractor.extract_text("Test headline for the story\n\n" + body, published=PUB, doc_id="t")


def of_type(ex: Extraction, kind: str) -> list[Event]:
    return [e for e in ex.events if e.type == kind]


def assaults(ex: Extraction) -> list[Event]:
    return of_type(ex, "ASSAULT")


def refs(e: Event) -> list[str]:
    return [a.ref for a in e.actors]


def day(e: Event) -> str | None:
    return e.date.value.isoformat() if e.date and e.date.value else None


CLAIMS_PUB = date(2025, 11, 20)  # a Thursday, the day of the claims tests' stories


def run_claims(extractor: Extractor, body: str) -> Extraction:
    """Extract a claims test's text: its own headline line and publication day."""
    return extractor.extract_text(
        "A headline written for the test\n\n" + body, published=CLAIMS_PUB, doc_id="t"
    )
