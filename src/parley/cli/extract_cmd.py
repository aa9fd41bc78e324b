"""`parley extract`: print or write the extraction record of articles, without a store."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress

from parley.cli.ingest_cmd import expand_inputs
from parley.cli.main import cli, handle_errors, parse_published, settings_from
from parley.cli.rules_option import rules_option
from parley.errors import InputError
from parley.model import Failure, RawArticle, Skip

# At most this many worker processes by default: beyond four, spaCy's per-process memory (~200 MB)
# grows faster than the gain on common machines.
MAX_DEFAULT_JOBS = 4

# What one worker returns for an input: ("record", doc_id, JSON text) or ("note", "", message).
Outcome = tuple[str, str, str]

# The loaded extractor and the output format, set before the workers fork so they share it.
_JOB: dict[str, Any] = {}


def default_jobs() -> int:
    """Return the default number of processes: the number of cores, at most ``MAX_DEFAULT_JOBS``."""
    return max(1, min(os.cpu_count() or 1, MAX_DEFAULT_JOBS))


# Articles parsed together by spaCy (nlp.pipe) and handed to a worker at a time: enough for the
# batched parse to pay, few enough that the workers share the load evenly.
BATCH = 16


def extract_batch(batch: list[RawArticle | Failure]) -> list[Outcome]:
    """Return what `parley extract` prints or writes for each input, in order (run in the workers too)."""
    from parley.clean import clean
    from parley.extract.record import to_full, to_record

    outcomes: list[Outcome | None] = []
    todo: list[tuple[int, Any, str]] = []  # (place in outcomes, cleaned document, doc id)
    for item in batch:
        if isinstance(item, Failure):
            outcomes.append(("note", "", f"parley: {item.message}"))
            continue
        doc_id = item.external_id or Path(item.source.split("#")[0].split(":")[0]).stem
        cleaned = clean(item)
        if isinstance(cleaned, Skip):
            outcomes.append(("note", "", f"parley: {item.source}: skipped ({cleaned.reason})"))
            continue
        todo.append((len(outcomes), cleaned, doc_id))
        outcomes.append(None)
    extractions = _JOB["extractor"].extract_documents([(d, i) for _, d, i in todo])
    for (k, cleaned, doc_id), extraction in zip(todo, extractions, strict=True):
        payload = to_record(extraction) if _JOB["fmt"] == "record" else to_full(extraction, cleaned)
        outcomes[k] = ("record", doc_id, json.dumps(payload, ensure_ascii=False, indent=1))
    return [o for o in outcomes if o is not None]


def extract_all(items: list[RawArticle | Failure], jobs: int) -> Iterator[Outcome]:
    """Yield each input's outcome, in input order, from ``jobs`` processes.

    The first input is extracted here, which loads every model and index once; the processes
    are then forked from this one, so they share what is loaded rather than loading it again.
    The rest go in batches of ``BATCH`` that spaCy parses together. Extraction is a pure
    function of the article, so the records depend neither on ``jobs`` nor on the batches.
    """
    if not items:
        return
    # Loading the models and indexes makes some 200,000 objects that live as long as the process:
    # the garbage collector would scan them all several times while they are made, again at every
    # full collection after, and (scanning them) copy their pages into each forked worker. It is
    # paused while they load, and they are then moved out of its sight.
    gc.disable()
    try:
        yield from extract_batch(items[:1])
    finally:
        gc.freeze()
        gc.enable()
    rest = items[1:]
    size = max(1, min(BATCH, -(-len(rest) // jobs)))  # small inputs: still one batch per process
    batches = [rest[i : i + size] for i in range(0, len(rest), size)]
    if jobs <= 1 or len(batches) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for batch in batches:
            yield from extract_batch(batch)
        return
    pool = multiprocessing.get_context("fork").Pool(min(jobs, len(batches)))
    try:
        for outcomes in pool.imap(extract_batch, batches, chunksize=1):
            yield from outcomes
        pool.close()  # let the workers finish and exit on their own
    finally:
        pool.terminate()
        pool.join()


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
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help=f"Extract in this many processes (default: the number of cores, at most {MAX_DEFAULT_JOBS}); "
    "the output is the same, in the same order.",
)
@rules_option
@handle_errors
def extract_command(
    inputs: tuple[str, ...], published: str | None, fmt: str, out_dir: Path | None, jobs: int | None
) -> None:
    """Extract events, quotes, claims and positions from articles (text, HTML or JSONL)."""
    from parley.extract.extractor import Extractor
    from parley.ingest import read_inputs

    settings = settings_from()
    pub = parse_published(published)
    _JOB.update(extractor=Extractor(settings), fmt=fmt)
    console = Console(stderr=True)
    failed = 0
    written = 0
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    items = list(read_inputs(expand_inputs(inputs, console), settings, published=pub))
    # an input without a date stops the run where it stands, after the inputs before it
    undated = next(
        (i for i, it in enumerate(items) if not isinstance(it, Failure) and it.meta.published is None), None
    )
    todo = items if undated is None else items[:undated]
    with Progress(console=console, disable=not console.is_terminal or out_dir is None) as progress:
        task = progress.add_task("extract", total=len(items))
        for kind, doc_id, text in extract_all(todo, jobs or default_jobs()):
            progress.advance(task)
            if kind == "note":
                console.print(text, highlight=False)
                failed += 1
            elif out_dir:
                (out_dir / f"{doc_id}.json").write_text(text + "\n", encoding="utf-8")
                written += 1
            else:
                click.echo(text)
    if undated is not None:
        raise InputError(
            "no publication date", path=items[undated].source, hint="pass --published YYYY-MM-DD"
        )
    if out_dir:
        console.print(f"wrote {written} record(s) to {out_dir}", highlight=False)
    if failed:
        raise SystemExit(2)
