"""`parley.extract` as documented: a function that works however often it is called."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

pytestmark = pytest.mark.spacy

TEXT = "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara on Monday."
PUBLISHED = datetime.date(2025, 12, 29)


def test_parley_extract_works_three_times_in_one_process() -> None:
    import parley

    first = parley.extract(TEXT, published=PUBLISHED)
    second = parley.extract(TEXT, published=PUBLISHED)
    third = parley.extract(TEXT, published=PUBLISHED)
    assert first == second == third
    assert [e.type for e in first.events] == ["CONSULT"]


def test_parley_extract_is_callable_whatever_was_imported_first() -> None:
    # a fresh interpreter: importing a submodule of the package first must not hide the function
    code = (
        "import datetime, parley.extract.dates, parley\n"
        f"d = datetime.date(2025, 12, 29)\n"
        f"for _ in range(3): r = parley.extract({TEXT!r}, published=d)\n"
        "from parley import extract\n"
        "print(len(extract('No news today.', published=d).events), r.events[0].type)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "CONSULT"]
