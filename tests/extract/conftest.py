"""One Extractor per test module for the sentence-level extraction tests (real spaCy pipeline, real
knowledge base): the pipeline itself is shared, so a module-level extractor costs little."""

from __future__ import annotations

import pytest

from parley.extract.extractor import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()
