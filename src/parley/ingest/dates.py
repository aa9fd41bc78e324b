"""Reading publication dates given as text (front matter, JSONL fields, feeds, the command line)."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from parley.errors import DateFormatError

# A bare ISO calendar date, the form Parley asks users to write.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# dateparser is only asked about the one string it is given: English month names (the forms
# the project documents), absolute dates only (no "yesterday", no bare timestamps), and all
# three parts present so "December 2025" is refused rather than silently becoming the 1st.
_DATEPARSER_LANGUAGES = ["en"]
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}

# Longest string handed to dateparser: a written date with a time and zone fits easily, and a
# paragraph of prose is not a date (dateparser would hunt through it for one).
MAX_DATE_CHARS = 64


def parse_date(value: str, *, source: str) -> date:
    """Return the calendar date written in ``value``; raise DateFormatError when there is none.

    Accepts YYYY-MM-DD, ISO date-times ("2025-12-29T10:00:00Z"), e-mail/RSS dates
    ("Mon, 29 Dec 2025 10:00:00 GMT") and written English forms ("December 29, 2025",
    "29 December 2025"). A date-time keeps the calendar date in its own time zone: that is
    the date the outlet printed.
    """
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise _error(value, source)
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise _error(value, source) from None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if len(text) <= MAX_DATE_CHARS and re.search(r"\d", text):
        import dateparser  # imported here: it is slow to load and most dates never need it

        found = dateparser.parse(text, languages=_DATEPARSER_LANGUAGES, settings=_DATEPARSER_SETTINGS)
        if found is not None:
            return found.date()
    raise _error(value, source)


def date_from_iso(value: str | None) -> date | None:
    """Return the date of an ISO string produced by a library (htmldate, WARC-Date), or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def _error(value: object, source: str) -> DateFormatError:
    return DateFormatError(
        f"cannot read the date {value!r}",
        path=source,
        hint="write it as YYYY-MM-DD, e.g. 2025-12-29",
    )
