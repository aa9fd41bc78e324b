"""Train the claim model (parley.extract.claims_learned) on the gold claims of the training articles.

    .venv/bin/python train/claims.py --exclude-half b   # the honest run: dev-b held out
    .venv/bin/python train/claims.py --show a            # print the alignment on dev-a, to check by eye
    make train                                           # the shipped model, on all training articles

Labels: a candidate (an attributed passage) is a claim when the claim it would make matches a gold
claim of its article by the scorer's own test (``claim_ok``: the same party, and the same place or
enough shared subject words). The aligner asks the shared scorer itself, with the candidate as the
only predicted claim, so a label means exactly "this would be scored a hit".
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

# What the trainer is told about its data, for the manifest.
ABOUT = "realnews-dev and the team dev set; gold claims aligned by the scorer's claim_ok"


def labelled(exclude_half: str = "", show: str = "") -> Iterator[tuple[Any, str, linear.Example, str]]:
    """Yield (article, candidate, example, matched gold subject) for every candidate of every
    training article; ``show`` names a dev half whose alignments are printed."""
    import quality  # bench/quality.py, on the path through train.data

    from parley.extract.claims import claim_cues, settled_drafts
    from parley.extract.claims_learned import draft_features
    from parley.extract.extractor import ANALYSE, DATES, EVENTS, QUOTES, Extractor, _extraction
    from parley.extract.record import actor_json, to_record

    scorer = quality.load_scorer()
    ex = Extractor()
    resources = ex.resources()
    cues = claim_cues(resources.rules)
    for art in data.articles(exclude_half=exclude_half):
        ctx = data.context(art, resources, (ANALYSE, DATES, QUOTES, EVENTS))
        if ctx is None:
            continue
        base = to_record(_extraction(ctx))
        base["events"], base["quotes"], base["positions"] = [], [], []
        golds = art.gold.get("claims", [])
        for d, status, _, rule_keep in settled_drafts(ctx, cues, learned=True):
            pred = dict(base)
            pred["actors"] = base["actors"] + [actor_json(d.claimant)]
            pred["claims"] = [
                {
                    "claimant": d.claimant.ref,
                    "subject": d.subject,
                    "place": d.place.ref if d.place else None,
                    "status": status,
                    "disputed_by": [],
                }
            ]
            hit = ""
            if golds and scorer.score_doc(art.gold, pred, art.text)["claims"]["tp"]:
                g = next((g for g in golds if _one_ok(scorer, art.gold, pred, g, art.text)), {})
                hit = f"{g.get('claimant')}: {g.get('subject')}"
            label = "claim" if hit else "none"
            if show and art.half == show:
                mark = "+" if hit else "-"
                keep = "rules keep" if rule_keep else "rules drop"
                print(f"{mark} {art.id} [{d.claimant.ref}] ({d.source}, {keep}) {d.subject[:100]!r}")
                if hit:
                    print(f"    gold: {hit}")
            features = draft_features(ctx, d, status, rule_keep, cues)
            yield art, (d, rule_keep), linear.Example(features, label), hit


def _one_ok(scorer: Any, gold: dict[str, Any], pred: dict[str, Any], g: dict[str, Any], text: str) -> bool:
    """Return True when the one predicted claim matches gold claim ``g`` (for the printout)."""
    only = dict(gold)
    only["claims"] = [g]
    return bool(scorer.score_doc(only, pred, text)["claims"]["tp"])


def fit(exclude_half: str = "") -> tuple[linear.LinearModel, str]:
    """Train on every training article (or all but one dev half) and say what on."""
    examples = [e for _, _, e, _ in labelled(exclude_half)]
    if not any(e.label == "claim" for e in examples):
        raise SystemExit("no candidate matched a gold claim: are the real-news texts present?")
    model = linear.train(examples, epochs=30, l2=1e-3, min_count=3)
    about = ABOUT if not exclude_half else f"{ABOUT}; realnews-dev-{exclude_half} held out"
    n_pos = sum(e.label == "claim" for e in examples)
    return model, f"{about} ({len(examples)} candidates, {n_pos} claims)"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exclude-half", default="", choices=("", "a", "b"))
    ap.add_argument("--show", default="", choices=("", "a"), help="print the alignments of this dev half")
    args = ap.parse_args(argv)
    if args.show:
        rows = list(labelled(show=args.show))
        print(f"{sum(e.label == 'claim' for _, _, e, _ in rows)} positive of {len(rows)} candidates")
        return
    from train.run import record

    model, about = fit(args.exclude_half)
    sha = linear.save(model, "claims", about)
    record("claims", sha, about)
    print(f"claims: {len(model.weights)} features; {about}; sha256 {sha[:12]}…")


if __name__ == "__main__":
    main()
