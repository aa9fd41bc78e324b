"""`parley batch` (shards → Parquet, on a process pool or Spark) and `parley load` (Parquet → store)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from rich.console import Console

from parley.cli.main import cli, db_option, handle_errors, parse_published, settings_from
from parley.cli.rules_option import rules_option

if TYPE_CHECKING:
    from parley.batch import ShardStatus

FORMATS = ("text", "html", "jsonl", "feed", "warc")


def _shard_line(status: ShardStatus) -> str:
    """Return the one line printed when a shard finishes."""
    c = status.counts
    if status.status == "failed":
        return f"[red]✗[/] {status.message}"
    what = "done" if status.status == "done" else "already done, skipped"
    return (
        f"[green]✓[/] {status.shard}: {what} ({c['articles']} articles, {c['failures']} failures, "
        f"{status.seconds:.1f} s)"
    )


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", required=True, help="Output folder for the Parquet tables (or a URI pyarrow can write)."
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: a process pool on this machine; spark: one Spark task per shard.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="local: worker processes (default one per CPU; 0 runs in this process).",
)
@click.option("--master", help="spark: master URL such as local[2] (default: spark-submit's, else local[*]).")
@click.option("--remote", help="spark: a Spark Connect URL (sc://host:port) instead of --master.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for articles that do not give one.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Read every shard as this kind.")
@click.option("--outlet", help="Outlet name for articles that do not give one.")
@rules_option
@handle_errors
def batch_command(
    inputs: tuple[str, ...],
    out: str,
    engine: str,
    workers: int | None,
    master: str | None,
    remote: str | None,
    published: str | None,
    fmt: str | None,
    outlet: str | None,
) -> None:
    """Extract records from WARC/JSONL shards into Parquet, partitioned by date (rerun skips done shards)."""
    from parley.batch import ReadOptions, run_batch

    console = Console(stderr=True)
    options = ReadOptions(published=parse_published(published), fmt=fmt, outlet=outlet)
    report = run_batch(
        inputs,
        out,
        settings_from(None),
        engine=engine,
        workers=workers,
        options=options,
        master=master,
        remote=remote,
        on_status=lambda s: console.print(_shard_line(s), highlight=False, soft_wrap=True),
    )
    shards, t = report.by_status(), report.totals()
    console.print(
        f"shards: done {shards['done']}, already done {shards['skipped']}, failed {shards['failed']}; "
        f"articles {t['articles']} (extracted {t['extracted']}, skipped {t['skipped']}), "
        f"failures {t['failures']}; "
        f"events {t['events']}, quotes {t['quotes']}, claims {t['claims']}, positions {t['positions']}",
        highlight=False,
        soft_wrap=True,
    )
    if report.failed:
        console.print(
            "rerun the same command to retry the failed shards; finished ones are skipped", highlight=False
        )
        raise SystemExit(2)


@cli.command("load")
@click.argument("directory")
@db_option
@handle_errors
def load_command(directory: str, db: str | None) -> None:
    """Load `parley batch` output into the store (idempotent), dropping exact and near duplicates,
    then fold each new article into the cross-article story."""
    from parley.batch.load import load_output
    from parley.cli.ingest_cmd import print_report
    from parley.store import Store

    settings = settings_from(db)
    console = Console(stderr=True)
    with Store(settings.db) as store:
        report = load_output(directory, store, settings)
    where = settings.db
    if "://" in where:  # never print a password that came in the URL
        from sqlalchemy import make_url

        where = make_url(where).render_as_string(hide_password=True)
    console.print(
        f"loaded {report.shards} shards from {directory} into {where}", highlight=False, soft_wrap=True
    )
    print_report(report, console)
    if report.failed:
        raise SystemExit(2)
