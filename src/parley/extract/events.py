"""Finds events (PLOVER types) in parsed sentences: trigger, actors, recipient, place, date, modality.

Triggers come from the lexicon in ``data/events.toml``; arguments from spaCy's dependency parse
(subject → actor, object / "with" / "on" complement → recipient), mapped onto knowledge-base
mentions. Modality comes from attribution (a trigger inside what a party says is ``claimed``),
hedges ("reportedly"), future markers (``planned``) and conditionals (``hypothetical``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from parley.analyse.mentions import Mention
from parley.model.records import ActorRef, DateValue, PlaceRef

SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "claim",
        "announce",
        "assert",
        "insist",
        "state",
        "report",
        "add",
        "write",
        "post",
        "argue",
        "allege",
        "declare",
        "confirm",
        "deny",
        "acknowledge",
        "warn",
        "note",
        "stress",
        "suggest",
        "indicate",
        "signal",
        "maintain",
    ]
)
HEDGES = ("reportedly", "allegedly", "purportedly", "according to", "it is unclear", "unconfirmed")
FUTURE_MARKERS = frozenset(
    ["will", "'ll", "due", "scheduled", "set", "expected", "planned", "plan", "plans", "going", "shall"]
)
CONDITIONAL_MARKERS = frozenset(["if", "would", "could", "might", "unless", "whether"])
# Subjects that stand for the speaker of the surrounding report ("Russia says it took X").
PRONOUNS = frozenset(["it", "its", "they", "their", "he", "his", "she", "her", "we", "our"])
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
RECIPIENT_PREPS = frozenset({"with", "on", "against", "to", "at", "into"})
# Objects that are themselves a request ("demanded a ceasefire", "urged restraint").
REQUESTED_THINGS = frozenset(
    [
        "ceasefire",
        "truce",
        "release",
        "withdrawal",
        "halt",
        "restraint",
        "talks",
        "negotiations",
        "aid",
        "help",
        "support",
        "meeting",
    ]
)
# Nouns for a party's armed forces: whoever owns them, they act for the state.
FORCE_NOUNS = frozenset(
    [
        "force",
        "forces",
        "troop",
        "troops",
        "army",
        "military",
        "unit",
        "units",
        "soldier",
        "soldiers",
        "fighter",
        "fighters",
    ]
)
# Verbs whose object noun is an act someone claims ("claimed capture of two towns").
CLAIM_VERBS = frozenset(["claim", "announce", "report", "allege"])
# Verbs whose object noun is an act being fought off: the report is a denial, not an event.
REPEL_VERBS = frozenset(["repel", "repulse", "beat", "fend", "thwart", "foil", "deny"])


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


@lru_cache(maxsize=1)
def lexicon() -> tuple[tuple[Rule, ...], dict[str, tuple[str, ...]]]:
    """Return the trigger rules and the weapon-word → mode table, loaded once."""
    data = tomllib.loads(resources.files("parley.extract").joinpath("data/events.toml").read_text("utf-8"))
    rules = []
    for pos, key in (("VERB", "verb"), ("NOUN", "noun")):
        for e in data.get(key, []):
            rules.append(
                Rule(
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
                )
            )
    modes = {k: tuple(v) for k, v in data["modes"].items()}
    return tuple(rules), modes


@dataclass
class EventCandidate:
    """An event found in one sentence, before dates are resolved and records are built."""

    type: str
    mode: str | None
    trigger: Any  # spaCy token
    actors: list[ActorRef]
    recipients: list[ActorRef]
    place: PlaceRef | None
    modality: str
    attributed_to: ActorRef | None  # the party whose account this is (for claims)
    date: DateValue | None = None
    date_anchor: str | None = None
    date_offset: int | None = None
    sent_start: int = 0
    sent_end: int = 0


class MentionIndex:
    """Looks up the mention covering a token, and mentions inside a token's subtree."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)

    def at(self, tok: Any) -> Mention | None:
        for m in self.mentions:
            if m.start <= tok.idx < m.end:
                return m
            if m.start > tok.idx:
                break
        return None

    def in_span(self, start: int, end: int, kind: str | None = None) -> list[Mention]:
        return [
            m
            for m in self.mentions
            if m.start >= start
            and m.end <= end
            and (kind is None or m.kind == kind or (kind == "actor" and m.kind == "role"))
        ]

    def before(self, pos: int, kinds: tuple[str, ...] = ("actor", "role")) -> list[Mention]:
        return [m for m in self.mentions if m.end <= pos and m.kind in kinds and m.actor is not None]


def _subtree_span(tok: Any) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _actors_in(tok: Any, index: MentionIndex) -> list[ActorRef]:
    """Return the actors named in a token's subtree (conjuncts included), in text order."""
    s, e = _subtree_span(tok)
    out: list[ActorRef] = []
    for m in index.in_span(s, e, "actor"):
        if m.actor is not None and m.actor not in out:
            out.append(m.actor)
    return out


def _head_actor(tok: Any, index: MentionIndex) -> list[ActorRef]:
    """Return the actor(s) a noun phrase refers to: its head's mention first, then conjuncts."""
    found: list[ActorRef] = []
    # "Putin's chief aide, Yury Ushakov": the apposition names the person, not the possessor
    for child in tok.children:
        if child.dep_ == "appos":
            named = _head_actor(child, index)
            if named:
                return named
    m = index.at(tok)
    if m and m.actor:
        found.append(m.actor)
    for child in tok.children:
        if child.dep_ == "compound":
            m2 = index.at(child)
            if m2 and m2.actor and m2.actor not in found:
                found.append(m2.actor)
        if child.dep_ == "poss" and not found:
            m2 = index.at(child)
            if m2 and m2.actor:
                found.append(m2.actor)
        if child.dep_ == "conj":
            for a in _head_actor(child, index):
                if a not in found:
                    found.append(a)
    if not found:
        found = _actors_in(tok, index)[:2]
    return found


def _speech_governor(tok: Any) -> Any | None:
    """Return the verb of saying whose reported clause contains ``tok``, if any."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in ("ccomp", "xcomp", "advcl", "pcomp") and cur.head.lemma_ in SPEECH_LEMMAS:
            return cur.head
        if cur.dep_ in ("ccomp", "pobj", "pcomp") and cur.head.lemma_ in ("accord",):
            return cur.head
        cur = cur.head
    return None


DENIAL_WORDS = frozenset(
    ["deny", "untrue", "false", "fabrication", "fake", "baseless", "lie", "lies", "nonsense"]
)


def _is_denial(trigger: Any, governor: Any) -> bool:
    """Return True when the statement governing a trigger rejects it ("denied that…", "said the
    claims of having captured X were untrue")."""
    if governor.lemma_ == "deny":
        return True
    cur = trigger
    while cur.i != governor.i and cur.head.i != cur.i:
        cur = cur.head
        if any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in DENIAL_WORDS for c in cur.children):
            return True
    return False


def _state_of(actor: ActorRef) -> ActorRef:
    """Return the state a person acts for (from the registry), else the actor itself."""
    if actor.kind != "person" or not actor.affiliation:
        return actor
    from parley.kb.actors import default_registry

    registry = default_registry()
    entry = registry.get(actor.affiliation)
    state = registry.resolve(entry.name) if entry is not None else None
    return state or actor


def _resolve_pronoun_subject(tok: Any, speaker: list[ActorRef], index: MentionIndex) -> list[ActorRef]:
    if tok.lower_ in PRONOUNS and speaker:
        return speaker
    if tok.lower_ in PRONOUNS:
        prior = index.before(tok.idx)
        if prior:
            return [prior[-1].actor] if prior[-1].actor else []
    return []


def _subject_of(verb: Any, index: MentionIndex, speaker: list[ActorRef]) -> list[ActorRef]:
    """Return the acting party of a verb: its subject, or its governing verb's subject."""
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in ("nsubj", "csubj"):
                found = _head_actor(child, index) or _resolve_pronoun_subject(child, speaker, index)
                if found:
                    return found
                # "its forces", "Russian units": a possessive or adjective names the party
                for sub in child.subtree:
                    m = index.at(sub)
                    if m and m.actor:
                        return [m.actor]
                if child.lower_ in PRONOUNS or any(c.lower_ in PRONOUNS for c in child.children):
                    if child.lemma_.lower() in FORCE_NOUNS:
                        # "his forces withdrew": a leader's forces are his state's (FORMAT.md)
                        owner = _resolve_pronoun_subject(
                            next(c for c in child.children if c.lower_ in PRONOUNS), speaker, index
                        )
                        return [_state_of(a) for a in owner]
                    return _resolve_pronoun_subject(
                        child
                        if child.lower_ in PRONOUNS
                        else next(c for c in child.children if c.lower_ in PRONOUNS),
                        speaker,
                        index,
                    )
                return []
            if child.dep_ == "agent":
                for pobj in child.children:
                    found = _head_actor(pobj, index)
                    if found:
                        return found
        if cur.dep_ in ("xcomp", "advcl") and cur.head.i != cur.i:
            # object control: "dispatched his envoy, Steve Witkoff, to meet Putin" — the envoy meets
            for obj in cur.head.children:
                if obj.dep_ in ("dobj", "obj") and obj.i < cur.i:
                    found = _head_actor(obj, index)
                    if found:
                        return found
        if cur.dep_ in ("xcomp", "advcl", "conj", "acl", "relcl", "pcomp") and cur.head.i != cur.i:
            if cur.dep_ == "acl" or cur.dep_ == "relcl":
                found = _head_actor(cur.head, index)
                if found:
                    return found
            cur = cur.head
            continue
        break
    return []


def _recipients(trigger: Any, index: MentionIndex, actors: list[ActorRef]) -> list[ActorRef]:
    out: list[ActorRef] = []
    for child in trigger.children:
        if child.dep_ in OBJECT_DEPS:
            out.extend(a for a in _head_actor(child, index) if a not in out)
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(a for a in _head_actor(pobj, index) if a not in out)
    return [a for a in out if a not in actors]


def _place_for(trigger: Any, sent: Any, index: MentionIndex) -> PlaceRef | None:
    """Return the most specific place in the trigger's clause (populated places before regions)."""
    s, e = _subtree_span(trigger)
    places = [m for m in index.in_span(s, e, "place") if m.place is not None]
    if not places:
        places = [m for m in index.in_span(sent.start_char, sent.end_char, "place") if m.place is not None]
        # a place elsewhere in the sentence counts only when locative
        places = [m for m in places if _is_locative_mention(m, sent)]
    if not places:
        return None

    def specificity(m: Mention) -> int:
        feat = (m.place.feature or "") if m.place else ""
        return 0 if feat.startswith(("S", "P")) else 1 if feat.startswith("L") else 2

    return sorted(places, key=specificity)[0].place


def _is_locative_mention(m: Mention, sent: Any) -> bool:
    doc = sent.doc
    for tok in sent:
        if tok.idx == m.start:
            prev = doc[tok.i - 1] if tok.i > 0 else None
            prev2 = doc[tok.i - 2] if tok.i > 1 else None
            return bool(
                prev is not None
                and (
                    prev.lower_ in ("in", "at", "near", "on", "outside", "into", "to")
                    or (prev.lower_ == "the" and prev2 is not None and prev2.lower_ in ("in", "at", "near"))
                )
            )
    return False


def _words(span_text: str) -> str:
    return " " + span_text.lower() + " "


def _mode(rule: Rule, clause_text: str, weapon_modes: dict[str, tuple[str, ...]]) -> str | None:
    text = _words(clause_text)
    if rule.mode_words:
        for mode, words in rule.mode_words.items():
            if any(f" {w}" in text for w in words):
                return mode
        return rule.mode
    if rule.mode_from_words:
        found = {mode for mode, words in weapon_modes.items() if any(f" {w}" in text for w in words)}
        return found.pop() if len(found) == 1 else None
    return rule.mode


def _modality(trigger: Any, lowered: str, governor: Any | None) -> str:
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass", "mark", "advmod")}
    if trigger.dep_ in ("xcomp",) and trigger.head.i != trigger.i:
        aux |= {c.lower_ for c in trigger.head.children if c.dep_ in ("aux", "auxpass")} | {
            trigger.head.lower_
        }
    if aux & CONDITIONAL_MARKERS - {"would"} or "if" in aux:
        return "hypothetical"
    if aux & FUTURE_MARKERS or trigger.head.lemma_ in ("plan", "due", "schedule", "set", "expect"):
        return "planned"
    if any(c.dep_ == "neg" for c in trigger.children):
        return "denied"
    if governor is not None:
        return "claimed"
    if any(h in lowered for h in HEDGES[:3]):
        return "claimed"
    if "would" in aux:
        return "hypothetical"
    return "asserted"


def _asks_for_something(verb: Any) -> bool:
    """Return True when a verb of asking has what is asked for: "for"/"on" phrase, a "to" clause
    or a "that" clause ("called for a truce", "urged Kyiv to accept", "demanded that…")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "on"
            and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in c.children)
        ):
            return True  # "called on Kyiv to…", not "called … on Friday"
        if c.dep_ in ("xcomp", "ccomp"):
            return True
        if c.dep_ == "prt" and c.lower_ == "on":
            return True
        if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in REQUESTED_THINGS:
            return True
    return False


def _is_standing(verb: Any) -> bool:
    """Return True for a demand or refusal told as a standing stance: present tense ("demands"),
    or a perfect with "long"/"repeatedly" ("has long insisted")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "advmod")}
    return bool(aux & {"has", "have"}) and bool(aux & {"long", "repeatedly", "consistently", "always"})


def _calls_a_party(verb: Any, index: MentionIndex) -> bool:
    """Return True for "Trump called Putin" (a phone call): the object is a party and nothing
    follows it that would make the verb name or urge ("called the strike a threat", "called on X to")."""
    kids = list(verb.children)
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "prt") for c in kids):
        return False
    return any(c.dep_ in OBJECT_DEPS and _head_actor(c, index) for c in kids)


def _object_lemmas(trigger: Any) -> set[str]:
    out: set[str] = set()
    for child in trigger.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ in ("prep", "prt", "xcomp", "ccomp", "advmod", "npadvmod"):
            out.update(t.lemma_.lower() for t in child.subtree)
            out.update(t.lower_ for t in child.subtree)
    return out


def find_events(
    sent: Any, index: MentionIndex, *, speaker_of_sentence: ActorRef | None = None
) -> list[EventCandidate]:
    """Return the event candidates of one parsed sentence."""
    rules, weapon_modes = lexicon()
    out: list[EventCandidate] = []
    sent_text = sent.text
    low = _words(sent_text)  # once per sentence: every rule's word checks read it
    for tok in sent:
        if tok.pos_ not in ("VERB", "NOUN", "PROPN"):
            continue
        lemma = tok.lemma_.lower()
        pos = "VERB" if tok.pos_ == "VERB" else "NOUN"
        for rule in rules:
            if rule.pos != pos or (lemma not in rule.lemmas and tok.lower_ not in rule.lemmas):
                continue
            clause = list(tok.subtree)
            clause_text = sent_text[
                clause[0].idx - sent.start_char : clause[-1].idx + len(clause[-1].text) - sent.start_char
            ]
            if rule.require_words and not any(w in low for w in rule.require_words):
                continue
            if rule.exclude_words and any(w in low for w in rule.exclude_words):
                continue
            s0, e0 = _subtree_span(tok)
            if rule.objects and not rule.objects_optional:
                objs = _object_lemmas(tok)
                has_place = bool(index.in_span(s0, e0, "place"))
                if not (
                    objs & rule.objects
                    or ("@place" in rule.objects and has_place)
                    or ("@actor" in rule.objects and _calls_a_party(tok, index))
                ):
                    continue
            if rule.needs_place and not index.in_span(s0, e0, "place"):
                continue
            if rule.needs_complement and not _asks_for_something(tok):
                continue
            if rule.type in ("REQUEST", "REJECT") and _is_standing(tok):
                continue  # "Moscow demands that…", "has long refused": a position, not an event
            governor = _speech_governor(tok)
            if pos == "NOUN" and tok.dep_ in ("dobj", "obj") and tok.head.lemma_ in REPEL_VERBS:
                break
            if governor is not None and _is_denial(tok, governor):
                break  # "said Russia's claims of having captured X were untrue": a denial, not an act
            if (
                pos == "NOUN"
                and governor is None
                and tok.dep_ in ("dobj", "obj")
                and tok.head.lemma_ in CLAIM_VERBS
            ):
                governor = tok.head
            speaker: list[ActorRef] = []
            if governor is not None:
                speaker = _subject_of(governor, index, [speaker_of_sentence] if speaker_of_sentence else [])
            if pos == "VERB":
                if tok.dep_ == "amod" or (
                    tok.tag_ == "VBN" and tok.dep_ in ("acl",) and rule.type != "ASSAULT"
                ):
                    break  # "a proposed truce": an attribute, not an act
                actors = _subject_of(tok, index, speaker)
                recipients = _recipients(tok, index, actors)
            else:
                actors = []
                for child in tok.children:
                    if child.dep_ in ("poss", "compound", "amod"):
                        actors.extend(a for a in _head_actor(child, index) if a not in actors)
                recipients = []
                for child in tok.children:
                    if child.dep_ == "prep" and child.lower_ in ("with", "on", "against", "between", "of"):
                        for pobj in child.children:
                            recipients.extend(a for a in _head_actor(pobj, index) if a not in recipients)
                if not actors and governor is not None and governor.i == tok.head.i:
                    actors = list(speaker)
                if not actors and tok.dep_ in ("dobj", "obj", "pobj") and tok.head.pos_ in ("VERB", "ADP"):
                    # "Trump held talks with Zelenskyy": the subject of the light verb
                    verb = tok.head if tok.head.pos_ == "VERB" else tok.head.head
                    actors = [a for a in _subject_of(verb, index, speaker) if a not in recipients]
                if rule.needs_with and not (actors and recipients) and not (len(recipients) >= 2):
                    break
                if rule.needs_actor and not actors:
                    break
            if not actors and speaker and rule.type in ("RETREAT",):
                actors = speaker[:1]
            if not actors and not recipients and not (speaker and rule.type in ("ASSAULT", "AGREE")):
                break  # (an unnamed attack a party reports is kept: it is that party's claim)
            mode = _mode(rule, clause_text if pos == "VERB" else sent_text, weapon_modes)
            modality = _modality(tok, low, governor)
            if modality == "claimed" and governor is None:
                speaker = speaker or []
            out.append(
                EventCandidate(
                    type=rule.type,
                    mode=mode,
                    trigger=tok,
                    actors=actors,
                    recipients=recipients,
                    place=_place_for(tok, sent, index),
                    modality=modality,
                    attributed_to=speaker[0] if speaker else None,
                    sent_start=sent.start_char,
                    sent_end=sent.end_char,
                )
            )
            break
    return _dedupe(out)


def _dedupe(events: list[EventCandidate]) -> list[EventCandidate]:
    """Return one event per (type, actor set) in a sentence: the first trigger wins."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for ev in events:
        key = (ev.type, tuple(sorted(a.ref for a in ev.actors + ev.recipients)))
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    return out
