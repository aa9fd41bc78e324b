"""Full-text search over articles on PostgreSQL: a tsvector column with a GIN index.

SQLite has had FTS5 since 0002; this revision does nothing there. On PostgreSQL the column is
generated from the title and the clean text, so every writer keeps it current without a
trigger, and ``store.search`` queries it with ``@@ plainto_tsquery``.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The text search configuration: English stemming, as the articles Parley reads are in English.
# The same name is used by the queries in store/search.py; change both together.
CONFIG = "english"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # The title weighs more than the body in ranking (weights A and D).
    op.execute(
        "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        f"setweight(to_tsvector('{CONFIG}', coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector('{CONFIG}', coalesce(clean_text, '')), 'D')) STORED"
    )
    op.execute("CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_articles_search_vector")
    op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_vector")
