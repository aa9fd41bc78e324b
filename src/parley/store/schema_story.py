"""Tables of the cross-article story (merged events, claim ledger, stance history).

Everything here is derived from the record tables (``events``, ``claims``, ``positions``) by
``parley.story.update_story``, one article at a time, and can be rebuilt from them with
``parley story rebuild``. Dates are ``YYYY-MM-DD`` strings, as in the record tables.

    story_events ─┬─ story_event_members ── events (one row per merged source event)
                  ├─ story_member_sides     (actor and side keys of each member, for lookups)
                  └─ story_event_changes    (created / merged / split, with the article that caused it)
    claim_ledger ─┬─ claim_ledger_sources   (each claim, denial or confirmation, with its article)
                  └─ claim_ledger_history   (status changes over time, each with its source)
    stance_history                          (every position, in order, per party side and issue)
    issue_stances                           (the latest stance per party side and issue)
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text

from parley.store.schema import metadata


def _cascade(target: str) -> ForeignKey:
    """Return a foreign key whose rows go when the row they point to goes."""
    return ForeignKey(target, ondelete="CASCADE")


def _article_column() -> Column[str]:
    """Return the indexed article_id column of a table whose rows come from one article."""
    return Column("article_id", String(64), _cascade("articles.id"), nullable=False, index=True)


story_events = Table(
    "story_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("date", String(10), index=True),  # the day it happened, when a source fixes it
    Column("date_lo", String(10), nullable=False),  # the window the members allow
    Column("date_hi", String(10), nullable=False),
    Column("place_id", String(128), ForeignKey("places.id")),
    Column("modality", String(16), nullable=False),
    Column("first_reported", String(10), index=True),  # earliest publication date among sources
    Column("last_reported", String(10)),
    Column("source_count", Integer, nullable=False),  # distinct articles
    Column("member_count", Integer, nullable=False),  # source events (an article may report it twice)
    Column("updated_at", String(32), nullable=False),
)

story_event_members = Table(
    "story_event_members",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("story_event_id", Integer, _cascade("story_events.id"), nullable=False, index=True),
    _article_column(),
    Column("type", String(16), nullable=False),
    Column("date", String(10)),  # day-precision date of this report, else null
    Column("date_lo", String(10), nullable=False),
    Column("date_hi", String(10), nullable=False),
    Column("place_id", String(128)),
    Column("modality", String(16), nullable=False),
    Column("published", String(10)),
    Column("linked_to", Integer),  # the member it was matched with (null for the first report)
    Column("reason", Text, nullable=False),  # why it belongs here, in words
    Column("score", Integer, nullable=False),
)
Index("ix_story_event_members_type_hi", story_event_members.c.type, story_event_members.c.date_hi)

story_member_sides = Table(
    "story_member_sides",
    metadata,
    Column("event_id", Integer, _cascade("story_event_members.event_id"), primary_key=True),
    Column("side", String(128), primary_key=True),  # an actor id, or the state/body a person acts for
)
Index("ix_story_member_sides_side", story_member_sides.c.side)

story_event_actors = Table(
    "story_event_actors",
    metadata,
    Column("story_event_id", Integer, ForeignKey("story_events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", String(128), ForeignKey("actors.id"), primary_key=True),
    Column("position", Integer, nullable=False),
)
Index("ix_story_event_actors_actor_id", story_event_actors.c.actor_id)

story_event_changes = Table(
    "story_event_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("story_event_id", Integer, nullable=False, index=True),  # no FK: history outlives a split-off id
    Column("article_id", String(64), nullable=False),  # the article whose arrival caused the change
    Column("change", String(16), nullable=False),  # created | grown | merged | split | removed
    Column("detail", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

claim_ledger = Table(
    "claim_ledger",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("proposition", String(256), nullable=False),  # the matching key, e.g. "capture|gn:694403"
    Column("kind", String(16), nullable=False),  # capture | attack | agreement | statement
    Column("subject", Text, nullable=False),
    Column("place_id", String(128), ForeignKey("places.id")),
    Column("claimant_id", String(128), ForeignKey("actors.id"), nullable=False),  # first claimant
    Column("claimant_side", String(128), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("one_sided", Boolean, nullable=False),  # only the claimant side's word so far
    Column("first_claimed", String(10)),
    Column("last_seen", String(10), nullable=False),
    Column("status_since", String(10)),
    Column("source_count", Integer, nullable=False),
    Column("updated_at", String(32), nullable=False),
)
Index("ix_claim_ledger_proposition_seen", claim_ledger.c.proposition, claim_ledger.c.last_seen)
Index("ix_claim_ledger_last_seen_id", claim_ledger.c.last_seen, claim_ledger.c.id)  # the ledger's order

claim_ledger_sources = Table(
    "claim_ledger_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entry_id", Integer, _cascade("claim_ledger.id"), nullable=False, index=True),
    _article_column(),
    Column("published", String(10)),
    Column("role", String(16), nullable=False),  # claim | unverified | denial | confirmation | refutation
    Column("actor_id", String(128), ForeignKey("actors.id")),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE")),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE")),
)

Index("ix_claim_ledger_sources_actor_id_role", claim_ledger_sources.c.actor_id, claim_ledger_sources.c.role)

claim_ledger_history = Table(
    "claim_ledger_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entry_id", Integer, _cascade("claim_ledger.id"), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("since", String(10)),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", String(128), ForeignKey("actors.id")),
    Column("note", Text, nullable=False),
)

stance_history = Table(
    "stance_history",
    metadata,
    Column("position_id", Integer, ForeignKey("positions.id", ondelete="CASCADE"), primary_key=True),
    Column("party_side", String(128), nullable=False),  # the state/body the speaker acts for
    Column("party_id", String(128), ForeignKey("actors.id"), nullable=False),  # who stated it
    Column("issue", String(32), nullable=False),
    Column("stance", Text, nullable=False),
    Column("polarity", String(16), nullable=False),  # demands | rejects | accepts | neutral
    _article_column(),
    Column("published", String(10)),
    Column("changed", Boolean, nullable=False),  # differs from the previous stance of this side on this issue
    Column("change_note", Text),
)
Index(
    "ix_stance_history_side_issue_pub",
    stance_history.c.party_side,
    stance_history.c.issue,
    stance_history.c.published,
)

issue_stances = Table(
    "issue_stances",
    metadata,
    Column("party_side", String(128), primary_key=True),
    Column("issue", String(32), primary_key=True),
    Column("position_id", Integer, ForeignKey("positions.id", ondelete="CASCADE"), nullable=False),
    Column("party_id", String(128), ForeignKey("actors.id"), nullable=False),
    Column("stance", Text, nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("since", String(10)),
    Column("previous_stance", Text),
    Column("changed_on", String(10)),
    Column("source_count", Integer, nullable=False),
    Column("updated_at", String(32), nullable=False),
)
Index("ix_issue_stances_issue", issue_stances.c.issue)

STORY_TABLES = (
    story_member_sides,
    story_event_members,
    story_event_actors,
    story_event_changes,
    story_events,
    claim_ledger_history,
    claim_ledger_sources,
    claim_ledger,
    stance_history,
    issue_stances,
)  # (children before parents: the order in which to empty them)
