"""What a speaker's words refer back to: pronouns, descriptions and roles.

"He said", "the ministry said", "a Lebanese security source said", "his office said", "the
spokesperson added": the speaker token names nobody by a name of its own, and who it is depends
on the mentions and speakers before it. :class:`Referents` holds those rules; the speaker
resolver (``quotes_speaker``) uses it for every speaker token the knowledge base has no mention
for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.analyse.doc_views import subtree_chars
from parley.analyse.doc_views import text as doc_text
from parley.analyse.mentions import Mention
from parley.extract.quotes_lexicon import SpeechLexicon
from parley.extract.quotes_names import name_only_speaker
from parley.extract.quotes_roles import INDEFINITE, holder, role_words
from parley.model.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.kb.actors import ActorRegistry

NON_PERSON_KINDS = ("state", "organization", "group")
# Words that give a person's sex: pronouns that refer back, and titles before a name (True: a man).
MASCULINE = {
    **dict.fromkeys(("he", "him", "his", "himself", "mr"), True),
    **dict.fromkeys(("she", "her", "hers", "herself", "mrs", "ms"), False),
}
TITLES = frozenset({"mr", "mrs", "ms"})
# The pronouns after a name that refer back to it ("X said she ...", "X and his aides"); "him" and
# "her" are as often someone else ("X called her").
REFERRING = frozenset({"he", "his", "himself", "she", "herself"})
# How far after a person's name the pronoun that tells their sex may come ("Kallas said she ...").
SEX_WINDOW = 150
_WORD = re.compile(r"[a-z]+")
# How far around a person's mention the text may name their role ("Esmaeil Baghaei, the foreign
# ministry spokesperson"), for "the spokesperson added" later on.
ROLE_CONTEXT = 60
# Words for a non-state armed group: "a rebel source", "militia commanders" are the group's.
ARMED_GROUP_WORDS = frozenset({"rebel", "militia", "militant", "insurgent", "guerrilla", "jihadist"})


@dataclass(frozen=True)
class Resolved:
    """A speaker as resolved, with the character span that named it (-1 when none)."""

    actor: ActorRef | None
    start: int = -1
    end: int = -1


def is_person(actor: ActorRef) -> bool:
    """Return True when ``actor`` is a person (roles resolve to people)."""
    return actor.kind not in NON_PERSON_KINDS


class Referents:
    """The rules for speaker tokens that refer back: pronouns, descriptions, roles, owners.

    A base of :class:`parley.extract.quotes_speaker.SpeakerResolver`, which sets the attributes
    below (the text, its speaker-capable mentions sorted by start, the speakers so far).
    """

    text: str
    mentions: Sequence[Mention]
    lex: SpeechLexicon
    history: list[tuple[int, ActorRef]]
    quoted: Sequence[tuple[int, int]]
    reported: Sequence[tuple[int, int]]
    registry: ActorRegistry | None
    _mentions: list[Mention]
    _starts: list[int]
    _base: int
    _doc: Doc | None
    _sex: dict[str, bool] | None
    _states: frozenset[str] | None

    def _demonym(self, word: str) -> ActorRef | None:
        """Return the state a demonym names ("Lebanese" -> Lebanon), as the registry knows it."""
        if self.registry is None:
            from parley.kb.actors import default_registry

            self.registry = default_registry()
        entry = self.registry.state_for_demonym(word)
        if entry is None or entry.kind != "state":
            return None
        return ActorRef(name=entry.name, kind="state", id=entry.qid, method="demonym")

    def _in_quotes(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Return the speaker-capable mentions overlapping ``[start, end)``, longest first."""
        hi = bisect_left(self._starts, end)
        found = [m for m in self._mentions[:hi] if m.end > start]
        return sorted(found, key=lambda m: -(m.end - m.start))

    def _mention_actor(self, found: list[Mention]) -> ActorRef | None:
        for m in found:
            if m.actor is not None:
                return m.actor
        return None

    def _described(
        self, tok: Token, base: int, pos: int, window_start: int, sentence_start: int
    ) -> ActorRef | None:
        """Return the actor a noun phrase with no mention of its own stands for, or None.

        In order: a possessive pronoun's owner ("his office" is the person, "his defence minister"
        the state he leads); a statement's issuer, the speaker just before; an earlier mention ending
        in the same noun ("the ministry"); a demonym ("a Lebanese security source" is Lebanon); a
        surname naming an earlier person ("Salam said" after "Nawaf Salam"); a role or body the
        text names no owner for ("the spokesperson", "the Defence Ministry") from the speaker or
        state before it; and last, a proper name the knowledge base does not know, by its own name.
        """
        lemma = tok.lemma_.lower()
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None and (poss.lower_ in self.lex.possessives or poss.pos_ in ("NOUN", "PROPN")):
            if poss.lower_ in self.lex.possessives:
                owner = self._owner(poss.lower_, base + poss.idx, window_start)
            elif self._is_place(base + poss.idx, base + poss.idx + len(poss.text)):
                owner = None  # a place that is no party ("Gaza's ..."), whatever the NER calls it
            else:  # "the presidency's statement": the owner is described in turn
                owner = self._described(poss, base, base + poss.idx, window_start, sentence_start)
            if owner is None and poss.pos_ == "PROPN":
                # "Gaza's civil defence agency reported": a body of a place that is no party the
                # knowledge base knows speaks for itself, named as the text names it
                return self._place_body(tok, poss)
            if owner is None or lemma in self.lex.own_offices:
                return owner
            return owner if lemma in self.lex.statements else self._institution(owner)
        if lemma in self.lex.statements:
            return self._issuer(tok, base, window_start, sentence_start) or self._last_before(pos)
        if any(c.lower_ in ("the", "this", "that") for c in tok.children):
            actor = self._definite(tok, pos)
            if actor is not None:
                return actor
        state = self._demonym_state(tok)
        if state is not None:
            return state
        if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.i > tok.sent.start):
            # a capitalised word the tagger took for a common noun mid-sentence ("Hannity said")
            # is still a name
            actor = self._surname(tok, pos)
            if actor is not None:
                return actor
        if lemma in self.lex.groups:
            return self._group(pos, window_start)
        if lemma in self.lex.roles or lemma in self.lex.bodies:
            if any(
                c.dep_ in ("amod", "compound") and c.lemma_.lower() in ARMED_GROUP_WORDS for c in tok.children
            ):
                # "a rebel source said", "militia commanders say": someone of the armed group the
                # text spoke of, never a state or mediator that spoke before
                armed = self._armed_group(pos)
                if armed is not None:
                    return armed
            placed = self._placed_state(tok, base) if lemma in self.lex.bodies else None
            return placed or self._body(tok, pos, window_start, lemma in self.lex.roles)
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG", ""):
            return self._unknown_name(tok)
        return None

    def _issuer(self, tok: Token, base: int, window_start: int, sentence_start: int) -> ActorRef | None:
        """Return who issued a statement the text says is from or by someone ("according to a
        statement from the presidency", "a statement by the ministry"): that party, not whoever
        spoke last."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("from", "by"):
                continue
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                a, b = subtree_chars(obj, base)
                found = self._mention_actor(self.overlapping(a, b))
                if found is not None:
                    return found
                if obj.pos_ in ("NOUN", "PROPN"):
                    return self._described(obj, base, base + obj.idx, window_start, sentence_start)
        return None

    def _place_body(self, tok: Token, poss: Token) -> ActorRef | None:
        """Return a name-only organisation for a described body owned by a place no mention makes a
        party ("Gaza's health ministry", "Darfur's regional authority"), or None.

        Only a body described by words of its own (a compound or adjective before the head) is
        named: "Gaza's civil defence agency" says which body it is, "Gaza's people" does not.
        """
        if tok.pos_ != "NOUN" or tok.tag_ in ("NNS", "NNPS"):
            return None
        place = self._is_place(self._base + poss.idx, self._base + poss.idx + len(poss.text))
        if not place and poss.ent_type_ not in ("GPE", "LOC", "FAC", ""):
            return None
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and poss.i < c.i < tok.i]
        if not mods or any(self._demonym(c.lower_) is not None for c in mods):
            return None
        doc = tok.doc
        first = poss.left_edge
        name = doc[first.i : tok.i + 1].text
        if name[:4].lower() == "the ":
            name = name[4:]
        return ActorRef(
            name=name, kind="organization", method="name", reason="named as the speaker", confidence=0.5
        )

    def _is_place(self, start: int, end: int) -> bool:
        """Return True when a place mention overlaps ``[start, end)``."""
        return any(m.kind == "place" and m.start < end and start < m.end for m in self.mentions)

    def _placed_state(self, tok: Token, base: int) -> ActorRef | None:
        """Return the state of the place a body is said to be in or from ("authorities in Beirut",
        "officials from Kyiv"): a body of a place speaks for the state the place lies in."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                a, b = base + obj.idx, base + obj.idx + len(obj.text)
                for m in self.mentions:
                    if (
                        m.kind == "place"
                        and m.place is not None
                        and m.place.country
                        and m.start < b
                        and a < m.end
                    ):
                        return self._state_of_country(m.place.country)
        return None

    def _state_of_country(self, iso2: str) -> ActorRef | None:
        """Return the state with ISO code ``iso2``, as the text mentions it if it does."""
        if self.registry is None:
            from parley.kb.actors import default_registry

            self.registry = default_registry()
        entry = self.registry.state_with_iso2(iso2)
        if entry is None:
            return None
        for m in self._mentions:
            if m.actor is not None and m.actor.id is not None and m.actor.id == entry.qid:
                return m.actor
        return ActorRef(name=entry.name, kind="state", id=entry.qid, method="place")

    def _role_holder(self, tok: Token, base: int, t_start: int, t_end: int) -> Resolved | None:
        """Return the person the article names in the role ``tok`` heads ("Ethiopia's prime
        minister" -> the prime minister named elsewhere in the text), or None."""
        if tok.lemma_.lower() not in self.lex.roles and tok.lower_ not in self.lex.roles:
            return None
        if any(m.actor is not None and m.actor.kind == "person" for m in self.overlapping(t_start, t_end)):
            return None  # the matcher already knows who holds it
        words = role_words(tok, self._is_state_word)
        if words is None:
            return None
        owner = None
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                a, b = subtree_chars(c, base)
                owner = self._mention_actor(self.overlapping(a, b)) or self._demonym_state(tok)
                if owner is not None:
                    break
        m = holder(self.text, self._mentions, words[0], words[1], t_start, owner)
        if m is None:
            return None
        return Resolved(m.actor, base + tok.left_edge.idx, t_end)

    def _is_state_word(self, word: str) -> bool:
        """Return True when ``word`` names a state: a demonym, or a word of a state mention."""
        return word in self._state_words() or self._demonym(word) is not None

    def _state_words(self) -> frozenset[str]:
        """Return the words of the text's state mentions (lower case); not those of a state body
        named as such ("the US treasury chief" is the treasury's chief, so "treasury" stays a word
        of the role while "US" names its state)."""
        if self._states is None:
            words: set[str] = set()
            for m in self._mentions:
                if m.actor is not None and m.actor.kind == "state" and m.actor.method != "institution":
                    words.update(w.lower() for w in m.text.split())
            self._states = frozenset(words)
        return self._states

    def _state_media(self, tok: Token, pos: int, window_start: int) -> ActorRef | None:
        """Return the state whose state media speaks ("Syrian state television channel X", "state
        media reported"): a state news outlet speaks for its state (eval/realnews/CONVENTIONS.md)."""
        left = [t for t in tok.subtree if t.i <= tok.i]
        words = {t.lower_ for t in left}
        forms = words | {t.lemma_.lower() for t in left}  # spaCy lemmatises "media" as "medium"
        if not words & self.lex.state_markers or not forms & self.lex.media:
            return None
        for t in left:
            state = self._demonym(t.lower_)
            if state is not None:
                return state
            for m in self.overlapping(self._base_of(t), self._base_of(t) + len(t.text)):
                if m.actor is not None and m.actor.kind == "state":
                    return m.actor
        return self._body(tok, pos, window_start, False)

    def _base_of(self, tok: Token) -> int:
        """Return the article offset of ``tok`` (set per resolve call)."""
        return self._base + tok.idx

    def _owner(self, low: str, pos: int, window_start: int) -> ActorRef | None:
        """Return whom a possessive pronoun names: the person (or party) its paragraph mentioned last
        before it, else whom a pronoun there would name."""
        want_person = low in self.lex.person_pronouns
        para_start = self.text.rfind("\n", 0, pos) + 1
        hi = bisect_left(self._starts, pos)
        for m in reversed(self._mentions[:hi]):
            if m.start < para_start:
                break
            if m.actor is not None and m.end <= pos and (m.actor.kind == "person") == want_person:
                return m.actor
        return self._pronoun(low, pos, pos, window_start, pos).actor

    def _group(self, pos: int, window_start: int) -> ActorRef | None:
        """Return the group or organisation "the group" refers back to: the last one spoken of."""
        for p, actor in reversed(self.history):
            if window_start <= p < pos and actor.kind in ("group", "organization"):
                return actor
        hi = bisect_left(self._starts, pos)
        for m in reversed(self._mentions[:hi]):
            if m.actor is not None and m.actor.kind in ("group", "organization"):
                return m.actor
        return None

    def _armed_group(self, pos: int) -> ActorRef | None:
        """Return the armed group (kind "group") the text named last before ``pos``, or None."""
        hi = bisect_left(self._starts, pos)
        for m in reversed(self._mentions[:hi]):
            if m.actor is not None and m.actor.kind == "group" and not self._in_quotes(m.start):
                return m.actor
        return None

    def _last_before(self, pos: int) -> ActorRef | None:
        """Return the most recent speaker before ``pos``, anywhere earlier in the text."""
        for p, actor in reversed(self.history):
            if p < pos:
                return actor
        return None

    def _demonym_state(self, tok: Token) -> ActorRef | None:
        """Return the state a demonym modifying ``tok`` names ("Lebanese sources" -> Lebanon)."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i:
                state = self._demonym(c.lower_)
                if state is None:
                    continue
                for m in self._mentions:
                    if m.actor is not None and m.actor.id == state.id:
                        return m.actor
                return state
        return None

    def _surname(self, tok: Token, pos: int) -> ActorRef | None:
        """Return the person an earlier mention names in full when the text uses one of its names."""
        word = tok.lower_
        hi = bisect_left(self._starts, pos)
        full: list[ActorRef] = []
        for m in self._mentions[:hi]:
            if m.actor is not None and m.actor.kind == "person" and m.end <= pos:
                words = [w.strip(".,'’").lower() for w in m.text.split()]
                if len(words) > 1 and word in words[1:]:
                    full.append(m.actor)
        if full:
            # two people of one surname ("Ted Roe" ... "his wife, Ann Roe"): the one the article
            # names most, the first named on a tie; a relative is named in full
            return max(full, key=lambda a: (full.count(a), -full.index(a)))
        # a person the knowledge base does not know, named in full as a speaker before ("host Jane
        # Roe indicated ..." then "Roe said")
        for p, actor in reversed(self.history):
            words = (actor.name or "").lower().split()
            named = actor.kind == "person" or (actor.method == "name" and actor.kind == "organization")
            if p < pos and named and len(words) > 1 and word == words[-1]:
                return actor
        return None

    def _body(self, tok: Token, pos: int, window_start: int, role: bool) -> ActorRef | None:
        """Return who a role or body named without its owner speaks for.

        A person spoken of just before, introduced with that role ("Esmaeil Baghaei, the foreign
        ministry spokesperson" ... "the spokesperson added"); else, for a role, the person who
        spoke just before, and for a body the speaker or state before it.
        """
        noun = tok.lower_
        if role and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children):
            role = False  # "a commander said": someone the text does not name, of the state
        # "an army official told AFP": an official of a state body is the state's, never the outlet
        # or organisation that spoke just before
        of_state = any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.lex.bodies for c in tok.children
        )
        for p, actor in reversed(self.history if role else ()):
            # only a role is a person's ("the spokesperson"); "the military" is no one who spoke
            # of military strength just before
            if (
                window_start <= p < pos
                and actor.kind == "person"
                and any(
                    noun in self.text[max(0, m.start - ROLE_CONTEXT) : m.end + ROLE_CONTEXT].lower()
                    for m in self._mentions
                    if m.actor == actor and m.end <= pos
                )
            ):
                return actor
        for p, actor in reversed(self.history):
            if not window_start <= p < pos:
                continue
            if is_person(actor) == role and not (of_state and actor.kind != "state"):
                return actor
            # "the military confirmed" after the defence minister spoke: the state he acts for
            inst = None if role else self._institution(actor)
            if inst is not None and inst.kind == "state":
                return inst
        hi = bisect_left(self._starts, pos)
        for m in reversed(self._mentions[:hi]):
            if m.actor is not None and m.actor.kind == "state":
                return m.actor
        # "..., said a local official" at the top of a report: the state the article is about
        return next(
            (m.actor for m in self._mentions if m.actor is not None and m.actor.kind == "state"), None
        )

    def _unknown_name(self, tok: Token) -> ActorRef | None:
        """Return a name-only actor for a person or organisation the knowledge base does not know."""
        return name_only_speaker(tok, self.lex)

    def _institution(self, actor: ActorRef | None) -> ActorRef | None:
        """Return the state or body a person acts for, when the speaker is their aide or office."""
        if actor is None or actor.kind != "person" or not actor.affiliation:
            return actor
        for m in self._mentions:
            if m.actor is not None and actor.affiliation in (m.actor.id, m.actor.name):
                return m.actor
        # "Machar's party condemned ...": the body the person acts for speaks even where the text
        # never names it, as the knowledge base knows it
        if self.registry is None:
            from parley.kb.actors import default_registry

            self.registry = default_registry()
        entry = self.registry.get(actor.affiliation)
        if entry is None:
            found = self.registry.resolve(actor.affiliation)
            return found if found is not None and found.kind != "person" else actor
        if entry.kind == "person":
            return actor
        return ActorRef(name=entry.name, kind=entry.kind, id=entry.qid, method="affiliation")

    def _pronoun(
        self, low: str, start: int, end: int, window_start: int, sentence_start: int, content_start: int = -1
    ) -> Resolved:
        want_person = low in self.lex.person_pronouns
        # "Krasylnykov, the commander, was dismissed, he told ...", "the ministry released a
        # statement in which it said ...": the party the sentence is about before the pronoun comes
        # first, then whoever spoke last.
        lo, hi = bisect_left(self._starts, sentence_start), bisect_left(self._starts, start)
        for m in self._mentions[lo:hi]:
            # a person may report on themselves ("X was dismissed, he told"), but "it" and "they"
            # are not a party named inside what is reported ("..., according to them")
            inside = not want_person and 0 <= content_start < start
            before = content_start if inside else start
            if want_person and 0 <= content_start <= m.start and not self._is_subject(m):
                # '"We are concerned about the troops around X's residence," he wrote': a person
                # named in what is reported, other than as its subject, is not who reports it
                continue
            if (
                m.actor is not None
                and m.end <= before
                and self._fits(m.actor, low)
                and not self._in_quotes(m.start)
            ):
                return Resolved(m.actor, start, end)
        spoke = next(
            ((p, a) for p, a in reversed(self.history) if window_start <= p < start and self._fits(a, low)),
            None,
        )
        named = self._named_subject(window_start, sentence_start, low) if want_person else None
        if named is not None and (spoke is None or named.start > spoke[0]):
            # "Carson dodged the question. 'Either team can win,' he said": the person last named as
            # a subject, not a speaker quoted before that person came in
            return Resolved(named.actor, start, end)
        if spoke is not None:
            return Resolved(spoke[1], start, end)
        hi = bisect_left(self._starts, sentence_start)
        for m in reversed(self._mentions[:hi]):
            if m.actor is not None and m.end <= sentence_start and self._fits(m.actor, low):
                return Resolved(m.actor, start, end)
        return Resolved(None, start, end)

    def _fits(self, actor: ActorRef, low: str) -> bool:
        """Return True when the pronoun ``low`` can stand for ``actor``: a person for "he" and "she",
        of no sex the article gives otherwise; a state or body for "it" and "they"."""
        if is_person(actor) != (low in self.lex.person_pronouns):
            return False
        sex = MASCULINE.get(low)
        return sex is None or self._sexes().get(actor.ref, sex) == sex

    def _sexes(self) -> dict[str, bool]:
        """Return, per person the article names, whether it refers to them as a man (True) or a woman
        (False): by a title before the name ("Ms", "Mr"), else by the pronoun that first follows the name
        in its sentence before another person is named, the majority over all the person's mentions."""
        if self._sex is not None:
            return self._sex
        votes: dict[str, int] = {}
        people = [m for m in self._mentions if m.actor is not None and m.actor.kind == "person"]
        for n, m in enumerate(people):
            ref = m.actor.ref if m.actor is not None else ""
            title = _WORD.findall(self.text[max(0, m.start - 6) : m.start].lower())
            vote = MASCULINE.get(title[-1]) if title and title[-1] in TITLES else None
            if vote is None:
                stop = min(people[n + 1].start if n + 1 < len(people) else len(self.text), m.end + SEX_WINDOW)
                tail = self.text[m.end : stop]
                tail = tail[
                    : min((i for i in (tail.find(". "), tail.find("\n")) if i >= 0), default=len(tail))
                ]
                vote = next((MASCULINE[w] for w in _WORD.findall(tail.lower()) if w in REFERRING), None)
            if vote is not None:
                votes[ref] = votes.get(ref, 0) + (1 if vote else -1)
        self._sex = {ref: v > 0 for ref, v in votes.items() if v}
        return self._sex

    def _named_subject(self, since: int, sentence_start: int, low: str) -> Mention | None:
        """Return the last person ``low`` can stand for named as a subject between ``since`` and
        ``sentence_start``, outside quotations and reported contents (a name in what someone says is
        not who says it)."""
        lo, hi = bisect_left(self._starts, since), bisect_left(self._starts, sentence_start)
        for m in reversed(self._mentions[lo:hi]):
            if (
                m.actor is not None
                and m.end <= sentence_start
                and self._fits(m.actor, low)
                and not self._in_quotes(m.start)
                and not any(a <= m.start < b for a, b in self.reported)
                and self._is_subject(m)
            ):
                return m
        return None

    def _is_subject(self, m: Mention) -> bool:
        """Return True when ``m`` is the subject of its clause in the parse being resolved (the one
        a later "he said" is about; "he called the minister's remark ..." is not about the minister)."""
        doc = self._doc
        if doc is None:
            return False
        a, b = m.start - self._base, m.end - self._base
        if a < 0 or b > len(doc_text(doc)):
            return False
        span = doc.char_span(a, b, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass")

    def _definite(self, tok: Token, pos: int) -> ActorRef | None:
        """Return the actor an earlier mention ending in the same noun named ("the ministry"), or an
        organisation that spoke before under a name ending in it ("the agency" after "Gaza's civil
        defence agency reported")."""
        heads = {tok.lower_, tok.lemma_.lower()}
        for p, actor in reversed(self.history):
            words = (actor.name or "").lower().split()
            if (
                p < pos
                and actor.method == "name"
                and actor.kind == "organization"
                and words
                and words[-1] in heads
            ):
                return actor
        hi = bisect_left(self._starts, pos)
        for m in reversed(self._mentions[:hi]):
            words = m.text.lower().split()
            if m.actor is not None and words and words[-1] in heads:
                return m.actor
        return None
