"""The records extraction produces, each with the evidence it came from.

All offsets in ``Evidence`` are into ``RawArticle.text`` (the article as given), so that a
record can always be shown in the text the user supplied. Resolutions of actors and places
record their ``method`` (exact / alias / folded / role / context / model) and a ``reason``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parley.kb.fold import norm

EVENT_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODALITIES = ("asserted", "claimed", "denied", "planned", "hypothetical")
CLAIM_STATUSES = ("claimed", "disputed", "unverified", "confirmed", "refuted")
ISSUES = (
    "territory",
    "ceasefire",
    "security_guarantees",
    "alliance_membership",
    "military_limits",
    "nuclear",
    "sanctions",
    "economic_reconstruction",
    "humanitarian",
    "governance",
    "accountability",
    "other",
)
ACTOR_KINDS = ("person", "state", "organization", "group")


@dataclass(frozen=True)
class Evidence:
    """Where a record came from: a span of the raw text, its sentence, and who made it."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    stage: str
    version: str


def evidence_columns(e: Evidence) -> dict[str, int | str]:
    """Return the evidence as the columns every stored record carries (SQL tables and Parquet alike)."""
    return {
        "span_start": e.start,
        "span_end": e.end,
        "sentence_start": e.sentence_start,
        "sentence_end": e.sentence_end,
        "stage": e.stage,
        "version": e.version,
    }


@dataclass(frozen=True)
class DateValue:
    """A resolved date: the day (or first day of the month/year) with its precision."""

    value: date
    precision: str  # day | month | year
    text: str = ""  # the expression it was read from
    start: int = -1  # clean-text offsets of that expression, -1 when inferred
    end: int = -1

    def as_day(self) -> date | None:
        """Return the calendar day, or None when only a month or year is known."""
        return self.value if self.precision == "day" else None


_QID = re.compile(r"^Q\d+$")


def actor_key(qid: str | None, name: str) -> str:
    """Return the key of an actor in the store (``actors.id``): its QID, else its name's key."""
    return qid or actor_key_of_name(name)


def side_of(actor_key: str, affiliation: str | None) -> str:
    """Return the side an actor acts for: its affiliation's key, else the actor itself.

    The one definition of a side: extraction compares the sides of the actors of one article with
    it (``ActorRef.side``), and the story tables group claims, denials and stances across articles
    by it (``parley.store.story``), so a party is the same party in both. An affiliation is a QID or
    a name; a name is keyed as the store keys actors without a QID.
    """
    if not affiliation:
        return actor_key
    return affiliation if _QID.match(affiliation) else actor_key_of_name(affiliation)


def actor_key_of_name(name: str) -> str:
    """Return the store key of an actor known only by name."""
    return f"name:{norm(name)}"


@dataclass(frozen=True)
class ActorRef:
    """An actor as resolved: Wikidata QID when known, canonical name, kind, and why."""

    name: str
    kind: str
    id: str | None = None
    affiliation: str | None = None  # QID (or name) of the state/body a person acts for
    method: str = "exact"
    reason: str = ""
    confidence: float = 1.0

    @property
    def ref(self) -> str:
        """Return the reference used in records: the QID, else the name."""
        return self.id or self.name

    @property
    def key(self) -> str:
        """Return the actor's key as the store writes it (``actors.id``): its QID, else its folded name."""
        return actor_key(self.id, self.name)

    @property
    def side(self) -> str:
        """Return the key of the party this actor acts for (see :func:`side_of`)."""
        return side_of(self.key, self.affiliation)


@dataclass(frozen=True)
class PlaceRef:
    """A place as resolved: GeoNames id when known, name, coordinates, and why."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # GeoNames feature class+code, e.g. "P.PPLA", "A.ADM1", "S.PS"
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    method: str = "exact"
    reason: str = ""
    confidence: float = 1.0

    @property
    def ref(self) -> int | str:
        """Return the reference used in records: the GeoNames id, else the name."""
        return self.geonameid if self.geonameid is not None else self.name


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where and when, in PLOVER terms."""

    type: str
    actors: tuple[ActorRef, ...]
    evidence: Evidence
    mode: str | None = None
    date: DateValue | None = None
    place: PlaceRef | None = None
    modality: str = "asserted"
    trigger: str = ""


@dataclass(frozen=True)
class Quote:
    """What someone said: direct (the quoted words) or indirect (the reported content)."""

    text: str
    start: int  # raw offsets of the quoted words / reported content
    end: int
    direct: bool
    evidence: Evidence
    speaker: ActorRef | None = None
    cue: str = ""  # the verb or phrase that introduced it ("said", "according to")


@dataclass(frozen=True)
class Claim:
    """A factual assertion the outlet does not vouch for, with its claimant and status."""

    claimant: ActorRef
    subject: str
    status: str
    evidence: Evidence
    place: PlaceRef | None = None
    disputed_by: tuple[ActorRef, ...] = ()
    denial_evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Position:
    """A party's stance on a negotiation issue."""

    party: ActorRef
    issue: str
    stance: str
    evidence: Evidence


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    doc_id: str
    published: date | None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    positions: tuple[Position, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    version: str = field(default="")
