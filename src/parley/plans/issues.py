"""Which negotiation issues a plan point is about: the shared issue lexicon, plus plan wording.

The lexicon of ``parley/extract/data/issues.toml`` (via :func:`classify_issues`) was written
for news copy, where a troop cap reads "cap the army at 600,000". Plan texts state terms
instead ("the armed forces are capped at 600,000 personnel"), so this module adds a few terms
for that register, listed in :data:`PLAN_TERMS` with the sample point that called for each.
None repeats a lexicon term; a point the lexicon already places keeps those issues first.
A point that matches nothing is about ``other``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.model.records import ISSUES

OTHER = "other"

# Plan-register terms, by issue (regular expressions, case-insensitive, on word boundaries).
PLAN_TERMS: dict[str, tuple[str, ...]] = {
    "military_limits": (
        # "armed forces are capped at 600,000", "armed forces stay at 800,000 personnel" (both samples)
        r"(?:armed forces|army|military|troops)\s+(?:\S+\s+){0,3}?"
        r"(?:capped|limited|stay|stays|remain|remains|kept|held|fixed|set)\s+at",
        r"(?:armed forces|army)\s+of\s+(?:up\s+to\s+)?[\d,.]+",
    ),
    "alliance_membership": (
        r"nato\s+(?:\S+\s+){0,4}?(?:enlarg\w*|expand\w*)",  # US point 3: "NATO is expected not to enlarge"
        r"(?:not|never)\s+be\s+admitted",  # "Ukraine will not be admitted"
    ),
    "security_guarantees": (
        r"non-aggression",  # a mutual non-aggression pact is the security term of both samples
        r"station\w*\s+(?:\S+\s+){0,2}?troops",  # US point 8: "NATO does not station troops in Ukraine"
        r"(?:jets|aircraft|forces|troops)\s+(?:are\s+|will\s+be\s+)?(?:based|stationed|deployed)\s+in",
    ),
    "economic_reconstruction": (
        r"development\s+(?:package|fund)s?",
        r"investment\w*",
        r"free[- ]trade",
        r"preferential access",
        r"world economy",
        r"commercial use",
        r"grain",
    ),
    "governance": (
        r"tolerance",  # both samples' points on school programmes
        r"educational programmes?",
    ),
}


@lru_cache(maxsize=1)
def _plan_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Return one compiled pattern per issue of PLAN_TERMS."""
    unknown = sorted(set(PLAN_TERMS) - set(ISSUES))
    if unknown:  # a typo here would silently drop points into "other"
        raise ValueError(f"PLAN_TERMS names unknown issues {unknown}")
    return tuple(
        (issue, re.compile(rf"\b(?:{'|'.join(f'(?:{t})' for t in terms)})\b", re.IGNORECASE))
        for issue, terms in PLAN_TERMS.items()
    )


def point_issues(text: str) -> tuple[str, ...]:
    """Return the issues a point is about: lexicon issues first, then plan-wording ones; else ("other",)."""
    from parley.extract.positions import classify_issues

    found = list(classify_issues(text))
    extra = sorted(
        ((m.start(), issue) for issue, pattern in _plan_patterns() if (m := pattern.search(text))),
    )
    for _, issue in extra:
        if issue not in found:
            found.append(issue)
    return tuple(found) or (OTHER,)
