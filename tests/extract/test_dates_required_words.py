"""The dates scan skips a pattern for a text holding none of its required words: same mentions."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract import dates
from parley.extract.dates import _compiled, _required_words, find_dates
from parley.extract.dates_lexicon import load_lexicon

PUBLISHED = date(2025, 12, 10)

# Written for this test: every pattern with required words, and texts holding none of them.
TEXTS = [
    "The delegations met in Vienna on Dec. 3 and again on 5 December 2025, officials said.",
    "Talks resumed last Tuesday evening and were due to go on until Friday of next week.",
    "Overnight from Saturday into Sunday the shelling went on, the regional governor said.",
    "The truce was first agreed in April 2023 and renewed in mid-March, the envoy recalled.",
    "A prisoner exchange took place on Christmas Eve, and another one three weeks ago.",
    "Negotiators said they would meet again the day after the vote and two days later too.",
    "no month or weekday here: only talk of ceasefires, hostages and a long-awaited deal.",
    "Since 2014 the front has barely moved, although the shelling eased earlier this year.",
]


def _mentions(text: str) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.kind, repr(m.value)) for m in find_dates(text, PUBLISHED)]


@pytest.mark.parametrize("text", TEXTS)
def test_the_skip_changes_no_mention(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    skipped = _mentions(text)
    monkeypatch.setattr(dates, "_may_match", lambda *_args: True)
    assert skipped == _mentions(text)


def test_every_match_holds_one_of_its_patterns_required_words() -> None:
    lex = load_lexicon()
    required = _required_words(lex)
    checked = 0
    for name, pattern in _compiled(lex):
        if name not in required:
            continue
        words, cased = required[name]
        for text in TEXTS:
            for match in pattern.finditer(text):
                found = match.group() if cased else match.group().lower()
                assert any(w in found for w in words), (name, match.group())
                checked += 1
    assert checked >= 8  # the texts do exercise the listed patterns
