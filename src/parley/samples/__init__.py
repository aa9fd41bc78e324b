"""Sample data shipped with Parley: a small news corpus and two peace-plan summaries.

Both folders hold text written by the Parley team in its own words (see the
README.md in each). ``make demo`` ingests :func:`corpus_dir`; ``parley plans
add/diff`` can be pointed at the files in :func:`plans_dir`.

Nothing is read at import time; the functions only return paths.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["corpus_dir", "plans_dir"]

_HERE = Path(__file__).resolve().parent


def corpus_dir() -> Path:
    """Return the folder of sample articles (``YYYY-MM-DD-slug.txt`` with front matter)."""
    return _HERE / "corpus"


def plans_dir() -> Path:
    """Return the folder of team-written peace-plan summaries (one numbered point per line)."""
    return _HERE / "plans"
