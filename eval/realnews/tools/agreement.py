"""Measures how far two independent annotators agree, with the shared scorer, gold against gold.

    python eval/realnews/tools/agreement.py [--batch LETTER] [--verbose] [--json]

Annotator A's files are eval/realnews/gold/ID.gold.json; annotator B's, written blind, are
eval/realnews/agreement/b/ID.gold.json. B is scored as if it were a prediction against A (F1 is
symmetric, so the order only swaps precision and recall). ``--verbose`` lists the records one
annotator has and the other has not, article by article, for adjudication. ``--batch c`` measures
the pairs of one gate batch (ANNOTATING.md §3); without it, the pairs outside any gate batch.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

REALNEWS = Path(__file__).resolve().parent.parent
SCORER = REALNEWS.parent.parent.parent / "shared" / "eval" / "score.py"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--batch", default="", help="a gate batch's letter (default: articles in no batch)")
    a = ap.parse_args()
    manifest = REALNEWS / "manifest.jsonl"
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    batch_of = {r["id"]: r.get("batch") or "" for r in rows}
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    b_files = sorted((REALNEWS / "agreement" / "b").glob("*.gold.json"))
    pairs = [
        f
        for f in b_files
        if (REALNEWS / "gold" / f.name).exists() and batch_of.get(f.name[: -len(".gold.json")], "") == a.batch
    ]
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp) / "a", Path(tmp) / "b"
        gold_dir.mkdir()
        pred_dir.mkdir()
        for f in pairs:
            stem = f.name[: -len(".gold.json")]
            text = (REALNEWS / "texts" / f"{stem}.txt").read_text(encoding="utf-8")
            shutil.copy(REALNEWS / "gold" / f.name, gold_dir)
            b = json.loads(f.read_text(encoding="utf-8"))
            b["quotes"] = [{**q, "text": text[q["start"] : q["end"]]} for q in b.get("quotes", [])]
            (pred_dir / f"{stem}.json").write_text(json.dumps(b), encoding="utf-8")
        argv = ["--gold", str(gold_dir), "--pred", str(pred_dir), "--texts", str(REALNEWS / "texts")]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scorer.main(argv + (["--json"] if a.json else []) + (["--verbose"] if a.verbose else []))
    which = f"gate batch {a.batch}" if a.batch else "outside the gate batches"
    print(f"{len(pairs)} articles annotated twice, {which} (A: gold/, B: agreement/b/)")
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
