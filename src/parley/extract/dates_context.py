"""The text around a date: its clause (for future cues), neighbouring words and anchor phrases.

Used by ``dates.py`` to decide between the last and the next weekday ("on Monday" after "were
due to meet"), to reject names ("Bloody Sunday") and to read the event an anchored expression
hangs on ("a day before the talks"). Word lists come from ``data/dates_lexicon.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parley.extract.dates_lexicon import Lexicon, load_lexicon, phrase_alternation

# An anchor phrase ("the talks", "the start of the invasion") is a short noun phrase: longer
# stretches after "before"/"after" are clauses, not names of events. Set on the dev articles'
# anchors, which run to four words ("the emotional high point").
ANCHOR_MAX_WORDS = 5
ANCHOR_MAX_CHARS = 80

# How far either side of a date the clause may reach when looking for future cues. A news
# sentence rarely runs past 300 characters; the cap also keeps huge inputs linear.
CLAUSE_MAX_CHARS = 300

# After the date, "and"/"or" opens the next coordinated verb phrase, whose tense is its own ("met on
# Tuesday and will meet again on Sunday": the first meeting is past).
_COORDINATION = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)

_SENTENCE_BREAK = re.compile(r"[.!?]+[\"”’']?\s+(?=[A-Z“\"‘'(])|[;:\n“”\"]")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@lru_cache(maxsize=8)
def _clause_regexes(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Return the clause-boundary, open-aside (no closing comma) and complete-aside patterns."""
    pronouns = phrase_alternation(list(lex.relative_pronouns))
    return (
        re.compile(
            rf"\b(?:{phrase_alternation(list(lex.clause_words))})\b"
            rf"|,\s*(?:{phrase_alternation(list(lex.clause_words_after_comma))})\b",
            re.IGNORECASE,
        ),
        re.compile(rf",\s*(?:{pronouns})\b[^,]*$", re.IGNORECASE),
        re.compile(rf",\s*(?:{pronouns})\b[^,]*,", re.IGNORECASE),
    )


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """Return ``text`` with every match of ``pattern`` replaced by spaces (offsets kept)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def clause_sides(text: str, start: int, end: int, lex: Lexicon | None = None) -> tuple[str, str]:
    """Return the parts of the clause around ``text[start:end]``: before it and after it.

    A clause ends at sentence punctuation, quotation marks and clause-opening words ("that",
    "but", "after"); a comma-delimited aside opened by a relative pronoun (", who will visit
    Moscow,") belongs to neither side, unless the date is inside it.
    """
    boundary, aside_open, aside = _clause_regexes(lex or load_lexicon())
    lo = max(0, start - CLAUSE_MAX_CHARS)
    left = text[lo:start]
    for cut in (_SENTENCE_BREAK, boundary):
        ends = [found.end() for found in cut.finditer(left)]
        if ends:
            left = left[ends[-1] :]
    right = text[end : end + CLAUSE_MAX_CHARS]
    for cut in (_SENTENCE_BREAK, boundary, _COORDINATION):
        first = cut.search(right)
        if first is not None:
            right = right[: first.start()]
    opened = aside_open.search(left)
    if opened is not None:  # the date sits inside an aside: the aside is its clause
        left = left[opened.start() :]
        right = right.split(",", 1)[0]
    else:
        left = _blank(aside, left)
        right = _blank(aside_open, _blank(aside, right))
    return left, right


def is_future(text: str, start: int, end: int, lex: Lexicon | None = None) -> bool:
    """Return True when the clause around the date has a future cue ("will", "due to", "next")."""
    lex = lex or load_lexicon()
    left, right = clause_sides(text, start, end, lex)
    for cue in lex.future_cues:
        if cue.regex.search(left) or (cue.both_sides and cue.regex.search(right)):
            return True
    return False


def word_before(text: str, pos: int) -> str:
    """Return the lower-case word ending just before ``pos`` (across spaces), or ""."""
    match = re.search(r"([^\W_]+)\W{0,2}\s*$", text[max(0, pos - 40) : pos])
    return match.group(1).lower() if match else ""


def word_after(text: str, pos: int) -> str:
    """Return the lower-case word starting just after ``pos`` (across spaces), or ""."""
    match = re.match(r"\s*([^\W_]+)", text[pos : pos + 40])
    return match.group(1).lower() if match else ""


def anchor_after(text: str, pos: int, lex: Lexicon | None = None) -> tuple[int, int] | None:
    """Return the span of the noun phrase right after ``pos`` ("the talks"), or None if none."""
    lex = lex or load_lexicon()
    tokens: list[re.Match[str]] = []
    prev_end = pos
    for match in _WORD.finditer(text, pos, min(len(text), pos + ANCHOR_MAX_CHARS)):
        gap = text[prev_end : match.start()]
        if gap.strip() or (not tokens and not gap) or "\n" in gap:
            break
        word = match.group().lower()
        if word in lex.anchor_stopwords:
            break
        if tokens and word in lex.anchor_determiners and tokens[-1].group().lower() != "of":
            break  # a new noun phrase: "after the vote the talks ended"
        tokens.append(match)
        prev_end = match.end()
        if len(tokens) >= ANCHOR_MAX_WORDS:
            break
    while tokens and tokens[-1].group().lower() in (lex.anchor_determiners | {"of"}):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].start(), tokens[-1].end()
