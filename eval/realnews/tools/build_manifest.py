"""Merges the collectors' parts into eval/realnews/manifest.jsonl and assigns the dev/test split.

    python eval/realnews/tools/build_manifest.py [--check]

Only articles with a gold file are kept. The split is about 60/40 dev/test within each conflict, so
both splits span the same wars; the order inside a conflict is the sha256 of the id, so the split
does not follow the order of collection. Articles that share wording (syndicated copies of one wire
story, 8-word runs in common) are kept in one split, so test never holds a copy of a dev text. An
article already in the manifest keeps its split: a split is never redrawn once scores were reported.
A gate batch (rows with a ``batch`` letter, see add_article.py) goes to dev as a whole, unless it shares
wording with a test article, which keeps the copy in test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REALNEWS = Path(__file__).resolve().parent.parent
TEST_SLOTS = (1, 3)  # positions mod 5 that go to test: 2 in 5, i.e. 40%
SHARED_RUNS = 5  # 8-word runs two texts must share to count as copies of one story


def shingles(text: str) -> set[str]:
    words = re.findall(r"[^\W_]+", text.lower())
    return {" ".join(words[i : i + 8]) for i in range(max(0, len(words) - 7))}


def groups(ids: list[str]) -> dict[str, str]:
    """Map each id to the first id of its group of texts that share wording."""
    sh = {
        i: shingles((REALNEWS / "texts" / f"{i}.txt").read_text(encoding="utf-8"))
        for i in ids
        if (REALNEWS / "texts" / f"{i}.txt").exists()
    }
    root = {i: i for i in ids}

    def find(i: str) -> str:
        while root[i] != i:
            i = root[i]
        return i

    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            if a in sh and b in sh and len(sh[a] & sh[b]) >= SHARED_RUNS:
                root[find(b)] = find(a)
    return {i: find(i) for i in ids}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report the spread, write nothing")
    a = ap.parse_args()
    manifest = REALNEWS / "manifest.jsonl"
    old = {}
    if manifest.exists():
        old = {r["id"]: r for r in map(json.loads, manifest.read_text(encoding="utf-8").splitlines()) if r}
    rows = dict(old)
    for part in sorted((REALNEWS / "parts").glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                rows.setdefault(r["id"], r)
    rows = {i: r for i, r in rows.items() if (REALNEWS / "gold" / f"{i}.gold.json").exists()}
    group = groups(sorted(rows))
    by_conflict: dict[str, list[str]] = defaultdict(list)
    for i, r in rows.items():
        if group[i] == i:
            by_conflict[r["conflict"]].append(i)
    split_of_group: dict[str, str] = {}
    for heads in by_conflict.values():
        heads.sort(key=lambda i: hashlib.sha256(i.encode()).hexdigest())
        for n, head in enumerate(heads):
            split_of_group[head] = "test" if n % 5 in TEST_SLOTS else "dev"
    test_groups = {group[i] for i in old if i in group and old[i].get("split") == "test"}
    for i, r in rows.items():
        if i in old and old[i].get("split"):
            r["split"] = old[i]["split"]
        elif r.get("batch"):
            r["split"] = "test" if group[i] in test_groups else "dev"
        else:
            r["split"] = split_of_group[group[i]]
    shared = sorted({g for i, g in group.items() if g != i})
    counts = defaultdict(int)
    for r in rows.values():
        counts[r["split"]] += 1
    outlets = {r["outlet"] for r in rows.values()}
    conflicts = defaultdict(int)
    for r in rows.values():
        conflicts[r["conflict"]] += 1
    kinds = defaultdict(int)
    for r in rows.values():
        kinds[r["kind"]] += 1
    n = len(rows)
    ru = conflicts.get("russia-ukraine", 0)
    print(
        f"{n} articles: dev {counts['dev']}, test {counts['test']}; {len(outlets)} outlets; "
        f"{len(conflicts)} conflicts (russia-ukraine {ru}, {ru / max(n, 1):.0%}); kinds {dict(kinds)}"
    )
    print("by conflict: " + ", ".join(f"{c} {k}" for c, k in sorted(conflicts.items(), key=lambda x: -x[1])))
    if shared:
        print(f"groups of texts sharing wording kept in one split: {', '.join(shared)}")
    if not a.check:
        manifest.write_text(
            "".join(json.dumps(rows[i], ensure_ascii=False) + "\n" for i in sorted(rows)), encoding="utf-8"
        )
        print(f"wrote {manifest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
