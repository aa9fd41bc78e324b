"""Who may hold a position: a person the registry does not know needs the article to tie them to a party.

A position is a negotiating party's stance (FORMAT.md: states, governments, armed groups,
organisations, and the officials who speak for them). News also quotes people with no such role
(a truck driver glad of the truce, a company's chief asking allies for money, a regional chief
urging residents to leave); their "must", "will" or "call on" is no party's stance. The registry
ties a known person to the state or body they act for (``ActorRef.affiliation``); a name it does
not know is judged by how the article describes it: a title of office ("Eritrea's Information
Minister", "a spokesman for the union", "the chair of the African Union") or a party named in the
description keeps the person a holder; a local office ("Chief of the Donetsk Regional Military
Administration", "the city's mayor") or a description with neither ("65-year-old truck driver",
"CEO of DTEK", a company the registry does not know) does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from parley.analyse.mentions import Mention
from parley.rules import Rules

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependencies by which a description hangs on a name ("truck driver X", "X, a spokesman for ...").
_DESCRIBING_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos"})
# Dependencies of the noun a name is set beside ("the chair of the African Union, X") that describe it.
_HEAD_DEPS = frozenset({"compound", "amod", "poss", "nmod", "prep", "pobj", "det"})


def _description(doc: Doc, m: Mention) -> list[Token]:
    """Return the tokens that describe the person named by mention ``m``: the modifiers and
    appositions of the name, and the noun the name is in apposition to with its modifiers."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return []
    inside = {t.i for t in span}
    out: list[Token] = []
    for t in span:
        for c in t.children:
            if c.i not in inside and c.dep_ in _DESCRIBING_DEPS:
                out.extend(x for x in c.subtree if x.i not in inside)
    root = span.root
    if root.dep_ == "appos" and root.head.i not in inside:
        head = root.head
        out.append(head)
        for c in head.children:
            if c.dep_ in _HEAD_DEPS and c.i not in inside:
                out.extend(x for x in c.subtree if x.i not in inside)
    return out


def _is_party(actor_kind: str, actor_id: str | None) -> bool:
    """Return whether a mention in a description names a party: a state, an armed group, or an
    organisation the registry knows (a company it does not know is no negotiating party)."""
    return actor_kind in ("state", "group") or (actor_kind == "organization" and actor_id is not None)


def unplaced_people(doc: Doc, mentions: Sequence[Mention], rules: Rules) -> frozenset[str]:
    """Return the refs of the people the registry does not know whom no description in the
    article ties to a party or a national office: they hold no position."""
    table = rules["stance.toml"]["holders"]
    offices, outside = frozenset(table["offices"]), frozenset(table["outside"])
    named = [m for m in mentions if m.kind == "actor" and m.actor is not None]
    parties = [m for m in named if _is_party(m.actor.kind, m.actor.id)]  # type: ignore[union-attr]
    unknown: dict[str, list[Mention]] = {}
    for m in named:
        a = m.actor
        if a is not None and a.kind == "person" and a.id is None and not a.affiliation:
            unknown.setdefault(a.ref, []).append(m)
    out: set[str] = set()
    for ref, ms in unknown.items():
        words = [t for m in ms for t in _description(doc, m)]
        if not _tied(words, parties, offices, outside):
            out.add(ref)
    return frozenset(out)


def _tied(
    words: Iterable[Token], parties: Sequence[Mention], offices: frozenset[str], outside: frozenset[str]
) -> bool:
    """Return whether a description holds a party's office or names a party, and no office outside one."""
    words = list(words)
    lowered = {t.lower_ for t in words} | {t.lemma_.lower() for t in words}
    if lowered & outside:
        return False
    if lowered & offices:
        return True
    return any(p.start <= t.idx < p.end for t in words for p in parties)
