"""The batch path: shards → Parquet (local engine) → store, against the plain `parley ingest` path."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from click.testing import CliRunner

from parley.batch import ReadOptions, markers, parquet, rows, run_batch
from parley.batch.load import load_output
from parley.batch.shard import run_shard
from parley.clean import clean
from parley.config import Settings
from parley.extract.record import to_full, to_record
from parley.ingest import read_inputs
from parley.model import Document, RawArticle
from parley.pipeline import ingest
from parley.store import Store

from .helpers import read_output, snapshot

pytestmark = pytest.mark.spacy


def test_parquet_records_are_the_extractor_records(
    shards: list[str], inprocess_out: Path, extractor: Any
) -> None:
    """Every article's records rebuilt from Parquet equal the Extractor's own, field for field."""
    tables = read_output(inprocess_out)
    records: dict[tuple[str, int], dict[str, list[dict[str, Any]]]] = {}
    for table in parquet.RECORD_TABLES:
        for row in tables[table]:
            records.setdefault((row["shard"], row["article"]), {}).setdefault(table, []).append(row)
    by_location = {r["location"]: r for r in tables["articles"]}
    checked = 0
    for item in read_inputs(shards, Settings()):
        if not isinstance(item, RawArticle):
            continue
        row = by_location[item.source]
        doc = clean(item)
        if not isinstance(doc, Document):
            assert row["status"] == "skipped" and row["skip_reason"]
            continue
        direct = extractor.extract_document(doc, doc_id=item.article_id)
        raw = rows.raw_article(row)
        rebuilt = rows.extraction(row, records.get((row["shard"], row["article"]), {}))
        assert rebuilt is not None
        assert to_full(rebuilt, rows.document(row, raw)) == to_full(direct, doc)
        assert to_record(rebuilt) == to_record(direct)
        assert raw.content_hash == item.content_hash and rows.document(row, raw).text == doc.text  # type: ignore[union-attr]
        checked += 1
    assert checked == 12  # 8 eval articles, 2 copies, 2 web pages; the too-short one is skipped
    assert sum(len(tables[t]) for t in parquet.RECORD_TABLES) > 50, "the eval articles give many records"
    assert [f["location"].rsplit("/", 1)[-1] for f in tables["failures"]] == ["a.jsonl:5"]


def test_output_is_partitioned_by_publication_date(inprocess_out: Path) -> None:
    events = ds.dataset(inprocess_out / "events", format="parquet", partitioning="hive").to_table()
    assert set(events.column("published").to_pylist()) >= {"2025-05-11", "2025-11-29", "2025-12-13"}
    articles = ds.dataset(inprocess_out / "articles", format="parquet", partitioning="hive").to_table()
    assert articles.num_rows == 13
    for path in (inprocess_out / "articles").rglob("*.parquet"):
        assert path.parent.name.startswith("published=")
    failures = list((inprocess_out / "failures").iterdir())
    assert [p.name for p in failures] == [f"published={parquet.NULL_PARTITION}"]


def test_process_pool_with_two_workers_gives_the_same_parquet(
    shards: list[str], inprocess_out: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pool"
    report = run_batch(shards, str(out), Settings(), engine="local", workers=2)
    assert report.by_status()["done"] == 3
    assert read_output(out) == read_output(inprocess_out)


def test_rerun_skips_done_shards_and_redoes_a_changed_one(
    shards: list[str], inprocess_out: Path, extractor: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(inprocess_out, out)
    settings = Settings()
    again = run_batch(shards, str(out), settings, workers=0, extractor=extractor)
    assert again.by_status() == {"done": 0, "skipped": 3, "failed": 0}
    assert again.totals()["articles"] == 13
    # a leftover from a killed attempt: a hidden half-file and no marker for shard a
    key = markers.shard_key(shards[0])
    (out / markers.MARKERS / f"{key}.json").unlink()
    stray = out / "events" / "published=2025-12-01" / f".{key}.parquet.tmp"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"half a file")
    status = run_shard(shards[0], str(out), extractor, ReadOptions())
    assert status.status == "done" and not stray.exists()
    assert read_output(out) == read_output(inprocess_out)
    # other reading options make a different output: the shard is done again
    redone = run_shard(shards[0], str(out), extractor, ReadOptions(outlet="Other desk"))
    assert redone.status == "done"


class _Failing:
    """An extractor that breaks on one article, as a bug would."""

    def __init__(self, real: Any) -> None:
        self.real, self.settings, self.version = real, real.settings, real.version

    def extract_document(self, doc: Document, *, doc_id: str) -> Any:
        if "Doha" in doc.text:
            raise RuntimeError("index out of range\nsecond line")
        return self.real.extract_document(doc, doc_id=doc_id)


def test_a_failed_shard_is_reported_and_the_rest_go_on(
    shards: list[str], extractor: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    missing = str(tmp_path / "missing.jsonl")
    report = run_batch(
        [shards[2], missing, shards[0]], str(out), Settings(), workers=0, extractor=_Failing(extractor)
    )
    assert [s.status for s in report.shards] == ["failed", "failed", "done"]
    warc, gone = report.failed
    assert "RuntimeError: index out of range" in (warc.message or "") and "\n" not in (warc.message or "")
    assert "cannot read the shard" in (gone.message or "")
    done = markers.read_markers(*parquet.open_output(str(out)))
    assert list(done) == [markers.shard_key(shards[0])]
    assert not any(p.name.startswith(".") for p in out.rglob("*")), "no hidden files are left behind"
    # the rerun does only what failed
    retry = run_batch([shards[2], shards[0]], str(out), Settings(), workers=0, extractor=extractor)
    assert [s.status for s in retry.shards] == ["done", "skipped"]


def test_load_gives_the_store_that_ingest_gives(
    shards: list[str], inprocess_out: Path, extractor: Any, tmp_path: Path
) -> None:
    settings = Settings()
    with Store(str(tmp_path / "ingest.db")) as plain:
        report = ingest(shards, plain, settings, extractor=extractor)
        expected = snapshot(plain.engine)
    with Store(str(tmp_path / "batch.db")) as store:
        loaded = load_output(str(inprocess_out), store, settings)
        assert loaded.counts == report.counts
        assert loaded.counts == {
            "stored": 10,
            "unchanged": 0,
            "duplicate": 1,
            "near_duplicate": 1,
            "skipped": 1,
            "failed": 1,
        }
        assert snapshot(store.engine) == expected
        again = load_output(str(inprocess_out), store, settings)
        assert again.counts["stored"] == 0 and again.counts["unchanged"] == 13
        assert snapshot(store.engine) == expected, "loading twice changes nothing"


def test_cli_batch_then_load(shards: list[str], tmp_path: Path) -> None:
    from parley.cli import commands  # noqa: F401
    from parley.cli.main import cli

    runner = CliRunner()
    out, db = tmp_path / "out", tmp_path / "p.db"
    first = runner.invoke(
        cli, ["batch", shards[1], str(tmp_path / "nope.jsonl"), "--out", str(out), "--workers", "0"]
    )
    assert first.exit_code == 2, first.output
    assert "nope.jsonl: cannot read the shard" in first.output and "failed 1" in first.output
    second = runner.invoke(cli, ["batch", shards[1], "--out", str(out), "--workers", "0"])
    assert second.exit_code == 0 and "already done 1" in second.output
    loaded = runner.invoke(cli, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert "stored 6, unchanged 0, duplicates 0, near-duplicates 0" in loaded.output
    empty = runner.invoke(cli, ["load", str(tmp_path / "nothing"), "--db", str(db)])
    assert empty.exit_code != 0 and "no finished shards" in empty.output
