"""The light keys (``fold.norm``) of the actor registry's ~100,000 names, cached on disk.

Every process that finds mentions indexes the registry's names by ``norm``, and working the keys
out again takes most of a second at each start: a large share of a short `parley ingest`. The
keys are a pure function of the names and of the folding code, so they are kept in the cache
folder under a hash of both; a changed registry or a changed ``fold.py`` gets a new file, and an
old one is simply never read again. A cache that cannot be read or written costs only the time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from parley.kb import fold

PREFIX = "actor-norms-"


def _key(names: Sequence[str]) -> str:
    """Return the hash of the folding code and of the names (sorted: the registry's order varies)."""
    h = hashlib.sha256(Path(fold.__file__).read_bytes())
    h.update("\x00".join(names).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:24]


def _cache_dir() -> Path:
    from parley.config import Settings

    return Settings.from_env().cache_path


def norms(names: Sequence[str], cache_dir: Path | None = None) -> list[str]:
    """Return ``[fold.norm(n) for n in names]``, read from the cache when it holds this list."""
    unique = sorted(set(names))
    try:
        folder = cache_dir or _cache_dir()
        path = folder / f"{PREFIX}{_key(unique)}.marshal"
    except OSError:  # fold.py unreadable (a zipped install): no cache
        return [fold.norm(n) for n in names]
    try:
        cached = marshal.loads(path.read_bytes())
        if isinstance(cached, list) and len(cached) == len(unique):
            keys = dict(zip(unique, cached, strict=True))
            return [keys[n] for n in names]
    except (OSError, ValueError, EOFError, TypeError):
        pass
    out = [fold.norm(n) for n in unique]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=PREFIX, suffix=".tmp", delete=False) as f:
            f.write(marshal.dumps(out))
        os.replace(f.name, path)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError:
        pass
    keys = dict(zip(unique, out, strict=True))
    return [keys[n] for n in names]
