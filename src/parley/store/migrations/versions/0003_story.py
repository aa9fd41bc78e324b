"""cross-article story tables (merged events, claim ledger, stance history)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=32), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_lo", sa.String(length=10), nullable=False),
        sa.Column("date_hi", sa.String(length=10), nullable=False),
        sa.Column("place_id", sa.String(length=128), nullable=True),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("first_reported", sa.String(length=10), nullable=True),
        sa.Column("last_reported", sa.String(length=10), nullable=True),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_story_events_date", "story_events", ["date"])
    op.create_index("ix_story_events_first_reported", "story_events", ["first_reported"])

    op.create_table(
        "story_event_members",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("story_event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_lo", sa.String(length=10), nullable=False),
        sa.Column("date_hi", sa.String(length=10), nullable=False),
        sa.Column("place_id", sa.String(length=128), nullable=True),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("linked_to", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["story_event_id"], ["story_events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_story_event_members_story_event_id", "story_event_members", ["story_event_id"])
    op.create_index("ix_story_event_members_article_id", "story_event_members", ["article_id"])
    op.create_index("ix_story_event_members_type_hi", "story_event_members", ["type", "date_hi"])

    op.create_table(
        "story_member_sides",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=128), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["story_event_members.event_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "side"),
    )
    op.create_index("ix_story_member_sides_side", "story_member_sides", ["side"])

    op.create_table(
        "story_event_actors",
        sa.Column("story_event_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.String(length=128), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["story_event_id"], ["story_events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"]),
        sa.PrimaryKeyConstraint("story_event_id", "actor_id"),
    )
    op.create_index("ix_story_event_actors_actor_id", "story_event_actors", ["actor_id"])

    op.create_table(
        "story_event_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("story_event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("change", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_story_event_changes_story_event_id", "story_event_changes", ["story_event_id"])

    op.create_table(
        "claim_ledger",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("proposition", sa.String(length=256), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("place_id", sa.String(length=128), nullable=True),
        sa.Column("claimant_id", sa.String(length=128), nullable=False),
        sa.Column("claimant_side", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("one_sided", sa.Boolean(), nullable=False),
        sa.Column("first_claimed", sa.String(length=10), nullable=True),
        sa.Column("last_seen", sa.String(length=10), nullable=False),
        sa.Column("status_since", sa.String(length=10), nullable=True),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"]),
        sa.ForeignKeyConstraint(["claimant_id"], ["actors.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_ledger_status", "claim_ledger", ["status"])
    op.create_index("ix_claim_ledger_proposition_seen", "claim_ledger", ["proposition", "last_seen"])

    op.create_table(
        "claim_ledger_sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.String(length=128), nullable=True),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["claim_ledger.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"]),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_ledger_sources_entry_id", "claim_ledger_sources", ["entry_id"])
    op.create_index("ix_claim_ledger_sources_article_id", "claim_ledger_sources", ["article_id"])

    op.create_table(
        "claim_ledger_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("since", sa.String(length=10), nullable=True),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("actor_id", sa.String(length=128), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["claim_ledger.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["actor_id"], ["actors.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_ledger_history_entry_id", "claim_ledger_history", ["entry_id"])

    op.create_table(
        "stance_history",
        sa.Column("position_id", sa.Integer(), nullable=False),
        sa.Column("party_side", sa.String(length=128), nullable=False),
        sa.Column("party_id", sa.String(length=128), nullable=False),
        sa.Column("issue", sa.String(length=32), nullable=False),
        sa.Column("stance", sa.Text(), nullable=False),
        sa.Column("polarity", sa.String(length=16), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("changed", sa.Boolean(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["position_id"], ["positions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["party_id"], ["actors.id"]),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("position_id"),
    )
    op.create_index("ix_stance_history_article_id", "stance_history", ["article_id"])
    op.create_index(
        "ix_stance_history_side_issue_pub", "stance_history", ["party_side", "issue", "published"]
    )

    op.create_table(
        "issue_stances",
        sa.Column("party_side", sa.String(length=128), nullable=False),
        sa.Column("issue", sa.String(length=32), nullable=False),
        sa.Column("position_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.String(length=128), nullable=False),
        sa.Column("stance", sa.Text(), nullable=False),
        sa.Column("polarity", sa.String(length=16), nullable=False),
        sa.Column("since", sa.String(length=10), nullable=True),
        sa.Column("previous_stance", sa.Text(), nullable=True),
        sa.Column("changed_on", sa.String(length=10), nullable=True),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["position_id"], ["positions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["party_id"], ["actors.id"]),
        sa.PrimaryKeyConstraint("party_side", "issue"),
    )
    op.create_index("ix_issue_stances_issue", "issue_stances", ["issue"])


def downgrade() -> None:
    op.drop_index("ix_issue_stances_issue", table_name="issue_stances")
    op.drop_table("issue_stances")
    op.drop_index("ix_stance_history_side_issue_pub", table_name="stance_history")
    op.drop_index("ix_stance_history_article_id", table_name="stance_history")
    op.drop_table("stance_history")
    op.drop_index("ix_claim_ledger_history_entry_id", table_name="claim_ledger_history")
    op.drop_table("claim_ledger_history")
    op.drop_index("ix_claim_ledger_sources_article_id", table_name="claim_ledger_sources")
    op.drop_index("ix_claim_ledger_sources_entry_id", table_name="claim_ledger_sources")
    op.drop_table("claim_ledger_sources")
    op.drop_index("ix_claim_ledger_proposition_seen", table_name="claim_ledger")
    op.drop_index("ix_claim_ledger_status", table_name="claim_ledger")
    op.drop_table("claim_ledger")
    op.drop_index("ix_story_event_changes_story_event_id", table_name="story_event_changes")
    op.drop_table("story_event_changes")
    op.drop_index("ix_story_event_actors_actor_id", table_name="story_event_actors")
    op.drop_table("story_event_actors")
    op.drop_index("ix_story_member_sides_side", table_name="story_member_sides")
    op.drop_table("story_member_sides")
    op.drop_index("ix_story_event_members_type_hi", table_name="story_event_members")
    op.drop_index("ix_story_event_members_article_id", table_name="story_event_members")
    op.drop_index("ix_story_event_members_story_event_id", table_name="story_event_members")
    op.drop_table("story_event_members")
    op.drop_index("ix_story_events_first_reported", table_name="story_events")
    op.drop_index("ix_story_events_date", table_name="story_events")
    op.drop_table("story_events")
