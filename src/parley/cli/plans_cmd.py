"""`parley plans …`: store peace plans from files, list and show them, compare two drafts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from parley.cli.main import cli, db_option, handle_errors, settings_from

if TYPE_CHECKING:
    from parley.plans import Plan, PlanDiff, PlanPoint

# Point texts are cut to this many characters in terminal output (--json has them whole): two
# lines of a terminal, enough to recognise a point.
MAX_SHOWN_CHARS = 160
_MARKS = {"dropped": "[red]-[/]", "added": "[green]+[/]", "changed": "[yellow]~[/]"}


@cli.group("plans")
def plans() -> None:
    """Peace plans: numbered points mapped to issues, compared draft by draft."""


def _short(text: str) -> str:
    """Return ``text`` cut to MAX_SHOWN_CHARS, with an ellipsis when cut, escaped for rich."""
    return escape(text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1].rstrip() + "…")


def _describe(plan: Plan) -> str:
    """Return "name (party QID, date, N points)" for headings."""
    qid = f" {plan.party.qid}" if plan.party.qid else ""
    return f"{plan.name} ({plan.party.name}{qid}, {plan.date.isoformat()}, {len(plan.points)} points)"


@plans.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--name", help="Name to store the plan under (default: the header's, else the file stem).")
@click.option("--party", help="Who put the plan forward (default: from the header line), e.g. US, Ukraine.")
@click.option("--date", "on", help="Date of the draft, YYYY-MM-DD (default: from the header line).")
@click.option("--replace", is_flag=True, help="Overwrite a different plan stored under the same name.")
@db_option
@handle_errors
def add_command(file: Path, name: str | None, party: str | None, on: str | None, replace: bool,
                db: str | None) -> None:  # fmt: skip
    """Read FILE's numbered points, map each to issues and figures, and store the plan."""
    from parley.plans import load_plan
    from parley.store import Store
    from parley.store.plans import save_plan

    settings = settings_from(db)
    plan = load_plan(file, name=name, party=party, on=on, max_bytes=settings.max_bytes)
    with Store(settings.db) as store:
        outcome = save_plan(store.engine, plan, replace=replace)
    console = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    for note in plan.notes:
        err.print(f"[yellow]![/] {escape(file.name)}: {escape(note)}", soft_wrap=True)
    if plan.party.qid is None:
        err.print(f"[yellow]![/] party {plan.party.given!r} is not in the actor registry; stored by name",
                  soft_wrap=True)  # fmt: skip
    counts = Counter(i for p in plan.points for i in p.issues)
    console.print(f"{outcome} plan {escape(_describe(plan))}", soft_wrap=True)
    console.print("issues: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()), soft_wrap=True)


@plans.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def list_command(db: str | None, as_json: bool) -> None:
    """List the stored plans, oldest draft first."""
    from parley.store import Store
    from parley.store.plans import list_plans

    with Store(settings_from(db).db, create=False) as store:
        rows = list_plans(store.engine)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo("no plans stored; add one with `parley plans add FILE`")
        return
    table = Table()
    for col in ("name", "party", "qid", "date", "points", "source"):
        table.add_column(col)
    for r in rows:
        table.add_row(escape(r["name"]), escape(r["party_name"]), r["party_qid"] or "", r["date"],
                      str(r["points"]), escape(r["source"]))  # fmt: skip
    Console().print(table)


def _get(name: str, db: str | None) -> Plan:
    """Return the stored plan called ``name``; else, when ``name`` is a plan file, that file's plan."""
    from parley.errors import InputError
    from parley.plans import load_plan
    from parley.store import Store
    from parley.store.db import sqlite_path
    from parley.store.plans import get_plan, list_plans

    settings = settings_from(db)
    plan, stored = None, []
    missing = sqlite_path(settings.db)
    if missing is None or missing.exists():  # a plan file needs no store: reading never creates one
        with Store(settings.db, create=False) as store:
            plan = get_plan(store.engine, name)
            stored = [r["name"] for r in list_plans(store.engine)] if plan is None else []
    if plan is not None:
        return plan
    path = Path(name)
    if path.is_file():
        return load_plan(path, max_bytes=settings.max_bytes)
    known = ", ".join(repr(n) for n in stored) or "none"
    raise InputError(f"no plan named {name!r} in {settings.db}",
                     hint=f"stored plans: {known}; add one with `parley plans add FILE`")  # fmt: skip


@plans.command("show")
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def show_command(name: str, db: str | None, as_json: bool) -> None:
    """Show a plan's points with their issues and figures (NAME: a stored plan, or a plan file)."""
    plan = _get(name, db)
    if as_json:
        click.echo(json.dumps(plan.to_dict(), ensure_ascii=False, indent=1))
        return
    table = Table(title=escape(_describe(plan)))
    for col in ("#", "issues", "figures", "text"):
        table.add_column(col)
    for p in plan.points:
        table.add_row(escape(p.label), ", ".join(p.issues), escape(", ".join(f.text for f in p.figures)),
                      escape(p.text))  # fmt: skip
    Console().print(table)


def _side_line(mark: str, point: PlanPoint, other: PlanPoint | None, side: str, issue: str) -> str:
    """Return the line of a point found on one side only, naming its counterpart when it has one."""
    line = f"  {_MARKS[mark]} #{point.number}  {_short(point.text)}"
    if other is not None:
        about = ", ".join(other.issues)
        line += f" [dim](counterpart: {side} #{other.number}, about {about}; not {issue})[/]"
    return line


def print_diff(diff: PlanDiff, console: Console) -> None:
    """Print a diff issue by issue: changed pairs with their reason, then dropped and added points."""
    console.print(f"[bold]A[/] {escape(_describe(diff.a))}", soft_wrap=True)
    console.print(f"[bold]B[/] {escape(_describe(diff.b))}", soft_wrap=True)
    counts = diff.to_dict()["counts"]
    console.print(", ".join(f"{k} {v}" for k, v in counts.items()) + " (points, counted per issue)")
    for d in diff.issues:
        console.print()
        console.print(f"[bold]{d.issue}[/]: {d.status}")
        for c in d.changed:
            console.print(f"  {_MARKS['changed']} A#{c.a.number} → B#{c.b.number}  {escape(c.reason)}",
                          soft_wrap=True)  # fmt: skip
            console.print(f"      A: {_short(c.a.text)}", soft_wrap=True)
            console.print(f"      B: {_short(c.b.text)}", soft_wrap=True)
        for p in d.dropped:
            line = _side_line("dropped", p, diff.counterpart(p, in_b=True), "B", d.issue)
            console.print(line, soft_wrap=True)
        for p in d.added:
            line = _side_line("added", p, diff.counterpart(p, in_b=False), "A", d.issue)
            console.print(line, soft_wrap=True)
        if d.unchanged:
            same = ", ".join(f"A#{c.a.number} = B#{c.b.number}" for c in d.unchanged)
            console.print(f"  = unchanged: {same}", soft_wrap=True)


@plans.command("diff")
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def diff_command(a: str, b: str, db: str | None, as_json: bool) -> None:
    """Show, issue by issue, what changed from plan A to plan B (stored names, or plan files)."""
    from parley.plans import diff_plans

    diff = diff_plans(_get(a, db), _get(b, db))
    if as_json:
        click.echo(json.dumps(diff.to_dict(), ensure_ascii=False, indent=1))
        return
    print_diff(diff, Console(highlight=False))
