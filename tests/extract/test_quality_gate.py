"""The quality gate: extraction scores on the team's held-out articles and the dev set stay above
their pinned floors (tests/extract/quality_floors.json), scored by ../shared/eval/score.py."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SHARED

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("parley_bench_quality", ROOT / "bench" / "quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    from parley.extract.extractor import Extractor

    bench = _bench()
    extractor = Extractor()
    sets = [s for s in bench.discover() if not isinstance(s, str) and s.name in FLOORS]
    return {s.name: bench.score_set(s, extractor) for s in sets}


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval (CI has it)")
@pytest.mark.parametrize("which", ["heldout", "heldout2", "dev"])
def test_scores_stay_above_their_floors(scores: dict[str, Any], which: str) -> None:
    result = scores[which]
    below = {
        cat: (result[cat]["f1"], floor) for cat, floor in FLOORS[which].items() if result[cat]["f1"] < floor
    }
    assert not below, f"{which}: F1 below floor (measured, floor): {below}"
