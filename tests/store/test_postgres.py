"""The store on both backends: every test here runs on SQLite and on a real PostgreSQL server.

The same schema (migrated to head), the same writes and duplicate decisions, the same queries,
full-text search on each engine's own index, and `parley load` giving equal contents on both.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from parley.config import Settings
from parley.pipeline import ingest
from parley.store import Store, queries, views
from parley.store import schema as t
from parley.store.search import search_articles

from .test_store import write_articles


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "parley.store:migrations")
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def test_schema_is_at_head_with_the_engines_search_index(db_url: str) -> None:
    with Store(db_url) as store:
        insp = inspect(store.engine)
        tables = set(insp.get_table_names())
        assert {
            "articles",
            "sources",
            "events",
            "quotes",
            "claims",
            "positions",
            "actors",
            "places",
        } <= tables
        with store.engine.connect() as conn:
            assert conn.execute(text("select version_num from alembic_version")).scalar_one() == _head()
        columns = {c["name"] for c in insp.get_columns("articles")}
        if store.engine.dialect.name == "postgresql":
            assert "search_vector" in columns
            assert "ix_articles_search_vector" in {i["name"] for i in insp.get_indexes("articles")}
            assert "articles_fts" not in tables
        else:
            assert "search_vector" not in columns and "articles_fts" in tables
    Store(db_url).close()  # opening an up-to-date store again migrates nothing and fails nothing


def test_reingest_changes_nothing_and_exact_duplicates_are_linked(db_url: str, tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 3)
    copy = tmp_path / "in" / "copy-of-0.txt"
    copy.write_bytes(paths[0].read_bytes())
    settings = Settings(db=db_url)
    with Store(db_url) as store:
        assert ingest([str(p) for p in paths], store, settings).counts["stored"] == 3
        again = ingest([str(p) for p in paths], store, settings)
        assert again.counts["unchanged"] == 3 and again.counts["stored"] == 0
        assert ingest([str(copy)], store, settings).counts["duplicate"] == 1
        s = queries.stats(store.engine)
        assert s["articles"] == 3 and s["exact_duplicates"] == 1


def test_near_duplicate_is_linked_not_processed(db_url: str, tmp_path: Path) -> None:
    (p,) = write_articles(tmp_path / "in", 1)
    edited = tmp_path / "in" / "wire-copy.txt"
    edited.write_text(
        p.read_text("utf-8").replace("lasted", "took", 1) + "\n\n(Reporting by the desk)", "utf-8"
    )
    settings = Settings(db=db_url)
    with Store(db_url) as store:
        ingest([str(p)], store, settings)
        assert ingest([str(edited)], store, settings).counts["near_duplicate"] == 1
        rows = {r["location"]: r for r in queries.articles(store.engine)}
        assert rows[str(edited)]["duplicate_of"] == rows[str(p)]["id"]


def test_bad_inputs_are_recorded_once(db_url: str, tmp_path: Path) -> None:
    good = write_articles(tmp_path / "in", 1)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    settings = Settings(db=db_url)
    with Store(db_url) as store:
        for _ in range(2):
            report = ingest([str(empty), str(good[0])], store, settings)
            assert report.counts["failed"] == 1
        assert [f["reason"] for f in queries.failures(store.engine)] == ["empty"]


def test_readers_see_whole_articles_while_an_ingest_writes(db_url: str, tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "in", 30)
    settings = Settings(db=db_url)
    Store(db_url).close()
    counts: list[int] = []
    errors: list[Exception] = []
    stop = threading.Event()
    reader = Store(db_url, migrate_schema=False)

    def read() -> None:
        while not stop.is_set():
            try:
                both = select(  # one statement, so one snapshot on either engine
                    select(func.count()).select_from(t.articles).scalar_subquery(),
                    select(func.count()).select_from(t.article_lsh).scalar_subquery(),
                )
                with reader.engine.connect() as conn:
                    n, lsh = conn.execute(both).one()
                counts.append(n)
                if lsh != n * 32:  # an article is visible only with all its LSH bands
                    errors.append(AssertionError(f"{n} articles but {lsh} bands"))
            except Exception as e:
                errors.append(e)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        with Store(db_url) as store:
            ingest([str(p) for p in paths], store, settings)
    finally:
        stop.set()
        thread.join()
        reader.close()
    assert not errors, errors[:3]
    assert counts == sorted(counts), "readers see whole articles appear, never disappear"
    # the reader's last look may come before the last commit: count once more after the ingest
    with Store(db_url, migrate_schema=False) as store, store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.articles)).scalar_one() == len(paths)


def test_full_text_search(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    stories = {
        "geneva.txt": "Envoys meet in Geneva\n\nNegotiators met in Geneva on Monday to discuss a ceasefire "
        "along the northern front, and a prisoner exchange.",
        "doha.txt": "Corridor talks in Doha\n\nMediators in Doha said the humanitarian corridor would open "
        "on Friday if the ceasefire holds.",
        "oslo.txt": "Oslo hosts archive conference\n\nHistorians gathered in Oslo to discuss the archives of "
        "earlier peace processes.",
    }
    for name, body in stories.items():
        (folder / name).write_text(body, encoding="utf-8")
    settings = Settings(db=db_url)
    with Store(db_url) as store:
        ingest([str(folder / n) for n in stories], store, settings)
        hits = search_articles(store.engine, "ceasefire")
        assert {h["title"] for h in hits} == {"Envoys meet in Geneva", "Corridor talks in Doha"}
        (geneva,) = search_articles(store.engine, "Geneva ceasefire")
        assert geneva["title"] == "Envoys meet in Geneva" and "[Geneva]" in geneva["snippet"]
        # the title weighs more: Doha in the title beats Doha only in the body
        assert search_articles(store.engine, "Doha")[0]["title"] == "Corridor talks in Doha"
        assert search_articles(store.engine, 'Geneva" NEAR (ceasefire*') == [], "operators are only words"
        assert search_articles(store.engine, "  ...  ") == []
        assert len(search_articles(store.engine, "discuss", limit=1)) == 1
        # The API's search (views.articles) reads the same index on each engine: every word must
        # occur, the total counts all matches, and the snippet marks the words.
        with store.engine.connect() as conn:
            rows, total = views.articles(conn, views.Filters(q="ceasefire Geneva"), views.Page(limit=5))
            assert [r["title"] for r in rows] == ["Envoys meet in Geneva"] and total == 1
            assert f"{views.SNIPPET_OPEN}Geneva{views.SNIPPET_CLOSE}" in rows[0]["snippet"]
            rows, total = views.articles(conn, views.Filters(q="ceasefire"), views.Page(limit=1))
            assert len(rows) == 1 and total == 2
            assert views.articles(conn, views.Filters(q=" ... "), views.Page(limit=5)) == ([], 0)
            # the total is the same on every page: the second one, one past the last match, none matching
            rows, total = views.articles(conn, views.Filters(q="ceasefire"), views.Page(limit=1, offset=1))
            assert len(rows) == 1 and total == 2
            past_the_end = views.Page(limit=1, offset=2)
            assert views.articles(conn, views.Filters(q="ceasefire"), past_the_end) == ([], 2)
            assert views.articles(conn, views.Filters(q="archipelago"), views.Page(limit=5)) == ([], 0)


def test_read_indexes_exist(db_url: str) -> None:
    """Migration 0006's indexes are there on both engines (the API's read paths rely on them)."""
    with Store(db_url) as store:
        insp = inspect(store.engine)
        names = {
            i["name"]
            for tb in ("events", "event_actors", "quotes", "positions")
            for i in insp.get_indexes(tb)
        }
        assert {
            "ix_events_place_id_date",
            "ix_event_actors_actor_id_event_id",
            "ix_quotes_speaker_id_article_id",
            "ix_positions_party_id_article_id",
        } <= names
        assert "ix_event_actors_actor_id" not in names  # superseded by (actor_id, event_id)


@pytest.mark.spacy
def test_loaded_batch_output_is_the_same_on_both_backends(db_url: str, tmp_path: Path) -> None:
    """`parley load` of one batch output gives a store equal to plain ingest into SQLite."""
    from parley.batch import run_batch
    from parley.batch.load import load_output
    from tests.batch.helpers import shared_extractor, snapshot, write_shards

    shards = [str(p) for p in write_shards(tmp_path / "shards")]
    extractor = shared_extractor()
    out = tmp_path / "out"
    assert run_batch(shards, str(out), Settings(), workers=0, extractor=extractor).by_status()["done"] == 3
    with Store(str(tmp_path / "reference.db")) as reference:
        ingest(shards, reference, Settings(), extractor=extractor)
        expected = snapshot(reference.engine)
    settings = Settings(db=db_url)
    with Store(db_url) as store:
        first = load_output(str(out), store, settings)
        assert first.counts["stored"] == 10 and first.counts["near_duplicate"] == 1
        assert load_output(str(out), store, settings).counts["stored"] == 0
        assert snapshot(store.engine) == expected


def test_the_read_engine_cannot_write(db_url: str, tmp_path: Path) -> None:
    """The server's engine opens SQLite with mode=ro and PostgreSQL in read-only transactions."""
    from sqlalchemy.exc import DBAPIError

    from parley.store.db import make_engine

    paths = write_articles(tmp_path / "in", 1)
    with Store(db_url) as store:
        ingest([str(p) for p in paths], store, Settings(db=db_url))
    engine = make_engine(db_url, read_only=True)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("select count(*) from articles")).scalar_one() >= 1
            with pytest.raises(DBAPIError):
                conn.execute(text("delete from articles"))
    finally:
        engine.dispose()
