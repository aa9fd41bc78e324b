"""`parley toponyms`: every place an article names, on the map (not only the record's places)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table

from parley.cli.ingest_cmd import expand_inputs
from parley.cli.main import cli, handle_errors, parse_published, settings_from
from parley.model import Failure, Skip

if TYPE_CHECKING:
    from parley.analyse.toponyms import Toponym

# The table keeps what a reader scans for (where, what, which place, on the map, how sure); the
# feature, admin-1 code and evidence are in --json.
COLUMNS = ("at", "text", "place", "geonameid", "lat, lon", "conf")


def _row(t: Toponym) -> tuple[str, ...]:
    place = f"{t.name}, {t.country}" if t.country else t.name
    point = f"{t.lat:.3f}, {t.lon:.3f}" if t.lat is not None and t.lon is not None else ""
    return (f"{t.start}-{t.end}", t.text, place, str(t.geonameid or ""), point, f"{t.confidence:.2f}")


@cli.command("toponyms")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that do not give one (optional).")
@click.option(
    "--no-adjectives", is_flag=True, help='Leave out place adjectives ("Russian" in "Russian troops").'
)
@click.option(
    "--no-embedded",
    is_flag=True,
    help='Leave out places inside organisation names ("Toronto" in "Toronto Police").',
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per article with its toponyms.")
@handle_errors
def toponyms_command(
    inputs: tuple[str, ...], published: str | None, no_adjectives: bool, no_embedded: bool, as_json: bool
) -> None:
    """List every place each article names (countries, towns, regions, streets, datelines), with
    offsets into the raw text, GeoNames id, point and confidence. Unlike the record's places, no
    convention filter applies; an input that cannot be read gets one line and the batch goes on."""
    from parley.analyse.toponyms import document_toponyms
    from parley.clean import clean
    from parley.extract.extractor import Extractor
    from parley.ingest import read_inputs

    settings = settings_from()
    pub = parse_published(published)
    extractor = Extractor(settings)
    console = Console(stderr=True)
    failed = 0
    out: list[dict[str, object]] = []
    for item in read_inputs(expand_inputs(inputs, console), settings, published=pub):
        if isinstance(item, Failure):
            click.echo(f"parley: {item.message}", err=True)  # one line, however long the path
            failed += 1
            continue
        cleaned = clean(item)
        if isinstance(cleaned, Skip):
            click.echo(f"parley: {item.source}: skipped ({cleaned.reason})", err=True)
            failed += 1
            continue
        doc_id = item.external_id or Path(item.source.split("#")[0].split(":")[0]).stem
        found = document_toponyms(
            cleaned, extractor=extractor, adjectives=not no_adjectives, embedded=not no_embedded
        )
        if as_json:
            out.append({"doc_id": doc_id, "toponyms": [t.to_dict() for t in found]})
            continue
        table = Table(title=f"{doc_id}: {len(found)} toponym(s)")
        for col in COLUMNS:
            table.add_column(col, no_wrap=col in ("at", "geonameid", "lat, lon", "conf"))
        for t in found:
            table.add_row(*_row(t))
        Console().print(table)
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    if failed:
        raise SystemExit(2)
