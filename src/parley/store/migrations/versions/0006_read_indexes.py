"""Indexes for the API's read paths at 100,000 events (issue 15).

- ``events(place_id, date)``: a place's events newest first, and counting them, read one index
  range; without it every place page and place count scanned all events.
- ``event_actors(actor_id, event_id)``: an actor's events come from the index alone (the old
  ``actor_id`` index made the database look up each link row to find its event id: 4,500 lookups
  for one state's events on the benchmark store).
- ``quotes(speaker_id, article_id)`` and ``positions(party_id, article_id)``: an actor's quotes
  and positions in the newest articles are one index range per article window.
- ``claim_ledger(last_seen, id)`` and ``claim_ledger_sources(actor_id, role)``: the ledger's order
  and an actor's denials, without a sort or a scan of the evidence.

The single-column indexes these supersede are dropped: every query that used them can use the
new ones' first column.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# (index name, table, columns); the name follows the ix_<table>_<columns> convention of 0001.
INDEXES = (
    ("ix_events_place_id_date", "events", ["place_id", "date"]),
    ("ix_event_actors_actor_id_event_id", "event_actors", ["actor_id", "event_id"]),
    ("ix_quotes_speaker_id_article_id", "quotes", ["speaker_id", "article_id"]),
    ("ix_positions_party_id_article_id", "positions", ["party_id", "article_id"]),
    ("ix_claim_ledger_last_seen_id", "claim_ledger", ["last_seen", "id"]),
    ("ix_claim_ledger_sources_actor_id_role", "claim_ledger_sources", ["actor_id", "role"]),
)
# Single-column indexes covered by the first column of one above.
SUPERSEDED = (
    ("ix_event_actors_actor_id", "event_actors", ["actor_id"]),
    ("ix_quotes_speaker_id", "quotes", ["speaker_id"]),
    ("ix_positions_party_id", "positions", ["party_id"]),
)


def upgrade() -> None:
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)
    for name, table, _cols in SUPERSEDED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, cols in SUPERSEDED:
        op.create_index(name, table, cols)
    for name, table, _cols in INDEXES:
        op.drop_index(name, table_name=table)
