"""The matrix products of spaCy's networks through numpy's BLAS, on one thread per process.

thinc multiplies matrices with the BLIS library it bundles by default. The BLIS of the thinc
wheels picks a generic kernel on many x86 machines, and numpy's OpenBLAS, run on one thread,
does the same products of the shapes spaCy's small pipeline uses (some thousand tokens by a few
hundred) in about a third of the CPU: the whole parse takes some 28% less CPU. The products come
out the same to float32 rounding; on the 149 texts of the team's and real-news dev sets every
token's tag, part of speech, lemma, dependency, head, entity and sentence start is identical, and
so is every extracted record.

One thread, because Parley runs one process per core (``parley extract --jobs``) and OpenBLAS's
own threads spin while they wait for work: on two threads the same parse took ~30% more CPU than
on one, for little wall time. So numpy's products are used only once numpy's OpenBLAS is set to
one thread; where that cannot be done (another BLAS, an unknown build), thinc keeps BLIS.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any

# The thread setters of the OpenBLAS builds numpy ships (scipy-openblas, 64-bit integers) or
# links (a system OpenBLAS), tried in order.
SET_THREADS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)


def _loaded_openblas() -> list[str]:
    """Return the paths of the OpenBLAS libraries this process has loaded (Linux), else []."""
    maps = Path("/proc/self/maps")
    if not sys.platform.startswith("linux") or not maps.exists():
        return []
    found = {line.split()[-1] for line in maps.read_text().splitlines() if "openblas" in line.lower()}
    return sorted(p for p in found if p.startswith("/"))


def one_blas_thread() -> bool:
    """Set numpy's OpenBLAS to one thread; return True if it was set."""
    import numpy  # noqa: F401  (loads its BLAS, so the library is mapped)

    for path in _loaded_openblas():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in SET_THREADS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


def use_numpy_gemm(nlp: Any) -> bool:
    """Give every CPU network of ``nlp`` thinc's numpy operations (no BLIS) when numpy's BLAS runs
    on one thread; return True if it did. Networks on another device are left as they are."""
    from thinc.api import NumpyOps

    if not one_blas_thread():
        return False
    ops = NumpyOps(use_blis=False)
    changed = False
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
                changed = True
    return changed
