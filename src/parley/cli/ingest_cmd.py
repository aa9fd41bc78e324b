"""`parley ingest`, `parley demo`, `parley stats`: fill the store and say what is in it."""

from __future__ import annotations

import gc
import json

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from parley.cli.main import cli, db_option, handle_errors, parse_published, settings_from
from parley.cli.rules_option import rules_option
from parley.config import Settings
from parley.pipeline import IngestReport, ingest

FORMATS = ("text", "html", "jsonl", "feed", "warc")


def expand_inputs(specs: tuple[str, ...], console: Console) -> list[str]:
    """Return the inputs with folders walked (parley.ingest.walk), saying what the walk passed over.

    A folder with nothing to read is an input error: "stored 0" would hide a wrong path.
    """
    from parley.errors import InputError
    from parley.ingest.walk import expand

    found = expand(specs)
    note = found.summary()
    if note:
        console.print(note, highlight=False, soft_wrap=True)
    if found.empty_folders:
        raise InputError(
            "no article files in this folder" + (f" ({note.split(': ', 1)[1]})" if note else ""),
            path=", ".join(found.empty_folders),
            hint="pass the folder that holds the articles",
        )
    return found.inputs


def run_ingest(
    specs: list[str],
    settings: Settings,
    *,
    published: str | None,
    fmt: str | None,
    outlet: str | None,
    extract: bool,
    console: Console,
) -> IngestReport:
    """Ingest with a progress bar and return the report (shared by `ingest` and `demo`)."""
    # Importing the store and the extractor and loading the models and indexes make some 200,000
    # objects that live as long as the process: the garbage collector is paused from here until
    # they are loaded (it resumes at the first article, see on_item), and no longer scans them.
    gc.disable()
    try:
        return _ingest_with_progress(
            specs, settings, published=published, fmt=fmt, outlet=outlet, extract=extract, console=console
        )
    finally:
        gc.enable()


def _ingest_with_progress(
    specs: list[str],
    settings: Settings,
    *,
    published: str | None,
    fmt: str | None,
    outlet: str | None,
    extract: bool,
    console: Console,
) -> IngestReport:
    from parley.store import Store

    pub = parse_published(published)
    extractor = None
    if extract:
        from parley.extract.extractor import Extractor
        from parley.story import update  # noqa: F401  (folds each stored article: imported while paused)

        extractor = Extractor(settings)
    with (
        Store(settings.db) as store,
        Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
            disable=not console.is_terminal,
        ) as progress,
    ):
        # one count per article (a JSONL file or a feed holds many): the inputs are ingested in one
        # pass, so that articles from different files are parsed together
        task = progress.add_task("", total=None)
        counts: dict[str, int] = {}
        # the store's modules and tables (SQLAlchemy's ~36,000 objects) live as long as the process:
        # frozen now, since loading spaCy's model turns the collector back on (srsly re-enables it)
        # and a full collection while the first article's indexes load would scan them once more
        gc.freeze()

        def on_item(outcome: str, source: str) -> None:
            if not counts:  # the models and indexes are loaded by now (see run_ingest)
                gc.freeze()
                gc.enable()
            counts[outcome] = counts.get(outcome, 0) + 1
            progress.update(task, description=" ".join(f"{k} {v}" for k, v in sorted(counts.items())))
            progress.advance(task)

        report: IngestReport = ingest(
            specs,
            store,
            settings,
            published=pub,
            fmt=fmt,
            outlet=outlet,
            extractor=extractor,
            on_item=on_item,
        )
    return report


def print_report(report: IngestReport, console: Console) -> None:
    """Print each failure/skip on one line, then the counts."""
    for line in report.messages:
        console.print(f"[yellow]![/] {line}", highlight=False, soft_wrap=True)
    c = report.counts
    console.print(
        f"stored {c['stored']}, unchanged {c['unchanged']}, duplicates {c['duplicate']}, "
        f"near-duplicates {c['near_duplicate']}, skipped {c['skipped']}, failed {c['failed']}",
        highlight=False,
    )


@cli.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that do not give one.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Read every input as this kind.")
@click.option("--outlet", help="Outlet name for inputs that do not give one.")
@click.option("--no-extract", is_flag=True, help="Store articles without extracting records.")
@rules_option
@handle_errors
def ingest_command(
    inputs: tuple[str, ...],
    db: str | None,
    published: str | None,
    fmt: str | None,
    outlet: str | None,
    no_extract: bool,
) -> None:
    """Ingest files, folders, URLs, feeds, JSONL or WARC into the store (extracting records)."""
    settings = settings_from(db)
    console = Console(stderr=True)
    report = run_ingest(
        expand_inputs(inputs, console),
        settings,
        published=published,
        fmt=fmt,
        outlet=outlet,
        extract=not no_extract,
        console=console,
    )
    print_report(report, console)
    if report.failed:
        raise SystemExit(2)


def print_stats(settings: Settings, console: Console, *, as_json: bool = False) -> None:
    """Print what the store holds."""
    from parley.store import Store, queries

    with Store(settings.db, create=False) as store:
        s = queries.stats(store.engine)
    if as_json:
        click.echo(json.dumps(s, indent=1))
        return
    table = Table(title=f"{settings.db}", show_header=False)
    for key in (
        "articles",
        "exact_duplicates",
        "near_duplicates",
        "failures",
        "events",
        "quotes",
        "claims",
        "positions",
        "actors",
        "places",
    ):
        table.add_row(key.replace("_", " "), str(s[key]))
    console.print(table)


@cli.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def stats_command(db: str | None, as_json: bool) -> None:
    """Show counts of what the store holds."""
    print_stats(settings_from(db), Console(), as_json=as_json)


@cli.command("demo")
@db_option
@rules_option
@handle_errors
def demo_command(db: str | None) -> None:
    """Build the store from the bundled sample corpus and print a summary."""
    from parley.samples import corpus_dir

    settings = settings_from(db)
    console = Console()
    files = sorted(str(p) for p in corpus_dir().glob("*.txt"))
    console.print(f"Ingesting {len(files)} sample articles written for Parley into {settings.db} …")
    report = run_ingest(
        files, settings, published=None, fmt="text", outlet=None, extract=True, console=console
    )
    print_report(report, console)
    print_stats(settings, console)
    from parley.cli.summary import print_summary

    print_summary(settings, console)
