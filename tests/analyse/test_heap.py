"""The heap setting that keeps spaCy's freed batch memory for the next batch (glibc only)."""

from __future__ import annotations

import ctypes
import platform
import sys

import pytest

from parley.analyse import heap


def _is_glibc() -> bool:
    return sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not _is_glibc(), reason="mallopt's thresholds are glibc's")
def test_thresholds_are_set_once_and_accepted() -> None:
    assert heap.keep_freed_memory() is True
    assert heap.keep_freed_memory() is True  # a second call changes nothing and still reports success
    # the values themselves are accepted (mallopt answers 1 on success, 0 on a refused value)
    mallopt = ctypes.CDLL(None).mallopt
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    assert mallopt(heap.M_MMAP_THRESHOLD, heap.MMAP_THRESHOLD) == 1
    assert mallopt(heap.M_TRIM_THRESHOLD, heap.TRIM_THRESHOLD) == 1


@pytest.mark.spacy
def test_loading_the_pipeline_sets_them() -> None:
    from parley.analyse.nlp import load_nlp

    load_nlp()
    assert heap._done is _is_glibc()
