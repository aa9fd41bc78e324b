"""Checks real-news gold files against FORMAT.md and scores each against itself.

    python eval/realnews/tools/check_gold.py [ID ...] [--gold DIR] [--texts DIR]

Prints one line per problem (file, record, what is wrong) and exits 1 if there is any. Checks the
vocabularies (event types, modalities, issues, claim statuses, actor kinds), that every reference
(event actors, speaker, claimant, party, disputed_by) names an actor of the file, that quote spans
are given by offsets only and fall on words (no surrounding spaces or quote marks), that event and
claim places name a place of the file, and that the file scores 1.0 against itself with score.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

REALNEWS = Path(__file__).resolve().parent.parent
SCORER = REALNEWS.parent.parent.parent / "shared" / "eval" / "score.py"
TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
MODALITIES = {"asserted", "claimed", "denied", "planned", "hypothetical"}
ISSUES = {
    "territory",
    "ceasefire",
    "security_guarantees",
    "alliance_membership",
    "military_limits",
    "nuclear",
    "sanctions",
    "economic_reconstruction",
    "humanitarian",
    "governance",
    "accountability",
    "other",
}
STATUSES = {"claimed", "disputed", "unverified", "confirmed"}
KINDS = {"person", "state", "organization", "group"}
PRECISIONS = {"day", "month", "year"}
EDGE = set(" \n\t\"'“”‘’«»„.,;:")
TOP = {"doc_id", "published", "actors", "places", "events", "quotes", "claims", "positions", "notes"}


def load_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def problems(gold: dict, text: str, stem: str) -> list[str]:  # type: ignore[type-arg]
    """Return what is wrong with one gold record."""
    out: list[str] = []
    for key in set(gold) - TOP:
        out.append(f"unknown top-level key {key!r}")
    if gold.get("doc_id") != stem:
        out.append(f"doc_id {gold.get('doc_id')!r} is not the file stem {stem!r}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(gold.get("published"))):
        out.append("published is not YYYY-MM-DD")
    refs: set[str] = set()
    for i, a in enumerate(gold.get("actors", [])):
        if a.get("kind") not in KINDS:
            out.append(f"actors[{i}] kind {a.get('kind')!r}")
        if a.get("id") is not None and not re.fullmatch(r"Q\d+", str(a["id"])):
            out.append(f"actors[{i}] id {a['id']!r} is not a QID or null")
        if not a.get("name"):
            out.append(f"actors[{i}] has no name")
        refs |= {r for r in (a.get("id"), a.get("name")) if r}
    place_refs: set[object] = set()
    for i, p in enumerate(gold.get("places", [])):
        if not p.get("name"):
            out.append(f"places[{i}] has no name")
        for k in ("lat", "lon"):
            if not isinstance(p.get(k), int | float):
                out.append(f"places[{i}] {p.get('name')}: {k} missing")
        place_refs |= {r for r in (p.get("geonameid"), p.get("name")) if r}

    def ref_ok(where: str, ref: object) -> None:
        if ref not in refs:
            out.append(f"{where}: {ref!r} is not an actor id or name of this file")

    def place_ok(where: str, ref: object) -> None:
        if ref is not None and ref not in place_refs:
            out.append(f"{where}: place {ref!r} is not a geonameid or name in places")

    for i, e in enumerate(gold.get("events", [])):
        w = f"events[{i}]"
        if e.get("type") not in TYPES:
            out.append(f"{w} type {e.get('type')!r}")
        if e.get("modality") not in MODALITIES:
            out.append(f"{w} modality {e.get('modality')!r}")
        if e.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(e["date"])):
            out.append(f"{w} date {e.get('date')!r}")
        if e.get("date_precision") not in (None, *PRECISIONS):
            out.append(f"{w} date_precision {e.get('date_precision')!r}")
        if not e.get("actors"):
            out.append(f"{w} has no actors")
        for r in e.get("actors", []):
            ref_ok(w, r)
        place_ok(w, e.get("place"))
    for i, q in enumerate(gold.get("quotes", [])):
        w = f"quotes[{i}]"
        if "text" in q:
            out.append(f"{w}: real-news gold gives quotes by offsets only (drop 'text')")
        s, t = q.get("start"), q.get("end")
        if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text)):
            out.append(f"{w}: bad offsets {s}..{t} (text has {len(text)} chars)")
            continue
        if text[s] in EDGE or text[t - 1] in EDGE:
            out.append(f"{w}: span {text[s:t]!r} starts or ends on a space, quote mark or punctuation")
        if not isinstance(q.get("direct"), bool):
            out.append(f"{w}: direct must be true or false")
        ref_ok(w, q.get("speaker"))
    for i, c in enumerate(gold.get("claims", [])):
        w = f"claims[{i}]"
        ref_ok(w, c.get("claimant"))
        if c.get("status") not in STATUSES:
            out.append(f"{w} status {c.get('status')!r}")
        if not c.get("subject"):
            out.append(f"{w} has no subject")
        for r in c.get("disputed_by", []):
            ref_ok(w + " disputed_by", r)
        if c.get("status") == "disputed" and not c.get("disputed_by"):
            out.append(f"{w}: disputed with no disputed_by")
        place_ok(w, c.get("place"))
    for i, p in enumerate(gold.get("positions", [])):
        w = f"positions[{i}]"
        ref_ok(w, p.get("party"))
        if p.get("issue") not in ISSUES:
            out.append(f"{w} issue {p.get('issue')!r}")
        if len(str(p.get("stance", "")).split()) < 3:
            out.append(f"{w}: stance should be a clause in your own words")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--gold", type=Path, default=REALNEWS / "gold")
    ap.add_argument("--texts", type=Path, default=REALNEWS / "texts")
    a = ap.parse_args()
    files = [a.gold / f"{i}.gold.json" for i in a.ids] if a.ids else sorted(a.gold.glob("*.gold.json"))
    scorer = load_scorer()
    bad = 0
    for f in files:
        stem = f.name[: -len(".gold.json")]
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
            text = (a.texts / f"{stem}.txt").read_text(encoding="utf-8")
        except (OSError, json.JSONDecodeError) as e:
            print(f"{f.name}: {e}")
            bad += 1
            continue
        found = problems(gold, text, stem)
        if not found:
            doc = scorer.score_doc(
                gold,
                {
                    **gold,
                    "quotes": [{**q, "text": text[q["start"] : q["end"]]} for q in gold.get("quotes", [])],
                },
                text,
            )
            for cat, r in doc.items():
                if r["tp"] != r["gold"] or r["tp"] != r["pred"]:
                    found.append(
                        f"self-score: {cat} {r['tp']}/{r['pred']}/{r['gold']} (two records too alike?)"
                    )
        for p in found:
            print(f"{f.name}: {p}")
        bad += bool(found)
    print(f"{len(files) - bad} of {len(files)} gold files clean")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
