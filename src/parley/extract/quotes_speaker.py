"""Who said it: from the token that names a speaker to an ``ActorRef``.

The token comes from the parse (the subject of a verb of saying, the object of "according
to", the object of "citing"); this module maps it to a knowledge-base mention, follows
relative pronouns to their antecedent, and leaves personal pronouns and definite
descriptions ("the ministry") to ``quotes_described``, which resolves them against the speakers
and mentions that came before.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.analyse.doc_views import entities, subtree_chars
from parley.analyse.mentions import Mention
from parley.extract.datelines import in_dateline
from parley.extract.quotes_described import Referents, Resolved
from parley.extract.quotes_lexicon import SpeechLexicon
from parley.extract.quotes_names import plural_noun_opening
from parley.model.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.kb.actors import ActorRegistry

SPEAKER_KINDS = ("actor", "role", "pronoun")
# Dependency labels that make a token the subject of its clause.
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
# Tags of a finite verb ("said", "says", "say"): a participle or infinitive has no subject of its own.
FINITE_TAGS = ("VBD", "VBZ", "VBP")
# How far up the tree a participle ("..., saying ...") may look for the clause whose subject
# speaks; three or four levels cover "X met Y, lauding A, asserting B" chains.
MAX_PARTICIPLE_CLIMB = 6
# An inverted attribution names its speaker within this many characters after the cue
# ("wrote their spokesperson Lawrence Kanyuka").
NEAR_AFTER = 40
# Dashes that end a dateline ("KHARTOUM, MINA – X announced", "HASAKEH (Syria) (AFP) – X said").
DATELINE_DASHES = frozenset({"–", "—", "-", "--"})


@dataclass
class SpeakerResolver(Referents):
    """Resolves speaker tokens in document order, remembering who spoke where."""

    text: str
    mentions: Sequence[Mention]
    lex: SpeechLexicon
    history: list[tuple[int, ActorRef]] = field(default_factory=list)
    # Spans inside quotation marks: a name there is what is said, never who says it
    # ('"... joined by General X," he wrote' is not X).
    quoted: Sequence[tuple[int, int]] = ()
    # Reported contents ("X said that ..."): a name there is what is reported, not a speaker.
    reported: Sequence[tuple[int, int]] = ()
    # The knowledge base whose demonyms name states ("Lebanese sources"); None: the shipped one.
    registry: ActorRegistry | None = None

    _base: int = 0
    _doc: Doc | None = None
    _sex: dict[str, bool] | None = None
    _states: frozenset[str] | None = None

    def __post_init__(self) -> None:
        self._mentions = sorted(
            (m for m in self.mentions if m.kind in SPEAKER_KINDS), key=lambda m: (m.start, -m.end)
        )
        self._starts = [m.start for m in self._mentions]

    # -- mentions -------------------------------------------------------------------------
    def remember(self, pos: int, actor: ActorRef | None) -> None:
        """Record that ``actor`` spoke at ``pos`` (for pronouns and 'he added')."""
        if actor is not None:
            self.history.append((pos, actor))

    def last_speaker(self, pos: int, window_start: int) -> Resolved:
        """Return the most recent speaker before ``pos`` that spoke after ``window_start``."""
        for p, actor in reversed(self.history):
            if window_start <= p < pos:
                return Resolved(actor)
        return Resolved(None)

    def person_near(self, pos: int, sentence_start: int, sentence_end: int) -> Resolved:
        """Return the person a sentence names closest before ``pos``, else just after it; a name
        inside quotation marks is what is said, not who says it ('"... targeted the carrier
        (Abraham)," indicating that ...' is not Abraham's)."""
        lo, hi = bisect_left(self._starts, sentence_start), bisect_left(self._starts, sentence_end)
        people = [
            m
            for m in self._mentions[lo:hi]
            if m.actor is not None and m.actor.kind == "person" and not self._in_quotes(m.start)
        ]
        before = [m for m in people if m.end <= pos]
        after = [m for m in people if m.start > pos and m.start - pos <= NEAR_AFTER]
        for m in before[-1:] or after[:1]:
            return Resolved(m.actor, m.start, m.end)
        return Resolved(None)

    # -- tokens ---------------------------------------------------------------------------
    def resolve(
        self, tok: Token, base: int, window_start: int, sentence_start: int, content_start: int = -1
    ) -> Resolved:
        """Return the speaker named by ``tok`` (a subject, an 'according to' object, ...)."""
        tok = antecedent(tok, self.lex)
        self._base = base
        self._doc = tok.doc
        t_start = base + tok.idx
        t_end = t_start + len(tok.text)
        low = tok.lower_
        if low in self.lex.person_pronouns or low in self.lex.collective_pronouns:
            given = self._mention_actor(self.overlapping(t_start, t_end))
            if given is not None:
                return Resolved(given, t_start, t_end)
            return self._pronoun(low, t_start, t_end, window_start, sentence_start, content_start)
        if low in self.lex.unresolvable:
            return Resolved(None, t_start, t_end)
        state = self._state_media(tok, t_start, window_start)
        if state is not None:
            return Resolved(state, base + tok.left_edge.idx, t_end)
        held = self._role_holder(tok, base, t_start, t_end)
        if held is not None:
            return held
        found = self._np_mention(tok, base)
        if found is not None:
            return found
        left, right = base + tok.left_edge.idx, t_end
        if tok.pos_ not in ("NOUN", "PROPN"):
            return Resolved(None, left, right)
        actor = self._described(tok, base, t_start, window_start, sentence_start)
        return Resolved(actor, left, right)

    def unowned(self, tok: Token, base: int) -> bool:
        """Return True when ``tok`` heads a body or role of no named party ("a senior military
        official", "sources"): no mention in its phrase, no owner, no demonym."""
        low = {tok.lower_, tok.lemma_.lower()}
        if not low & (self.lex.bodies | self.lex.roles):
            return False
        if any(c.dep_ == "poss" for c in tok.children) or self._demonym_state(tok) is not None:
            return False
        a, b = subtree_chars(tok, base)
        return not self.overlapping(a, b)

    def _np_mention(self, tok: Token, base: int) -> Resolved | None:
        """Return the mention that names the noun phrase headed by ``tok``, best first."""

        def span(t: Token) -> tuple[int, int]:
            return base + t.idx, base + t.idx + len(t.text)

        appos = [c for c in tok.children if c.dep_ == "appos"]
        grouping = self._grouping_named(tok, base)
        if grouping is not None:
            return grouping
        tiers: list[list[tuple[int, int]]] = [[span(tok)]]
        tiers.append([subtree_chars(c, base) for c in appos])
        tiers.append([span(c) for c in tok.children if c.dep_ in ("compound", "flat", "amod", "nmod")])
        tiers.append([subtree_chars(c, base) for c in tok.children if c.dep_ == "conj"])
        tiers.append([subtree_chars(c, base) for c in tok.children if c.dep_ == "prep"])
        for n, spans in enumerate(tiers):
            if n == 1 and appos and tok.pos_ == "PROPN" and all(c.pos_ == "NOUN" for c in appos):
                # "Delane, a close ally of the president, said", "said Roe, now a consultant on
                # Burma": a name described by an apposition is the speaker; a party named inside
                # the description (the president, Burma) is what the description says of them
                own = self._named(tok, base)
                if own is not None:
                    return own
                actor = self._surname(tok, base + tok.idx) or self._unknown_name(tok)
                if actor is not None:
                    return Resolved(actor, *span(tok))
            if n == 1:
                body = self._organisation_named(tok, appos, base)
                if body is not None:
                    return body
            for a, b in spans:
                found = self.overlapping(a, b)
                if found:
                    m = found[0]
                    return Resolved(m.actor, m.start, m.end)
            # "the Khmer Times newspaper", "local news outlet Sweida24": an unknown outlet named
            # beside the word for its kind
            if n == 2 and tok.pos_ == "PROPN":
                # "Lebanese television channel LBCI reported": the outlet by its name, not the
                # country of its demonym
                kinds = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
                if any({c.lower_, c.lemma_.lower()} & self.lex.media for c in kinds):
                    first = tok
                    while first.i > 0 and tok.doc[first.i - 1].pos_ == "PROPN":
                        first = tok.doc[first.i - 1]
                    a, b = base + first.idx, base + tok.idx + len(tok.text)
                    if not self.overlapping(a, b):
                        outlet = ActorRef(
                            name=self.text[a:b], kind="organization", method="name", confidence=0.5
                        )
                        return Resolved(outlet, a, b)
            if n == 2 and tok.pos_ == "NOUN" and {tok.lower_, tok.lemma_.lower()} & self.lex.media:
                for c in tok.children:
                    if c.dep_ in ("compound", "appos", "npadvmod") and c.pos_ == "PROPN":
                        named = self._named(c, base) or self._outlet(c, base)
                        if named is not None:
                            return named
            if n == 1:
                # A person or body the knowledge base does not know, named as the head or in
                # apposition, is the speaker, not the country or body in its title ("Syrian Kurdish
                # leader Mazloum Abdi", "the chair of the African Union, Moussa Faki Mahamat").
                for t in [tok, *appos]:
                    named = self._named(t, base)
                    if named is not None:
                        return named
                body = self._body_named(tok, appos, base)
                if body is not None:
                    return body
        for c in tok.children:
            if c.dep_ == "poss":
                a, b = subtree_chars(c, base)
                found = self.overlapping(a, b)
                if found:
                    m = found[0]
                    return Resolved(self._institution(m.actor), m.start, m.end)
        return None

    def _grouping_named(self, tok: Token, base: int) -> Resolved | None:
        """Return the grouping a list of parties is given as its name ("France, the UK and Germany,
        collectively known as the E3, said"): the joint body speaks (FORMAT.md: a jointly issued
        statement has the joint body as speaker), not the first party of the list."""
        if not any(c.dep_ in ("appos", "conj") for c in tok.children):
            return None
        for c in tok.children:
            if c.dep_ != "acl" or c.lemma_.lower() != "know":
                continue
            for prep in (p for p in c.children if p.dep_ == "prep" and p.lower_ == "as"):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    a, b = subtree_chars(obj, base)
                    for m in self.overlapping(a, b):
                        if m.actor is not None and m.actor.kind in ("group", "organization"):
                            return Resolved(m.actor, m.start, m.end)
        return None

    def _body_named(self, tok: Token, appos: list[Token], base: int) -> Resolved | None:
        """Return a body the knowledge base does not know, named by a proper name in apposition to
        the word for its kind ("the United Nations Libya mission UNSMIL said", "the rebel group X
        said"): the name says who speaks, not the state or body among the words before it."""
        if tok.pos_ != "NOUN" or not {tok.lower_, tok.lemma_.lower()} & (self.lex.bodies | self.lex.groups):
            return None
        for a in appos:
            words = [t for t in a.subtree if not t.is_punct]
            if a.i < tok.i or not words or any(t.pos_ != "PROPN" for t in words):
                continue
            start, end = base + words[0].idx, base + words[-1].idx + len(words[-1].text)
            if self.overlapping(start, end):
                continue
            name = self.text[start:end]
            actor = ActorRef(name=name, kind="organization", method="name", confidence=0.5)
            return Resolved(actor, start, end)
        return None

    def _organisation_named(self, tok: Token, appos: list[Token], base: int) -> Resolved | None:
        """Return an organisation the knowledge base does not know, named by the proper noun that is
        the speaker's own head ("DTEK, the country's largest private energy company, said", "the
        English-language Libyan Observer reported"): the name says who speaks, not the state its
        description or its demonym names. The name is the run of capitalised words that ends at the
        head; its head word is no word for a role, body, group or outlet (a "Russian Defence
        Ministry" folds into its state, FORMAT.md), and nothing tells of a person: the NER labels it
        an organisation, or a description in apposition names a kind of thing rather than a role,
        or a demonym stands before a name the NER leaves unlabelled."""
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "DATE"):
            return None
        if in_dateline(tok.doc.text, tok.idx):
            return None  # "ISTANBUL (AP) -": the reporter's place, never a speaker
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            return None  # "an anti-war super PAC called X": the word for a kind of body, no name
        lex = self.lex
        kinds = lex.roles | lex.bodies | lex.groups | lex.media | lex.titles
        if {tok.lower_, tok.lemma_.lower()} & kinds or self._is_state_word(tok.lower_):
            return None
        if plural_noun_opening(tok) or self._surname(tok, base + tok.idx) is not None:
            return None  # "Medics said" opening a sentence; "Nikitin said" after "Gleb Nikitin"
        first = tok
        while first.i > tok.sent.start:
            prev = tok.doc[first.i - 1]
            if prev.head.i != tok.i or prev.dep_ not in ("compound", "flat", "amod"):
                break
            if not prev.text[:1].isupper() or prev.pos_ not in ("PROPN", "ADJ"):
                break
            first = prev
        words = tok.doc[first.i : tok.i + 1]
        ent = next((e for e in entities(tok.doc) if e.start <= tok.i < e.end), None)
        if tok.ent_type_ == "ORG" and ent is not None:
            words = ent[1:] if ent[0].lower_ == "the" else ent
        start, end = base + words.start_char, base + words.end_char
        demonyms = [w for w in words[:-1] if self._demonym(w.lower_) is not None]
        spans = [(base + w.idx, base + w.idx + len(w.text)) for w in demonyms]
        for m in self.overlapping(start, end):
            if not any(a <= m.start and m.end <= b for a, b in spans):
                return None  # a name the knowledge base knows ("State Department ...") names its party
        if len(words) == 1 and any(
            e.end <= tok.i and len(e) > 1 and e[-1].text == tok.text for e in entities(tok.doc)
        ):
            return None  # "the Times" after "The New York Times": the fuller name, as before
        described = [
            a
            for a in appos
            if a.i > tok.i
            and a.pos_ == "NOUN"
            and not {a.lower_, a.lemma_.lower()} & (lex.roles | lex.titles)
        ]
        # an acronym the knowledge base does not know ("CNS reported", "DTEK said") is a body's
        acronym = len(tok.text) > 1 and tok.text.isalpha() and tok.text.isupper() and first.i == tok.i
        if not (tok.ent_type_ == "ORG" or described or acronym or (demonyms and not tok.ent_type_)):
            return None
        actor = ActorRef(
            name=words.text, kind="organization", method="name", reason="named as the speaker", confidence=0.5
        )
        return Resolved(actor, start, end)

    def _outlet(self, tok: Token, base: int) -> Resolved | None:
        """Return a name-only outlet for a proper noun beside the word for its kind ("Sweida24")."""
        if any(c.dep_ != "compound" for c in tok.children):
            return None
        last = tok
        if tok.lower_ in self.lex.channels and tok.left_edge.i < tok.i:
            last = tok.doc[tok.i - 1]  # "the Baza Telegram channel": the outlet is Baza, on Telegram
        start = base + tok.left_edge.idx
        end = base + last.idx + len(last.text)
        if self.overlapping(start, end):
            return None
        name = self.text[start:end]
        return Resolved(ActorRef(name=name, kind="organization", method="name", confidence=0.5), start, end)

    def _named(self, tok: Token, base: int) -> Resolved | None:
        """Return the speaker a proper name of two words or more names when no mention covers it."""
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "ORG"):
            return None
        ent = next((e for e in entities(tok.doc) if e.start <= tok.i < e.end), None)
        if ent is None or len([t for t in ent if t.lower_ != "the"]) < 2:
            return None
        start, end = base + ent.start_char, base + ent.end_char
        if self.overlapping(start, end):
            return None
        actor = self._surname(tok, start) or self._unknown_name(tok)
        return Resolved(actor, start, end) if actor is not None else None


def antecedent(tok: Token, lex: SpeechLexicon) -> Token:
    """Return the noun a relative pronoun stands for ("Carney, who said" -> Carney), else ``tok``."""
    if tok.lower_ not in lex.relative_pronouns:
        return tok
    verb = tok.head
    for _ in range(MAX_PARTICIPLE_CLIMB):
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return tok


def subject_of(verb: Token) -> Token | None:
    """Return the nominal subject of ``verb`` (active or passive), or None."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def speaker_token(verb: Token, lex: SpeechLexicon, is_cue: set[int]) -> Token | None:
    """Return the token that names who uttered what ``verb`` reports, or None.

    The active subject; the agent of a passive ("was announced by X"); for a verb
    coordinated with a verb of saying, that verb's speaker; for a participle ("..., saying
    ..."), the subject of the clause it hangs from — or of a relative clause that ends
    just before it ("Carney, who offered support, saying ...").
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        # "A deadline expired, hours after Israel said ...", parsed with two subjects on "said":
        # the one next to the verb is who says it
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if verb.dep_ == "conj":
        anc = verb.head
        for _ in range(MAX_PARTICIPLE_CLIMB):
            if anc.i in is_cue:
                return speaker_token(anc, lex, is_cue)
            if anc.head.i == anc.i:
                break
            anc = anc.head
        subj = subject_of(verb.head)
        if subj is not None:
            return subj
    if verb.tag_ in ("VBG", "VBN") or verb.dep_ in ("advcl", "xcomp", "acl", "conj"):
        relcl = _relative_before(verb)
        if relcl is not None:
            return relcl
        head = verb.head
        for _ in range(MAX_PARTICIPLE_CLIMB):
            # "X said that Y had done A, warning that B": a participle hung by the parse on the
            # reported clause still belongs to the one who reports it
            if head.dep_ == "ccomp" and head.i not in is_cue and head.head.i in is_cue:
                head = head.head
            # "X said ... after the senator won his primary, remarking that B": nor to a clause of
            # time or reason under the verb of saying; the participle is the reporter's
            if (
                head.dep_ == "advcl"
                and head.i < verb.i
                and head.i not in is_cue
                and head.head.i in is_cue
                and any(c.dep_ == "mark" for c in head.children)
            ):
                head = head.head
            # "X rejected claims that Y had failed, describing them as ...": nor is the participle
            # of a clause that says what a noun holds ("claims that ..."); it is the matrix's
            while head.dep_ == "acl" and _content_clause(head) and head.head.head.i != head.head.i:
                head = head.head.head
            subj = subject_of(head)
            if subj is not None:
                return subj
            if head.head.i == head.i:
                break
            head = head.head
    return None


def past_dateline(src: Token | None, verb: Token) -> Token | None:
    """Return the subject after a dateline that the parse took for the subject ("KHARTOUM, MINA –
    Sudan's RSF announced ...", parsed with the city as subject and the party in apposition to it):
    a paragraph that opens with a dateline (extract/datelines.py: place, country, agency, a dash)
    and has one dash before the verb, which locates the reporter, never a speaker. The
    phrase between the dash and the verb heads the real subject. "Kall -- co-editor of X -- said"
    (a second dash closes an apposition) keeps its subject."""
    if src is None or src.i >= verb.i:
        return src
    doc = src.doc
    sent = verb.sent
    if src.left_edge.i != sent.start or not in_dateline(doc.text, doc[sent.start].idx):
        return src
    dashes = [t for t in doc[sent.start : verb.i] if t.text in DATELINE_DASHES]
    if len(dashes) != 1 or dashes[0].i - sent.start < 1 or not in_dateline(doc.text, dashes[0].idx):
        return src
    dash = dashes[0]
    after = doc[dash.i + 1 : verb.i]
    heads = [t for t in after if not (dash.i < t.head.i < verb.i) and t.pos_ in ("NOUN", "PROPN")]
    if len(heads) != 1 or heads[0].head.i >= dash.i or heads[0].dep_ not in ("appos", "conj", "npadvmod"):
        return src
    return heads[0]


def noun_before(verb: Token) -> Token | None:
    """Return the noun just before a finite verb the parse left without a subject ("In a post on
    Telegram, Ukraine's air force said ...", parsed with "force" in apposition to "Telegram"): in
    English the word before the verb of saying ends its subject; after a comma, the name that the
    description closing there is in apposition to ("..., DTEK, the largest energy company in
    Ukraine, said", parsed with the name as a conjunct of the clause before). Used only when the
    sentence names no person next to the verb ("X, head of Y, said" is X, not Y)."""
    if verb.tag_ not in FINITE_TAGS or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.is_punct and prev.text == "," and prev.i > 0:
        # "..., DTEK, the largest private energy company in Ukraine, said": the name the
        # description before the comma is in apposition to (the parse hung it elsewhere)
        node = verb.doc[prev.i - 1]
        while node.head.i != node.i and node.dep_ != "appos" and node.head.i < prev.i:
            node = node.head
        if node.dep_ == "appos" and node.right_edge.i == prev.i - 1 and node.head.pos_ == "PROPN":
            return node.head
    if prev.pos_ in ("NOUN", "PROPN") and prev.sent.start == verb.sent.start:
        return prev
    return None


def _content_clause(verb: Token) -> bool:
    """Return True when ``verb`` heads a "that" clause ("claims that Iran failed")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _relative_before(verb: Token) -> Token | None:
    """Return the antecedent of a relative clause that ends just before ``verb`` (after a comma)."""
    if verb.left_edge.i == 0:
        return None
    prev = verb.doc[verb.left_edge.i - 1]
    if prev.is_punct and prev.i > 0:
        prev = verb.doc[prev.i - 1]
    node = prev
    while node.head.i != node.i:
        if node.dep_ == "relcl" and node.right_edge.i == prev.i:
            opener = verb.doc[node.left_edge.i - 1] if node.left_edge.i > 0 else None
            if node.head.dep_ in ("pobj", "dobj") and (opener is None or opener.text != ","):
                # "met with Carney, who offered support, saying" is Carney; "met the delegation that
                # had returned — claiming" is not the delegation: only a relative set off by commas
                return None
            for c in node.children:
                if c.dep_ == "nsubj" and c.lower_ in ("who", "that"):
                    return node.head
            return None
        node = node.head
    return None
