"""Builds claims from claimed events and reported accounts, and decides each claim's status.

A claim is a factual assertion the outlet does not vouch for: a party's account of a capture,
an attack, a toll or a private agreement. Its status is ``disputed`` when another party denies
it (the denial is linked), ``unverified`` when the outlet says it could not verify it,
``confirmed`` when the other side admits it, else ``claimed``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parley.kb.fold import norm
from parley.model.records import ActorRef, PlaceRef

# Sentences in which the outlet disclaims verification.
UNVERIFIED = re.compile(
    r"(could not|cannot|can't|couldn't|was not able to|were not able to|has not been able to|unable to) "
    r"(be )?(immediately |independently )*(be )?(verif|confirm)|not (been )?(independently )?verified|"
    r"could not be (immediately |independently )*(verified|confirmed)",
    re.IGNORECASE,
)
# Words by which a party rejects another's account.
DENIAL = re.compile(
    r"\b(den(y|ied|ies|ial)|untrue|false|fabricat\w*|fake|refut\w*|rejected the claim|dismissed the claim|"
    r"beat(en)? back|repel\w*|repuls\w*|still (holding|holds|hold|in control|controls|fighting|defending)|"
    r"remain(s|ed)? in control|not aware of)\b",
    re.IGNORECASE,
)
# An admission by the side that lost: it confirms the capture it had denied.
ADMISSION = re.compile(
    r"\b(withdr[ae]w\w*|pulled out|retreat\w*|left the (town|city)|lost control)\b", re.IGNORECASE
)
# How many sentences after a claim an unattributed verification disclaimer still refers to it.
VERIFY_WINDOW = 4

# A denial a few sentences after a claim may refer to it without naming the place ("the claim",
# "the two towns", "it"); beyond this many sentences it must name the place.
ANAPHOR_WINDOW = 3
ANAPHOR = re.compile(
    r"\b(it|this|that|claims?|reports?|towns?|city|village|statements?|allegations?)\b", re.IGNORECASE
)


@dataclass
class ClaimDraft:
    """A claim before its status is settled."""

    claimant: ActorRef
    subject: str
    place: PlaceRef | None
    sentence_index: int
    start: int
    end: int
    sent_start: int
    sent_end: int
    against: tuple[str, ...] = ()  # refs of the parties the claim is about (a capture's defender)
    reported: bool = False  # read from a reported account (an indirect quote), not from an event


def settle(
    drafts: Sequence[ClaimDraft],
    sentences: Sequence[tuple[int, int, str]],
    speakers_by_sentence: dict[int, list[ActorRef]],
) -> list[tuple[ClaimDraft, str, list[ActorRef], list[int]]]:
    """Return (draft, status, disputing actors, denial sentence indexes) for each claim."""
    out = []
    for d in drafts:
        disputers: list[ActorRef] = []
        denial_sents: list[int] = []
        place_key = norm(d.place.name) if d.place else None
        claimant_side = d.claimant.side
        confirmed = False
        for i, (_, _, text) in enumerate(sentences):
            if i <= d.sentence_index - 1:
                continue
            same_topic = bool(place_key and place_key in norm(text)) or (
                d.sentence_index < i <= d.sentence_index + ANAPHOR_WINDOW and bool(ANAPHOR.search(text))
            )
            if not same_topic:
                continue
            for actor in speakers_by_sentence.get(i, []):
                if actor.side == claimant_side or actor.ref == d.claimant.ref:
                    continue
                if DENIAL.search(text):
                    if actor not in disputers:
                        disputers.append(actor)
                        denial_sents.append(i)
                elif ADMISSION.search(text) and (not d.against or actor.side in d.against):
                    confirmed = True
        flagged = any(
            UNVERIFIED.search(text)
            for i, (_, _, text) in enumerate(sentences)
            if d.sentence_index <= i <= d.sentence_index + VERIFY_WINDOW
        )
        if disputers:
            status = "disputed"
        elif confirmed:
            status = "confirmed"
        elif flagged:
            status = "unverified"
        else:
            status = "claimed"
        out.append((d, status, disputers, denial_sents))
    return out
