"""Positions: each party's stated stance on each negotiation issue, with its evidence clause.

A position needs three things in one sentence: a stance cue (a demand, an offer, a refusal,
the terms of a plan ...), the party the cue belongs to, and an issue the cue's clause is about.
Cue words and issue terms are data (``stance.toml``, ``issues.toml`` of the rules folder); this
module holds only the rules that tie them to the dependency parse, and every way a position is
read: from a clause (:func:`find_positions`) or from a quote (:func:`quoted_stances`).

    cue token ──► clause (its subtree, minus the party)  ──► issues (lexicon; else the sentence;
       │                                                           else an anaphor's antecedent)
       └──────► party: subject / agent / possessor / quote speaker / author of the plan described

A clause that touches several issues gives one position per issue; a (party, issue) pair is
reported once per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from parley.analyse.doc_views import sentence_text, sentences, span_tokens
from parley.analyse.doc_views import text as doc_text
from parley.analyse.mentions import Mention
from parley.extract.context import ArticleContext, Component
from parley.extract.events_lexicon import alternation
from parley.model.records import ActorRef, Position
from parley.rules import Rules, load_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The stance text is for people reading the record; the hand-written dev stances run 6-20 words.
MAX_STANCE_WORDS = 25
# A stance text shorter than this ("has called for") is a fragment; the sentence stands in for it.
MIN_STANCE_WORDS = 5
# "It would set ..." looks this many sentences back for the document and its author; in news
# copy the author is named in the sentence before the terms (dev: the E3 counter-proposal).
PLAN_LOOKBACK_SENTENCES = 2
# A generic anaphor ("the agreement", "that effort") takes the nearest issue named at most this
# many sentences earlier; the dev Gaza article names its truce four sentences before "committed
# to the agreement", and going further back starts to cross topic changes.
ANAPHOR_WINDOW_SENTENCES = 5
# A plan's points set out as a list: "1." / "2)" / a bullet, alone before the item or leading it.
_LIST_MARKER_ALONE = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*–])\s*")
_LIST_MARKER_START = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*–])\s+\S")
# Pronouns ("he", "it") are resolved against subjects at most this many sentences back.
PRONOUN_LOOKBACK_SENTENCES = 2
# Parties are looked for at most this many clause levels above a cue without its own subject
# ("Russia has shown little inclination ..., even refusing to consider a truce": two levels).
MAX_SUBJECT_CLIMB = 3

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
_THING_PRONOUNS = frozenset({"it", "its"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# Nouns by which news copy renames an armed group it has just named ("the group said it would ...").
_GROUP_NOUNS = frozenset(
    {"group", "militia", "movement", "faction", "rebels", "insurgents", "organisation", "organization"}
)
# Modifier slots of a noun phrase in which a party may be named ("US envoys", "Putin's aide").
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")


@dataclass(frozen=True)
class PositionSpan:
    """One party's stance on one issue, with the clause it was read from (offsets into doc.text)."""

    party: ActorRef
    issue: str
    stance: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    # How directly the evidence states it: 2 = the issue is named in the cue's own clause, 1 = it
    # comes from the rest of the sentence or an earlier one, 0 = read from a quote's wording alone.
    strength: int = 0


@dataclass(frozen=True)
class StanceReading:
    """A stance cue with a party as the rules read it: its clause, sentence, and the issues found
    for it (empty when the rules find none, or when a weak cue's own clause names none)."""

    party: ActorRef
    cue: Token
    clause: tuple[Token, ...]
    sentence: Span
    index: int  # the sentence's index in the document
    issues: tuple[str, ...]
    direct: bool  # the issues are named in the cue's own clause


@dataclass(frozen=True)
class _Cues:
    """The stance cue lexicon of data/stance.toml, in lookup-friendly form."""

    verbs: dict[str, tuple[str, ...]]
    adjectives: dict[str, tuple[str, ...]]
    nouns: frozenset[str]
    light_verbs: frozenset[str]
    noun_modifiers: dict[str, tuple[str, ...]]
    singular_nouns: frozenset[str]
    describing_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    modals: frozenset[str]
    commitments: frozenset[str]
    obligation_verbs: frozenset[str]
    complaints: dict[str, tuple[str, ...]]
    judgements: frozenset[str]
    judging_verbs: frozenset[str]
    hedges: frozenset[str]
    fact_verbs: frozenset[str]
    attempt_verbs: frozenset[str]
    plan_nouns: frozenset[str]
    term_verbs: frozenset[str]
    term_modals: frozenset[str]
    author_verbs: frozenset[str]
    anaphor_nouns: frozenset[str]
    anaphor_dets: frozenset[str]


@lru_cache(maxsize=8)
def _issue_patterns(rules: Rules) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Return one compiled pattern per issue of the rules' issues.toml, in the file's order."""
    data = rules["issues.toml"]["issues"]
    return tuple((issue, alternation(table.get("terms", []))) for issue, table in data.items())


@lru_cache(maxsize=8)
def _settlement_pattern(rules: Rules) -> re.Pattern[str]:
    """Return the compiled pattern of issues.toml's [settlement] terms (one that matches nothing
    when the rules have none)."""
    terms = rules["issues.toml"].get("settlement", {}).get("terms", [])
    return alternation(terms) if terms else re.compile(r"(?!)")


def names_settlement(text: str, rules: Rules | None = None) -> bool:
    """Return whether ``text`` names the settlement itself (a peace deal, its process, a plan's
    terms): issues.toml's [settlement] terms, which stand for the process issue ("other") only
    in a stance clause that names no issue of its own."""
    return _settlement_pattern(rules or load_rules()).search(text) is not None


def _words(table: dict[str, Any], key: str) -> frozenset[str]:
    """Return the lower-cased word list ``table[key]`` as a set."""
    return frozenset(w.lower() for w in table.get(key, []))


def _word_map(table: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Return a TOML table of word → required-companion list as a dict of tuples."""
    return {k.lower(): tuple(w.lower() for w in v) for k, v in table.items()}


@lru_cache(maxsize=8)
def _cues(rules: Rules) -> _Cues:
    """Return the stance cue lexicon of the rules' stance.toml (speech verbs: speech.toml's verbs.stance)."""
    data = rules["stance.toml"]
    nouns, speech, plans = data.get("nouns", {}), data.get("speech", {}), data.get("plans", {})
    return _Cues(
        verbs=_word_map(data.get("verbs", {})),
        adjectives=_word_map(data.get("adjectives", {})),
        nouns=_words(nouns, "words"),
        light_verbs=_words(nouns, "light_verbs"),
        noun_modifiers=_word_map(nouns.get("needs_modifier", {})),
        singular_nouns=_words(nouns, "singular_only"),
        describing_verbs=_words(nouns, "described_by"),
        speech_verbs=_words(rules["speech.toml"]["verbs"], "stance"),
        # what a party says it does is its own account under any verb that reports one ("claimed")
        reporting_verbs=_words(rules["speech.toml"]["verbs"], "stance")
        | _words(rules["speech.toml"]["verbs"], "governing"),
        modals=_words(speech, "modals"),
        commitments=_words(speech, "commitments"),
        obligation_verbs=_words(speech, "obligation_verbs"),
        complaints=_word_map(speech.get("complaints", {})),
        judgements=_words(speech, "judgements"),
        judging_verbs=_words(speech, "judging_verbs"),
        hedges=_words(data.get("hedges", {}), "words"),
        fact_verbs=_words(data.get("fact_verbs", {}), "words"),
        attempt_verbs=_words(data.get("attempt_verbs", {}), "words"),
        plan_nouns=_words(plans, "nouns"),
        term_verbs=_words(plans, "term_verbs"),
        term_modals=_words(plans, "term_modals"),
        author_verbs=_words(plans, "author_verbs"),
        anaphor_nouns=_words(data.get("anaphora", {}), "nouns"),
        anaphor_dets=_words(data.get("anaphora", {}), "determiners"),
    )


def issue_hits(text: str, rules: Rules | None = None) -> list[tuple[int, int, str]]:
    """Return (start, end, issue) for every lexicon match in ``text``, in text order.

    A match that lies inside a longer match of another issue is dropped: the longer term says
    what the words mean ("protect the Druze minority" is humanitarian, not a minority-rights
    term; "disarm Hezbollah" asks a state to neutralise a group, not to limit its own forces).
    """
    patterns = _issue_patterns(rules or load_rules())
    hits = sorted((m.start(), m.end(), issue) for issue, pattern in patterns for m in pattern.finditer(text))
    return [
        h
        for h in hits
        if not any(o[2] != h[2] and o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in hits)
    ]


def classify_issues(text: str, rules: Rules | None = None) -> list[str]:
    """Return the issues ``text`` is about, in order of first mention (``rules`` default: shipped)."""
    seen: list[str] = []
    for _, _, issue in issue_hits(text, rules):
        if issue not in seen:
            seen.append(issue)
    return seen


def _is_infinitive(tok: Token) -> bool:
    """Return whether ``tok`` is a to-infinitive ("to accept")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


@dataclass
class _PlanState:
    """The last document whose author is known: who wrote it and in which sentence it was named."""

    author: ActorRef
    sentence: int


@dataclass(frozen=True)
class _Candidate:
    """A stance cue with its party and the tokens of the clause it governs."""

    party: ActorRef
    cue: Token
    clause: tuple[Token, ...]
    is_plan_term: bool = False
    # a cue that says little by itself (a future, an ongoing act) needs the issue in its own clause
    needs_own_issue: bool = False


# What a token must be for some stance maker to take it (a speed-up; the makers test the rest):
# a verb, auxiliary or adjective (_verb, _judgement, _plan, obligations), a modal or an -ing form
# (_speech), an adverbial clause ("if X does not ..."), a stance noun, or a complaint word.
_CUE_POS = frozenset({"VERB", "AUX", "ADJ"})
_CUE_TAGS = frozenset({"MD", "VBG"})


class _Finder:
    """Finds positions in one parsed document; holds the per-document lookups."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[Mention],
        quotes: Sequence[tuple[int, int, ActorRef | None]],
        rules: Rules,
        speakers: Sequence[tuple[int, int, ActorRef | None]] = (),
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text rebuilds the string on every access
        self.rules = rules
        self.cues = _cues(rules)
        self.mentions = sorted(
            (m for m in mentions if m.kind in ("actor", "role") and m.actor),
            key=lambda m: (m.start, -(m.end - m.start)),
        )
        self.quotes = [q for q in quotes if q[2] is not None]
        self.speakers = [s for s in speakers if s[2] is not None and s[0] < s[1]]
        self.sents = sentences(doc)
        self.sent_of = {s.start: i for i, s in enumerate(self.sents)}
        self.plan: _PlanState | None = None
        self.plan_terms_in: set[int] = set()
        self._hedged_at: dict[int, bool] = {}

    # ---- mentions and parties -------------------------------------------------------------

    def _mention_at(self, tok: Token) -> Mention | None:
        """Return the longest actor mention that covers ``tok``, if any."""
        best = None
        for m in self.mentions:
            if m.start <= tok.idx < m.end and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return best

    def _sentence_index(self, tok: Token) -> int:
        """Return the index of the sentence holding ``tok``."""
        return self.sent_of[tok.sent.start]

    def _named_speaker(self, tok: Token) -> ActorRef | None:
        """Return the speaker the quote finder resolved for a speaker phrase covering ``tok``
        ("the spokesperson", "the ministry"): the same party its words are attributed to."""
        for start, end, speaker in self.speakers:
            if start <= tok.idx < end:
                return speaker
        return None

    def _quote_speaker(self, tok: Token) -> ActorRef | None:
        """Return the speaker of the quote ``tok`` lies in, if it lies in one."""
        for start, end, speaker in self.quotes:
            if start <= tok.idx < end:
                return speaker
        return None

    def _is_subject_mention(self, m: Mention) -> bool:
        """Return whether mention ``m`` is (part of) the subject of its clause."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        for t in span if span is not None else ():
            chain = [t, *list(t.ancestors)[:2]]
            for c in chain:
                if c.dep_ in _SUBJECT_DEPS:
                    return True
                if c.dep_ not in (*_MODIFIER_DEPS, "appos", "flat"):
                    break
        return False

    def _is_coordinated(self, m: Mention) -> bool:
        """Return whether mention ``m`` is one of several joined by "and" ("Putin and Xi")."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and any(
            t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children) for t in span
        )

    def _resolve_pronoun(self, tok: Token) -> ActorRef | None:
        """Return the actor a personal pronoun points to: the nearest compatible subject before it."""
        word = tok.lower_
        if word in _FIRST_PERSON:
            # "we" in someone's words is the speaker: the quote's, else the reporting verb's subject
            speaker = self._quote_speaker(tok)
            reporter = next((a for a in tok.ancestors if a.lemma_ in self.cues.speech_verbs), None)
            if speaker is None and reporter is not None:
                subj = self._subject_token(reporter)
                if subj is not None and subj.lower_ not in _FIRST_PERSON:
                    speaker = self._phrase_party(subj)
            return speaker
        if word in _PERSON_PRONOUNS:

            def fits(m: Mention) -> bool:
                return m.actor is not None and m.actor.kind == "person"
        elif word in _THING_PRONOUNS:

            def fits(m: Mention) -> bool:
                return m.actor is not None and m.actor.kind != "person"
        elif word in _PLURAL_PRONOUNS:

            def fits(m: Mention) -> bool:
                # "they" is a body or a group, or people named together; one named person is "he"/"she"
                return m.actor is not None and (m.actor.kind != "person" or self._is_coordinated(m))
        else:
            return None
        reporter = next((a for a in tok.ancestors if a.lemma_ in self.cues.speech_verbs), None)
        reporter_subj = self._subject_token(reporter) if reporter is not None else None
        if (
            tok.dep_ in _SUBJECT_DEPS
            and reporter_subj is not None
            and reporter_subj.i < tok.i
            and reporter_subj.pos_ != "PRON"
        ):
            # "The EU said it would ...": the pronoun is the reporting subject, named or not
            actor = self._phrase_party(reporter_subj)
            if actor is None or any(fits(m) for m in self.mentions if m.actor == actor):
                return actor
        si = self._sentence_index(tok)
        earliest = self.sents[max(0, si - PRONOUN_LOOKBACK_SENTENCES)].start_char
        before = [m for m in self.mentions if earliest <= m.start and m.end <= tok.idx and fits(m)]
        same = [m for m in before if m.start >= tok.sent.start_char]
        for pool in (same, before):
            subjects = [m for m in pool if self._is_subject_mention(m)]
            if subjects:
                return subjects[-1].actor
        return before[-1].actor if before else None

    def _phrase_party(self, head: Token) -> ActorRef | None:
        """Return the actor a noun phrase names, preferring its renaming, head, then modifiers."""
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$"):
            return self._resolve_pronoun(head)
        ordered: list[Token] = []
        for child in head.children:
            if child.dep_ == "appos":
                ordered.append(child)
            elif child.dep_ == "acl" and child.lemma_ in ("know", "call"):
                ordered.extend(g for p in child.children if p.lower_ == "as" for g in p.children)
        ordered.append(head)
        for dep in _MODIFIER_DEPS:
            for child in head.children:
                if child.dep_ == dep:
                    ordered.extend(child.subtree)
        for tok in ordered:
            m = self._mention_at(tok)
            if m is not None:
                return m.actor
            if tok.dep_ == "poss" and tok.tag_ == "PRP$":
                return self._resolve_pronoun(tok)
        return self._group_antecedent(head)

    def _group_antecedent(self, head: Token) -> ActorRef | None:
        """Return the armed group a definite "the group" / "the militia" refers back to: the latest
        group named in the sentence or the two before it (news copy renames a group this way
        once it has been named)."""
        if head.lemma_.lower() not in _GROUP_NOUNS or not any(c.lower_ == "the" for c in head.children):
            return None
        si = self._sentence_index(head)
        earliest = self.sents[max(0, si - PRONOUN_LOOKBACK_SENTENCES)].start_char
        before = [
            m
            for m in self.mentions
            if earliest <= m.start and m.end <= head.idx and m.actor is not None and m.actor.kind == "group"
        ]
        return before[-1].actor if before else None

    def _subject_token(self, verb: Token) -> Token | None:
        """Return the token naming who performs ``verb``: its agent, its subject, or the relcl's noun."""
        for child in verb.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if any(c.dep_ == "nsubjpass" for c in subjects):
            return None  # a passive without an agent names no one who holds the stance
        # the parser sometimes hangs two subjects on one verb; the nearest before it is the real one
        before = [c for c in subjects if c.i < verb.i]
        subject = before[-1] if before else (subjects[0] if subjects else None)
        if verb.dep_ == "relcl" and (subject is None or subject.lower_ in _RELATIVE_PRONOUNS):
            return verb.head  # "Zelenskyy, who has pushed for ...": the noun the clause describes
        return subject

    def _object_controller(self, verb: Token) -> Token | None:
        """Return the object that performs an infinitive ("prompting Trump to threaten"), if any.

        Not under a verb that is itself a stance or a verb of saying: in "Russia urged Kyiv to
        accept the plan" the stance is Russia's, and its own cue ("urged") carries it.
        """
        head = verb.head
        if verb.dep_ != "xcomp" or not _is_infinitive(verb) or head.lemma_.lower() in self.cues.verbs:
            return None
        if head.lemma_ in self.cues.speech_verbs:
            return None
        return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)

    def _verb_party(self, verb: Token) -> tuple[ActorRef | None, Token | None]:
        """Return the party of a clause headed by ``verb`` and the token it was read from."""
        current = verb
        for _ in range(MAX_SUBJECT_CLIMB + 1):
            subj = self._subject_token(current)
            if subj is not None:
                if self._is_plan_phrase(subj):
                    return self._plan_author(subj), subj
                if subj.pos_ == "PRON" and self._named_speaker(subj) is not None:
                    return self._named_speaker(subj), subj
                return self._phrase_party(subj) or self._named_speaker(subj), subj
            climbs = ("xcomp", "advcl", "conj", "ccomp", "acomp")
            if current.dep_ not in climbs or current.head.i == current.i:
                break
            if current.dep_ == "ccomp" and current.head.lemma_ in self.cues.speech_verbs:
                break  # the content of someone's words is not theirs unless it names no subject
            controller = self._object_controller(current)
            if controller is not None:
                return self._phrase_party(controller), controller
            current = current.head
        speaker = self._quote_speaker(verb)
        return speaker, None

    # ---- plans ----------------------------------------------------------------------------

    def _is_plan_noun(self, tok: Token) -> bool:
        """Return whether ``tok`` is a noun naming a document ("plan", "counter-proposal")."""
        return tok.lemma_.lower() in self.cues.plan_nouns

    def _is_plan_phrase(self, tok: Token) -> bool:
        """Return whether ``tok`` heads a phrase naming a document (or "it" right after one)."""
        if tok.lemma_.lower() in self.cues.plan_nouns:
            return True
        return (
            tok.lower_ in ("it", "this")
            and self.plan is not None
            and self._sentence_index(tok) - self.plan.sentence <= PLAN_LOOKBACK_SENTENCES
            and not self._names_reporter(tok)
        )

    def _names_reporter(self, pronoun: Token) -> bool:
        """Return whether a subject pronoun stands for the named body whose words or stance it
        sits in ("Israel insisted it will only accept ..."): then "it" is that body, not a plan."""
        if pronoun.dep_ not in _SUBJECT_DEPS or pronoun.head.dep_ != "ccomp":
            return False
        reporter = self._subject_token(pronoun.head.head)
        if reporter is None or reporter.pos_ == "PRON" or reporter.i > pronoun.i:
            return False
        m = self._mention_at(reporter)
        return m is not None and m.actor is not None and m.actor.kind != "person"

    def _plan_author(self, tok: Token) -> ActorRef | None:
        """Return the author of the document ``tok`` names: in its own phrase, else the one just named."""
        if tok.lemma_.lower() in self.cues.plan_nouns:
            for child in tok.children:
                if child.dep_ in _MODIFIER_DEPS:
                    for t in child.subtree:
                        m = self._mention_at(t)
                        if m is not None:
                            return m.actor
                if child.dep_ in ("relcl", "acl") and child.lemma_ in self.cues.author_verbs:
                    subj = self._subject_token(child)
                    if subj is not None and subj is not tok and subj.lower_ not in _RELATIVE_PRONOUNS:
                        party = self._phrase_party(subj)
                        if party is not None:
                            return party
        si = self._sentence_index(tok)
        if self.plan is not None and si - self.plan.sentence <= PLAN_LOOKBACK_SENTENCES:
            return self.plan.author
        return None

    def _note_authored_plans(self, sent: Span, si: int) -> None:
        """Remember the author of a document this sentence says someone drafted, released, ..."""
        for tok in span_tokens(sent):
            noun = None
            if tok.lemma_ in self.cues.author_verbs and tok.pos_ == "VERB":
                objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
                noun = next(
                    (o for o in objs for t in o.subtree if t.lemma_.lower() in self.cues.plan_nouns), None
                )
                if noun is None and tok.dep_ in ("acl", "advcl"):
                    # "the points of the plan, as outlined by X": the phrase the participle describes
                    noun = next((t for t in tok.head.subtree if self._is_plan_noun(t)), None)
                if noun is not None:
                    party, _ = self._verb_party(tok)
                    if party is None and tok.dep_ == "acl" and self._is_plan_noun(tok.head):
                        party = self._plan_author(tok.head)
                    if party is not None:
                        self.plan = _PlanState(party, si)
            elif tok.lemma_.lower() in self.cues.plan_nouns and tok.pos_ in ("NOUN", "PROPN"):
                owned = False
                for child in tok.children:
                    if child.dep_ in ("poss", "compound", "amod"):
                        m = self._mention_at(child)
                        if m is not None and m.actor is not None:
                            self.plan = _PlanState(m.actor, si)
                            owned = True
                if not owned and self._refers_to_plan(tok, si):
                    # "Under the draft declaration, ...", "The draft also envisages ...": the same
                    # document named again, so its terms that follow are still its author's
                    self.plan = _PlanState(self.plan.author, si)  # type: ignore[union-attr]

    def _refers_to_plan(self, tok: Token, si: int) -> bool:
        """Return whether a plan noun with "the"/"this" points back at the document just authored."""
        return (
            self.plan is not None
            and 0 < si - self.plan.sentence <= PLAN_LOOKBACK_SENTENCES
            and any(
                c.dep_ == "det" and c.lower_ in ("the", "this")
                for c in (tok.head if tok.dep_ == "compound" else tok).children  # "the draft declaration"
            )
        )

    # ---- cues -----------------------------------------------------------------------------

    def _hedged(self, tok: Token) -> bool:
        """Return whether the cue sits under an open question ("It's unclear if ...")."""
        # hedged below the root when the token or a child is a hedge word, or its head is hedged:
        # kept per token, since every token of the sentence asks about the same ancestors
        memo, hedges = self._hedged_at, self.cues.hedges
        chain: list[Token] = []  # the token and its ancestors not yet known, nearest first
        found = memo.get(tok.i)
        while found is None:
            chain.append(tok)
            if tok.lower_ in hedges or any(c.lower_ in hedges for c in tok.children):
                found = True
            elif tok.head.i == tok.i:
                found = False
            else:
                tok = tok.head
                found = memo.get(tok.i)
        for t in chain:
            memo[t.i] = found
        return found

    def _has_companion(self, tok: Token, words: tuple[str, ...]) -> bool:
        """Return whether ``tok`` carries one of ``words`` as particle, preposition or object."""
        if not words:
            return True
        # after the verb: a fronted "On the sanctions question, X called ..." is no "call on"
        if any((c.lower_ in words or c.lemma_.lower() in words) and c.i > tok.i for c in tok.children):
            return True
        # "called for Russia to accept ...": the parse hangs the "for" on the clause it opens
        return any(
            m.dep_ == "mark" and m.lower_ in words and m.i == tok.i + 1
            for c in tok.children
            if c.dep_ in ("advcl", "ccomp") and c.i > tok.i
            for m in c.children
        )

    def _clause(self, head: Token, exclude: Iterable[Token] = ()) -> tuple[Token, ...]:
        """Return the tokens of ``head``'s clause, minus ``exclude`` and their subtrees."""
        dropped = {t.i for e in exclude if not e.is_ancestor(head) for t in e.subtree}
        return tuple(t for t in head.subtree if t.i not in dropped)

    def _verb_candidate(self, tok: Token) -> _Candidate | None:
        """Return a candidate for a stance verb ("demanded", "has called for") or adjective."""
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in self.cues.verbs:
            if not self._has_companion(tok, self.cues.verbs[lemma]):
                return None
            if lemma in self.cues.fact_verbs and any(c.dep_ == "ccomp" for c in tok.children):
                return None  # "acknowledged that progress has been slow": a fact admitted
            if lemma in self.cues.attempt_verbs and any(
                c.dep_ == "xcomp" and _is_infinitive(c) for c in tok.children
            ):
                return None  # "seeks to break the siege": an attempt told, not a stance stated
            if tok.dep_ in ("relcl", "acl") and _is_infinitive(tok):
                return None  # "a deadline for Kyiv to accept": what someone is to do, not their stance
            if tok.dep_ == "acl" and tok.tag_ == "VBG":
                return None  # "a development threatening aid work" describes a thing, not a stance
            if tok.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children
            ):
                # "If Russia refuses the truce, Washington will ...": a supposition someone else
                # makes, not the stance of the party supposed (the if-clause maker reads the rest)
                return None
            party, subj = self._verb_party(tok)
            # "a truce proposed by X": the stance is about the noun the participle describes
            clause_head = tok.head if tok.dep_ == "acl" else tok
        elif tok.pos_ == "ADJ" and tok.lower_ in self.cues.adjectives:
            companions = self.cues.adjectives[tok.lower_]
            if companions and not any(
                c.lower_ in companions or (c.dep_ == "xcomp" and _is_infinitive(c)) for c in tok.children
            ):
                return None
            head = tok.head if tok.dep_ in ("acomp", "xcomp", "oprd") else tok
            party, subj = self._verb_party(head)
            clause_head = tok
        else:
            return None
        if party is None:
            return None
        # "which Israel accepted but Hamas rejected for ...": a joined clause with a subject of its
        # own is another party's stance, not part of this one
        others = [c for c in clause_head.children if c.dep_ == "conj" and _has_own_subject(c)]
        exclude = [subj, *others] if subj is not None else others
        return _Candidate(party, tok, self._clause(clause_head, exclude))

    def _noun_candidate(self, tok: Token) -> _Candidate | None:
        """Return a candidate for a stance noun ("a central position of Moscow's", "made X a condition")."""
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN") or lemma not in self.cues.nouns:
            return None
        needed = self.cues.noun_modifiers.get(lemma)
        if needed and not any(
            c.lower_ in needed or ("to" in needed and c.dep_ == "acl" and _is_infinitive(c))
            for c in tok.children
        ):
            return None  # "the need to address ...": the infinitive's "to" hangs from its verb
        if lemma in self.cues.singular_nouns and tok.tag_ != "NN":
            return None  # "Ukrainian positions near Pokrovsk" are trenches, not a negotiating stance
        owner: Token | None = None
        owner_root: Token | None = None  # what to leave out of the clause: the owner with its "of"
        for child in tok.children:
            if child.dep_ == "poss":
                owner = owner_root = child
            elif child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    owner, owner_root = pobj, child
        party = self._phrase_party(owner) if owner is not None else None
        describer = self._describer(tok)
        if describer is not None and party is not None:
            party = describer
        head = tok
        if tok.dep_ in ("dobj", "attr", "oprd") and tok.head.lemma_ in (*self.cues.light_verbs, "be"):
            head = tok.head
            if party is None and head.lemma_ != "be":
                party, _ = self._verb_party(head)
        if party is None:
            return None
        exclude = [owner_root] if owner_root is not None else []
        exclude += [
            c
            for c in head.children
            if c.dep_ in _SUBJECT_DEPS
            and c.i != tok.i
            and head.i != tok.i
            and self._mention_at(c) is not None
        ]
        return _Candidate(party, tok, self._clause(head, exclude))

    def _describer(self, tok: Token) -> ActorRef | None:
        """Return who describes the stance noun ``tok`` as another's ("what X described as Y's
        refusal"), if a describing verb above it has a named subject."""
        for verb in tok.ancestors:
            if verb.lemma_.lower() in self.cues.describing_verbs:
                subj = self._subject_token(verb)
                return self._phrase_party(subj) if subj is not None else None
        return None

    def _speech_candidate(self, tok: Token) -> _Candidate | None:
        """Return a candidate for a demand in reported speech ("X said Y must ...", "if Y does not ...")."""
        content: Token | None = None
        lemma = tok.lemma_.lower()
        obliged = (
            lemma in self.cues.obligation_verbs
            and tok.pos_ == "VERB"
            and any(c.dep_ == "xcomp" and _is_infinitive(c) for c in tok.children)
        )
        complains = lemma in self.cues.complaints and self._has_companion(tok, self.cues.complaints[lemma])
        if tok.tag_ == "MD" and lemma in self.cues.modals:
            content = tok.head
        elif tok.tag_ == "MD" and lemma in self.cues.commitments:
            return self._commitment_candidate(tok, tok.head)
        elif obliged or complains:
            content = tok
        elif tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
            return self._commitment_candidate(tok, tok)  # "said it was imposing new sanctions"
        elif (
            tok.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "if" for c in tok.children)
            and (any(c.dep_ == "neg" for c in tok.children) or lemma in ("refuse", "fail", "reject"))
        ):
            content = tok.head
        if content is None:
            return None
        speaker_verb = next((a for a in content.ancestors if a.lemma_ in self.cues.speech_verbs), None)
        if speaker_verb is not None:
            party, _ = self._verb_party(speaker_verb)
        else:
            party = self._quote_speaker(tok)
        if party is None:
            return None
        return _Candidate(party, tok, self._clause(content))

    def _judgement_candidate(self, tok: Token) -> _Candidate | None:
        """Return a candidate for a judgement that rejects or accepts something ("Moscow called the
        deployment unacceptable", "described as illegal any move to ...", "this is unacceptable to
        us"): the judge's stance on the thing judged. The judge is the subject of the judging verb,
        else the speaker whose words say the thing "is" unacceptable."""
        if tok.pos_ != "ADJ" or tok.lower_ not in self.cues.judgements:
            return None
        verb = tok.head
        if tok.dep_ == "amod" and verb.dep_ == "pobj":
            verb = verb.head  # "described as unacceptable any plans" parsed as "as [unacceptable plans]"
        if verb.dep_ == "prep" and verb.lower_ == "as":
            verb = verb.head
        if (
            verb.dep_ == "acl"
            and verb.head.dep_ in ("dobj", "oprd")
            and verb.head.head.lemma_ in self.cues.judging_verbs
        ):
            # "called the statement welcoming the move scandalous": the parser hangs the judgement
            # on the participle inside the object; the judging verb is the object's head
            verb = verb.head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in self.cues.judging_verbs:
            party, subj = self._verb_party(verb)
            if party is None:
                return None
            return _Candidate(
                party,
                tok,
                self._clause(verb, [subj, *_conjuncts(verb)] if subj is not None else _conjuncts(verb)),
            )
        if verb.lemma_ != "be" or tok.dep_ != "acomp":
            return None
        speaker_verb = next((a for a in verb.ancestors if a.lemma_ in self.cues.speech_verbs), None)
        party = self._verb_party(speaker_verb)[0] if speaker_verb is not None else self._quote_speaker(tok)
        if party is None:
            return None
        # only what is judged: "the talks were useful but no deal was found on X" judges the talks
        return _Candidate(party, tok, self._clause(verb, _conjuncts(verb)))

    def _commitment_candidate(self, cue: Token, content: Token) -> _Candidate | None:
        """Return a candidate for what a speaker says it will do or is doing ("X said it would not
        withdraw", "X said it was acting to protect ..."): about the speaker itself, or the state
        it speaks for, that is its stance; about anyone else, a forecast or a report."""
        subj = next((c for c in content.children if c.dep_ in _SUBJECT_DEPS), None)
        speaker_verb = next((a for a in content.ancestors if a.lemma_ in self.cues.reporting_verbs), None)
        if subj is None or speaker_verb is None:
            return None
        speaker, _ = self._verb_party(speaker_verb)
        actor = self._phrase_party(subj)
        if speaker is None or actor is None:
            return None
        # "it" for the speaker, or the state a minister speaks for ("Erdogan said Ankara will ...")
        if actor != speaker and actor.ref not in (speaker.side, speaker.ref):
            return None
        return _Candidate(speaker, cue, self._clause(content, [subj]), needs_own_issue=True)

    def _plan_candidate(self, tok: Token, si: int) -> _Candidate | None:
        """Return a candidate for a document's terms ("The plan would require Ukraine to ...")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
        modal = any(c.dep_ == "aux" and c.lower_ in self.cues.term_modals for c in tok.children)
        if subj is None or not (modal or tok.lemma_.lower() in self.cues.term_verbs):
            return None
        under = next(
            (
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("under", "in")
                for g in c.children
                if g.dep_ == "pobj" and self._is_plan_noun(g)
            ),
            None,
        )
        if modal and under is not None:
            # "Under the proposal, Hamas would release ...": terms of that document
            author = self._plan_author(under)
            return None if author is None else _Candidate(author, tok, self._clause(tok), is_plan_term=True)
        if not self._is_plan_phrase(subj):
            # a modal sentence right after a plan's terms continues them ("Sanctions could be eased")
            if not (
                modal
                and tok.dep_ == "ROOT"
                and si - 1 in self.plan_terms_in
                and self.plan is not None
                and not any(self._mention_at(t) for t in subj.subtree)
            ):
                return None
            return _Candidate(self.plan.author, tok, self._clause(tok), is_plan_term=True)
        author = self._plan_author(subj)
        if author is None:
            return None
        return _Candidate(author, tok, self._clause(tok, [subj]), is_plan_term=True)

    def _told_by_other(self, cand: _Candidate) -> bool:
        """Return whether the cue lies in what another party says of ``cand``'s party ("Makuei
        claimed Machar sought to derail the vote", "Qassem said the US was proposing a new
        framework"): one side's account of the other's aims is a charge or a report, not a stance
        the other side took. A plan's terms keep their author whoever passes them on."""
        if cand.is_plan_term or cand.cue.pos_ in ("NOUN", "PROPN"):
            return False  # a stance noun ("Beirut's commitment to ...") names a stance as a fact
        # only the reported clause itself ("said [the US was proposing ...]"), not a clause hung
        # on the saying by the parse ("X insists ..., while Y demands ...")
        telling = self.cues.reporting_verbs | _OPINION_VERBS
        teller_verb = cand.cue
        while teller_verb.dep_ in ("ccomp", "xcomp", "conj", "acomp") and teller_verb.head.i != teller_verb.i:
            teller_verb = teller_verb.head
            if teller_verb.lemma_.lower() in telling:
                break
        if teller_verb.i == cand.cue.i or teller_verb.lemma_.lower() not in telling:
            return False
        subj = self._subject_token(teller_verb)
        if subj is None or subj.pos_ == "PRON":
            return False
        teller = self._phrase_party(subj) or self._named_speaker(subj)
        if teller is None and teller_verb.lemma_.lower() in _OPINION_VERBS:
            return True  # "analysts doubt Moscow is ready to ...": a view of the party, not its word
        if teller is None or (teller.kind == "person" and not teller.affiliation):
            return False  # a person the registry ties to no side may speak for the party itself
        party = cand.party
        return not ({teller.ref, teller.side} & {party.ref, party.side})

    def _asked_of(self, cand: _Candidate) -> bool:
        """Return whether the cue is the act another party's stance asks of ``cand``'s party
        ("the declaration calls for the United States to commit to ...", "Moscow demanded that
        Kyiv accept the plan"): what one side asks the other to do is the asker's stance only."""
        if cand.is_plan_term or cand.cue.pos_ not in ("VERB", "AUX"):
            return False
        cue = cand.cue
        if cue.dep_ not in ("ccomp", "xcomp", "advcl") or cue.head.i == cue.i:
            return False
        asker = cue.head
        lemma = asker.lemma_.lower()
        if lemma not in self.cues.verbs:
            return False
        # "calling for the US to commit": the parse hangs the "for" on the asked verb
        marks = [c for c in cue.children if c.dep_ == "mark" and c.lower_ in self.cues.verbs[lemma]]
        if cue.dep_ == "advcl" and not marks:
            return False  # "X vowed ..., while Y wants ...": a clause beside the stance, not asked
        if not (marks or self._has_companion(asker, self.cues.verbs[lemma])):
            return False
        party, _ = self._verb_party(asker)
        return party is None or not ({party.ref, party.side} & {cand.party.ref, cand.party.side})

    # ---- issues ---------------------------------------------------------------------------

    def _definite_nouns(self, clause: Sequence[Token]) -> list[Token]:
        """Return the clause's nouns introduced by a referring determiner ("the plant", "that effort")."""
        return [
            t
            for t in clause
            if t.pos_ in ("NOUN", "PROPN") and any(c.lower_ in self.cues.anaphor_dets for c in t.children)
        ]

    def _has_generic_anaphor(self, clause: Sequence[Token]) -> bool:
        """Return whether the clause refers back with a generic noun or pronoun ("that effort", "it")."""
        definite = self._definite_nouns(clause)
        return any(
            t.lemma_.lower() in self.cues.anaphor_nouns
            and t.tag_ not in ("WDT", "WP")
            and (t.pos_ == "PRON" or t in definite)
            for t in clause
        )

    def _antecedent_issues(self, clause: Sequence[Token], si: int) -> list[str]:
        """Return the issue an anaphor in the clause points back to, from the preceding sentences.

        A definite noun that re-uses a word of an earlier issue term ("the plant" after "nuclear
        power plant") takes that term's issue. A generic one ("that effort", "the agreement")
        takes the issue of the nearest sentence that names one, and only when it names just
        one, since a guess between several would be a coin toss.
        """
        window = self.sents[max(0, si - ANAPHOR_WINDOW_SENTENCES) : si]
        if not window:
            return []
        base = window[0].start_char
        context = self.text[base : self.sents[si].start_char]
        hits = issue_hits(context, self.rules)
        for noun in self._definite_nouns(clause):
            word = re.compile(rf"\b{re.escape(noun.lemma_.lower())}", re.IGNORECASE)
            matching = [h for h in hits if word.search(context[h[0] : h[1]])]
            if matching:
                return [matching[-1][2]]
        if not self._has_generic_anaphor(clause):
            return []
        # the nearest sentence that names any issue is the antecedent, if it names just one
        for prev in reversed(window):
            issues = set(classify_issues(prev.text, self.rules))
            if issues:
                return list(issues) if len(issues) == 1 else []
        return []

    def _without_side_statements(self, cand: _Candidate, clause: Sequence[Token]) -> list[Token]:
        """Return the clause without a participle of saying set off by a comma ("reaffirmed its
        commitment to ..., stressing the importance of de-escalation", "warned X ..., saying ..."):
        a statement of its own, which the speech and quote readings take by themselves."""
        ids = {t.i for t in clause}
        dropped: set[int] = set()
        saying = self.cues.reporting_verbs | self.cues.speech_verbs
        for t in clause:
            if t.i == cand.cue.i or t.dep_ not in ("advcl", "acl") or t.tag_ != "VBG":
                continue
            if t.lemma_.lower() not in saying:
                continue
            opener = t.left_edge.i - 1
            if opener in ids and t.doc[opener].text == ",":
                dropped.update(x.i for x in t.subtree)
        return [t for t in clause if t.i not in dropped] or list(clause)

    def _issues(self, cand: _Candidate, clause: Sequence[Token], si: int) -> tuple[list[str], bool]:
        """Return the clause's issues, and whether the clause names them itself.

        A clause that names none but refers back takes its antecedent's: a relative clause the
        noun it modifies ("a push for a truce -- something Zelenskyy has called for"), an anaphor
        the sentences before it. The rest of the sentence is no antecedent: a relative clause
        names no issue of the other clauses around it ("X, who rejected the offer, said the
        sanctions hurt").
        """
        clause = self._without_side_statements(cand, clause)
        found = _backdrop_free_issues(clause, self.rules)
        text = "".join(t.text_with_ws for t in _without_backdrop(clause))
        if cand.is_plan_term:
            # a plan states terms in its own register ("the army stays at 800,000"): parley.plans
            from parley.plans.issues import OTHER, point_issues

            found = [i for i in point_issues(text, self.rules) if i != OTHER]
        if found:
            return found, True
        if cand.cue.dep_ == "relcl":
            # a relative clause is about the noun it hangs on ("a push for a truce, something Kyiv
            # has called for"), not about whatever else its sentence names
            found = classify_issues(_antecedent_phrase(cand.cue), self.rules)
            if found:
                return found, False
        # a clause that refers back ("that effort", "this precondition") takes the issue of the
        # sentences before it
        back = self._antecedent_issues(clause, si)
        if back:
            return back, False
        # a stance on the settlement as a whole ("offered to sign a peace treaty now") is one on
        # the process; a bare stance with no issue at all ("offered support") is not a position
        if names_settlement(text, self.rules):
            return [_PROCESS_ISSUE], True
        return [], False

    # ---- driver ---------------------------------------------------------------------------

    def _stance_text(self, clause: Sequence[Token], sent: Span) -> str:
        """Return the clause text, trimmed to MAX_STANCE_WORDS around its first issue term.

        A clause too short to read on its own or without a verb ("has called for", "a truce
        proposed by") gives way to its whole sentence: the stance must say what is wanted.
        """
        clause = _trim_edges(clause)
        if not is_complete_stance(clause):
            clause = _trim_edges([t for t in span_tokens(sent) if not t.is_space])
        # the text as written (punctuation stays attached), not tokens joined by spaces
        words = "".join(t.text_with_ws for t in clause if not t.is_space).split()
        if len(words) <= MAX_STANCE_WORDS:
            return " ".join(words)
        joined = " ".join(words)
        hits = issue_hits(joined, self.rules)
        first = len(joined[: hits[0][0]].split()) if hits else 0
        start = max(0, min(first - MAX_STANCE_WORDS // 3, len(words) - MAX_STANCE_WORDS))
        return " ".join(words[start : start + MAX_STANCE_WORDS])

    def readings(self) -> Iterator[StanceReading]:
        """Yield every stance cue with a party, as the rules read it, sentence by sentence; a
        reading whose issues are empty is one the rules drop (a learned step may still use it)."""
        for si, sent in enumerate(self.sents):
            for cand in self._sentence_candidates(sent, si):
                clause = [t for t in cand.clause if not t.is_space]
                if not clause or self._told_by_other(cand) or self._asked_of(cand):
                    continue
                if cand.is_plan_term:
                    self.plan_terms_in.add(si)
                    self.plan = _PlanState(cand.party, si)
                issues, direct = self._issues(cand, clause, si)
                if cand.needs_own_issue and not direct:
                    issues = []
                yield StanceReading(cand.party, cand.cue, tuple(clause), sent, si, tuple(issues), direct)
            self._note_authored_plans(sent, si)

    def span(self, reading: StanceReading, issue: str, strength: int) -> PositionSpan:
        """Return the position of ``reading`` on ``issue``, with its stance text and offsets."""
        clause, sent = reading.clause, reading.sentence
        return PositionSpan(
            party=reading.party,
            issue=issue,
            stance=self._stance_text(clause, sent),
            start=clause[0].idx,
            end=clause[-1].idx + len(clause[-1].text),
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            strength=strength,
        )

    def find(self) -> list[PositionSpan]:
        """Return the positions of the whole document, one per (party, issue) per sentence."""
        return rule_spans(self, list(self.readings()))

    def _sentence_candidates(self, sent: Span, si: int) -> list[_Candidate]:
        """Return every stance cue of the sentence that has a party, hedged ones left out."""
        found: list[_Candidate] = []
        makers = (
            self._verb_candidate,
            self._noun_candidate,
            self._speech_candidate,
            self._judgement_candidate,
        )
        nouns, complaints = self.cues.nouns, self.cues.complaints
        for tok in span_tokens(sent):
            if (
                tok.pos_ not in _CUE_POS
                and tok.tag_ not in _CUE_TAGS
                and tok.dep_ != "advcl"
                and (lemma := tok.lemma_.lower()) not in nouns
                and lemma not in complaints
            ):
                continue  # no maker takes this token (a determiner, a preposition, a name ...)
            # the makers only read the parse: the dearer hedge test runs only on a cue
            cands = [
                c for c in (*(make(tok) for make in makers), self._plan_candidate(tok, si)) if c is not None
            ]
            if cands and not self._hedged(tok):
                found.extend(cands)
        item = self._list_item_candidate(sent, si)
        if item is not None:
            found.append(item)
        return found

    def _list_item_candidate(self, sent: Span, si: int) -> _Candidate | None:
        """Return a candidate for a numbered or bulleted point of a plan just named ("1. Ukraine
        will receive security guarantees"): the points of a document are its author's terms."""
        if self.plan is None or si - self.plan.sentence > PLAN_LOOKBACK_SENTENCES:
            return None
        line_start = self.text.rfind("\n", 0, sent.start_char) + 1
        prefix = self.text[line_start : sent.start_char]
        if not (_LIST_MARKER_ALONE.fullmatch(prefix) or _LIST_MARKER_START.match(sentence_text(sent))):
            return None
        words = [t for t in span_tokens(sent) if not t.is_space]
        while words and (words[0].tag_ == "LS" or words[0].is_punct or words[0].like_num):
            words.pop(0)
        if not words:
            return None
        return _Candidate(self.plan.author, words[0], tuple(words), is_plan_term=True)


# Words a clause cut out of its sentence may start or end with that belong to the frame, not the
# stance: "that wanted Iran to ...", "for Washington to ...", "a truce proposed by".
_EDGE_POS = frozenset({"ADP", "SCONJ", "CCONJ", "PUNCT", "SPACE"})


# Prepositions that set a stance against a backdrop of time or circumstance ("will send a delegation
# ahead of the ceasefire talks", "demanded the release of hostages amid the truce"): the phrase
# they head says when, not what the stance is about.
_BACKDROP_PREPOSITIONS = frozenset(
    {"amid", "amidst", "during", "ahead", "before", "after", "following", "since"}
)


# Verbs of opinion: what someone who is not the party believes or fears it wants ("analysts
# doubt Moscow is ready to cede land") is their reading of the party, not a stance it stated.
_OPINION_VERBS = frozenset({"believe", "think", "doubt", "fear", "suspect", "expect", "assume", "worry"})


# Plural nouns of the talks register that the parser reads as verbs after "before"/"after"
# ("before any ceasefire talks" as "before [any ceasefire] talks").
_NOUNS_READ_AS_VERBS = frozenset({"talks"})


# The issue of the negotiating process itself (issues.toml): who talks, and what must come first.
_PROCESS_ISSUE = "other"


def _backdrop_free_issues(tokens: Sequence[Token], rules: Rules) -> list[str]:
    """Return the issues of ``tokens`` without their time and circumstance phrases.

    A gerund after "before"/"after" ("demanded the declaration be honoured before joining the
    ceasefire talks") names the party's next act: what that act is about (the truce of the
    talks' name) is not what the stance wants, but making the act wait on something is a stance
    on the process itself ("the need to settle its concerns before beginning talks").

    When the rest of the clause names an issue of its own, the act that is to follow the stance
    or that it is done for names none ("Tehran demanded guarantees against new strikes before
    resuming talks", "demands include a pullout from the regions before a ceasefire can be
    declared", "will keep troops at five posts to ensure no truce violation occurs"): the stance
    is about what is demanded or done, the act around it a sequel or a motive (realnews-dev gold
    gives such clauses only their own issue). A condition ("only after the troops withdraw",
    "until", "if") is a demand of its own and keeps its issue.
    """
    plain = _without_backdrop(tokens)
    found = classify_issues("".join(t.text_with_ws for t in plain), rules)
    # an aside between a subject and its verb ("The war, which has cost thousands of lives, must
    # end now") splits a term that names the issue; read the clause without it as well
    joined = _without_asides(plain)
    if len(joined) < len(plain):
        # quote marks around the rest ('The war, which ..., "must end now"') are no words either
        joined = [t for t in joined if not t.is_quote]
        found += [i for i in classify_issues(_spaced_text(joined), rules) if i not in found]
    if _PROCESS_ISSUE not in found:
        kept = _without_backdrop(tokens, gerunds=False)
        if _PROCESS_ISSUE in classify_issues("".join(t.text_with_ws for t in kept), rules):
            found.append(_PROCESS_ISSUE)
    if len(found) > 1:
        # a clause that names its own issue is about that, not about the act it is timed by or
        # done for ("demanded guarantees before resuming talks", "will hold the posts to make
        # sure the truce is not breached")
        sequel = _sequel_ids(tokens)
        core = [t for t in tokens if t.i not in sequel]
        core_found = _backdrop_free_issues(core, rules) if sequel and core else []
        if core_found:
            found = [i for i in found if i in core_found]
    return found


# Conjunctions by which an adverbial clause names the act that is to follow the stance
# ("withdraw before a truce can be declared"). "After", "until", "once", "if" and "unless" name
# the condition the party sets ("would agree to a truce only after the troops withdraw"), which
# is a stance of its own, and stay.
_SEQUEL_MARKS = frozenset({"before"})


def _sequel_ids(tokens: Sequence[Token]) -> set[int]:
    """Return the indices of the adverbial clauses inside ``tokens`` that only time or motivate
    the stance: a finite clause or a gerund after "before" ("before a ceasefire can be
    declared", "before resuming talks"), and a bare to-infinitive of purpose ("to ensure no
    truce violation occurs")."""
    ids = {t.i for t in tokens}
    out: set[int] = set()
    for t in tokens:
        if t.dep_ == "advcl" and t.head.i in ids:
            marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
            if marks & _SEQUEL_MARKS or (not marks and _is_infinitive(t)):
                out.update(x.i for x in t.subtree)
        elif (
            t.lower_ in _SEQUEL_MARKS
            and t.dep_ == "prep"
            and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)
        ):
            out.update(x.i for x in t.subtree)
    return out


def _spaced_text(tokens: Sequence[Token]) -> str:
    """Return the text of ``tokens`` as written, with a space where tokens were left out between."""
    return "".join(
        t.text_with_ws
        if t.whitespace_ or k + 1 == len(tokens) or tokens[k + 1].i == t.i + 1
        else t.text + " "
        for k, t in enumerate(tokens)
    )


def _without_asides(tokens: Sequence[Token]) -> list[Token]:
    """Return ``tokens`` without the non-restrictive relative clauses inside them (set off by a
    comma: "the war, which has cost thousands of lives, ..."), with the commas around each."""
    ids = {t.i for t in tokens}
    dropped: set[int] = set()
    for t in tokens:
        opener = t.left_edge.i - 1
        if t.dep_ == "relcl" and opener in ids and t.doc[opener].text == ",":
            dropped.update(x.i for x in t.subtree)
            dropped.add(opener)
            closer = t.right_edge.i + 1
            if closer < len(t.doc) and t.doc[closer].text == ",":
                dropped.add(closer)
    return [t for t in tokens if t.i not in dropped]


def _without_backdrop(clause: Sequence[Token], *, gerunds: bool = True) -> list[Token]:
    """Return the clause without its time and circumstance phrases (a preposition with a noun
    phrase: "ahead of next week's talks"; with ``gerunds``, with a gerund: "before joining the
    talks"); a finite clause after "after" or "before" is a condition and stays."""
    dropped: set[int] = set()
    for t in clause:
        if t.lower_ not in _BACKDROP_PREPOSITIONS or t.i in dropped:
            continue
        noun_phrase = t.dep_ == "prep" and any(c.dep_ == "pobj" for c in t.children)
        if t.dep_ == "mark" and t.head.lower_ in _NOUNS_READ_AS_VERBS and t.head.i > t.i:
            # "before any ceasefire talks": the parser reads the noun as a verb the preposition
            # marks ("ceasefire" its subject); it is a noun phrase, not a condition
            dropped.update(x.i for x in t.head.subtree)
            continue
        # a gerund after the preposition ("before joining the truce talks") times the stance by
        # another act of its party; a finite clause ("after the militia is disarmed") is a condition
        gerund = gerunds and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)
        if noun_phrase or gerund or (t.lower_ == "ahead" and any(c.lower_ == "of" for c in t.children)):
            dropped.update(x.i for x in t.subtree)
    return [t for t in clause if t.i not in dropped]


def _antecedent_phrase(relative: Token) -> str:
    """Return the text of the noun phrase a relative clause modifies, without the clause itself.
    A noun that only sums up what came before it ("Kyiv renewed its push for a truce, something
    Zelenskyy has called for"; an apposition, or a bare noun hung on the verb) stands for that
    phrase or clause, so its head's words are the antecedent."""
    noun = relative.head
    while noun.dep_ in ("appos", "npadvmod") and noun.head.i != noun.i:
        noun = noun.head
    own = {t.i for t in relative.subtree}
    return "".join(t.text_with_ws for t in noun.subtree if t.i not in own)


def _has_own_subject(verb: Token) -> bool:
    """Return whether ``verb`` names its own subject (not one shared with the clause it joins)."""
    return any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def _conjuncts(verb: Token) -> list[Token]:
    """Return the clauses coordinated with ``verb`` ("... and said ...", "... but that ..."): each
    is a statement of its own, not part of what the verb's clause judges."""
    return [c for c in verb.children if c.dep_ in ("conj", "cc")]


def _trim_edges(tokens: Sequence[Token]) -> list[Token]:
    """Return ``tokens`` without leading relative pronouns, prepositions and conjunctions, and
    without trailing prepositions and conjunctions (closing punctuation stays)."""
    out = [t for t in tokens if not t.is_space]
    while out and (out[0].pos_ in _EDGE_POS or out[0].tag_ in ("WDT", "WP")):
        out.pop(0)
    while out and out[-1].pos_ in _EDGE_POS and not (out[-1].is_punct and out[-1].text in '.!?"”’)'):
        out.pop()
    return out


def is_complete_stance(tokens: Sequence[Token]) -> bool:
    """Return whether ``tokens`` read as a clause: MIN_STANCE_WORDS words or more, one a verb,
    and no dangling preposition at the end ("accepted by")."""
    words = [t for t in tokens if not t.is_space and not t.is_punct]
    return (
        len(words) >= MIN_STANCE_WORDS
        and any(t.pos_ in ("VERB", "AUX") for t in words)
        and words[-1].pos_ not in ("ADP", "SCONJ", "CCONJ")
    )


def strongest_per_party_issue(spans: Sequence[PositionSpan]) -> list[PositionSpan]:
    """Return one position per (party, issue) of an article: the one with the strongest evidence.

    A party is the side an actor acts for, so a president and his foreign ministry are one.

    An article restates a stance (lead, body, quote); a record per restatement would count one
    stance several times. The strongest is the one whose own clause names the issue; among
    equals, the first in the text, which in news copy is the fullest statement of it.
    """
    best: dict[tuple[str, str], PositionSpan] = {}
    for span in spans:
        # a leader and the state they speak for are one party (FORMAT.md: either is accepted)
        key = (span.party.side, span.issue)
        held = best.get(key)
        if held is None or (span.strength, -span.start) > (held.strength, -held.start):
            best[key] = span
    return sorted(best.values(), key=lambda p: (p.start, p.issue))


def rule_spans(finder: _Finder, readings: Sequence[StanceReading]) -> list[PositionSpan]:
    """Return the rules' positions of ``readings``: one per (party, issue) per sentence."""
    out: list[PositionSpan] = []
    seen: set[tuple[int, str, str]] = set()
    for r in readings:
        for issue in r.issues:
            key = (r.index, r.party.ref, issue)
            if key not in seen:
                seen.add(key)
                out.append(finder.span(r, issue, 2 if r.direct else 1))
    return out


def find_positions(
    doc: Doc,
    mentions: Sequence[Mention],
    *,
    quotes: Sequence[tuple[int, int, ActorRef | None]] = (),
    rules: Rules | None = None,
    speakers: Sequence[tuple[int, int, ActorRef | None]] = (),
) -> list[PositionSpan]:
    """Return each party's stances on negotiation issues in ``doc``, one per (party, issue) per sentence.

    ``mentions`` are knowledge-base mentions (offsets into ``doc.text``); only ``actor`` and
    resolved ``role`` mentions can be parties. ``quotes`` are (start, end, speaker) of quotes
    found elsewhere: a stance voiced inside one without a subject of its own is the speaker's.
    ``speakers`` are (start, end, speaker) of the speaker phrases the quote finder resolved: a
    stance verb whose subject is one of them ("the spokesperson demanded") is that speaker's.
    """
    return _Finder(doc, mentions, quotes, rules or load_rules(), speakers).find()


# -- the positions component ------------------------------------------------------------------------

# Longest stance kept from a quote, in characters (as a claim's subject: a clause, not a paragraph).
QUOTED_STANCE_MAX = 160


@lru_cache(maxsize=8)
def _quote_markers(rules: Rules) -> re.Pattern[str]:
    """Return the pattern of stance.toml's [quoted] markers."""
    body = "|".join(f"(?:{p})" for p in rules["stance.toml"]["quoted"]["markers"])
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


# Cues by which an outlet or an agency passes on news ("Israel Hayom reported that ..."): the words
# that follow are what it learned, not a stance it takes.
_NEWS_REPORT_CUES = frozenset({"reported", "reports", "reporting", "report"})


def quoted_stances(
    quotes: Sequence[Any],
    found: Sequence[PositionSpan],
    rules: Rules,
    doc: Doc | None = None,
    mentions: Sequence[Mention] = (),
) -> list[PositionSpan]:
    """Return positions voiced in quotes that the clause rules missed: a speaker saying what must,
    should or will not happen on a negotiation issue ("Dujarric said both sides must protect
    civilian infrastructure"). ``quotes`` are QuoteSpans (offsets into the parsed text); with the
    parsed ``doc``, a quoted fragment that is no clause ("must be observed") gives way to its
    sentence as the stance text. With the article's ``mentions``, a marker whose clause has
    another party as its subject ("Israeli officials said Hamas rejected the proposal") is that
    party's act as the speaker tells it, not the speaker's stance."""
    markers = _quote_markers(rules)
    parties = sorted(
        ((m.start, m.end, m.actor) for m in mentions if m.kind in ("actor", "role") and m.actor),
        key=lambda m: (m[0], -(m[1] - m[0])),
    )
    have = {(p.party.side, p.issue) for p in found}
    out: list[PositionSpan] = []
    for q in quotes:
        if q.speaker is None or not markers.search(q.text):
            continue
        if q.cue.split()[0].lower() in _NEWS_REPORT_CUES:
            continue  # "X reported that the leaders agreed ...": a report of others' deeds, not X's stance
        side = q.speaker.side
        words = doc.char_span(q.start, q.end, alignment_mode="expand") if doc is not None else None
        if words is None:
            issues = classify_issues(q.text, rules)
        else:
            # only what a marker frames: an issue told beside it as a fact is no stance
            speaker = q.speaker

            def foreign(verb: Token, marker: Token, speaker: ActorRef = speaker) -> bool:
                subject = _subject_party(verb, marker, parties)
                return subject is not None and not ({subject.ref, subject.side} & {speaker.ref, speaker.side})

            scope = _marker_scope(list(words), markers, foreign)
            issues = _backdrop_free_issues(scope, rules) if scope else []
        for issue in issues:
            if (side, issue) in have or (q.speaker.ref, issue) in have:
                continue
            have.add((side, issue))
            stance = " ".join(q.text.split())[:QUOTED_STANCE_MAX]
            if doc is not None:
                span = doc.char_span(q.start, q.end, alignment_mode="expand")
                sentence = doc.char_span(q.sentence_start, q.sentence_end, alignment_mode="expand")
                if span is not None and sentence is not None and not is_complete_stance(list(span)):
                    stance = " ".join(sentence.text.split())[:QUOTED_STANCE_MAX]
            out.append(
                PositionSpan(q.speaker, issue, stance, q.start, q.end, q.sentence_start, q.sentence_end)
            )
    return out


def _subject_party(
    verb: Token, marker: Token, parties: Sequence[tuple[int, int, ActorRef]]
) -> ActorRef | None:
    """Return the party named as the active subject of ``verb`` ("Hamas rejected", "Israel's
    cabinet will meet"): the actor of a mention covering the subject or its possessor. A passive
    subject ("Hamas would be disarmed") undergoes the act and names no one, and a subject that
    holds the ``marker`` itself ("Ukraine's sovereignty is our condition") is what the speaker
    speaks of, not someone acting."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i <= marker.i <= subject.right_edge.i:
        return None
    for tok in (subject, *(c for c in subject.children if c.dep_ == "poss")):
        for start, end, actor in parties:
            if start <= tok.idx < end:
                return actor
    return None


def _marker_scope(
    words: Sequence[Token],
    markers: re.Pattern[str],
    foreign: Callable[[Token, Token], bool] | None = None,
) -> list[Token]:
    """Return the tokens of a quote's ``words`` that lie in a clause one of its stance markers
    governs: the verb the marker belongs to (a modal's or an adjective's verb, the verb a marker
    noun hangs on) with all it governs.

    Why: a quote is its speaker's stance on the issues of what the marker frames, not on every
    issue the quoted words name. In '"The truce collapsed last week, and we will keep the
    embassy open"' the "will" frames the embassy; the truce is a fact told beside it, as is a
    ceasefire in another sentence of a long quote or in an analyst's forecast. A verb that
    ``foreign`` says has another party as its subject frames nothing of the speaker's."""
    if not words:
        return []
    doc = words[0].doc
    start = words[0].idx
    inside = {t.i for t in words}
    keep: set[int] = set()
    for m in markers.finditer(doc_text(doc)[start : words[-1].idx + len(words[-1].text)]):
        span = doc.char_span(start + m.start(), start + m.end(), alignment_mode="expand")
        if span is None:
            continue
        head = marker = span.root
        while (head.pos_ not in ("VERB", "AUX") or head.dep_ in ("aux", "auxpass")) and head.head.i != head.i:
            head = head.head
        if foreign is not None and foreign(head, marker):
            continue
        keep.update(t.i for t in head.subtree if t.i in inside)
    return [t for t in words if t.i in keep]


def article_readings(ctx: ArticleContext) -> tuple[_Finder, list[StanceReading]]:
    """Return the article's position finder and every stance reading of it (dropped ones too)."""
    qspans = ctx.need("qspans")
    finder = _Finder(
        ctx.need("doc"),
        ctx.need("mentions"),
        [(q.start, q.end, q.speaker) for q in qspans],
        ctx.resources.rules,
        [(q.speaker_start, q.speaker_end, q.speaker) for q in qspans],
    )
    return finder, list(finder.readings())


def find_article_positions(ctx: ArticleContext) -> None:
    """Assign ctx.positions: clause positions, then those voiced in quotes; one per party and issue."""
    from parley.extract.positions_holders import unplaced_people
    from parley.extract.positions_learned import ArticleIssues, judged_readings, position_model

    finder, readings = article_readings(ctx)
    rules, doc = ctx.resources.rules, ctx.need("doc")
    model = position_model()
    if model is not None:
        readings = judged_readings(model, readings, ArticleIssues(finder.sents, doc, rules), rules)
    spans = rule_spans(finder, readings)
    spans += quoted_stances(ctx.need("qspans"), spans, rules, doc, ctx.need("mentions"))
    # a person no description ties to a party (a driver, a company's chief) holds no position
    unplaced = unplaced_people(doc, ctx.need("mentions"), rules)
    spans = [s for s in spans if s.party.ref not in unplaced]
    ctx.positions = [
        Position(
            party=p.party,
            issue=p.issue,
            stance=p.stance,
            evidence=ctx.evidence(p.start, p.end, p.sentence_start, p.sentence_end),
        )
        for p in strongest_per_party_issue(spans)
    ]


POSITIONS = Component(
    "positions", requires=("doc", "mentions", "qspans"), assigns=("positions",), run=find_article_positions
)
