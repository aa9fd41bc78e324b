"""`parley extract`: print or write the extraction record of articles, without a store."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress

from parley.cli.ingest_cmd import expand_inputs
from parley.cli.main import cli, handle_errors, parse_published, settings_from
from parley.cli.rules_option import rules_option
from parley.errors import InputError
from parley.model import Failure, Skip


@cli.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that do not give one.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["record", "json"]),
    default="record",
    show_default=True,
    help="record: the evaluation interchange format; json: Parley's full record with evidence.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one ID.json per article into this folder instead of printing.",
)
@rules_option
@handle_errors
def extract_command(inputs: tuple[str, ...], published: str | None, fmt: str, out_dir: Path | None) -> None:
    """Extract events, quotes, claims and positions from articles (text, HTML or JSONL)."""
    from parley.clean import clean
    from parley.extract.extractor import Extractor
    from parley.extract.record import to_full, to_record
    from parley.ingest import read_inputs

    settings = settings_from()
    pub = parse_published(published)
    extractor = Extractor(settings)
    console = Console(stderr=True)
    failed = 0
    written = 0
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    items = list(read_inputs(expand_inputs(inputs, console), settings, published=pub))
    with Progress(console=console, disable=not console.is_terminal or out_dir is None) as progress:
        task = progress.add_task("extract", total=len(items))
        for item in items:
            progress.advance(task)
            if isinstance(item, Failure):
                console.print(f"parley: {item.message}", highlight=False)
                failed += 1
                continue
            doc_id = item.external_id or Path(item.source.split("#")[0].split(":")[0]).stem
            if item.meta.published is None:
                raise InputError("no publication date", path=item.source, hint="pass --published YYYY-MM-DD")
            cleaned = clean(item)
            if isinstance(cleaned, Skip):
                console.print(f"parley: {item.source}: skipped ({cleaned.reason})", highlight=False)
                failed += 1
                continue
            extraction = extractor.extract_document(cleaned, doc_id=doc_id)
            payload = to_record(extraction) if fmt == "record" else to_full(extraction, cleaned)
            text = json.dumps(payload, ensure_ascii=False, indent=1)
            if out_dir:
                (out_dir / f"{doc_id}.json").write_text(text + "\n", encoding="utf-8")
                written += 1
            else:
                click.echo(text)
    if out_dir:
        console.print(f"wrote {written} record(s) to {out_dir}", highlight=False)
    if failed:
        raise SystemExit(2)
