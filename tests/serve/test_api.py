"""Routes of the JSON API on a store built by the real pipeline (TestClient: no sockets needed)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

ERROR_KEYS = {"status", "code", "message", "details"}


def assert_error(resp: Any, status: int, code: str) -> dict[str, Any]:
    """Check that a response has the one error shape with this status and code; return its body."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], list)
    return body["error"]


@pytest.mark.spacy
class TestErrorShape:
    """Every kind of failure answers the same JSON shape (pinned)."""

    def test_the_shape_is_pinned(self, client: Any) -> None:
        body = client.get("/api/events/999999").json()
        assert body == {
            "error": {
                "status": 404,
                "code": "not_found",
                "message": "no event 999999 in this store",
                "details": [],
            }
        }

    @pytest.mark.parametrize(
        ("path", "status", "code"),
        [
            ("/api/events/999999", 404, "not_found"),
            ("/api/articles/nope", 404, "not_found"),
            ("/api/actors/Q0", 404, "not_found"),
            ("/api/no-such-route", 404, "not_found"),
            ("/api/events?limit=0", 422, "invalid_parameter"),
            ("/api/events?limit=100000", 422, "invalid_parameter"),
            ("/api/events?offset=-1", 422, "invalid_parameter"),
            ("/api/events?type=BOMB", 422, "invalid_parameter"),
            ("/api/events?from=2025-13-40", 422, "invalid_parameter"),
            ("/api/claims?status=true", 422, "invalid_parameter"),
            ("/api/search", 422, "invalid_parameter"),
            ("/api/export/everything", 422, "invalid_parameter"),
            ("/timeline.json?modality=maybe", 422, "invalid_parameter"),
            ("/articles/nope.json", 404, "not_found"),
        ],
    )
    def test_every_error_has_it(self, client: Any, path: str, status: int, code: str) -> None:
        assert_error(client.get(path), status, code)

    def test_validation_errors_name_the_parameter(self, client: Any) -> None:
        err = assert_error(client.get("/api/events?type=BOMB"), 422, "invalid_parameter")
        assert "type" in err["message"]
        assert err["details"][0]["loc"] == ["query", "type"]

    def test_wrong_method(self, client: Any) -> None:
        assert_error(client.delete("/api/events"), 405, "method_not_allowed")

    def test_dashboard_errors_are_html_pages(self, client: Any) -> None:
        resp = client.get("/articles/nope")
        assert resp.status_code == 404 and "text/html" in resp.headers["content-type"]
        assert "not_found" in resp.text


@pytest.mark.spacy
class TestLists:
    def test_index_counts(self, client: Any) -> None:
        body = client.get("/api").json()
        assert body["counts"]["articles"] == 5 and body["counts"]["events"] > 0

    def test_events_have_actors_places_and_evidence(self, client: Any) -> None:
        items = client.get("/api/events?limit=500").json()["items"]
        assert items
        ev = next(e for e in items if e["place_id"] and e["actors"])
        assert {"span_start", "span_end", "sentence_start", "sentence_end", "article_id"} <= set(ev)
        assert ev["actors"][0]["name"]

    def test_pagination_is_stable_and_complete(self, client: Any) -> None:
        everything = client.get("/api/events?limit=500").json()
        ids, offset = [], 0
        while True:
            page = client.get(f"/api/events?limit=7&offset={offset}").json()
            ids += [e["id"] for e in page["items"]]
            if page["next"] is None:
                break
            assert "offset=" in page["next"]
            offset += 7
        assert ids == [e["id"] for e in everything["items"]]
        assert len(ids) == everything["total"] == len(set(ids))

    def test_events_newest_first_undated_last(self, client: Any) -> None:
        dates = [e["date"] for e in client.get("/api/events?limit=500").json()["items"]]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=True)
        assert all(d is None for d in dates[len(dated) :])

    def test_filters(self, client: Any) -> None:
        all_events = client.get("/api/events?limit=500").json()["items"]
        russia = client.get("/api/events?actor=Q159&limit=500").json()["items"]
        assert russia and len(russia) < len(all_events)
        assert all(any(a["id"] == "Q159" for a in e["actors"]) for e in russia)
        assaults = client.get("/api/events?type=ASSAULT&limit=500").json()["items"]
        assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
        claimed = client.get("/api/events?modality=claimed&limit=500").json()["items"]
        assert claimed and all(e["modality"] == "claimed" for e in claimed)
        ranged = client.get("/api/events?from=2025-12-27&to=2025-12-31&limit=500").json()["items"]
        assert ranged and all("2025-12-27" <= e["date"] <= "2025-12-31" for e in ranged)
        kyiv = client.get("/api/events?place=gn:703448&limit=500").json()["items"]
        assert kyiv and all(e["place_id"] == "gn:703448" for e in kyiv)

    def test_claims_status_and_history(self, client: Any) -> None:
        items = client.get("/api/claims?limit=500").json()["items"]
        assert {c["status"] for c in items} >= {"claimed", "unverified"}
        # Each entry's history ends in its status, and each step cites an article behind the entry.
        assert all(c["history"] and c["history"][-1]["status"] == c["status"] for c in items)
        assert all({h["article_id"] for h in c["history"]} <= set(c["sources"]) for c in items)
        disputed = client.get("/api/claims?status=disputed").json()["items"]
        assert all(c["status"] == "disputed" and c["disputed_by"] for c in disputed)
        who = items[0]["claimant"]["id"]
        mine = client.get(f"/api/claims?actor={who}&limit=500").json()["items"]
        assert items[0]["id"] in {c["id"] for c in mine} and len(mine) <= len(items)

    def test_positions_and_issues(self, client: Any) -> None:
        pos = client.get("/api/positions?issue=territory").json()["items"]
        assert pos and all(p["issue"] == "territory" for p in pos)
        grid = client.get("/api/issues").json()
        assert grid["parties"] and grid["issues"]
        assert all(c["trend"] in {"first stated", "repeated", "shifted"} for c in grid["cells"])

    def test_quotes_actors_places(self, client: Any) -> None:
        assert client.get("/api/quotes").json()["total"] > 0
        actors = client.get("/api/actors?q=russ").json()["items"]
        assert any(a["id"] == "Q159" for a in actors)
        russia = client.get("/api/actors/Q159").json()
        assert russia["name"] == "Russia" and russia["records"]["events"]
        kyiv = client.get("/api/places/gn:703448").json()
        assert kyiv["name"] == "Kyiv" and kyiv["records"]["events"]


@pytest.mark.spacy
class TestSearchAndArticles:
    def test_full_text_search(self, client: Any) -> None:
        body = client.get("/api/search?q=Oreshnik").json()
        assert body["total"] == 1
        assert "\x02" in body["items"][0]["snippet"]  # the hit is marked for highlighting

    def test_search_operators_are_words_not_syntax(self, client: Any) -> None:
        for q in ["drone AND (", '"unbalanced', "NEAR(kyiv", "*", "kyiv OR"]:
            assert client.get("/api/search", params={"q": q}).status_code == 200

    def test_article_with_records_and_highlights(self, client: Any) -> None:
        aid = client.get("/api/search?q=Oreshnik").json()["items"][0]["id"]
        art = client.get(f"/api/articles/{aid}").json()
        assert art["events"] and art["raw_text"]
        # the segments are the article's own text: all of it after the front matter, none of that
        assert art["raw_text"].startswith("---\n") and art["body_start"] > 0
        assert "".join(s["text"] for s in art["segments"]) == art["raw_text"][art["body_start"] :]
        ev = art["events"][0]
        key = f"event-{ev['id']}"
        covered = "".join(s["text"] for s in art["segments"] if key in s["sentences"])
        assert covered == art["raw_text"][ev["sentence_start"] : ev["sentence_end"]]
        assert any(key in s["anchors"] for s in art["segments"])


@pytest.mark.spacy
class TestExports:
    def test_csv_jsonl_parquet_agree(self, client: Any) -> None:
        total = client.get("/api/events?limit=1").json()["total"]
        rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events?format=csv").text)))
        assert len(rows) == total and rows[0]["actors"]
        lines = client.get("/api/export/events?format=jsonl").text.splitlines()
        assert len(lines) == total and json.loads(lines[0])["id"] == int(rows[0]["id"])
        import pyarrow as pa
        import pyarrow.parquet as pq

        resp = client.get("/api/export/events?format=parquet")
        table = pq.read_table(pa.BufferReader(resp.content))
        assert table.num_rows == total and "type" in table.column_names

    def test_exports_take_filters(self, client: Any) -> None:
        rows = list(
            csv.DictReader(io.StringIO(client.get("/api/export/claims?format=csv&status=claimed").text))
        )
        assert rows and {r["status"] for r in rows} == {"claimed"}

    def test_every_dataset_exports(self, client: Any) -> None:
        for ds in ("events", "quotes", "claims", "positions", "articles"):
            resp = client.get(f"/api/export/{ds}?format=jsonl")
            assert resp.status_code == 200 and resp.text.count("\n") > 0, ds

    def test_plover(self, client: Any) -> None:
        recs = [json.loads(x) for x in client.get("/api/export/events/plover").text.splitlines()]
        assert recs
        r = next(r for r in recs if r["target"])
        assert {"id", "date", "source", "target", "event", "mode", "context", "eventText", "modality"} <= set(
            r
        )
        assert r["source"][0]["actorText"] and r["event"] in {e["event"] for e in recs}

    def test_acled(self, client: Any) -> None:
        rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events/acled?type=ASSAULT").text)))
        assert rows and rows[0]["event_id_cnty"].startswith("PARLEY")
        assert {r["event_type"] for r in rows} <= {"Battles", "Explosions/Remote violence"}
        assert {r["disorder_type"] for r in rows} == {"Political violence"}


@pytest.mark.spacy
class TestDashboardJsonTwins:
    @pytest.mark.parametrize(
        "path",
        [
            "/timeline",
            "/map",
            "/claims",
            "/issues",
            "/articles",
            "/actors",
            "/places",
            "/actors/Q159",
            "/places/gn:703448",
        ],
    )
    def test_page_and_twin(self, client: Any, path: str) -> None:
        html = client.get(path)
        assert html.status_code == 200 and "text/html" in html.headers["content-type"]
        data = client.get(f"{path}.json").json()
        assert data["title"] and f'href="{path}.json' in html.text

    def test_twin_follows_the_filters(self, client: Any) -> None:
        data = client.get("/timeline.json?actor=Q159&limit=500").json()
        api = client.get("/api/events?actor=Q159&limit=500").json()
        assert [e["id"] for e in data["events"]] == [e["id"] for e in api["items"]]

    def test_timeline_links_to_the_sentence(self, client: Any) -> None:
        data = client.get("/timeline.json").json()
        ev = next(e for e in data["events"] if "x" in e)
        assert f"/articles/{ev['article_id']}#event-{ev['id']}" in client.get("/timeline").text

    def test_map_states_its_view_and_source(self, client: Any) -> None:
        html = client.get("/map").text
        assert "Borders drawn:" in html and "internationally recognised" in html.lower()
        assert "/static/geo/PROVENANCE.md" in html
        assert "/static/vendor/leaflet/leaflet.js" in html
        assert "http://" not in html and "https://" not in html  # nothing from the internet


@pytest.mark.spacy
class TestIngestGuard:
    def test_off_without_a_token(self, client: Any) -> None:
        assert_error(
            client.post("/api/ingest", json={"text": "Kyiv, Dec 1 - talks."}), 403, "ingest_disabled"
        )

    def test_token_required_and_checked(self, writable_store: Any, extractor: Any) -> None:
        from fastapi.testclient import TestClient

        from parley.config import Settings
        from parley.serve import ServeOptions, create_app

        app = create_app(
            Settings(db=str(writable_store)), ServeOptions(ingest_token="s3cret"), extractor=extractor
        )
        with TestClient(app) as c:
            body = {
                "text": "Russia said on Monday its forces had captured Kupiansk. Ukraine denied it.",
                "published": "2025-12-02",
                "outlet": "Test Wire",
            }
            assert_error(c.post("/api/ingest", json=body), 401, "unauthorized")
            assert_error(
                c.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"}),
                401,
                "unauthorized",
            )
            before = c.get("/api").json()["counts"]["articles"]
            ok = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
            assert ok.status_code == 200 and ok.json()["counts"]["stored"] == 1
            assert c.get("/api").json()["counts"]["articles"] == before + 1

    def test_ingest_body_validated(self, writable_store: Any, extractor: Any) -> None:
        from fastapi.testclient import TestClient

        from parley.config import Settings
        from parley.serve import ServeOptions, create_app

        options = ServeOptions(ingest_token="t")
        app = create_app(Settings(db=str(writable_store)), options, extractor=extractor)
        with TestClient(app) as c:
            resp = c.post("/api/ingest", json={"text": ""}, headers={"Authorization": "Bearer t"})
            assert_error(resp, 422, "invalid_parameter")


@pytest.mark.spacy
class TestStoryAndPlans:
    """Routes over the story and plans stages' read functions (empty until those stages run)."""

    @pytest.mark.parametrize(
        "path", ["/api/story/timeline", "/api/story/ledger", "/api/story/issues", "/api/plans"]
    )
    def test_lists_are_paged(self, client: Any, path: str) -> None:
        body = client.get(path, params={"limit": 1}).json()
        assert set(body) == {"items", "total", "limit", "offset", "next"} and body["limit"] == 1
        assert len(body["items"]) <= 1 and (body["next"] is None) == (body["total"] <= 1)

    def test_story_filters_are_validated(self, client: Any) -> None:
        assert_error(client.get("/api/story/ledger?status=zzz"), 422, "invalid_parameter")
        assert_error(client.get("/api/story/issues?issue=zzz"), 422, "invalid_parameter")
        assert_error(client.get("/api/story/timeline?limit=0"), 422, "invalid_parameter")

    def test_page_and_twin(self, client: Any) -> None:
        assert client.get("/story").status_code == 200
        assert set(client.get("/story.json").json()) == {"title", "ledger", "issues", "plans"}

    def test_missing_plan(self, client: Any) -> None:
        assert_error(client.get("/api/plans/no-such-plan"), 404, "not_found")
