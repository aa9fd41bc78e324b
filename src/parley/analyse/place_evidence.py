"""Evidence against a place reading: the words around a name that make it a person's, not a town's.

The gazetteer holds a town for almost every given name and surname ("Olivia", "Nelson",
"McGregor"), so a capitalised word the gazetteer knows is only a place when the text says so
(issue #14). Two shapes of English news prose say the opposite, and both are read here:

- the article names a person in full ("Conor McGregor", "Seergeoh Villanueva"); the surname (or
  the given name) alone later names that person again, not the town that shares it;
- a noun of kinship or of a personal relation stands right before the name ("his daughter
  Yulia", "girlfriend Olivia", "her baby Nesha"): such a noun takes a person's name.

One shape says the opposite way that a name *is* a place, even one the gazetteer lacks and the
model reads as a person or an organisation: the text calls it a settlement ("the village of
Kleban-Byk", "the villages of Lomakovka and Sluchovsk", "Katana, a town 11 km from ...", "in Techo
Morakot village"). News prose names small front-line villages this way, and no gazetteer holds
them all (:func:`settlement_names`).

The words are data (``places.toml``, sections ``person_nouns`` and ``settlement_nouns``), so that
a linguist adds one without touching code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from parley.analyse.doc_views import tokens as doc_tokens
from parley.kb.fold import norm

# A person's name this long, in words, gives its parts to the article's people ("Conor McGregor",
# "Sergei Viktorovich Skripal"); longer runs are rarely one name.
NAME_WORDS = (2, 4)
# Parts this short ("Al", "de") name nobody alone.
MIN_PART_LEN = 3


def _rules() -> dict[str, Any]:
    from parley.rules import load_rules

    return load_rules()["places.toml"]


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Return the nouns that take a person's name right after them ("daughter", "girlfriend")."""
    return frozenset(w.lower() for w in _rules()["person_nouns"]["words"])


def after_person_noun(tokens: Sequence[Any], i: int) -> bool:
    """Return True when the name at tokens[i] follows a noun of kinship or relation ("his
    daughter Yulia"), directly, after a comma ("her son, Alex,") or as the next item of a pair
    ("daughters North and Chicago")."""
    nouns = person_nouns()
    if i > 0 and tokens[i - 1].lower_ in nouns:
        return True
    if i > 1 and tokens[i - 1].text == "," and tokens[i - 2].lower_ in nouns:
        return True  # "her baby, X,": the name in apposition to the noun
    # "<noun> X and Y": Y is a person too when X is a single capitalised name after the noun
    return bool(
        i > 2
        and tokens[i - 1].lower_ == "and"
        and tokens[i - 2].is_alpha
        and tokens[i - 2].text[:1].isupper()
        and tokens[i - 3].lower_ in nouns
    )


@lru_cache(maxsize=1)
def settlement_nouns() -> frozenset[str]:
    """Return the nouns that call a name a settlement ("village", "towns", "the settlement of")."""
    return frozenset(w.lower() for w in _rules()["settlement_nouns"]["words"])


# Words before a name and a settlement noun after it ("in Techo Morakot village").
_LOCATIVES = frozenset(["in", "near", "at", "outside", "into", "around"])
# Words between "a" and the settlement noun of an apposition ("X, a small frontline town").
_APPOSITION_GAP = 2


def settlement_names(
    tokens: Sequence[Any], name_run: Callable[[Sequence[Any], int], int]
) -> list[tuple[int, int, bool]]:
    """Return the token ranges of names the text itself calls a settlement, in four shapes:
    "the village(s) of X (, Y and Z)", "villages including X and Y" (or "such as", "like"),
    "X, a (small) town ..." and "in X village". ``name_run``
    gives the end of the proper name that starts at a token (the matcher's, so that particles and
    hyphens join a name the same way everywhere). Only a plural noun opens a list. The flag marks
    the two shapes that define the one name they hold ("X, a town", "in X village"), not a list."""
    nouns = settlement_nouns()
    out: list[tuple[int, int, bool]] = []
    n = len(tokens)
    for k, tok in enumerate(tokens):
        if tok.text not in nouns or tok.dep_ == "compound":
            continue  # "the City of Brotherly Love" is a name; in "a town planner" the noun qualifies another
        plural = tok.lower_.endswith("s")
        if k + 1 < n and tokens[k + 1].lower_ == "of":  # "the villages of X and Y"
            out.extend((a, b, False) for a, b in _listed(tokens, k + 2, name_run, plural))
            continue
        if plural:  # "border villages, including X and Y", "towns such as X, Y and Z"
            j = k + 1 + (1 if k + 1 < n and tokens[k + 1].text == "," else 0)
            if j < n and tokens[j].lower_ in ("including", "like"):
                out.extend((a, b, False) for a, b in _listed(tokens, j + 1, name_run, True))
            elif j + 1 < n and tokens[j].lower_ == "such" and tokens[j + 1].lower_ == "as":
                out.extend((a, b, False) for a, b in _listed(tokens, j + 2, name_run, True))
            continue
        # "in Techo Morakot village": a locative, the name, the noun
        i = _name_start(tokens, k, name_run)
        before = i - 1 if i > 0 and tokens[i - 1].lower_ != "the" else i - 2
        if i < k and before >= 0 and tokens[before].lower_ in _LOCATIVES:
            out.append((i, k, True))
            continue
        # "Katana, a town approximately 11km from Bukavu": the name, a comma, "a", the noun
        a = k - 1
        while a > 0 and k - a <= _APPOSITION_GAP and tokens[a].lower_ not in ("a", "an"):
            if not (tokens[a].is_alpha and tokens[a].text.islower()):
                break
            a -= 1
        if a < 2 or tokens[a].lower_ not in ("a", "an") or tokens[a - 1].text != ",":
            continue
        end = a - 1
        i = _name_start(tokens, end, name_run)
        if i < end and not (
            i > 0
            and tokens[i - 1].is_alpha
            and tokens[i - 1].text[:1].isupper()
            and not tokens[i - 1].is_stop
        ):
            out.append((i, end, True))
    return out


def _name_start(tokens: Sequence[Any], end: int, name_run: Callable[[Sequence[Any], int], int]) -> int:
    """Return the first token of the longest name that ends just before ``tokens[end]`` (``end``
    itself when no name does)."""
    i = end
    while i > 0 and name_run(tokens, i - 1) == end:
        i -= 1
    return i


def _listed(
    tokens: Sequence[Any], j: int, name_run: Callable[[Sequence[Any], int], int], many: bool
) -> list[tuple[int, int]]:
    """Return the names from tokens[j] on: one, or (``many``) a list joined by commas and "and"."""
    out: list[tuple[int, int]] = []
    while j < len(tokens):
        end = name_run(tokens, j)
        if end == j:
            break
        out.append((j, end))
        if not many:
            break
        j = end + (1 if end < len(tokens) and tokens[end].text == "," else 0)
        if j < len(tokens) and tokens[j].lower_ == "and":
            j += 1
    return out


def people_words(
    person_spans: Iterable[Sequence[Any]], is_place_name: Callable[[str], bool]
) -> frozenset[str]:
    """Return the folded words of the full personal names the text writes (two to four words, all
    capitalised), except a name the gazetteer holds whole ("Khan Younis" read as a person is the
    town): each of them alone names that person again."""
    out: set[str] = set()
    for span in person_spans:
        words = [t for t in span if t.is_alpha]
        if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] or len(words) != len(span):
            continue
        if not all(t.text[:1].isupper() for t in words):
            continue
        text = " ".join(t.text for t in words)
        if is_place_name(text):
            continue
        out.update(norm(t.text) for t in words if len(t.text) >= MIN_PART_LEN)
    return frozenset(out)


def name_runs(doc: Any, skip: frozenset[str]) -> list[list[Any]]:
    """Return runs of two or three capitalised proper nouns ("Conor McGregor", "Seergeoh
    Villanueva") that the model does not read as a place, organisation or work: the shape of a
    personal name when the model misses it. ``skip`` holds words that never start or end a name
    (titles). The run must follow a word in lower case ("fighter Conor McGregor"): at the start
    of a sentence or a title-case headline ("Strategic Sittwe") capitals say nothing."""
    runs: list[list[Any]] = []
    tokens = doc_tokens(doc)
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _name_word(tokens[j]) and tokens[j].lower_ not in skip:
            j += 1
        after_lower = i > 0 and tokens[i - 1].is_alpha and tokens[i - 1].text.islower()
        if 2 <= j - i <= 3 and after_lower and not any(t.ent_type_ in NOT_PERSON_ENTS for t in tokens[i:j]):
            runs.append(tokens[i:j])
        i = max(j, i + 1)
    return runs


def _name_word(tok: Any) -> bool:
    return bool(tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and not tok.is_upper)


# Entity types whose runs of proper nouns are no personal names.
NOT_PERSON_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})

__all__ = [
    "after_person_noun",
    "name_runs",
    "people_words",
    "person_nouns",
    "settlement_names",
    "settlement_nouns",
]
