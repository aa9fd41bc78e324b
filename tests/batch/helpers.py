"""Inputs for the batch tests, built here, and ways to compare outputs and stores.

The shards hold the team's eval articles (tests/fixtures/eval) plus what the cross-article step
and the failure paths need: an exact copy, a near-duplicate wire copy, a line that is not JSON,
an article too short to keep, and a WARC of two HTML pages written with warcio.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from parley.config import Settings

EVAL = Path(__file__).resolve().parent.parent / "fixtures" / "eval"

WARC_PAGES = [
    (
        "Mediators open corridor talks in Doha",
        "Negotiators for the two governments met in Doha on Monday to discuss a humanitarian corridor, "
        "the Qatari foreign ministry said. Qatar's prime minister said the talks were constructive and "
        "would continue on Wednesday.",
    ),
    (
        "Monitors report shelling near the border",
        "Ceasefire monitors said on Tuesday that shelling had resumed near the border overnight. "
        "The mission's chief said both sides had been asked to explain the violations.",
    ),
]

_EXTRACTOR: Any = None


def shared_extractor() -> Any:
    """Return one loaded Extractor for the whole test process (spaCy loads once)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from parley.batch.local import loaded_extractor

        _EXTRACTOR = loaded_extractor(Settings())
    return _EXTRACTOR


def _eval_article(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    published = "-".join(path.stem.split("-")[-3:])  # team-kashmir-truce-2025-05-11
    return {"id": path.stem, "text": text, "published": published, "outlet": "Team desk"}


def _page(headline: str, body: str) -> bytes:
    return (
        f"<!doctype html><html lang='en'><head><title>{headline}</title></head><body>"
        f"<article><h1>{headline}</h1><p>{body}</p></article></body></html>"
    ).encode()


def write_warc(path: Path) -> Path:
    """Write a WARC with a request record and two dated HTML responses; return its path."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(
            writer.create_warc_record("https://wire.example/", "request", payload=io.BytesIO(b"GET /"))
        )
        for n, (headline, body) in enumerate(WARC_PAGES):
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    f"https://wire.example/story/{n}",
                    "response",
                    payload=io.BytesIO(_page(headline, body)),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": f"2025-12-0{n + 2}T08:00:00Z"},
                )
            )
    return path


def write_shards(folder: Path) -> list[Path]:
    """Write three shards (two JSONL, one WARC) into ``folder`` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = [_eval_article(p) for p in sorted(EVAL.glob("*.txt"))]
    first, second = articles[:4], articles[4:]
    copy = {**first[0], "id": "wire-copy-exact"}
    near = {
        **first[1],
        "id": "wire-copy-near",
        "text": first[1]["text"].replace(" said ", " stated ", 1) + "\n\n(Reporting by the Parley desk)",
    }
    short = {"id": "brief", "text": "Talks resumed.", "published": "2025-12-01"}
    a = folder / "a.jsonl"
    a.write_text("\n".join([*(json.dumps(x) for x in first), "{not json", json.dumps(short)]) + "\n", "utf-8")
    b = folder / "b.jsonl"
    b.write_text("\n".join(json.dumps(x) for x in [*second, copy, near]) + "\n", "utf-8")
    return [a, b, write_warc(folder / "c.warc.gz")]


def read_output(out: Path | str) -> dict[str, list[dict[str, Any]]]:
    """Return every table of a batch output as rows, in a stable order (for comparing engines)."""
    from parley.batch import markers, parquet

    filesystem, root = parquet.open_output(str(out))
    files = [f for m in markers.read_markers(filesystem, root).values() for f in m.files]
    tables = parquet.read_files(filesystem, root, files)
    order = ("shard", "article", "ordinal")
    return {
        name: sorted(table.to_pylist(), key=lambda r: tuple(-1 if r.get(k) is None else r[k] for k in order))
        for name, table in tables.items()
    }


def _rows(engine: Engine, table: Any, drop: Iterable[str] = ()) -> list[tuple[Any, ...]]:
    cols = [c for c in table.c if c.name not in set(drop)]
    with engine.connect() as conn:
        return sorted((tuple(r) for r in conn.execute(select(*cols))), key=repr)


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Return the store's contents without row ids and timestamps, so that two stores compare equal."""
    from parley.store import schema as t

    ts = ("id", "ingested_at", "extracted_at", "first_seen", "seen_at", "source_id")
    out = {
        name: _rows(engine, table, ts)
        for name, table in (
            ("articles", t.articles),
            ("sources", t.sources),
            ("duplicates", t.duplicates),
            ("failures", t.failures),
            ("actors", t.actors),
            ("places", t.places),
            ("article_lsh", t.article_lsh),
            ("quotes", t.quotes),
            ("positions", t.positions),
        )
    }
    with engine.connect() as conn:
        actors_of: dict[int, list[tuple[Any, ...]]] = {}
        for r in conn.execute(select(t.event_actors).order_by(t.event_actors.c.position)):
            actors_of.setdefault(r.event_id, []).append(
                (r.position, r.actor_id, r.method, r.reason, r.confidence)
            )
        events = []
        for r in conn.execute(select(t.events)):
            row = {k: v for k, v in r._mapping.items() if k != "id"}
            events.append((tuple(row.values()), tuple(actors_of.get(r.id, ()))))
        out["events"] = sorted(events, key=repr)
        disputes: dict[int, list[str]] = {}
        for r in conn.execute(select(t.claim_disputes)):
            disputes.setdefault(r.claim_id, []).append(r.actor_id)
        claims = []
        for r in conn.execute(select(t.claims)):
            row = {k: v for k, v in r._mapping.items() if k != "id"}
            claims.append((tuple(row.values()), tuple(sorted(disputes.get(r.id, ())))))
        out["claims"] = sorted(claims, key=repr)
    return out
