"""What a stranger can send the server, and what a stranger sees: each case once broke (issue 16)."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from tests.serve.test_api import assert_error


def _app(db: Path, token: str | None = None, extractor: Any = None) -> Any:
    from parley.config import Settings
    from parley.serve import ServeOptions, create_app

    return create_app(Settings(db=str(db)), ServeOptions(ingest_token=token), extractor=extractor)


@pytest.mark.spacy
class TestPages:
    def test_security_headers_on_every_page(self, client: Any) -> None:
        for path in ("/timeline", "/story", "/docs", "/api/events", "/static/app.css"):
            h = client.get(path).headers
            assert "script-src 'self'" in h["content-security-policy"], path
            assert "frame-ancestors 'none'" in h["content-security-policy"]
            assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
            assert h["referrer-policy"] == "no-referrer"

    def test_docs_are_served_from_this_server(self, client: Any) -> None:
        html = client.get("/docs").text
        assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html and "/static/docs.js" in html
        assert "http://" not in html and "https://" not in html and "<script>" not in html
        assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
        assert client.get("/redoc").status_code == 404  # it would load its script from a CDN

    def test_article_page_shows_the_article_not_its_front_matter(self, client: Any) -> None:
        aid = client.get("/api/search?q=Oreshnik").json()["items"][0]["id"]
        html = client.get(f"/articles/{aid}").text
        text = html.split('id="article-text">', 1)[1].split("</article>", 1)[0]
        assert "title:" not in text and "outlet:" not in text and not text.lstrip().startswith("---")
        assert "Oreshnik" in text

    def test_story_page_speaks_in_claims_places_and_names(self, client: Any) -> None:
        from sqlalchemy import select

        from parley.store.schema_story import claim_ledger

        data = client.get("/story.json").json()
        assert data["ledger"], "the session store has claims across articles"
        html = client.get("/story").text
        assert "proposition" not in data["ledger"][0]  # the matching key stays inside the store
        with client.app.state.parley.engine.connect() as conn:
            keys = conn.execute(select(claim_ledger.c.proposition)).scalars().all()
        assert keys and all(k not in html for k in keys)  # e.g. "attack|gn:702549"
        for entry in data["ledger"]:
            assert entry["subject"] in unescape(html)
        assert "|gn:" not in html and "Nothing here yet" not in html


@pytest.mark.spacy
def test_only_http_urls_become_links(writable_store: Path, extractor: Any) -> None:
    from fastapi.testclient import TestClient

    from parley.config import Settings
    from parley.pipeline import ingest
    from parley.store import Store

    article = writable_store.parent / "xss.txt"
    article.write_text(
        "---\ntitle: A test of links\nurl: javascript:alert(3)\npublished: 2025-12-01\n---\n"
        "Kyiv, Dec 1 - Ukraine said Russia attacked Kharkiv overnight.\n",
        encoding="utf-8",
    )
    with Store(str(writable_store)) as store:
        assert ingest([str(article)], store, Settings(db=str(writable_store))).counts["stored"] == 1
    with TestClient(_app(writable_store)) as c:
        aid = next(
            a["id"]
            for a in c.get("/api/articles?limit=500").json()["items"]
            if a["title"] == "A test of links"
        )
        html = c.get(f"/articles/{aid}").text
    assert 'href="javascript:' not in html and "javascript:alert(3)" in html  # shown as text, not a link


class TestBodyGate:
    """The gate answers before the app reads a byte of the body."""

    @staticmethod
    def _call(
        gate: Any, headers: list[tuple[bytes, bytes]], chunks: list[bytes] | None = None
    ) -> dict[str, Any]:
        sent: list[dict[str, Any]] = []
        reads: list[int] = []

        async def receive() -> dict[str, Any]:
            if chunks is None:
                raise AssertionError("the body was read")
            reads.append(1)
            body = chunks[len(reads) - 1]
            return {"type": "http.request", "body": body, "more_body": len(reads) < len(chunks)}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": "/api/ingest", "headers": headers}
        asyncio.run(gate(scope, receive, send))
        return {
            "status": sent[0]["status"],
            "body": b"".join(m.get("body", b"") for m in sent[1:]),
            "reads": len(reads),
        }

    @staticmethod
    def _gate(token: str | None, max_bytes: int = 1000) -> Any:
        from parley.serve.security import BodyGate

        async def app(scope: Any, receive: Any, send: Any) -> None:
            while (await receive()).get("more_body"):
                pass
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})

        return BodyGate(app, token=token, max_bytes=max_bytes)

    def test_no_token_configured(self) -> None:
        out = self._call(self._gate(None), [(b"content-length", b"200000000")])
        assert out["status"] == 403 and b"ingest_disabled" in out["body"]

    def test_wrong_token_before_the_body(self) -> None:
        out = self._call(
            self._gate("s3cret"), [(b"content-length", b"200000000"), (b"authorization", b"Bearer x")]
        )
        assert out["status"] == 401 and b"unauthorized" in out["body"]

    def test_announced_size_over_the_cap(self) -> None:
        headers = [(b"content-length", b"5000"), (b"authorization", b"Bearer s3cret")]
        out = self._call(self._gate("s3cret"), headers)
        assert out["status"] == 413 and b'"code": "too_large"' in out["body"]

    def test_unannounced_size_cut_off(self) -> None:
        out = self._call(self._gate("s3cret"), [(b"authorization", b"Bearer s3cret")], [b"x" * 600] * 5)
        assert out["status"] == 413 and out["reads"] == 2  # stopped at the chunk that crossed the cap

    def test_a_good_request_passes(self) -> None:
        out = self._call(self._gate("s3cret"), [(b"authorization", b"Bearer s3cret")], [b"x" * 10])
        assert out["status"] == 200 and out["body"] == b"ok"


@pytest.mark.spacy
def test_ingest_messages_name_the_article(writable_store: Path, extractor: Any) -> None:
    from fastapi.testclient import TestClient

    with TestClient(_app(writable_store, "t", extractor)) as c:
        ok = c.post(
            "/api/ingest",
            json={"text": " \n\t ", "name": "brief-17.txt"},
            headers={"Authorization": "Bearer t"},
        ).json()
    assert ok["counts"]["failed"] == 1
    assert ok["messages"][0].startswith("api:brief-17.txt:") and "parley-ingest" not in ok["messages"][0]


@pytest.mark.spacy
def test_the_server_never_changes_the_file(store_path: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    db = tmp_path / "rollback.db"
    conn = sqlite3.connect(store_path)
    conn.execute(f"VACUUM INTO '{db}'")  # a copy, as a user might receive one: rollback-journal mode
    conn.close()
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with TestClient(_app(db)) as c:
        for path in ("/api", "/api/events", "/timeline", "/story", "/api/search?q=Kyiv"):
            assert c.get(path).status_code == 200
        assert_error(c.post("/api/ingest", json={"text": "x"}), 403, "ingest_disabled")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rollback.db"]  # no -wal, no -shm


@pytest.mark.spacy
def test_responses_keep_every_field_the_read_model_gives(client: Any, app: Any) -> None:
    """The typed response models must not silently drop a field that parley.store returns."""
    from parley.store import views
    from parley.story import views as story_views

    engine = app.state.parley.engine
    aid = client.get("/api/search?q=Oreshnik").json()["items"][0]["id"]
    with engine.connect() as conn:
        art = views.article(conn, aid)
        events, _ = views.events(conn, views.Filters(), views.Page(limit=5, offset=0))
        claims, _ = views.ledger(conn, views.Filters(), views.Page(limit=5, offset=0))
        grid = views.issues(conn, views.Filters())
    assert art is not None
    assert set(art) <= set(client.get(f"/api/articles/{aid}").json())
    assert set(events[0]) <= set(client.get("/api/events?limit=5").json()["items"][0])
    assert set(claims[0]) <= set(client.get("/api/claims?limit=5").json()["items"][0])
    ledger = story_views.claims(engine)
    assert set(ledger[0]) <= set(client.get("/api/story/ledger").json()["items"][0])
    assert set(grid["cells"][0]) <= set(client.get("/api/issues").json()["cells"][0])
    stances = story_views.issues(engine)
    assert set(stances[0]) <= set(client.get("/api/story/issues").json()["items"][0])
