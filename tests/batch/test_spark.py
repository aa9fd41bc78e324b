"""The Spark engine on a real local[2] session: the same Parquet as the local engine, restartable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parley.batch import run_batch
from parley.config import Settings

from .helpers import read_output

pytestmark = [pytest.mark.slow, pytest.mark.spacy]


def test_spark_local2_gives_the_same_parquet_and_reruns_skip(
    shards: list[str], inprocess_out: Path, spark: Any, tmp_path: Path
) -> None:
    out = tmp_path / "spark"
    missing = str(tmp_path / "missing.warc.gz")
    report = run_batch([*shards, missing], str(out), Settings(), engine="spark", spark=spark)
    assert [s.status for s in report.shards] == ["done", "done", "done", "failed"]
    assert "missing.warc.gz: cannot read the shard" in (report.failed[0].message or "")
    assert read_output(out) == read_output(inprocess_out)
    # Spark reads the output back as partitioned tables
    events = spark.read.parquet(str(out / "events"))
    assert events.count() == len(read_output(inprocess_out)["events"])
    assert dict(events.dtypes)["published"] == "date"
    again = run_batch(shards, str(out), Settings(), engine="spark", spark=spark)
    assert again.by_status() == {"done": 0, "skipped": 3, "failed": 0}
