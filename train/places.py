"""Train the place model (parley.extract.places_learned) on the gold places of the training articles.

    .venv/bin/python train/places.py --exclude-half b   # the honest run: train without dev-b, score it
    .venv/bin/python train/places.py --exclude-half a   # the other way round, as a check
    make train                                           # once "places" is in TRAINERS

Candidates are the places the rules keep for an article; one is labelled "place" when the shared
scorer's one-to-one matching (``greedy`` with ``place_matches``, as it scores places) pairs it
with a gold place of that article, else "none". With ``--exclude-half`` the held-out half is then
scored twice, with the rules alone and with the model dropping what it gives less than
places_learned.THRESHOLD, so a model is added to TRAINERS only when it wins there (and on the
team's sets, which bench/quality.py scores).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from parley.learn import linear  # noqa: E402
from train import data  # noqa: E402

ABOUT = "realnews-dev and the team dev set; the rules' places aligned to gold by the scorer's matching"


def _json(p: Any) -> dict[str, Any]:
    return {"geonameid": p.geonameid, "name": p.name, "lat": p.lat, "lon": p.lon}


def _pairs(scorer: Any, places: list[Any], golds: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Return the scorer's one-to-one pairs of predicted and gold places, closest first as it
    ranks them (the same id, then the same name, then any match)."""

    def closeness(p: dict[str, Any], g: dict[str, Any]) -> int:
        if p.get("geonameid") and p.get("geonameid") == g.get("geonameid"):
            return 3
        names = {scorer.translit_key(n) for n in [g.get("name"), *g.get("names", [])] if n}
        return 2 if p.get("name") and scorer.translit_key(p["name"]) in names else 1

    return list(scorer.greedy([_json(p) for p in places], golds, scorer.place_matches, closeness))


def candidates(
    half: str = "", exclude_half: str = ""
) -> Iterator[tuple[Any, list[Any], list[tuple[str, ...]], list[bool]]]:
    """Yield (article, kept places, their features, their labels) for each training article, or
    for the articles of one dev ``half`` only."""
    import quality  # bench/quality.py, on the path through train.data

    from parley.extract.extractor import COMPONENTS, Extractor, _extraction
    from parley.extract.places_learned import candidate_features

    scorer = quality.load_scorer()
    resources = Extractor().resources()
    for art in data.articles(exclude_half=exclude_half):
        if half and art.half != half:
            continue
        ctx = data.context(art, resources, COMPONENTS)
        if ctx is None:
            continue
        kept = list(_extraction(ctx).places)
        records = [e.place for e in ctx.events or []] + [c.place for c in ctx.claims or []]
        used = {p.ref for p in records if p is not None}
        feats = [candidate_features(p, ctx.mentions or [], ctx.text, used) for p in kept]
        golds = art.gold.get("places", [])
        hit = {i for i, _ in _pairs(scorer, kept, golds)}
        yield art, kept, feats, [i in hit for i in range(len(kept))]


def fit(exclude_half: str = "") -> tuple[linear.LinearModel, str]:
    """Train on every training article (or all but one dev half) and say what on."""
    examples = [
        linear.Example(f, "place" if y else "none")
        for _, _, feats, labels in candidates(exclude_half=exclude_half)
        for f, y in zip(feats, labels, strict=True)
    ]
    if not any(e.label == "none" for e in examples):
        raise SystemExit("no place the rules keep is wrong: are the real-news texts present?")
    model = linear.train(examples, epochs=30, l2=3e-2, min_count=3)
    about = ABOUT if not exclude_half else f"{ABOUT}; realnews-dev-{exclude_half} held out"
    n_neg = sum(e.label == "none" for e in examples)
    return model, f"{about} ({len(examples)} candidates, {n_neg} not in gold)"


def compare(model: linear.LinearModel, half: str) -> None:
    """Print the places F1 of one dev half with the rules alone and with the model after them."""
    import quality

    from parley.extract.places_learned import THRESHOLD

    scorer = quality.load_scorer()
    tally = {"rules": [0, 0], "model": [0, 0]}  # [true positives, predicted]
    n_gold = 0
    for art, kept, feats, _ in candidates(half=half):
        golds = art.gold.get("places", [])
        n_gold += len(golds)
        keep = [p for p, f in zip(kept, feats, strict=True) if model.scores(f)["place"] >= THRESHOLD]
        for name, places in (("rules", kept), ("model", keep)):
            tally[name][0] += len(_pairs(scorer, places, golds))
            tally[name][1] += len(places)
    for name, (tp, n_pred) in tally.items():
        p, r, f = scorer.prf(tp, n_pred, n_gold)
        print(f"realnews-dev-{half} places, {name}: P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp}/{n_pred}/{n_gold})")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exclude-half", default="", choices=("", "a", "b"))
    args = ap.parse_args(argv)
    model, about = fit(args.exclude_half)
    if args.exclude_half:
        compare(model, args.exclude_half)  # measured only: nothing is written
        return
    from train.run import record

    sha = linear.save(model, "places", about)
    record("places", sha, about)
    print(f"places: {len(model.weights)} features; {about}; sha256 {sha[:12]}…")


if __name__ == "__main__":
    main()
