"""Scores Parley's extractor with the shared scorer on the dev set and the team's held-out articles.

    .venv/bin/python bench/quality.py [--json] [--set dev|heldout|all]

Loads the model once, extracts every article of each set, writes the records to a temporary
folder and runs ../shared/eval/score.py on it. The figures go into the issue notes; the
held-out floors are pinned in tests/extract/quality_floors.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "dev": ROOT.parent / "shared" / "eval" / "dev",
    "heldout": ROOT / "tests" / "fixtures" / "eval",
    "heldout2": ROOT / "tests" / "fixtures" / "eval2",
}
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def load_scorer() -> Any:
    """Return the shared scorer module (standard library only)."""
    spec = importlib.util.spec_from_file_location("parley_eval_score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{SCORER}: scorer not found; it lives in ../shared/eval")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_set(folder: Path, extractor: Any) -> dict[str, Any]:
    """Return the scorer's JSON result for one folder of X.txt + X.gold.json articles."""
    from parley.extract.record import to_record

    scorer = load_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        for gold in sorted(folder.glob("*.gold.json")):
            stem = gold.name[: -len(".gold.json")]
            published = date.fromisoformat(json.loads(gold.read_text(encoding="utf-8"))["published"])
            text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
            record = to_record(extractor.extract_text(text, published=published, doc_id=stem))
            (Path(tmp) / f"{stem}.json").write_text(json.dumps(record), encoding="utf-8")
        out = Path(tmp) / "score.json"
        saved = sys.stdout
        with out.open("w", encoding="utf-8") as fh:
            sys.stdout = fh
            try:
                scorer.main(["--gold", str(folder), "--pred", tmp, "--json"])
            finally:
                sys.stdout = saved
        return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> None:
    """Print the scores of each set."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=["dev", "heldout", "heldout2", "all"], default="all")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from parley.extract.extractor import Extractor

    extractor = Extractor()
    names = list(SETS) if args.set == "all" else [args.set]
    results = {name: score_set(SETS[name], extractor) for name in names}
    if args.json:
        print(json.dumps(results, indent=1))
        return
    for name, r in results.items():
        print(f"== {name} ({r['documents']} articles)")
        for cat in (
            "actors",
            "places",
            "events",
            "events+date",
            "quotes",
            "quotes+speaker",
            "claims",
            "positions",
            "overall",
        ):
            c = r[cat]
            print(f"  {cat:15} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}")
        print(
            f"  claim status {r['claim_status_accuracy']}, event modality {r['event_modality_accuracy']}, "
            f"event place {r['event_place_accuracy']}, quote direct {r['quote_direct_accuracy']}"
        )


if __name__ == "__main__":
    main()
