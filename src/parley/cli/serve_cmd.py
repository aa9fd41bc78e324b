"""`parley serve`: the HTTP API and dashboard over a store, served by uvicorn."""

from __future__ import annotations

import click

from parley.cli.main import cli, db_option, handle_errors, settings_from

# Loopback only by default: the dashboard has no login, so exposing it is a deliberate act (--host).
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


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
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes (SQLite readers scale across processes).",
)
@handle_errors
def serve_command(db: str | None, host: str, port: int, ingest_token: str | None, workers: int) -> None:
    """Serve the JSON API (/api, /docs) and the dashboard (/timeline, /map, …) over the store."""
    import uvicorn

    from parley.serve import ServeOptions, create_app

    settings = settings_from(db)
    options = ServeOptions(ingest_token=ingest_token or None)
    app = create_app(settings, options)  # fails here, with one line, if the store is missing
    mode = "ingest enabled (token required)" if options.ingest_token else "read-only"
    click.echo(f"parley: serving {settings.db} ({mode}) on http://{host}:{port}/", err=True)
    if workers > 1:
        click.echo("parley: --workers > 1 is not supported with an app object; serving with 1", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
