"""The batch output: Arrow schemas of its tables and their Parquet files, partitioned by date.

Layout of an output folder (Hive-style partitions, so Spark, DuckDB and ``pyarrow.dataset`` read
it as six tables with a ``published`` column)::

    OUT/articles/published=2025-12-01/<shard key>.parquet
    OUT/events/published=2025-12-01/<shard key>.parquet     (quotes, claims, positions alike)
    OUT/failures/published=__HIVE_DEFAULT_PARTITION__/<shard key>.parquet
    OUT/_done/<shard key>.json                               (see markers.py)

Each shard writes one file per table and date, named after the shard, so a rerun of a shard
replaces exactly its own files. Files are written under a hidden name and renamed when the whole
shard is through; readers skip hidden names and folders starting with "_".
"""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pyarrow import fs as pafs

# The partition column. Hive, Spark and pyarrow all read this value as null: articles without a
# publication date (and failures, which have none) go there.
PARTITION = "published"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
# Rows buffered per (table, date) before they go to the file as one row group: big enough for
# Parquet's column compression to pay off, small enough that a shard of long articles stays in
# a few hundred MB of memory.
FLUSH_ROWS = 512

ACTOR = pa.struct(
    [
        ("name", pa.string()),
        ("kind", pa.string()),
        ("id", pa.string()),
        ("affiliation", pa.string()),
        ("method", pa.string()),
        ("reason", pa.string()),
        ("confidence", pa.float64()),
    ]
)
PLACE = pa.struct(
    [
        ("name", pa.string()),
        ("geonameid", pa.int64()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("feature", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
        ("method", pa.string()),
        ("reason", pa.string()),
        ("confidence", pa.float64()),
    ]
)
EVIDENCE = pa.struct(
    [
        ("span_start", pa.int64()),
        ("span_end", pa.int64()),
        ("sentence_start", pa.int64()),
        ("sentence_end", pa.int64()),
        ("stage", pa.string()),
        ("version", pa.string()),
    ]
)
REMOVED = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("reason", pa.string())])

# Every record row names its shard, the article's position in the shard (the join key: two
# articles of one shard may claim the same id) and the article id (for people reading the files).
_RECORD_KEYS = [
    ("shard", pa.string()),
    ("article", pa.int32()),
    ("article_id", pa.string()),
    ("ordinal", pa.int32()),
]
# Evidence, flattened as in the store, plus the sentence itself for readers without the article.
_EVIDENCE_COLUMNS = [*((f.name, f.type) for f in EVIDENCE), ("sentence", pa.string())]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("shard", pa.string()),
            ("article", pa.int32()),
            ("article_id", pa.string()),
            ("external_id", pa.string()),
            ("spec", pa.string()),
            ("location", pa.string()),
            ("kind", pa.string()),
            ("title", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
            ("language", pa.string()),
            ("authors", pa.list_(pa.string())),
            ("raw_text", pa.large_string()),
            ("clean_text", pa.large_string()),
            ("offset_map", pa.list_(pa.list_(pa.int64(), 4))),
            ("removed", pa.list_(REMOVED)),
            ("content_hash", pa.string()),
            ("status", pa.string()),
            ("skip_reason", pa.string()),
            ("minhash", pa.binary()),
            ("extractor_version", pa.string()),
            ("actors", pa.list_(ACTOR)),
            ("places", pa.list_(PLACE)),
        ]
    ),
    "events": pa.schema(
        [
            *_RECORD_KEYS,
            ("type", pa.string()),
            ("mode", pa.string()),
            ("date", pa.date32()),
            ("date_precision", pa.string()),
            ("date_text", pa.string()),
            ("date_start", pa.int64()),
            ("date_end", pa.int64()),
            ("place", PLACE),
            ("modality", pa.string()),
            ("trigger", pa.string()),
            ("actors", pa.list_(ACTOR)),
            *_EVIDENCE_COLUMNS,
        ]
    ),
    "quotes": pa.schema(
        [
            *_RECORD_KEYS,
            ("text", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("direct", pa.bool_()),
            ("cue", pa.string()),
            ("speaker", ACTOR),
            *_EVIDENCE_COLUMNS,
        ]
    ),
    "claims": pa.schema(
        [
            *_RECORD_KEYS,
            ("claimant", ACTOR),
            ("subject", pa.string()),
            ("status", pa.string()),
            ("place", PLACE),
            ("disputed_by", pa.list_(ACTOR)),
            ("denial_evidence", pa.list_(EVIDENCE)),
            *_EVIDENCE_COLUMNS,
        ]
    ),
    "positions": pa.schema(
        [
            *_RECORD_KEYS,
            ("party", ACTOR),
            ("issue", pa.string()),
            ("stance", pa.string()),
            *_EVIDENCE_COLUMNS,
        ]
    ),
    "failures": pa.schema(
        [
            ("shard", pa.string()),
            ("ordinal", pa.int32()),
            ("location", pa.string()),
            ("reason", pa.string()),
            ("message", pa.string()),
        ]
    ),
}
TABLES = tuple(SCHEMAS)
RECORD_TABLES = ("events", "quotes", "claims", "positions")


def open_output(out: str) -> tuple[pafs.FileSystem, str]:
    """Return the filesystem and root path of an output folder (a local path or a URI like s3://…)."""
    if "://" in out:
        filesystem, root = pafs.FileSystem.from_uri(out)
        return filesystem, root.rstrip("/")
    import os

    return pafs.LocalFileSystem(), os.path.abspath(out)


def partition_dir(table: str, published: str | None) -> str:
    """Return the folder of one table's partition, relative to the output root."""
    return posixpath.join(table, f"{PARTITION}={published or NULL_PARTITION}")


@dataclass
class ShardWriter:
    """Writes one shard's rows into hidden files, one per (table, date); ``commit`` renames them."""

    filesystem: pafs.FileSystem
    root: str
    key: str
    _buffers: dict[tuple[str, str | None], list[dict[str, Any]]] = field(default_factory=dict)
    _writers: dict[tuple[str, str | None], pq.ParquetWriter] = field(default_factory=dict)

    def _hidden(self, table: str, published: str | None) -> str:
        return posixpath.join(self.root, partition_dir(table, published), f".{self.key}.parquet.tmp")

    def add(self, table: str, published: str | None, rows: Iterable[dict[str, Any]]) -> None:
        """Queue rows of ``table`` in the partition of ``published`` (YYYY-MM-DD or None)."""
        buffer = self._buffers.setdefault((table, published), [])
        buffer.extend(rows)
        if len(buffer) >= FLUSH_ROWS:
            self._flush(table, published)

    def _flush(self, table: str, published: str | None) -> None:
        rows = self._buffers.get((table, published))
        if not rows:
            return
        writer = self._writers.get((table, published))
        if writer is None:
            path = self._hidden(table, published)
            self.filesystem.create_dir(posixpath.dirname(path), recursive=True)
            writer = pq.ParquetWriter(path, SCHEMAS[table], filesystem=self.filesystem)
            self._writers[(table, published)] = writer
        writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
        rows.clear()

    def commit(self) -> list[str]:
        """Close every file and give it its final name; return the paths relative to the root."""
        for table, published in list(self._buffers):
            self._flush(table, published)
        final = []
        for (table, published), writer in sorted(
            self._writers.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")
        ):
            writer.close()
            relative = posixpath.join(partition_dir(table, published), f"{self.key}.parquet")
            self.filesystem.move(self._hidden(table, published), posixpath.join(self.root, relative))
            final.append(relative)
        self._writers.clear()
        return final

    def abort(self) -> None:
        """Close and delete the hidden files written so far."""
        for (table, published), writer in self._writers.items():
            try:
                writer.close()
            finally:
                _delete_quietly(self.filesystem, self._hidden(table, published))
        self._writers.clear()
        self._buffers.clear()


def remove_shard_files(filesystem: pafs.FileSystem, root: str, key: str) -> None:
    """Delete every file an earlier attempt at shard ``key`` left (final or hidden)."""
    names = {f"{key}.parquet", f".{key}.parquet.tmp"}
    for table in TABLES:
        selector = pafs.FileSelector(posixpath.join(root, table), allow_not_found=True, recursive=True)
        for info in filesystem.get_file_info(selector):
            if info.type == pafs.FileType.File and info.base_name in names:
                _delete_quietly(filesystem, info.path)


def _delete_quietly(filesystem: pafs.FileSystem, path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        filesystem.delete_file(path)


def read_files(filesystem: pafs.FileSystem, root: str, relative_paths: Iterable[str]) -> dict[str, pa.Table]:
    """Return each table's rows from the given files, with ``published`` taken from the folder name."""
    parts: dict[str, list[pa.Table]] = {}
    for relative in relative_paths:
        table_name, partition = relative.split("/")[:2]
        value = partition.split("=", 1)[1]
        data = pq.read_table(
            posixpath.join(root, relative), filesystem=filesystem, schema=SCHEMAS[table_name]
        )
        column = pa.array([None if value == NULL_PARTITION else value] * data.num_rows, pa.string())
        parts.setdefault(table_name, []).append(data.append_column(PARTITION, column))
    out = {}
    for name in TABLES:
        schema = SCHEMAS[name].append(pa.field(PARTITION, pa.string()))
        out[name] = pa.concat_tables(parts[name]) if name in parts else schema.empty_table()
    return out
