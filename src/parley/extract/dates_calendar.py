"""Calendar arithmetic for date resolution: weekdays, weeks, months, years and holidays.

Everything here is pure and takes the publication date explicitly; ``dates.py`` decides which
rule a piece of text calls for, this module only counts days. Weeks run Monday to Sunday
(ISO 8601), which is what "last Monday" and "on Saturday last week" count in.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

DAYS_PER_WEEK = 7
MONTHS_PER_YEAR = 12

# A month and day given without a year ("on October 10") is read in the year that puts it
# closest before publication, unless that year's date is at most this many days ahead: news
# mentions upcoming dates ("talks on January 10" in a late-December story) but rarely more
# than about two months out without saying the year.
MONTH_DAY_FUTURE_TOLERANCE_DAYS = 60

# A future clause ("would", "is set to", "deadline") reads a year-less month or day ahead only while
# that reading is the nearer one, at most half a year out; further ahead, the same name read back is
# nearer and is the one news means ("talks would build on the accord signed in May", written in
# August). Calibrated on realnews dev, c and e: every such reading
# that went wrong lay 9 to 11 months ahead (four articles), every right one within about 2 months.
FUTURE_HORIZON_DAYS = 183
FUTURE_HORIZON_MONTHS = 6

# Julian-calendar dates (Orthodox Easter) are this many days behind Gregorian ones from
# 1 March 1900 to 28 February 2100, the only years the year pattern reads.
JULIAN_GREGORIAN_OFFSET_DAYS = 13


def weekday_date(published: date, weekday: int, *, future: bool) -> date:
    """Return the day with ``weekday`` (Monday = 0) nearest ``published`` in one direction.

    ``future=False`` gives the most recent such day up to and including ``published`` (past
    narrative: "captured the city on Sunday"); ``future=True`` the next such day on or after
    it ("due to meet on Monday"). Either way a weekday equal to the publication's is that day.
    """
    if not 0 <= weekday < DAYS_PER_WEEK:
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday}")
    if future:
        return published + timedelta(days=(weekday - published.weekday()) % DAYS_PER_WEEK)
    return published - timedelta(days=(published.weekday() - weekday) % DAYS_PER_WEEK)


def week_weekday(published: date, weekday: int, weeks: int) -> date:
    """Return the day with ``weekday`` in the Monday-to-Sunday week ``weeks`` away from publication.

    ``weeks=-1`` reads "last Tuesday" / "on Saturday last week", ``0`` "this Friday" and ``1``
    "next Monday".
    """
    monday = published - timedelta(days=published.weekday())
    return monday + timedelta(days=DAYS_PER_WEEK * weeks + weekday)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    """Return the (year, month) ``months`` after (or before, when negative) the given month."""
    index = year * MONTHS_PER_YEAR + (month - 1) + months
    return index // MONTHS_PER_YEAR, index % MONTHS_PER_YEAR + 1


def month_near(published: date, month: int, *, future: bool, strict: bool = False) -> date:
    """Return the first day of the ``month`` nearest publication in one direction.

    Past (``future=False``): the most recent such month not after the publication month ("in
    August", "since January"). Future: the next such month from the publication month on. With
    ``strict`` the publication month itself is excluded ("last August", "next March"). Without
    ``strict`` a future reading more than ``FUTURE_HORIZON_MONTHS`` ahead falls back to the past one.
    """
    ahead = (month - published.month) % MONTHS_PER_YEAR
    if future and (strict or ahead <= FUTURE_HORIZON_MONTHS):
        if strict and ahead == 0:
            ahead = MONTHS_PER_YEAR
        year, number = shift_month(published.year, published.month, ahead)
    else:
        back = (published.month - month) % MONTHS_PER_YEAR
        if strict and back == 0:
            back = MONTHS_PER_YEAR
        year, number = shift_month(published.year, published.month, -back)
    return date(year, number, 1)


def _candidates(published: date, month: int, day: int) -> list[date]:
    """Return the valid dates ``month``/``day`` in the years around publication, in order."""
    found = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            found.append(date(year, month, day))
        except ValueError:  # 29 February in a common year, or a year out of range
            continue
    return found


def month_day_near(published: date, month: int, day: int, *, future: bool) -> date | None:
    """Return the year-less ``month``/``day`` read against publication, or None when impossible.

    Future context takes the first such day on or after publication, when it is at most
    ``FUTURE_HORIZON_DAYS`` ahead; otherwise the latest one no more than
    ``MONTH_DAY_FUTURE_TOLERANCE_DAYS`` after publication.
    """
    candidates = _candidates(published, month, day)
    if future:
        ahead = [c for c in candidates if c >= published]
        if ahead and (ahead[0] - published).days <= FUTURE_HORIZON_DAYS:
            return ahead[0]
    limit = published + timedelta(days=MONTH_DAY_FUTURE_TOLERANCE_DAYS)
    before = [c for c in candidates if c <= limit]
    return before[-1] if before else None


def easter_western(year: int) -> date:
    """Return Western (Gregorian) Easter Sunday of ``year`` (the Meeus/Jones/Butcher computus)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon_correction = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_correction + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday_shift = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    late = (golden + 11 * epact + 22 * weekday_shift) // 451
    month, day = divmod(epact + weekday_shift - 7 * late + 114, 31)
    return date(year, month, day + 1)


def easter_orthodox(year: int) -> date:
    """Return Orthodox Easter Sunday of ``year`` as a Gregorian date (Meeus's Julian computus)."""
    epact = (19 * (year % 19) + 15) % 30
    weekday_shift = (2 * (year % 4) + 4 * (year % 7) - epact + 34) % 7
    month, day = divmod(epact + weekday_shift + 114, 31)
    return date(year, month, day + 1) + timedelta(days=JULIAN_GREGORIAN_OFFSET_DAYS)


def holiday_in_year(rule: dict[str, Any], year: int) -> date:
    """Return the date of the holiday described by ``rule`` (a ``[holidays]`` table) in ``year``."""
    if "easter" in rule:
        sunday = easter_orthodox(year) if rule["easter"] == "orthodox" else easter_western(year)
        return sunday + timedelta(days=int(rule.get("offset", 0)))
    if "nth" in rule:
        first = date(year, int(rule["month"]), 1)
        first_match = first + timedelta(days=(int(rule["weekday"]) - first.weekday()) % DAYS_PER_WEEK)
        return first_match + timedelta(days=DAYS_PER_WEEK * (int(rule["nth"]) - 1))
    return date(year, int(rule["month"]), int(rule["day"]))


def holiday_near(published: date, rule: dict[str, Any], *, future: bool) -> date | None:
    """Return the occurrence of a holiday nearest publication (the next one in future context)."""
    found = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            found.append(holiday_in_year(rule, year))
        except (ValueError, OverflowError):  # a year outside what date() can hold
            continue
    if future:
        found = [d for d in found if d >= published]
    if not found:
        return None
    return min(found, key=lambda d: (abs((d - published).days), d))
