"""Cues of reported speech in a parsed sentence, and the content each one reports.

A cue is a verb of saying outside quotation marks, or "according to". Its content is the
clause it governs: the ``ccomp`` (or a subject-bearing ``xcomp``) of the verb, the clause
that "according to" attaches to, or the object predicate of "call" ("what the UN has called
the worst crisis"). The speaker token is found in ``quotes_speaker``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.analyse.doc_views import span_tokens
from parley.extract.quotes_lexicon import SpeechLexicon
from parley.extract.quotes_marks import TRAILING_PUNCT, MarkedQuote
from parley.extract.quotes_speaker import SUBJECT_DEPS, antecedent, past_dateline, speaker_token

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Span, Token

# Tags of a clause head that carries no tense of its own: with a mandative verb ("insisted
# that Ukraine give up") such a clause is a demand, not a report of what was said.
BARE_TAGS = ("VB", "VBP")
SINGULAR_SUBJECT_TAGS = ("NN", "NNP")
# Punctuation that separates a preceding clause from a cue that cannot report it.
CLAUSE_BREAKS = frozenset((";", ":", "(", ")"))
# How far "according to" climbs from a participle to the clause it qualifies.
MAX_CLIMB = 4
LEADING_SKIP = frozenset(("that", ",", ":", "-", "—", "–"))


@dataclass
class Unit:
    """A parsed stretch of text (a paragraph, or a piece of a huge one)."""

    sents: list[Span]
    base: int  # add to ``token.idx`` to get an offset into the article text
    start: int
    end: int

    def tokens(self) -> list[Token]:
        """Return the tokens of every sentence, in order."""
        return [t for s in self.sents for t in span_tokens(s)]

    def start_of(self, tok: Token) -> int:
        """Return the article offset where ``tok`` starts."""
        return self.base + tok.idx

    def end_of(self, tok: Token) -> int:
        """Return the article offset just after ``tok``."""
        return self.base + tok.idx + len(tok.text)

    def sentence_bounds(self, tok: Token) -> tuple[int, int]:
        """Return the article offsets of the sentence holding ``tok``."""
        s = tok.sent
        return self.base + s.start_char, self.base + s.end_char


@dataclass
class Attribution:
    """A cue of speech with the quotes it introduces and the token naming its speaker."""

    cue: Token
    unit: Unit
    cue_text: str
    source: Token | None
    fallback: Token | None = None  # the reporter's own subject when the cited source is unknown
    contents: list[tuple[int, int]] = field(default_factory=list)  # indirect: reported content
    directs: list[MarkedQuote] = field(default_factory=list)
    not_speech: bool = False  # a document "states" what it contains
    # the cue's subject names no party ("witnesses said", "experts say"): nobody's quote
    nameless: bool = False

    @property
    def pos(self) -> int:
        """Return the article offset of the cue."""
        return self.unit.start_of(self.cue)


def particles(tok: Token) -> set[str]:
    """Return the particles of a phrasal verb ("point out" -> {"out"})."""
    return {c.lower_ for c in tok.children if c.dep_ == "prt"}


def is_cue_verb(tok: Token, lex: SpeechLexicon) -> bool:
    """Return True when ``tok`` is a verb of saying or naming."""
    return tok.tag_.startswith("VB") and lex.is_cue_lemma(tok.lemma_, particles(tok))


def according_phrase(tok: Token, lex: SpeechLexicon) -> str | None:
    """Return the "according to" phrase that starts at ``tok`` (as written), or None."""
    doc = tok.doc
    for words in lex.according:
        n = len(words)
        if tok.i + n <= len(doc) and tuple(t.lower_ for t in doc[tok.i : tok.i + n]) == words:
            return doc[tok.i : tok.i + n].text.lower()
    return None


def cue_text(tok: Token, lex: SpeechLexicon) -> str:
    """Return the cue as text: the verb, its particle, and a medium ("wrote on social media")."""
    parts = [tok.text, *[c.text for c in tok.children if c.dep_ == "prt"]]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None:
                words = " ".join(t.lower_ for t in obj.subtree if t.pos_ != "DET")
                if words in lex.channels:
                    parts.append(f"on {words}")
    return " ".join(parts)


def _has_subject(tok: Token, lex: SpeechLexicon) -> bool:
    """Return True when ``tok`` heads a clause with a subject of its own (not a relative pronoun)."""
    return any(
        c.dep_ in SUBJECT_DEPS and c.lower_ not in lex.relative_pronouns | {"what"} for c in tok.children
    )


def _is_demand(verb: Token, clause: Token, lex: SpeechLexicon) -> bool:
    """Return True when ``clause`` is a subjunctive demand under a mandative ``verb``."""
    if verb.lemma_.lower() not in lex.mandative or clause.tag_ not in BARE_TAGS:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    subj = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    singular = subj is not None and (subj.tag_ in SINGULAR_SUBJECT_TAGS or subj.lower_ in ("he", "she", "it"))
    return clause.tag_ == "VB" or singular


def _span(unit: Unit, toks: list[Token], text: str) -> tuple[int, int] | None:
    """Return the trimmed article offsets covering ``toks``, or None when nothing is left."""
    while toks and (toks[0].lower_ in LEADING_SKIP or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc" or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    start, end = unit.start_of(toks[0]), unit.end_of(toks[-1])
    while end > start and text[end - 1] in TRAILING_PUNCT:
        end -= 1
    while start < end and text[start] in TRAILING_PUNCT and text[start] not in "\"“'‘«":
        start += 1
    return (start, end) if end > start else None


def clause_contents(
    verb: Token, unit: Unit, lex: SpeechLexicon, cue_ids: set[int], text: str
) -> list[tuple[int, int]]:
    """Return the article spans of the clauses ``verb`` reports (empty for a noun-phrase object)."""
    lemma = verb.lemma_.lower()
    doc = verb.doc
    out = []
    reports = lemma in lex.saying or (lemma in lex.phrasal and lex.is_cue_lemma(lemma, particles(verb)))
    if reports:
        comps = [
            c for c in verb.children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and _has_subject(c, lex))
        ]
        for clause in comps:
            if not _has_subject(clause, lex) or _is_demand(verb, clause, lex):
                continue
            lo, hi = clause.left_edge.i, clause.right_edge.i
            if hi < verb.i and any(t.text in CLAUSE_BREAKS for t in doc[hi + 1 : verb.i]):
                continue  # "X could not be verified; Moscow claimed ...": not what was claimed
            if lo < verb.i < hi and verb.dep_ == "relcl":
                lo = verb.i + 1  # "the plan, which X says Y rejected": the relative pronoun is Y's object
            elif lo < verb.i < hi:
                hi = verb.i - 1  # a clause wrapped around its own cue: keep the part before it
            for c in clause.children:
                # "said X, but told reporters Y": the second report is not part of the first.
                if c.dep_ == "conj" and c.i in cue_ids and c.i > clause.i:
                    hi = min(hi, c.left_edge.i - 1)
                # "said, citing Y, that X": the source is not part of what was said.
                if c.lemma_.lower() in lex.citing and c.tag_ == "VBG":
                    if c.i < clause.i:
                        lo = max(lo, c.right_edge.i + 1)
                    else:
                        hi = min(hi, c.left_edge.i - 1)
            span = _span(unit, list(doc[lo : hi + 1]), text)
            if span:
                out.append(span)
        gap = _relative_gap(verb, lex)
        if gap is not None:
            span = _span(unit, list(doc[verb.i + 1 : gap.right_edge.i + 1]), text)
            if span:
                out.append(span)
        if not comps and verb.dep_ == "parataxis" and verb.head.i < verb.i and _has_subject(verb.head, lex):
            # "Russia will win, Putin said" parsed with the report as the main clause.
            span = _span(unit, list(doc[verb.head.left_edge.i : verb.left_edge.i]), text)
            if span:
                out.append(span)
    has_subject = any(c.dep_ in ("nsubj",) for c in verb.children)
    if lemma in lex.naming_indirect and has_subject and not _names_its_object(verb):
        for c in verb.children:
            if c.dep_ == "oprd":
                span = _span(unit, list(doc[c.left_edge.i : c.right_edge.i + 1]), text)
                if span:
                    out.append(span)
    return out


def _names_its_object(verb: Token) -> bool:
    """Return True when a naming verb has both the thing it names and the name after it ("called
    the exchange a measure", "called X incapable", which the parse may tag as two predicates): what
    a speaker calls an object is a label, a quote only in quotation marks (a direct quote of its
    own), and the object is not words anyone said. A name is reported as an indirect quote only
    when the thing named stands before the verb as a relative or question word ("what the UN has
    called the worst crisis", "the raid, which the ministry called a crime")."""
    return len([c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]) > 1


def _relative_gap(verb: Token, lex: SpeechLexicon) -> Token | None:
    """Return the clause a relative cue reports about its antecedent, or None.

    "a depot, which officials say stored fuel": what the officials say is that the depot stored
    fuel; the clause's subject is the relative pronoun (or nothing), so ``clause_contents`` skips
    it, and the reported content is the predicate after the cue. The cue needs a subject of its
    own (the speaker) that is not the relative pronoun.
    """
    if verb.dep_ != "relcl" or not _has_subject(verb, lex):
        return None
    for c in verb.children:
        if c.dep_ not in ("ccomp", "xcomp") or c.i < verb.i:
            continue
        subjects = [s for s in c.children if s.dep_ in SUBJECT_DEPS]
        if all(s.lower_ in lex.relative_pronouns and s.i < verb.i for s in subjects):
            return c
    return None


def report_noun_content(
    noun: Token, unit: Unit, lex: SpeechLexicon, text: str
) -> tuple[Token, tuple[int, int]] | None:
    """Return the named party and the "that" clause of a report noun, or None.

    "denied claims by Warsaw that its drone had crossed", "rejected accusations from Latvia that ...":
    the clause is the party's words, as with a verb of saying. The party must be named with the
    noun by "by" or "from": "claims that ..." with nobody named says nothing of who spoke, and a
    possessive ("Latvia's claim that ...") added a spurious quote on realnews-dev-b (it often
    restates a party's position in the outlet's words). The parse hangs the clause on the noun
    (acl, relcl) or, after an object, on the verb (ccomp).
    """
    source = None
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
        source = source or next((o for o in prep.children if o.dep_ == "pobj"), None)
    if source is None:
        return None
    candidates = [c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp")]
    if noun.dep_ == "dobj":
        candidates += [c for c in noun.head.children if c.dep_ == "ccomp"]
    for clause in candidates:
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        if clause.i <= noun.i or not that or not _has_subject(clause, lex):
            continue
        between = noun.doc[noun.right_edge.i + 1 : clause.left_edge.i]
        if any(t.is_punct for t in between):
            continue
        span = _span(
            unit, list(noun.doc[max(clause.left_edge.i, noun.i + 1) : clause.right_edge.i + 1]), text
        )
        if span:
            return source, span
    return None


def according_content(
    tok: Token, unit: Unit, lex: SpeechLexicon, text: str
) -> tuple[Token | None, tuple[int, int] | None]:
    """Return the source token of "according to X" and the clause it qualifies (or None)."""
    doc = tok.doc
    to = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    source = None
    if to is not None:
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() in lex.documents:
        return source, None
    head = tok.head
    for _ in range(MAX_CLIMB):  # "..., aiming at X, according to Y": the clause with a subject
        if _has_subject(head, lex) or head.dep_ not in ("advcl", "conj", "xcomp") or head.head.i == head.i:
            break
        head = head.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX") or not _has_subject(head, lex):
        return source, None
    phrase_lo, phrase_hi = tok.left_edge.i, max(tok.right_edge.i, source.right_edge.i)
    before = list(doc[head.left_edge.i : phrase_lo])
    hi = head.right_edge.i
    for c in head.children:
        # "X happened, according to Y, but Z seemed ...": the clause joined after the source is
        # the outlet's own, not what Y said
        if c.dep_ == "conj" and c.i > phrase_hi and _has_subject(c, lex):
            hi = min(hi, c.left_edge.i - 1)
    after = list(doc[phrase_hi + 1 : hi + 1])
    toks = before if len(before) >= len(after) else after
    return source, _span(unit, toks, text)


def find_attributions(
    unit: Unit, quotes: list[MarkedQuote], lex: SpeechLexicon, text: str
) -> list[Attribution]:
    """Return every cue of speech in ``unit`` outside quotation marks, with its content."""

    def quoted(tok: Token) -> bool:
        pos = unit.start_of(tok)
        return any(q.open_pos <= pos < (q.close_pos if q.close_pos >= 0 else q.end + 1) for q in quotes)

    toks = unit.tokens()
    verbs = [t for t in toks if is_cue_verb(t, lex) and not quoted(t)]
    cue_ids = {t.i for t in verbs}
    out = []
    for verb in verbs:
        src = past_dateline(speaker_token(verb, lex, cue_ids), verb)
        if src is not None and quoted(src):
            # '"... 207 of them," the president wrote': a word inside the quotation parsed as the
            # subject is not who wrote it; the subject outside the marks is.
            src = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not quoted(c)), None)
        cited = _cited(verb, lex)
        cue = cue_text(verb, lex)
        fallback = None
        if cited is not None:
            src, fallback, cue = cited, src, f"{cue}, citing"
        att = Attribution(verb, unit, cue, src, fallback)
        att.contents = clause_contents(verb, unit, lex, cue_ids, text)
        if verb.lemma_.lower() in lex.naming and not att.contents:
            charge = _quoted_charge(verb, unit, text, quoted, cue_ids)
            att.contents.extend([charge] if charge is not None else [])
        if src is not None:
            ante = antecedent(src, lex)
            att.not_speech = ante.pos_ in ("NOUN", "PROPN") and ante.lemma_.lower() in lex.documents
        out.append(att)
    for noun in toks:
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.reports and not quoted(noun):
            found = report_noun_content(noun, unit, lex, text)
            if found is not None:
                reporter, reported = found
                out.append(Attribution(noun, unit, noun.text, reporter, contents=[reported]))
    starts = {words[0] for words in lex.according}
    named = [
        a for a in out if a.source is not None and not a.not_speech and a.cue.lemma_.lower() in lex.saying
    ]
    for tok in toks:
        phrase = according_phrase(tok, lex) if tok.lower_ in starts and not quoted(tok) else None
        if phrase:
            source, content = according_content(tok, unit, lex, text)
            cited = _cited_by([source, tok], lex) if source is not None else None
            att = Attribution(tok, unit, phrase, source)
            if cited is not None:  # "according to agency X citing Reuters": Reuters' words
                att = Attribution(tok, unit, f"{phrase}, citing", cited, source)
            if source is None or source.lemma_.lower() in lex.documents:
                att.not_speech = True
            # "According to reports, X noted that ...": the clause is X's report, under its own cue;
            # when the parse gave that cue no clause of its own, the content stays here but X says it.
            inner = next((a for a in named if content and content[0] <= a.pos < content[1]), None)
            if content and inner is None:
                att.contents.append(content)
            elif content and inner is not None and not inner.contents:
                att.source, att.fallback, att.not_speech = inner.source, source, False
                att.contents.append(content)
            out.append(att)
    return out


def _quoted_charge(
    verb: Token, unit: Unit, text: str, quoted: Callable[[Token], bool], cue_ids: set[int]
) -> tuple[int, int] | None:
    """Return the span of what a party is charged with under a cue ("accused X of trying to 'rewrite
    the border'"), when a quotation inside it makes the charge reported speech, or None.

    The charge alone ("accused X of shelling the town") is an act told in the outlet's words, an
    ACCUSE event and no quote (CONVENTIONS.md); a quoted fragment in it makes the clause the
    accuser's words, the fragment a direct quote of its own. The span runs from the party charged
    to the end of the gerund clause after "of" (a span opening on the quotation would be taken for
    the quotation itself).
    """
    charged = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    heads = [verb] if charged is None else [verb, charged]  # the parse may hang "of" on the party
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > verb.i]
    for prep in preps:
        for clause in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
            toks = list(verb.doc[clause.left_edge.i : clause.right_edge.i + 1])
            if any(quoted(t) and not _under_other_cue(t, verb, cue_ids) for t in toks):
                lo = charged.left_edge.i if charged is not None and charged.i < prep.i else clause.left_edge.i
                return _span(unit, list(verb.doc[lo : clause.right_edge.i + 1]), text)
    return None


def _under_other_cue(tok: Token, verb: Token, cue_ids: set[int]) -> bool:
    """Return True when ``tok`` hangs on a cue below ``verb`` ("accused X of escalating tensions in
    what its officials describe as '...'"): the quotation is that cue's speaker's words."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        node = node.head
        if node.i in cue_ids and node.i != verb.i:
            return True
    return False


def _cited_by(heads: list[Token], lex: SpeechLexicon) -> Token | None:
    """Return Y of "according to X citing Y" (the participle hangs on X or on "according"), or None."""
    for c in (c for h in heads for c in h.children):
        if c.dep_ in ("acl", "pcomp") and c.tag_ == "VBG" and c.lemma_.lower() in lex.citing:
            obj = next((o for o in c.children if o.dep_ == "dobj"), None)
            return obj if obj is not None and can_be_cited(obj, lex) else None
    return None


def _cited(verb: Token, lex: SpeechLexicon) -> Token | None:
    """Return the source of "X said, citing Y" or "X cited Y and said / saying", or None."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    for c in [*verb.children, *(g for cl in clauses for g in cl.children)]:
        if c.lemma_.lower() in lex.citing and c.tag_ == "VBG":
            obj = next((o for o in c.children if o.dep_ == "dobj"), None)
            if obj is not None and can_be_cited(obj, lex):
                return obj
    head = verb.head
    if verb.dep_ in ("conj", "advcl") and head.i < verb.i and head.lemma_.lower() in lex.citing:
        # "the agency cited Russian Railways and reported that ...": the cited party's words
        obj = next((o for o in head.children if o.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ == "PROPN":
            return obj
    return None


def can_be_cited(obj: Token, lex: SpeechLexicon) -> bool:
    """Return True when the object of "citing" names a source of words: a name ("citing Reuters"),
    a pronoun, a body, role, outlet or group ("citing sources", "citing a senior official"), or a
    statement said to be someone's ("citing a statement from the ministry"). "Citing the release of
    prisoners", "citing security reasons" give the speaker's grounds: the words stay the speaker's,
    and a party named inside the grounds ("the destruction carried out by X") says nothing."""
    if obj.pos_ in ("PROPN", "PRON"):
        return True
    lemma = {obj.lower_, obj.lemma_.lower()}
    if lemma & (lex.roles | lex.bodies | lex.media | lex.groups):
        return True
    if lemma & lex.statements:
        return any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by")) for c in obj.children
        )
    return False
