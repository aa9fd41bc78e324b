"""Armed collectives named by who they are, not by a name: "Druze fighters", "pro-Assad forces".

Much conflict news names a side that has no registry name: the fighters of a community, a clan or
a faction ("Druze armed groups", "Bedouin armed men", "Alawite militias", "pro-Assad insurgents").
Such a side acts (it clashes, agrees a truce, attacks) and the records need it as an actor. The
text gives it by a fixed construction: a capitalised modifier (a community, a leader after "pro-")
before a head noun of fighting men. One article calls the same side several ways ("Druze fighters",
"the Druze militias"), so every form with the same modifier is one actor, named by its first form.

A state's demonym or name never makes a collective ("Israeli forces" is Israel, which the registry
resolves), nor does a modifier the registry or another finder already reads as a name of its own
("Hamas fighters" is Hamas; "Arakan Army fighters" is the Arakan Army).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from parley.analyse.doc_views import tokens as doc_tokens
from parley.analyse.organisations import GROUP_HEADS, ORG_HEADS, STATE_FORCE_WORDS
from parley.model.records import ActorRef

# Head nouns of a body of fighting men, after a modifier that says whose they are.
COLLECTIVE_HEADS = frozenset(
    {"fighters", "militias", "militia", "militants", "factions", "gunmen", "insurgents", "loyalists",
     "rebels", "tribesmen", "tribes", "clans", "paramilitaries", "separatists", "forces"}
)  # fmt: skip
# Heads that name a community's fighters only after "pro-" ("pro-Assad forces"): "Special Forces",
# "Coalition forces", "Western forces" are institutions or alliances, not a community.
PRO_ONLY_HEADS = frozenset({"forces"})
# Modifiers of region, not of a community: "European fighters", "Western forces", "Arab militants"
# name no one side.
REGION_MODIFIERS = frozenset(
    {"western", "eastern", "northern", "southern", "central", "european", "african", "arab", "asian",
     "gulf", "allied", "foreign", "international", "regional", "local", "coalition", "special"}
)  # fmt: skip
# "Druze armed groups", "Bedouin armed men": "armed" before these makes them a head too.
ARMED_HEADS = frozenset({"groups", "men", "factions"})
# Words after "<demonym> opposition" that still name the opposition ("opposition leaders").
OPPOSITION_TAILS = frozenset({"leaders", "leader", "parties", "party", "figures", "politicians", "lawmakers",
                              "groups", "bloc", "coalition", "alliance", "forces", "fighters"})  # fmt: skip
# Branches of a faith that many sides share: "the Shia militia" describes a group the article
# names (Hezbollah), it does not name a side of its own.
FAITH_BRANCHES = frozenset({"shia", "shiite", "shi'ite", "sunni", "islamist", "jihadist", "salafist"})
# "militants aligned with the Islamic State", "militias linked to the Druze": the words that tie a
# collective to the name after them, and the prepositions they take. The side is the collective,
# not the body it is tied to, which does not act here; its key is that name, so "Druze militias"
# and "militias linked to the Druze" are one side.
TIE_WORDS = frozenset({"aligned", "linked", "loyal", "affiliated", "allied", "tied"})
TIE_PREPOSITIONS = frozenset({"with", "to"})
# Confidence of a side the text names only by its modifier and head noun.
COLLECTIVE_CONFIDENCE = 0.6


@dataclass(frozen=True)
class CollectiveSpan:
    """A collective's mention: offsets, text, and the actor all its forms in the article share."""

    start: int
    end: int
    text: str
    actor: ActorRef


def _head_at(doc: Sequence[Any], k: int) -> int:
    """Return the index of the first token of the head noun ending at token ``k`` ("armed" of
    "armed men" included), or -1 when token ``k`` ends no head."""
    word = doc[k].lower_
    if word in COLLECTIVE_HEADS:
        return k - 1 if k > 0 and doc[k - 1].lower_ == "armed" else k
    if word in ARMED_HEADS and k > 0 and doc[k - 1].lower_ == "armed":
        return k - 1
    return -1


def _modifier(doc: Sequence[Any], h: int) -> tuple[int, str] | None:
    """Return (first token, key) of the modifier before the head that starts at token ``h``:
    "Druze" (key "druze") or "pro-Assad" (key "assad"), else None."""
    m = h - 1
    if m < 0:
        return None
    tok = doc[m]
    if not (tok.is_alpha and tok.text[0].isupper() and not tok.is_upper and not tok.is_stop):
        return None
    if tok.lower_ in GROUP_HEADS | ORG_HEADS | STATE_FORCE_WORDS | REGION_MODIFIERS | FAITH_BRANCHES:
        return None  # a name of its own ("Arakan Army fighters"), a state organ, a region or a faith
    if m >= 2 and doc[m - 1].text == "-" and doc[m - 2].lower_ == "pro" and not doc[m - 1].whitespace_:
        return m - 2, tok.lower_
    if tok.is_sent_start and not tok.ent_type_:
        return None  # "Several fighters": a capital only because the sentence starts
    if m > 0 and doc[m - 1].is_alpha and doc[m - 1].text[0].isupper() and not doc[m - 1].is_stop:
        return None  # the last word of a longer name ("Israeli Defence Forces")
    if tok.pos_ not in ("PROPN", "ADJ"):
        return None
    return m, tok.lower_


def _tied_name(doc: Sequence[Any], k: int) -> tuple[int, int] | None:
    """Return (first, end) token indexes of the name a collective at token ``k`` is tied to
    ("militants aligned with the Islamic State": "the Islamic State"), else None."""
    if doc[k].lower_ not in COLLECTIVE_HEADS or doc[k].lower_ in PRO_ONLY_HEADS or k + 3 >= len(doc):
        return None
    if doc[k + 1].lower_ not in TIE_WORDS or doc[k + 2].lower_ not in TIE_PREPOSITIONS:
        return None
    first = k + 3
    j = first + 1 if doc[first].lower_ == "the" else first
    end = j
    while end < len(doc) and doc[end].is_alpha and doc[end].text[0].isupper() and not doc[end].is_upper:
        end += 1
    return (first, end) if end > j else None


def _describes(head: Any) -> bool:
    """Return True when the collective only describes a name beside it, in apposition ("Hezbollah,
    the Shia militia, said") or before it ("the Shia militia Hezbollah")."""
    if head.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children):
        return True
    nxt = head.i + 1
    return nxt < len(head.doc) and head.doc[nxt].pos_ == "PROPN" and head.doc[nxt].text[0].isupper()


def find_collectives(
    doc: Any,
    text: str,
    *,
    is_free: Callable[[int, int], bool],
    is_state_word: Callable[[str], bool],
    person_at: Callable[[int, int], bool],
) -> list[CollectiveSpan]:
    """Return the collectives the text names, in order; ``is_free(start, end)`` says no other name
    covers the span, ``is_state_word`` spots a state's name or demonym, ``person_at(start, end)``
    says a registry person is named there (the leader of "pro-Assad forces", "Assad loyalists")."""
    found: list[tuple[int, int, str, str]] = []  # start, end, key, name
    tied: set[int] = set()  # starts of the forms tied to a name ("militants aligned with X")
    toks = doc_tokens(doc)  # the shared list: doc[k] makes a new Token at each call
    for k in range(len(toks)):
        tie = _tied_name(toks, k)
        if tie is not None:
            name_start, name_end = tie
            start, end = toks[k].idx, toks[name_end - 1].idx + len(toks[name_end - 1].text)
            if is_free(start, toks[name_start].idx):
                key = " ".join(t.lower_ for t in toks[name_start:name_end] if t.lower_ != "the")
                found.append((start, end, key, text[start:end]))
                tied.add(start)
            continue
        if toks[k].lower_ == "opposition" and k > 0 and is_state_word(toks[k - 1].text):
            # "the Armenian opposition (leaders)": a state's opposition acts against its government
            end_tok = k + 1 if k + 1 < len(toks) and toks[k + 1].lower_ in OPPOSITION_TAILS else k
            start, end = toks[k - 1].idx, toks[end_tok].idx + len(toks[end_tok].text)
            if is_free(start, end):
                name = text[start : toks[k].idx + len(toks[k].text)]
                found.append((start, end, "opposition " + toks[k - 1].lower_, name))
            continue
        h = _head_at(toks, k)
        if h < 0:
            continue
        mod = _modifier(toks, h)
        if mod is None:
            continue
        first, key = mod
        if toks[k].lower_ in PRO_ONLY_HEADS and toks[first].lower_ != "pro":
            continue
        word = toks[h - 1]
        if is_state_word(word.text) or _describes(toks[k]):
            continue
        start, end = toks[first].idx, toks[k].idx + len(toks[k].text)
        word_span = (word.idx, word.idx + len(word.text))
        if not (is_free(start, end) or person_at(*word_span)):
            continue
        found.append((start, end, key, text[start:end]))
    # a side is named by its first form, a tied form ("militias linked to the Druze") only when
    # the article has no other: "Druze militias" is the name, the tie a description
    first_name: dict[str, str] = {}
    for _start, _end, key, name in sorted(found, key=lambda f: (f[0] in tied, f[0])):
        first_name.setdefault(key, name)
    names: dict[str, ActorRef] = {}
    out: list[CollectiveSpan] = []
    for start, end, key, _name in found:
        surface = text[start:end]
        actor = names.setdefault(
            key,
            ActorRef(
                name=first_name[key],
                kind="group",
                method="text",
                reason="a side named by a modifier and a head noun of fighters (actor_collectives.py)",
                confidence=COLLECTIVE_CONFIDENCE,
            ),
        )
        out.append(CollectiveSpan(start, end, surface, actor))
    return out
