"""Shared fixtures. Tests that need the spaCy model take ``nlp`` and share one loaded pipeline.

Markers (pyproject.toml) select subsets; the fast one, under a minute on two cores, is

    .venv/bin/python -m pytest -m "not spacy and not slow and not browser" -n 2

A test needs the ``spacy`` marker when it loads the model, directly or through an Extractor or
an ingest that extracts. Tests that take the ``nlp`` or ``extractor`` fixture get it here, and so
do the modules in ``SPACY_MODULES`` (which run the whole pipeline without such a fixture);
others say so with ``pytestmark = pytest.mark.spacy``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "eval" / "dev"

SPACY_FIXTURES = frozenset({"nlp", "extractor"})
# Modules whose tests all run the real pipeline (articles extracted or ingested with extraction).
SPACY_MODULES = frozenset(
    {
        "tests/extract/test_extractor.py",
        "tests/extract/test_events.py",
        "tests/extract/test_quality_gate.py",
        "tests/story/test_story_corpus.py",
    }
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests that load the spaCy model (see the module docstring)."""
    for item in items:
        module = Path(str(item.fspath)).resolve().relative_to(ROOT).as_posix()
        if module in SPACY_MODULES or SPACY_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.spacy)


@pytest.fixture(scope="session")
def nlp():
    """Return the project's spaCy pipeline, loaded once per test session (worker)."""
    from parley.analyse.nlp import load_nlp

    return load_nlp()
