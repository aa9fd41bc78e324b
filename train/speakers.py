"""Train the speaker re-ranker (parley.extract.speakers_learned) on the gold quotes of the training articles.

    .venv/bin/python train/speakers.py --exclude-half b   # the honest run: dev-b held out
    make train                                            # the shipped model, on all training articles

Labels: for every quote the rules find that matches a gold quote (the scorer's quotes_overlap), each
candidate speaker is "yes" when the scorer, given that quote with that speaker as the only
prediction, counts a quotes+speaker hit (the same resolution of names to gold actors the scores
use), else "no". Quotes that match no gold quote teach nothing about speakers and are skipped.
Training sets: polnear-train (public PolNeAR train split), realnews-dev and the team dev set.
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

SETS = ("dev", "realnews-dev", "polnear-train")
ABOUT = "polnear-train, realnews-dev and the team dev set; candidates labelled by the scorer's quotes+speaker"


def labelled(exclude_half: str = "") -> Iterator[tuple[str, int, Any, linear.Example]]:
    """Yield (article id, quote number, candidate, example) for every candidate of every quote
    that matches a gold quote."""
    import quality  # bench/quality.py, on the path through train.data

    from parley.extract.extractor import ANALYSE, QUOTES, Extractor
    from parley.extract.record import actor_json
    from parley.extract.speakers_learned import NO, YES, rescored

    scorer = quality.load_scorer()
    ex = Extractor()
    resources = ex.resources()
    for art in data.articles(SETS, exclude_half=exclude_half):
        golds = art.gold.get("quotes", [])
        if not golds:
            continue
        ctx = data.context(art, resources, (ANALYSE, QUOTES))
        if ctx is None:
            continue
        gtexts = [scorer.quote_text(g, art.text) for g in golds]
        for n, (q, cands, feats) in enumerate(rescored(ctx, ctx.need("qspans"))):
            if not any(scorer.quotes_overlap(q.text, g) for g in gtexts):
                continue
            for c, f in zip(cands, feats, strict=True):
                pred = {
                    "actors": [actor_json(c.actor)],
                    "quotes": [{"text": q.text, "speaker": c.actor.ref, "direct": q.direct}],
                }
                hit = scorer.score_doc(art.gold, pred, art.text)["quotes+speaker"]["tp"]
                yield art.id, n, c, linear.Example(f, YES if hit else NO)


def fit(exclude_half: str = "") -> tuple[linear.LinearModel, str]:
    """Train on every training article (or all but one realnews-dev half) and say what on."""
    examples = [e for _, _, _, e in labelled(exclude_half)]
    if not any(e.label == "yes" for e in examples):
        raise SystemExit("no candidate matched a gold speaker: are the texts present?")
    model = linear.train(examples, epochs=20, l2=1e-3, min_count=3)
    about = ABOUT if not exclude_half else f"{ABOUT}; realnews-dev-{exclude_half} held out"
    n_pos = sum(e.label == "yes" for e in examples)
    return model, f"{about} ({len(examples)} candidates, {n_pos} right)"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exclude-half", default="", choices=("", "a", "b"))
    args = ap.parse_args(argv)
    from train.run import record

    model, about = fit(args.exclude_half)
    sha = linear.save(model, "speakers", about)
    record("speakers", sha, about)
    print(f"speakers: {len(model.weights)} features; {about}; sha256 {sha[:12]}…")


if __name__ == "__main__":
    main()
