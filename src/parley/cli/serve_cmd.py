"""`parley serve`: the HTTP API and dashboard over a store, served by uvicorn."""

from __future__ import annotations

import os

import click

from parley.cli.main import cli, db_option, handle_errors, settings_from

# Loopback only by default: the dashboard has no login, so exposing it is a deliberate act (--host).
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765

# Default number of server processes: one per core, at most 4. A request holds Python's GIL for
# most of its time (validation, serialisation, templates), so processes, not threads, let readers
# run in parallel; SQLite in WAL mode and PostgreSQL both serve many reading processes at once.
# Beyond 4, each process costs ~80 MB for little gain on a dashboard's load (bench/bench_api.py).
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """Return the default number of server processes: the machine's cores, at most 4."""
    return max(1, min(MAX_DEFAULT_WORKERS, os.cpu_count() or 1))


@cli.command("serve")
@db_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    default=DEFAULT_PORT,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--ingest-token",
    envvar="PARLEY_INGEST_TOKEN",
    show_envvar=True,
    default=None,
    help="Enable POST /api/ingest for clients sending this bearer token (off by default).",
)
@click.option(
    "--workers",
    default=default_workers,
    show_default=f"one per core, at most {MAX_DEFAULT_WORKERS}",
    type=click.IntRange(1, 64),
    help="Server processes; each has its own read connections (SQLite in WAL mode or PostgreSQL).",
)
@handle_errors
def serve_command(db: str | None, host: str, port: int, ingest_token: str | None, workers: int) -> None:
    """Serve the JSON API (/api, /docs) and the dashboard (/timeline, /map, …) over the store."""
    import uvicorn

    from parley.serve import ServeOptions, create_app
    from parley.serve.app import INGEST_TOKEN_ENV, open_read_engine, settings_to_env

    settings = settings_from(db)
    options = ServeOptions(ingest_token=ingest_token or None)
    mode = "ingest enabled (token required)" if options.ingest_token else "read-only"
    procs = f"{workers} processes" if workers > 1 else "1 process"
    if workers == 1:
        app = create_app(settings, options)  # fails here, with one line, if the store is missing
        click.echo(f"parley: serving {settings.db} ({mode}, {procs}) on http://{host}:{port}/", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # The same check as create_app's, without building an app this process would not serve; each
    # worker opens its own connections.
    open_read_engine(settings, options).dispose()
    click.echo(f"parley: serving {settings.db} ({mode}, {procs}) on http://{host}:{port}/", err=True)
    # Worker processes cannot receive an app object: each builds its own from the factory, which
    # reads the settings and the token from the environment they inherit.
    os.environ.update(settings_to_env(settings))
    if options.ingest_token:
        os.environ[INGEST_TOKEN_ENV] = options.ingest_token
    else:
        os.environ.pop(INGEST_TOKEN_ENV, None)
    uvicorn.run(
        "parley.serve.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
