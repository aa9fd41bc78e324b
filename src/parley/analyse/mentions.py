"""Mentions: spans of the cleaned text that name an actor or a place.

Produced by the knowledge-base matcher ahead of spaCy's statistical NER; consumed by every
extractor (quotes need speakers, events actors and places, claims claimants, positions parties).
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.model.records import ActorRef, PlaceRef


@dataclass(frozen=True)
class Mention:
    """A span of the cleaned text that refers to an actor or a place.

    ``kind`` is ``actor`` (a named actor or a metonym such as "the Kremlin"), ``role`` (a
    title such as "the US president"; ``actor`` holds the resolved holder when known),
    ``place`` or ``pronoun``. Offsets are into the cleaned text (``Document.text``).
    """

    start: int
    end: int
    text: str
    kind: str
    actor: ActorRef | None = None
    place: PlaceRef | None = None
