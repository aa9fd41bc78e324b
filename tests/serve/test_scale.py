"""What keeps the server fast on a large store, checked as behaviour (speed itself is in bench/):
map points as GeoJSON for a view, aggregates counted in the database, capped histories, small
pages, memoised aggregates, and `parley serve --workers N` running N processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.serve.test_api import assert_error

# The limit on an HTML page, checked here on the small test store.
PAGE_MAX_BYTES = 200_000

# Seconds a test waits for `parley serve --workers` to answer (each worker imports the app).
WORKERS_START_TIMEOUT_S = 60.0

# A view around Ukraine and western Russia, where every sample article's places lie.
UKRAINE_BBOX = "22,44,41,57"


def features(client: Any, query: str) -> list[dict[str, Any]]:
    """Return the features of /map.json for a query string, checking the GeoJSON envelope."""
    body = client.get(f"/map.json?{query}").json()
    assert body["type"] == "FeatureCollection"
    return list(body["features"])


@pytest.mark.spacy
class TestMapGeoJson:
    def test_points_are_geojson_inside_the_view(self, client: Any) -> None:
        feats = features(client, f"bbox={UKRAINE_BBOX}")
        assert feats
        west, south, east, north = (float(x) for x in UKRAINE_BBOX.split(","))
        for f in feats:
            assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
            lon, lat = f["geometry"]["coordinates"]
            assert west <= lon <= east and south <= lat <= north
            assert f["properties"]["count"] >= 1
            assert f["properties"]["kind"] in ("event", "claim")

    def test_a_view_elsewhere_is_empty(self, client: Any) -> None:
        body = client.get("/map.json?bbox=-80,-40,-60,-20").json()  # South America
        assert body["features"] == [] and body["totals"] == {"events": 0, "claims": 0}
        assert body["view"] == [-80, -40, -60, -20]

    def test_counts_agree_with_the_places_list(self, client: Any) -> None:
        """The map's per-place event counts, summed over modalities, are the places list's counts."""
        by_place: dict[str, int] = {}
        for f in features(client, ""):
            if f["properties"]["kind"] == "event":
                pid = f["properties"]["place_id"]
                by_place[pid] = by_place.get(pid, 0) + f["properties"]["count"]
        places = client.get("/api/places?limit=500").json()["items"]
        located = {p["id"]: p["events"] for p in places if p["lat"] is not None and p["events"]}
        assert by_place == located

    def test_filters_apply(self, client: Any) -> None:
        every = features(client, "")
        asserted = features(client, "modality=asserted")
        assert asserted and all(
            f["properties"]["modality"] == "asserted" for f in asserted if f["properties"]["kind"] == "event"
        )
        assert len([f for f in asserted if f["properties"]["kind"] == "event"]) <= len(
            [f for f in every if f["properties"]["kind"] == "event"]
        )
        one = next(f for f in every if f["properties"]["kind"] == "event")
        t = one["properties"]["top_type"]
        typed = features(client, f"type={t}&modality={one['properties']['modality']}")
        same = next(f for f in typed if f["id"] == one["id"])
        assert same["properties"]["types"] == {t: one["properties"]["types"][t]}

    @pytest.mark.parametrize(
        "bbox", ["1,2,3", "a,b,c,d", "10,0,0,10", "0,10,10,0", "0,-91,10,0", "-181,0,0,1"]
    )
    def test_a_bad_bbox_is_a_422(self, client: Any, bbox: str) -> None:
        assert_error(client.get(f"/map.json?bbox={bbox}"), 422, "invalid_parameter")

    def test_the_page_does_not_embed_points(self, client: Any) -> None:
        html = client.get("/map").text
        assert '"features"' not in html and "/static/map.js" in html


@pytest.mark.spacy
class TestAggregates:
    def test_timeline_density_counts_every_dated_event(self, client: Any) -> None:
        data = client.get("/timeline.json?limit=1").json()
        undated = client.get("/api/events?limit=500").json()["items"]
        n_undated = sum(1 for e in undated if not e["date"])
        assert sum(b["n"] for b in data["density"]) == data["paging"]["total"] - n_undated
        assert max(b["height"] for b in data["density"]) == 100.0
        bar = data["density"][0]
        month = client.get(bar["href"].replace("/timeline?", "/timeline.json?")).json()
        assert month["paging"]["total"] == bar["n"]
        assert all(e["date"].startswith(bar["period"]) for e in month["events"])

    def test_timeline_total_is_the_api_total(self, client: Any) -> None:
        for q in ("", "actor=Q159", "type=ASSAULT"):
            data = client.get(f"/timeline.json?{q}").json()
            assert data["paging"]["total"] == client.get(f"/api/events?{q}").json()["total"]

    def test_ledger_history_is_oldest_first_and_ends_in_the_status(self, client: Any) -> None:
        items = client.get("/api/claims?limit=500").json()["items"]
        assert items
        for c in items:
            h = c["history"]
            assert h and h[-1]["status"] == c["status"]
            dates = [s["since"] or "" for s in h]
            assert dates == sorted(dates)

    def test_tracker_cells_are_the_stance_histories(self, client: Any) -> None:
        from parley.story.views import GRID_HISTORY_MAX

        grid = client.get("/issues.json").json()
        assert grid["cells"]
        story = {
            (r["party"]["id"], r["issue"]): r
            for r in client.get("/api/story/issues?limit=500").json()["items"]
        }
        for cell in grid["cells"]:
            item = story[(cell["party_id"], cell["issue"])]
            assert cell["count"] == len(item["history"])
            assert len(cell["history"]) == min(cell["count"], GRID_HISTORY_MAX)
            assert cell["latest"]["id"] == item["position_id"] == cell["history"][0]["id"]
            assert cell["trend"] == item["trend"]

    def test_lists_rank_by_the_counts(self, client: Any) -> None:
        actors = client.get("/api/actors?limit=500").json()
        counts = [a["events"] for a in actors["items"]]
        assert counts == sorted(counts, reverse=True) and actors["total"] == len(actors["items"])
        ev = client.get("/api/events?actor=" + actors["items"][0]["id"]).json()["total"]
        assert ev == actors["items"][0]["events"]


@pytest.mark.spacy
@pytest.mark.parametrize(
    "path",
    ["/timeline", "/map", "/claims", "/issues", "/articles", "/actors", "/places", "/actors/Q159", "/story"],
)
def test_html_pages_stay_small(client: Any, path: str) -> None:
    resp = client.get(path)
    assert resp.status_code == 200
    assert len(resp.content) < PAGE_MAX_BYTES, f"{path}: {len(resp.content)} bytes"


@pytest.mark.spacy
def test_article_pages_stay_small(client: Any) -> None:
    for art in client.get("/api/articles?limit=500").json()["items"]:
        assert len(client.get(f"/articles/{art['id']}").content) < PAGE_MAX_BYTES


@pytest.mark.spacy
def test_memo_serves_the_old_value_while_refreshing(app: Any) -> None:
    """Past its TTL an aggregate is still served at once, and replaced by a background refresh."""
    st = app.state.parley
    calls: list[int] = []

    def compute(_conn: Any) -> int:
        calls.append(1)
        return len(calls)

    with st.engine.connect() as conn:
        assert st.memo("test counter", 0.0, compute, conn) == 1
        assert st.memo("test counter", 0.0, compute, conn) == 1  # stale: served, refresh started
        deadline = time.monotonic() + 10
        while len(calls) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        while "test counter" in st._refreshing and time.monotonic() < deadline:
            time.sleep(0.01)
        assert st.memo("test counter", 3600.0, compute, conn) == 2


def test_settings_cross_to_worker_processes(tmp_path: Path) -> None:
    """What `parley serve --workers` puts in the environment rebuilds the same settings."""
    from parley.config import Settings
    from parley.serve.app import settings_to_env

    settings = Settings(db=str(tmp_path / "x.db"), max_bytes=1234, respect_robots=False)
    assert Settings.from_env(settings_to_env(settings)) == settings


def _children(pid: int) -> list[int]:
    """Return the ids of the processes whose parent is ``pid`` (Linux /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _worker_count(pid: int) -> int:
    """Return how many of ``pid``'s children are uvicorn workers (multiprocessing spawns)."""
    n = 0
    for child in _children(pid):
        try:
            cmd = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        n += b"spawn_main" in cmd
    return n


@pytest.mark.spacy
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="counts processes through /proc")
def test_workers_start_n_processes(store_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "parley",
            "serve",
            "--db",
            str(store_path),
            "--port",
            str(port),
            "--workers",
            "3",
        ],
        env=env,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + WORKERS_START_TIMEOUT_S
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            assert time.monotonic() < deadline, "parley serve --workers 3 did not answer"
            time.sleep(0.2)
        while _worker_count(server.pid) < 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _worker_count(server.pid) == 3
        # Every worker reads the same store, read-only.
        for _ in range(6):
            assert httpx.get(f"http://127.0.0.1:{port}/api/ingest", timeout=5).status_code == 405
            assert httpx.get(f"http://127.0.0.1:{port}/map.json?bbox={UKRAINE_BBOX}", timeout=5).json()[
                "features"
            ]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.stderr is not None
    assert "3 processes" in server.stderr.read().decode()


@pytest.mark.spacy
@pytest.mark.parametrize("query", ["", "actor=Q159", "modality=asserted"])
def test_small_pages_cross_from_dated_to_undated_events(client: Any, query: str) -> None:
    """Dated and undated events are read apart; paging through them gives the one list, in order."""
    whole = client.get(f"/api/events?limit=500&{query}").json()
    assert any(e["date"] is None for e in whole["items"]) or query, "the store has no undated events"
    paged: list[int] = []
    for offset in range(0, whole["total"] + 3, 3):
        paged += [e["id"] for e in client.get(f"/api/events?limit=3&offset={offset}&{query}").json()["items"]]
    assert paged == [e["id"] for e in whole["items"]]
    dates = [e["date"] for e in whole["items"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates == dated + [None] * (len(dates) - len(dated))
