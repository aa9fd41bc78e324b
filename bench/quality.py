"""Scores Parley's extractor with the shared scorer on every evaluation set found on this machine.

    .venv/bin/python bench/quality.py [--set NAME ...] [--json] [--errors NAME]
    make quality

The sets, in the order printed:
- ``dev``: ../shared/eval/dev (the seed article and four team articles);
- ``heldout``, ``heldout2``: the team's held-out articles in tests/fixtures/;
- ``realnews-dev``, ``realnews-test``: the real-news corpus (eval/realnews/), split by its manifest.
  ``realnews-dev-a`` and ``realnews-dev-b`` are the two halves of dev (by a hash of the article id),
  scored only when named: read the errors of one, check that a change also helps the other.
  ``realnews-dev-c`` (and any later letter) is a gate batch collected after rules were tuned on a and
  b; it is kept out of realnews-dev and its halves and is scored only when named.
  Its texts are not in the repository; eval/realnews/README.md says how to bring them back. Texts
  that are missing or differ from the manifest's sha256 are left out, and the line says how many;
- each public set prepared under eval/public/NAME (bench/public_sets.py), scored only on the
  categories it annotates (its CATEGORIES file).

A set whose texts are missing gets one line saying so, and the report goes on. ``--errors NAME``
lists what was missed and what was spurious, article by article, for any set but ``realnews-test``:
the test split is only ever scored, so that nobody tunes a rule on its errors.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SCORER = SHARED_EVAL / "score.py"
REALNEWS = ROOT / "eval" / "realnews"
PUBLIC = ROOT / "eval" / "public"
ALL_CATEGORIES = (
    "actors",
    "places",
    "events",
    "events+date",
    "quotes",
    "quotes+speaker",
    "claims",
    "positions",
)
# The split whose per-article errors nobody reads (issue: real news as the measuring stick).
SEALED = "realnews-test"
SUBSETS = re.compile(r"realnews-dev-[a-z]")  # halves and gate batches of dev, scored only when named


@dataclass(frozen=True)
class EvalSet:
    """One evaluation set: which gold files, where their texts are, and what it annotates."""

    name: str
    gold: Path
    texts: Path
    ids: tuple[str, ...]
    categories: tuple[str, ...] = ALL_CATEGORIES
    left_out: str = ""  # why some articles are not scored (texts missing or changed)
    # "record": the conflict record is scored; "toponyms": every place the text names
    # (parley.analyse.toponyms), only for public geoparsing sets, as their own NAME-toponyms line
    layer: str = "record"


def load_scorer() -> Any:
    """Return the shared scorer module (standard library only)."""
    spec = importlib.util.spec_from_file_location("parley_eval_score", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{SCORER}: scorer not found; it lives in ../shared/eval")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _folder_set(name: str, folder: Path) -> EvalSet:
    ids = tuple(sorted(g.name[: -len(".gold.json")] for g in folder.glob("*.gold.json")))
    return EvalSet(name, folder, folder, ids)


def realnews_sets(root: Path = REALNEWS) -> list[EvalSet | str]:
    """Return the real-news dev and test sets, or for each one a line saying why it cannot be scored."""
    manifest = root / "manifest.jsonl"
    if not manifest.exists():
        return [f"realnews: no manifest at {manifest}"]
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: list[EvalSet | str] = []
    for split in ("dev", "test"):
        name = f"realnews-{split}"
        wanted = [
            r for r in rows if r["split"] == split and (root / "gold" / f"{r['id']}.gold.json").exists()
        ]
        present = [r for r in wanted if _text_matches(root / "texts" / f"{r['id']}.txt", r["sha256"])]
        if not present:
            out.append(
                f"{name}: texts missing ({len(wanted)} articles); eval/realnews/README.md says how to "
                "bring them back"
            )
            continue
        gap = len(wanted) - len(present)
        left_out = f"{gap} of {len(wanted)} texts missing or changed, not scored" if gap else ""
        ids = tuple(r["id"] for r in present if not r.get("batch"))
        out.append(EvalSet(name, root / "gold", root / "texts", ids, left_out=left_out))
        if split == "dev":
            out += [
                EvalSet(
                    f"{name}-{half}", root / "gold", root / "texts", tuple(i for i in ids if _half(i) == half)
                )
                for half in ("a", "b")
            ]
            for batch in sorted({str(r["batch"]) for r in present if r.get("batch")}):
                batch_ids = tuple(r["id"] for r in present if r.get("batch") == batch)
                out.append(EvalSet(f"{name}-{batch}", root / "gold", root / "texts", batch_ids))
    return out


def _half(article_id: str) -> str:
    """Return which half of realnews-dev an article is in, "a" or "b", fixed by a hash of its id.

    Why: rules read on one half's errors and checked on the other's score show whether they
    generalise before anyone scores the sealed test split. Only named with --set, never by default.
    """
    return "ab"[hashlib.sha256(article_id.encode()).digest()[0] % 2]


def _text_matches(path: Path, sha256: str) -> bool:
    return path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256


def public_sets(root: Path = PUBLIC) -> list[EvalSet | str]:
    """Return the public sets prepared locally by bench/public_sets.py, scored on their own categories."""
    if not root.is_dir():
        return [f"public sets: none prepared under {root} (bench/PUBLIC_SETS.md says how)"]
    out: list[EvalSet | str] = []
    for folder in sorted(p for p in root.iterdir() if (p / "CATEGORIES").exists()):
        cats = tuple((folder / "CATEGORIES").read_text(encoding="utf-8").split())
        base = _folder_set(folder.name, folder)
        out.append(
            EvalSet(base.name, base.gold, base.texts, base.ids, cats)
            if base.ids
            else f"{folder.name}: no gold files in {folder}"
        )
        if base.ids and cats == ("places",):  # a geoparsing set: every toponym is gold
            out.append(
                EvalSet(f"{base.name}-toponyms", base.gold, base.texts, base.ids, cats, layer="toponyms")
            )
    return out


def discover() -> list[EvalSet | str]:
    """Return every set this machine has, in report order; a string stands for a set that is missing."""
    found: list[EvalSet | str] = []
    for name, folder in (
        ("dev", SHARED_EVAL / "dev"),
        ("heldout", ROOT / "tests" / "fixtures" / "eval"),
        ("heldout2", ROOT / "tests" / "fixtures" / "eval2"),
    ):
        found.append(_folder_set(name, folder) if folder.is_dir() else f"{name}: {folder} not found")
    return found + realnews_sets() + public_sets()


def score_set(which: EvalSet | Path, extractor: Any, *, verbose: bool = False) -> dict[str, Any]:
    """Return the scorer's JSON result for one set (with ``errors``, the scorer's listing, if verbose)."""
    from parley.extract.record import to_record

    evalset = which if isinstance(which, EvalSet) else _folder_set(which.name, which)
    scorer = load_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp) / "gold", Path(tmp) / "pred"
        gold_dir.mkdir()
        pred_dir.mkdir()
        crashed: list[str] = []
        located: list[bool] = []  # per place found by name with a point: within 161 km of the gold?
        for stem in evalset.ids:
            gold_file = evalset.gold / f"{stem}.gold.json"
            shutil.copy(gold_file, gold_dir)
            published = date.fromisoformat(json.loads(gold_file.read_text(encoding="utf-8"))["published"])
            text = (evalset.texts / f"{stem}.txt").read_text(encoding="utf-8")
            try:
                if evalset.layer == "toponyms":
                    record = _toponym_record(extractor, text, stem, published)
                else:
                    record = to_record(extractor.extract_text(text, published=published, doc_id=stem))
            except Exception as exc:  # one article that breaks the extractor is scored as empty, and named
                crashed.append(f"{stem} ({type(exc).__name__}: {exc})")
                continue
            (pred_dir / f"{stem}.json").write_text(json.dumps(record), encoding="utf-8")
            gold_places = json.loads(gold_file.read_text(encoding="utf-8")).get("places", [])
            located.extend(_located(scorer, record.get("places", []), gold_places))
        args = ["--gold", str(gold_dir), "--pred", str(pred_dir), "--texts", str(evalset.texts)]
        result = json.loads(_run_scorer(scorer, [*args, "--json"]))
        if verbose:
            result["errors"] = _run_scorer(scorer, [*args, "--verbose"])
    if located:
        result["places_within_161km"] = {
            "share": round(sum(located) / len(located), 3),
            "found": len(located),
        }
    result["categories"] = list(evalset.categories)
    result["crashed"] = crashed
    if set(evalset.categories) != set(ALL_CATEGORIES):
        result["overall"] = _overall(scorer, result, evalset.categories)
    return result


def _toponym_record(extractor: Any, text: str, stem: str, published: date) -> dict[str, Any]:
    """Return a record whose places are every place the text names (the toponym layer), for the
    geoparsing sets, which annotate every toponym rather than the conflict record's places."""
    from parley.analyse.toponyms import distinct_places, find_toponyms

    places = distinct_places(find_toponyms(text, extractor=extractor, published=published))
    empty: dict[str, Any] = {k: [] for k in ("actors", "events", "quotes", "claims", "positions")}
    return {"doc_id": stem, "published": published.isoformat(), **empty, "places": places}


def _located(scorer: Any, preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[bool]:
    """For each predicted place that names a gold place (the same name or one of its ``names``) and
    has coordinates, as has the gold: whether it is the same GeoNames id or lies within 161 km of
    it (the geoparsing standard, score.SAME_NAME_KM). This is how well found places are put on
    the map, apart from which places are found."""

    def keys(names: list[Any]) -> set[str]:
        return {scorer.translit_key(n) for n in names if n} | {scorer.norm(n) for n in names if n}

    def named(p: dict[str, Any], g: dict[str, Any]) -> bool:
        has_points = None not in (p.get("lat"), p.get("lon"), g.get("lat"), g.get("lon"))
        return has_points and bool(keys([p.get("name")]) & keys([g.get("name"), *g.get("names", [])]))

    def km(p: dict[str, Any], g: dict[str, Any]) -> float:
        return float(scorer.haversine_km((p["lat"], p["lon"]), (g["lat"], g["lon"])))

    def same_id(p: dict[str, Any], g: dict[str, Any]) -> bool:
        return bool(p.get("geonameid")) and p.get("geonameid") == g.get("geonameid")

    # the same GeoNames id is the right place, whichever point each side gives a region
    pairs = scorer.greedy(preds, golds, named, lambda p, g: 1e6 * same_id(p, g) - km(p, g))
    return [same_id(preds[i], golds[j]) or km(preds[i], golds[j]) <= scorer.SAME_NAME_KM for i, j in pairs]


def _run_scorer(scorer: Any, argv: list[str]) -> str:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        scorer.main(argv)
    return buffer.getvalue()


def _overall(scorer: Any, result: dict[str, Any], categories: tuple[str, ...]) -> dict[str, float]:
    """Micro-average, as the scorer's own overall does, over the categories a partial set annotates."""
    counted = [c for c in categories if c in scorer.OVERALL]
    p, r, f = scorer.prf(*(sum(result[c][k] for c in counted) for k in ("tp", "pred", "gold")))
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def print_result(name: str, r: dict[str, Any], left_out: str) -> None:
    """Print one set's P/R/F1 per category, the accuracies on matched records and the trust line."""
    note = f"; {left_out}" if left_out else ""
    print(f"== {name} ({r['documents']} articles{note})")
    if r.get("crashed"):
        print(f"  the extractor failed on {len(r['crashed'])}, scored as empty: {'; '.join(r['crashed'])}")
    for cat in [*r["categories"], "overall"]:
        c = r[cat]
        counts = f"   {c['tp']}/{c['pred']}/{c['gold']}" if "tp" in c else ""
        print(f"  {cat:15} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}{counts}")
    if "places_within_161km" in r:
        w = r["places_within_161km"]
        print(
            "  places found by name, same id or within 161 km of the gold point: "
            f"{w['share']:.3f} of {w['found']}"
        )
    if "claims" in r["categories"]:
        t = r["trust"]
        print(
            f"  claim status {r['claim_status_accuracy']}, event modality {r['event_modality_accuracy']}, "
            f"event place {r['event_place_accuracy']}, quote direct {r['quote_direct_accuracy']}"
        )
        print(
            f"  trust: one-sided events shown as fact {t['events_shown_as_fact']} of {t['events_one_sided']};"
            " "
            f"open claims shown as confirmed {t['claims_shown_confirmed']} of {t['claims_open']}"
        )


def main(argv: list[str] | None = None) -> None:
    """Print the scores of each set found (or of the sets named)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", help="score only this set (repeatable)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", metavar="NAME", help="list one set's misses and spurious records per article")
    args = ap.parse_args(argv)
    if args.errors == SEALED:
        raise SystemExit(
            f"{SEALED} is only ever scored: its per-article errors are not shown (read realnews-dev's)"
        )
    from parley.extract.extractor import Extractor

    extractor = Extractor()
    wanted = set(args.set or []) | ({args.errors} if args.errors else set())
    results: dict[str, Any] = {}
    for found in discover():
        name = found if isinstance(found, str) else found.name
        if SUBSETS.fullmatch(name) and name not in wanted:
            continue  # the halves and gate batches of realnews-dev are scored only when named
        if wanted and name.split(":")[0] not in wanted:
            continue  # exact names: --set heldout is not also heldout2
        if isinstance(found, str):
            results[name.split(":")[0]] = {"missing": found}
            if not args.json:
                print(found)
            continue
        r = score_set(found, extractor, verbose=found.name == args.errors)
        results[found.name] = {**r, "left_out": found.left_out}
        if not args.json:
            print_result(found.name, r, found.left_out)
            if "errors" in r:
                print(r["errors"])
        sys.stdout.flush()
    if args.json:
        print(
            json.dumps(
                {k: {kk: vv for kk, vv in v.items() if kk != "errors"} for k, v in results.items()}, indent=1
            )
        )


if __name__ == "__main__":
    main()
