"""`parley rules export|check` and the shared --rules option: one line per problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from parley.cli import commands  # noqa: F401  (registers the commands)
from parley.cli.main import cli, settings_from
from parley.cli.rules_option import rules_option


def export(tmp_path: Path) -> Path:
    folder = tmp_path / "my-rules"
    result = CliRunner().invoke(cli, ["rules", "export", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def test_export_writes_the_shipped_rules_and_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = export(tmp_path)
    assert (folder / "events.toml").is_file() and (folder / "dates_lexicon.toml").is_file()
    again = CliRunner().invoke(cli, ["rules", "export", str(folder)])
    assert again.exit_code == 2 and "--force" in again.output
    assert CliRunner().invoke(cli, ["rules", "export", str(folder), "--force"]).exit_code == 0


def test_check_schema_of_an_exported_copy(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["rules", "check", str(export(tmp_path)), "--schema-only"])
    assert result.exit_code == 0 and "schema ok" in result.output


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ("needs_complement = true", "needs_objekt = true", "unknown key 'needs_objekt'"),
        ('type = "SANCTION"', 'type = "SANCTIONS"', "unknown event type 'SANCTIONS'"),
    ],
)
def test_check_fails_in_one_line_naming_the_key_or_type(
    tmp_path: Path, old: str, new: str, named: str
) -> None:
    folder = export(tmp_path)
    events = folder / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "check", str(folder)])
    assert result.exit_code == 4
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and named in lines[0] and "events.toml" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.spacy
def test_check_runs_the_examples_and_reports_each_failure(tmp_path: Path) -> None:
    folder = export(tmp_path)
    assert CliRunner().invoke(cli, ["rules", "check", str(folder)]).exit_code == 0
    events = folder / "events.toml"
    text = events.read_text(encoding="utf-8")
    text = text.replace('mode = "release", actors = ["Russia"]', 'mode = "release", actors = ["Belarus"]', 1)
    events.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "check", str(folder)])
    assert result.exit_code == 1
    failures = [line for line in result.output.splitlines() if line.startswith("parley: ")]
    assert len(failures) == 1 and "rule 'release-captives' example 1" in failures[0]


def test_the_rules_option_reaches_the_settings(tmp_path: Path) -> None:
    folder = export(tmp_path)
    seen: list[str] = []

    @click.command()
    @rules_option
    def probe() -> None:
        seen.append(settings_from().rules)

    assert CliRunner().invoke(probe, ["--rules", str(folder)]).exit_code == 0
    assert CliRunner().invoke(probe, []).exit_code == 0
    assert seen == [str(folder), ""]


def test_the_rules_option_rejects_a_broken_folder_in_one_line(tmp_path: Path) -> None:
    folder = export(tmp_path)
    (folder / "claims.toml").unlink()

    @click.command()
    @rules_option
    def probe() -> None:
        raise AssertionError("not reached")

    result = CliRunner().invoke(probe, ["--rules", str(folder)])
    assert result.exit_code == 2 and "claims.toml: rule file missing" in result.output


def test_the_extracting_commands_take_the_rules_option() -> None:
    for command in ("batch", "extract", "ingest", "demo"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert "--rules DIR" in result.output, command
