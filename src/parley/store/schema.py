"""The store's tables, as SQLAlchemy Core metadata (portable: SQLite by default, PostgreSQL later).

Names are plain and readable so the file opens in Datasette as-is. Offsets in ``*_start`` /
``*_end`` columns are into ``articles.raw_text`` (the article as given). SQLite-only features
(FTS5) live in the migrations and in ``search.py``, never in these tables.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", Text, nullable=False, unique=True),  # file path, URL or feed URL
    Column("kind", String(16), nullable=False),
    Column("first_seen", String(32), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("location", Text, nullable=False),  # where exactly: "feed.jsonl:12", "crawl.warc.gz#<id>"
    Column("kind", String(16), nullable=False),
    Column("title", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(10), index=True),  # YYYY-MM-DD
    Column("language", String(16)),
    Column("raw_text", Text, nullable=False),
    Column("clean_text", Text),
    Column("offset_map", Text),  # JSON list of [clean_start, raw_start, raw_end, length] runs
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("status", String(16), nullable=False, index=True),  # stored|extracted|near_duplicate|skipped
    Column("skip_reason", Text),
    Column("duplicate_of", String(64), ForeignKey("articles.id")),
    Column("similarity", Float),
    Column("minhash", LargeBinary),
    Column("ingested_at", String(32), nullable=False),
    Column("extracted_at", String(32)),
    Column("extractor_version", String(32)),
)

duplicates = Table(
    "duplicates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", Text, nullable=False, unique=True),
    Column("duplicate_of", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(8), nullable=False),  # exact | near
    Column("similarity", Float, nullable=False),
    Column("seen_at", String(32), nullable=False),
)

article_lsh = Table(
    "article_lsh",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("bucket", String(32), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", Text, nullable=False),
    Column("reason", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("seen_at", String(32), nullable=False),
    UniqueConstraint("location", "reason", name="uq_failures_location_reason"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(128), primary_key=True),  # the QID, or "name:<normalised name>"
    Column("qid", String(16), index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("affiliation", String(128)),
)

places = Table(
    "places",
    metadata,
    Column("id", String(128), primary_key=True),  # "gn:<geonameid>" or "name:<normalised name>"
    Column("geonameid", Integer, index=True),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String(16)),
    Column("country", String(2)),
    Column("admin1", String(16)),
)


def _evidence_columns() -> list[Column[int] | Column[str]]:
    """Return the evidence columns every record table carries."""
    return [
        Column("span_start", Integer, nullable=False),
        Column("span_end", Integer, nullable=False),
        Column("sentence_start", Integer, nullable=False),
        Column("sentence_end", Integer, nullable=False),
        Column("stage", String(32), nullable=False),
        Column("version", String(32), nullable=False),
    ]


events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("type", String(16), nullable=False),  # indexed with the date (migration 0007)
    Column("mode", String(32)),
    Column("date", String(10), index=True),
    Column("date_precision", String(8)),
    Column("place_id", String(128), ForeignKey("places.id")),
    Column("modality", String(16), nullable=False),
    Column("trigger", Text),
    *_evidence_columns(),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", String(128), ForeignKey("actors.id"), nullable=False),
    Column("method", String(16)),
    Column("reason", Text),
    Column("confidence", Float),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("speaker_id", String(128), ForeignKey("actors.id")),
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("cue", Text),
    *_evidence_columns(),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("claimant_id", String(128), ForeignKey("actors.id"), nullable=False, index=True),
    Column("subject", Text, nullable=False),
    Column("place_id", String(128), ForeignKey("places.id")),
    Column("status", String(16), nullable=False),
    *_evidence_columns(),
)

claim_disputes = Table(
    "claim_disputes",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", String(128), ForeignKey("actors.id"), primary_key=True),
)

positions = Table(
    "positions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("party_id", String(128), ForeignKey("actors.id"), nullable=False),
    Column("issue", String(32), nullable=False, index=True),
    Column("stance", Text, nullable=False),
    *_evidence_columns(),
)

Index("ix_articles_duplicate_of", articles.c.duplicate_of)
# The API's read paths (migration 0006): a place's events by date, an actor's events, quotes and
# positions from their own index.
Index("ix_events_place_id_date", events.c.place_id, events.c.date)
Index("ix_event_actors_actor_id_event_id", event_actors.c.actor_id, event_actors.c.event_id)
Index("ix_quotes_speaker_id_article_id", quotes.c.speaker_id, quotes.c.article_id)
Index("ix_positions_party_id_article_id", positions.c.party_id, positions.c.article_id)
# The event filters by type and by modality, newest first (migration 0007).
Index("ix_events_type_date", events.c.type, events.c.date)
Index("ix_events_modality_date", events.c.modality, events.c.date)

RECORD_TABLES = (events, quotes, claims, positions)

# Tables of later stages live in their own modules, on the same metadata (imported last so that
# they can import `metadata` from here).
from parley.store import schema_plans, schema_story  # noqa: E402, F401
