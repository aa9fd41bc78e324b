"""One shard (a WARC or JSONL file) → rows of the batch tables: the function every engine runs.

``shard_rows`` is pure: it reads the shard and nothing else (no store, no other shard), so its
output depends only on (shard, knowledge base, settings) and any worker may compute it, any
number of times. ``run_shard`` adds the side effects around it: it writes the rows as Parquet
and leaves a done-marker, so that a rerun skips the shard. Duplicate detection, which needs every
other article, happens when the output is loaded into a store (``parley.batch.load``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from parley import dedup
from parley.batch import markers, parquet
from parley.batch.rows import Row, article_rows, failure_row
from parley.errors import ParleyError
from parley.model import Failure, RawArticle, Skip

if TYPE_CHECKING:
    from parley.extract.extractor import Extractor

# What a shard can come to: written now, already written by an earlier run, or not written.
STATUSES = ("done", "skipped", "failed")
COUNTS = ("articles", "extracted", "skipped", "failures", "events", "quotes", "claims", "positions")


@dataclass(frozen=True)
class ReadOptions:
    """How to read the shards, as ``parley ingest`` takes it: a date override, a format, an outlet."""

    published: date | None = None
    fmt: str | None = None
    outlet: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the options as plain values (for fingerprints)."""
        return {
            "published": self.published.isoformat() if self.published else None,
            "fmt": self.fmt,
            "outlet": self.outlet,
        }


@dataclass
class ShardStatus:
    """What became of one shard: its status, counts, time taken and, if it failed, why."""

    shard: str
    key: str
    status: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    seconds: float = 0.0
    message: str | None = None

    def as_row(self) -> dict[str, Any]:
        """Return the status as one flat row (how the Spark engine sends it back)."""
        row = asdict(self)
        row.update(row.pop("counts"))
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ShardStatus:
        """Return the status a flat row describes."""
        counts = {k: int(row[k] or 0) for k in COUNTS}
        return cls(row["shard"], row["key"], row["status"], counts, float(row["seconds"]), row["message"])


def shard_rows(
    shard: str, extractor: Extractor, options: ReadOptions
) -> Iterator[tuple[str | None, dict[str, list[Row]]]]:
    """Return an iterator of (published date or None, rows by table), one per item of the shard."""
    from parley.ingest import read_inputs

    key = markers.shard_key(shard)
    items = read_inputs(
        [shard], extractor.settings, published=options.published, fmt=options.fmt, outlet=options.outlet
    )
    for ordinal, item in enumerate(items):
        if isinstance(item, Failure):
            yield _failure(key, ordinal, item.source, item.reason, item.message)
            continue
        yield _article(item, ordinal, shard, key, extractor)


def _failure(
    key: str, ordinal: int, location: str, reason: str, message: str
) -> tuple[None, dict[str, list[Row]]]:
    row = failure_row(shard=key, ordinal=ordinal, location=location, reason=reason, message=message)
    return None, {"failures": [row]}


def _article(
    raw: RawArticle, ordinal: int, spec: str, key: str, extractor: Extractor
) -> tuple[str | None, dict[str, list[Row]]]:
    from parley.clean import clean

    published = raw.meta.published.isoformat() if raw.meta.published else None
    common: dict[str, Any] = {
        "shard": key,
        "article": ordinal,
        "spec": spec,
        "raw": raw,
        "article_id": raw.article_id,
    }
    cleaned = clean(raw)
    if isinstance(cleaned, Skip):
        return published, article_rows(
            **common, doc=None, status="skipped", skip_reason=cleaned.reason, minhash=None, extraction=None
        )
    try:
        extraction = extractor.extract_document(cleaned, doc_id=raw.article_id)
    except ParleyError as e:  # as in `parley ingest`: the article is a recorded failure, the rest go on
        return _failure(key, ordinal, raw.source, "error", e.one_line())
    minhash = dedup.to_bytes(dedup.signature(cleaned.text))
    return published, article_rows(
        **common, doc=cleaned, status="extracted", skip_reason=None, minhash=minhash, extraction=extraction
    )


def run_shard(shard: str, out: str, extractor: Extractor, options: ReadOptions) -> ShardStatus:
    """Return the status of one shard after writing its Parquet files and done-marker (or skipping it).

    Never raises for a problem with the shard: a shard that cannot be read or processed comes
    back as status "failed" with a one-line message, and leaves no files and no marker.
    """
    start = time.perf_counter()
    key = markers.shard_key(shard)
    status = ShardStatus(shard, key, "failed")
    try:
        fp = markers.fingerprint(shard, options.as_dict(), extractor.settings, extractor.version)
    except OSError as e:
        status.message = f"{shard}: cannot read the shard ({e.strerror or e}); check the path"
        return status
    filesystem, root = parquet.open_output(out)
    done = markers.read_marker(filesystem, root, key)
    if done is not None and done.fingerprint == fp:
        status.status, status.counts = "skipped", {k: done.counts.get(k, 0) for k in COUNTS}
        return status
    markers.remove_marker(filesystem, root, key)
    parquet.remove_shard_files(filesystem, root, key)
    writer = parquet.ShardWriter(filesystem, root, key)
    try:
        for published, rows in shard_rows(shard, extractor, options):
            for table, table_rows in rows.items():
                writer.add(table, published if table != "failures" else None, table_rows)
            _count(status.counts, rows)
        files = writer.commit()
        markers.write_marker(
            filesystem,
            root,
            markers.Marker(
                shard=shard,
                key=key,
                fingerprint=fp,
                files=files,
                counts=status.counts,
                seconds=round(time.perf_counter() - start, 3),
            ),
        )
    except Exception as e:  # one shard's failure is reported and the batch goes on
        writer.abort()
        first = str(e).splitlines()[0] if str(e) else ""
        status.message = f"{shard}: shard failed: {e.__class__.__name__}: {first}; rerun to retry it"
        status.seconds = time.perf_counter() - start
        return status
    status.status = "done"
    status.seconds = time.perf_counter() - start
    return status


def _count(counts: dict[str, int], rows: dict[str, list[Row]]) -> None:
    for article in rows.get("articles", ()):
        counts["articles"] += 1
        counts["extracted" if article["status"] == "extracted" else "skipped"] += 1
    counts["failures"] += len(rows.get("failures", ()))
    for table in parquet.RECORD_TABLES:
        counts[table] += len(rows.get(table, ()))
