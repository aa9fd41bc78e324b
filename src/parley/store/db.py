"""Opens the database: SQLite file by default (WAL, foreign keys) or any SQLAlchemy URL.

Opening for writing migrates the schema to the newest revision with Alembic, so an old file is
upgraded in place and a new one is created; migrations are serialised, so two first runs started
together both succeed. Opening read-only (the web server, the read commands) never creates,
migrates or changes the file: SQLite opens it with ``mode=ro`` and PostgreSQL sessions are
read-only transactions.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
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


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # no journal_mode: that would write the file
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def sqlite_path(db: str) -> Path | None:
    """Return the file of a SQLite store, or None for another database or an in-memory one."""
    url = database_url(db)
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[-1]
    return None if path in ("", ":memory:") else Path(path)


def require_existing(db: str) -> None:
    """Raise StoreError when a SQLite store named by ``db`` does not exist (reading never creates one)."""
    path = sqlite_path(db)
    if path is not None and not path.is_file():
        raise StoreError(
            "no such database",
            path=str(path),
            hint="check --db, or build one with `parley ingest FILES --db FILE` or `parley demo`",
        )


def make_engine(db: str, *, read_only: bool = False) -> Engine:
    """Return an engine for ``db`` with Parley's connection settings (``read_only``: it never writes)."""
    url = database_url(db)
    path = sqlite_path(db)
    if url.startswith("sqlite"):
        if read_only:
            require_existing(db)
            if path is None:  # an in-memory store opened read-only would be a new, empty one
                raise StoreError("no such database", path=db, hint="pass --db FILE")
        if path is not None and not path.parent.exists():
            raise StoreError(
                f"folder {path.parent} does not exist", path=str(path), hint="create it or pass another --db"
            )
        if read_only:
            engine = create_engine(
                f"sqlite:///file:{path}?mode=ro&uri=true", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
            )
            event.listen(engine, "connect", _sqlite_read_pragmas)
            return engine
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if read_only:
        return create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c default_transaction_read_only=on"}
        )
    return create_engine(url, pool_pre_ping=True)


# Any fixed 64-bit number: the PostgreSQL advisory lock that serialises Parley's migrations.
PG_MIGRATION_LOCK = 0x5061726C6579


@contextmanager
def _sqlite_migration_lock(engine: Engine) -> Iterator[None]:
    """Hold, across processes, the lock that one SQLite migration at a time may hold.

    An exclusive ``flock`` on the database's folder, taken before the first connection opens (so
    before the connection's own PRAGMAs run): flock, unlike SQLite's POSIX locks, is not dropped
    when another descriptor of the file closes, and locking the folder leaves no lock file behind.
    """
    path = sqlite_path(engine.url.database or "") if engine.dialect.name == "sqlite" else None
    if path is None:
        yield
        return
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creating it in an empty database)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "parley.store:migrations")
    try:
        with _sqlite_migration_lock(engine), engine.begin() as conn:
            if engine.dialect.name == "postgresql":  # the same, for PostgreSQL: a transaction's lock
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyError as e:
        raise StoreError(
            f"cannot migrate the database: {e.__class__.__name__}: {str(e).splitlines()[0]}",
            path=str(engine.url),
            hint="is this a Parley database? pass --db to use another file",
        ) from e
