"""`make train` must rebuild every shipped model byte for byte.

Why: a model file is data the code depends on. When a change to the candidates or features a
trainer sees lands without retraining, the committed file no longer comes from the committed code,
and nobody can tell which of the two a score measured. This test retrains each model listed in
train/run.py's TRAINERS into a temporary folder and compares the sha256 with MODELS.toml.

Training reads the real-news texts (kept out of the repository, eval/realnews/README.md) and the
public sets prepared locally, so the test is skipped, saying which set is missing, where they are
not all present — as on a fresh clone.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import quality  # noqa: E402
from train import run  # noqa: E402

from parley.learn import linear  # noqa: E402


def _missing(sets: tuple[str, ...]) -> list[str]:
    """Return why each of ``sets`` cannot be trained on in full here (empty when all are present)."""
    found = {s.name: s for s in quality.discover() if not isinstance(s, str)}
    out = []
    for name in sets:
        if name not in found:
            out.append(f"{name}: not on this machine")
        elif found[name].left_out:
            out.append(f"{name}: {found[name].left_out}")
    return out


@pytest.mark.slow
@pytest.mark.spacy
@pytest.mark.parametrize("name", run.TRAINERS)
def test_training_rebuilds_the_shipped_model(name: str, tmp_path: Path) -> None:
    trainer = importlib.import_module(f"train.{name}")
    missing = _missing(tuple(getattr(trainer, "SETS", ("dev", "realnews-dev"))))
    if missing:
        pytest.skip("training data incomplete: " + "; ".join(missing))
    model, about = trainer.fit()
    sha = linear.save(model, name, about, folder=tmp_path)
    want = linear.expected_hashes()[name]
    assert sha == want, (
        f"retraining {name} gives sha256 {sha[:12]}…, MODELS.toml lists {want[:12]}…: "
        "the code changed what the trainer sees; run `make train` and commit the model"
    )
