"""Checks that the real-news texts on this machine are the ones the gold was written on.

    python eval/realnews/tools/verify_texts.py

For each manifest row: the text is present, and its sha256 and length are the manifest's. Prints one
line per missing or changed text and a summary; exit 1 if any. eval/realnews/README.md says how to
bring missing texts back.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REALNEWS = Path(__file__).resolve().parent.parent


def main() -> int:
    rows = [
        json.loads(x) for x in (REALNEWS / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if x
    ]
    bad = 0
    for r in rows:
        path = REALNEWS / "texts" / f"{r['id']}.txt"
        if not path.exists():
            print(f"{r['id']}: missing (query {r['query']!r}, url {r['url']})")
            bad += 1
        elif hashlib.sha256(path.read_bytes()).hexdigest() != r["sha256"]:
            print(f"{r['id']}: text differs from the one annotated (sha256 mismatch)")
            bad += 1
    print(f"{len(rows) - bad} of {len(rows)} texts present and unchanged")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
