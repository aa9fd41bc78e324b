"""A role named without its holder ("Ethiopia's prime minister", "the US treasury chief") as the person
the article names in that role.

FORMAT.md: roles resolve to people when the article makes clear who holds them. A report often opens
with the role ("Iran's foreign ministry spokesperson said ...") and names the holder a sentence or two
later ("Foreign Ministry Spokesperson Esmaeil Baghaei told reporters ..."), or the other way round
("the spokesperson added"). The holder is a person mention whose surroundings carry the role's words;
a role with an owner state takes only a holder who acts for that state.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from parley.analyse.mentions import Mention
from parley.model.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# How far before and after a person's name the text may give their role ("US Treasury Secretary
# Scott Bessent", "Esmaeil Baghaei, the foreign ministry spokesperson").
ROLE_WINDOW = 60
# Heads that only say "the one at the top of" the modifier before them: "the treasury chief" is held by
# whoever the text calls the treasury's secretary or head.
GENERIC_HEADS = frozenset({"chief", "head", "boss"})
# Determiners of a role that is not one particular holder ("a spokesperson", "another official").
INDEFINITE = frozenset({"a", "an", "another", "one", "some", "any"})


def role_words(tok: Token, is_state_word: Callable[[str], bool]) -> tuple[str, list[str]] | None:
    """Return the role's head and its modifiers (lower case, owner states left out), or None when the
    noun phrase is not one particular holder (indefinite, plural, or with a name of its own)."""
    if tok.tag_ in ("NNS", "NNPS"):
        return None
    mods: list[str] = []
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in INDEFINITE:
            return None
        if c.dep_ in ("appos", "flat") or (c.dep_ == "compound" and c.ent_type_ == "PERSON"):
            return None
        if c.dep_ in ("compound", "amod") and c.i < tok.i:
            for t in c.subtree:
                if t.pos_ in ("NOUN", "PROPN", "ADJ") and not is_state_word(t.lower_):
                    mods.append(_key(t.lower_))
    return _key(tok.lower_), mods


def holder(
    text: str,
    mentions: Sequence[Mention],
    head: str,
    mods: list[str],
    pos: int,
    state: ActorRef | None,
) -> Mention | None:
    """Return the person mention the article names in the role, the nearest before ``pos`` first,
    else the first after it; None when no person is named with the role's words."""
    before: Mention | None = None
    after: Mention | None = None
    for m in mentions:
        actor = m.actor
        if actor is None or actor.kind != "person" or m.kind != "actor" or m.start <= pos < m.end:
            continue
        if state is not None and actor.affiliation and actor.affiliation not in (state.id, state.name):
            continue
        words = {_key(w.strip(",'’()")) for w in _beside(text, m).lower().split()}
        if not all(w in words for w in mods):
            continue
        if head not in words and not (mods and head in GENERIC_HEADS):
            continue
        if m.end <= pos:
            before = m
        elif after is None:
            after = m
    return before or after


def _beside(text: str, m: Mention) -> str:
    """Return the words that may give the role of the person ``m`` names: those before the name in
    its sentence and outside any quotation ("US Treasury Secretary X"), and an apposition after it
    (", the foreign ministry spokesperson")."""
    before = text[max(0, m.start - ROLE_WINDOW) : m.start]
    cut = max(before.rfind(c) for c in _BREAKS)
    before = before[cut + 1 :]
    after = text[m.end : m.end + ROLE_WINDOW]
    if not after.startswith(","):
        return before
    ends = [i for i in (after.find(c) for c in _BREAKS) if i >= 0]
    return before + " " + after[: min(ends, default=len(after))]


# Marks that end the stretch of text a role may be read from: sentence ends and quotation marks.
_BREAKS = '.;!?\n"“”'


def _key(word: str) -> str:
    """Return the form roles are compared in: one word for the spokesperson whatever its gender."""
    return "spokesperson" if word.startswith("spokes") else word
