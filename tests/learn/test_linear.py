"""The linear model learns a separable toy task, writes the same bytes twice, and refuses a changed file."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.learn import linear


def _toy() -> list[linear.Example]:
    said = [("w=claimed", "w=captured"), ("w=said", "w=took", "w=claimed"), ("w=claimed", "w=seized")]
    other = [("w=visited", "w=met"), ("w=signed", "w=met"), ("w=visited", "w=toured")]
    return [linear.Example(f, "claim") for f in said] * 3 + [linear.Example(f, "none") for f in other] * 3


def test_learns_a_separable_task_and_explains_it() -> None:
    model = linear.train(_toy(), min_count=1)
    assert model.predict(["w=claimed", "w=captured"])[0] == "claim"
    assert model.predict(["w=met", "w=visited"])[0] == "none"
    assert model.explain(["w=claimed", "w=met"], "claim")[0][0] == "w=claimed"
    probs = model.scores(["w=unknown"])
    assert abs(sum(probs.values()) - 1.0) < 1e-9


def test_rare_features_are_left_out() -> None:
    data = [*_toy(), linear.Example(("w=once",), "claim")]
    assert "w=once" not in linear.train(data, min_count=2).weights


def test_training_is_deterministic_and_the_file_round_trips(tmp_path: Path) -> None:
    a = linear.dumps(linear.train(_toy(), min_count=1))
    b = linear.dumps(linear.train(_toy(), min_count=1))
    assert a == b
    sha = linear.save(linear.train(_toy(), min_count=1), "toy", folder=tmp_path)
    manifest = tmp_path / "MODELS.toml"
    manifest.write_text(f'[models.toy]\nsha256 = "{sha}"\n', encoding="utf-8")
    loaded = linear.load("toy", folder=tmp_path, manifest=manifest)
    assert loaded.predict(["w=claimed"])[0] == "claim"


def test_a_changed_or_unlisted_file_is_refused_with_what_to_do(tmp_path: Path) -> None:
    sha = linear.save(linear.train(_toy(), min_count=1), "toy", folder=tmp_path)
    manifest = tmp_path / "MODELS.toml"
    manifest.write_text(f'[models.toy]\nsha256 = "{sha}"\n', encoding="utf-8")
    path = tmp_path / "toy.json"
    path.write_text(path.read_text(encoding="utf-8").replace("claim", "clam"), encoding="utf-8")
    with pytest.raises(linear.ModelFileError, match="make train"):
        linear.load("toy", folder=tmp_path, manifest=manifest)
    with pytest.raises(linear.ModelFileError, match="not listed"):
        linear.load("other", folder=tmp_path, manifest=manifest)
