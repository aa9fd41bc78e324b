"""The one folder walk behind `parley ingest`, `parley extract` and `parley batch`.

Folders are read recursively in sorted order. What is not read is counted, never dropped in
silence: hidden files and folders (a leading ".", "~" or "_": editor backups, Spark's
``_SUCCESS`` markers), README files (a folder's description, not an article),
metadata sidecars (read with their article, not on their own), and folders reached a second time
through a symbolic link — a link back up the tree would otherwise make the walk endless.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .fetch import is_url
from .files import is_hidden
from .text import SIDECAR_SUFFIX

SKIP_REASONS = {
    "hidden": "hidden",
    "readme": "README",
    "loop": "symlink loop or folder seen twice",
    "repeat": "file listed twice",
    "special": "not a regular file",
}


@dataclass
class Expansion:
    """The inputs a set of specs stands for, and what the walk passed over, by reason."""

    inputs: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    sidecars: int = 0
    empty_folders: list[str] = field(default_factory=list)

    def summary(self) -> str | None:
        """Return one line saying what the walk did not read, or None when it read everything."""
        parts = [f"{n} {SKIP_REASONS[k]}" for k, n in sorted(self.skipped.items())]
        if self.sidecars:
            parts.append(f"{self.sidecars} metadata sidecar(s) read with their article")
        return f"folders: not read as articles: {', '.join(parts)}" if parts else None


def expand(specs: Iterable[str]) -> Expansion:
    """Return the files (and URLs) that ``specs`` stand for, with folders walked recursively."""
    out = Expansion()
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    for spec in specs:
        path = Path(spec)
        if is_url(spec) or not path.is_dir():
            out.inputs.append(spec)
            continue
        before = len(out.inputs)
        out.inputs.extend(_walk(path, out, seen_dirs, seen_files))
        if len(out.inputs) == before:
            out.empty_folders.append(spec)
    return out


def _identity(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _walk(
    folder: Path, out: Expansion, seen_dirs: set[tuple[int, int]], seen_files: set[tuple[int, int]]
) -> Iterator[str]:
    try:
        ident = _identity(folder.stat())
    except OSError:
        out.skipped["special"] += 1
        return
    if ident in seen_dirs:
        out.skipped["loop"] += 1
        return
    seen_dirs.add(ident)
    try:
        children = sorted(folder.iterdir())
    except OSError:
        out.skipped["special"] += 1
        return
    for child in children:
        if is_hidden(child) or child.name.startswith("_"):
            out.skipped["hidden"] += 1
        elif child.is_dir():
            yield from _walk(child, out, seen_dirs, seen_files)
        elif child.name.endswith(SIDECAR_SUFFIX):
            out.sidecars += 1
        elif child.name.upper().startswith("README"):
            out.skipped["readme"] += 1
        elif not child.is_file():
            out.skipped["special"] += 1
        else:
            ident = _identity(child.stat())
            if ident in seen_files:
                out.skipped["repeat"] += 1
                continue
            seen_files.add(ident)
            yield str(child)
