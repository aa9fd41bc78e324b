"""Start-up times of the commands a user runs first, each a fresh process, median of several runs.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--json FILE]

* ``import parley``; ``parley --version``; ``parley kb lookup Zelensky`` (loads the actor
  registry and the gazetteer);
* ``parley serve`` until it answers its first request, on a small store built here from the
  bundled samples without extraction (with its default number of worker processes).
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent
SAMPLES = Path(__file__).resolve().parent.parent / "src" / "parley" / "samples" / "corpus"

RUNS = 5
SERVE_RUNS = 3
# The targets, printed next to the figures.
TARGETS_S = {"parley --version": 0.3, "parley kb lookup": 0.5}
# How long `parley serve` may take to answer before the run counts as failed.
SERVE_TIMEOUT_S = 60.0


def wall(cmd: list[str]) -> float:
    """Return the wall time of one run of ``cmd`` (which must succeed)."""
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def serve_until_first_answer(db: Path) -> float:
    """Return the seconds from starting `parley serve` to its first 200 answer."""
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(BIN / "parley"), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2).status_code == 200:
                    return time.perf_counter() - t0
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.perf_counter() - t0 > SERVE_TIMEOUT_S:
                raise SystemExit("parley serve did not answer")
            time.sleep(0.02)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run(runs: int) -> dict[str, Any]:
    """Return the median and max of each start-up time (Parley's bytecode written first, as on an
    installed machine: bench_extract.compile_parley says why)."""
    import bench_extract

    bench_extract.compile_parley()
    commands = {
        "import parley": [sys.executable, "-c", "import parley"],
        "parley --version": [str(BIN / "parley"), "--version"],
        "parley kb lookup": [str(BIN / "parley"), "kb", "lookup", "Zelensky"],
    }
    out: dict[str, Any] = {}
    for name, cmd in commands.items():
        wall(cmd)  # the first run fills the OS file cache and any on-disk index cache
        times = [wall(cmd) for _ in range(runs)]
        out[name] = {"median_s": statistics.median(times), "max_s": max(times)}
    with tempfile.TemporaryDirectory(prefix="parley-bench-startup-") as tmp:
        db = Path(tmp) / "small.db"
        subprocess.run(
            [str(BIN / "parley"), "ingest", "--no-extract", "--db", str(db), str(SAMPLES)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        times = [serve_until_first_answer(db) for _ in range(SERVE_RUNS)]
        out["parley serve, first answer"] = {"median_s": statistics.median(times), "max_s": max(times)}
    return out


def report(result: dict[str, Any]) -> None:
    """Print one line per command."""
    print("start-up, fresh processes (median, max):")
    for name, r in result.items():
        target = TARGETS_S.get(name)
        note = f"  (target < {target} s)" if target else ""
        print(f"  {name:<28} {r['median_s']:6.2f} s  max {r['max_s']:5.2f} s{note}")


def main(argv: list[str] | None = None) -> int:
    """Measure and print the start-up times (and write them as JSON with --json)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=RUNS)
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args(argv)
    result = run(args.runs)
    report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
