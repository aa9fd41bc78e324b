"""Plans in the store (a real SQLite file) and the `parley plans` commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import parley.cli.commands  # noqa: F401  (registers the commands)
from parley.cli.main import cli
from parley.errors import InputError
from parley.plans import load_plan
from parley.samples import plans_dir
from parley.store import Store
from parley.store.plans import get_plan, list_plans, save_plan

FIXTURES = Path(__file__).parent / "fixtures"
US = plans_dir() / "us-28-point-plan-2025-11.txt"
UKRAINE = plans_dir() / "ukraine-20-point-plan-2025-12.txt"


def run(*args: str) -> Result:
    """Return the result of `parley ARGS`."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def tables_in(db: Path) -> set[str]:
    """Return the names of the tables in a SQLite file."""
    with sqlite3.connect(db) as con:
        return {r[0] for r in con.execute("select name from sqlite_master where type='table'")}


def test_store_round_trip_and_idempotent_add(tmp_path: Path) -> None:
    plan = load_plan(US)
    with Store(str(tmp_path / "p.db")) as store:
        assert save_plan(store.engine, plan) == "stored"
        assert save_plan(store.engine, plan) == "unchanged"
        assert get_plan(store.engine, plan.name) == plan
        assert get_plan(store.engine, plan.name.upper()) == plan  # names match ignoring case
        assert get_plan(store.engine, "no such plan") is None
        (row,) = list_plans(store.engine)
        assert (row["party_qid"], row["points"], row["date"]) == ("Q30", 28, "2025-11-20")
    con = sqlite3.connect(tmp_path / "p.db")
    issues = con.execute("select issues, figures from plan_points where number = 6").fetchone()
    assert json.loads(issues[0]) == ["military_limits"]
    assert json.loads(issues[1])[0]["text"] == "600,000 personnel"


def test_same_name_different_text_needs_replace(tmp_path: Path) -> None:
    first = load_plan(FIXTURES / "black-sea-draft-1.txt", name="Black Sea")
    second = load_plan(FIXTURES / "black-sea-draft-2.txt", name="Black Sea")
    with Store(str(tmp_path / "p.db")) as store:
        save_plan(store.engine, first)
        with pytest.raises(InputError, match="already stored"):
            save_plan(store.engine, second)
        assert get_plan(store.engine, "Black Sea") == first
        assert save_plan(store.engine, second, replace=True) == "replaced"
        assert get_plan(store.engine, "Black Sea") == second
        assert [r["points"] for r in list_plans(store.engine)] == [5]


def test_migration_downgrade_removes_and_upgrade_restores_plan_tables(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    db = tmp_path / "p.db"
    with Store(str(db)) as store:
        cfg = Config()
        cfg.set_main_option("script_location", "parley.store:migrations")
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003")
        assert not {"plans", "plan_points"} & tables_in(db)
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    assert {"plans", "plan_points"} <= tables_in(db)


def test_cli_add_list_show_diff(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    added = run("plans", "add", str(US), "--db", db)
    assert added.exit_code == 0, added.output
    assert "stored plan US 28-point peace plan (United States Q30, 2025-11-20, 28 points)" in added.output
    assert run("plans", "add", str(US), "--db", db).output.startswith("unchanged plan")
    assert run("plans", "add", str(UKRAINE), "--db", db).exit_code == 0

    listed = json.loads(run("plans", "list", "--json", "--db", db).output)
    assert [r["name"] for r in listed] == ["US 28-point peace plan", "Ukraine 20-point framework"]

    shown = json.loads(run("plans", "show", "Ukraine 20-point framework", "--json", "--db", db).output)
    assert shown["party"]["qid"] == "Q212" and len(shown["points"]) == 19
    assert run("plans", "show", "Ukraine 20-point framework", "--db", db).exit_code == 0

    text = run("plans", "diff", "US 28-point peace plan", "Ukraine 20-point framework", "--db", db)
    assert text.exit_code == 0
    assert "military_limits: changed" in text.output
    assert "A#6 → B#4  600,000 personnel → 800,000 personnel" in text.output
    assert "accountability: dropped" in text.output

    out = json.loads(run("plans", "diff", "US 28-point peace plan", "Ukraine 20-point framework", "--json",
                         "--db", db).output)  # fmt: skip
    limits = next(d for d in out["issues"] if d["issue"] == "military_limits")
    assert limits["changed"][0]["reason"].startswith("600,000 personnel → 800,000 personnel")


def test_cli_diff_reads_files_directly(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    first, second = (str(FIXTURES / f"black-sea-draft-{n}.txt") for n in (1, 2))
    result = run("plans", "diff", first, second, "--json", "--db", db)
    assert result.exit_code == 0
    assert json.loads(result.output)["counts"]["changed"] == 3
    with Store(db) as store:
        assert list_plans(store.engine) == []  # comparing files stores nothing


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "not text"),
        (b"Just prose, no points.\n", "no numbered points"),
    ],
)
def test_cli_bad_file_is_one_line_error_and_stores_nothing(tmp_path: Path, content: bytes,
                                                           words: str) -> None:  # fmt: skip
    bad = tmp_path / "draft.txt"
    bad.write_bytes(content)
    db = str(tmp_path / "p.db")
    result = run("plans", "add", str(bad), "--party", "US", "--date", "2026-01-01", "--db", db)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"parley: {bad}:") and words in lines[0]
    with Store(db) as store:
        assert list_plans(store.engine) == []


def test_cli_unknown_plan_name(tmp_path: Path) -> None:
    result = run("plans", "show", "Nope", "--db", str(tmp_path / "p.db"))
    assert result.exit_code == 2
    assert "no plan named 'Nope'" in result.output and "parley plans add" in result.output
