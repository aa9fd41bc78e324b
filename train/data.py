"""The articles a trainer learns from: real-news dev (both halves) and the team's dev set, with gold.

Why these and no others: realnews-test is only ever scored (so it can say whether a model beats the
rules), and the team's heldout sets stay held out. A trainer may also hold out one half of
realnews-dev (``exclude_half``) to measure itself on the other before it is trained on all. A gate
batch (``realnews-dev-c``, ANNOTATING.md §3) is not part of realnews-dev, so it is never trained on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import quality  # noqa: E402  (bench/quality.py: the one place that knows where the sets live)

TRAIN_SETS = ("dev", "realnews-dev")


@dataclass(frozen=True)
class Article:
    """One gold-annotated article: its id, set, dev half ("a"/"b", or "" outside realnews-dev)."""

    id: str
    set: str
    half: str
    text: str
    published: date
    gold: dict[str, Any]


def articles(sets: tuple[str, ...] = TRAIN_SETS, exclude_half: str = "") -> Iterator[Article]:
    """Yield the training articles in a fixed order (set, then id), so training is reproducible."""
    for found in quality.discover():
        if isinstance(found, str) or found.name not in sets:
            continue
        if found.name == quality.SEALED:
            raise SystemExit(f"{quality.SEALED} is never trained on")
        for stem in sorted(found.ids):
            half = quality._half(stem) if found.name == "realnews-dev" else ""
            if exclude_half and half == exclude_half:
                continue
            gold = json.loads((found.gold / f"{stem}.gold.json").read_text(encoding="utf-8"))
            yield Article(
                stem,
                found.name,
                half,
                (found.texts / f"{stem}.txt").read_text(encoding="utf-8"),
                date.fromisoformat(gold["published"]),
                gold,
            )


def context(art: Article, resources: Any, components: Sequence[Any]) -> Any | None:
    """Clean ``art`` and run ``components`` over it as extraction does, returning the article's
    context (an ArticleContext), or None when cleaning leaves no body to read. One builder for every
    trainer, so that each learns from exactly what the shipped pipeline sees."""
    from parley.clean import clean
    from parley.extract.context import ArticleContext, run_components
    from parley.model import ArticleMeta, Document, RawArticle

    raw = RawArticle(source=art.id, kind="text", text=art.text, meta=ArticleMeta(published=art.published))
    doc = clean(raw)
    if not isinstance(doc, Document) or not doc.text.strip():
        return None
    ctx = ArticleContext(doc, art.id, doc.text, art.published, resources)
    run_components(components, ctx)
    return ctx
