"""The bundled sample corpus dates every event inside the period it covers (real pipeline).

The sample articles (``parley.samples.corpus_dir``) report on November 2025 – January 2026; an
event dated outside that window is a date read wrongly (a weekday counted from the wrong week,
a month without a year put in the wrong year), which the demo would then show on its timeline.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parley.clean import clean
from parley.extract.extractor import Extractor
from parley.ingest.text import text_article
from parley.model import Document
from parley.samples import corpus_dir

FIRST, LAST = date(2025, 11, 1), date(2026, 1, 31)
ARTICLES = sorted(corpus_dir().glob("*.txt"))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_the_sample_corpus_is_there() -> None:
    assert len(ARTICLES) >= 10


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_every_sample_event_is_dated_inside_the_corpus_period(extractor: Extractor, path: Path) -> None:
    article = text_article(path.read_bytes(), str(path), path=path)
    document = clean(article)
    assert isinstance(document, Document) and document.published is not None
    ex = extractor.extract_document(document, doc_id=path.stem)
    assert ex.events, "every sample article reports at least one event"
    outside = [
        (e.type, e.date.value.isoformat(), e.date.text)
        for e in ex.events
        if e.date is not None and not FIRST <= e.date.value <= LAST
    ]
    assert not outside
