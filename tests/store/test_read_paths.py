"""The API's read paths on a synthetic store large enough that ledger entries have many reports.

Lists of ledger entries carry each entry's newest reports and status steps only; these tests
check that what is left out is only older evidence: the same entries, statuses, deniers and
sources as the full read, counts of what was left out, and the full entry at its own URL. They
also check the search ranking that builds snippets for the page only, and the issue grid built
from one prepared statement, against plain reads of the same tables.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import bench_api

# 200 synthetic articles: 100 claims folded into ledger entries of up to ~8 reports each.
EVENTS = 4_000


@pytest.fixture
def store(db_url: str) -> str:
    bench_api.build_store(db_url, EVENTS)
    bench_api.build_story(db_url)
    return db_url


def _engine(db: str) -> Any:
    from parley.store.db import make_engine

    return make_engine(db, read_only=True)


def test_ledger_lists_page_the_evidence_and_keep_the_entries(store: str) -> None:
    from parley.store import views
    from parley.store.story import LedgerFilter, ledger_rows

    engine = _engine(store)
    try:
        with engine.connect() as conn:
            full = ledger_rows(conn, LedgerFilter())
            items, total = views.ledger(conn, views.Filters(), views.Page(limit=500))
            assert total == len(items) == len(full) > 0
            assert any(len(r["evidence"]) > views.LIST_EVIDENCE_MAX for r in full)  # paging happens
            for item, row in zip(items, full, strict=True):
                assert (item["id"], item["status"], item["claimant"]) == (
                    row["id"],
                    row["status"],
                    row["claimant"],
                )
                assert item["disputed_by"] == row["disputed_by"] and item["sources"] == row["sources"]
                assert item["evidence_count"] == len(row["evidence"]) == row["source_count"]
                assert item["history_count"] == len(row["history"])
                assert item["evidence"] == row["evidence"][-views.LIST_EVIDENCE_MAX :]
                assert item["history"] == row["history"][-views.LIST_HISTORY_MAX :]
                assert item["history"][-1]["status"] == item["status"]
            longest = max(full, key=lambda r: len(r["evidence"]))
            entry = views.ledger_entry(conn, longest["id"])
            assert entry is not None
            assert entry["evidence"] == longest["evidence"] and entry["history"] == longest["history"]
            assert views.ledger_entry(conn, 10**9) is None
            # The export keeps every status step, as `parley claims` prints them.
            rows = next(views.export(conn, "claims", views.Filters(), 1000, 1000))
            by_id = {r["id"]: r for r in rows}
            assert by_id[longest["id"]]["history"].count("→") == len(longest["history"]) - 1
    finally:
        engine.dispose()


def test_search_ranks_the_page_then_builds_its_snippets(store: str) -> None:
    from sqlalchemy import text

    from parley.store import views

    engine = _engine(store)
    try:
        with engine.connect() as conn:
            page1, total = views.articles(conn, views.Filters(q="ceasefire envoy"), views.Page(limit=10))
            page2, _ = views.articles(
                conn, views.Filters(q="ceasefire envoy"), views.Page(limit=10, offset=10)
            )
            assert total > 20 and len(page1) == len(page2) == 10
            assert not {r["id"] for r in page1} & {r["id"] for r in page2}
            assert all(r["snippet"] and views.SNIPPET_OPEN in r["snippet"] for r in page1 + page2)
            if conn.dialect.name == "sqlite":
                # The same order as ranking every match in one plain query.
                plain = conn.execute(
                    text(
                        "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                        "WHERE articles_fts MATCH :m ORDER BY bm25(articles_fts), articles_fts.rowid LIMIT 20"
                    ),
                    {"m": views.fts_query("ceasefire envoy")},
                ).scalars()
                assert [r["id"] for r in page1 + page2] == list(plain)
    finally:
        engine.dispose()


@pytest.mark.parametrize("issue", [None, "ceasefire"])
def test_issue_grid_histories_are_each_cells_newest(store: str, issue: str | None) -> None:
    from sqlalchemy import select

    from parley.store import schema_story as s
    from parley.store.story import issue_rows

    engine = _engine(store)
    sh = s.stance_history.c
    try:
        with engine.connect() as conn:
            capped = issue_rows(conn, issue=issue, history_max=3)
            assert capped
            for row in capped:
                q = select(sh.position_id).where(
                    sh.party_side == row["party"]["id"], sh.issue == row["issue"]
                )
                every = sorted(conn.execute(q).scalars())
                assert row["stance_count"] == len(every)
                assert [h["position_id"] for h in row["history"]] == every[-3:]  # ids grow with the date here
                assert issue is None or row["issue"] == issue
    finally:
        engine.dispose()
