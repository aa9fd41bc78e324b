"""Prints the character offsets of an exact substring of an article, for gold quote spans.

    python eval/realnews/tools/span.py ID "exact words from the text" [--nth N] [--texts DIR]

Offsets are Python str indices into texts/ID.txt, end exclusive (FORMAT.md). Every occurrence is
listed with its context, so the annotator picks the right one with --nth.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REALNEWS = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("id")
    ap.add_argument("needle")
    ap.add_argument("--nth", type=int, default=None, help="1-based occurrence to print alone")
    ap.add_argument("--texts", type=Path, default=REALNEWS / "texts")
    a = ap.parse_args()
    text = (a.texts / f"{a.id}.txt").read_text(encoding="utf-8")
    hits, at = [], text.find(a.needle)
    while at >= 0:
        hits.append(at)
        at = text.find(a.needle, at + 1)
    if not hits:
        print(f"not found in {a.id}: {a.needle!r} (copy the words exactly, quote marks and apostrophes too)")
        return 1
    for n, start in enumerate(hits, 1):
        if a.nth is None or n == a.nth:
            end = start + len(a.needle)
            ctx = text[max(0, start - 40) : end + 40].replace("\n", " ")
            print(f'"start": {start}, "end": {end}    #{n}  …{ctx}…')
    return 0


if __name__ == "__main__":
    sys.exit(main())
