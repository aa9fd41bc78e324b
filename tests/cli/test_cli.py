"""What reviewers forget: every command documented, `import parley` stays light, errors are one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from parley.cli import commands  # noqa: F401  (registers the commands)
from parley.cli.main import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command_paths(group: click.Group, prefix: str = "parley") -> list[str]:
    out = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        assert cmd is not None
        path = f"{prefix} {name}"
        if isinstance(cmd, click.Group):
            out.extend(_command_paths(cmd, path))
        else:
            out.append(path)
    return out


def test_every_command_is_documented_in_the_readme() -> None:
    paths = _command_paths(cli)
    assert "parley ingest" in paths and "parley kb lookup" in paths
    missing = [p for p in paths if f"`{p}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_command_has_help_text() -> None:
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        cmd = cli.get_command(ctx, name)
        assert cmd is not None and cmd.help, f"parley {name} has no help text"


def test_importing_parley_loads_no_heavy_dependency() -> None:
    code = (
        "import sys, parley; heavy = [m for m in ('spacy', 'sqlalchemy', 'trafilatura', 'datasketch') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_readme_first_screen_holds_the_two_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:25])
    assert "make demo" in first_screen and "make test" in first_screen
    assert (ROOT / ".ci" / "run").read_text().count("make test") == 1


def test_unknown_database_folder_is_one_line(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "parley", "stats", "--db", str(tmp_path / "missing" / "p.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 3
    assert out.stderr.count("\n") == 1 and "no such database" in out.stderr


def test_the_command_line_starts_without_heavy_dependencies() -> None:
    """`parley --version` and `parley kb lookup` start fast because no command imports the heavy
    libraries until it runs (datasketch alone pulled in scipy: 0.8 s of every start)."""
    code = (
        "import sys, parley.cli.commands; heavy = [m for m in ('spacy', 'sqlalchemy', 'datasketch', 'scipy', "
        "'trafilatura', 'pyarrow', 'fastapi') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
