"""Keeps the memory spaCy's models free in the process's heap, instead of handing it back at once.

Each batch the models parse allocates and frees arrays of a few megabytes. With glibc's default
settings a freed block at the top of the heap is returned to the system when more than 128 KB
lie free, and large blocks are mapped and unmapped one by one: the next batch then faults in
fresh zeroed pages for the same sizes again. Measured on the bench corpus, that kernel work was
about a twentieth of `parley extract`'s CPU time. Raising the two thresholds keeps the freed
blocks for reuse; the price is that the process keeps its peak heap (a few MB more) until it ends.

Only glibc has ``mallopt`` with these parameters; elsewhere (macOS, musl) nothing changes.
"""

from __future__ import annotations

import ctypes
import sys

# glibc's mallopt parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# Blocks up to this size come from the heap, not a mapping of their own (glibc's default lets the
# threshold grow to 32 MB on 64-bit systems; fixed here, since setting the trim threshold stops
# that growth).
MMAP_THRESHOLD = 32 * 1024 * 1024
# Free memory at the top of the heap kept for reuse rather than returned to the system.
TRIM_THRESHOLD = 256 * 1024 * 1024

_done = False


def keep_freed_memory() -> bool:
    """Raise glibc's trim and mmap thresholds once per process; return whether they are set."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    # mallopt returns 1 on success; the mmap threshold first, since setting either one fixes both
    mmap_set = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
    _done = mmap_set and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
    return _done
