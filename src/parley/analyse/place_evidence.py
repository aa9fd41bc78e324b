"""Evidence against a place reading: the words around a name that make it a person's, not a town's.

The gazetteer holds a town for almost every given name and surname ("Olivia", "Nelson",
"McGregor"), so a capitalised word the gazetteer knows is only a place when the text says so
(issue #14). Two shapes of English news prose say the opposite, and both are read here:

- the article names a person in full ("Conor McGregor", "Seergeoh Villanueva"); the surname (or
  the given name) alone later names that person again, not the town that shares it;
- a noun of kinship or of a personal relation stands right before the name ("his daughter
  Yulia", "girlfriend Olivia", "her baby Nesha"): such a noun takes a person's name.

The words are data (``places.toml``, section ``person_nouns``), so that a linguist adds one
without touching code.
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

__all__ = ["after_person_noun", "name_runs", "people_words", "person_nouns"]
