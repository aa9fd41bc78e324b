"""Named facilities: a proper name followed by the head of a site ("Khartoum International
Airport", "the Osman Digna Air Base", "the Port Sudan airport", "the Zaporizhzhia nuclear power
plant").

The corpus counts facilities among places (FORMAT.md: "every sub-national place or facility the
article locates something at"), and a strike on an airport or a base is located at the facility,
not only at its town. The name-by-name matcher never takes such a span: a lower-case head is no
part of a capitalised name, and the capital inside it ("Khartoum") is read as its government
first. A facility is found here on the words alone: up to MAX_NAME_WORDS capitalised words right
before a head from ``places.toml`` (section ``facilities``), the run preceded by a word that is
not capitalised, so a title-case headline ("Drones Hit Port Sudan Airport") yields nothing.

A venue (hotel, hospital, residence) is not a facility here: the conventions code a venue as its
town (CONVENTIONS.md), which ``places_located`` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

# A facility's own name is this many capitalised words at most ("Osman Digna", "Port Sudan").
MAX_NAME_WORDS = 3
# Words that stand inside a name but never open it.
_NAME_INNER = frozenset(["-", "al", "el", "de"])


@lru_cache(maxsize=1)
def facility_heads() -> tuple[tuple[str, ...], ...]:
    """Return the heads of a site's name as lower-case word tuples, longest first."""
    from parley.rules import load_rules

    words = load_rules()["places.toml"]["facilities"]["words"]
    return tuple(sorted({tuple(w.lower().split()) for w in words}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _heads_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return the heads grouped by their first word, longest first: a token that opens no head
    costs one dict lookup (every token of every article is asked)."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for head in facility_heads():
        grouped.setdefault(head[0], []).append(head)
    return {first: tuple(heads) for first, heads in grouped.items()}


def _head_at(lows: Sequence[str], j: int) -> int:
    """Return the end of the longest facility head that starts at lows[j], or j for none."""
    for head in _heads_by_first_word().get(lows[j], ()):
        k = j + len(head)
        if k <= len(lows) and tuple(lows[j:k]) == head:
            return k
    return j


def _name_word(tok: Any) -> bool:
    return bool(tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper and not tok.is_stop)


def facility_spans(tokens: Sequence[Any]) -> list[tuple[int, int, int]]:
    """Return the token ranges of named facilities: the name tokens[i:j], then the head up to k."""
    out: list[tuple[int, int, int]] = []
    lows = [t.lower_ for t in tokens]
    j = 1
    while j < len(tokens):
        k = _head_at(lows, j)
        if k == j:
            j += 1
            continue
        i = j
        while (
            i > 0
            and j - i < MAX_NAME_WORDS
            and (_name_word(tokens[i - 1]) or (i < j and lows[i - 1] in _NAME_INNER))
        ):
            i -= 1
        while i < j and not _name_word(tokens[i]):
            i += 1  # a name opens on a capitalised word
        headline = i > 0 and _name_word(tokens[i - 1])  # "Drones Hit Port Sudan Airport"
        if i < j and not headline:
            out.append((i, j, k))
        j = k
    return out


__all__ = ["facility_heads", "facility_spans"]
