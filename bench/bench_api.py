"""API latency benchmark: p50/p95 per endpoint and page on a 100k-event store, 4 readers, a writer running.

    .venv/bin/python bench/bench_api.py [--events 100000] [--readers 4] [--seconds 30] [--quick]
                                        [--db FILE|postgresql://…] [--workers N] [--json FILE]
    .venv/bin/python bench/bench_api.py --cpu 15 [--db …]   # CPU ms per request, in one process

1. Builds (or reuses) a synthetic store: articles with events, actors, places, claims, positions
   and quotes written straight into the real schema (migrated by ``Store``), so the FTS index and
   every index the server relies on are the real ones. ``--db postgresql://…`` builds it there.
2. Starts ``parley serve`` on that store in its own process, exactly as a user starts it (its
   default number of worker processes unless --workers is given), on 127.0.0.1 and a free port.
3. Measures the size of every HTML page, requests every endpoint once per worker to warm caches,
   then for ``--seconds`` runs ``--readers`` threads that cycle through the dashboard pages and
   the API, while a writer process adds articles with events in one transaction each (as an
   ingest does).
4. Prints p50/p95/max per endpoint and overall, the request rate, the errors, the writer's rate,
   and flags what misses the targets (p95 < 100 ms, HTML pages < 200 KB).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

# Synthetic corpus shape: 20 events per article is what a long conflict report yields; one claim,
# one position and one quote per 2 articles roughly matches the sample corpus's proportions.
EVENTS_PER_ARTICLE = 20
BATCH = 5_000  # rows per executemany: large enough to be fast, small enough to keep memory flat

ACTORS = [
    ("Q159", "Russia", "state"),
    ("Q212", "Ukraine", "state"),
    ("Q30", "United States", "state"),
    ("Q7747", "Vladimir Putin", "person"),
    ("Q3874799", "Volodymyr Zelenskyy", "person"),
    ("Q22686", "Donald Trump", "person"),
    ("Q458", "European Union", "organization"),
    ("Q7184", "NATO", "organization"),
] + [(f"name:actor {i}", f"Actor {i}", "group") for i in range(40)]
PLACES = [
    ("gn:703448", 703448, "Kyiv", 50.45, 30.52, "UA"),
    ("gn:704422", 704422, "Pokrovsk", 48.28, 37.18, "UA"),
    ("gn:702550", 702550, "Lviv", 49.84, 24.02, "UA"),
    ("gn:706483", 706483, "Kharkiv", 49.98, 36.25, "UA"),
    ("gn:687700", 687700, "Zaporizhzhia", 47.82, 35.19, "UA"),
    ("gn:524901", 524901, "Moscow", 55.75, 37.62, "RU"),
]
TYPES = [
    "ASSAULT",
    "CONSULT",
    "ACCUSE",
    "REJECT",
    "AGREE",
    "THREATEN",
    "SUPPORT",
    "REQUEST",
    "AID",
    "SANCTION",
]
MODALITIES = ["asserted", "asserted", "claimed", "claimed", "denied", "planned", "hypothetical"]
WORDS = [
    "talks",
    "ceasefire",
    "drone",
    "strike",
    "missile",
    "offensive",
    "guarantees",
    "territory",
    "sanctions",
    "prisoners",
    "exchange",
    "summit",
    "delegation",
    "envoy",
    "frontline",
    "shelling",
    "energy",
    "grid",
    "reconstruction",
    "referendum",
    "corridor",
]

# Endpoints the readers cycle through: every dashboard page (HTML) and its .json twin's costly cases,
# and the API's lists and details. {article}, {event}, {actor} and {place} are filled from the store.
ENDPOINTS = [
    ("events", "/api/events?limit=50"),
    ("events actor+type", "/api/events?actor=Q159&type=ASSAULT&limit=50"),
    ("events date range", "/api/events?from=2025-06-01&to=2025-06-30&limit=50"),
    ("events deep page", "/api/events?limit=50&offset=20000"),
    ("claims ledger", "/api/claims?status=claimed&limit=50"),
    ("quotes", "/api/quotes?limit=50"),
    ("positions", "/api/positions?limit=50"),
    ("actors", "/api/actors?limit=50"),
    ("places", "/api/places?limit=50"),
    ("search", "/api/search?q=ceasefire%20envoy&limit=20"),
    ("timeline.json", "/timeline.json?actor=Q212&limit=100"),
    ("map.json", "/map.json?from=2025-03-01&to=2025-03-31"),
    ("map.json bbox", "/map.json?bbox=22,44,41,53"),
    ("issues.json", "/issues.json"),
    ("article", "/api/articles/{article}"),
    ("event", "/api/events/{event}"),
    ("actor", "/api/actors/{actor}"),
    ("place", "/api/places/{place}"),
    ("page /timeline", "/timeline"),
    ("page /map", "/map"),
    ("page /claims", "/claims"),
    ("page /issues", "/issues"),
    ("page /articles", "/articles"),
    ("page /actors", "/actors"),
    ("page /places", "/places"),
    ("page article", "/articles/{article}"),
    ("page actor", "/actors/{actor}"),
    ("page place", "/places/{place}"),
]

# Seconds of load with --quick: enough for a few hundred requests, so a p95 means something.
QUICK_SECONDS = 10.0

# The issue's limits: every endpoint and page under this p95, and no HTML page above this size.
P95_TARGET_MS = 100.0
PAGE_MAX_BYTES = 200_000


def day(i: int) -> str:
    """Return a date spread over 2024-2026 for synthetic row ``i``."""
    import datetime as dt

    return (dt.date(2024, 1, 1) + dt.timedelta(days=i % 900)).isoformat()


def article_rows(start: int, n: int, rnd: random.Random) -> tuple[list[dict[str, Any]], ...]:
    """Return synthetic rows (articles, events, event_actors, claims, positions, quotes) for n articles."""
    arts, evs, eas, cls, pos, qus = [], [], [], [], [], []
    for k in range(start, start + n):
        aid = f"{k:016x}"
        text = " ".join(rnd.choice(WORDS) for _ in range(80)) + "."
        arts.append(
            {
                "id": aid,
                "source_id": 1,
                "location": f"synthetic:{k}",
                "kind": "text",
                "title": f"Report {k}: {rnd.choice(WORDS)} and {rnd.choice(WORDS)}",
                "outlet": "Bench Wire",
                "published": day(k),
                "language": "en",
                "raw_text": text,
                "clean_text": text,
                "content_hash": f"{k:064x}",
                "status": "extracted",
                "ingested_at": "2026-01-01T00:00:00",
                "extracted_at": "2026-01-01T00:00:00",
                "extractor_version": "bench",
            }
        )
        ev_common = {"stage": "bench", "version": "0", "sentence_start": 0, "sentence_end": 60}
        for j in range(EVENTS_PER_ARTICLE):
            eid = k * EVENTS_PER_ARTICLE + j + 1
            place = rnd.choice(PLACES)[0] if rnd.random() < 0.7 else None
            evs.append(
                {
                    "id": eid,
                    "article_id": aid,
                    "type": rnd.choice(TYPES),
                    "mode": None,
                    "date": day(k) if rnd.random() < 0.8 else None,
                    "date_precision": "day",
                    "place_id": place,
                    "modality": rnd.choice(MODALITIES),
                    "trigger": rnd.choice(WORDS),
                    "span_start": 10,
                    "span_end": 20,
                    **ev_common,
                }
            )
            a1, a2 = rnd.sample(ACTORS, 2)
            eas += [
                {"event_id": eid, "position": 0, "actor_id": a1[0]},
                {"event_id": eid, "position": 1, "actor_id": a2[0]},
            ]
        if k % 2 == 0:
            cls.append(
                {
                    "article_id": aid,
                    "claimant_id": rnd.choice(ACTORS[:3])[0],
                    "subject": f"capture of {rnd.choice(PLACES)[2]}",
                    "place_id": rnd.choice(PLACES)[0],
                    "status": rnd.choice(["claimed", "disputed", "unverified"]),
                    "span_start": 0,
                    "span_end": 10,
                    **ev_common,
                }
            )
            pos.append(
                {
                    "article_id": aid,
                    "party_id": rnd.choice(ACTORS[:8])[0],
                    "issue": rnd.choice(["territory", "ceasefire", "sanctions"]),
                    "stance": " ".join(rnd.choice(WORDS) for _ in range(6)),
                    "span_start": 0,
                    "span_end": 10,
                    **ev_common,
                }
            )
            qus.append(
                {
                    "article_id": aid,
                    "speaker_id": rnd.choice(ACTORS[:8])[0],
                    "text": " ".join(rnd.choice(WORDS) for _ in range(12)),
                    "direct": True,
                    "cue": "said",
                    "span_start": 0,
                    "span_end": 10,
                    **ev_common,
                }
            )
    return arts, evs, eas, cls, pos, qus


def build_store(db: str, n_events: int) -> None:
    """Create the synthetic store with ``n_events`` events in ``db`` (skipped when it holds articles)."""
    from sqlalchemy import func, insert, select

    from parley.store import Store
    from parley.store import schema as t

    if "://" not in db and Path(db).exists():
        return
    rnd = random.Random(7)
    with Store(db) as store, store.engine.begin() as conn:
        if conn.execute(select(func.count()).select_from(t.articles)).scalar_one():
            return
        conn.execute(
            insert(t.sources),
            [{"id": 1, "location": "synthetic", "kind": "text", "first_seen": "2026-01-01"}],
        )
        conn.execute(
            insert(t.actors),
            [
                {"id": a[0], "qid": a[0] if a[0].startswith("Q") else None, "name": a[1], "kind": a[2]}
                for a in ACTORS
            ],
        )
        conn.execute(
            insert(t.places),
            [
                {
                    "id": p[0],
                    "geonameid": p[1],
                    "name": p[2],
                    "lat": p[3],
                    "lon": p[4],
                    "feature": "P.PPL",
                    "country": p[5],
                }
                for p in PLACES
            ],
        )
        n_articles = n_events // EVENTS_PER_ARTICLE
        for start in range(0, n_articles, BATCH // EVENTS_PER_ARTICLE):
            n = min(BATCH // EVENTS_PER_ARTICLE, n_articles - start)
            for table, rows in zip(
                (t.articles, t.events, t.event_actors, t.claims, t.positions, t.quotes),
                article_rows(start, n, rnd),
                strict=True,
            ):
                if rows:
                    conn.execute(insert(table), rows)
    if store.engine.dialect.name == "postgresql":
        # PostgreSQL's autovacuum would analyse the new tables within a minute; without statistics
        # its planner sorts whole tables, which no long-running server does.
        with Store(db) as store, store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


# Ledger entries group a claimant's reports of one subject within this many days, roughly as the
# real ledger keys a proposition and its date window: ~200 entries for the 2,500 claims of 100k events.
LEDGER_WINDOW_DAYS = 90


def build_story(db: str) -> None:
    """Fill the story tables (claim ledger, stance history, issue stances) from the synthetic records.

    The API, the dashboard and ``parley claims|issues`` read the claim ledger and the issue tracker
    from these tables, which ``parley ingest`` keeps; the synthetic records are written without an
    ingest, so they are folded here, with the tracker's own polarity and change functions. Skipped
    when the ledger already has entries.
    """
    import datetime as dt

    from sqlalchemy import func, insert, select

    from parley.store import Store
    from parley.store import schema as t
    from parley.store import schema_story as s
    from parley.story.tracker import change, polarity

    with Store(db) as store, store.engine.begin() as conn:
        if conn.execute(select(func.count()).select_from(s.claim_ledger)).scalar_one():
            return
        c, ar, po = t.claims.c, t.articles.c, t.positions.c
        q = (
            select(c.id, c.article_id, c.claimant_id, c.subject, c.place_id, c.status, ar.published)
            .join(t.articles, ar.id == c.article_id)
            .order_by(ar.published, c.id)
        )
        entries: dict[tuple[str, str, int], dict[str, Any]] = {}
        sources, history = [], []
        for r in conn.execute(q):
            day = dt.date.fromisoformat(r.published)
            key = (r.claimant_id, r.subject, day.toordinal() // LEDGER_WINDOW_DAYS)
            e = entries.get(key)
            if e is None:
                e = entries[key] = {
                    "id": len(entries) + 1,
                    "proposition": f"{r.subject}|{key[2]}",
                    "kind": "capture",
                    "subject": r.subject,
                    "place_id": r.place_id,
                    "claimant_id": r.claimant_id,
                    "claimant_side": r.claimant_id,
                    "status": r.status,
                    "one_sided": r.status != "disputed",
                    "first_claimed": r.published,
                    "last_seen": r.published,
                    "status_since": r.published,
                    "source_count": 0,
                    "updated_at": "2026-01-01T00:00:00",
                }
            if r.status != e["status"] or not e["source_count"]:
                history.append(
                    {
                        "entry_id": e["id"],
                        "status": r.status,
                        "since": r.published,
                        "article_id": r.article_id,
                        "actor_id": r.claimant_id,
                        "note": f"{r.status} in a report",
                    }
                )
                e.update(status=r.status, status_since=r.published)
            e["last_seen"], e["source_count"] = r.published, e["source_count"] + 1
            role = "denial" if r.status == "disputed" else "claim"
            actor = "Q212" if role == "denial" else r.claimant_id
            sources.append(
                {
                    "entry_id": e["id"],
                    "article_id": r.article_id,
                    "published": r.published,
                    "role": role,
                    "actor_id": actor,
                    "claim_id": r.id,
                    "event_id": None,
                }
            )
        for table, rows in ((s.claim_ledger, list(entries.values())), (s.claim_ledger_sources, sources)):
            for i in range(0, len(rows), BATCH):
                conn.execute(insert(table), rows[i : i + BATCH])
        if history:
            conn.execute(insert(s.claim_ledger_history), history)
        q = (
            select(po.id, po.article_id, po.party_id, po.issue, po.stance, ar.published)
            .join(t.articles, ar.id == po.article_id)
            .order_by(ar.published, po.id)
        )
        stances, latest, count = [], {}, {}
        for r in conn.execute(q):
            key = (r.party_id, r.issue)
            pol = polarity(r.stance)
            prev = latest.get(key)
            changed, note = change((prev["stance"], prev["polarity"]) if prev else None, r.stance, pol)
            row = {
                "position_id": r.id,
                "party_side": r.party_id,
                "party_id": r.party_id,
                "issue": r.issue,
                "stance": r.stance,
                "polarity": pol,
                "article_id": r.article_id,
                "published": r.published,
                "changed": changed,
                "change_note": note,
            }
            stances.append(row)
            moved = (prev["stance"], r.published) if changed and prev else latest.get(key, {}).get("moved")
            latest[key] = dict(row, moved=moved)
            count[key] = count.get(key, 0) + 1
        for i in range(0, len(stances), BATCH):
            conn.execute(insert(s.stance_history), stances[i : i + BATCH])
        if latest:
            conn.execute(
                insert(s.issue_stances),
                [
                    {
                        "party_side": side,
                        "issue": issue,
                        "position_id": r["position_id"],
                        "party_id": r["party_id"],
                        "stance": r["stance"],
                        "polarity": r["polarity"],
                        "since": r["published"],
                        "previous_stance": r["moved"][0] if r["moved"] else None,
                        "changed_on": r["moved"][1] if r["moved"] else None,
                        "source_count": count[(side, issue)],
                        "updated_at": "2026-01-01T00:00:00",
                    }
                    for (side, issue), r in latest.items()
                ],
            )
    if store.engine.dialect.name == "postgresql":  # statistics for the new tables (see build_store)
        with Store(db) as store, store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


def writer(db: str, first: int, stop_at: float, rate: float, out: Any) -> None:
    """Add synthetic articles (with events) one transaction each, ``rate`` per second, until ``stop_at``."""
    from sqlalchemy import insert

    from parley.store import Store
    from parley.store import schema as t

    rnd, k, tx = random.Random(11), first, 0
    pause = 1.0 / rate if rate > 0 else 0.0
    with Store(db) as store:
        while time.time() < stop_at:
            time.sleep(pause)
            tables = (t.articles, t.events, t.event_actors, t.claims, t.positions, t.quotes)
            with store.engine.begin() as conn:
                for table, rows in zip(tables, article_rows(k, 1, rnd), strict=True):
                    if rows:
                        conn.execute(insert(table), rows)
            k, tx = k + 1, tx + 1
    out.put(tx)


def stored_articles(db: str) -> int:
    """Return the number after the highest synthetic article in the store (the writer goes on from there)."""
    from sqlalchemy import text

    from parley.store.db import make_engine

    engine = make_engine(db, read_only=True)
    try:
        with engine.connect() as conn:
            q = text("SELECT location FROM articles WHERE location LIKE 'synthetic:%'")
            return max((int(r[0].split(":", 1)[1]) for r in conn.execute(q)), default=-1) + 1
    finally:
        engine.dispose()


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    """Return the q-quantile (0..1) of the values, in milliseconds."""
    if not values:
        return float("nan")
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1] * 1000
        if len(values) > 1
        else values[0] * 1000
    )


def wait_until_up(base: str, server: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    """Return once the server answers, or exit if it died or did not start within ``timeout_s``."""
    import httpx

    deadline = time.time() + timeout_s
    while True:
        try:
            httpx.get(f"{base}/api/events?limit=1", timeout=2).raise_for_status()
            return
        except httpx.HTTPError:
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


def sample_ids(base: str) -> dict[str, str]:
    """Return ids of an article, an event, an actor and a place of the store, for the detail endpoints."""
    import httpx

    ev = httpx.get(f"{base}/api/events?limit=1&actor=Q159").json()["items"][0]
    return {"article": ev["article_id"], "event": str(ev["id"]), "actor": "Q159", "place": "gn:703448"}


def page_sizes(base: str, ids: dict[str, str]) -> dict[str, int]:
    """Return the size in bytes of every HTML page the readers request."""
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=60) as c:
        for name, path in ENDPOINTS:
            if name.startswith("page "):
                out[name] = len(c.get(path.format(**ids)).content)
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Start the server on the store, load it with readers and a writer, and return the figures."""
    import httpx

    db = args.db or f"/tmp/parley-bench-{args.events}.db"
    t0 = time.time()
    build_store(db, args.events)
    build_story(db)
    print(f"store {safe_url(db)}: ready in {time.time() - t0:.1f} s", file=sys.stderr)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # As `parley serve` runs by default: only the store and the port are given.
    cmd = [sys.executable, "-m", "parley", "serve", "--db", db, "--port", str(port)]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    server = subprocess.Popen(cmd)
    try:
        wait_until_up(base, server)
        ids = sample_ids(base)
        sizes = page_sizes(base, ids)
        # One warm-up round per endpoint and process (caches, SQLite page cache), not timed.
        with httpx.Client(base_url=base, timeout=60) as c:
            for _ in range(args.workers or 4):
                for _name, path in ENDPOINTS:
                    c.get(path.format(**ids))
        lat: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)
        stop_at = time.time() + args.seconds
        q: Any = mp.Queue()
        w = mp.Process(target=writer, args=(db, stored_articles(db), stop_at, args.write_rate, q))
        w.start()

        def reader(seed: int) -> None:
            rnd = random.Random(seed)
            with httpx.Client(base_url=base, timeout=30) as c:
                while time.time() < stop_at:
                    name, path = rnd.choice(ENDPOINTS)
                    t = time.perf_counter()
                    r = c.get(path.format(**ids))
                    lat[name].append(time.perf_counter() - t)
                    if r.status_code != 200:
                        errors[f"{name} {r.status_code}"] += 1

        threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        w.join()
        written = q.get()
    finally:
        server.terminate()
        server.wait(timeout=30)
    every = [v for vs in lat.values() for v in vs]
    return {
        "database": "postgresql" if "://" in db and not db.startswith("sqlite") else "sqlite",
        "events": args.events,
        "readers": args.readers,
        "workers": args.workers or "default",
        "seconds": args.seconds,
        "requests": len(every),
        "requests_per_s": round(len(every) / args.seconds, 1),
        "p50_ms": round(percentile(every, 0.5), 1),
        "p95_ms": round(percentile(every, 0.95), 1),
        "writer_articles": written,
        "writer_events": written * EVENTS_PER_ARTICLE,
        "writer_tx_per_s": round(written / args.seconds, 1),
        "errors": dict(errors),
        "page_bytes": sizes,
        "endpoints": {
            n: {
                "n": len(v),
                "p50_ms": round(percentile(v, 0.5), 1),
                "p95_ms": round(percentile(v, 0.95), 1),
                "max_ms": round(max(v) * 1000, 1),
            }
            for n, v in sorted(lat.items())
        },
    }


def cpu_per_request(db: str, reps: int) -> dict[str, float]:
    """Return the CPU milliseconds one request to each endpoint costs, in this process (no server).

    Latency under load on a busy machine moves with everything else that runs; the CPU time of a
    request does not, so this is the figure to compare before and after a change. The app runs
    in-process with FastAPI's test client on one thread; each figure is the least of ``reps``
    requests (the one least disturbed by the rest of the machine).
    """
    import dataclasses
    import warnings

    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from parley.config import Settings
    from parley.serve.app import create_app

    app = create_app(dataclasses.replace(Settings.from_env(), db=db))
    out: dict[str, float] = {}
    with TestClient(app) as c:
        ev = c.get("/api/events?limit=1&actor=Q159").json()["items"][0]
        ids = {"article": ev["article_id"], "event": str(ev["id"]), "actor": "Q159", "place": "gn:703448"}
        for name, path in ENDPOINTS:
            url = path.format(**ids)
            c.get(url).raise_for_status()
            best = float("inf")
            for _ in range(reps):
                t = time.process_time()
                c.get(url)
                best = min(best, time.process_time() - t)
            out[name] = round(best * 1000, 2)
    return out


def safe_url(db: str) -> str:
    """Return ``db`` without a password, for printing."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", db)


def report(result: dict[str, Any]) -> None:
    """Print the figures: percentiles per endpoint, page sizes, and what misses the issue's limits."""
    print(
        f"API at {result['events']:,} events on {result['database']}, {result['readers']} readers, "
        f"server workers: {result['workers']}"
    )
    print(f"{'endpoint':<20} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for n, s in result["endpoints"].items():
        flag = "" if s["p95_ms"] < P95_TARGET_MS else f"  (p95 >= {P95_TARGET_MS:.0f} ms)"
        print(f"{n:<20} {s['n']:>6} {s['p50_ms']:>8} {s['p95_ms']:>8} {s['max_ms']:>8}{flag}")
    print(f"{'ALL':<20} {result['requests']:>6} {result['p50_ms']:>8} {result['p95_ms']:>8}")
    written = result["writer_articles"]
    print(
        f"{result['requests_per_s']} req/s; writer committed {written} articles "
        f"({result['writer_events']} events, {result['writer_tx_per_s']} tx/s) meanwhile; "
        f"errors: {result['errors']}"
    )
    big = {k: v for k, v in result["page_bytes"].items() if v > PAGE_MAX_BYTES}
    largest = max(result["page_bytes"].items(), key=lambda kv: kv[1])
    print(
        f"HTML pages: largest {largest[0]} {largest[1] / 1000:.1f} KB"
        + (
            f"; over {PAGE_MAX_BYTES // 1000} KB: {big}"
            if big
            else f"; all under {PAGE_MAX_BYTES // 1000} KB"
        )
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Return the benchmark's options (``--quick`` already applied)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--readers", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument(
        "--quick", action="store_true", help=f"measure for {QUICK_SECONDS:.0f} s instead of --seconds"
    )
    ap.add_argument(
        "--db",
        default=None,
        help="SQLite file or postgresql:// URL of the store (default /tmp/parley-bench-<events>.db); "
        "built when empty",
    )
    ap.add_argument(
        "--workers", type=int, default=None, help="pass --workers to parley serve (default: its own default)"
    )
    # A real ingest with extraction writes a few articles a second; 20/s (400 events/s) is a
    # comfortable upper bound. 0 writes as fast as the database allows.
    ap.add_argument(
        "--write-rate", type=float, default=20.0, help="articles written per second (0: flat out)"
    )
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument(
        "--cpu",
        type=int,
        default=0,
        metavar="REPS",
        help="instead of the load test, print each endpoint's CPU ms per request in one process "
        "(least of REPS requests): the steady figure on a busy machine",
    )
    args = ap.parse_args(argv)
    if args.quick:
        args.seconds = QUICK_SECONDS
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the results (and write them as JSON with --json)."""
    args = parse_args(argv)
    if args.cpu:
        db = args.db or f"/tmp/parley-bench-{args.events}.db"
        build_store(db, args.events)
        build_story(db)
        cpu = cpu_per_request(db, args.cpu)
        for name, ms in cpu.items():
            print(f"{name:<20} {ms:8.2f} ms CPU")
        print(f"{'SUM':<20} {sum(cpu.values()):8.2f} ms CPU")
        if args.json:
            args.json.write_text(json.dumps({"cpu_ms": cpu}, indent=1))
        return 0
    result = run(args)
    report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
