"""The store: migrations, one transaction per article, duplicates, crash safety, concurrent reads."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from parley.config import Settings
from parley.pipeline import ingest
from parley.store import Store, queries

PARAGRAPH = (
    "Officials from {a} and {b} met in {c} on Tuesday to discuss a prisoner exchange and the return of "
    "deported children. The talks, the {n}th round this year, lasted {h} hours, according to a statement "
    "released afterwards by the host government, which said both sides would meet again next month."
)


def write_articles(folder: Path, n: int, *, offset: int = 0) -> list[Path]:
    """Write ``n`` distinct small articles and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    places = ["Geneva", "Istanbul", "Riyadh", "Doha", "Abu Dhabi", "Vienna", "Oslo", "Ankara"]
    for i in range(offset, offset + n):
        text = f"Round {i} of talks\n\n" + " ".join(
            PARAGRAPH.format(a=f"Country{i}", b=f"Nation{i * 7}", c=places[i % len(places)], n=i, h=i % 9 + 1)
            + f" Item {i}-{k}: negotiators number {i * 13 + k} reviewed annex {k} of draft {i}."
            for k in range(3)
        )
        p = folder / f"article-{i:04d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def test_schema_is_migrated_and_plain_sqlite(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    Store(str(db)).close()
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {"articles", "sources", "events", "quotes", "claims", "positions", "actors", "places"} <= tables
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "parley.store:migrations")
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert con.execute("select version_num from alembic_version").fetchone()[0] == head
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_reingest_changes_nothing_and_exact_duplicates_are_linked(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    copy = tmp_path / "in" / "copy-of-0.txt"
    copy.write_bytes(paths[0].read_bytes())
    settings = Settings(db=str(tmp_path / "p.db"))
    with Store(settings.db) as store:
        first = ingest([str(p) for p in paths], store, settings, published=None)
        assert first.counts["stored"] == 3
        again = ingest([str(p) for p in paths], store, settings, published=None)
        assert again.counts["unchanged"] == 3 and again.counts["stored"] == 0
        dup = ingest([str(copy)], store, settings)
        assert dup.counts["duplicate"] == 1
        s = queries.stats(store.engine)
        assert s["articles"] == 3 and s["exact_duplicates"] == 1


def test_near_duplicate_is_linked_not_processed(tmp_path: Path) -> None:
    (p,) = write_articles(tmp_path / "in", 1)
    text = p.read_text(encoding="utf-8")
    edited = tmp_path / "in" / "wire-copy.txt"
    # a wire copy: one word changed and a credit line added
    edited.write_text(
        text.replace("lasted", "took", 1) + "\n\n(Reporting by the Parley desk)", encoding="utf-8"
    )
    settings = Settings(db=str(tmp_path / "p.db"))
    with Store(settings.db) as store:
        ingest([str(p)], store, settings)
        report = ingest([str(edited)], store, settings)
        assert report.counts["near_duplicate"] == 1
        rows = {r["location"]: r for r in queries.articles(store.engine)}
        near = rows[str(edited)]
        assert near["status"] == "near_duplicate" and near["duplicate_of"] == rows[str(p)]["id"]
        # a different article written from the same template is not a duplicate
        (other,) = write_articles(tmp_path / "other", 1, offset=5)
        assert ingest([str(other)], store, settings).counts["stored"] == 1


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = write_articles(tmp_path / "in", 2)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "in" / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    settings = Settings(db=str(tmp_path / "p.db"))
    with Store(settings.db) as store:
        report = ingest([str(empty), str(good[0]), str(binary), str(good[1])], store, settings)
        assert report.counts["stored"] == 2 and report.counts["failed"] == 2
        assert all("\n" not in m for m in report.messages)
        reasons = {f["reason"] for f in queries.failures(store.engine)}
        assert {"empty", "binary"} <= reasons


def _parley(*args: str) -> list[str]:
    return [sys.executable, "-m", "parley", *args]


@pytest.mark.slow
def test_sigkill_midway_leaves_an_intact_store_that_a_rerun_completes(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 400)
    db = tmp_path / "p.db"
    proc = subprocess.Popen(
        _parley("ingest", str(tmp_path / "in"), "--db", str(db), "--no-extract"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=5)
                stored = con.execute("select count(*) from articles").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 20:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < len(paths), "the kill must land midway"
    con = sqlite3.connect(db)
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    # every stored article is whole: its clean text and its LSH bands are there
    partial = con.execute(
        "select count(*) from articles a where a.clean_text is null or "
        "(select count(*) from article_lsh l where l.article_id = a.id) != 32"
    ).fetchone()[0]
    assert partial == 0
    con.close()
    done = subprocess.run(
        _parley("ingest", str(tmp_path / "in"), "--db", str(db), "--no-extract"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from articles").fetchone()[0] == len(paths)


def test_readers_query_while_an_ingest_writes(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 60)
    settings = Settings(db=str(tmp_path / "p.db"))
    Store(settings.db).close()
    errors: list[Exception] = []
    counts: list[int] = []
    stop = threading.Event()

    def reader() -> None:
        con = sqlite3.connect(settings.db, timeout=1)
        while not stop.is_set():
            try:
                counts.append(con.execute("select count(*) from articles").fetchone()[0])
            except Exception as e:  # any lock error is a failure of the test
                errors.append(e)
            time.sleep(0.005)
        con.close()

    t = threading.Thread(target=reader)
    t.start()
    try:
        with Store(settings.db) as store:
            ingest([str(tmp_path / "in" / f) for f in sorted(os.listdir(tmp_path / "in"))], store, settings)
    finally:
        stop.set()
        t.join()
    assert not errors
    assert counts == sorted(counts), "readers see whole articles appear, never disappear"
    assert any(0 < c < 60 for c in counts), "reads happened while the ingest was writing"
    assert sqlite3.connect(settings.db).execute("select count(*) from articles").fetchone()[0] == 60
