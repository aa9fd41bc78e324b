"""The claim ledger: one entry per proposition, its sources, and its status over time.

Pure functions; ``parley.store.story`` stores what they decide. A proposition is keyed by what
is claimed, not by who claims it: "capture|gn:694403" is the capture of Siversk whoever reports
it. Claims without a place are keyed by their claimant's side and their first content words, so
they link only when retold nearly word for word.

Status over time, each change with the source that caused it::

    claimed ──▶ unverified ──▶ disputed ──▶ confirmed
       │            │             │      └──▶ refuted
       └────────────┴─────────────┴──▶ confirmed / refuted

``claimed``: only the claimant's word; ``unverified``: an outlet said it could not verify it;
``disputed``: another side denies it; ``confirmed``: the other side admits it (a withdrawal from
the town) or an outlet verified it; ``refuted``: shown false. Confirmed and refuted are settled:
only the opposite settlement moves them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from parley.kb.fold import norm
from parley.story.model import Source, Step, Verdict

# A claim about the same proposition more than this long after the entry was last seen starts a
# new entry: a town can be captured, retaken and claimed again. Four months covers the longest
# claim-denial-admission sequence in the sample corpus (Kupiansk, November to January) with room.
STALE_DAYS = 120
# How many content words of an unplaced claim make its key: enough to tell two statements apart,
# few enough that a retelling with a different ending still links.
KEY_WORDS = 8
MAX_KEY = 256
# Words that carry no content for a key.
STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "that",
        "this",
        "with",
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "it",
        "its",
        "said",
        "says",
        "say",
        "told",
        "would",
        "will",
        "not",
        "no",
        "from",
        "by",
        "as",
        "but",
    }
)
KINDS = (
    ("capture", re.compile(r"^(capture|seizure|fall) of\b", re.I)),
    ("attack", re.compile(r"^(attack|strike|strikes) on\b", re.I)),
    ("agreement", re.compile(r"^agreement\b", re.I)),
)
SETTLED = ("confirmed", "refuted")
ROLES = ("claim", "unverified", "denial", "confirmation", "refutation")


def proposition(subject: str, place_id: str | None, claimant_side: str) -> tuple[str, str]:
    """Return (key, kind) of the proposition a claim asserts."""
    kind = next((k for k, rx in KINDS if rx.search(subject.strip())), "statement")
    if place_id and kind in ("capture", "attack"):
        return f"{kind}|{place_id}", kind
    words = [w for w in norm(subject).split() if w not in STOP and len(w) > 2][:KEY_WORDS]
    return f"{kind}|{claimant_side}|{' '.join(words)}"[:MAX_KEY], kind


def display_subject(subject: str) -> str:
    """Return a claim's subject as one short line."""
    line = " ".join(subject.split())
    return line if len(line) <= 160 else line[:157] + "..."


def observations_of(status: str, disputers: Iterable[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """Return (role, actor id) observations one article's claim row carries, given its status."""
    out: list[tuple[str, str | None]] = [("claim", None)]
    if status == "unverified":
        out.append(("unverified", None))
    elif status == "disputed":
        out.extend(("denial", actor) for actor, _side in disputers)
    elif status == "confirmed":
        out.append(("confirmation", None))
    elif status == "refuted":
        out.append(("refutation", None))
    return out


def _next(status: str | None, role: str) -> str | None:
    """Return the status after an observation, or None when it changes nothing."""
    target = {
        "claim": "claimed",
        "unverified": "unverified",
        "denial": "disputed",
        "confirmation": "confirmed",
        "refutation": "refuted",
    }[role]
    if status is None:
        return "claimed" if role in ("unverified", "denial") else target
    if status in SETTLED:
        return target if target in SETTLED and target != status else None
    rank = {"claimed": 0, "unverified": 1, "disputed": 2, "confirmed": 3, "refuted": 3}
    return target if rank[target] > rank[status] else None


def _note(role: str, source: Source) -> str:
    who = source.actor_name or source.actor_id
    return {
        "claim": f"claimed by {who}" if who else "claimed",
        "unverified": "the outlet could not verify it",
        "denial": f"denied by {who}" if who else "denied",
        "confirmation": f"confirmed: {who} admitted it" if who else "confirmed by the other side's admission",
        "refutation": f"refuted by {who}" if who else "refuted",
    }[role]


def verdict(sources: Iterable[Source], claimant_side: str) -> Verdict:
    """Return the entry's status history from its sources, taken in publication order."""
    ordered = sorted(
        sources, key=lambda s: ((s.published or date.min), ROLES.index(s.role), s.actor_id is None, s.id)
    )
    status: str | None = None
    steps: list[Step] = []
    claim_sides: set[str] = set()
    for s in ordered:
        if s.role == "claim" and s.actor_side:
            claim_sides.add(s.actor_side)
        if s.role == "denial" and s.actor_side == claimant_side:
            continue  # a party does not dispute its own side's claim
        new = _next(status, s.role)
        if status is None and new == "claimed" and s.role != "claim":
            steps.append(Step("claimed", s.published, s.article_id, None, "claimed"))
            status = "claimed"
            new = _next(status, s.role)
        if new is None:
            continue
        steps.append(Step(new, s.published, s.article_id, s.actor_id, _note(s.role, s)))
        status = new
    final = status or "claimed"
    days = [s.published for s in ordered if s.published is not None]
    claims = [s.published for s in ordered if s.role == "claim" and s.published is not None]
    return Verdict(
        steps=tuple(steps),
        status=final,
        one_sided=final in ("claimed", "unverified") and claim_sides <= {claimant_side},
        first_claimed=min(claims) if claims else None,
        last_seen=max(days) if days else None,
    )


__all__ = ["Source", "Step", "Verdict", "display_subject", "observations_of", "proposition", "verdict"]
