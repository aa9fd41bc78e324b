"""The ``--rules DIR`` option, shared by the commands that extract (extract, ingest, batch, demo).

Put ``@rules_option`` under a command's ``@cli.command(...)``: the folder is checked as soon as
the option is read (a broken rule file is a one-line usage error naming file, rule and key), and
:func:`parley.cli.main.settings_from` then gives the command settings whose ``rules`` is that
folder, which the Extractor it builds reads. ``PARLEY_RULES`` does the same without the option.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

META_KEY = "parley.rules"


def _remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from parley.errors import KnowledgeBaseError
    from parley.rules import load_rules

    try:
        load_rules(value)
    except KnowledgeBaseError as e:
        raise click.BadParameter(f"{e.one_line()} (parley rules check {value} runs every check)") from None
    ctx.meta[META_KEY] = value
    return value


def rules_option(fn: F) -> F:
    """Add ``--rules DIR`` to a command (the value reaches it through settings_from, not an argument)."""
    return click.option(
        "--rules",
        metavar="DIR",
        type=click.Path(file_okay=False),
        expose_value=False,
        callback=_remember,
        help="Extraction rules folder to use instead of the shipped rules (parley rules export DIR "
        "writes a copy to edit; env PARLEY_RULES).",
    )(fn)


def rules_from_context() -> str | None:
    """Return the --rules folder of the running command, if one was given."""
    ctx = click.get_current_context(silent=True)
    return None if ctx is None else ctx.meta.get(META_KEY)  # meta is shared by nested contexts
