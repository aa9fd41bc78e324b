"""Organisations and armed groups the registry does not know, recognised from the text.

The registry lists the bodies and armed groups news about the followed conflicts names most, but
a story also cites monitors, think tanks, outlets, missions and local militias nobody listed
("the Syrian Observatory for Human Rights", "the 444th Combat Brigade", "the Tripoli Protection
Force"). Two signals the text itself gives are read here:

- the model's ORG entity whose last word is the head noun of an organisation ("Observatory",
  "Institute", "Mission") or of an armed group ("Army", "Brigade", "Front", "Force"): the head
  word decides the kind;
- an acronym introduced in parentheses after its expansion ("the United Nations Support Mission in
  Libya (UNSMIL)"), so that the acronym alone later names the same body.

Names of states' own institutions stay with the registry ("the Sudanese Armed Forces" is Sudan);
an organisation's name that holds a registry name ("United Nations" in "United Nations Support
Mission") names the organisation, not the registry actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from parley.analyse.doc_views import entities
from parley.analyse.doc_views import tokens as doc_tokens
from parley.model.records import ActorRef

# Head nouns of armed groups: a name ending in one is a `group`.
GROUP_HEADS = frozenset(
    ["army", "brigade", "brigades", "front", "militia", "militias", "battalion", "battalions", "regiment",
     "movement", "force", "forces", "rebels", "fighters", "resistance", "jihad", "mujahideen", "legion"]
)  # fmt: skip
# Head nouns of other organisations (monitors, think tanks, missions, parties, companies, outlets).
ORG_HEADS = frozenset(
    ["observatory", "institute", "group", "council", "mission", "alliance", "union", "committee", "agency",
     "office", "party", "coalition", "court", "commission", "foundation", "network", "centre", "center",
     "organisation", "organization", "association", "federation", "company", "corporation", "bank",
     "fund", "programme", "program", "assembly", "secretariat", "authority", "bureau", "watch",
     "international", "times", "post", "news", "radio", "television", "tv", "press", "herald",
     "journal", "tribune", "gazette", "broadcasting", "channel", "confederation", "consortium"]
)  # fmt: skip
# Head nouns of bodies no state runs (professional, civic and party bodies, companies): a
# state's name that opens such a name ("the Sudan Doctors Network", "the Pakistan Medical
# Association") names the body's country, not a party; a council, authority, agency or court may be
# the state's own ("the Iran Supreme National Security Council"), so those stay the registry's.
# Outlets ("Sudan News") are left out: the quote finder takes the outlet a witness "told" for the
# speaker, and there the state, which such a story names anyway, costs less.
CIVIL_HEADS = frozenset(
    ["network", "association", "union", "federation", "foundation", "observatory", "syndicate",
     "society", "institute", "coalition", "alliance", "party", "watch", "consortium", "company",
     "corporation"]
)  # fmt: skip
# Head nouns that end no person's name: a model PERSON entity of three or more words ending in one
# is an organisation's name ("the Tigray People's Liberation Front").
PERSON_MISREAD_HEADS = frozenset(
    ["army", "brigade", "brigades", "front", "militia", "movement", "forces", "council", "committee",
     "party", "union", "organisation", "organization", "alliance", "coalition"]
)  # fmt: skip
# "the ELN guerrilla group": words that say a collective fights, and the collective nouns after them.
FIGHTER_DESCRIPTORS = frozenset(
    ["rebel", "militant", "guerrilla", "guerilla", "armed", "jihadist", "paramilitary", "separatist",
     "insurgent", "terrorist", "extremist", "islamist", "militia"]
)  # fmt: skip
DESCRIBED_GROUP_NOUNS = frozenset(
    ["group", "groups", "movement", "outfit", "faction", "organisation", "organization"]
)
# Middle words that make "<state or demonym> ... <armed head>" a state's own forces, left to the registry.
STATE_FORCE_WORDS = frozenset(["defence", "defense", "armed", "air", "naval", "national", "ground", "land"])
# Words that may sit inside an organisation's name in lower case ("Institute for the Study of War").
CONNECTORS = frozenset(["of", "for", "the", "in", "on", "and", "de", "al", "el", "du", "des"])
# "group of experts", "panel of experts": a body's panel, a reporting party of its own.
PANEL_NOUNS = frozenset(["group", "panel"])
# Confidence of a name the text alone says is an organisation: the entity label and the head word agree.
TEXT_ORG_CONFIDENCE = 0.6

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9\-]{1,9})\)")


@dataclass(frozen=True)
class OrgSpan:
    """A name of an organisation or armed group the text gives, with its offsets."""

    start: int
    end: int
    text: str
    actor: ActorRef


def head_kind(words: Sequence[str]) -> str | None:
    """Return ``group`` or ``organization`` by a name's head noun, else None (no head noun).

    The head is the last word, or the word before a name's first "for", "of" or "in"
    ("Observatory" of "Syrian Observatory for Human Rights").
    """
    if len(words) < 2:
        return None
    heads = [words[-1].lower()]
    cut = next((k for k, w in enumerate(words[1:], 1) if w.lower() in ("for", "of", "in", "on")), None)
    if cut is not None:
        heads.append(words[cut - 1].lower())
    for head in heads:
        if head in GROUP_HEADS:
            return "group"
        if head in ORG_HEADS:
            return "organization"
    return None


def civil_head(words: Sequence[str]) -> bool:
    """Return True when a name of two or more words ends in the head noun of a body no state runs
    ("Network", "Association"; see CIVIL_HEADS)."""
    return len(words) >= 2 and words[-1].lower() in CIVIL_HEADS


def _actor(name: str, kind: str, why: str) -> ActorRef:
    return ActorRef(name=name, kind=kind, method="text", reason=why, confidence=TEXT_ORG_CONFIDENCE)


def _trim(tokens: Sequence[Any]) -> list[Any]:
    """Return an entity's tokens without a leading article or trailing possessive."""
    toks = list(tokens)
    while toks and toks[0].lower_ in ("the", "a", "an"):
        toks.pop(0)
    while toks and toks[-1].text in ("'s", "’s", "'", "’"):
        toks.pop()
    return toks


def _name_before(doc: Any, j: int) -> list[Any]:
    """Return the run of capitalised words or acronyms right before token ``j`` ("ELN",
    "Kataib Hezbollah"), without a sentence's first "The"; empty when there is none."""
    i = j
    while i > 0 and doc[i - 1].is_alpha and doc[i - 1].text[0].isupper() and not doc[i - 1].is_stop:
        i -= 1
    return list(doc[i:j])


def _expansion_before(doc: Any, paren: int) -> list[Any]:
    """Return the capitalised name right before the token at ``paren`` ("(")."""
    j = paren
    while j > 0:
        t = doc[j - 1]
        if (t.is_alpha and (t.text[0].isupper() or t.lower_ in CONNECTORS)) or t.like_num:
            j -= 1
            continue
        break
    name = list(doc[j:paren])
    while name and (name[0].lower_ in CONNECTORS or not name[0].text[0].isupper()):
        name.pop(0)
    return name


def _name_given(doc: Sequence[Any], k: int) -> list[Any]:
    """Return the name after a described armed group at token ``k`` and a naming verb ("militant
    group called the 'X'", "armed group calling itself X", "rebel movement known as X"), else []."""
    if doc[k].lower_ not in DESCRIBED_GROUP_NOUNS or k == 0 or doc[k - 1].lower_ not in FIGHTER_DESCRIPTORS:
        return []
    j = k + 1
    words = [t.lower_ for t in doc[j : j + 2]]
    if words[:1] in (["called"], ["named"], ["dubbed"]):
        j += 1
    elif words in (["calling", "itself"], ["known", "as"]):
        j += 2
    else:
        return []
    while j < len(doc) and (doc[j].lower_ == "the" or doc[j].is_quote):
        j += 1
    end = j
    while end < len(doc) and doc[end].is_alpha and doc[end].text[0].isupper():
        end += 1
        gap = end
        while gap < len(doc) and doc[gap].lower_ in CONNECTORS:
            gap += 1  # "Sons of the River": inner connectors before another capitalised word
        if gap > end and gap < len(doc) and doc[gap].is_alpha and doc[gap].text[0].isupper():
            end = gap
    return list(doc[j:end])


def find_organisations(
    doc: Any,
    text: str,
    *,
    is_free: Callable[[int, int], bool],
    is_state_word: Callable[[str], bool],
    known_name: Callable[[str], bool],
) -> list[OrgSpan]:
    """Return names of organisations and armed groups the text gives and the registry lacks.

    ``is_free(start, end)`` says the registry's mentions leave the name to be an organisation's;
    ``is_state_word`` recognises a state's name or demonym; ``known_name`` a registry name.
    """
    out: list[OrgSpan] = []
    by_acronym: dict[str, ActorRef] = {}
    seen: dict[str, ActorRef] = {}

    def add(toks: Sequence[Any], why: str) -> ActorRef | None:
        words = [t.text for t in toks]
        kind = head_kind(words)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        name = text[start:end]
        if kind is None or known_name(name) or not is_free(start, end):
            return None
        if kind == "group" and is_state_word(words[0]):
            middle = {w.lower() for w in words[1:-1]}
            if middle <= STATE_FORCE_WORDS:
                return None  # "Kenya Defence Forces": a state's own forces, the registry's to resolve
        actor = seen.setdefault(name.lower(), _actor(name, kind, why))
        out.append(OrgSpan(start, end, name, actor))
        return actor

    # "Full Name (ACR)": the acronym names the same body from then on
    for m in _ACRONYM.finditer(text):
        paren = doc.char_span(m.start(), m.start() + 1)
        if paren is None:
            continue
        name = _expansion_before(doc, paren.start)
        if len(name) >= 2 and name[0].text[0] == m.group(1)[0]:
            actor = add(name, f"an organisation's name with its head noun, introduced as {m.group(1)!r}")
            if actor is not None:
                by_acronym[m.group(1)] = actor
    taken = {(o.start, o.end) for o in out}

    def take(first: Any, last: Any, kind: str, why: str, *, registry: bool = True) -> None:
        """Add the name from token ``first`` to ``last`` as a body of ``kind``, unless the registry
        knows it (when ``registry``), the registry's mentions hold it, or a name taken overlaps it."""
        start, end = first.idx, last.idx + len(last.text)
        label = text[start:end]
        if (registry and known_name(label)) or not is_free(start, end):
            return
        if any(a < end and start < b for a, b in taken):
            return
        actor = seen.setdefault(label.lower(), _actor(label, kind, why))
        out.append(OrgSpan(start, end, label, actor))
        taken.add((start, end))

    for ent in entities(doc):
        if ent.label_ not in ("ORG", "PERSON"):
            continue
        toks = _trim(ent)
        if not toks:
            continue
        if ent.label_ == "PERSON" and not (len(toks) >= 3 and toks[-1].lower_ in PERSON_MISREAD_HEADS):
            continue  # the model reads some long names of armed movements as a person's
        span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue  # already read with its acronym ("... Mission in Libya (UNSMIL)")
        name_like = all(
            (t.is_alpha and t.text[0].isupper())
            or t.lower_ in CONNECTORS
            or t.like_num
            or (t.text in ("'s", "’s") and t.i > toks[0].i)  # "Tigray People's Liberation Front"
            for t in toks
        )
        if (
            name_like
            and add(toks, "the model's organisation entity, with an organisation's head noun") is not None
        ):
            taken.add(span)
    # "Colombia's ELN guerrilla group", "the Kataib Hezbollah armed faction": a name before a
    # descriptor of fighters and a collective noun is an armed group's
    doc_toks = doc_tokens(doc)
    for k, tok in enumerate(doc_toks):
        if tok.lower_ not in DESCRIBED_GROUP_NOUNS:
            continue
        j = k
        while j > 0 and doc_toks[j - 1].lower_ in FIGHTER_DESCRIPTORS:
            j -= 1
        if j == k:
            continue
        name = _name_before(doc, j)
        if not name or is_state_word(name[0].text) or (len(name) == 1 and not name[0].is_upper):
            continue  # one capitalised word is a community's ("Druze armed groups": actor_collectives)
        take(name[0], name[-1], "group", "a name before a descriptor of fighters and a group noun")
    # "a little-known militant group called the 'Kashmir Front'": a name a described armed group
    # is given, whether or not the model reads it as an entity
    for k in range(len(doc_toks)):
        name = _name_given(doc_toks, k)
        if not name:
            continue
        take(name[0], name[-1], "group", "the name given to a described armed group")
    # "a United Nations group of experts", "the UN panel of experts": a body's panel reports apart
    # from the body, and is the party its findings are attributed to
    for k in range(1, len(doc_toks) - 2):
        if doc_toks[k].lower_ not in PANEL_NOUNS or [t.lower_ for t in doc_toks[k + 1 : k + 3]] != [
            "of",
            "experts",
        ]:
            continue
        i = k
        while i > 0 and (doc_toks[i - 1].text[0].isupper() and not doc_toks[i - 1].is_stop):
            i -= 1
        if i == k or not known_name(text[doc_toks[i].idx : doc_toks[k - 1].idx + len(doc_toks[k - 1].text)]):
            continue
        # the body's name is the registry's; the panel's whole name is not, so no registry check
        take(doc_toks[i], doc_toks[k + 2], "organization", "a body's panel of experts", registry=False)
    # later bare acronyms
    for tok in doc_toks:
        actor = by_acronym.get(tok.text)
        span = (tok.idx, tok.idx + len(tok.text))
        if actor is not None and span not in taken and is_free(*span):
            prev = doc_toks[tok.i - 1].text if tok.i > 0 else ""
            if prev != "(":
                out.append(OrgSpan(span[0], span[1], tok.text, actor))
    return sorted(out, key=lambda o: o.start)
