"""The issue tracker: each party's stance on each negotiation issue, how it moved, and where they meet.

Pure functions; ``parley.store.story`` keeps the history. Stances are free text, so comparing
them is deliberately modest: a stance's *polarity* (demands / rejects / accepts / neutral) read
from its verbs, and its wording. A stance has *changed* when its polarity differs from the
party's previous stance on the issue, or when few of its words are shared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parley.kb.fold import norm

# Polarity cues, tried in this order (a refusal inside a demand is a refusal).
POLARITY = (
    (
        "rejects",
        re.compile(
            r"\b(reject\w*|refus\w*|never|rule[sd]? out|oppos\w*|won't|will not|cannot accept|"
            r"not (accept|recogni[sz]e|agree|give up|cede|withdraw)\w*)\b",
            re.I,
        ),
    ),
    (
        "demands",
        re.compile(
            r"\b(demand\w*|insist\w*|requir\w*|must|condition\w*|want\w*|calls? for|"
            r"called for|seek\w*)\b",
            re.I,
        ),
    ),
    (
        "accepts",
        re.compile(
            r"\b(accept\w*|ready|willing|open to|agree\w*|could|consider\w*|offer\w*|"
            r"support\w*|back\w*|propos\w*)\b",
            re.I,
        ),
    ),
)
# Below this share of common words (Jaccard over content words) a stance is new wording, not a
# repetition; half is where two reports of one stance by different outlets still agree in the
# story fixtures.
SAME_WORDING = 0.5


def polarity(stance: str) -> str:
    """Return the stance's polarity: demands, rejects, accepts or neutral."""
    for name, rx in POLARITY:
        if rx.search(stance):
            return name
    return "neutral"


def _words(text: str) -> set[str]:
    return {w for w in norm(text).split() if len(w) > 2}


def change(previous: tuple[str, str] | None, stance: str, pol: str) -> tuple[bool, str]:
    """Return (changed, note) for a stance given the party's previous (stance, polarity) on the issue."""
    if previous is None:
        return True, "first stance recorded"
    prev_text, prev_pol = previous
    if prev_pol != pol:
        return True, f"moved from {prev_pol} to {pol}"
    a, b = _words(prev_text), _words(stance)
    overlap = len(a & b) / len(a | b) if a | b else 1.0
    if overlap < SAME_WORDING:
        return True, f"new terms, still {pol}"
    return False, "same stance restated"


# The trend of a party's stance on an issue, read from its history by :func:`trend`.
TRENDS = ("first stated", "repeated", "shifted")


def trend(history: Sequence[tuple[str, str | None]]) -> str:
    """Return the trend of a party's stance on an issue: first stated, repeated or shifted.

    ``history`` is the (stance, polarity) of each stance, oldest first. The latest stance has
    *shifted* when :func:`change` says it changed from the one before it (another polarity, or new
    wording), else it is *repeated*. The one definition of the trend: the issue tracker of the API,
    the dashboard, ``parley issues`` and the brief all read it from here.
    """
    if len(history) < 2:
        return TRENDS[0]
    (prev, prev_pol), (latest, pol) = history[-2], history[-1]
    changed, _ = change((prev, prev_pol or polarity(prev)), latest, pol or polarity(latest))
    return TRENDS[2] if changed else TRENDS[1]


def alignment(polarities: Sequence[str]) -> str:
    """Return where the parties' latest stances on one issue stand: meet, may meet, apart or unclear."""
    kinds = set(polarities)
    if len(polarities) < 2:
        return "one party only"
    if "rejects" in kinds and kinds & {"demands", "accepts"}:
        return "apart"
    if kinds == {"accepts"}:
        return "meet"
    if kinds == {"accepts", "demands"}:
        return "may meet"
    if kinds == {"demands"}:
        return "apart"  # each side demanding, none conceding
    return "unclear"
