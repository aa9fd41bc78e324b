"""Turning input errors into Failure records, the one way ingest reports a bad input."""

from __future__ import annotations

from parley.errors import InputError
from parley.model.article import Failure


def failure(exc: InputError, source: str) -> Failure:
    """Return the Failure record for an input error: its reason tag and one-line message."""
    if exc.path is None:
        exc.path = source
    return Failure(source=source, reason=exc.reason, message=exc.one_line())


def unexpected(exc: Exception, source: str) -> Failure:
    """Return a Failure for an error no reader anticipated, so one odd input cannot stop a batch."""
    return Failure(
        source=source,
        reason=InputError.reason,
        message=f"{source}: could not be read ({type(exc).__name__}: {exc}); please report this input",
    )
