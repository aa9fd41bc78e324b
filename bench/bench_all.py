"""Every performance figure in one run (`make bench`): ratios, start-up times, API percentiles, memory.

    .venv/bin/python bench/bench_all.py [--quick] [--postgres auto|yes|no] [--json FILE]

Runs, one after the other on this machine:

1. bench_extract: whole-process `parley extract` against spaCy's `nlp.pipe` over the same few
   hundred articles, and `parley ingest` against `parley extract` over 50 (ratios, peak memory);
2. bench_startup: `import parley`, `parley --version`, `parley kb lookup`, `parley serve`;
3. bench_kb: the knowledge base's load time and peak memory;
4. bench_api: p50/p95 per endpoint and page at 100,000 events with 4 readers and a writer,
   `parley serve` run as by default, on SQLite (WAL) and, when PostgreSQL is installed, on a
   throw-away PostgreSQL server started with .ci/postgres.sh (stopped afterwards).

It ends with a summary: each figure as a ratio or a percentile, next to the issue's target.
``--quick`` shortens every part (fewer articles, 10 s of load) for a check in a few minutes.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # the sibling benchmarks, imported as modules

import bench_api  # noqa: E402
import bench_extract  # noqa: E402
import bench_startup  # noqa: E402

# The throw-away PostgreSQL server of the API benchmark: its own folder and database, so that it
# never touches a server the store tests may have started with the same script.
PG_ENV = {"PARLEY_PG_DIR": "/tmp/parley-bench-postgres", "PARLEY_PG_DB": "parley_bench"}
PG_SCRIPT = ROOT / ".ci" / "postgres.sh"

# The targets, printed in the summary.
EXTRACT_RATIO_MIN = 1.0
INGEST_RATIO_MIN = 0.9
VERSION_MAX_S = 0.3
KB_LOOKUP_MAX_S = 0.5


def kb_load() -> dict[str, float]:
    """Return the knowledge base's load time and peak memory (median of bench_kb's fresh processes)."""
    import bench_kb

    rows = []
    for _ in range(bench_kb.RUNS):
        out = subprocess.run(
            [sys.executable, "-c", bench_kb.PROBE], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout))
    med = {k: sorted(r[k] for r in rows)[len(rows) // 2] for k in rows[0]}
    return {k: float(v) for k, v in med.items()}


def postgres_available() -> bool:
    """Return whether PostgreSQL's server programs are installed (as .ci/postgres.sh looks for them)."""
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")) and PG_SCRIPT.exists()


def start_postgres() -> str:
    """Start the throw-away PostgreSQL server and return its SQLAlchemy URL."""
    out = subprocess.run(
        ["bash", str(PG_SCRIPT)], env={**os.environ, **PG_ENV}, capture_output=True, text=True, check=True
    )
    line = out.stdout.strip().splitlines()[-1]  # export PARLEY_TEST_POSTGRES_URL=...
    return line.split("=", 1)[1]


def stop_postgres() -> None:
    """Stop the throw-away PostgreSQL server and remove its folder."""
    subprocess.run(
        ["bash", str(PG_SCRIPT), "stop"], env={**os.environ, **PG_ENV}, capture_output=True, check=False
    )


def api(db: str | None, quick: bool) -> dict[str, Any]:
    """Run the API benchmark on ``db`` (None: a new SQLite file) and print its table."""
    args = ["--quick"] if quick else []
    with tempfile.TemporaryDirectory(prefix="parley-bench-api-") as tmp:
        # A new store each run: the writer adds to it, so a reused one would grow run after run.
        args += ["--db", db or str(Path(tmp) / "store.db")]
        result = bench_api.run(bench_api.parse_args(args))
    bench_api.report(result)
    return result


def section(title: str) -> None:
    """Print a section heading."""
    print(f"\n== {title} ==", flush=True)


def summary(r: dict[str, Any]) -> None:
    """Print every figure as a ratio or a percentile, with the issue's target."""
    section("summary")

    def line(name: str, value: str, target: str = "") -> None:
        print(f"  {name:<44} {value:>12}  {target}")

    ex, ing = r["extract"]["extraction"], r["extract"]["ingest"]
    line(
        f"extraction / spaCy nlp.pipe, CPU ({ex['articles']} articles)",
        f"{ex['cpu_ratio']:.2f}x",
        f">= {EXTRACT_RATIO_MIN} (all of Parley's processes against nlp.pipe's one)",
    )
    line(
        f"extraction / spaCy nlp.pipe, wall, --jobs {ex.get('jobs', 1)}",
        f"{ex['ratio']:.2f}x",
        f">= {EXTRACT_RATIO_MIN} ({ex.get('jobs', 1)} Parley process(es) against nlp.pipe's one)",
    )
    line(
        f"ingest / extract throughput ({ing['articles']} articles)",
        f"{ing['ratio']:.2f}x",
        f">= {INGEST_RATIO_MIN} (CPU time: {ing['cpu_ratio']:.2f}x)",
    )
    st = r["startup"]
    line("parley --version (median)", f"{st['parley --version']['median_s']:.2f} s", f"< {VERSION_MAX_S} s")
    line("parley kb lookup (median)", f"{st['parley kb lookup']['median_s']:.2f} s", f"< {KB_LOOKUP_MAX_S} s")
    line("import parley (median)", f"{st['import parley']['median_s']:.2f} s")
    line("parley serve, first answer (median)", f"{st['parley serve, first answer']['median_s']:.2f} s")
    kb = r["kb"]
    line("knowledge base load (median)", f"{kb['total_s']:.2f} s")
    for name, res in r["api"].items():
        worst = max(res["endpoints"].items(), key=lambda kv: kv[1]["p95_ms"])
        line(
            f"API p95, all requests, {name}", f"{res['p95_ms']:.0f} ms", f"< {bench_api.P95_TARGET_MS:.0f} ms"
        )
        line(f"API p95, slowest endpoint, {name}", f"{worst[1]['p95_ms']:.0f} ms", f"({worst[0]})")
        big = max(res["page_bytes"].items(), key=lambda kv: kv[1])
        line(
            f"largest HTML page, {name}",
            f"{big[1] / 1000:.0f} KB",
            f"< {bench_api.PAGE_MAX_BYTES // 1000} KB ({big[0]})",
        )
    peaks = {
        "spaCy nlp.pipe": ex["spacy_pipe"]["peak_mb"],
        "parley extract": ex["parley_extract"]["peak_mb"],
        "parley ingest": ing["parley_ingest"]["peak_mb"],
        "knowledge base": kb["peak_mb"],
    }
    for name, mb in peaks.items():
        line(f"peak memory, {name}", f"{mb:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and print the figures (and write them all as JSON with --json)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer articles and 10 s of API load")
    ap.add_argument("--postgres", choices=["auto", "yes", "no"], default="auto")
    ap.add_argument("--json", type=Path, default=None, help="also write every figure here")
    args = ap.parse_args(argv)
    t0 = time.time()
    results: dict[str, Any] = {"quick": args.quick}

    section("extraction and ingest (whole processes)")
    if args.quick:
        results["extract"] = bench_extract.run(
            bench_extract.QUICK_ARTICLES, bench_extract.QUICK_INGEST_ARTICLES
        )
    else:
        results["extract"] = bench_extract.run(bench_extract.ARTICLES, bench_extract.INGEST_ARTICLES)
    bench_extract.report(results["extract"])

    section("start-up")
    results["startup"] = bench_startup.run(3 if args.quick else bench_startup.RUNS)
    bench_startup.report(results["startup"])

    section("knowledge base")
    results["kb"] = kb_load()
    print(
        f"  load {results['kb']['total_s']:.2f} s (actors {results['kb']['actors_s']:.2f} s, "
        f"gazetteer {results['kb']['gazetteer_s']:.2f} s), peak {results['kb']['peak_mb']:.0f} MB"
    )

    results["api"] = {}
    section("API on SQLite (WAL)")
    results["api"]["sqlite"] = api(None, args.quick)
    pg = args.postgres == "yes" or (args.postgres == "auto" and postgres_available())
    if pg:
        section("API on PostgreSQL")
        try:
            results["api"]["postgresql"] = api(start_postgres(), args.quick)
        finally:
            stop_postgres()
    else:
        print("\n(PostgreSQL is not installed: the API was measured on SQLite only)")

    summary(results)
    print(f"\nbench: {time.time() - t0:.0f} s in all")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
