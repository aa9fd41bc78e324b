"""Reading a plan file: the header, the preamble and the numbered points, with their offsets.

A plan is a list of numbered points in plain text or Markdown. The parser accepts the usual
ways of numbering them::

    1. text        1) text        (1) text        Point 1: text        Article 1. text
    ## 1. Title    **1.** text    1\\. text        (Markdown headings, bold, escaped dots)

A point runs until the next point. Its continuation lines, sub-bullets ("-", "•", "a)",
"(i)") and indented numbered sub-lists belong to it, blank lines included; a Markdown
heading or a horizontal rule ends it. Text before the first point is the preamble. A first
line of the form ``# <name> — <description>; party: <P>; date: <YYYY-MM-DD>`` (or a
``---`` front-matter block with ``name``/``party``/``date``) gives the plan's details.

A number is a new point only when it continues the list: the next number in any style, or a
higher number in the style of the first point, at the first point's indentation. Anything
else is read as part of the point before it and said so in ``notes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from parley.errors import MalformedInput

# A line indented by at most this many more characters than the first point is still at the
# top level: hand-typed summaries drift by a space, while Markdown nests sub-lists by 2-4.
INDENT_SLACK = 1
# Point numbers have at most this many digits; a four-digit number opening a line is a year
# ("2025. The talks ..."), never a point.
MAX_POINT_DIGITS = 3
# The header line is read for details only when it is this short; a long first line is prose.
MAX_HEADER_CHARS = 300

_BOLD = r"(?:\*\*|__)?"
_MARKER = re.compile(
    rf"""
    (?P<indent>\ufeff?[ \t]*)
    (?P<heading>\#{{1,6}}[ \t]+)?
    {_BOLD}
    (?P<label>
        (?P<word>point|item|article|clause)[ \t]+(?P<n_word>\d{{1,{MAX_POINT_DIGITS}}}){_BOLD}[ \t]*[:.)\-–—]
      | \((?P<n_enclosed>\d{{1,{MAX_POINT_DIGITS}}})\)
      | (?P<n_plain>\d{{1,{MAX_POINT_DIGITS}}})\\?(?P<closer>[.)])(?!\d)
    )
    {_BOLD}
    (?:[ \t]+|$)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_BULLET = re.compile(r"[ \t]*(?:[-*+•‣◦▪–]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|\([a-z]\)|\([ivx]{1,4}\))[ \t]+")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(?P<title>.*\S)")
_RULE = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*")
_FIELD = re.compile(r"[ \t]*(?P<key>name|party|date)[ \t]*:[ \t]*(?P<value>.*\S)", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r"[ \t]+(?:—|–|--|-)[ \t]+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class RawPoint:
    """A point as found in the text, before issues and figures are read from it."""

    number: int
    label: str
    text: str
    start: int
    end: int
    section: str | None


@dataclass
class ParsedPlan:
    """What the parser read from a plan file: details from its header, preamble, points, notes."""

    fields: dict[str, str] = field(default_factory=dict)  # name / party / date from the header
    preamble: str | None = None
    points: list[RawPoint] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Open:
    """The point being read: its marker and the pieces of text collected so far."""

    number: int
    label: str
    style: str
    start: int
    end: int
    section: str | None
    line: int
    pieces: list[tuple[str, bool]] = field(default_factory=list)  # (text, is a sub-bullet)


def plain(text: str) -> str:
    """Return ``text`` without Markdown links, bold and code marks, whitespace collapsed."""
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text).replace("\\.", ".")
    return _SPACES.sub(" ", text).strip()


def parse_header(line: str) -> dict[str, str]:
    """Return the name, party and date given by a header line ("# Name — note; party: X; date: D")."""
    out: dict[str, str] = {}
    title = _HEADING.fullmatch(line.rstrip())
    if title is None or len(line) > MAX_HEADER_CHARS:
        return out
    segments = title.group("title").split(";")
    for seg in segments[1:]:
        m = _FIELD.fullmatch(seg)
        if m:
            out[m.group("key").lower()] = m.group("value").strip()
    first = _FIELD.fullmatch(segments[0])
    if first:
        out[first.group("key").lower()] = first.group("value").strip()
    else:
        name = plain(_TITLE_SPLIT.split(segments[0], maxsplit=1)[0])
        if name:
            out.setdefault("name", name)
    return out


def _marker_style(m: re.Match[str]) -> str:
    """Return the numbering style of a marker: "dot", "paren", "enclosed" or the lead word."""
    if m.group("word"):
        return m.group("word").lower()
    if m.group("n_enclosed"):
        return "enclosed"
    return "dot" if m.group("closer") == "." else "paren"


def _marker_number(m: re.Match[str]) -> int:
    """Return the point number a marker carries."""
    return int(m.group("n_word") or m.group("n_enclosed") or m.group("n_plain"))


def _join(pieces: list[tuple[str, bool]]) -> str:
    """Return the pieces of a point as one line; sub-bullets are separated by semicolons."""
    out = ""
    for text, bullet in pieces:
        if not text:
            continue
        if not out:
            out = text
        elif bullet and not out.endswith((":", ";", ",")):
            out = f"{out.rstrip('.')}; {text}"
        else:
            out = f"{out} {text}"
    return out


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Return (line number, offset, line) for each line of ``text``, line endings removed."""
    out, pos = [], 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        out.append((number, pos, raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def parse_plan_text(text: str, source: str = "<text>") -> ParsedPlan:
    """Return the header details, preamble and numbered points of a plan's text.

    Raises MalformedInput (naming ``source``) when the text holds no numbered point.
    """
    from parley.ingest.text import split_front_matter

    parsed = ParsedPlan()
    front, body_start = split_front_matter(text, source)
    parsed.fields.update({k.lower(): v for k, v in front.items() if k.lower() in ("name", "party", "date")})
    lines = [entry for entry in _lines(text) if entry[1] >= body_start]
    first_content = next((i for i, (_, _, line) in enumerate(lines) if line.strip()), None)
    if first_content is not None and not _MARKER.match(lines[first_content][2]):
        header = parse_header(lines[first_content][2])
        if header:
            for key, value in header.items():
                parsed.fields.setdefault(key, value)
            lines = lines[first_content + 1 :]

    preamble: list[str] = []
    section: str | None = None
    current: _Open | None = None
    base_indent, base_style = 0, ""

    def finish() -> None:
        nonlocal current
        if current is None:
            return
        body = _join(current.pieces)
        if body:
            parsed.points.append(RawPoint(current.number, current.label, body, current.start, current.end,
                                          current.section))  # fmt: skip
        else:
            parsed.notes.append(f"line {current.line}: point {current.label} has no text; left out")
        current = None

    for number_of_line, offset, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        m = _MARKER.match(line)
        if m is not None:
            n, style, indent = _marker_number(m), _marker_style(m), len(m.group("indent").expandtabs(4))
            label = plain(m.group("label"))
            top = current is None and not parsed.points
            last = _last_number(parsed, current)
            continues = (
                not top
                and indent <= base_indent + INDENT_SLACK
                and (n == last + 1 or (style == base_style and n > last))
            )
            if top or continues:
                finish()
                if top:
                    base_indent, base_style = indent, style
                rest = line[m.end() :]
                current = _Open(n, label, style, offset + len(m.group("indent")), offset + len(line.rstrip()),
                                section, number_of_line, [(plain(rest), False)])  # fmt: skip
                continue
            if current is not None and indent <= base_indent + INDENT_SLACK and style == base_style:
                parsed.notes.append(
                    f"line {number_of_line}: {label} does not continue the numbering after "
                    f"{current.label}; read as part of point {current.label}"
                )
        heading = _HEADING.fullmatch(line)
        if heading is not None or _RULE.fullmatch(line):
            finish()
            if heading is not None:
                section = plain(heading.group("title"))
            continue
        if current is None:
            # before the first point: preamble; between sections: no point's (Plan.text keeps it)
            if not parsed.points:
                preamble.append(plain(line))
            continue
        bullet = _BULLET.match(line)
        piece = plain(line[bullet.end() :]) if bullet else plain(line)
        current.pieces.append((piece, bullet is not None))
        current.end = offset + len(line.rstrip())
    finish()
    if not parsed.points:
        raise MalformedInput(
            "no numbered points found",
            path=source,
            hint='write one point per line, numbered "1.", "1)", "(1)" or "Point 1:"',
        )
    parsed.preamble = " ".join(p for p in preamble if p) or None
    return parsed


def _last_number(parsed: ParsedPlan, current: _Open | None) -> int:
    """Return the number of the point read last (the open one, else the last finished)."""
    if current is not None:
        return current.number
    return parsed.points[-1].number if parsed.points else 0


def read_plan_text(path: Path, *, max_bytes: int) -> str:
    """Return the decoded text of a plan file; raise an InputError naming it when it is unusable.

    Empty, binary, undecodable, missing or oversized files are refused with one-line errors.
    """
    from parley.ingest.files import decode_text, file_size, read_bytes

    source = str(path)
    file_size(path, max_bytes)
    return decode_text(read_bytes(path, max_bytes), source)
