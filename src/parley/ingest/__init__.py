"""Ingest: read articles from text, HTML, JSONL, RSS/Atom feeds, WARC files and URLs.

Every input becomes ``RawArticle`` objects or a ``Failure`` with a one-line message; a bad
input never stops a batch.
"""

from __future__ import annotations

from .dates import parse_date
from .detect import KINDS
from .read import read_inputs

__all__ = ["KINDS", "parse_date", "read_inputs"]
