"""Shared fixtures. Tests that need the spaCy model take ``nlp`` and share one loaded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"


@pytest.fixture(scope="session")
def nlp():
    """Return the project's spaCy pipeline, loaded once per test session (worker)."""
    from parley.analyse.nlp import load_nlp

    return load_nlp()
