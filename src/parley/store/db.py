"""Opens the database: SQLite file by default (WAL, foreign keys) or any SQLAlchemy URL.

Opening for writing migrates the schema to the newest revision with Alembic, so an old file is
upgraded in place and a new one is created; migrations are serialised, so two first runs started
together both succeed. Opening read-only (the web server, the read commands) never creates,
migrates or changes the file: SQLite opens it with ``mode=ro`` and PostgreSQL sessions are
read-only transactions.

Alembic itself (0.7 s of imports and 0.6 s of table building) runs only when there is something
to migrate: a store whose recorded revision is already the newest is opened with one SELECT, and
a new SQLite file starts as a copy of an empty store built once by the same migrations and kept in
the cache folder under the hash of the migration scripts (so a changed or added migration makes a
new template, and the old one is never read again).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError, SQLAlchemyError

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


MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r'^(down_revision|revision)\s*=\s*["\']?([^"\'\s]+?)["\']?\s*$', re.MULTILINE)


def _migration_scripts() -> list[Path]:
    return sorted((MIGRATIONS / "versions").glob("*.py"))


def head_revision() -> str | None:
    """Return the newest revision named by the migration scripts, or None when that is not one revision.

    Read from the scripts' ``revision``/``down_revision`` lines rather than through Alembic, which
    costs 0.7 s to import: the head is the one revision no other script names as its parent.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in _migration_scripts():
        for key, value in _REVISION.findall(script.read_text(encoding="utf-8")):
            (revisions if key == "revision" else parents).add(value)
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def _at_head(engine: Engine, head: str | None) -> bool:
    """Return True when the database records exactly the newest revision (nothing to migrate)."""
    if head is None:
        return False
    path = sqlite_path(engine.url.database or "") if engine.dialect.name == "sqlite" else None
    if path is not None and (not path.is_file() or path.stat().st_size == 0):
        return False  # a new file: do not create it by connecting
    try:
        with engine.connect() as conn:
            versions = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    except (OperationalError, ProgrammingError):  # no such table: a new or foreign database
        return False
    return versions == [head]


def _template_key() -> str:
    digest = hashlib.sha256()
    for script in [MIGRATIONS / "env.py", *_migration_scripts()]:
        digest.update(script.name.encode() + b"\0" + script.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _alembic_upgrade(engine: Engine) -> None:
    """Run Alembic's upgrade to head on the engine, serialised across processes."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "parley.store:migrations")
    with _sqlite_migration_lock(engine), engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # the same, for PostgreSQL: a transaction's lock
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _empty_template(cache: Path) -> Path:
    """Return the cached empty store at the newest revision, building it with Alembic when missing."""
    template = cache / f"empty-store-{_template_key()}.sqlite"
    if template.is_file():
        return template
    cache.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".empty-store-", suffix=".sqlite", dir=cache)
    os.close(fd)
    os.unlink(tmp)  # SQLite must create it
    try:
        engine = make_engine(tmp)
        try:
            _alembic_upgrade(engine)
            with engine.connect() as conn:  # a self-contained file: no WAL beside it
                conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
        finally:
            engine.dispose()
        os.replace(tmp, template)  # atomic: a concurrent reader sees no half-built template
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return template


def _create_from_template(engine: Engine) -> bool:
    """Return True after creating a new SQLite store as a copy of the cached empty one.

    False (and nothing done) for another database, an existing file, or a cache that cannot be
    used: Alembic then builds the schema as always.
    """
    path = sqlite_path(engine.url.database or "") if engine.dialect.name == "sqlite" else None
    if path is None or path.exists():
        return False
    from parley.config import Settings

    try:
        template = _empty_template(Settings.from_env().cache_path)
        with _sqlite_migration_lock(engine):
            if path.exists():  # another process created it meanwhile: let Alembic check it
                return False
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
            with os.fdopen(fd, "wb") as out, template.open("rb") as src:
                shutil.copyfileobj(src, out)
            os.replace(tmp, path)
        with engine.connect():  # the connection's PRAGMAs put the new file in WAL mode, as Alembic's would
            pass
    except (OSError, SQLAlchemyError):
        return False
    return True


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creating it in an empty database)."""
    try:
        if _at_head(engine, head_revision()) or _create_from_template(engine):
            return
        _alembic_upgrade(engine)
    except SQLAlchemyError as e:
        raise StoreError(
            f"cannot migrate the database: {e.__class__.__name__}: {str(e).splitlines()[0]}",
            path=str(engine.url),
            hint="is this a Parley database? pass --db to use another file",
        ) from e
