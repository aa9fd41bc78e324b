"""Opening a store runs Alembic only when there is something to migrate, with the same schema."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from parley.store import Store
from parley.store import db as store_db


def _schema(path: Path) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    with sqlite3.connect(path) as conn:
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    return objects, versions


def test_head_revision_is_the_last_script() -> None:
    scripts = store_db._migration_scripts()
    head = store_db.head_revision()
    assert head is not None
    assert any(f'revision = "{head}"' in s.read_text() for s in scripts)
    assert not any(f'down_revision = "{head}"' in s.read_text() for s in scripts)


def test_new_store_from_template_equals_alembic_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))
    built = tmp_path / "alembic.db"
    engine = store_db.make_engine(str(built))
    store_db._alembic_upgrade(engine)
    engine.dispose()
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    Store(str(first)).close()  # builds the template, then copies it
    assert list((tmp_path / "cache").glob("empty-store-*.sqlite"))
    Store(str(second)).close()  # copies it
    assert _schema(first) == _schema(built) == _schema(second)
    assert _schema(built)[1] == [store_db.head_revision()]
    with sqlite3.connect(second) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_unusable_cache_falls_back_to_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(blocker / "cache"))
    path = tmp_path / "store.db"
    Store(str(path)).close()
    assert _schema(path)[1] == [store_db.head_revision()]


def test_store_at_head_opens_without_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.db"
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))
    Store(str(path)).close()
    probe = (
        "import sys; from parley.store import Store; Store(sys.argv[1]).close(); "
        "print('alembic' in sys.modules)"
    )
    env = {**os.environ, "PARLEY_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, env=env, check=False
    )
    assert out.returncode == 0, out.stderr[-800:]
    assert out.stdout.strip() == "False"
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "parley.store:migrations")
    engine = store_db.make_engine(str(path))
    with engine.begin() as conn:  # an older store is still upgraded by Alembic
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    engine.dispose()
    assert _schema(path)[1] != [store_db.head_revision()]
    out = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, env=env, check=False
    )
    assert out.returncode == 0, out.stderr[-800:]
    assert out.stdout.strip() == "True"
    assert _schema(path)[1] == [store_db.head_revision()]
