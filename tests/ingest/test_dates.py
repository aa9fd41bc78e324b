"""parse_date: the written forms Parley documents, and one-line errors for everything else."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.errors import DateFormatError
from parley.ingest import parse_date

DEC29 = date(2025, 12, 29)


@pytest.mark.parametrize(
    "value",
    [
        "2025-12-29",
        " 2025-12-29 ",
        "December 29, 2025",
        "29 December 2025",
        "Dec 29, 2025",
        "2025-12-29T10:00:00Z",
        "2025-12-29T23:30:00-05:00",  # the outlet's own calendar day, not UTC's
        "Mon, 29 Dec 2025 10:00:00 GMT",
    ],
)
def test_reads_documented_forms(value: str) -> None:
    assert parse_date(value, source="notes.jsonl:3") == DEC29


@pytest.mark.parametrize("value", ["", "soon", "yesterday", "December 2025", "2025-13-45", "31/31/2025"])
def test_refuses_what_is_not_a_full_date(value: str) -> None:
    with pytest.raises(DateFormatError) as info:
        parse_date(value, source="notes.jsonl:3")
    message = info.value.one_line()
    assert message.startswith("notes.jsonl:3: cannot read the date")
    assert repr(value) in message
    assert "YYYY-MM-DD" in message
    assert "\n" not in message
    assert info.value.reason == "date format"


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_round_trips_iso_and_written_forms(day: date) -> None:
    assert parse_date(day.isoformat(), source="x") == day
    assert parse_date(day.strftime("%B %d, %Y"), source="x") == day
    assert parse_date(day.strftime("%d %B %Y"), source="x") == day
