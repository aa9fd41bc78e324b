"""Claims of responsibility: "the group claimed responsibility for the bombing", "JNIM claimed the attack".

Why a rule of its own: an armed group's claim of an attack is the commonest claim in conflict news
that no verb of saying introduces. The claim verb takes the attack as its object (or "responsibility
for" it), so the quote finder sees no reported clause and the event rules, which key an attack by
its place, often borrow the wrong claimant (the state whose base was hit, the outlet that reports
it). Here the claimant is the subject of the claim verb, the claim is the attack it names, and
its place is the town in that phrase (FORMAT.md: an attack known only through a group's claim of
responsibility is claimed by that group).
"""

from __future__ import annotations

from typing import Any

from parley.analyse.doc_views import span_tokens
from parley.extract.claims import CLAIM_SUBJECT_MAX, ClaimCues, ClaimDraft, claim_cues, towns_in
from parley.extract.context import ArticleContext


def responsibility_drafts(ctx: ArticleContext) -> list[ClaimDraft]:
    """Return a claim draft for each claim of responsibility with a named claimant."""
    index, sents = ctx.need("index"), ctx.need("sents")
    cues = claim_cues(ctx.resources.rules)
    out: list[ClaimDraft] = []
    for i, sent in enumerate(sents):
        for tok in span_tokens(sent):
            act = _claimed_act(tok, cues)
            if act is None:
                continue
            claimant = _claimant(tok, index)
            if claimant is None:
                continue
            toks = list(act.subtree)
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            towns = towns_in(index, start, end)
            words = " ".join(ctx.text[start:end].split())
            if any(c.lemma_.lower() in cues.owned_nouns for c in tok.children if c.dep_ == "dobj"):
                words = f"responsibility for {words}"
            out.append(
                ClaimDraft(
                    claimant=claimant,
                    subject=words[:CLAIM_SUBJECT_MAX],
                    place=towns[0] if towns else None,
                    sentence_index=i,
                    start=start,
                    end=end,
                    sent_start=sent.start_char,
                    sent_end=sent.end_char,
                    act_type="ASSAULT",
                    role="actor",
                    source="responsibility",
                )
            )
    return out


def _claimed_act(tok: Any, cues: ClaimCues) -> Any:
    """Return the head noun of the act a claim verb owns ("claimed responsibility for the
    attack", "claimed a deadly assault on the base"), else None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in cues.owning_verbs or any(c.dep_ == "neg" for c in tok.children):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if obj.lemma_.lower() in cues.owned_nouns:
        preps = [c for c in (*obj.children, *tok.children) if c.dep_ == "prep" and c.lower_ == "for"]
        return next((p for prep in preps for p in prep.children if p.dep_ == "pobj"), None)
    if lemma == "claim" and obj.lemma_.lower() in cues.claimed_acts:
        return obj
    return None


def _claimant(tok: Any, index: Any) -> Any:
    """Return the actor named in the claim verb's subject (that of the verb it is coordinated
    with, for "the group attacked … and claimed …"), else None."""
    verb = tok
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    if subj is None:
        return None
    toks = list(subj.subtree)
    found = index.in_span(toks[0].idx, toks[-1].idx + len(toks[-1].text), "actor")
    return next((m.actor for m in found if m.actor is not None), None)
