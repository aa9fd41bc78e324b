"""The event lexicon: trigger rules, weapon modes and event words, built from the checked rules.

``events.toml`` (and the ``governing`` verbs of ``speech.toml``) are validated by
:mod:`parley.rules.load`; this module turns them into lookup-friendly objects, once per
:class:`~parley.rules.Rules`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from parley.rules import Rules

if TYPE_CHECKING:
    from parley.model.records import ActorRef


@dataclass(frozen=True)
class Rule:
    """One trigger rule from the lexicon."""

    type: str
    lemmas: frozenset[str]
    pos: str  # VERB | NOUN
    objects: frozenset[str] = frozenset()
    objects_optional: bool = False
    mode: str | None = None
    mode_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mode_from_words: bool = False
    require_words: tuple[str, ...] = ()
    exclude_words: tuple[str, ...] = ()
    needs_with: bool = False
    needs_place: bool = False
    needs_actor: bool = False
    needs_complement: bool = False
    mutual: bool = False  # fighting between two sides: one event per direction
    by_object: bool = False  # the doer owns the object ("intercepted Ukrainian drones"), the subject is hit
    complement_of: frozenset[str] = frozenset()  # the trigger must be the "to" clause of one of these
    id: str = ""
    priority: int = 0


@dataclass(frozen=True)
class EventWords:
    """The words event finding reads besides the triggers (``[words]`` of events.toml)."""

    governing: frozenset[str]  # verbs of saying whose clause makes an act a party's claim
    hedges: tuple[str, ...]
    future: frozenset[str]
    conditional: frozenset[str]
    planning_heads: frozenset[str]
    promising_heads: frozenset[str]
    risk_heads: frozenset[str]
    demand_modals: frozenset[str]  # "said Rwanda should end its support": a call on that party
    demand_heads: frozenset[str]  # "said Ukraine has to withdraw": the same call, by a verb
    public_nouns: frozenset[str]  # "urged residents to stay indoors": advice to the public, no party asked
    frequency_words: frozenset[str]  # "repeatedly decried", "fired missiles almost every day": a habit
    warning_verbs: frozenset[str]  # "warned that Israel will target…": a threat, not a planned attack
    truce_starts: frozenset[str]  # verbs by which a truce comes into being ("took effect", "began")
    standing_adverbs: frozenset[str]
    pronouns: frozenset[str]
    requested_things: frozenset[str]
    force_nouns: frozenset[str]
    state_nouns: frozenset[str]  # "the Algerian ambassador": the demonym before it names the state
    claim_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    continuation: frozenset[str]
    institution_nouns: frozenset[str]
    verify_verbs: frozenset[str]
    repel_verbs: frozenset[str]
    responsibility: frozenset[str]
    time_preps: frozenset[str]
    outlet_words: frozenset[str]
    unreal_heads: frozenset[str]  # words whose complement is an act asked for or refused
    denial_words: frozenset[str]
    capture_lemmas: frozenset[str]
    not_account: frozenset[str]
    anchor_words: tuple[str, ...]
    occasion_nouns: frozenset[str]  # "Tuesday's briefing": a dated occasion dates what is done at it
    accusation: re.Pattern[str]
    locative_preps: frozenset[str]
    locative_preps_before_article: frozenset[str]
    recipient_preps: frozenset[str]
    noun_recipient_preps: frozenset[str]
    group_anaphors: frozenset[str]  # "the coalition attacked…": the armed group or body just named
    pair_nouns: frozenset[str]  # "the two sides agreed…": the two parties just named


@dataclass(frozen=True)
class EventLexicon:
    rules: tuple[Rule, ...]  # highest priority first
    weapon_modes: dict[str, tuple[str, ...]]  # mode -> words in a clause that give it
    words: EventWords


def alternation(patterns: list[str], *, bounded: bool = True) -> re.Pattern[str]:
    """Return one case-insensitive pattern matching any of ``patterns`` (on word boundaries if bounded)."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"\b(?:{body})\b" if bounded else body, re.IGNORECASE)


def _rule(pos: str, e: dict[str, Any]) -> Rule:
    return Rule(
        type=e["type"],
        lemmas=frozenset(e["lemmas"]),
        pos=pos,
        objects=frozenset(e.get("objects", ())),
        objects_optional=e.get("objects_optional", False),
        mode=e.get("mode"),
        mode_words={k: tuple(v) for k, v in e.get("mode_words", {}).items()},
        mode_from_words=e.get("mode_from_words", False),
        require_words=tuple(e.get("require_words", ())),
        exclude_words=tuple(e.get("exclude_words", ())),
        needs_with=e.get("needs_with", False),
        needs_place=e.get("needs_place", False),
        needs_complement=e.get("needs_complement", False),
        needs_actor=e.get("needs_actor", False),
        mutual=e.get("mutual", False),
        by_object=e.get("by_object", False),
        complement_of=frozenset(e.get("complement_of", ())),
        id=e["id"],
        priority=e["priority"],
    )


@lru_cache(maxsize=8)
def event_lexicon(rules: Rules) -> EventLexicon:
    """Return the event lexicon of ``rules`` (built once per rules folder)."""
    data = rules["events.toml"]
    w = data["words"]
    words = EventWords(
        governing=frozenset(rules["speech.toml"]["verbs"]["governing"]),
        hedges=tuple(w["hedges"]),
        future=frozenset(w["future"]),
        conditional=frozenset(w["conditional"]),
        planning_heads=frozenset(w["planning_heads"]),
        promising_heads=frozenset(w["promising_heads"]),
        risk_heads=frozenset(w["risk_heads"]),
        truce_starts=frozenset(w["truce_starts"]),
        demand_modals=frozenset(w["demand_modals"]),
        demand_heads=frozenset(w["demand_heads"]),
        public_nouns=frozenset(w["public_nouns"]),
        frequency_words=frozenset(w["frequency_words"]),
        warning_verbs=frozenset(w["warning_verbs"]),
        standing_adverbs=frozenset(w["standing_adverbs"]),
        pronouns=frozenset(w["pronouns"]),
        requested_things=frozenset(w["requested_things"]),
        force_nouns=frozenset(w["force_nouns"]),
        state_nouns=frozenset(w["state_nouns"]),
        claim_verbs=frozenset(w["claim_verbs"]),
        claim_nouns=frozenset(w["claim_nouns"]),
        continuation=frozenset(w["continuation"]),
        institution_nouns=frozenset(w["institution_nouns"]),
        verify_verbs=frozenset(w["verify_verbs"]),
        repel_verbs=frozenset(w["repel_verbs"]),
        responsibility=frozenset(w["responsibility"]),
        time_preps=frozenset(w["time_preps"]),
        outlet_words=frozenset(w["outlet_words"]),
        unreal_heads=frozenset(w["unreal_heads"]),
        denial_words=frozenset(w["denial_words"]),
        capture_lemmas=frozenset(w["capture_lemmas"]),
        not_account=frozenset(w["not_account"]),
        anchor_words=tuple(w["anchor_words"]),
        occasion_nouns=frozenset(w["occasion_nouns"]),
        accusation=alternation(w["accusation"]),
        locative_preps=frozenset(w["locative_preps"]),
        locative_preps_before_article=frozenset(w["locative_preps_before_article"]),
        recipient_preps=frozenset(w["recipient_preps"]),
        noun_recipient_preps=frozenset(w["noun_recipient_preps"]),
        group_anaphors=frozenset(w["group_anaphors"]),
        pair_nouns=frozenset(w["pair_nouns"]),
    )
    return EventLexicon(
        rules=tuple(_rule(pos, e) for pos, e in rules.event_rules()),
        weapon_modes={k: tuple(v) for k, v in data["modes"].items()},
        words=words,
    )


def is_outlet(actor: ActorRef, outlet_words: frozenset[str]) -> bool:
    """Return True for a news outlet ("Reuters", "the Khmer Times"): an organisation whose name has
    a word of the press (``outlet_words``). Its report tells what happened; it takes no side."""
    if actor.kind != "organization":
        return False
    return bool(set(actor.name.lower().replace("-", " ").split()) & outlet_words)
