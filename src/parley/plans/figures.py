"""Figures in a plan point: troop caps, sums of money, deadlines, shares, kept as structured data.

Each figure has a value (magnitudes applied), a canonical unit that makes two drafts comparable
("600,000 personnel" and "800,000 troops" are both ``troops``) and the text as written, so that
a diff can say "600,000 personnel → 800,000 personnel".
"""

from __future__ import annotations

import re

from parley.plans.model import Figure

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIGURE = re.compile(
    rf"""
    (?<![\w.,/$€£-])
    (?:(?P<currency>US\$|\$|€|£|USD|EUR|GBP)[ \t]?)?
    (?P<number>{_NUMBER})
    (?:[ \t]?(?P<magnitude>thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?
    (?:[ \t]?(?P<percent>%|percent\b|per[ \t]+cent\b))?
    (?:/(?P<ratio>\d+(?:\.\d+)?))?
    (?:(?:[ \t]+|-)(?P<unit>[^\W\d_][\w-]*))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
}  # fmt: skip
# Number words count as figures only before a unit of time: "within three months" is a term of a
# plan, while "two countries" or "one point" is ordinary prose.
_WORD_FIGURE = re.compile(
    rf"\b(?P<word>{'|'.join(_WORD_NUMBERS)})[ \t]+(?P<unit>days?|weeks?|months?|years?|decades?)\b",
    re.IGNORECASE,
)
_MAGNITUDES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
_CURRENCIES = {"us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}
# Units that name the same thing in different drafts: an army's size is written in personnel,
# troops, soldiers or servicemen.
_UNIT_SYNONYMS = {
    "personnel": "troops", "troop": "troops", "soldier": "troops", "serviceman": "troops",
    "servicemen": "troops", "service": "troops", "percent": "percent", "per": "percent",
}  # fmt: skip


# A word after a number that is not its unit ("600,000 in peacetime", "50 of them").
def _word_set(words: str) -> frozenset[str]:
    """Return the space-separated words of ``words`` as a set."""
    return frozenset(words.split())


_NOT_UNITS = _word_set(
    "a an and are as at by for from in is into of on or per than the to under was were will with"
)
# A number right after one of these words is a reference, not a figure ("Article 5", "point 12").
_REFERENCE_WORDS = _word_set(
    "article articles point points paragraph section clause chapter annex resolution no number item"
)
_MONTHS = _word_set("january february march april may june july august september october november december")
# A bare four-digit number in this range is a calendar year ("EU membership by 2027").
YEAR_RANGE = (1900, 2100)
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\W*$")
# A number between the start of a sentence (or of the text) and "." or ")" numbers a sub-list.
_LIST_MARKER_BEFORE = re.compile(r"(?:^|[.;:]\s+)\(?$")
_LIST_MARKER_AFTER = re.compile(r"[.)](?:\s|$)")


def _unit_key(word: str) -> str:
    """Return the canonical unit for a unit word: lower-case, singular, synonyms merged."""
    w = word.lower()
    if w in _UNIT_SYNONYMS:
        return _UNIT_SYNONYMS[w]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return _UNIT_SYNONYMS.get(w, w)


def _is_reference(text: str, start: int) -> bool:
    """Return whether the number at ``start`` follows a reference word or a month name."""
    prev = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
    return prev is not None and prev.group(1).lower() in _REFERENCE_WORDS | _MONTHS


def _is_list_marker(text: str, m: re.Match[str]) -> bool:
    """Return whether the match is a sub-list number ("… assets. 2. The rest …"), not a figure."""
    start, end = m.start("number"), m.end("number")
    return (not m.group("currency") and _LIST_MARKER_AFTER.match(text, end) is not None
            and _LIST_MARKER_BEFORE.search(text[:start]) is not None)  # fmt: skip


def _figure(m: re.Match[str], text: str) -> Figure | None:
    """Return the figure a match of _FIGURE stands for, or None for a reference or list number."""
    if _is_reference(text, m.start()) or _is_list_marker(text, m):
        return None
    raw = m.group("number")
    value = float(raw.replace(",", ""))
    currency, magnitude, unit_word = m.group("currency"), m.group("magnitude"), m.group("unit")
    end = m.end()
    if magnitude:
        value *= _MAGNITUDES[magnitude.lower()]
    unit: str | None
    if m.group("ratio"):
        second = float(m.group("ratio"))
        value, unit = (value / (value + second) if value + second else 0.0), "ratio"
        end = m.end("ratio")
    elif currency:
        unit = _CURRENCIES[currency.lower()]
        end = m.end("magnitude") if magnitude else m.end("number")
    elif m.group("percent"):
        unit, end = "percent", m.end("percent")
    elif unit_word and unit_word.lower() not in _NOT_UNITS:
        unit = _unit_key(unit_word)
    else:
        unit = None
        end = m.end("magnitude") if magnitude else m.end("number")
    if unit is None and "," not in raw and "." not in raw and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
        unit = "calendar year"
    start = m.start("currency") if currency else m.start("number")
    return Figure(value=value, unit=unit, text=text[start:end].strip(), start=start, end=end)


def find_figures(text: str) -> tuple[Figure, ...]:
    """Return the figures in a point's text, in text order."""
    found = [f for m in _FIGURE.finditer(text) if (f := _figure(m, text)) is not None]
    for m in _WORD_FIGURE.finditer(text):
        value = float(_WORD_NUMBERS[m.group("word").lower()])
        found.append(Figure(value=value, unit=_unit_key(m.group("unit")), text=m.group(0), start=m.start(),
                            end=m.end()))  # fmt: skip
    return tuple(sorted(found, key=lambda f: f.start))
