"""Plain typed data that flows between Parley's stages."""

from parley.model.article import ArticleMeta, Document, Failure, OffsetMap, RawArticle, Skip
from parley.model.records import (
    ActorRef,
    Claim,
    DateValue,
    Event,
    Evidence,
    Extraction,
    PlaceRef,
    Position,
    Quote,
)

__all__ = [
    "ActorRef",
    "ArticleMeta",
    "Claim",
    "DateValue",
    "Document",
    "Event",
    "Evidence",
    "Extraction",
    "Failure",
    "OffsetMap",
    "PlaceRef",
    "Position",
    "Quote",
    "RawArticle",
    "Skip",
]
