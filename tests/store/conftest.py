"""The ``db_url`` fixture: each store test runs on SQLite and on PostgreSQL, in a fresh database.

PostgreSQL comes from PARLEY_TEST_POSTGRES_URL (``eval "$(bash .ci/postgres.sh)"`` starts a
server and sets it); the URL names a database on a server where the user may create databases.
Each test gets a database of its own, dropped afterwards. Without the variable, or with the
server unreachable, the PostgreSQL cases are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_ENV = "PARLEY_TEST_POSTGRES_URL"
# Seconds to wait for the test server before calling it unreachable: it runs on this machine.
CONNECT_TIMEOUT = 5


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """Return the URL of the test PostgreSQL server, or skip when there is none."""
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f'{POSTGRES_ENV} is not set; run `eval "$(bash .ci/postgres.sh)"` to test on PostgreSQL')
    from sqlalchemy import create_engine, make_url, text

    engine = create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT})
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
    except Exception as e:
        safe = make_url(url).render_as_string(hide_password=True)
        pytest.skip(
            f"PostgreSQL at {safe} is unreachable ({e.__class__.__name__}); start it with .ci/postgres.sh"
        )
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Return the URL of an empty database: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'parley.db'}"
        return
    from sqlalchemy import create_engine, make_url, text

    server = request.getfixturevalue("postgres_server")
    name = f"parley_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
