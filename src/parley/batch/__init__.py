"""Batch processing: shards of articles → Parquet on a process pool or Spark, then into a store.

Two steps, each restartable:

* ``run_batch`` runs ``shard.run_shard`` on every shard (a WARC or JSONL file) with the chosen
  engine and writes the records as Parquet partitioned by publication date. A shard already
  done (its done-marker matches) is skipped; a shard that fails is reported and the rest go on.
* ``load.load_output`` loads that Parquet into a store (SQLite or PostgreSQL) idempotently and
  runs the cross-article step (exact and near-duplicate detection) as ``parley ingest`` would.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from parley.batch.shard import COUNTS, STATUSES, ReadOptions, ShardStatus
from parley.config import Settings
from parley.errors import InputError

if TYPE_CHECKING:
    from parley.extract.extractor import Extractor

ENGINES = ("local", "spark")


@dataclass
class BatchReport:
    """The status of every shard of a batch run, and their summed counts."""

    shards: list[ShardStatus] = field(default_factory=list)

    def by_status(self) -> dict[str, int]:
        """Return how many shards came to each status."""
        out = dict.fromkeys(STATUSES, 0)
        for s in self.shards:
            out[s.status] += 1
        return out

    def totals(self) -> dict[str, int]:
        """Return the counts summed over the shards processed now or earlier (not the failed ones)."""
        out = dict.fromkeys(COUNTS, 0)
        for s in self.shards:
            for k in COUNTS:
                out[k] += s.counts.get(k, 0)
        return out

    @property
    def failed(self) -> list[ShardStatus]:
        return [s for s in self.shards if s.status == "failed"]


def expand_shards(inputs: Iterable[str]) -> list[str]:
    """Return the shard files named by ``inputs`` (folders walked as `parley ingest` walks them)."""
    from parley.ingest.walk import expand

    for spec in inputs:
        if "://" in spec:
            raise InputError(
                f"{spec}: batch shards are files", hint="download it first, or use `parley ingest`"
            )
    return list(dict.fromkeys(os.path.abspath(p) for p in expand(inputs).inputs))


def run_batch(
    inputs: Sequence[str],
    out: str,
    settings: Settings,
    *,
    engine: str = "local",
    workers: int | None = None,
    options: ReadOptions | None = None,
    on_status: Callable[[ShardStatus], None] | None = None,
    extractor: Extractor | None = None,
    spark: Any = None,
    master: str | None = None,
    remote: str | None = None,
) -> BatchReport:
    """Return the report of processing every shard in ``inputs`` into Parquet under ``out``.

    ``engine`` "local" uses a process pool of ``workers`` (default: one per CPU; 0 = this
    process, with ``extractor`` if given); "spark" uses the session ``spark``, or one for
    ``master`` (e.g. local[2]) or for the Spark Connect URL ``remote``.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}", hint=f"choose one of {', '.join(ENGINES)}")
    shards = expand_shards(inputs)
    options = options or ReadOptions()
    if "://" not in out:
        os.makedirs(out, exist_ok=True)
    if engine == "spark":
        from parley.batch.spark import run_spark

        statuses = run_spark(
            shards, out, settings, options, on_status=on_status, spark=spark, master=master, remote=remote
        )
    else:
        from parley.batch.local import run_local

        statuses = run_local(
            shards, out, settings, options, workers=workers, on_status=on_status, extractor=extractor
        )
    return BatchReport(statuses)


__all__ = ["ENGINES", "BatchReport", "ReadOptions", "ShardStatus", "expand_shards", "run_batch"]
