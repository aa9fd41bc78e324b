"""The local engine: a plain process pool, each worker loading spaCy and the knowledge base once."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import TYPE_CHECKING

from parley.batch.markers import shard_key
from parley.batch.shard import ReadOptions, ShardStatus, run_shard
from parley.config import Settings

if TYPE_CHECKING:
    from parley.extract.extractor import Extractor

# "spawn" starts each worker from a fresh interpreter: forking a parent that already holds a
# loaded pipeline, a JVM (Spark) or database connections would copy them into every worker.
START_METHOD = "spawn"

_WORKER_EXTRACTOR: Extractor | None = None


def loaded_extractor(settings: Settings) -> Extractor:
    """Return an Extractor with its spaCy pipeline and knowledge base already loaded."""
    from parley.extract.extractor import Extractor

    extractor = Extractor(settings)
    _ = extractor.nlp, extractor.finder  # load now, so that no shard pays for it
    return extractor


def _init_worker(settings: Settings) -> None:
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = loaded_extractor(settings)


def _run_in_worker(shard: str, out: str, options: ReadOptions) -> ShardStatus:
    assert _WORKER_EXTRACTOR is not None, "the pool initializer loads the extractor"
    return run_shard(shard, out, _WORKER_EXTRACTOR, options)


def default_workers() -> int:
    """Return the number of worker processes to use by default: one per CPU this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_local(
    shards: Sequence[str],
    out: str,
    settings: Settings,
    options: ReadOptions,
    *,
    workers: int | None = None,
    on_status: Callable[[ShardStatus], None] | None = None,
    extractor: Extractor | None = None,
) -> list[ShardStatus]:
    """Return the status of each shard (in input order) after processing them in a process pool.

    ``workers=0`` processes the shards in this process (with ``extractor`` if given), which is
    what tests and debuggers want. A worker that dies (killed, out of memory) fails the shards it
    had; the others are unaffected and a rerun retries the failed ones.
    """
    statuses: dict[str, ShardStatus] = {}

    def report(status: ShardStatus) -> None:
        statuses[status.shard] = status
        if on_status:
            on_status(status)

    if workers == 0:
        ex = extractor or loaded_extractor(settings)
        for shard in shards:
            report(run_shard(shard, out, ex, options))
        return [statuses[s] for s in shards]
    n = max(1, min(workers or default_workers(), len(shards)))
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(
        max_workers=n, mp_context=context, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        futures: dict[Future[ShardStatus], str] = {
            pool.submit(_run_in_worker, s, out, options): s for s in shards
        }
        for future in as_completed(futures):
            shard = futures[future]
            try:
                report(future.result())
            except Exception as e:  # the worker process died, or its initializer failed
                report(
                    ShardStatus(
                        shard,
                        shard_key(shard),
                        "failed",
                        message=f"{shard}: worker failed: {e.__class__.__name__}: {e}; rerun to retry",
                    )
                )
    return [statuses[s] for s in shards]
