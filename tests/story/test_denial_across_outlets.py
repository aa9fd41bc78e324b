"""A denial in one outlet disputes the capture another outlet reported (real pipeline, real SQLite).

Three short reports written for the test (tests/fixtures/story_denial): one outlet tells that
Russia's Defence Ministry claimed Huliaipole; a second, a day later, that Ukraine's General Staff
said its units still held the town, "rejecting a claim by the Russian Defence Ministry that the
town had fallen" (it never repeats the verb "captured"); a third is about something else on the
same days. The ledger must hold one capture entry, disputed by Ukraine in the second report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parley.config import Settings
from parley.pipeline import ingest
from parley.store import Store, queries
from parley.story import views

pytestmark = pytest.mark.spacy

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "story_denial"
Built = tuple[list[dict[str, Any]], dict[str, str]]  # ledger entries, article id -> file stem


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Return the ledger entries and article id -> file stem after ingesting the three reports."""
    from parley.extract.extractor import Extractor

    path = str(tmp_path_factory.mktemp("denial") / "story.db")
    settings = Settings(db=path)
    with Store(path) as store:
        files = sorted(str(p) for p in FIXTURES.glob("*.txt"))
        report = ingest(files, store, settings, extractor=Extractor(settings))
        assert report.counts["stored"] == 3
        stems = {a["id"]: Path(a["location"]).stem for a in queries.articles(store.engine)}
        entries = views.claims(store.engine)
    return entries, stems


def _captures(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in entries if e["kind"] == "capture"]


def test_the_capture_is_one_entry_told_by_both_outlets(ledger: Built) -> None:
    entries, stems = ledger
    (entry,) = _captures(entries)
    assert entry["place"]["name"] in ("Hulyaypole", "Huliaipole")
    assert entry["claimant"]["id"] == "Q159"
    assert sorted(stems[s] for s in entry["sources"]) == [
        "2025-11-19-huliaipole-claim",
        "2025-11-20-huliaipole-general-staff",
    ]


def test_the_general_staffs_rejection_disputes_the_claim(ledger: Built) -> None:
    entries, stems = ledger
    (entry,) = _captures(entries)
    assert entry["status"] == "disputed"
    assert [d["id"] for d in entry["disputed_by"]] == ["Q212"]
    history = [(h["status"], h["since"], stems[h["article_id"]]) for h in entry["history"]]
    assert history == [
        ("claimed", "2025-11-19", "2025-11-19-huliaipole-claim"),
        ("disputed", "2025-11-20", "2025-11-20-huliaipole-general-staff"),
    ]


def test_the_unrelated_report_adds_nothing_to_the_capture(ledger: Built) -> None:
    entries, stems = ledger
    unrelated = [e for e in entries if "2025-11-20-grain-corridor-talks" in {stems[s] for s in e["sources"]}]
    assert not [e for e in unrelated if e["kind"] == "capture"]
