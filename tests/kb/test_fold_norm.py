"""fold.norm's short cut for ASCII names gives the key the full folding gives."""

from __future__ import annotations

import string

from parley.kb import fold


def _full_norm(s: str) -> str:
    """The light key worked out the long way, for any text (what norm did for every name)."""
    s = fold._strip_accents(fold.transliterate(s)).lower()
    s = fold._APOSTROPHES.sub("", s)
    return fold._NON_ALNUM.sub(" ", s).strip()


def test_ascii_names_fold_as_before() -> None:
    names = [
        "The U.S. State Department's spokesperson",
        "Hulyaypole",
        "  O'Brien -- UN Security Council  ",
        "Kyiv's Defence Ministry (MoD)",
        string.printable,
    ]
    for name in names:
        assert fold.norm(name) == _full_norm(name)


def test_non_ascii_names_still_transliterated_and_stripped() -> None:
    assert fold.norm("Зеленський") == _full_norm("Зеленський") == "zelenskyy"
    assert fold.norm("Zaporizhzhia’s Énergoatom") == "zaporizhzhias energoatom"
