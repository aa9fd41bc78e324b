"""Hand-built records for story tests: articles written straight through the store writer."""

from __future__ import annotations

from datetime import date

from parley.model import (
    ActorRef,
    ArticleMeta,
    Claim,
    DateValue,
    Event,
    Evidence,
    Extraction,
    PlaceRef,
    RawArticle,
)
from parley.store import Store

EV = Evidence(0, 1, 0, 1, "test", "0")
RUSSIA = ActorRef("Russia", "state", "Q159")
UKRAINE = ActorRef("Ukraine", "state", "Q212")
USA = ActorRef("United States", "state", "Q30")
PUTIN = ActorRef("Vladimir Putin", "person", "Q7747", affiliation="Q159")
WITKOFF = ActorRef("Steve Witkoff", "person", affiliation="Q30")
KUSHNER = ActorRef("Jared Kushner", "person", affiliation="Q30")
MOSCOW = PlaceRef("Moscow", 524901, 55.75204, 37.61781)
MIAMI = PlaceRef("Miami", 4164138, 25.77427, -80.19366)
SIVERSK = PlaceRef("Siversk", 694403, 48.86476, 38.09683)


def meeting(day: date | None, place: PlaceRef | None, *actors: ActorRef, modality: str = "asserted") -> Event:
    """Return a CONSULT visit event."""
    return Event(
        "CONSULT",
        tuple(actors),
        EV,
        mode="visit",
        date=DateValue(day, "day") if day else None,
        place=place,
        modality=modality,
    )


def capture(place: PlaceRef, modality: str = "claimed") -> Event:
    """Return an undated capture (ASSAULT of Russia on Ukraine) at a place."""
    return Event("ASSAULT", (RUSSIA, UKRAINE), EV, place=place, modality=modality)


def withdrawal(place: PlaceRef) -> Event:
    """Return Ukraine's announced withdrawal from a place."""
    return Event("RETREAT", (UKRAINE,), EV, mode="withdraw", place=place, modality="asserted")


def capture_claim(place: PlaceRef, status: str, disputed_by: tuple[ActorRef, ...] = ()) -> Claim:
    """Return Russia's claim to have captured a place."""
    return Claim(RUSSIA, f"capture of {place.name}", status, EV, place=place, disputed_by=disputed_by)


def add_article(
    store: Store,
    name: str,
    published: date,
    *,
    events: tuple[Event, ...] = (),
    claims: tuple[Claim, ...] = (),
) -> str:
    """Store one hand-built article with its records; return its id."""
    raw = RawArticle(
        source=f"{name}.txt",
        kind="text",
        text=f"{name} ({published})",
        meta=ArticleMeta(title=name, outlet="Test Desk", published=published),
        external_id=name,
    )
    ex = Extraction(doc_id=name, published=published, events=events, claims=claims)
    return store.write_article(
        raw, None, source=f"{name}.txt", status="stored", extraction=ex, extractor_version="test"
    )
