"""Measures loading the knowledge base: wall time and peak memory, in a fresh process each.

    .venv/bin/python bench/bench_kb.py

Each measurement runs in its own interpreter so that nothing is cached in memory. The gazetteer
index is built first (once) if it is missing; its build time is reported separately.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, resource, time
t0 = time.perf_counter()
from parley.kb.actors import default_registry
reg = default_registry()
t1 = time.perf_counter()
from parley.kb.gazetteer import Gazetteer
gaz = Gazetteer.open()
gaz.resolve("Pokrovsk")
t2 = time.perf_counter()
reg.resolve("Zelensky")
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out = {"actors_s": t1 - t0, "gazetteer_s": t2 - t1, "total_s": t2 - t0, "peak_mb": peak_kb / 1024}
print(json.dumps(out))
"""
RUNS = 5


def main() -> None:
    """Print load time and peak memory over several fresh processes."""
    build = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t=time.perf_counter(); "
            "from parley.kb.gazetteer import Gazetteer; Gazetteer.open(); "
            "print(time.perf_counter()-t)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    print(f"first open (builds the index if missing): {float(build.stdout):.2f} s")
    rows = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout))
    for key in ("actors_s", "gazetteer_s", "total_s", "peak_mb"):
        values = sorted(r[key] for r in rows)
        print(f"{key:12} median {values[len(values) // 2]:.3f}  max {values[-1]:.3f}")


if __name__ == "__main__":
    main()
