"""A learned re-ranker of quote speakers: among the parties named near a quote, who said it.

Why a model was tried: the speaker rules (``quotes_speaker``) follow the parse from the verb of
saying to its subject, and fall back on the last speaker or the nearest person. They reach a
plateau on held-out text, where the errors are choices between parties the text names close by
(the subject of the speech verb or the person in apposition to it, the spokesman or the body he
speaks for, a speaker two sentences back). A ranker sees all of them at once: every party
mentioned in the quote's sentence and the two before it, plus the rules' pick, each described by
general features (whether the rules picked it, its kind, how far it is in sentences and tokens,
before or after the quote, its syntactic part: subject of a verb of saying, object of "according
to", appositive; whether it speaks elsewhere in the article; whether a paragraph break lies
between). A logistic regression (:mod:`parley.learn.linear`, trained by ``train/speakers.py``)
scores each candidate.

Measured (December 2026, trained without realnews-dev-b, on polnear-train, dev-a and the team dev
set): letting the model override the rules' pick lost on dev-a and gained nothing on dev-b: where any
candidate is right, the rules already pick it (dev-b 325 of 341 quotes), and the model cannot tell
the few others apart. What it does better than the rules is name a speaker where the rules find none (a
quote whose cue names no one, a paragraph of speech after a named source): there the best
candidate was right often enough to lift quotes+speaker on dev-a, dev-b and polnear-dev alike.
So :func:`choose` fills only those quotes, and the extractor puts the filled speaker in the quote
record alone: claims and positions keep reading the rules' speakers (fed to them, the fill-ins
cost dev-a claims, and a quote without a cue broke the positions' cue test).

When no model is listed in MODELS.toml, :func:`speaker_model` returns None and
:func:`rerank_speakers` leaves the rules' speakers as they are.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from parley.analyse.mentions import Mention
from parley.extract.context import ArticleContext
from parley.extract.events_lexicon import event_lexicon, is_outlet
from parley.extract.quotes import QuoteSpan
from parley.extract.quotes_lexicon import SpeechLexicon, load_lexicon
from parley.extract.quotes_names import name_mentions
from parley.learn import linear
from parley.model.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_NAME = "speakers"
# Sentences before the quote's own whose parties are candidates.
SENTENCES_BEFORE = 2
# The label of a candidate that is the gold speaker, and of one that is not.
YES, NO = "yes", "no"
# A quote the rules leave without a speaker takes the best candidate at this probability or more
# (0: always the best; every threshold tried above it gave fewer right speakers on dev-a, dev-b and
# polnear-dev, and a quote without a speaker scores nothing anyway).
MIN_NEW = 0.0
# Mention kinds that can speak.
SPEAKING_KINDS = ("actor", "role")
# Verbs whose object is the one spoken to, never the speaker ("told Reuters", "briefed reporters");
# not "interview", whose object is who speaks.
ADDRESSED_VERBS = frozenset({"tell", "speak", "talk", "brief", "inform", "write"})
# How many possessive/compound/apposition links lead from a name up to the phrase it belongs to.
MAX_CLIMB = 3
# Token distances are bucketed at these bounds (the model learns a weight per bucket).
DISTANCE_BOUNDS = (0, 2, 5, 10, 20, 40)


@dataclass(frozen=True)
class Candidate:
    """A party that may have said a quote: who, where it is named, and how it was found."""

    actor: ActorRef
    start: int
    end: int
    source: str  # "mention" (knowledge base), "name" (a person spaCy finds), "rules" (the rules' pick)
    kind: str  # the mention's kind ("actor", "role") or "rules"


@lru_cache(maxsize=1)
def speaker_model() -> linear.LinearModel | None:
    """Return the shipped speaker model, or None when none is listed (the rules work alone)."""
    if MODEL_NAME not in linear.expected_hashes():
        return None
    return linear.load(MODEL_NAME)


def speaking_mentions(ctx: ArticleContext) -> list[Mention]:
    """Return the mentions that can name a speaker (knowledge base and spaCy persons), by start."""
    doc, mentions = ctx.need("doc"), ctx.need("mentions")
    lex = load_lexicon(ctx.resources.rules)
    found = [m for m in mentions if m.kind in SPEAKING_KINDS and m.actor is not None]
    found += [m for m in name_mentions(doc, mentions, lex, ctx.head or 0) if m.actor is not None]
    return sorted(found, key=lambda m: (m.start, -m.end))


def sentence_starts(ctx: ArticleContext) -> list[int]:
    """Return where each of the article's body sentences (``ctx.sents``) starts, for bisecting."""
    return [s.start_char for s in ctx.need("sents")]


def candidates(
    ctx: ArticleContext, q: QuoteSpan, pool: Sequence[Mention], starts: Sequence[int] | None = None
) -> list[Candidate]:
    """Return the rules' pick and every party named in the quote's sentence or the two before it
    (outside the quoted words: a name inside a quote is what is said, not who says it).
    ``starts`` (from :func:`sentence_starts`) spares recomputing them for every quote."""
    sents = ctx.need("sents")
    starts = sentence_starts(ctx) if starts is None else starts
    i = bisect_right(starts, q.start) - 1
    lo = sents[max(0, i - SENTENCES_BEFORE)].start_char if i >= 0 else q.sentence_start
    hi = max(q.sentence_end, sents[i].end_char if i >= 0 else q.sentence_end)
    out: list[Candidate] = []
    if q.speaker is not None:
        out.append(Candidate(q.speaker, q.speaker_start, q.speaker_end, "rules", "rules"))
    doc = ctx.need("doc")
    lex = load_lexicon(ctx.resources.rules)
    outlets = event_lexicon(ctx.resources.rules).words.outlet_words
    for m in pool:
        if m.start < lo or m.start >= hi or (q.start <= m.start < q.end) or m.actor is None:
            continue
        if not can_speak(doc, m, lex, is_outlet(m.actor, outlets)):
            continue
        source = "mention" if m.kind in SPEAKING_KINDS and m.actor.method != "name" else "name"
        out.append(Candidate(m.actor, m.start, m.end, source, m.kind))
    return out


def can_speak(doc: Doc, m: Mention, lex: SpeechLexicon, outlet: bool = False) -> bool:
    """Return False for a party the text names as no speaker of the words around it: the one
    spoken to ("officials told Reuters", "said to reporters", "speaking with Fox News' host X":
    the listener hears the words), or a news outlet ``outlet`` that is not itself the source. An
    outlet speaks when the text makes it so ("Reuters reported", "according to Reuters"), which the
    rules read; elsewhere it is a bystander of another's words ("residents Reuters reached said").
    Measured: a ranked pick that was never the speaker moved to the next candidate, and an outlet
    or listener picked added an actor no record of the gold holds."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    root = span.root
    if _addressee(root, lex):
        return False
    return not (outlet and not _says(root, lex))


def _says(tok: Token, lex: SpeechLexicon) -> bool:
    """Return True when ``tok`` is the subject of a verb of saying or the object of "according to"."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return head.lemma_.lower() in lex.saying
    before = tok.doc[head.i - 1].lower_ if head.i > 0 else ""
    return tok.dep_ == "pobj" and head.lower_ == "to" and before == "according"


def _addressee(tok: Token, lex: SpeechLexicon) -> bool:
    """Return True when ``tok`` (or the phrase it owns or names: "Fox News' host") is the object of
    a verb of saying ("told X") or of "to"/"with" after one ("said to X", "speaking with X")."""
    node = tok
    for _ in range(MAX_CLIMB):
        if node.dep_ in ("poss", "compound", "appos", "conj") and node.head.i != node.i:
            node = node.head
            continue
        break
    head = node.head
    if node.dep_ in ("dobj", "dative", "iobj"):
        return head.lemma_.lower() in ADDRESSED_VERBS
    if node.dep_ == "pobj" and head.lower_ in ("to", "with"):
        verb = head.head
        return verb.lemma_.lower() in lex.saying or verb.lemma_.lower() in ADDRESSED_VERBS
    return False


def _bucket(n: int) -> str:
    for b in DISTANCE_BOUNDS:
        if n <= b:
            return f"<={b}"
    return f">{DISTANCE_BOUNDS[-1]}"


def features(
    ctx: ArticleContext,
    q: QuoteSpan,
    c: Candidate,
    cands: Sequence[Candidate],
    quoted: Counter[str],
    lex: SpeechLexicon,
    starts: Sequence[int] | None = None,
) -> tuple[str, ...]:
    """Return the features of candidate ``c`` for quote ``q`` (general, no words of the article
    but the function words and verbs of saying around the candidate)."""
    doc, text = ctx.need("doc"), ctx.text
    starts = sentence_starts(ctx) if starts is None else starts
    rule = q.speaker is not None and c.actor.ref == q.speaker.ref
    f: list[str] = ["rule" if rule else ("rule_none" if q.speaker is None else "not_rule")]
    f += [f"akind={c.actor.kind}", f"src={c.source}", f"mkind={c.kind}", f"direct={q.direct}"]
    f.append(f"rule&akind={rule}|{c.actor.kind}")
    if c.start < 0:
        f.append("no_position")
        f.append(f"quoted={min(quoted[c.actor.ref], 3)}")
        return tuple(f)
    side = "before" if c.end <= q.start else "after"
    gap_text = text[c.end : q.start] if side == "before" else text[q.end : c.start]
    gap = len(gap_text.split())
    ci, qi = bisect_right(starts, c.start) - 1, bisect_right(starts, q.start) - 1
    sdist = max(0, qi - ci)
    f += [f"side={side}", f"sdist={sdist}", f"tok={_bucket(gap)}", f"side&sdist={side}|{sdist}"]
    f.append(f"side&tok={side}|{_bucket(gap)}")
    crossed = "\n" in gap_text
    f.append(f"para_cross={crossed}")
    # rank among the candidates on the same side, nearest first
    same = sorted(
        {x.start for x in cands if x.start >= 0 and ((x.end <= q.start) == (side == "before"))},
        key=lambda s: -s if side == "before" else s,
    )
    rank = same.index(c.start) if c.start in same else 9
    f.append(f"rank={side}|{min(rank, 3)}")
    f.append(f"rank&akind={side}|{min(rank, 3)}|{c.actor.kind}")
    f.append(f"quoted={min(quoted[c.actor.ref], 3)}")
    f.append(f"quoted&rule={min(quoted[c.actor.ref], 2)}|{rule}")
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is not None and len(span):
        root = span.root
        head = root.head
        say = head.lemma_.lower() in lex.saying or head.lower_ in lex.surface_forms
        f.append(f"dep={root.dep_}")
        f.append(f"dep&say={root.dep_}|{say}")
        f.append(f"dep&say&sdist={root.dep_}|{say}|{sdist}")
        if root.dep_ == "pobj" and head.head.i != head.i:
            before = doc[max(0, head.i - 1) : head.i + 1].text.lower()
            f.append(f"according={before == 'according to'}")
        if root.dep_ == "appos" and head.head.lemma_.lower() in lex.saying:
            f.append("appos_of_speaker")
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.is_punct and span.end + 1 < len(doc):
            nxt = doc[span.end + 1]
        if nxt is not None:
            f.append(f"next_say={nxt.lower_ in lex.surface_forms}")
        cue = set(q.cue.lower().split())
        if cue and head.lower_ in cue and root.dep_ in ("nsubj", "nsubjpass", "pobj"):
            f.append(f"part_of_cue={root.dep_}")
    return tuple(f)


def rescored(
    ctx: ArticleContext, qspans: Sequence[QuoteSpan], *, unattributed_only: bool = False
) -> list[tuple[QuoteSpan, list[Candidate], list[tuple[str, ...]]]]:
    """Return each quote with its candidates and their features (for training and for ranking).
    With ``unattributed_only`` a quote the rules gave a speaker gets no candidates: ranking only
    fills in missing speakers (see ``choose``), so their features would be built for nothing."""
    lex = load_lexicon(ctx.resources.rules)
    pool = speaking_mentions(ctx)
    quoted = Counter(q.speaker.ref for q in qspans if q.speaker is not None)
    starts = sentence_starts(ctx)
    out: list[tuple[QuoteSpan, list[Candidate], list[tuple[str, ...]]]] = []
    for q in qspans:
        if unattributed_only and q.speaker is not None:
            out.append((q, [], []))
            continue
        cands = candidates(ctx, q, pool, starts)
        out.append((q, cands, [features(ctx, q, c, cands, quoted, lex, starts) for c in cands]))
    return out


def choose(
    model: linear.LinearModel, q: QuoteSpan, cands: Sequence[Candidate], feats: Sequence[tuple[str, ...]]
) -> Candidate | None:
    """Return the candidate the model ranks first for a quote the rules leave without a speaker
    (None for a quote the rules gave one: overriding the rules lost on held-out text)."""
    if q.speaker is not None or not cands:
        return None
    probs = [model.scores(f)[YES] for f in feats]
    best = max(range(len(cands)), key=lambda k: probs[k])
    return cands[best] if probs[best] >= MIN_NEW else None


def rerank_speakers(ctx: ArticleContext, qspans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Return the quotes with the speakers the model prefers (unchanged when no model is shipped)."""
    model = speaker_model()
    if model is None or all(q.speaker is not None for q in qspans):
        return qspans
    out: list[QuoteSpan] = []
    for q, cands, feats in rescored(ctx, qspans, unattributed_only=True):
        pick = choose(model, q, cands, feats)
        if pick is None:
            out.append(q)
        else:
            out.append(replace(q, speaker=pick.actor, speaker_start=pick.start, speaker_end=pick.end))
    return out
