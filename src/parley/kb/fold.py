"""Folding keys: one key for every Latin romanisation (and Cyrillic spelling) of a name.

Ukrainian and Russian names reach English news in many romanisations: Zelenskyy / Zelensky /
Zelenskiy, Hulyaypole / Huliaipole / Gulyaypole, Zaporizhzhia / Zaporizhzhya / Zaporozhye.
``fold`` maps each to one key by (1) transliterating Cyrillic, (2) stripping accents and
apostrophes, (3) collapsing the digraphs that romanisation systems spell differently, and
(4) squeezing doubled letters. ``norm`` is the lighter key (case, accents, punctuation).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic → Latin, one simple scheme (Ukrainian and Russian letters). The exact scheme matters
# little: its output is folded again below, like any Latin romanisation.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "yo",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}  # fmt: skip
# Russian г is "g" and и is "i", Ukrainian г is "h" and и is "y": the fold below maps g/h and
# i/y together, so one table serves both.

# Applied in order, longest first, after lower-casing and accent stripping.
_DIGRAPHS = (
    ("shch", "sc"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("ts", "c"), ("tz", "c"),
    ("ch", "c"), ("sh", "s"), ("yy", "i"), ("iy", "i"), ("ii", "i"), ("yi", "i"), ("ij", "i"),
    ("ye", "e"), ("ya", "ia"), ("yu", "iu"), ("yo", "io"), ("ia", "a"), ("y", "i"), ("j", "i"),
    ("g", "h"), ("w", "v"), ("ph", "f"), ("ck", "k"), ("x", "ks"), ("q", "k"),
)  # fmt: skip
_APOSTROPHES = re.compile(r"[’'`ʹʼ‘]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"(.)\1+")


def _strip_accents(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def transliterate(s: str) -> str:
    """Return ``s`` with Cyrillic letters written in Latin (other characters unchanged)."""
    out = []
    for ch in s:
        low = ch.lower()
        if low in _CYRILLIC:
            lat = _CYRILLIC[low]
            out.append(lat.capitalize() if ch != low and lat else lat)
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=200_000)
def norm(s: str) -> str:
    """Return the light key: lower case, no accents or apostrophes, words joined by one space."""
    # ASCII has no Cyrillic and no accents (NFKD leaves it as it is): most names skip both steps
    s = s.lower() if s.isascii() else _strip_accents(transliterate(s)).lower()
    s = _APOSTROPHES.sub("", s)
    return _NON_ALNUM.sub(" ", s).strip()


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Return the transliteration-tolerant key (no spaces): Zelenskyy and Zelensky fold alike."""
    s = norm(s).replace(" ", "")
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    return _REPEATS.sub(r"\1", s)
