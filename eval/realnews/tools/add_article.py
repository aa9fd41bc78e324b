"""Registers one retrieved excerpt in a helper's part of the real-news manifest.

    python eval/realnews/tools/add_article.py --id ID --url URL --outlet OUTLET --query QUERY \
        --published YYYY-MM-DD --basis url|text|inferred --conflict CONFLICT --kind KIND --part NAME \
        [--batch LETTER]

The excerpt must already be saved, exactly as the search returned it, in eval/realnews/texts/ID.txt.
Refuses (exit 1, one line) an article the project keeps private (by URL or by text, checked with
../shared/eval/private_check.py), a duplicate id or url, and a date outside 2024-2026. On refusal of a
private article the text file is deleted, so nothing of it is used.

``--batch`` marks an article collected as a fresh gate after rules had been tuned on the rest of dev:
build_manifest.py puts the whole batch in dev, and bench/quality.py scores it apart as
``realnews-dev-LETTER``, so a change can be checked on articles nobody tuned a rule against.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
REALNEWS = HERE.parent
CHECK = REALNEWS.parent.parent.parent / "shared" / "eval" / "private_check.py"
KINDS = ("report", "brief", "liveblog", "analysis")
BASES = ("url", "text", "inferred")


def known_rows() -> list[dict[str, object]]:
    """Return every manifest row registered so far, in the merged manifest and in all parts."""
    rows: list[dict[str, object]] = []
    files = [REALNEWS / "manifest.jsonl", *sorted((REALNEWS / "parts").glob("*.jsonl"))]
    for f in files:
        if f.exists():
            rows += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("id", "url", "outlet", "query", "published", "conflict", "part"):
        ap.add_argument(f"--{name}", required=True)
    ap.add_argument("--basis", choices=BASES, required=True, help="where the publication date comes from")
    ap.add_argument("--kind", choices=KINDS, required=True)
    ap.add_argument("--batch", help="a gate batch letter (c, d, ...): the whole batch goes to dev")
    a = ap.parse_args()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{2,80}", a.id):
        print(f"{a.id}: ids are lower-case letters, digits and hyphens")
        return 1
    text_file = REALNEWS / "texts" / f"{a.id}.txt"
    if a.batch is not None and not re.fullmatch(r"[c-z]", a.batch):
        print(f"{a.batch}: a batch is one lower-case letter from c on (a and b name the halves of dev)")
        return 1
    if not text_file.exists():
        print(f"{text_file}: save the excerpt there first, exactly as retrieved")
        return 1
    published = date.fromisoformat(a.published)
    if not date(2024, 1, 1) <= published <= date(2026, 12, 31):
        print(f"{a.id}: published {published} is outside 2024-2026; pick another article")
        return 1
    rows = known_rows()
    if any(r["id"] == a.id for r in rows):
        print(f"{a.id}: id already registered; choose another id")
        return 1
    if any(r["url"] == a.url for r in rows):
        print(f"{a.url}: url already registered")
        return 1
    check = subprocess.run(
        [sys.executable, str(CHECK), "--url", a.url, str(text_file)], capture_output=True, text=True
    )
    if check.returncode != 0:
        text_file.unlink()
        print(f"{a.id}: PRIVATE ({check.stdout.strip()}); text deleted, do not use this article")
        return 1
    raw = text_file.read_bytes()
    text = raw.decode("utf-8")
    row = {
        "id": a.id,
        "url": a.url,
        "outlet": a.outlet,
        "query": a.query,
        "published": a.published,
        "published_basis": a.basis,
        "conflict": a.conflict,
        "kind": a.kind,
        "split": None,
        "chars": len(text),
        "sha256": hashlib.sha256(raw).hexdigest(),
    }
    if a.batch:
        row["batch"] = a.batch
    with (REALNEWS / "parts" / f"{a.part}.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{a.id}: registered ({len(text)} chars, not private)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
