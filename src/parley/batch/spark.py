"""The Spark engine: one task per shard through ``DataFrame.mapInArrow``.

Only the DataFrame API is used (``range`` → ``mapInArrow`` → ``collect``), so the same code runs
on a local session, on a cluster under spark-submit, and over Spark Connect. Each task runs
``run_shard`` on its shard: the executors write the Parquet files and done-markers themselves
(so ``--out`` must be a folder every executor sees: a shared mount, or an object-store URI
pyarrow can open) and send back one status row per shard. The Extractor is cached in the Python
worker process, which Spark reuses from task to task: spaCy and the knowledge base load once per
worker, not per shard or article.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from parley.batch.shard import COUNTS, ReadOptions, ShardStatus, run_shard
from parley.config import Settings

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from parley.extract.extractor import Extractor

# What each task sends back: one row per shard (ShardStatus.as_row()).
STATUS_ARROW = pa.schema(
    [
        ("shard", pa.string()),
        ("key", pa.string()),
        ("status", pa.string()),
        ("seconds", pa.float64()),
        ("message", pa.string()),
        *((name, pa.int64()) for name in COUNTS),
    ]
)
STATUS_DDL = ", ".join(
    f"`{f.name}` {'double' if f.type == pa.float64() else 'bigint' if f.type == pa.int64() else 'string'}"
    for f in STATUS_ARROW
)

# Per Python worker process: the Extractor for each settings value, loaded on the first shard.
_WORKER_EXTRACTORS: dict[Settings, Extractor] = {}


def worker_extractor(settings: Settings) -> Extractor:
    """Return this worker process's Extractor for ``settings``, loading it on first use."""
    if settings not in _WORKER_EXTRACTORS:
        from parley.batch.local import loaded_extractor

        _WORKER_EXTRACTORS[settings] = loaded_extractor(settings)
    return _WORKER_EXTRACTORS[settings]


def shard_task(
    shards: Sequence[str], out: str, settings: Settings, options: ReadOptions
) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """Return the function mapInArrow runs: shard numbers in, one status row per shard out."""

    def task(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for number in batch.column(0).to_pylist():
                shard = shards[number]
                try:
                    status = run_shard(shard, out, worker_extractor(settings), options)
                except (
                    Exception
                ) as e:  # e.g. the model is missing on this worker: fail the shard, not the job
                    from parley.batch.markers import shard_key

                    status = ShardStatus(
                        shard,
                        shard_key(shard),
                        "failed",
                        message=f"{shard}: worker failed: {e.__class__.__name__}: {e}",
                    )
                yield pa.RecordBatch.from_pylist([status.as_row()], schema=STATUS_ARROW)

    return task


def spark_session(
    master: str | None = None, remote: str | None = None, conf: dict[str, str] | None = None
) -> SparkSession:
    """Return the active Spark session, or a new one for ``master`` (or Spark Connect ``remote``).

    Under spark-submit the session (and its master) come from spark-submit. Otherwise
    PYSPARK_PYTHON is set to this interpreter (unless already set), so that local and
    standalone workers run the same Python, with the same packages, as the driver.
    """
    from pyspark.sql import SparkSession

    if remote:
        return SparkSession.builder.remote(remote).appName("parley-batch").getOrCreate()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    builder = SparkSession.builder.appName("parley-batch").config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def run_spark(
    shards: Sequence[str],
    out: str,
    settings: Settings,
    options: ReadOptions,
    *,
    spark: Any = None,
    master: str | None = None,
    remote: str | None = None,
    on_status: Callable[[ShardStatus], None] | None = None,
) -> list[ShardStatus]:
    """Return the status of each shard (in input order) after processing them as Spark tasks."""
    if not shards:
        return []
    session = spark or spark_session(master, remote)
    # One partition per shard: a task is a shard, so a slow shard delays only itself.
    numbers = session.range(0, len(shards), 1, numPartitions=len(shards))
    rows = numbers.mapInArrow(shard_task(list(shards), out, settings, options), STATUS_DDL).collect()
    statuses = {}
    for row in rows:
        status = ShardStatus.from_row(row.asDict())
        statuses[status.shard] = status
        if on_status:
            on_status(status)
    return [statuses[s] for s in shards]
