"""The one exception tree of Parley.

Everything the library raises on purpose derives from :class:`ParleyError`; the CLI maps
each to a one-line message and an exit code, the HTTP API to one JSON error shape.

    ParleyError                      (exit 1)
     ├── InputError                  bad input: a file or URL Parley cannot read (exit 2)
     │    ├── EmptyInput             nothing but whitespace
     │    ├── BinaryInput            bytes that are not text
     │    ├── EncodingError          text in an encoding that cannot be decoded
     │    ├── MalformedInput         broken HTML / JSON / XML / WARC
     │    ├── TooLarge               over the size cap
     │    ├── DateFormatError        a date Parley cannot read
     │    └── FetchError             a URL that could not be fetched (status, robots, timeout)
     ├── StoreError                  the database cannot be opened, migrated or written (exit 3)
     │    └── AlreadyStored          another process stored the same article first (not a failure)
     ├── KnowledgeBaseError          a knowledge-base file is missing or broken (exit 4)
     └── PipelineError               a stage is missing an input or a model (exit 5)

Each carries the input (`path`), the article id and the stage where known, so a message can
say what happened, to what, and what to do next.
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base class: a failure Parley knows how to explain in one line."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        article_id: str | None = None,
        stage: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.article_id = article_id
        self.stage = stage
        self.hint = hint

    def one_line(self) -> str:
        """Return the message as one line: `input: problem; what to do`."""
        parts = []
        if self.path:
            parts.append(f"{self.path}: ")
        parts.append(self.message)
        if self.hint:
            parts.append(f"; {self.hint}")
        return "".join(parts).replace("\n", " ")

    def __str__(self) -> str:
        return self.one_line()


class InputError(ParleyError):
    """An input (file, URL, record) that Parley cannot read."""

    exit_code = 2
    reason = "bad input"


class EmptyInput(InputError):
    reason = "empty"


class BinaryInput(InputError):
    reason = "binary"


class EncodingError(InputError):
    reason = "encoding"


class MalformedInput(InputError):
    reason = "malformed"


class TooLarge(InputError):
    reason = "too large"


class DateFormatError(InputError):
    reason = "date format"


class FetchError(InputError):
    reason = "fetch failed"


class StoreError(ParleyError):
    """The database could not be opened, migrated or written."""

    exit_code = 3


class AlreadyStored(StoreError):
    """The article was stored by another writer between our look-up and our insert."""


class KnowledgeBaseError(ParleyError):
    """A knowledge-base file is missing or broken."""

    exit_code = 4


class PipelineError(ParleyError):
    """A pipeline stage lacks an input or a model it declared."""

    exit_code = 5
