"""Alembic environment: runs Parley's migrations on the connection the store hands over."""

from __future__ import annotations

from alembic import context

from parley.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # run from the alembic command line against a URL
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///parley.db"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables instead
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
