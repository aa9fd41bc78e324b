"""The story's types: what event merging and the claim ledger decide about, free of any store.

Plain frozen data and the date window of a report, shared by the pure rules (``merge``,
``ledger``) and the module that stores their decisions (``parley.store.story``). Importing this
module, or the rules, loads no database library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

# A report without a day is usually about the last few days before publication; three days
# covers "on Tuesday" in a Friday story. Calibrated on the story fixtures (a meeting on 2 Dec
# re-reported undated on 5 Dec must merge; a capture re-told 12 days later is a separate report).
UNDATED_LOOKBACK_DAYS = 3
# Outlets in different time zones date an overnight event a day apart.
DATE_SLACK_DAYS = 1
# The longest window a member may span (a month-precision date); bounds the candidate query.
MAX_WINDOW_DAYS = 31


@dataclass(frozen=True)
class Actor:
    """An actor of a report: its store id, display name and side (the state it acts for)."""

    id: str
    name: str
    side: str


@dataclass(frozen=True)
class Place:
    """A report's place: store id, name and coordinates when known."""

    id: str
    name: str
    lat: float | None = None
    lon: float | None = None


Day = date  # the type, under a name the Report field `date` does not shadow


@dataclass(frozen=True)
class Report:
    """One source event as matching sees it."""

    event_id: int
    article_id: str
    type: str
    modality: str
    published: Day | None
    date: Day | None  # the day, when the article fixes one
    lo: Day  # the window in which it happened
    hi: Day
    actors: tuple[Actor, ...]
    place: Place | None = None
    mode: str | None = None
    story_id: int | None = None  # the story event it belongs to now, if stored

    @property
    def sides(self) -> set[str]:
        """Return the actor ids and the sides they act for."""
        return {a.id for a in self.actors} | {a.side for a in self.actors}


def window(day: date | None, precision: str | None, published: date | None) -> tuple[date, date]:
    """Return the (first, last) day a report may describe: its day or month, else the days before it."""
    if day is not None and precision == "day":
        return day, day
    if day is not None and precision == "month":
        nxt = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return day, nxt - timedelta(days=1)
    if day is not None and precision == "year":
        return day, day.replace(month=12, day=31)
    anchor = published or day
    if anchor is None:
        return date.min, date.min  # nothing dates it: a window that meets no dated report
    return anchor - timedelta(days=UNDATED_LOOKBACK_DAYS), anchor


@dataclass
class Link:
    """Why two reports are one happening: a score and the reasons, in words."""

    a: Report
    b: Report
    score: int
    reasons: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Return the reasons as one sentence."""
        return "; ".join(self.reasons)


@dataclass(frozen=True)
class Source:
    """One piece of evidence on an entry, as stored."""

    id: int
    role: str
    article_id: str
    published: date | None
    actor_id: str | None
    actor_side: str | None
    actor_name: str | None = None


@dataclass(frozen=True)
class Step:
    """A status change: the new status, since when, and the source that caused it."""

    status: str
    since: date | None
    article_id: str
    actor_id: str | None
    note: str


@dataclass(frozen=True)
class Verdict:
    """An entry's status history, its current status, and whether it is one side's word only."""

    steps: tuple[Step, ...]
    status: str
    one_sided: bool
    first_claimed: date | None
    last_seen: date | None
