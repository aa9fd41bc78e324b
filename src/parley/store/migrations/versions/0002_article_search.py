"""Full-text search over articles: FTS5 on SQLite (PostgreSQL gets tsvector in its own revision).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, clean_text, content='articles', content_rowid='rowid')"
    )
    # Keep the index in step with the table, whoever writes it.
    op.execute(
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, clean_text) "
        "VALUES (new.rowid, new.title, new.clean_text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, clean_text) "
        "VALUES ('delete', old.rowid, old.title, old.clean_text); END"
    )
    op.execute(
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, clean_text ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, clean_text) "
        "VALUES ('delete', old.rowid, old.title, old.clean_text); "
        "INSERT INTO articles_fts(rowid, title, clean_text) "
        "VALUES (new.rowid, new.title, new.clean_text); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS articles_fts")
