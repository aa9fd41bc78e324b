"""One read model: the CLI, the Python API and the HTTP API show the same claim ledger and tracker.

The story tables (``claim_ledger``, ``stance_history``, ``issue_stances``) are the one source of the
claim ledger and the issue tracker. This test reads the session store (built by the real pipeline
from sample articles) three ways — ``parley claims|issues --json`` run as a process, the Python
functions, and a real HTTP server — and asserts the same entries, statuses, histories and trends.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.spacy


def _cli(*args: str) -> Any:
    """Run ``parley ARGS`` as a user does (its own process) and return its parsed JSON output."""
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out = subprocess.run(
        [sys.executable, "-m", "parley", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout)


def _claim_view(c: dict[str, Any]) -> tuple[Any, ...]:
    """Return what a reader compares of a ledger entry: who, what, status, deniers and its history."""
    return (
        c["id"],
        c["claimant"]["id"],
        c["subject"],
        c["status"],
        tuple(sorted(d["id"] for d in c["disputed_by"])),
        tuple((h["status"], h["since"], h["article_id"]) for h in c["history"]),
        tuple(c["sources"]),
    )


def _http(base: str, path: str) -> Any:
    r = httpx.get(base + path, timeout=30)
    r.raise_for_status()
    return r.json()


def test_cli_python_and_http_show_the_same_ledger(store_path: Path, live_url: str, app: Any) -> None:
    from parley.serve.exports import flatten
    from parley.store import views as api_views
    from parley.story import views
    from parley.story.brief import brief

    engine = app.state.parley.engine
    cli = _cli("claims", "--json", "--db", str(store_path))
    python = views.claims(engine)
    http = _http(live_url, "/api/claims?limit=500")
    assert http["total"] == len(http["items"]) == len(cli) == len(python) > 0
    expected = [_claim_view(c) for c in python]
    assert [_claim_view(c) for c in cli] == expected
    assert [_claim_view(c) for c in http["items"]] == expected
    assert [_claim_view(c) for c in _http(live_url, "/api/story/ledger?limit=500")["items"]] == expected
    assert [_claim_view(c) for c in _http(live_url, "/claims.json?limit=500")["claims"]] == expected
    # Every entry's status is the last step of its history, wherever it is read.
    assert all(c["history"] and c["history"][-1]["status"] == c["status"] for c in python)

    # A status filter keeps the same entries through each door.
    status = python[0]["status"]
    by_status = [c["id"] for c in python if c["status"] == status]
    assert [
        c["id"] for c in _cli("claims", "--json", "--status", status, "--db", str(store_path))
    ] == by_status
    assert [c["id"] for c in _http(live_url, f"/api/claims?status={status}&limit=500")["items"]] == by_status

    # The export and the brief list the same entries with the same statuses.
    lines = httpx.get(f"{live_url}/api/export/claims?format=jsonl", timeout=30).text.splitlines()
    exported = [json.loads(x) for x in lines]
    assert [(r["id"], r["status"]) for r in exported] == [(c["id"], c["status"]) for c in python]
    with engine.connect() as conn:
        rows = next(api_views.export(conn, "claims", api_views.Filters(), 1000, 1000))
    assert [flatten(r)["status"] for r in rows] == [c["status"] for c in python]
    b = brief(engine, date(1900, 1, 1))
    assert len(b.claims) == len(python)
    for line, c in zip(b.claims, python, strict=True):
        assert line.text.startswith(c["subject"]) and line.sources == c["sources"]
        assert c["history"][-1]["status"] in line.text


def test_cli_python_and_http_show_the_same_trends(store_path: Path, live_url: str, app: Any) -> None:
    from parley.story import views
    from parley.story.tracker import TRENDS, trend

    engine = app.state.parley.engine

    def cells(items: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[Any, ...]]:
        return {
            (r["party"]["id"], r["issue"]): (r["position_id"], r["stance"], r["trend"], r["stance_count"])
            for r in items
        }

    python = views.issues(engine)
    assert python, "the session store has stances"
    expected = cells(python)
    assert cells(_cli("issues", "--json", "--db", str(store_path))) == expected
    assert cells(_http(live_url, "/api/story/issues?limit=500")["items"]) == expected
    for grid in (_http(live_url, "/api/issues"), _http(live_url, "/issues.json")):
        got = {
            (c["party_id"], c["issue"]): (c["latest"]["id"], c["latest"]["stance"], c["trend"], c["count"])
            for c in grid["cells"]
        }
        assert got == expected
    # The trend is the tracker's one definition applied to the stored history.
    for r in python:
        assert r["trend"] in TRENDS and r["stance_count"] == len(r["history"])
        assert r["trend"] == trend([(h["stance"], h["polarity"]) for h in r["history"]])


def test_a_ledger_entry_has_its_own_url_with_every_report(live_url: str, app: Any) -> None:
    from parley.story import views

    python = views.claims(app.state.parley.engine)
    listed = {c["id"]: c for c in _http(live_url, "/api/claims?limit=500")["items"]}
    for c in python:
        full = _http(live_url, f"/api/claims/{c['id']}")
        assert _claim_view(full) == _claim_view(c)
        assert full["evidence"] == c["evidence"] and full["evidence_count"] == len(c["evidence"])
        item = listed[c["id"]]
        assert item["evidence_count"] == len(c["evidence"]) and item["history_count"] == len(c["history"])
        assert item["evidence"] == c["evidence"][-len(item["evidence"]) :]
    r = httpx.get(f"{live_url}/api/claims/999999999", timeout=30)
    assert r.status_code == 404 and r.json()["error"]["status"] == 404
