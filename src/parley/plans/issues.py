"""Which negotiation issues a plan point is about: the shared issue lexicon, plus plan wording.

The lexicon of ``parley/extract/data/issues.toml`` (via :func:`classify_issues`) was written
for news copy, where a troop cap reads "cap the army at 600,000". Plan texts state terms
instead ("the armed forces are capped at 600,000 personnel"), so this module adds a few terms
for that register, listed in ``plan_terms.toml`` of the rules folder with the sample point that
called for each.
None repeats a lexicon term; a point the lexicon already places keeps those issues first.
A point that matches nothing is about ``other``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.rules import Rules, load_rules

OTHER = "other"


@lru_cache(maxsize=8)
def _plan_patterns(rules: Rules) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Return one compiled pattern per issue of plan_terms.toml (issues checked when the rules load)."""
    return tuple(
        (issue, re.compile(rf"\b(?:{'|'.join(f'(?:{t})' for t in table['terms'])})\b", re.IGNORECASE))
        for issue, table in rules["plan_terms.toml"]["issues"].items()
    )


def point_issues(text: str, rules: Rules | None = None) -> tuple[str, ...]:
    """Return the issues a point is about: lexicon issues first, then plan-wording ones; else ("other",)."""
    from parley.extract.positions import classify_issues

    rules = rules or load_rules()
    found = list(classify_issues(text, rules))
    extra = sorted(
        ((m.start(), issue) for issue, pattern in _plan_patterns(rules) if (m := pattern.search(text))),
    )
    for _, issue in extra:
        if issue not in found:
            found.append(issue)
    return tuple(found) or (OTHER,)
