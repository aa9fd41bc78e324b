"""Ingest parses articles ahead in batches; what it stores is what one-by-one ingest stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parley import pipeline
from parley.config import Settings
from parley.extract.extractor import Extractor
from parley.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "src" / "parley" / "samples" / "corpus"
TABLES = ("articles", "duplicates", "events", "event_actors", "quotes", "claims", "positions", "story_events")


def _inputs(tmp_path: Path) -> list[str]:
    files = sorted(CORPUS.glob("*.txt"))[:4]
    folder = tmp_path / "in"
    folder.mkdir()
    out = []
    for i, f in enumerate(files):
        out.append(folder / f"{i}-{f.name}")
        out[-1].write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    copy = folder / "copy.txt"  # the same text under another name: an exact duplicate in the batch
    copy.write_text(files[0].read_text(encoding="utf-8"), encoding="utf-8")
    edited = folder / "edited.txt"  # a lightly edited re-publication: a near-duplicate
    edited.write_text(files[1].read_text(encoding="utf-8").replace(" the ", " the  ", 1) + "\nUpdated.\n")
    return [str(p) for p in [*out, copy, edited]]


def _content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchall() for t in TABLES}
        out["status"] = conn.execute("SELECT id, status, duplicate_of FROM articles ORDER BY id").fetchall()
        out["event_rows"] = conn.execute(
            "SELECT article_id, type, date, trigger FROM events ORDER BY id"
        ).fetchall()
    return out


@pytest.mark.slow
@pytest.mark.spacy
def test_parse_ahead_stores_what_one_by_one_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    extractor = Extractor(settings)
    specs = _inputs(tmp_path)
    results = {}
    default = pipeline.PARSE_AHEAD
    assert default > len(specs)  # every input in one batch
    for ahead in (default, 1):
        monkeypatch.setattr(pipeline, "PARSE_AHEAD", ahead)
        db = tmp_path / f"ahead{ahead}.db"
        with Store(str(db)) as store:
            report = pipeline.ingest(specs, store, settings, fmt="text", extractor=extractor)
        results[ahead] = (report.counts, _content(db))
    batched, single = results[default], results[1]
    assert batched == single
    assert batched[0]["stored"] == 4 and batched[0]["duplicate"] + batched[0]["near_duplicate"] == 2
    assert batched[1]["event_rows"]
