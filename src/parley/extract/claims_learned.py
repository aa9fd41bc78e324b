"""A learned judge of claim drafts: it may add a party's account the claim rules drop or never draft.

Why a model was tried: the rules find claims through capture and strike verbs and a few citation
shapes, but much of what news reports as one side's word has neither. Every settled draft is a
candidate, the rules' and every attributed passage (a quote with a speaker) no rule drafted; a
logistic regression (:mod:`parley.learn.linear`, trained by ``train/claims.py``) reads general
features of it (which rule found it and whether the rules keep it, its status, the claimant's kind
and part in the act, the cue, the passage's root verb, tense and modals, numbers, places, the
parties it names, the claim cues of claims.toml around it) and may add a draft the rules drop.

Measured (December 2026): trained without realnews-dev-b, the model added 18 claims on dev-b and
none was right (dev-b F1 0.349 -> 0.272; 0.319 at a 0.8 threshold), while on dev-a, which it was
trained on, it rose 0.416 -> 0.525; 5-fold cross-validation on the training articles found no
setting that beat the rules. With about 65 gold claims to learn from, it memorises its articles.
So no model is shipped: :func:`claim_model` finds none in MODELS.toml and the rules work alone.
``train/claims.py`` trains one when there is more gold; add "claims" to TRAINERS once it wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from parley.extract.claims import CLAIM_SUBJECT_MAX, ClaimCues, ClaimDraft, is_town
from parley.extract.context import ArticleContext
from parley.extract.event_records import sentence_index
from parley.learn import linear
from parley.model.records import PlaceRef

MODEL_NAME = "claims"
# A candidate the model gives at least this probability of being a claim becomes one.
THRESHOLD = 0.5
# How many sentences after a candidate a verification disclaimer or a denial still counts.
WINDOW = 2


@lru_cache(maxsize=1)
def claim_model() -> linear.LinearModel | None:
    """Return the shipped claim model, or None before one is trained (the rules work alone)."""
    if MODEL_NAME not in linear.expected_hashes():
        return None
    return linear.load(MODEL_NAME)


def passage_drafts(ctx: ArticleContext, drafts: Sequence[ClaimDraft]) -> list[ClaimDraft]:
    """Return a draft for every attributed passage with a known speaker that no rule drafted
    (no rule draft of that speaker in that sentence)."""
    sents, index = ctx.need("sents"), ctx.need("index")
    ruled = {(d.claimant.ref, d.sentence_index) for d in drafts}
    out: list[ClaimDraft] = []
    for q in ctx.need("qspans"):
        if q.speaker is None:
            continue
        sent_i = sentence_index(sents, q.start)
        if sent_i is None or (q.speaker.ref, sent_i) in ruled:
            continue
        places = [m.place for m in index.in_span(q.start, q.end, "place") if m.place]
        text = " ".join(q.text.split())
        subject = text[:CLAIM_SUBJECT_MAX].rsplit(" ", 1)[0] if len(text) > CLAIM_SUBJECT_MAX else text
        out.append(
            ClaimDraft(
                claimant=q.speaker,
                subject=subject,
                place=_town(places),
                sentence_index=sent_i,
                start=q.start,
                end=q.end,
                sent_start=sents[sent_i].start_char,
                sent_end=sents[sent_i].end_char,
                reported=True,
                act=True,
                learned=True,
                source="passage",
            )
        )
    return out


def keep_claim(
    model: linear.LinearModel,
    ctx: ArticleContext,
    d: ClaimDraft,
    status: str,
    rule_keep: bool,
    cues: ClaimCues,
) -> bool:
    """Return whether a settled draft is a claim: the rules' claims stay (cross-validation found
    the model's vetoes cost more true claims than false ones), and the model may add a draft
    the rules drop or never drafted."""
    if rule_keep:
        return True
    return model.scores(draft_features(ctx, d, status, rule_keep, cues)).get("claim", 0.0) >= THRESHOLD


def draft_features(
    ctx: ArticleContext, d: ClaimDraft, status: str, rule_keep: bool, cues: ClaimCues
) -> tuple[str, ...]:
    """Return the general features of one settled draft: how the rules found and judged it, and
    what its passage (the quote that holds it, else its clause or sentence) says and how."""
    index, sentences = ctx.need("index"), ctx.need("sentences")
    around = [q for q in ctx.need("qspans") if q.start <= d.start < q.end]
    q = min(around, key=lambda q: q.end - q.start) if around else None
    if q is not None:
        start, end = q.start, q.end
    elif d.source == "cited":
        start, end = d.start, d.end
    else:
        start, end = d.sent_start, d.sent_end
    span = ctx.need("doc").char_span(start, end, alignment_mode="expand")
    f: list[str] = ["bias", f"source={d.source or 'none'}", f"status={status}"]
    f.append("rules_keep" if rule_keep else "rules_drop")
    f.append(f"source={d.source}&{'keep' if rule_keep else 'drop'}")
    if q is None:
        f.append("unquoted")
    else:
        f.append("direct" if q.direct else "indirect")
        f.append(f"cue={' '.join(q.cue.lower().split()[:2]) if q.cue else 'none'}")
        if cues.denial.search(q.cue or ""):
            f.append("cue_denial")
    f.append(f"claimant_kind={d.claimant.kind}")
    f.append("claimant_known" if d.claimant.id else "claimant_unknown")
    if q is not None and q.speaker is not None and q.speaker.side != d.claimant.side:
        f.append("claimant_not_speaker")
    if d.borrowed:
        f.append("borrowed")
    if d.act_type:
        f.append(f"act={d.act_type}&{d.role}")
        f.append(f"role={d.role}")
    if d.denied_by:
        f.append("known_from_denial")
    if d.subject.startswith(("capture of", "attack on")):
        f.append(f"subject={d.subject.split()[0]}")
    f.append("place_town" if d.place and is_town(d.place) else "place_other" if d.place else "place_none")
    if span is not None and len(span):
        f.extend(_span_features(span, d, index))
    text = ctx.text[start:end]
    sentence = sentences[d.sentence_index][2]
    after = " ".join(s[2] for s in sentences[d.sentence_index + 1 : d.sentence_index + 1 + WINDOW])
    for name, pattern in (
        ("denial", cues.denial),
        ("unverified", cues.unverified),
        ("toll", cues.toll),
        ("admission", cues.admission),
    ):
        if pattern.search(text):
            f.append(f"{name}_inside")
        elif pattern.search(sentence):
            f.append(f"{name}_sentence")
        if pattern.search(after):
            f.append(f"{name}_after")
    i = d.sentence_index
    f.append("first_sentence" if i == 0 else "early" if i < 4 else "later")
    return tuple(f)


def _span_features(span: Any, d: ClaimDraft, index: Any) -> list[str]:
    """Return how the passage tells what it tells: its root verb and tense, modals, negation,
    numbers, and which parties it names. No other words of it: with a few hundred training
    passages, word features only memorise their articles (cross-validation said so)."""
    f: list[str] = []
    root = span.root
    f.append(f"root={root.lemma_.lower()}")
    f.append(f"root_tag={root.tag_}")
    if any(c.dep_ == "neg" for c in root.children):
        f.append("negated")
    f.extend(f"aux={c.lower_}" for c in root.children if c.dep_ in ("aux", "auxpass"))
    if any(t.like_num for t in span):
        f.append("number")
    sides = {m.actor.side for m in index.in_span(span.start_char, span.end_char, "actor") if m.actor}
    if sides - {d.claimant.side}:
        f.append("other_party_inside")
    if d.claimant.side in sides:
        f.append("own_party_inside")
    return f


def _town(places: list[PlaceRef]) -> PlaceRef | None:
    """Return the first settlement or site among ``places``: a claim about a region is keyed by
    its words, since a region named in passing rarely is what the claim is about."""
    towns = [p for p in places if is_town(p)]
    return towns[0] if towns else None
