"""Train the issue model of positions (parley.extract.positions_learned) on the training articles.

    .venv/bin/python train/positions.py --exclude-half b   # the honest run: dev-b held out, scored
    make train                                             # the shipped model, on all training articles

Candidates are the rules' stance readings that the rules give no issue (a cue with a resolved
party and its clause, dropped for want of an issue word), each paired with the issues named in its
clause, its sentence, the sentences before it or the article (positions_learned.candidate_issues),
less the (party, issue) pairs the rules already report, since adding those changes nothing. A
pair is ``yes`` when the party holds a gold position on that issue in the article, asked of the
shared scorer itself (the party's twelve possible positions scored against the gold, so "gold"
means exactly "would be scored a hit"), else ``no``.
With ``--exclude-half``, the held-out half is then scored (positions only) with the rules alone and
with the model at several thresholds, as the component would use it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from parley.learn import linear  # noqa: E402
from parley.model.records import ISSUES  # noqa: E402
from train import data  # noqa: E402

ABOUT = "realnews-dev and the team dev set; stance readings labelled by the scorer's party match"


@dataclass
class Parsed:
    """One article as the pipeline reads it: the finder, readings, rule spans, record and gold."""

    art: Any
    finder: Any
    readings: list[Any]
    spans: list[Any]  # the rules' positions before one-per-party-and-issue
    record: dict[str, Any]
    issues: Any  # ArticleIssues
    qspans: list[Any]


def parse_all(sets: tuple[str, ...] = data.TRAIN_SETS) -> list[Parsed]:
    """Run the pipeline up to positions on every training article (both halves of realnews-dev)."""
    from parley.extract.extractor import COMPONENTS, Extractor, _extraction
    from parley.extract.positions import article_readings, quoted_stances, rule_spans
    from parley.extract.positions_learned import ArticleIssues
    from parley.extract.record import to_record

    ex = Extractor()
    resources = ex.resources()
    out = []
    for art in data.articles(sets):
        ctx = data.context(art, resources, COMPONENTS)
        if ctx is None:
            continue
        record = to_record(_extraction(ctx))
        finder, readings = article_readings(ctx)
        spans = rule_spans(finder, readings)
        spans += quoted_stances(ctx.need("qspans"), spans, resources.rules, ctx.need("doc"))
        out.append(
            Parsed(
                art,
                finder,
                readings,
                spans,
                record,
                ArticleIssues(finder.sents, finder.doc, resources.rules),
                list(ctx.need("qspans")),
            )
        )
    return out


def _pos_json(party: Any, issue: str) -> dict[str, Any]:
    return {"party": party.ref, "issue": issue, "stance": ""}


def gold_issues(scorer: Any, p: Parsed, party: Any, cache: dict[Any, set[str]]) -> set[str]:
    """Return the issues of ``party``'s gold positions in the article, by the scorer's own match."""
    from parley.extract.record import actor_json

    key = (p.art.id, party.ref)
    if key not in cache:
        pred = dict(p.record)
        pred["actors"] = p.record["actors"] + [actor_json(party)]
        pred["positions"] = [_pos_json(party, i) for i in ISSUES]
        res = scorer.score_doc(p.art.gold, pred, p.art.text)["positions"]
        wrong = {s.rsplit("/", 1)[1] for s in res["spurious"]}
        cache[key] = {i for i in ISSUES if i not in wrong}
    return cache[key]


def examples(parsed: list[Parsed], scorer: Any, rules: Any, skip_half: str = "") -> list[linear.Example]:
    """Return a labelled example for every (reading, candidate issue) of the articles not in
    ``skip_half``: ``yes`` when the reading's party holds a gold position on that issue."""
    from parley.extract.positions_learned import candidate_issues, pair_features

    cache: dict[Any, set[str]] = {}
    out = []
    for p in parsed:
        if skip_half and p.art.half == skip_half:
            continue
        have = {(s.party.side, s.issue) for s in p.spans}
        for r in p.readings:
            if r.issues:
                continue  # the model only gives an issue to a reading the rules give none
            gold = gold_issues(scorer, p, r.party, cache)
            for issue in candidate_issues(r, p.issues, rules):
                if (r.party.side, issue) in have:
                    continue  # a pair the rules already report: adding it changes nothing
                y = "yes" if issue in gold else "no"
                out.append(linear.Example(pair_features(r, issue, p.issues, rules), y))
    return out


def score(
    parsed: list[Parsed],
    scorer: Any,
    rules: Any,
    model: linear.LinearModel | None,
    half: str,
    add_at: float = 0.8,
) -> tuple[int, int, int]:
    """Return (tp, predicted, gold) of positions on one dev half, with the model or the rules alone."""
    from parley.extract.positions import quoted_stances, rule_spans, strongest_per_party_issue
    from parley.extract.positions_learned import judged_readings

    tp = n_pred = n_gold = 0
    for p in parsed:
        if p.art.half != half:
            continue
        if model is None:
            spans = list(p.spans)
        else:
            readings = judged_readings(model, p.readings, p.issues, rules, add_at)
            spans = rule_spans(p.finder, readings)
            spans += quoted_stances(p.qspans, spans, rules, p.finder.doc)
        final = strongest_per_party_issue(spans)
        pred = dict(p.record)
        pred["positions"] = [_pos_json(s.party, s.issue) for s in final]
        res = scorer.score_doc(p.art.gold, pred, p.art.text)["positions"]
        tp, n_pred, n_gold = tp + res["tp"], n_pred + res["pred"], n_gold + res["gold"]
    return tp, n_pred, n_gold


def fit(exclude_half: str = "", parsed: list[Parsed] | None = None) -> tuple[linear.LinearModel, str]:
    """Train on every training article (or all but one dev half) and say what on."""
    import quality  # bench/quality.py, on the path through train.data

    from parley.rules import load_rules

    parsed = parsed if parsed is not None else parse_all()
    ex = examples(parsed, quality.load_scorer(), load_rules(), exclude_half)
    if not any(e.label == "yes" for e in ex):
        raise SystemExit("no reading matched a gold position: are the real-news texts present?")
    model = linear.train(ex, epochs=30, l2=1e-2, min_count=3)
    about = ABOUT if not exclude_half else f"{ABOUT}; realnews-dev-{exclude_half} held out"
    n_pos = sum(e.label == "yes" for e in ex)
    return model, f"{about} ({len(ex)} reading-issue pairs, {n_pos} gold)"


def _f1(t: tuple[int, int, int]) -> str:
    tp, n_pred, n_gold = t
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({tp}/{n_pred}/{n_gold})"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--exclude-half", default="", choices=("", "a", "b"))
    args = ap.parse_args(argv)
    import quality

    from parley.rules import load_rules

    parsed = parse_all()
    if args.exclude_half:
        model, about = fit(args.exclude_half, parsed)
        scorer, rules = quality.load_scorer(), load_rules()
        print(about)
        half = args.exclude_half
        print(f"dev-{half} rules              {_f1(score(parsed, scorer, rules, None, half))}")
        for add_at in (0.5, 0.6, 0.7, 0.8, 0.9):
            got = score(parsed, scorer, rules, model, half, add_at)
            print(f"dev-{half} model, add at {add_at:.1f}  {_f1(got)}")
        return
    from train.run import record

    model, about = fit("", parsed)
    sha = linear.save(model, "positions", about)
    record("positions", sha, about)
    print(f"positions: {len(model.weights)} features; {about}; sha256 {sha[:12]}…")


if __name__ == "__main__":
    main()
