"""Temporal expressions in news text, resolved against the article's publication date.

``find_dates(text, published)`` finds the expressions itself (regular expressions assembled from
the lexicon in ``data/dates_lexicon.toml``; no free-text date search, which reads "may", "we"
or "the 3rd Assault Brigade" as dates) and resolves each one:

- absolute: "December 28", "28 December 2025", "Dec. 28", "late on December 27", ISO dates,
  "in August", "April 2023", "in 2024", "mid-December", holidays ("Christmas", "Thanksgiving");
- weekday: "on Sunday evening", "earlier on Thursday", "Last Monday", "Overnight into Saturday
  last week" — a bare weekday is the latest such day up to publication, or the next one from
  publication when its clause speaks of the future ("were due to meet ... on Monday");
- relative: "last month", "earlier this month", "two days ago"; "last week" has no value, since
  a week is not a precision a ``DateValue`` can hold;
- deictic: "today", "yesterday", "overnight";
- two days: "on Monday and Tuesday", "July 12 and 15", "12 or 13 December" have no value, since
  they fix no single day (talks over two named days are dated null);
- range_start: any of the above after "since" ("since January");
- anchored: "a day before the talks", "the same day", "two days later", "hours before the
  talks" — these carry ``offset_days`` and the anchor phrase, and a value only when the anchor
  is itself a date; ``resolve_anchor`` applies the offset once the anchor event is dated.

The calendar arithmetic lives in ``dates_calendar``, the reading of the surrounding clause
(future cues, anchor phrases) in ``dates_context``, the word tables in ``dates_lexicon``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from parley.extract.dates_calendar import (
    DAYS_PER_WEEK,
    holiday_in_year,
    holiday_near,
    month_day_near,
    month_near,
    shift_month,
    week_weekday,
    weekday_date,
)
from parley.extract.dates_context import anchor_after, is_future, word_after, word_before
from parley.extract.dates_lexicon import Lexicon, load_lexicon, phrase_alternation, phrase_key
from parley.model.records import DateValue
from parley.rules import Rules

__all__ = ["DateMention", "find_dates", "resolve_anchor", "weekday_date"]

KINDS = ("absolute", "weekday", "relative", "anchored", "range_start", "deictic")

# "last Tuesday" / "on Saturday last week" is in the previous Monday-to-Sunday week, "this
# Friday" in the publication's own, "next Monday" in the following one.
WEEK_SHIFT = {"last": -1, "this": 0, "next": 1}

# Days and weeks counts larger than this are not offsets between events in one story ("4000
# days after" is a number, not a date).
MAX_COUNT = 366


@dataclass(frozen=True)
class DateMention:
    """A temporal expression found in text, with its resolved value where publication fixes one."""

    start: int
    end: int
    text: str
    value: DateValue | None  # None when it only makes sense relative to another event
    anchor: str | None = None  # "the talks" in "a day before the talks"
    offset_days: int | None = None  # -1 for "a day before", +2 for "two days after", 0 "the same day"
    kind: str = "absolute"  # one of KINDS


# ---------------------------------------------------------------------------------------------
# Patterns: templates whose <PLACEHOLDERS> are filled from the lexicon (see _pieces). Each name
# is also the key of its handler in _HANDLERS. Order breaks ties between equally long matches.

# Function words match in any case but only in ASCII ("(?ai:"): Unicode case folding would let
# "ſince" or "thıs" through, spellings the lexicon tables do not hold.
_PRE_DAY = (
    r"(?:(?<![\w-])(?:(?P<since>(?ai:since))\s+|(?P<mod>(?ai:late|early|earlier|later))\s+(?:(?ai:on)\s+)?"
    r"|(?ai:on|by|until|till)\s+))?(?:(?<![\w-])(?ai:the\s+(?:morning|afternoon|evening|night)\s+of)\s+)?"
)
_PRE_PERIOD = r"(?:(?<![\w-])(?P<pre>(?ai:<MCUE>))(?:\s+|-))?(?:(?<![\w])(?P<qual>(?ai:<QUAL>))(?:\s+|-))?"
_WEEK_SUFFIX = r"(?:\s+(?P<week>(?ai:(?:of\s+)?(?:last|next|this)\s+week)))?"

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?<![\w-])(?P<year>\d{4})-(?P<month_num>\d{2})-(?P<day>\d{2})(?![\d-])"),
    ("month_day", _PRE_DAY + r"(?:<WEEKDAY_NC>,?\s+)?(?<![\w])<MONTH_ANY>\s+<DAY><RANGE>(?:,?\s+<YEAR>)?"),
    (
        "day_month",
        _PRE_DAY + r"(?:<WEEKDAY_NC>,?\s+)?(?:(?ai:the)\s+)?(?<![\w.,-])<DAY><RANGE>\s+(?:(?ai:of)\s+)?"
        r"<MONTH_ANY>(?:,?\s+<YEAR>)?",
    ),
    ("month_year", _PRE_PERIOD + r"(?<![\w])<MONTH_ANY>,?\s+<YEAR>"),
    ("month", _PRE_PERIOD + r"(?<![\w])<MONTH_FULL>(?!['’]s\b|\s*\d|\.\d)"),
    ("year", _PRE_PERIOD + r"(?<![\w$£€.,-])<YEAR>"),
    (
        "weekday",
        r"(?:(?<![\w-])(?:(?P<since>(?ai:since))\s+|(?P<overnight>(?ai:overnight\s+(?:into|to|on)|(?:on\s+)?the\s+night\s+"
        r"(?:of|into|to)))\s+|(?P<mod>(?ai:late|early|earlier|later))\s+(?:(?ai:on)\s+)?|(?ai:on|by|until|till)\s+))?"
        r"(?:(?<![\w-])(?P<rel>(?ai:last|next|this\s+coming|this|coming))\s+)?(?<![\w])<WEEKDAY>"
        r"(?:\s+(?P<part>(?ai:<PART>)))?" + _WEEK_SUFFIX,
    ),
    (
        "overnight_span",
        r"(?P<overnight>(?ai:overnight|(?:on\s+)?the\s+night\s+of))\s+(?:(?ai:from)\s+)?<WEEKDAY_FROM>\s+"
        r"(?ai:into|to|and)\s+<WEEKDAY>" + _WEEK_SUFFIX,
    ),
    (
        "night_into",
        r"(?<![\w])<WEEKDAY_FROM>\s+(?ai:night|evening)\s+(?ai:into|to)\s+<WEEKDAY>" + _WEEK_SUFFIX,
    ),
    ("deictic", r"(?<![\w])(?P<phrase>(?ai:<DEICTIC>))(?![\w-])"),
    ("period", _PRE_PERIOD + r"(?<![\w])(?P<period>(?ai:<PERIOD>))(?![\w-])"),
    (
        "ago",
        r"(?<![\w])(?:(?:(?P<n><NUM>)|(?P<vague>(?ai:a\s+few|a\s+couple\s+of|several|some)))\s+)?"
        r"(?P<unit>(?ai:days?|weeks?|months?|years?))\s+(?ai:ago)(?![\w-])",
    ),
    ("anchored_count", r"(?<![\w])(?P<n><NUM>)\s+(?P<unit>(?ai:<UNIT>))\s+(?P<dir>(?ai:<DIR>))(?![\w-])"),
    ("anchored_vague", r"(?<![\w])(?P<vague>(?ai:<SAME_DAY>))\s+(?P<dir>(?ai:<DIR>))(?![\w-])"),
    ("anchored_fixed", r"(?<![\w])(?:(?ai:on)\s+)?(?P<phrase>(?ai:<ANCH_FIXED>))(?![\w-])"),
    ("holiday", r"(?:(?<![\w-])(?ai:on)\s+)?(?<![\w])(?P<holiday><HOLIDAY>)(?![\w])(?:\s+<YEAR>)?"),
)

_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,:]\d|%|-[A-Za-z])"
_RANGE = (
    r"(?:\s*[-–]\s*(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    # a second day ("July 12 and 15", "12 and 13 December"): two days, no single one
    r"|(?P<pair>\s+(?ai:and|or|&)\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,:]\d|%)"
    r"(?=\s*[,.;:)\n]|\s+(?:(?ai:of)\s+)?[A-Z]|\s+(?:19|20)\d\d|$)))?"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d|[.,]\d|%|s\b|['’]s\b)"


def _pieces(lex: Lexicon) -> dict[str, str]:
    """Return the regex fragments that fill the pattern templates' placeholders."""
    weekdays = phrase_alternation(list(lex.weekdays))
    bare_months = [m for m in lex.months if m not in lex.months_need_day]
    full = phrase_alternation(bare_months)
    abbreviations = phrase_alternation(list(lex.months_need_day))
    return {
        "MONTH_ANY": rf"(?:(?P<month>{full})\b|(?P<month_abbr>{abbreviations})\b\.?)",
        "MONTH_FULL": rf"(?P<month>{full})\b",
        "WEEKDAY": rf"(?P<weekday>{weekdays})\b",
        "WEEKDAY_NC": rf"(?:{weekdays})\b",
        "WEEKDAY_FROM": rf"(?P<weekday_from>{weekdays})\b",
        "DAY": _DAY,
        "RANGE": _RANGE,
        "YEAR": _YEAR,
        "NUM": rf"(?ai:{phrase_alternation(list(lex.numbers))})\b|\d{{1,3}}(?![\d,.])",
        "PART": phrase_alternation(list(lex.parts_of_day)),
        "MCUE": phrase_alternation(list(lex.month_cues)),
        "QUAL": phrase_alternation(list(lex.period_qualifiers)),
        "DEICTIC": phrase_alternation(list(lex.deictic)),
        "PERIOD": phrase_alternation(list(lex.relative_periods)),
        "UNIT": phrase_alternation(list(lex.anchored_units)),
        "DIR": phrase_alternation(list(lex.anchored_directions)),
        "SAME_DAY": phrase_alternation(list(lex.anchored_same_day)),
        "ANCH_FIXED": phrase_alternation(list(lex.anchored_fixed)),
        "HOLIDAY": phrase_alternation(list(lex.holidays)),
    }


@lru_cache(maxsize=8)
def _compiled(lex: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Return the pattern table compiled, in order, with placeholders filled from the lexicon."""
    pieces = _pieces(lex)
    fill = re.compile(r"<([A-Z_]+)>")
    return tuple(
        (name, re.compile(fill.sub(lambda m: pieces[m.group(1)], template))) for name, template in _PATTERNS
    )


# Words one of which every match of a pattern contains, spelled as the pattern spells them (the
# lexicon's month, weekday and holiday names are matched in their case; the others in any ASCII
# case): a text holding none of a pattern's words is not scanned with it. Only a speed-up: the
# patterns' matches are the same with or without it. Patterns not listed are always scanned.
_REQUIRED_WORDS: dict[str, Callable[[Lexicon], tuple[tuple[str, ...], bool]]] = {
    "month_day": lambda lex: (tuple(lex.months), True),
    "day_month": lambda lex: (tuple(lex.months), True),
    "month_year": lambda lex: (tuple(lex.months), True),
    "month": lambda lex: (tuple(m for m in lex.months if m not in lex.months_need_day), True),
    "weekday": lambda lex: (tuple(lex.weekdays), True),
    "overnight_span": lambda lex: (tuple(lex.weekdays), True),
    "night_into": lambda lex: (tuple(lex.weekdays), True),
    "holiday": lambda lex: (tuple(h.split()[0] for h in lex.holidays), True),
    "ago": lambda lex: (("ago",), False),
}


@lru_cache(maxsize=8)
def _required_words(lex: Lexicon) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Return each listed pattern's required words (lower-cased where matched in any case)."""
    out = {}
    for name, words_of in _REQUIRED_WORDS.items():
        words, cased = words_of(lex)
        out[name] = (words if cased else tuple(w.lower() for w in words), cased)
    return out


def _may_match(name: str, text: str, lowered: str, lex: Lexicon) -> bool:
    """Return False only when ``text`` holds none of the words every match of ``name`` contains."""
    required = _required_words(lex).get(name)
    if required is None:
        return True
    words, cased = required
    haystack = text if cased else lowered
    return any(w in haystack for w in words)


def _is_noun_phrase(ctx: _Context, anchor: str) -> bool:
    """Return True when an anchor reads as a noun phrase rather than the start of a clause.

    A determiner ("the talks"), a possessive ("Trump's visit"), a lower-case noun ("talks") or
    a date ("Christmas") opens a noun phrase; a bare capitalised name is usually a clause's
    subject ("before Russia launched ...").
    """
    first = anchor.split()[0]
    if first.lower() in ctx.lex.anchor_determiners or first[0].islower() or re.search(r"['’]s$", first):
        return True
    inner = _scan(anchor, ctx.published, anchored=False, lex=ctx.lex)
    return bool(inner) and inner[0].start == 0


# ---------------------------------------------------------------------------------------------
# Handlers: one per pattern, each returning a mention or None when the match is not a date.


@dataclass(frozen=True)
class _Context:
    """What every handler needs: the text, the publication date and the lexicon."""

    text: str
    published: date
    lex: Lexicon


def _mention(
    m: re.Match[str],
    value: date | None,
    precision: str,
    kind: str,
    *,
    anchor: str | None = None,
    offset_days: int | None = None,
    end: int | None = None,
) -> DateMention:
    """Return a mention of the match (optionally extended to ``end``) with its value."""
    stop = m.end() if end is None else end
    text = m.string[m.start() : stop]
    resolved = None if value is None else DateValue(value, precision, text, m.start(), stop)
    return DateMention(m.start(), stop, text, resolved, anchor, offset_days, kind)


def _since_kind(m: re.Match[str], default: str) -> str:
    """Return "range_start" when the match opens with "since", else ``default``."""
    groups = m.groupdict()
    if groups.get("since") or phrase_key(groups.get("pre") or "") == "since":
        return "range_start"
    return default


def _future(ctx: _Context, m: re.Match[str]) -> bool:
    """Return True when the match reads forward: its clause is future and it is no "since"."""
    return _since_kind(m, "") != "range_start" and is_future(ctx.text, m.start(), m.end(), ctx.lex)


def _month_number(ctx: _Context, m: re.Match[str]) -> int:
    """Return the month number of the match's month name (full or abbreviated)."""
    return ctx.lex.months[m.groupdict().get("month") or m["month_abbr"]]


def _iso(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of an ISO date (2025-12-28)."""
    year = int(m["year"])
    if not 1900 <= year <= 2099:
        return None
    return _mention(m, date(year, int(m["month_num"]), int(m["day"])), "day", "absolute")


def _month_day(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of a month and day, with or without a year ("Dec. 28", "28 December 2025")."""
    month, day = _month_number(ctx, m), int(m["day"])
    if m["pair"]:
        return _mention(m, None, "day", "relative")  # "on July 12 and 15": no single day
    if m["year"]:
        value: date | None = date(int(m["year"]), month, day)
    else:
        value = month_day_near(ctx.published, month, day, future=_future(ctx, m))
    return None if value is None else _mention(m, value, "day", _since_kind(m, "absolute"))


def _month_year(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of a month with its year ("April 2023")."""
    value = date(int(m["year"]), _month_number(ctx, m), 1)
    return _mention(m, value, "month", _since_kind(m, "absolute"))


def _month(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of a month without a year ("in August", "mid-December", "last March")."""
    name, pre = m["month"], phrase_key(m["pre"] or "")
    if name in ctx.lex.months_ambiguous and not (pre or m["qual"]):
        return None  # "May" and "March" alone are a verb and a noun more often than months
    month = ctx.lex.months[name]
    if pre == "last":
        value = month_near(ctx.published, month, future=False, strict=True)
    elif pre == "next":
        value = month_near(ctx.published, month, future=True, strict=True)
    elif pre == "this":
        value = date(ctx.published.year, month, 1)
    else:
        value = month_near(ctx.published, month, future=_future(ctx, m))
    return _mention(m, value, "month", _since_kind(m, "absolute"))


def _year(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of a year after a preposition or qualifier ("in 2024", "since 2014")."""
    if not (m["pre"] or m["qual"]) or phrase_key(m["pre"] or "") in ("last", "next", "this"):
        return None  # a bare four-digit number is as often a count as a year
    return _mention(m, date(int(m["year"]), 1, 1), "year", _since_kind(m, "absolute"))


def _weekday(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of a weekday, read against the publication's week and tense."""
    first = m.start("weekday_from") if m.groupdict().get("weekday_from") else m.start("weekday")
    if word_before(ctx.text, first) in ctx.lex.weekday_excluded_before:
        return None  # "Bloody Sunday", "Super Tuesday"
    groups = m.groupdict()
    following = word_after(ctx.text, m.end("weekday"))
    if not groups.get("part") and not groups.get("week") and following in ctx.lex.weekday_excluded_after:
        return None  # "the Sunday Times"
    weekday = ctx.lex.weekdays[m["weekday"]]
    pair = _second_weekday(ctx, m.end())
    if pair is not None:  # "met on Monday and Tuesday": two days, no single one (CONVENTIONS)
        return _mention(m, None, "day", "relative", end=pair)
    week, rel = phrase_key(groups.get("week") or ""), phrase_key(groups.get("rel") or "")
    if week:
        value = week_weekday(ctx.published, weekday, WEEK_SHIFT[week.split()[-2]])
    elif rel == "last":
        # "last Monday" in news is the most recent Monday before publication, even in its own week
        value = weekday_date(ctx.published - timedelta(days=1), weekday, future=False)
    elif rel in WEEK_SHIFT:
        value = week_weekday(ctx.published, weekday, WEEK_SHIFT[rel])
    elif rel:  # "coming", "this coming"
        value = weekday_date(ctx.published, weekday, future=True)
    else:
        value = weekday_date(ctx.published, weekday, future=_future(ctx, m))
    return _mention(m, value, "day", _since_kind(m, "weekday"))


def _second_weekday(ctx: _Context, pos: int) -> int | None:
    """Return the end of a second weekday joined to the one ending at ``pos`` ("Monday and
    Tuesday", "Saturday or Sunday"), or None."""
    found = re.match(
        r"\s+(?ai:and|or|&)\s+(?:(?ai:on)\s+)?(?:" + phrase_alternation(list(ctx.lex.weekdays)) + r")\b",
        ctx.text[pos : pos + 40],
    )
    return None if found is None else pos + found.end()


def _deictic(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of a day word fixed by publication ("yesterday", "overnight")."""
    if word_before(ctx.text, m.start()) in ctx.lex.deictic_excluded_before:
        return None  # "Russia Today"
    offset = ctx.lex.deictic[phrase_key(m["phrase"])]
    return _mention(m, ctx.published + timedelta(days=offset), "day", "deictic")


def _period(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of a relative period ("last month", "earlier this year", "last week")."""
    unit, offset = ctx.lex.relative_periods[phrase_key(m["period"])]
    kind = _since_kind(m, "relative")
    if unit == "month":
        year, month = shift_month(ctx.published.year, ctx.published.month, offset)
        return _mention(m, date(year, month, 1), "month", kind)
    if unit == "year":
        return _mention(m, date(ctx.published.year + offset, 1, 1), "year", kind)
    return _mention(m, None, "day", kind)  # a week fixes no day, and its month only sometimes


def _count(ctx: _Context, m: re.Match[str]) -> int | None:
    """Return the count in the match's ``n`` group (a digit string or a number word), if any."""
    if not m["n"]:
        return None
    raw = phrase_key(m["n"])
    return int(raw) if raw.isdigit() else ctx.lex.numbers.get(raw)


def _ago(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of "N days/weeks/months/years ago" (no value when N is vague)."""
    count, unit = _count(ctx, m), m["unit"].lower().rstrip("s")
    if count is None or count > MAX_COUNT:
        return _mention(m, None, "day", "relative")
    if unit in ("day", "week"):
        days = count * (DAYS_PER_WEEK if unit == "week" else 1)
        return _mention(m, ctx.published - timedelta(days=days), "day", "relative")
    if unit == "month":
        year, month = shift_month(ctx.published.year, ctx.published.month, -count)
        return _mention(m, date(year, month, 1), "month", "relative")
    return _mention(m, date(ctx.published.year - count, 1, 1), "year", "relative")


def _anchored(
    ctx: _Context, m: re.Match[str], offset: int, *, anchor_allowed: bool, anchor_needed: bool
) -> DateMention | None:
    """Return an anchored mention, reading the anchor phrase after the match when allowed."""
    span = anchor_after(ctx.text, m.end(), ctx.lex) if anchor_allowed else None
    if span is not None and not _is_noun_phrase(ctx, ctx.text[span[0] : span[1]]):
        span = None
    if span is None:
        if anchor_needed:
            return None
        return _mention(m, None, "day", "anchored", offset_days=offset)
    anchor = ctx.text[span[0] : span[1]]
    value = None
    inner = _scan(anchor, ctx.published, anchored=False, lex=ctx.lex)
    whole = len(inner) == 1 and inner[0].start == 0 and inner[0].end == len(anchor)
    if whole and inner[0].value is not None and inner[0].value.precision == "day":  # the anchor is a date
        value = inner[0].value.value + timedelta(days=offset)
    return _mention(m, value, "day", "anchored", anchor=anchor, offset_days=offset, end=span[1])


def _anchored_count(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of "two days after (X)", "a week earlier" and the like."""
    count = _count(ctx, m)
    if count is None or count > MAX_COUNT:
        return None
    sign = ctx.lex.anchored_directions[phrase_key(m["dir"])]
    offset = sign * count * ctx.lex.anchored_units[m["unit"].lower()]
    open_ended = phrase_key(m["dir"]) not in ("earlier", "later")
    return _anchored(ctx, m, offset, anchor_allowed=open_ended, anchor_needed=False)


def _anchored_vague(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of "hours before the talks", "shortly after (X)": the anchor's own day."""
    open_ended = phrase_key(m["dir"]) not in ("earlier", "later")
    return _anchored(ctx, m, 0, anchor_allowed=open_ended, anchor_needed=open_ended)


def _anchored_fixed(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of "the day before (X)", "the same day", "the eve of X"."""
    key = phrase_key(m["phrase"])
    open_ended = key.split()[-1] in ("before", "after", "of")
    needed = key in ctx.lex.anchored_need_anchor
    return _anchored(ctx, m, ctx.lex.anchored_fixed[key], anchor_allowed=open_ended, anchor_needed=needed)


def _holiday(ctx: _Context, m: re.Match[str]) -> DateMention | None:
    """Return the mention of a holiday ("Christmas", "Thanksgiving"), nearest publication."""
    if word_before(ctx.text, m.start()) in ctx.lex.holiday_excluded_before:
        return None  # "Lunar New Year"
    rule = ctx.lex.holiday_rule(m["holiday"])
    if rule is None:
        return None
    if m["year"]:
        value: date | None = holiday_in_year(rule, int(m["year"]))
    else:
        value = holiday_near(ctx.published, rule, future=is_future(ctx.text, m.start(), m.end(), ctx.lex))
    return None if value is None else _mention(m, value, "day", "absolute")


_Handler = Callable[[_Context, re.Match[str]], DateMention | None]
_HANDLERS: dict[str, _Handler] = {
    "iso": _iso,
    "month_day": _month_day,
    "day_month": _month_day,  # same groups, same reading
    "month_year": _month_year,
    "month": _month,
    "year": _year,
    "weekday": _weekday,
    "overnight_span": _weekday,
    "night_into": _weekday,
    "deictic": _deictic,
    "period": _period,
    "ago": _ago,
    "anchored_count": _anchored_count,
    "anchored_vague": _anchored_vague,
    "anchored_fixed": _anchored_fixed,
    "holiday": _holiday,
}


def _scan(
    text: str,
    published: date,
    *,
    anchored: bool = True,
    rules: Rules | None = None,
    lex: Lexicon | None = None,
) -> list[DateMention]:
    """Return the mentions in ``text``: every pattern's matches, longest first, without overlaps.

    ``lex`` (the lexicon of ``rules``) spares the inner scans of anchor phrases looking it up again.
    """
    ctx = _Context(text, published, lex or load_lexicon(rules))
    lowered = text.lower()
    candidates: list[tuple[int, int, int, DateMention]] = []
    for order, (name, pattern) in enumerate(_compiled(ctx.lex)):
        if not anchored and name.startswith("anchored"):
            continue
        if not _may_match(name, text, lowered, ctx.lex):
            continue
        handler = _HANDLERS[name]
        for match in pattern.finditer(text):
            try:
                mention = handler(ctx, match)
            except (ValueError, OverflowError):  # 31 February, or a year date() cannot hold
                continue
            if mention is not None and mention.end > mention.start:
                candidates.append((-(mention.end - mention.start), mention.start, order, mention))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[DateMention] = []
    starts: list[int] = []
    for _, start, _, mention in candidates:
        i = bisect_right(starts, start)
        if (i and chosen[i - 1].end > start) or (i < len(chosen) and chosen[i].start < mention.end):
            continue
        chosen.insert(i, mention)
        starts.insert(i, start)
    return chosen


def find_dates(text: str, published: date, *, rules: Rules | None = None) -> list[DateMention]:
    """Return the temporal expressions in ``text``, in order and without overlaps, resolved.

    Offsets are into ``text``; where two readings overlap the longer wins ("late on December 27"
    over "December 27"). ``published`` is the outlet's publication date; the date words are those
    of ``rules`` (default: the shipped rules).
    """
    return _from_day_named(_same_night(_scan(text, published, rules=rules)))


# How far back (characters) "the previous day" looks for the day it counts from: the day named
# in the same or the paragraph before, not one from the other end of the article.
DAY_NAMED_REACH = 500


def _from_day_named(mentions: list[DateMention]) -> list[DateMention]:
    """Return the mentions with "the previous day", "a day earlier", "the next day" (no anchor
    phrase of their own) counted from the day the text has just named ("On Monday, talks began.
    A day earlier, …" is Sunday), when one is named shortly before; else left unresolved."""
    out: list[DateMention] = []
    last: DateValue | None = None
    for m in mentions:
        if (
            m.kind == "anchored"
            and m.value is None
            and m.anchor is None
            and m.offset_days is not None
            and last is not None
            and m.start - last.end <= DAY_NAMED_REACH
        ):
            m = replace(m, value=resolve_anchor(m, last.value))
        if m.value is not None and m.value.precision == "day" and m.kind != "range_start":
            last = m.value
        out.append(m)
    return out


def _same_night(mentions: list[DateMention]) -> list[DateMention]:
    """Return the mentions with a bare "overnight" read as the night the article has already
    dated ("overnight from Friday to Saturday … during the overnight assault"), if it has."""
    out: list[DateMention] = []
    night: DateValue | None = None
    for m in mentions:
        words = m.text.lower()
        if m.kind == "weekday" and "night" in words and m.value is not None:
            night = m.value
        elif m.kind == "deictic" and words == "overnight" and night is not None and m.value is not None:
            m = replace(m, value=replace(night, text=m.text, start=m.start, end=m.end))
        out.append(m)
    return out


def resolve_anchor(mention: DateMention, anchor_date: date) -> DateValue:
    """Return the day of an anchored mention once its anchor event is dated (offset applied).

    Raises ValueError for a mention without a day offset ("days later"), which no anchor date
    turns into a day.
    """
    if mention.offset_days is None:
        raise ValueError(
            f"{mention.text!r} has no day offset; only anchored mentions such as 'a day before the "
            "talks' can be resolved against an anchor"
        )
    day = anchor_date + timedelta(days=mention.offset_days)
    return DateValue(day, "day", mention.text, mention.start, mention.end)
