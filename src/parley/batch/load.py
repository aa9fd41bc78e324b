"""`parley load`: batch output (Parquet) → the store, idempotently, with the cross-article step.

Each finished shard's articles are taken in shard order and, within a shard, in input order,
and go through the same decisions as ``parley ingest``: an exact copy of a stored text is linked
as a duplicate (or left alone when it is the same input), a near-duplicate is linked to its
original and keeps no records, everything else is written with its records by
``Store.write_article``, one transaction per article. The duplicate checks are indexed lookups
of the new articles only, so loading a day's output into a large store is incremental; loading
the same output twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from parley import dedup
from parley.batch import markers, parquet, rows
from parley.config import Settings
from parley.errors import InputError, ParleyError
from parley.model import Document, Skip
from parley.pipeline import IngestReport, store_one
from parley.store import Store


@dataclass
class LoadReport(IngestReport):
    """What a load did: per-article outcomes as for ingest, and how many shards were read."""

    shards: int = 0


def load_output(
    out: str, store: Store, settings: Settings, *, on_item: Callable[[str, str], None] | None = None
) -> LoadReport:
    """Load every finished shard under ``out`` into ``store``; return what happened to each article.

    Raises InputError when ``out`` holds no finished shard. ``on_item(outcome, location)`` is
    called after each article or failure (for progress display).
    """
    filesystem, root = parquet.open_output(out)
    done = markers.read_markers(filesystem, root)
    if not done:
        raise InputError(
            f"{out}: no finished shards (no {markers.MARKERS}/*.json)",
            hint="run `parley batch INPUT... --out DIR` first, then load DIR",
        )
    report = LoadReport()
    for marker in sorted(done.values(), key=lambda m: (m.shard, m.key)):
        tables = parquet.read_files(filesystem, root, marker.files)
        _load_shard(tables, store, settings, report, on_item)
        report.shards += 1
    return report


def _load_shard(
    tables: Mapping[str, Any],
    store: Store,
    settings: Settings,
    report: LoadReport,
    on_item: Callable[[str, str], None] | None,
) -> None:
    records: dict[int, dict[str, list[dict[str, Any]]]] = {}
    for table in parquet.RECORD_TABLES:
        for row in sorted(tables[table].to_pylist(), key=lambda r: (r["article"], r["ordinal"])):
            records.setdefault(row["article"], {}).setdefault(table, []).append(row)
    # articles and failures in input order, as `parley ingest` meets them
    items = [(r["article"], 1, r) for r in tables["articles"].to_pylist()]
    items += [(r["ordinal"], 0, r) for r in tables["failures"].to_pylist()]
    for _, is_article, row in sorted(items, key=lambda item: (item[0], item[1])):
        if not is_article:
            store.write_failure(row["location"], row["reason"], row["message"])
            outcome, message = "failed", row["message"]
        else:
            try:
                outcome, message = _load_article(row, records.get(row["article"], {}), store, settings)
            except ParleyError as e:
                store.write_failure(row["location"], "error", e.one_line())
                outcome, message = "failed", e.one_line()
        report.add(outcome, message)
        if on_item:
            on_item(outcome, row["location"])


def _load_article(
    row: dict[str, Any],
    records: Mapping[str, Sequence[Mapping[str, Any]]],
    store: Store,
    settings: Settings,
) -> tuple[str, str | None]:
    """Return the outcome of one article: the decisions of `parley ingest` (pipeline.store_one),
    with the cleaning, fingerprint and records read from the batch output instead of recomputed."""
    raw = rows.raw_article(row)

    def prepare() -> Document | Skip:
        doc = rows.document(row, raw)
        if row["status"] == "skipped" or doc is None:
            return Skip(raw.source, row["skip_reason"])
        return doc

    return store_one(
        raw,
        row["spec"],
        store,
        settings,
        prepare=prepare,
        signature_of=lambda _doc: dedup.from_bytes(row["minhash"]),
        extract=lambda _doc, _aid: rows.extraction(row, records),
        extractor_version=row["extractor_version"],
    )
