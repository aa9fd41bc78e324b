"""`parley kb …`: look names up in the knowledge base, show its size, import GeoNames dumps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from parley.cli.main import cli, handle_errors, parse_published, settings_from


@cli.group("kb")
def kb() -> None:
    """The knowledge base: actors (Wikidata QIDs) and places (GeoNames ids)."""


def lookup_candidates(
    name: str, *, on: Any = None, near: str | None = None, limit: int = 10
) -> list[dict[str, Any]]:
    """Return actor and place candidates for a name, best first, as plain dicts."""
    from parley.kb.actors import default_registry
    from parley.kb.gazetteer import Gazetteer, PlaceContext

    out: list[dict[str, Any]] = []
    for c in default_registry().lookup(name, on=on)[:limit]:
        e = c.entry
        out.append(
            {
                "id": e.qid or e.key,
                "name": e.name,
                "kind": e.kind,
                "lat": None,
                "lon": None,
                "confidence": round(c.confidence, 3),
                "reason": f"{c.method}: {c.reason}",
            }
        )
    gaz = Gazetteer.open(settings_from())
    context = None
    if near:
        anchor = gaz.resolve(near)
        if anchor is not None and anchor.lat is not None and anchor.lon is not None:
            context = PlaceContext(
                countries=(anchor.country,) if anchor.country else (),
                admin1=((anchor.country, anchor.admin1),) if anchor.country and anchor.admin1 else (),
                points=((anchor.lat, anchor.lon),),
            )
    for pc in gaz.lookup(name, context=context, limit=limit):
        p = pc.place
        out.append(
            {
                "id": p.geonameid,
                "name": p.name,
                "kind": "place",
                "lat": p.lat,
                "lon": p.lon,
                "confidence": round(pc.confidence, 3),
                "reason": f"{pc.method}: {pc.reason}",
                "country": p.country,
                "feature": p.feature,
            }
        )
    out.sort(key=lambda d: -d["confidence"])
    return out


@kb.command("lookup")
@click.argument("name")
@click.option("--date", "on", help="Resolve roles as of this date (YYYY-MM-DD).")
@click.option("--near", help="Prefer places near this place.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def lookup_command(name: str, on: str | None, near: str | None, as_json: bool) -> None:
    """Show who or where NAME is: candidates, best first, with ids, reasons and confidence."""
    day = parse_published(on, source="--date")
    rows = lookup_candidates(name, on=day, near=near)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        click.echo(f"no match for {name!r}")
        return
    table = Table()
    for col in ("id", "name", "kind", "lat", "lon", "confidence", "reason"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            *(
                ("" if r[c] is None else str(r[c]))
                for c in ("id", "name", "kind", "lat", "lon", "confidence", "reason")
            )
        )
    Console().print(table)


@kb.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def stats_command(as_json: bool) -> None:
    """Show how many actors, roles and places the knowledge base holds."""
    from parley.kb.actors import default_registry
    from parley.kb.gazetteer import Gazetteer

    registry = default_registry()
    kinds: dict[str, int] = {}
    for entry in registry.entries():
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    actor_stats = {**kinds, "roles": sum(1 for _ in registry.roles())}
    stats = {"actors": actor_stats, "places": Gazetteer.open(settings_from()).stats()}
    if as_json:
        click.echo(json.dumps(stats, indent=1))
        return
    table = Table(show_header=False)
    for group, values in stats.items():
        for k, v in values.items():
            table.add_row(group, k, str(v))
    Console().print(table)


@kb.command("import-geonames")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@handle_errors
def import_command(path: Path) -> None:
    """Import a GeoNames dump (allCountries.txt, UA.txt or alternateNamesV2.txt)."""
    from parley.kb.geonames_import import import_geonames

    n = import_geonames(path, settings_from())
    click.echo(f"imported {n} rows from {path}")
