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
import pickle
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from parley.kb import fold

PREFIX = "actor-norms-"
INDEX_PREFIX = "actor-index-"
T = TypeVar("T")


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


def cached_index(
    source: str, build: Callable[[], T], code: Sequence[Path], cache_dir: Path | None = None
) -> T:
    """Return ``build()``, read from the cache when it was built from ``source`` by this ``code``.

    Why: indexing the registry's ~100,000 names (their norms, a dictionary of forms) took a
    quarter of a second at every start, where reading the finished index back takes a fifth of
    that. ``source`` fingerprints what the index is built from (the registry's data files, see
    ``ActorRegistry.source``) and ``code`` lists the files whose logic builds it, so a changed
    registry or a changed rule of the index gets a new file. The cache folder is the user's own
    (pickle reads only what this function wrote there).
    """
    try:
        h = hashlib.sha256(source.encode())
        for path in (Path(fold.__file__), *code):
            h.update(path.read_bytes())
        folder = cache_dir or _cache_dir()
        path = folder / f"{INDEX_PREFIX}{h.hexdigest()[:24]}.pickle"
    except OSError:  # the code unreadable (a zipped install): no cache
        return build()
    try:
        with path.open("rb") as fh:
            loaded: T = pickle.load(fh)
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        pass
    built = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=INDEX_PREFIX, suffix=".tmp", delete=False) as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)  # atomic: a concurrent reader sees no file or the whole new one
    except OSError:
        pass
    return built
