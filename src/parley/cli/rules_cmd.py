"""`parley rules …`: write a copy of the shipped extraction rules, and check a rules folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from parley.cli.main import cli, handle_errors


@cli.group("rules")
def rules() -> None:
    """Extraction rules as data: event triggers, speech verbs, stance cues, issues, claim cues, dates."""


@rules.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite rule files already in DIRECTORY.")
@handle_errors
def export_command(directory: Path, force: bool) -> None:
    """Write a copy of the shipped rules folder to DIRECTORY, to edit and use with --rules."""
    from parley.errors import InputError
    from parley.rules.load import shipped_folder
    from parley.rules.schema import SCHEMAS

    source = shipped_folder()
    present = [name for name in SCHEMAS if (directory / name).exists()]
    if present and not force:
        raise InputError(
            f"already holds {', '.join(present)}",
            path=str(directory),
            hint="pass --force to overwrite them, or choose an empty folder",
        )
    directory.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        shutil.copyfile(source / name, directory / name)
    click.echo(
        f"wrote {len(SCHEMAS)} rule files to {directory}; check them with: parley rules check {directory}"
    )


@rules.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--schema-only", is_flag=True, help="Only validate the files; do not run the examples.")
@handle_errors
def check_command(directory: Path | None, schema_only: bool) -> None:
    """Validate a rules folder (default: the shipped rules) and run every rule's examples.

    Each failure is one line naming the file, the rule and the problem; the exit status is 1
    when any example fails, 4 when a file breaks its schema.
    """
    from parley.rules import load_rules
    from parley.rules.examples import check_examples

    loaded = load_rules(directory)
    where = directory or "the shipped rules"
    rule_count = len(loaded.event_rules())
    if schema_only:
        click.echo(f"{where}: {rule_count} event rules, {len(loaded.issues)} issues: schema ok")
        return
    ran, failures = check_examples(loaded)
    for failure in failures:
        click.echo(f"parley: {failure.one_line()}", err=True)
    click.echo(f"{where}: schema ok; {ran - len(failures)} of {ran} examples pass")
    if failures:
        raise SystemExit(1)
