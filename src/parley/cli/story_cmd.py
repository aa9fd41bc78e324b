"""`parley timeline`, `claims`, `issues`, `events show`, `brief`, `story rebuild`: the cross-article story."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from parley.cli.main import cli, db_option, handle_errors, parse_published, settings_from
from parley.errors import InputError
from parley.model.records import CLAIM_STATUSES

json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print a JSON list (interchange-format fields)."
)


def _since(value: str | None, option: str = "--since") -> date | None:
    """Return the date given to an option, or None; a bad value is a one-line DateFormatError."""
    return parse_published(value, source=option)


def _engine(db: str | None) -> Any:
    from parley.store import Store

    return Store(settings_from(db).db, create=False)


def _dump(items: list[dict[str, Any]]) -> None:
    click.echo(json.dumps(items, ensure_ascii=False, indent=1, default=str))


@cli.command("timeline")
@db_option
@click.option("--since", help="Only events on or after this day (YYYY-MM-DD).")
@click.option("--actor", help="Only events with this actor (id such as Q7747, or part of a name).")
@click.option("--place", help="Only events at this place (id such as gn:694403, or part of a name).")
@json_option
@handle_errors
def timeline_command(
    db: str | None, since: str | None, actor: str | None, place: str | None, as_json: bool
) -> None:
    """Show merged events in date order, each with its number of sources."""
    from parley.story import views

    day = _since(since)
    with _engine(db) as store:
        items = views.timeline(store.engine, since=day, actor=actor, place=place)
    if as_json:
        _dump(items)
        return
    table = Table(title="Timeline", title_justify="left")
    for col in ("id", "date", "type", "actors", "place", "modality", "sources"):
        table.add_column(col)
    for e in items:
        table.add_row(
            str(e["id"]),
            e["date"] or f"~{e['first_reported']}",
            e["type"],
            ", ".join(a["name"] for a in e["actors"]),
            (e["place"] or {}).get("name", ""),
            e["modality"],
            str(e["source_count"]),
        )
    Console().print(table)


@cli.command("claims")
@db_option
@click.option(
    "--status",
    type=click.Choice(CLAIM_STATUSES),
    help="Only entries with this status.",
)
@click.option("--one-sided", is_flag=True, help="Only claims that are still one side's word.")
@json_option
@handle_errors
def claims_command(db: str | None, status: str | None, one_sided: bool, as_json: bool) -> None:
    """Show the claim ledger: one entry per proposition, with who claimed, denied or confirmed it."""
    from parley.story import views

    with _engine(db) as store:
        items = views.claims(store.engine, status=status, one_sided=True if one_sided else None)
    if as_json:
        _dump(items)
        return
    table = Table(title="Claim ledger", title_justify="left")
    for col in ("id", "subject", "claimant", "status", "history", "one side only", "sources"):
        table.add_column(col)
    for c in items:
        steps = " → ".join(f"{h['status']} {h['since'] or ''}".strip() for h in c["history"])
        table.add_row(
            str(c["id"]),
            c["subject"][:60],
            c["claimant"]["name"],
            c["status"],
            steps,
            "yes" if c["one_sided"] else "",
            str(len(c["sources"])),
        )
    Console().print(table)


@cli.command("issues")
@db_option
@click.option("--issue", help="Only this negotiation issue (territory, ceasefire, ...).")
@click.option("--party", help="Only this party (id or name).")
@json_option
@handle_errors
def issues_command(db: str | None, issue: str | None, party: str | None, as_json: bool) -> None:
    """Show each party's latest stance per issue, when it last moved, and where the parties stand."""
    from parley.story import views

    with _engine(db) as store:
        items = views.issues(store.engine, issue=issue, party=party)
    if as_json:
        _dump(items)
        return
    table = Table(title="Issue tracker", title_justify="left")
    for col in ("issue", "party", "stance", "polarity", "trend", "since", "last moved", "parties", "sources"):
        table.add_column(col)
    for r in items:
        table.add_row(
            r["issue"],
            r["party"]["name"],
            r["stance"][:70],
            r["polarity"],
            r["trend"],
            r["since"] or "",
            r["changed_on"] or "",
            r["alignment"],
            str(len(r["sources"])),
        )
    Console().print(table)


@cli.group("events")
def events_group() -> None:
    """Merged events: one happening with every source that reported it."""


@events_group.command("show")
@click.argument("event_id")
@db_option
@json_option
@handle_errors
def events_show_command(event_id: str, db: str | None, as_json: bool) -> None:
    """Show one merged event: its sources, why each was merged, and its change history."""
    from parley.store import story

    if not event_id.isdigit():
        raise InputError(
            f"{event_id!r} is not a merged event id", hint="ids are numbers; see `parley timeline`"
        )
    with _engine(db) as store:
        item = story.story_event(store.engine, int(event_id))
    if item is None:
        raise InputError(f"no merged event {event_id}", hint="see `parley timeline` for the ids")
    if as_json:
        _dump([item])
        return
    console = Console()
    place = (item["place"] or {}).get("name", "unknown place")
    console.print(
        f"[bold]#{item['id']} {item['type']}[/] {item['date'] or 'undated'} at {place}: "
        f"{', '.join(a['name'] for a in item['actors'])} ({item['modality']}); first reported "
        f"{item['first_reported']}, {item['source_count']} source(s)",
        highlight=False,
    )
    table = Table(title="Sources and why they were merged", title_justify="left")
    for col in ("event", "article", "outlet", "published", "trigger", "why"):
        table.add_column(col)
    for m in item["members"]:
        table.add_row(
            str(m["event_id"]),
            m["article_id"],
            m["outlet"] or "",
            m["published"] or "",
            m["trigger"] or "",
            m["reason"],
        )
    console.print(table)
    for ch in item["changes"]:
        console.print(
            f"  {ch['at']} {ch['change']}: {ch['detail']} (article {ch['article_id']})", highlight=False
        )


@cli.command("brief")
@db_option
@click.option("--since", required=True, help="Cover what happened on or after this day (YYYY-MM-DD).")
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write an HTML page to this file instead of printing Markdown.",
)
@handle_errors
def brief_command(db: str | None, since: str, html_file: Path | None) -> None:
    """Write a brief: what happened, what was claimed and disputed, which stances moved, with sources."""
    from parley.story.brief import brief, to_html, to_markdown

    day = _since(since)
    assert day is not None  # required option
    with _engine(db) as store:
        b = brief(store.engine, day)
    if html_file:
        html_file.write_text(to_html(b), encoding="utf-8")
        Console(stderr=True).print(f"wrote {html_file}", highlight=False)
    else:
        click.echo(to_markdown(b), nl=False)


@cli.group("story")
def story_group() -> None:
    """Maintain the story tables (merged events, claim ledger, issue tracker)."""


@story_group.command("rebuild")
@db_option
@handle_errors
def story_rebuild_command(db: str | None) -> None:
    """Recompute the story from every stored article, oldest first."""
    from parley.story import rebuild

    with _engine(db) as store:
        n = rebuild(store.engine)
    Console().print(f"story rebuilt from {n} article(s)", highlight=False)
