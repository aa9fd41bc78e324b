"""A learned judge of the place list: tried, measured, and not shipped (issue #14).

Why a model was tried: precision on places falls on each step away from the articles the rules
were written on (realnews-dev-a 0.80, dev-b 0.69, test 0.54), so a filter that learns which of the
rules' places the gold keeps might generalise better. Every place the rules keep is a candidate;
a logistic regression (:mod:`parley.learn.linear`, trained by ``train/places.py``) reads general
features of it (how the gazetteer matched it, its population band, whether a record uses it, how
often and where the article names it, the words right around each mention, whether the located
shapes of :mod:`parley.extract.places_located` call a mention unlocating) and may drop it.

Measured (December 2026), the model after the rules, threshold 0.3, l2 0.03: trained without
realnews-dev-b (dev-a and the team dev set), dev-b places F1 0.733 -> 0.706; trained without
dev-a, dev-a 0.831 -> 0.815. In exploration the best of eighteen settings raised dev-b to 0.748,
but the same setting trained the other way round lowered dev-a (0.831 -> 0.805): a choice made on
dev-b, not a model that generalises. Features of the region (feature class, "a region with a town
of it named") also lowered the team's held-out sets, whose gold counts the region of a captured
town where realnews gold does not. With about 280 candidates and 60 wrong ones it memorises its
articles, so no model is shipped: :func:`place_model` finds none in MODELS.toml and the rules
work alone (:func:`judged` keeps every place).
``train/places.py`` trains one when there is more gold; add "places" to TRAINERS once it wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from parley.learn import linear
from parley.model.records import PlaceRef

MODEL_NAME = "places"
# A place the rules keep is dropped when the model gives it less than this probability.
THRESHOLD = 0.3
_POPULATION = re.compile(r"population ([\d,]+)")
# Words before or after a mention that are features themselves; any other word is only its shape.
_FUNCTION_WORDS = frozenset(
    ["in", "at", "near", "from", "of", "to", "over", "on", "into", "across", "around", "outside", "the",
     "and", "for", "with", "by", "between", "toward", "towards", "inside", "throughout", "within", "via",
     "through"]
)  # fmt: skip
_TOKEN = re.compile(r"[\w'’-]+|[,.;:()\"“”—–]")


@lru_cache(maxsize=1)
def place_model() -> linear.LinearModel | None:
    """Return the shipped place model, or None before one wins (the rules work alone)."""
    if MODEL_NAME not in linear.expected_hashes():
        return None
    return linear.load(MODEL_NAME)


def _band(reason: str) -> str:
    m = _POPULATION.search(reason)
    if not m:
        return "none"
    n = int(m.group(1).replace(",", ""))
    return "lt10k" if n < 10_000 else "lt100k" if n < 100_000 else "lt1m" if n < 1_000_000 else "ge1m"


def _shape(word: str) -> str:
    """Return a word as a feature: a function word or punctuation itself, else its case."""
    if not word:
        return "BOS"
    low = word.lower()
    if low in _FUNCTION_WORDS or not word[0].isalpha():
        return low
    return "CAP" if word[0].isupper() else "low"


def candidate_features(
    place: PlaceRef, mentions: Sequence[Any], text: str, used: Iterable[Any]
) -> tuple[str, ...]:
    """Return the features of one place of the article's list (see the module docstring)."""
    from parley.extract.places_located import _unlocating

    feats = [f"method={place.method}", f"pop={_band(place.reason)}"]
    reason = place.reason
    for key, cue in (
        ("focus", "in focus"),
        ("near_other", "km from a place"),
        ("same_region", "same admin-1"),
        ("seat", "seat of government"),
    ):
        if cue in reason:
            feats.append(key)
    if place.ref in set(used):
        feats.append("used")
    spans = sorted((m for m in mentions if m.kind == "place" and m.place is not None), key=lambda m: m.start)
    own = [i for i, m in enumerate(spans) if m.place.ref == place.ref]
    feats.append(f"mentions={min(len(own), 3)}")
    if own:
        feats.append(f"first_at={min(4, int(5 * spans[own[0]].start / max(1, len(text))))}")
        if all(_unlocating(spans, i, text) for i in own):
            feats.append("unlocating")
    for i in own:
        m = spans[i]
        before = _TOKEN.findall(text[max(0, m.start - 60) : m.start])[-2:]
        after = _TOKEN.findall(text[m.end : m.end + 30])[:1]
        b1 = _shape(before[-1]) if before else "BOS"
        b2 = _shape(before[-2]) if len(before) > 1 else "BOS"
        feats += [f"prev={b1}", f"prev2={b2}_{b1}", f"next={_shape(after[0]) if after else 'EOS'}"]
        start = text.rfind("\n", 0, m.start) + 1
        end = text.find("\n", m.end)
        feats.append("line_short" if (len(text) if end < 0 else end) - start < 120 else "line_long")
    return tuple(dict.fromkeys(feats))


def judged(
    places: Sequence[PlaceRef], mentions: Sequence[Any], text: str, used: Iterable[Any]
) -> tuple[PlaceRef, ...]:
    """Return the places the model keeps (all of them while no model is shipped)."""
    model = place_model()
    if model is None:
        return tuple(places)
    used = set(used)
    return tuple(
        p for p in places if model.scores(candidate_features(p, mentions, text, used))["place"] >= THRESHOLD
    )


__all__ = ["THRESHOLD", "candidate_features", "judged", "place_model"]
