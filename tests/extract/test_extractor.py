"""The whole extraction on real and odd input: record format, provenance, robustness."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.extract.extractor import Extractor
from parley.extract.record import to_record
from tests.conftest import DEV

SEED = DEV / "rferl-peace-talks-2025-12-29.txt"
PUBLISHED = date(2025, 12, 29)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_seed_article_gives_sourced_records(extractor: Extractor) -> None:
    raw = SEED.read_text(encoding="utf-8")
    ex = extractor.extract_text(raw, published=PUBLISHED, doc_id="seed")
    assert any(e.type == "CONSULT" and {a.id for a in e.actors} >= {"Q22686", "Q3874799"} for e in ex.events)
    # every quote's text is exactly the raw text at its offsets
    for q in ex.quotes:
        assert raw[q.start : q.end] == q.text
    assert any(
        q.text == "We're getting a lot closer, maybe very close" and q.speaker and q.speaker.id == "Q22686"
        for q in ex.quotes
    )
    # every record's evidence sentence holds its span
    for rec in (*ex.events, *ex.quotes, *ex.claims, *ex.positions):
        ev = rec.evidence
        assert ev.sentence_start <= ev.start <= ev.end <= ev.sentence_end <= len(raw) or not rec.evidence
    myrnohrad = [c for c in ex.claims if c.place and c.place.name == "Myrnohrad"]
    assert myrnohrad and myrnohrad[0].status == "disputed"


def test_extraction_is_deterministic(extractor: Extractor) -> None:
    raw = SEED.read_text(encoding="utf-8")
    a = to_record(extractor.extract_text(raw, published=PUBLISHED, doc_id="x"))
    b = to_record(extractor.extract_text(raw, published=PUBLISHED, doc_id="x"))
    assert a == b


def test_cli_prints_the_interchange_record() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "parley",
            "extract",
            str(SEED),
            "--published",
            "2025-12-29",
            "--format",
            "record",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert record["doc_id"] == SEED.stem and record["published"] == "2025-12-29"
    assert {"actors", "places", "events", "quotes", "claims", "positions"} <= set(record)
    assert any(p["name"] == "Pokrovsk" and abs(p["lat"] - 48.28) < 0.2 for p in record["places"])


def test_cli_rejects_a_bad_date_in_one_line(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "parley", "extract", str(SEED), "--published", "29/13/2025"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "29/13/2025" in out.stderr and "Traceback" not in out.stderr


ODD = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\"“”«»'‘’ \n", max_size=80),
    st.just("x" * 5000 + " said " + "y " * 3000),
    st.text(alphabet=st.sampled_from(list("Київ said Путин “Moscow” 12 December. \n")), max_size=200),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ODD)
def test_never_crashes_on_odd_text(extractor: Extractor, text: str) -> None:
    ex = extractor.extract_text(text, published=PUBLISHED, doc_id="odd")
    record = to_record(ex)
    json.dumps(record)
    for q in ex.quotes:
        assert 0 <= q.start <= q.end <= len(text)
