"""Opens the database: SQLite file by default (WAL, foreign keys) or any SQLAlchemy URL.

Opening migrates the schema to the newest revision with Alembic, so an old file is upgraded
in place and a new one is created.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from parley.errors import StoreError

# How long a writer or reader waits for a lock held by another process before giving up. Long
# enough for one article's transaction on a slow disk; a reader in WAL mode rarely waits at all.
BUSY_TIMEOUT_MS = 30_000


def database_url(db: str) -> str:
    """Return a SQLAlchemy URL for a path or URL given by the user."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")  # readers keep reading while an ingest writes
    cur.execute(
        "PRAGMA synchronous=NORMAL"
    )  # safe with WAL: a crash loses no committed transaction's integrity
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(db: str) -> Engine:
    """Return an engine for ``db`` with Parley's connection settings."""
    url = database_url(db)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not Path(path).parent.exists():
            raise StoreError(
                f"folder {Path(path).parent} does not exist", path=path, hint="create it or pass another --db"
            )
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creating it in an empty database)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "parley.store:migrations")
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyError as e:
        raise StoreError(
            f"cannot migrate the database: {e.__class__.__name__}: {str(e).splitlines()[0]}",
            path=str(engine.url),
            hint="is this a Parley database? pass --db to use another file",
        ) from e
