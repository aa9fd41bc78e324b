"""The real-news corpus keeps its promises: its spread, its split, clean gold, no private article.

The texts are not in the repository (eval/realnews/README.md); the checks that need them run only
where they have been brought back, and say so when skipped.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from typing import Any

import pytest

from tests.conftest import ROOT, SHARED

REALNEWS = ROOT / "eval" / "realnews"
ROWS = [json.loads(x) for x in (REALNEWS / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if x]
FIELDS = {"id", "url", "outlet", "query", "published", "conflict", "split", "chars", "sha256"}


def _tool(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"realnews_{name}", REALNEWS / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_manifest_has_the_promised_spread() -> None:
    assert len(ROWS) >= 150
    assert all(set(r) >= FIELDS for r in ROWS)
    assert len({r["id"] for r in ROWS}) == len(ROWS) and len({r["url"] for r in ROWS}) == len(ROWS)
    conflicts = Counter(r["conflict"] for r in ROWS)
    assert len(conflicts) >= 12 and conflicts["russia-ukraine"] <= 0.4 * len(ROWS)
    assert len({r["outlet"] for r in ROWS}) >= 40
    assert all("2024-01-01" <= r["published"] <= "2026-12-31" for r in ROWS)
    assert Counter(r["kind"] for r in ROWS).keys() >= {"report", "brief", "analysis", "liveblog"}


def test_dev_and_test_split_about_sixty_forty_within_each_conflict() -> None:
    # Gate batches go to dev as a whole (ANNOTATING.md section 3): the drawn split is the rest.
    drawn = [r for r in ROWS if not r.get("batch")]
    splits = Counter(r["split"] for r in drawn)
    assert set(splits) == {"dev", "test"} and min(splits.values()) >= 50
    assert 0.5 <= splits["dev"] / len(drawn) <= 0.7
    assert {r["split"] for r in ROWS if r.get("batch")} <= {"dev"}
    for conflict in {r["conflict"] for r in ROWS}:
        members = [r for r in ROWS if r["conflict"] == conflict]
        if len(members) >= 5:
            assert {r["split"] for r in members} == {"dev", "test"}, conflict


def test_every_gold_file_belongs_to_the_manifest_and_follows_the_format() -> None:
    check = _tool("check_gold")
    gold = {p.name[: -len(".gold.json")] for p in (REALNEWS / "gold").glob("*.gold.json")}
    assert gold == {r["id"] for r in ROWS}
    for r in ROWS:
        record = json.loads((REALNEWS / "gold" / f"{r['id']}.gold.json").read_text(encoding="utf-8"))
        assert record["published"] == r["published"], r["id"]
        text = "x" * r["chars"]  # the offsets are checked against the length; words need the real text
        problems = [p for p in check.problems(record, text, r["id"]) if "starts or ends" not in p]
        assert not problems, (r["id"], problems)
    second = {p.name for p in (REALNEWS / "agreement" / "b").glob("*.gold.json")}
    assert len(second) >= 30 and second <= {f"{i}.gold.json" for i in gold}


@pytest.mark.skipif(not (SHARED / "eval" / "private_check.py").exists(), reason="needs ../shared/eval")
def test_no_article_is_one_the_project_keeps_private() -> None:
    args = [a for r in ROWS for a in ("--url", r["url"])]
    texts = (
        sorted(str(p) for p in (REALNEWS / "texts").glob("*.txt")) if (REALNEWS / "texts").is_dir() else []
    )
    out = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "private_check.py"), *args, *texts],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout


@pytest.mark.skipif(
    not (REALNEWS / "texts").is_dir(), reason="texts not brought back (eval/realnews/README.md)"
)
def test_with_the_texts_every_gold_file_scores_one_against_itself() -> None:
    verify = subprocess.run(
        [sys.executable, str(REALNEWS / "tools" / "verify_texts.py")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert verify.returncode == 0, verify.stdout
    check = subprocess.run(
        [sys.executable, str(REALNEWS / "tools" / "check_gold.py")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0 and f"{len(ROWS)} of {len(ROWS)} gold files clean" in check.stdout, (
        check.stdout
    )
