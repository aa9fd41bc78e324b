"""The `parley` command: the only place that prints or exits.

Library errors (``parley.errors``) become one line on stderr and the error's exit code; an
unexpected exception becomes one line too, with a hint to rerun with --debug for the traceback.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from parley.config import Settings
from parley.errors import ParleyError

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(fn: F) -> F:
    """Wrap a command so that errors print one line and exit with their code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return fn(*args, **kwargs)
        except ParleyError as e:
            click.echo(f"parley: {e.one_line()}", err=True)
            ctx.exit(e.exit_code)
        except KeyboardInterrupt:
            click.echo("parley: interrupted; what was stored so far is intact, rerun to finish", err=True)
            ctx.exit(130)
        except Exception as e:  # the last line of defence: never a traceback for users
            if (ctx.find_root().obj or {}).get("debug"):
                raise
            click.echo(
                f"parley: unexpected error: {e.__class__.__name__}: {e} (rerun with --debug)", err=True
            )
            ctx.exit(1)

    return wrapper  # type: ignore[return-value]


def parse_published(value: str | None, source: str = "--published") -> date | None:
    """Return the --published date, or None; a bad value is a DateFormatError."""
    if value is None:
        return None
    from parley.ingest import parse_date

    return parse_date(value, source=source)


db_option = click.option(
    "--db", default=None, help="Database: SQLite file (default ./parley.db) or postgresql:// URL."
)


def settings_from(db: str | None = None) -> Settings:
    """Return settings from the environment with the command-line database (and --rules folder)."""
    from parley.cli.rules_option import rules_from_context

    return Settings.from_env(db=db, rules=rules_from_context())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected errors.")
@click.version_option(package_name="parley")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Parley: turn conflict and diplomacy news into a sourced, structured record."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


def main() -> None:
    """Entry point of the `parley` console script."""
    from parley.cli import commands  # noqa: F401  (registers the commands)

    cli(prog_name="parley")
