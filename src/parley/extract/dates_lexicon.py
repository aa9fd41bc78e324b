"""The date lexicon (``dates_lexicon.toml`` of the rules folder), with the regex pieces built from it.

Built lazily on first use, never at import, once per rules folder (checked by parley.rules).
``dates.py`` assembles its patterns from the
alternations built here, so adding a month spelling, a holiday or a future cue is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from parley.rules import Rules, load_rules

LEXICON_FILE = "dates_lexicon.toml"


def phrase_alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """Return a regex alternation of ``phrases``, longest first, with any run of spaces allowed."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


def phrase_key(text: str) -> str:
    """Return the lookup key of a matched phrase: lower case, single spaces, straight apostrophes."""
    return " ".join(text.lower().replace("’", "'").split())


@dataclass(frozen=True)
class FutureCue:
    """A pattern that marks a clause as future, and on which side of the date it may stand."""

    regex: re.Pattern[str]
    both_sides: bool


@dataclass(frozen=True, eq=False)  # hashed by identity: patterns compiled from it are cached per lexicon
class Lexicon:
    """The date lexicon: word tables from the data file, keyed by lower-case phrase where noted."""

    months: dict[str, int]  # exact (capitalised) spelling -> month number
    months_need_day: frozenset[str]
    months_ambiguous: frozenset[str]
    weekdays: dict[str, int]  # exact spelling -> 0..6
    weekday_excluded_before: frozenset[str]
    weekday_excluded_after: frozenset[str]
    parts_of_day: tuple[str, ...]
    numbers: dict[str, int]  # lower case
    deictic: dict[str, int]  # phrase key -> day offset
    deictic_excluded_before: frozenset[str]
    relative_periods: dict[str, tuple[str, int]]  # phrase key -> (unit, offset)
    period_qualifiers: tuple[str, ...]
    month_cues: tuple[str, ...]
    anchored_fixed: dict[str, int]  # phrase key -> day offset
    anchored_need_anchor: frozenset[str]
    anchored_same_day: tuple[str, ...]
    anchored_directions: dict[str, int]  # phrase key -> sign
    anchored_units: dict[str, int]  # lower case -> days
    anchor_stopwords: frozenset[str]
    anchor_determiners: frozenset[str]
    holidays: dict[str, dict[str, Any]]  # exact spelling -> rule
    holiday_excluded_before: frozenset[str]
    future_cues: tuple[FutureCue, ...]
    clause_words: tuple[str, ...]
    clause_words_after_comma: tuple[str, ...]
    relative_pronouns: tuple[str, ...]
    retold_acts: dict[str, frozenset[str]]  # event type -> nouns naming an act already told

    def holiday_rule(self, matched: str) -> dict[str, Any] | None:
        """Return the rule of the holiday spelled ``matched`` (any apostrophe, any spacing)."""
        wanted = phrase_key(matched)
        for name, rule in self.holidays.items():
            if phrase_key(name) == wanted:
                return rule
        return None


def load_lexicon(rules: Rules | None = None) -> Lexicon:
    """Return the date lexicon of ``rules`` (default: the shipped rules), built once per rules folder."""
    return _lexicon(rules or load_rules())


@lru_cache(maxsize=8)
def _lexicon(rules: Rules) -> Lexicon:
    raw = rules[LEXICON_FILE]
    return Lexicon(
        months={k: int(v) for k, v in raw["months"].items()},
        months_need_day=frozenset(raw["month_abbreviations_need_day"]["names"]),
        months_ambiguous=frozenset(raw["month_ambiguous"]["names"]),
        weekdays={k: int(v) for k, v in raw["weekdays"].items()},
        weekday_excluded_before=frozenset(raw["weekday_exclusions"]["before"]),
        weekday_excluded_after=frozenset(raw["weekday_exclusions"]["after"]),
        parts_of_day=tuple(raw["parts_of_day"]["names"]),
        numbers={phrase_key(k): int(v) for k, v in raw["numbers"].items()},
        deictic={phrase_key(k): int(v) for k, v in raw["deictic"].items()},
        deictic_excluded_before=frozenset(raw["deictic_exclusions"]["before"]),
        relative_periods={phrase_key(k): (str(v[0]), int(v[1])) for k, v in raw["relative_periods"].items()},
        period_qualifiers=tuple(raw["period_qualifiers"]["words"]),
        month_cues=tuple(raw["month_cues"]["words"]),
        anchored_fixed={phrase_key(k): int(v) for k, v in raw["anchored_fixed"].items()},
        anchored_need_anchor=frozenset(phrase_key(p) for p in raw["anchored_need_anchor"]["phrases"]),
        anchored_same_day=tuple(raw["anchored_same_day"]["words"]),
        anchored_directions={phrase_key(k): int(v) for k, v in raw["anchored_directions"].items()},
        anchored_units={k.lower(): int(v) for k, v in raw["anchored_units"].items()},
        anchor_stopwords=frozenset(raw["anchor_stopwords"]["words"]),
        anchor_determiners=frozenset(raw["anchor_determiners"]["words"]),
        holidays=dict(raw["holidays"]),
        holiday_excluded_before=frozenset(raw["holiday_exclusions"]["before"]),
        future_cues=tuple(
            FutureCue(re.compile(cue["pattern"], re.IGNORECASE), cue["side"] == "both")
            for cue in raw["future_cues"]
        ),
        clause_words=tuple(raw["clause_boundaries"]["words"]),
        clause_words_after_comma=tuple(raw["clause_boundaries"]["after_comma"]),
        relative_pronouns=tuple(raw["clause_boundaries"]["relative_pronouns"]),
        retold_acts={k: frozenset(w.lower() for w in v) for k, v in raw.get("retold_acts", {}).items()},
    )
