"""Throughput of extraction against spaCy's full pipeline alone, on the same articles, one run.

    .venv/bin/python bench/bench_extract.py [--copies N]

The articles are the bundled samples, the team's held-out articles and the dev set (when
../shared is there), each repeated N times (default 12: a few hundred articles). Reports
articles/s and words/s for (a) spaCy's full pipeline alone (nlp(text) per article) and (b) the
whole Parley extraction (clean → parse → mentions → dates → quotes → events → claims →
positions), their ratio, and peak memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[str]:
    """Return the texts to run on."""
    folders = [
        ROOT / "src" / "parley" / "samples" / "corpus",
        ROOT / "tests" / "fixtures" / "eval",
        ROOT.parent / "shared" / "eval" / "dev",
    ]
    texts = []
    for folder in folders:
        if folder.exists():
            texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    return texts


def main() -> None:
    """Print the throughput figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=12)
    args = ap.parse_args()
    from parley.extract.extractor import Extractor

    base = corpus()
    texts = [t for _ in range(args.copies) for t in base]
    words = sum(len(t.split()) for t in texts)
    ex = Extractor()
    t0 = time.perf_counter()
    ex.nlp, ex.finder  # noqa: B018  (load once, outside the timings)
    load_s = time.perf_counter() - t0
    nlp = ex.nlp
    t0 = time.perf_counter()
    for t in texts:
        nlp(t)
    spacy_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        ex.extract_text(t, published=date(2025, 12, 29), doc_id=str(i))
    parley_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(texts)
    print(f"{n} articles, {words} words; models and knowledge base loaded in {load_s:.2f} s")
    print(f"spaCy full pipeline alone: {n / spacy_s:6.1f} articles/s  {words / spacy_s:8.0f} words/s")
    print(f"Parley whole extraction:   {n / parley_s:6.1f} articles/s  {words / parley_s:8.0f} words/s")
    print(f"ratio Parley / spaCy alone: {spacy_s / parley_s:.2f} (1.0 = as fast)")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
