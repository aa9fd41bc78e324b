"""Done-markers: what makes a batch restartable.

A shard is done when ``OUT/_done/<key>.json`` exists and its fingerprint matches the shard as it
is now (path, size, modification time), the reading options and the extractor. The marker is
written last, after the shard's Parquet files have their final names, so a shard killed midway
has no marker and is simply done again (its leftover files are removed first). The marker also
lists the shard's files, which is all ``parley load`` reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import posixpath
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from pyarrow import fs as pafs

from parley.config import Settings

MARKERS = "_done"
# Shard keys keep this much of the file name so that a person can tell the markers apart; the
# hash of the full path behind it keeps them unique.
KEY_NAME_CHARS = 60
KEY_HASH_CHARS = 12
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def shard_key(shard: str) -> str:
    """Return the name a shard's files and marker carry: its file name plus a hash of its path."""
    path = os.path.abspath(shard)
    name = _UNSAFE.sub("_", os.path.basename(path))[:KEY_NAME_CHARS].lstrip(".") or "shard"
    return f"{name}-{hashlib.sha256(path.encode('utf-8')).hexdigest()[:KEY_HASH_CHARS]}"


def fingerprint(shard: str, options: dict[str, Any], settings: Settings, extractor_version: str) -> str:
    """Return a hash of everything a shard's output depends on; raises OSError for a missing shard."""
    st = os.stat(shard)
    parts = {
        "path": os.path.abspath(shard),
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "options": options,
        "extractor": extractor_version,
        "spacy_model": settings.spacy_model,
        "max_bytes": settings.max_bytes,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()


@dataclass
class Marker:
    """What a finished shard left: where it came from, its files and its counts."""

    shard: str
    key: str
    fingerprint: str
    files: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    finished_at: str = ""


def write_marker(filesystem: pafs.FileSystem, root: str, marker: Marker) -> None:
    """Write a shard's done-marker (under a hidden name first, so it is never half there)."""
    marker.finished_at = datetime.now(UTC).replace(microsecond=0).isoformat()
    folder = posixpath.join(root, MARKERS)
    filesystem.create_dir(folder, recursive=True)
    hidden = posixpath.join(folder, f".{marker.key}.json.tmp")
    with filesystem.open_output_stream(hidden) as fh:
        fh.write(json.dumps(asdict(marker), indent=1, sort_keys=True).encode("utf-8"))
    filesystem.move(hidden, posixpath.join(folder, f"{marker.key}.json"))


def remove_marker(filesystem: pafs.FileSystem, root: str, key: str) -> None:
    """Delete a shard's marker, if any (before its files are redone)."""
    with contextlib.suppress(FileNotFoundError):
        filesystem.delete_file(posixpath.join(root, MARKERS, f"{key}.json"))


def read_marker(filesystem: pafs.FileSystem, root: str, key: str) -> Marker | None:
    """Return the done-marker of one shard, or None when it has none."""
    try:
        with filesystem.open_input_stream(posixpath.join(root, MARKERS, f"{key}.json")) as fh:
            return Marker(**json.loads(fh.read().decode("utf-8")))
    except FileNotFoundError:
        return None


def read_markers(filesystem: pafs.FileSystem, root: str) -> dict[str, Marker]:
    """Return every done-marker in an output folder, by shard key."""
    selector = pafs.FileSelector(posixpath.join(root, MARKERS), allow_not_found=True)
    out = {}
    for info in filesystem.get_file_info(selector):
        if (
            info.type != pafs.FileType.File
            or not info.base_name.endswith(".json")
            or info.base_name[0] == "."
        ):
            continue
        with filesystem.open_input_stream(info.path) as fh:
            data = json.loads(fh.read().decode("utf-8"))
        out[data["key"]] = Marker(**data)
    return out
