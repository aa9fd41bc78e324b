"""What the event and claim tests read off one short text: the text is given a headline line and a
fixed publication date, so that "on Wednesday" and "overnight" resolve to fixed days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from parley.clean import clean
from parley.extract.context import ArticleContext, Component, run_components
from parley.extract.extractor import Extractor
from parley.model import ArticleMeta, Document, Event, Extraction, RawArticle

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


def context_after(body: str, components: Sequence[Component]) -> ArticleContext:
    """Return a claims test's text (headline line, CLAIMS_PUB) run through ``components``, for the
    tests of what the learned steps read from the context."""
    text = "A headline written for the test\n\n" + body
    doc = clean(RawArticle(source="t", kind="text", text=text, meta=ArticleMeta(published=CLAIMS_PUB)))
    assert isinstance(doc, Document)
    ctx = ArticleContext(doc, "t", doc.text, CLAIMS_PUB, Extractor().resources())
    run_components(components, ctx)
    return ctx
