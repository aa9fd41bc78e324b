"""Datelines: the line opening that says where (and sometimes when) a report was filed.

"KYIV, Dec 5 (Reuters) - ", "JUBA, South Sudan — ", "Gaza, MINA – ", "Eritrea, 15 November 2025 - ",
"HASAKEH (Syria) (AFP) – ". A dateline locates the reporter and dates the filing, not the story
(FORMAT.md; eval/realnews/CONVENTIONS.md): no place is located by it, no actor or speaker is read
from it, and no event takes its day. One recogniser serves every step that must skip it (the
body's mentions, places, quote speakers, event dates), so they agree on what a dateline is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# A part of the place: a capitalised word or a number ("KYIV", "Dec", "5", "D.C.", "JERUSALEM/CAIRO"),
# not a possessive ("Ukraine's President ... —" opens a sentence, not a dateline), or a bracketed
# country or agency ("(Syria)", "(Reuters)").
_WORD = r"[A-Z0-9](?:[\w.'’/&]*(?<!['’]s)(?:-[\w.'’/&]+)*)?"
_BRACKETS = r"\([^()\n]{1,40}\)"
_GROUP = rf"(?:{_WORD}|{_BRACKETS})(?:[ \t]+(?:{_WORD}|{_BRACKETS})){{0,4}}"
# A sentence that opens with a preposition or a determiner ("On Dec 5 - a day of fighting - ...",
# "The Syrian Observatory — ...") is the story's own, never a dateline.
_NOT_FIRST = (
    r"(?!(?:On|In|At|By|Until|Till|Since|From|For|As|After|Before|During|Late|Early|Earlier|Later"
    r"|The|A|An|This|That|These|Those|If|When|While)\b)"
)
# The report starts after the dash as a sentence does; a dash before a lower-case word opens an
# aside ("Kall -- co-editor of the paper -- said", "Netanyahu — who met Trump — said").
_BODY = r"(?=[A-Z0-9\"“‘'(])"
DATELINE = re.compile(
    rf"(?m)^[ \t]*{_NOT_FIRST}"
    rf"(?:{_GROUP}(?:,[ \t]*{_GROUP}){{0,3}}[ \t]*[-–—]{{1,2}}[ \t]+{_BODY}"  # "KYIV, Dec 5 (Reuters) - "
    r"|[A-Z][A-Z.'\-/ ]{1,40}(?:, [A-Z][A-Za-z.]+(?: \d{1,2})?(?:, \d{4})?){0,2}"  # "DAKAR: "
    r"(?: \([^)]{1,40}\))?:\s)"
)
# The place of a dateline as a map reads it: one to three words in capitals opening a paragraph,
# then the agency in brackets, a dash, a colon or a comma, or the story's first capitalised word
# run on without a dash ("SAN ANTONIO Officials said"), which DATELINE does not take because the
# record must not skip a sentence that merely opens with a capitalised name.
PLACE_OPENING = re.compile(
    r"(?m)^\s*(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})(?=\s*(?:\(|[-–—:,]|\s[A-Z][a-z]))"
)
# A dateline is short: longer openings are sentences with a dash in them.
MAX_CHARS = 90


@lru_cache(maxsize=32)
def dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) of every dateline in ``text``, from its first character through the
    dash (or colon) and the space after it."""
    return tuple((m.start(), m.end()) for m in DATELINE.finditer(text) if m.end() - m.start() <= MAX_CHARS)


def in_dateline(text: str, start: int, end: int | None = None) -> bool:
    """Return True when ``text[start:end]`` lies inside a dateline."""
    spans = dateline_spans(text)
    i = bisect_right([s for s, _ in spans], start) - 1
    return i >= 0 and start < spans[i][1] and (end is None or end <= spans[i][1])


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of the place word(s) of every paragraph opening in capitals that
    reads as a dateline's place, for the toponym layer, which keeps datelines on its map."""
    return [m.span("place") for m in PLACE_OPENING.finditer(text)]


__all__ = ["DATELINE", "PLACE_OPENING", "dateline_places", "dateline_spans", "in_dateline"]
