"""Batch throughput: articles per second through `parley batch`, and what an article costs.

    .venv/bin/python bench/bench_batch.py [--shards 4] [--per-shard 10] [--json FILE] [--no-spark]

Builds JSONL shards from the bundled sample corpus and the team's eval articles (repeated under
new ids to fill the shards), then, in one run and on the same shards:

* articles/s of `--engine local` with 1 and 2 workers and of `--engine spark` on local[2],
  wall clock from start to the last done-marker, worker start-up (spaCy + knowledge base)
  included (the Spark JVM is started before the clock);
* the per-article cost of the whole extraction against the spaCy parse alone, timed in this
  process on the same cleaned texts (first article left out: it warms caches).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "fixtures" / "eval"


def corpus() -> list[dict[str, Any]]:
    """Return the benchmark's source articles as JSONL records (text, published, title)."""
    from parley.samples import corpus_dir

    out = []
    for path in sorted(corpus_dir().glob("*.txt")) + sorted(EVAL.glob("*.txt")):
        stem = path.stem
        date = stem[:10] if stem[:4].isdigit() else "-".join(stem.split("-")[-3:])
        out.append({"text": path.read_text(encoding="utf-8"), "published": date, "title": stem})
    return out


def write_shards(folder: Path, shards: int, per_shard: int) -> list[str]:
    """Write the shards and return their paths."""
    source = corpus()
    paths = []
    n = 0
    for s in range(shards):
        path = folder / f"shard-{s:03d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for _ in range(per_shard):
                fh.write(json.dumps({**source[n % len(source)], "id": f"bench-{n:05d}"}) + "\n")
                n += 1
        paths.append(str(path))
    return paths


def timed_batch(shards: list[str], out: Path, **kwargs: Any) -> dict[str, Any]:
    """Return wall time and articles/s of one batch run into a fresh folder."""
    from parley.batch import run_batch
    from parley.config import Settings

    start = time.perf_counter()
    report = run_batch(shards, str(out), Settings(), **kwargs)
    seconds = time.perf_counter() - start
    if report.failed:
        raise SystemExit(f"benchmark run failed: {report.failed[0].message}")
    articles = report.totals()["articles"]
    in_shards = sum(s.seconds for s in report.shards)  # time inside run_shard, summed over workers
    return {
        "articles": articles,
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 2),
        "shard_seconds": round(in_shards, 2),
    }


def per_article_costs(shards: list[str]) -> dict[str, Any]:
    """Return mean ms per article of the full extraction and of the spaCy parse alone."""
    from parley.batch.local import loaded_extractor
    from parley.clean import clean
    from parley.config import Settings
    from parley.ingest import read_inputs
    from parley.model import Document, RawArticle

    extractor = loaded_extractor(Settings())
    docs = []
    for item in read_inputs(shards, extractor.settings):
        if isinstance(item, RawArticle):
            doc = clean(item)
            if isinstance(doc, Document):
                docs.append(doc)
    full, parse = [], []
    for doc in docs:
        start = time.perf_counter()
        extractor.extract_document(doc, doc_id="bench")
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        extractor.nlp(doc.text)
        parse.append(time.perf_counter() - start)
    full_ms, parse_ms = statistics.mean(full[1:]) * 1000, statistics.mean(parse[1:]) * 1000
    return {
        "articles": len(docs) - 1,
        "pipeline_ms": round(full_ms, 1),
        "spacy_parse_ms": round(parse_ms, 1),
        "beyond_parse_ms": round(full_ms - parse_ms, 1),
        "pipeline_over_parse": round(full_ms / parse_ms, 2),
    }


def main() -> None:
    """Run the benchmark and print (and optionally save) its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 8 shards of 25: 200 articles, enough that the workers' start-up (~3 s each: spaCy and the
    # knowledge base) is a minority of the wall time on a two-core machine.
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--per-shard", type=int, default=25)
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--no-spark", action="store_true", help="leave out the Spark run")
    args = ap.parse_args()
    results: dict[str, Any] = {"shards": args.shards, "per_shard": args.per_shard}
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        base = Path(tmp)
        (base / "in").mkdir()
        shards = write_shards(base / "in", args.shards, args.per_shard)
        results["local_1_worker"] = timed_batch(shards, base / "local1", workers=1)
        results["local_2_workers"] = timed_batch(shards, base / "local2", workers=2)
        if not args.no_spark:
            from parley.batch.spark import spark_session

            # the JVM starts before the clock does; Spark's Python workers start (and load the
            # pipeline) inside the timed run, like the pool's workers
            session = spark_session(master="local[2]", conf={"spark.ui.enabled": "false"})
            try:
                results["spark_local_2"] = timed_batch(shards, base / "spark", engine="spark", spark=session)
            finally:
                session.stop()
        results["per_article"] = per_article_costs(shards)
    for name in ("local_1_worker", "local_2_workers", "spark_local_2"):
        if name in results:
            r = results[name]
            rate = f"{r['articles_per_s']:6.2f} articles/s"
            print(
                f"{name:16} {r['articles']:4d} articles in {r['seconds']:7.2f} s = {rate} "
                f"(time inside shards, all workers: {r['shard_seconds']:.2f} s)"
            )
    c = results["per_article"]
    print(
        f"per article: pipeline {c['pipeline_ms']} ms, spaCy parse alone {c['spacy_parse_ms']} ms, "
        f"the rest {c['beyond_parse_ms']} ms (pipeline = {c['pipeline_over_parse']} × parse; "
        f"mean of {c['articles']} articles)"
    )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
