"""Finds events (PLOVER types) in parsed sentences: trigger, actors, recipient, place, date, modality.

Triggers come from the checked rules (``events.toml``, see :mod:`parley.extract.events_lexicon`);
arguments from spaCy's dependency parse
(subject → actor, object / "with" / "on" complement → recipient), mapped onto knowledge-base
mentions. Modality comes from attribution (a trigger inside what a party says is ``claimed``),
hedges ("reportedly"), future markers (``planned``) and conditionals (``hypothetical``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from parley.analyse.doc_views import sentence_text, span_tokens, subtree_chars
from parley.analyse.mentions import Mention
from parley.extract.datelines import in_dateline
from parley.extract.events_lexicon import EventLexicon, EventWords, Rule, event_lexicon
from parley.model.records import ActorRef, DateValue, PlaceRef
from parley.rules import Rules, load_rules

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
# Acts made by saying or deciding: without the one who makes them, the party they are aimed at alone
# tells no event. (A signing, SUPPORT, is told through its ceremony, "the summit witnessed X and Y
# sign the deal", whose host is a party of it, so it is not among them.)
DOERS_NEEDED = frozenset({"ACCUSE", "REJECT", "THREATEN", "AGREE", "PROTEST", "SANCTION", "REQUEST"})
# Nouns that count a meeting out in parts ("a second round of talks", "a day of talks").
ROUNDS = frozenset({"round", "series", "session", "day"})
# Plurals that with a bare "the" still mean the two parties of a conflict ("the sides agreed").
DEFINITE_PAIRS = frozenset({"sides", "parties"})
# How far back (characters) "the group", "the two sides" look for the parties they stand for.
LOOKBACK = 1500
# Determiners that make a noun look back to something told already ("the strike", "these attacks").
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
# Prepositions that tell the weapon or attack a harm was done with ("killed in a strike", "by shelling").
WEAPON_PREPS = frozenset({"in", "by"})


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
    mirrored: bool = False  # the other side's half of a mutual act (fighting between two sides)
    unowned: bool = False  # a strike told with no doer ("killed in a strike"): the doer is read from context
    downed: bool = False  # told by weapons the target downed ("intercepted 40 drones"): no accusation


# The candidates of an article, each with the index of the sentence it was found in.
Candidates = list[tuple[int, EventCandidate]]


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


def _actors_in(tok: Any, index: MentionIndex) -> list[ActorRef]:
    """Return the actors named in a token's subtree (conjuncts included), in text order."""
    s, e = subtree_chars(tok)
    out: list[ActorRef] = []
    for m in index.in_span(s, e, "actor"):
        if m.actor is not None and m.actor not in out:
            out.append(m.actor)
    return out


def _head_actor(tok: Any, index: MentionIndex) -> list[ActorRef]:
    """Return the actor(s) a noun phrase refers to: its head's mention first, then conjuncts."""
    found: list[ActorRef] = []
    # "Putin's chief aide, Yury Ushakov": the apposition names the person, not the possessor; but a
    # head that names a party itself keeps it ("Riek Machar, a rival of Salva Kiir, was detained")
    head = index.at(tok)
    for child in tok.children:
        if child.dep_ == "appos" and not (head and head.actor and tok.pos_ == "PROPN"):
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
        # "the building where its governor was speaking": a clause telling where or when names
        # the people there or then, not the thing the noun names
        clauses = [
            subtree_chars(c)
            for c in tok.children
            if c.dep_ == "relcl" and any(w.tag_ == "WRB" and w.i < c.i for w in c.children)
        ]
        s, e = subtree_chars(tok)
        found = [
            m.actor
            for m in index.in_span(s, e, "actor")
            if m.actor is not None and not any(a <= m.start < b for a, b in clauses)
        ]
        found = list(dict.fromkeys(found))[:2]
    return found


def _is_dateline(tok: Any) -> bool:
    """Return True for a subject that is a dateline ("BAKU, Azerbaijan —" at a sentence's start,
    or "Baku, 12 May 2025 -" with the date parsed apart: extract/datelines.py)."""
    toks = list(tok.subtree)
    return in_dateline(tok.doc.text, tok.idx) or (
        toks[0].i == tok.sent.start and any(t.text in ("—", "–", "-") for t in toks)
    )


def _words(span_text: str) -> str:
    return " " + span_text.lower() + " "


def _is_standing(verb: Any, adverbs: frozenset[str]) -> bool:
    """Return True for a demand or refusal told as a standing stance: present tense ("demands"),
    or a perfect with one of ``adverbs`` ("has long insisted")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "advmod")}
    return bool(aux & {"has", "have"}) and bool(aux & adverbs)


def _calls_a_party(verb: Any, index: MentionIndex, party_of: Any = None) -> bool:
    """Return True for "Trump called Putin" (a phone call): the object is a party and nothing
    follows it that would make the verb name or urge ("called the strike a threat", "called on X to")."""
    kids = list(verb.children)
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "prt") for c in kids):
        return False
    find = party_of or (lambda c: _head_actor(c, index))
    return any(c.dep_ in OBJECT_DEPS and find(c) for c in kids)


MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"}
)  # fmt: skip


def _names_a_day(tok: Any) -> bool:
    """Return True when a date word before a noun names a day of the calendar ("the November 27
    ceasefire", "the 27 November truce"), not a length ("a 60-day truce", "six-week-old")."""
    return any(t.lower_ in MONTHS for t in tok.subtree) or any(
        t.lower_ in MONTHS for t in tok.head.children if t.ent_type_ == "DATE"
    )


def _promised_by(trigger: Any, heads: frozenset[str]) -> Any | None:
    """Return the verb of promise or threat whose "to" complement tells the act ("Hamas pledged
    to release the hostages", "the sides agreed to exchange prisoners", "Israel threatened to
    strike Beirut"; a noun act through its light verb: "agreed to hold talks"), else None. Such
    an act is announced for later, not done."""
    verb = trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj") and trigger.head.pos_ == "VERB":
        verb = trigger.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ == "advcl" and not any(c.dep_ in OBJECT_DEPS for c in head.children):
        pass  # "offered on Wednesday to meet": a phrase between them may make it an adverbial
    elif verb.dep_ != "xcomp":
        return None
    return head if head.lemma_.lower() in heads else None


def _object_lemmas(trigger: Any) -> set[str]:
    """Return the words of what a verb acts on: its objects and complements, and the subject of a
    passive whose doer an agent names ("the talks were chaired by Qatar"; without one, "prisoners
    were released" tells no party and stays out)."""
    passive_known = any(c.dep_ == "agent" for c in trigger.children)
    out: set[str] = set()
    for child in trigger.children:
        if child.dep_ == "nsubjpass" and passive_known:
            out.update(t.lemma_.lower() for t in child.subtree)
            out.update(t.lower_ for t in child.subtree)
        if child.dep_ in OBJECT_DEPS or child.dep_ in ("prep", "prt", "xcomp", "ccomp", "advmod", "npadvmod"):
            out.update(t.lemma_.lower() for t in child.subtree)
            out.update(t.lower_ for t in child.subtree)
    return out


class _NextRule:
    """The verdict of a rule whose own checks fail on a token: the next rule for its word is tried."""


NEXT_RULE = _NextRule()


class EventFinder:
    """Finds the event candidates of parsed sentences, with one lexicon, mention index and registry.

    The lexicon comes from the rules, the mentions from the article, the registry (which state a
    person acts for) from the knowledge base: all passed in, none fetched from a global.
    """

    def __init__(self, lexicon: EventLexicon, index: MentionIndex, registry: Any) -> None:
        self.lex = lexicon
        self.w: EventWords = lexicon.words
        self.index = index
        self.registry = registry
        # verbs of blame ("condemned the attacks", "accused Russia of strikes"): their subject judges
        # the act named in their object, it never did it
        self._blaming = frozenset(
            lemma
            for r in lexicon.rules
            if r.mode in ("allege", "disapprove") and r.pos == "VERB"
            for lemma in r.lemmas
        )

    # -- the trigger loop ---------------------------------------------------------------------

    def find(self, sent: Any, speaker_of_sentence: ActorRef | None = None) -> list[EventCandidate]:
        """Return the event candidates of one parsed sentence.

        For each token, the rules that take its lemma are tried by priority: a rule whose own
        checks fail gives way to the next; the first that passes them decides the token, and a
        token that reads as no event at all (a denial, an attribute) stops the search.
        """
        out: list[EventCandidate] = []
        low = _words(sentence_text(sent))  # once per sentence: every rule's word checks read it
        for tok in span_tokens(sent):
            if tok.pos_ not in ("VERB", "NOUN", "PROPN"):
                continue
            lemma = tok.lemma_.lower()
            pos = "VERB" if tok.pos_ == "VERB" else "NOUN"
            for rule in self.lex.rules:
                if rule.pos != pos or (lemma not in rule.lemmas and tok.lower_ not in rule.lemmas):
                    continue
                if not self._rule_fits(rule, tok, low):
                    continue
                found = self._candidate(rule, tok, sent, low, speaker_of_sentence)
                if found is NEXT_RULE:
                    continue
                if isinstance(found, EventCandidate):
                    out.append(found)
                    if rule.mutual:
                        out.extend(_mirrored(found))
                break
        out.extend(self._demands(sent, speaker_of_sentence))
        return _dedupe(out)

    def _demands(self, sent: Any, speaker_of_sentence: ActorRef | None) -> list[EventCandidate]:
        """Return a REQUEST for each reported clause in which a speaker says another party should
        or must act ("the ministry warned that Rwanda should end its support for the rebels"): a
        call on that party voiced in the news (FORMAT.md), whatever the verb of the act."""
        out: list[EventCandidate] = []
        said_by = [speaker_of_sentence] if speaker_of_sentence else []
        for tok in span_tokens(sent):
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            modal = tok  # the verb that carries the call and its subject: "must end", "has to end"
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in self.w.demand_heads:
                modal = tok.head
            elif not any(c.dep_ == "aux" and c.lower_ in self.w.demand_modals for c in tok.children):
                continue
            governor = self._speech_governor(modal)
            if governor is None or governor.pos_ != "VERB" or any(c.dep_ == "neg" for c in modal.children):
                continue
            speaker = self._subject_of(governor, said_by)
            called = [
                a
                for c in modal.children
                if c.dep_ == "nsubj" and c.lower_ not in self.w.pronouns
                for a in self._forces_of(c)
            ]
            if not speaker or not called or called[0].ref == speaker[0].ref:
                continue
            if called[0].side and called[0].side == speaker[0].side:
                continue  # "the minister said the country must stay united": no call on another party
            out.append(
                EventCandidate(
                    type="REQUEST",
                    mode=None,
                    trigger=tok,
                    actors=speaker[:1],
                    recipients=called[:1],
                    place=None,
                    modality="asserted",
                    attributed_to=speaker[0],
                    sent_start=sent.start_char,
                    sent_end=sent.end_char,
                )
            )
        return out

    def _rule_fits(self, rule: Rule, tok: Any, low: str) -> bool:
        """Return True when the words around a trigger pass the rule's own checks."""
        if rule.require_words and not any(w in low for w in rule.require_words):
            return False
        if rule.exclude_words and any(w in low for w in rule.exclude_words):
            return False
        s0, e0 = subtree_chars(tok)
        if rule.objects and not rule.objects_optional:
            objs = _object_lemmas(tok)
            has_place = bool(self.index.in_span(s0, e0, "place"))
            if not (
                objs & rule.objects
                or ("@place" in rule.objects and has_place)
                or ("@actor" in rule.objects and _calls_a_party(tok, self.index, self._forces_of))
            ):
                return False
        if rule.needs_place and not self.index.in_span(s0, e0, "place"):
            return False
        if rule.mode == "ceasefire" and not self._truce_in_force(tok):
            return False
        if rule.needs_complement and not self._asks_for_something(tok):
            return False
        if rule.complement_of and not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in rule.complement_of):
            return False
        if rule.type == "REQUEST" and self._asks_the_public(tok):
            return False
        # "Moscow demands that…", "has long refused": a position, not an event
        return not (rule.type in ("REQUEST", "REJECT") and _is_standing(tok, self.w.standing_adverbs))

    def _candidate(
        self, rule: Rule, tok: Any, sent: Any, low: str, speaker_of_sentence: ActorRef | None
    ) -> EventCandidate | _NextRule | None:
        """Return the event a trigger and its rule make; NEXT_RULE when the rule's parties are
        missing (another rule may fit); None when the token is no event at all."""
        pos = rule.pos
        governor = self._speech_governor(tok)
        repelled = tok.dep_ in ("dobj", "obj", "nsubjpass") and tok.head.lemma_ in self.w.repel_verbs
        if pos == "NOUN" and repelled:
            return None  # "repelled the assault", "the assault was thwarted"
        if rule.type not in ("REQUEST", "REJECT", "AGREE") and self._is_unreal(tok):
            return None  # "urged Kyiv to withdraw", "the deal requires Rwanda to withdraw"
        if governor is not None and self._is_denial(tok, governor):
            return None  # "said Russia's claims of having captured X were untrue": a denial, not an act
        if (
            pos == "NOUN"
            and governor is None
            and tok.dep_ in ("dobj", "obj")
            and tok.head.lemma_ in self.w.claim_verbs
        ):
            governor = tok.head
        speaker: list[ActorRef] = []
        if governor is not None and governor.pos_ == "NOUN" and governor.lemma_.lower() in self.w.claim_nouns:
            # "Russia's claim that…" is Russia's; bare "reports that…" are nobody's in particular
            speaker = [a for c in governor.children if c.dep_ == "poss" for a in _head_actor(c, self.index)]
        elif governor is not None:
            speaker = self._subject_of(governor, [speaker_of_sentence] if speaker_of_sentence else [])
        parties = (
            self._verb_parties(rule, tok, speaker)
            if pos == "VERB"
            else self._noun_parties(rule, tok, governor, speaker)
        )
        if not isinstance(parties, tuple):
            return parties  # None (an attribute) or NEXT_RULE (the rule's parties are missing)
        actors, recipients = parties[0], self._other_sides(rule.type, *parties)
        truce = rule.mode == "ceasefire"
        if not actors and speaker and rule.type in ("RETREAT",) and not truce:
            actors = speaker[:1]
        unowned = not actors and not recipients and rule.type == "ASSAULT" and self._told_by_weapon(tok)
        if (
            not actors
            and not recipients
            and not (speaker and rule.type in ("ASSAULT", "AGREE"))
            and not unowned
        ):
            return None  # (an unnamed attack a party reports is kept: it is that party's claim)
        if not actors and rule.type in DOERS_NEEDED and not self._told_of_an_agent(tok):
            return None  # "the statement blamed Madobe's forces": a statement blames nobody by itself
        clause = list(tok.subtree)
        sent_text = sentence_text(sent)
        clause_text = sent_text[
            clause[0].idx - sent.start_char : clause[-1].idx + len(clause[-1].text) - sent.start_char
        ]
        modality = self._modality(tok, low, governor)
        if rule.by_object and modality == "claimed":
            # a side counting the drones it downed tells a raid on itself, not an act it claims
            # (its count is no claim unless disputed: conventions)
            modality = "asserted"
        if rule.complement_of and (
            modality == "planned" or (modality == "claimed" and actors[:1] == speaker[:1])
        ):
            modality = "asserted"  # "said it was ready to host talks": the declaration is the act
        warning = governor if governor is not None else _promised_by(tok, self.w.promising_heads)
        kind, modality = self._warned(rule.type, modality, warning, bool(actors or recipients))
        return EventCandidate(
            type=kind,
            mode=self._mode(rule, clause_text if pos == "VERB" else sent_text),
            trigger=tok,
            actors=actors,
            recipients=recipients,
            place=self._place_for(tok, sent),
            modality=modality,
            attributed_to=speaker[0] if speaker else None,
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            downed=rule.by_object,
            unowned=unowned,
        )

    def _verb_parties(
        self, rule: Rule, tok: Any, speaker: list[ActorRef]
    ) -> tuple[list[ActorRef], list[ActorRef]] | None:
        """Return (actors, recipients) of a verb trigger, or None for an attribute ("a proposed truce")."""
        if tok.dep_ == "amod" or (tok.tag_ == "VBN" and tok.dep_ in ("acl",) and rule.type != "ASSAULT"):
            return None
        actors = self._subject_of(tok, speaker)
        if not actors and rule.type == "ASSAULT":
            # "one more was killed in Israeli shelling": the weapon's owner is the doer
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in WEAPON_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and self.is_weapon(pobj):
                            actors = actors or self._weapon_owner(pobj)
        if rule.by_object:
            # "air defences downed 40 Ukrainian drones": the drones' owner attacked the subject's side
            owners: list[ActorRef] = []
            for obj in (c for c in tok.children if c.dep_ in OBJECT_DEPS):
                for t in obj.subtree:  # "30 of the 45 Iranian drones"
                    if t.lemma_.lower() in rule.objects or t.lower_ in rule.objects:
                        owned = self._demonym_states(t) + [
                            a for ch in t.children if ch.dep_ == "poss" for a in _head_actor(ch, self.index)
                        ]  # "Ukrainian drones", "Ukraine's drones"; not the places they flew at
                        owners += [a for a in owned if a not in owners]
            if not owners:
                return None  # "downed 60 drones": whose drones, the text does not say
            return owners, [a for a in actors if a not in owners]
        recipients = self._recipients(tok, actors)
        if rule.type == "COERCE" and tok.tag_ == "VBN":
            # "Machar was detained on Tuesday": the one held is the passive's subject
            for child in tok.children:
                if child.dep_ == "nsubjpass":
                    recipients.extend(a for a in self._forces_of(child) if a not in recipients + actors)
        return actors, recipients

    def _noun_parties(
        self, rule: Rule, tok: Any, governor: Any | None, speaker: list[ActorRef]
    ) -> tuple[list[ActorRef], list[ActorRef]] | _NextRule:
        """Return (actors, recipients) of a noun trigger, or NEXT_RULE when the rule's parties are missing."""
        index = self.index
        actors: list[ActorRef] = []
        for child in tok.children:
            if child.dep_ in ("poss", "compound", "amod"):
                actors.extend(a for a in _head_actor(child, index) if a not in actors)
        recipients: list[ActorRef] = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in self.w.noun_recipient_preps:
                for pobj in child.children:
                    recipients.extend(a for a in self._forces_of(pobj) if a not in recipients)
        if not actors and governor is not None and governor.i == tok.head.i:
            actors = list(speaker)
        if not actors:
            actors = self._claimant_of(tok, speaker)
        host: list[ActorRef] = []
        if not actors:
            actors = self._participle_agent(tok)
            if actors and rule.needs_with and not recipients:
                # "initialed the treaty during talks hosted by Trump": the parties are the clause's
                # subject, the host is a party too (after them)
                host, actors = actors, []
        if not actors:
            actors = [a for a in self._noun_agent(tok) if a not in recipients]
        if not actors and tok.dep_ in ("dobj", "obj", "pobj") and tok.head.pos_ in ("VERB", "ADP"):
            # "Trump held talks with Zelenskyy": the subject of the light verb
            # ("following a meeting with Macron": a preposition tagged as a verb leads on to the clause)
            verb = tok.head if tok.head.pos_ == "VERB" and tok.head.dep_ != "prep" else tok.head.head
            if verb.lemma_.lower() in ROUNDS and tok.head.lower_ == "of" and verb.dep_ in ("dobj", "obj"):
                verb = verb.head  # "concluded a second round of talks": the verb of the round
            if verb.lemma_.lower() not in self._blaming:
                actors = [a for a in self._subject_of(verb, speaker, rule.needs_with) if a not in recipients]
        if host:
            actors = actors or host
            recipients = [a for a in host if a not in actors]
        if rule.needs_with and not (actors and recipients) and len(recipients) < 2 and len(actors) < 2:
            return NEXT_RULE
        if rule.needs_actor and not actors:
            return NEXT_RULE
        return actors, recipients

    def _told_of_an_agent(self, trigger: Any) -> bool:
        """Return True when the clause of an act has a subject that can act: a name, a pronoun
        (a relative one too: "Carney, who offered support"), or a word for a party ("the army",
        "the country", "the spokesperson", "the rebels"), even one the mentions do not resolve. A
        thing ("the statement blamed X", "the firing threatened the deal", "the most important
        point is having reached an agreement") or no subject at all names nobody who did it."""
        w = self.w
        words = w.force_nouns | w.institution_nouns | w.pair_nouns | w.group_anaphors | w.state_nouns
        cur = trigger
        if trigger.pos_ != "VERB" and trigger.dep_ in ("dobj", "obj") and trigger.head.pos_ == "VERB":
            cur = trigger.head  # "launched an appeal": the light verb's subject
        for _ in range(4):
            subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            if subjects:
                s = subjects[0]
                return (
                    s.pos_ in ("PROPN", "PRON")
                    or s.lemma_.lower() in words
                    or s.lower_ in words
                    or (s.dep_ == "nsubj" and (s.tag_ == "NNS" or any(c.dep_ == "conj" for c in s.children)))
                )
            if (
                cur.dep_ not in ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "ccomp")
                or cur.head.i == cur.i
            ):
                break
            cur = cur.head
        return False

    def _participle_agent(self, tok: Any) -> list[ActorRef]:
        """Return the doer a participle names after a noun trigger ("a drone attack launched by the
        RSF", "talks hosted by Trump")."""
        for child in tok.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            found = _head_actor(pobj, self.index)
                            if found:
                                return found
        return []

    def _noun_agent(self, tok: Any) -> list[ActorRef]:
        """Return the doer a noun trigger names itself: a "by" phrase ("attacks by the RSF on
        the city", "a visit by Rubio to Kigali"), else demonyms before it ("Israeli strikes",
        "Russian and Belarusian exercises"), which the mention finder does not read as parties."""
        for child in tok.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                for pobj in child.children:
                    found = self._forces_of(pobj)
                    if found:
                        return found
        return self._demonym_states(tok)

    def _collective(self, tok: Any) -> list[ActorRef]:
        """Return the parties a noun phrase looks back to: "the coalition", "the rebels" to the
        armed group or body last named; "the two sides", "both countries" to the two parties last
        named (the leaders' states for "both countries", the leaders for "both leaders")."""
        word, lemma = tok.lower_, tok.lemma_.lower()
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
        prior = [
            m.actor for m in self.index.before(tok.idx) if m.actor is not None and m.end > tok.idx - LOOKBACK
        ]
        if (word in self.w.group_anaphors or lemma in self.w.group_anaphors) and dets & {
            "the",
            "this",
            "that",
        }:
            return [a for a in prior if a.kind in ("group", "organization")][-1:]
        pair = dets & {"both", "two"} or (word in DEFINITE_PAIRS and "the" in dets)
        if (word in self.w.pair_nouns or lemma in self.w.pair_nouns) and pair:
            people = lemma == "leader"
            parties: list[ActorRef] = []
            for actor in reversed(prior):
                party = actor if people else self._state_of(actor)
                if (party.kind == "person") != people:
                    continue
                if all(party.ref != p.ref for p in parties):
                    parties.append(party)
                if len(parties) == 2:
                    return parties[::-1]
        return []

    def is_weapon(self, tok: Any) -> bool:
        """Return True for a noun that names weapons or an attack ("drones", "shelling", "strike")."""
        word, lemma = tok.lower_, tok.lemma_.lower()
        if any(word in ws or lemma in ws for ws in self.lex.weapon_modes.values()):
            return True
        return any(r.type == "ASSAULT" and r.pos == "NOUN" and lemma in r.lemmas for r in self.lex.rules)

    def _weapon_owner(self, tok: Any) -> list[ActorRef]:
        """Return the party whose weapon or attack a noun names: its demonyms ("Israeli
        shelling") or the doer a participle or "by" phrase gives ("a drone attack launched by
        the RSF", "attacks by the army")."""
        return self._demonym_states(tok) or self._participle_agent(tok) or self._noun_agent(tok)

    def _told_by_weapon(self, verb: Any) -> bool:
        """Return True for a harm a verb tells by its weapon or attack alone ("an air strike hit a
        tent", "five were killed in a strike", "wounded by shelling"): a strike whose doer the
        sentence leaves to the reader, who reads it from the strikes told around it."""
        if verb.pos_ != "VERB":
            return False
        weapons = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        for child in verb.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in WEAPON_PREPS):
                weapons += [p for p in child.children if p.dep_ == "pobj"]
        # "the strike", "these attacks" look back to a strike told already: a retelling, no new act
        return any(
            self.is_weapon(w) and not any(d.dep_ == "det" and d.lower_ in DEFINITE_DETS for d in w.children)
            for w in weapons
        )

    def _claims_responsibility(self, tok: Any) -> bool:
        """Return True for the act of "claimed responsibility for the attack", "took credit for"."""
        prep = tok.head
        return (
            tok.dep_ == "pobj"
            and prep.lower_ == "for"
            and prep.head.lemma_.lower() in self.w.responsibility
            and prep.head.dep_ in ("dobj", "obj")
            and prep.head.head.pos_ == "VERB"
        )

    def _claimant_of(self, tok: Any, speaker: list[ActorRef]) -> list[ActorRef]:
        """Return the party that claims responsibility for an act ("the group claimed
        responsibility for the attack"): the one who claims an act is its author (conventions)."""
        if not self._claims_responsibility(tok):
            return []
        return self._subject_of(tok.head.head.head, speaker)

    # -- what the parse says about a trigger ----------------------------------------------------

    def _speech_governor(self, tok: Any) -> Any | None:
        """Return the verb of saying whose reported clause contains ``tok``, if any."""
        for t in tok.subtree:
            if t.dep_ == "relcl" and t.i > tok.i and self._trailing_attribution(t):
                return t  # "X captured the village of Y, the ministry claims": hung on the last noun
        cur = tok
        noun_governor = None
        while True:
            for child in cur.children:
                if child.dep_ == "prep" and child.lower_ == "according" and child.i != tok.i:
                    return child  # "X captured Y on Monday, according to Z": Z's account
                if child.i > tok.i and self._trailing_attribution(child):
                    return child  # "X captured Y on Monday, Moscow claimed": parsed beside the clause
            if cur.head.i == cur.i:
                break
            if cur.dep_ in ("ccomp", "xcomp", "advcl", "pcomp") and cur.head.lemma_ in self.w.governing:
                return cur.head
            if cur.dep_ in ("ccomp", "pobj", "pcomp") and cur.head.lemma_ in ("accord",):
                return cur.head
            if noun_governor is None and self._content_of_claim_noun(cur):
                # "the claim that its forces had struck…", "reports that X attacked": an account,
                # whose teller is the speaker above it if any ("Tedros said reports that…")
                noun_governor = cur.head
            if (
                cur.dep_ == "relcl"
                and any(c.dep_ == "mark" for c in cur.children)
                and cur.head.dep_ in ("npadvmod", "tmod")
                and cur.head.head.lemma_ in self.w.governing
            ):
                return cur.head.head  # "said the next day that…": the clause parsed as the day's
            cur = cur.head
        return noun_governor

    def _content_of_claim_noun(self, clause: Any) -> bool:
        """Return True for a "that" clause telling what a claim, report or allegation says ("the
        claim that its forces had struck the refinery", "reports that troops entered the town"):
        an act known only through someone's account, whoever (or whatever outlet) repeats it."""
        if clause.head.lemma_.lower() not in self.w.claim_nouns or clause.head.pos_ != "NOUN":
            return False
        if clause.dep_ in ("acl", "ccomp"):
            return True
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
        return clause.dep_ == "relcl" and bool(marks)

    def _trailing_attribution(self, verb: Any) -> bool:
        """Return True for a verb of saying that closes a clause as its attribution ("…, Moscow
        claimed", "…, the ministry claims"), which the parser hangs beside the clause
        (parataxis) or on its last noun (a relative clause) instead of above it."""
        if verb.lemma_ not in self.w.governing or not any(c.dep_ == "nsubj" for c in verb.children):
            return False
        if verb.dep_ == "parataxis":
            return True
        if verb.dep_ != "relcl" or any(c.dep_ in OBJECT_DEPS or c.dep_ == "ccomp" for c in verb.children):
            return False
        rest = verb.doc[verb.i + 1 : verb.sent.end]
        return all(t.is_punct for t in rest) and verb.doc[verb.left_edge.i - 1].text == ","

    def _warned(self, kind: str, modality: str, governor: Any | None, parties: bool) -> tuple[str, str]:
        """Return the type and modality of an act told under a warning: an attack that will or
        would come ("warned that Israel will target the Lebanese state") is the warning's threat,
        made (asserted), not a planned attack; any other act is as found."""
        if (
            kind == "ASSAULT"
            and modality in ("planned", "hypothetical")
            and governor is not None
            and governor.lemma_.lower() in self.w.warning_verbs
            and parties
        ):
            return "THREATEN", "asserted"
        return kind, modality

    def _truce_in_force(self, tok: Any) -> bool:
        """Return True for a truce told as declared or in force: the subject or object of a verb
        of its coming into being ("the ceasefire took effect", "declared a truce"), the object of
        "since" ("since the ceasefire"), or named by its day ("the November 27 ceasefire"). A truce
        asked for, agreed to or breached is told by those acts, not as a ceasefire of its own."""
        if (
            tok.dep_ in ("nsubj", "nsubjpass", "dobj", "obj")
            and tok.head.lemma_.lower() in self.w.truce_starts
        ):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "since":
            return True
        return any(
            c.ent_type_ == "DATE" and c.dep_ in ("compound", "nmod", "amod", "nummod") and _names_a_day(c)
            for c in tok.children
        )  # "the November 27 ceasefire", not "a 60-day truce"

    def _is_unreal(self, trigger: Any) -> bool:
        """Return True when a trigger is an act asked for, owed or refused rather than one that
        happened: the complement of a demand or refusal ("urged Kyiv to withdraw", "Hamas's refusal
        to release"), or under "should"/"must"."""
        unreal = self.w.unreal_heads
        if any(c.dep_ == "aux" and c.lower_ in unreal for c in trigger.children):
            return True
        if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj") and trigger.head.pos_ == "VERB":
            trigger = trigger.head  # "urged Kyiv to hold talks": the act is the light verb's
        head = trigger.head
        return trigger.dep_ in ("xcomp", "acl", "ccomp") and (
            head.lemma_.lower() in unreal or head.lower_ in unreal
        )

    def _is_denial(self, trigger: Any, governor: Any) -> bool:
        """Return True when the statement governing a trigger rejects it ("denied that…", "said the
        claims of having captured X were untrue")."""
        if governor.lemma_ == "deny":
            return True
        if governor.pos_ == "NOUN" and governor.head.lemma_.lower() in self.w.denial_words:
            return True  # "denied reports that its troops had entered the town"
        cur = trigger
        while cur.i != governor.i and cur.head.i != cur.i:
            cur = cur.head
            if any(
                c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.w.denial_words for c in cur.children
            ):
                return True
        return False

    def _demonym_states(self, tok: Any) -> list[ActorRef]:
        """Return the states the demonyms modifying a noun name ("Thai and Cambodian"), in text order."""
        states: list[ActorRef] = []
        for child in tok.children:
            if child.dep_ not in ("amod", "nmod", "compound"):
                continue
            for word in (child, *child.conjuncts):
                entry = self.registry.state_for_demonym(word.text)
                ref = self.registry.resolve(entry.name) if entry is not None else None
                if ref is not None and all(ref.ref != a.ref for a in states):
                    states.append(ref)
        return states

    def _forces_of(self, tok: Any) -> list[ActorRef]:
        """Return the parties of a force noun with its demonyms ("Thai and Cambodian troops",
        "Israeli and Egyptian soldiers"): the mention finder reads only the demonym next to the noun,
        so the ones coordinated before it are read here, each as its state, in text order."""
        found = _head_actor(tok, self.index)
        held = tok.lemma_.lower() in self.w.state_nouns or tok.lower_ in self.w.state_nouns
        if tok.lemma_.lower() not in self.w.force_nouns and not held:
            return found
        states = self._demonym_states(tok)
        if len(states) < 2 and not (held and states and not found):
            return found
        return states + [a for a in found if all(a.ref != b.ref for b in states)]

    def _state_of(self, actor: ActorRef) -> ActorRef:
        """Return the state a person acts for (from the registry), else the actor itself."""
        if actor.kind != "person" or not actor.affiliation:
            return actor
        entry = self.registry.get(actor.affiliation)
        state = self.registry.resolve(entry.name) if entry is not None else None
        return state or actor

    def _resolve_pronoun_subject(self, tok: Any, speaker: list[ActorRef]) -> list[ActorRef]:
        if tok.lower_ in self.w.pronouns and speaker:
            return speaker
        if tok.lower_ in self.w.pronouns:
            prior = self.index.before(tok.idx)
            if tok.lower_ in ("he", "she", "his", "her"):
                # "he", "she" stand for a person: the last person named, not the last place or state
                people = [m for m in prior if m.actor is not None and m.actor.kind == "person"]
                prior = people or prior
            elif tok.lower_ in ("they", "their", "them"):
                # a plural stands for a body or state, or for several people, never for one person
                prior = [m for m in prior if m.actor is not None and m.actor.kind != "person"]
            if prior:
                return [prior[-1].actor] if prior[-1].actor else []
        return []

    def _pronoun_subject(self, child: Any, speaker: list[ActorRef]) -> list[ActorRef]:
        """Return the party of a subject that is or has a pronoun ("it", "his forces")."""
        pronouns = self.w.pronouns
        if child.lemma_.lower() in self.w.force_nouns:
            # "his forces withdrew": a leader's forces are his state's (FORMAT.md)
            owner = self._resolve_pronoun_subject(
                next(c for c in child.children if c.lower_ in pronouns), speaker
            )
            return [self._state_of(a) for a in owner]
        return self._resolve_pronoun_subject(
            child if child.lower_ in pronouns else next(c for c in child.children if c.lower_ in pronouns),
            speaker,
        )

    def _subject_of(self, verb: Any, speaker: list[ActorRef], passive: bool = False) -> list[ActorRef]:
        """Return the acting party of a verb: its subject, or its governing verb's subject. The
        subject of a passive verb counts when the act is that verb's complement ("the two sides are
        expected to meet", "the minister was invited to attend"), or, with ``passive``, when a
        meeting noun is told under it ("the government is engaged in talks with the rebels"): there
        the one the passive tells of takes part in the act."""
        index, pronouns = self.index, self.w.pronouns
        cur, raised = verb, passive and verb.tag_ == "VBN"
        for _ in range(4):
            for child in cur.children:
                # "the two sides are expected to meet", "the army was forced to withdraw": the subject
                # of a passive verb above the act is the act's subject
                if child.dep_ in ("nsubj", "csubj") or (raised and child.dep_ == "nsubjpass"):
                    found = self._forces_of(child) or self._resolve_pronoun_subject(child, speaker)
                    if found:
                        return found
                    # "its forces", "Russian units": a possessive or adjective names the party
                    for sub in child.subtree:
                        m = index.at(sub)
                        if m and m.actor:
                            if child.lemma_.lower() in ("country", "government", "nation", "administration"):
                                return [self._state_of(m.actor)]  # "his country": the leader's state
                            return [m.actor]
                    if self.is_weapon(child):
                        # "Russian drones struck…", "Israeli shelling killed…", "a drone attack
                        # launched by the RSF struck…": the demonym or agent names the party
                        # whose weapons they are
                        named = self._weapon_owner(child) or (
                            # "the army said its jets bombed…": the weapons are the pronoun's party's
                            self._pronoun_subject(child, speaker)
                            if any(c.lower_ in pronouns and c.dep_ == "poss" for c in child.children)
                            else []
                        )
                        if named:
                            return named
                        continue  # a parse may hang the named doer on as a second subject
                    named = self._collective(child)
                    if named:
                        return named
                    if child.lower_ in pronouns or any(c.lower_ in pronouns for c in child.children):
                        return self._pronoun_subject(child, speaker)
                    if _is_dateline(child) and any(c.dep_ == "nsubj" and c.i > child.i for c in cur.children):
                        continue  # "BAKU, Azerbaijan — troops left…": a dateline parsed as a subject
                    return []
                if child.dep_ == "agent":
                    for pobj in child.children:
                        found = _head_actor(pobj, index) or (
                            self._weapon_owner(pobj) if self.is_weapon(pobj) else []
                        )
                        if found:
                            return found
            if cur.dep_ in ("xcomp", "advcl") and cur.head.i != cur.i:
                # object control: "dispatched his envoy, Steve Witkoff, to meet Putin" — the envoy meets
                for obj in cur.head.children:
                    if obj.dep_ in ("dobj", "obj") and obj.i < cur.i:
                        found = _head_actor(obj, index)
                        if found:
                            return found
            if (
                cur.dep_ == "pcomp"
                and cur.head.dep_ == "prep"
                and cur.head.lower_ in self.w.time_preps
                and cur.head.head.pos_ in ("VERB", "AUX")
            ):
                # "spoke to reporters after meeting with Grossi": the clause's subject meets
                cur = cur.head.head
                continue
            if (
                cur.dep_ in ("xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "acomp")
                and cur.head.i != cur.i
            ):
                if cur.dep_ == "acl" or cur.dep_ == "relcl":
                    found = _head_actor(cur.head, index)
                    if found:
                        return found
                raised = cur.dep_ == "xcomp" and cur.head.tag_ == "VBN"
                cur = cur.head
                continue
            break
        return []

    def _other_sides(self, kind: str, actors: list[ActorRef], recipients: list[ActorRef]) -> list[ActorRef]:
        """Return the recipients without the state a person among the actors acts for: "Starmer
        said he would send British troops to Ukraine" acts on Ukraine, not on Britain (FORMAT: a
        party does or suffers the act; a leader's own forces are his side, not the other). Talks
        keep it: "Rubio met the US and Ukrainian delegations" has the state's delegation at the table."""
        if kind == "CONSULT":
            return recipients
        own = {self._state_of(a).ref for a in actors if a.kind == "person"}
        return [r for r in recipients if r.ref not in own]

    def _recipients(self, trigger: Any, actors: list[ActorRef]) -> list[ActorRef]:
        out: list[ActorRef] = []
        for child in trigger.children:
            if child.dep_ in OBJECT_DEPS:
                # "condemned the Israeli strikes", "denounced the killing … by the regime": an act
                # as object stands for its doer
                # ("condemned the killing of Yemen's premier by Israel": the doer, not the victim)
                by_agent = [c for c in child.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
                act_doer = self._noun_agent(child) if child.pos_ == "NOUN" and by_agent else []
                found = (
                    act_doer
                    or self._forces_of(child)
                    or (self._noun_agent(child) if child.pos_ == "NOUN" else [])
                )
                out.extend(a for a in found if a not in out)
            if child.dep_ == "prep" and child.lower_ in self.w.recipient_preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.extend(a for a in self._forces_of(pobj) if a not in out)
        return [a for a in out if a not in actors]

    def _place_for(self, trigger: Any, sent: Any) -> PlaceRef | None:
        """Return the most specific place in the trigger's clause (populated places before regions)."""
        s, e = subtree_chars(trigger)
        places = [m for m in self.index.in_span(s, e, "place") if m.place is not None]
        if not places:
            places = [
                m for m in self.index.in_span(sent.start_char, sent.end_char, "place") if m.place is not None
            ]
            # a place elsewhere in the sentence counts only when locative
            places = [m for m in places if self._is_locative_mention(m, sent)]
        if not places:
            return None

        def specificity(m: Mention) -> int:
            feat = (m.place.feature or "") if m.place else ""
            return 0 if feat.startswith(("S", "P")) else 1 if feat.startswith("L") else 2

        return sorted(places, key=specificity)[0].place

    def _is_locative_mention(self, m: Mention, sent: Any) -> bool:
        doc = sent.doc
        for tok in sent:
            if tok.idx == m.start:
                prev = doc[tok.i - 1] if tok.i > 0 else None
                prev2 = doc[tok.i - 2] if tok.i > 1 else None
                return bool(
                    prev is not None
                    and (
                        prev.lower_ in self.w.locative_preps
                        or (
                            prev.lower_ == "the"
                            and prev2 is not None
                            and prev2.lower_ in self.w.locative_preps_before_article
                        )
                    )
                )
        return False

    def _mode(self, rule: Rule, clause_text: str) -> str | None:
        text = _words(clause_text)
        if rule.mode_words:
            for mode, words in rule.mode_words.items():
                if any(f" {w}" in text for w in words):
                    return mode
            return rule.mode
        if rule.mode_from_words:
            found = {
                mode for mode, words in self.lex.weapon_modes.items() if any(f" {w}" in text for w in words)
            }
            return found.pop() if len(found) == 1 else None
        return rule.mode

    def _modality(self, trigger: Any, lowered: str, governor: Any | None) -> str:
        aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass", "mark", "advmod")}
        if trigger.dep_ in ("xcomp",) and trigger.head.i != trigger.i:
            aux |= {c.lower_ for c in trigger.head.children if c.dep_ in ("aux", "auxpass")} | {
                trigger.head.lower_
            }
        # "a potential meeting", "the upcoming talks": the noun's own adjective tells
        aux |= {c.lower_ for c in trigger.children if c.dep_ == "amod" and trigger.pos_ == "NOUN"}
        if aux & self.w.conditional - {"would"} or "if" in aux:
            return "hypothetical"
        if (
            trigger.pos_ == "NOUN"
            and trigger.dep_ == "pobj"
            and trigger.head.lower_ == "of"
            and trigger.head.head.lemma_ in self.w.risk_heads
        ):
            return "hypothetical"  # "citing the risk of increased attacks": an act that may come
        planning = self.w.planning_heads
        if aux & self.w.future or trigger.head.lemma_ in planning:
            return "planned"
        if trigger.dep_ == "pobj" and trigger.pos_ == "NOUN" and trigger.head.head.lemma_ in planning:
            return "planned"  # "to prepare for talks", "a request for a meeting"
        if (
            trigger.dep_ in ("dobj", "obj")
            and trigger.head.dep_ == "xcomp"
            and trigger.head.head.lemma_ in planning
        ):
            return "planned"  # "was due to hold an emergency meeting": the light verb is planned
        if _promised_by(trigger, self.w.promising_heads) is not None:
            return "planned"  # "pledged to release the hostages", "agreed to exchange prisoners"
        if any(c.dep_ == "neg" for c in trigger.children):
            return "denied"
        if governor is not None and "would" in aux and governor.pos_ == "VERB":
            return "planned"  # "said Russia would step up its strikes": the future of a past statement
        if governor is not None or self._claims_responsibility(trigger):
            return "claimed"  # (an attack known through its author's claim is that party's account)
        if any(h in lowered for h in self.w.hedges):
            return "claimed"
        if "would" in aux:
            return "hypothetical"
        return "asserted"

    def _asks_the_public(self, verb: Any) -> bool:
        """Return True when a verb of asking is addressed to the general public ("urged locals to
        evacuate", "called on residents to stay indoors"): advice to people, not a call on a party.
        The parser may make the one called on the subject of the act asked for ("called on people
        … to protest")."""
        kids = list(verb.children)
        addressees = [c for c in kids if c.dep_ in ("dobj", "obj")]
        addressees += [o for c in kids if c.dep_ == "prep" and c.lower_ == "on" for o in c.children]
        addressees += [
            o for c in kids if c.dep_ in ("xcomp", "ccomp") for o in c.children if o.dep_ == "nsubj"
        ]
        public = self.w.public_nouns
        return any(a.lemma_.lower() in public or a.lower_ in public for a in addressees)

    def _asks_for_something(self, verb: Any) -> bool:
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
            if c.dep_ in ("xcomp", "ccomp") and not any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children
            ):
                return True  # ("asked whether talks would resume" is a question, not a request)
            if c.dep_ == "prt" and c.lower_ == "on":
                return True
            if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.w.requested_things:
                return True
        return False


def find_events(
    sent: Any,
    index: MentionIndex,
    *,
    speaker_of_sentence: ActorRef | None = None,
    rules: Rules | None = None,
    registry: Any = None,
) -> list[EventCandidate]:
    """Return the event candidates of one parsed sentence (the shipped rules and registry by default)."""
    if registry is None:
        from parley.kb.actors import default_registry

        registry = default_registry()
    finder = EventFinder(event_lexicon(rules or load_rules()), index, registry)
    return finder.find(sent, speaker_of_sentence)


def _mirrored(ev: EventCandidate) -> list[EventCandidate]:
    """Return the other side's half of a mutual act ("clashes between A and B": A attacks B and B
    attacks A), with the parties in their acting order; nothing when only one side is named."""
    parties = list(dict.fromkeys([*ev.actors, *ev.recipients]))
    if len(parties) < 2:
        return []
    ev.actors, ev.recipients = [parties[0]], parties[1:]
    return [replace(ev, actors=[parties[1]], recipients=[parties[0], *parties[2:]], mirrored=True)]


def _dedupe(events: list[EventCandidate]) -> list[EventCandidate]:
    """Return one event per (type, actor set) in a sentence: the first trigger wins (the two
    halves of a mutual act are two events)."""
    seen: set[tuple[str, tuple[str, ...], bool]] = set()
    out = []
    for ev in events:
        key = (ev.type, tuple(sorted(a.ref for a in ev.actors + ev.recipients)), ev.mirrored)
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    return out
