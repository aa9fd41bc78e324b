"""Removes scrape leftovers and normalises whitespace and quote marks, keeping an offset map.

Cleaning works line by line over ``RawArticle.text``: a leading front-matter block and lines
that match the boilerplate patterns (``boilerplate.toml``) are dropped; inside kept lines runs
of spaces collapse to one, typographic double quotes become ``"`` and the typographic
apostrophe ``’`` becomes ``'``; blank-line runs collapse to one paragraph break. Every character
written to the clean text is recorded in an :class:`~parley.model.OffsetMap`, so a span found
in the clean text maps back to the exact raw span it came from.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from parley.model.article import Document, OffsetMap, RawArticle, Skip

# One-for-one character replacements. Straight quotes make pairing simpler downstream; the
# replacement is 1:1 so the offset map stays a plain copy for these characters.
CHAR_MAP = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2019": "'",
    "\u02bc": "'",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\t": " ",
}
# Characters dropped outright: invisible, and they would break name matching.
DROP_CHARS = frozenset("\u00ad\u200b\u200c\u200d\ufeff")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*\r?\n)*?---[ \t]*\r?\n")
# A date stamp some page stores put before the headline (" date 2025-05-07 Operation Sindoor: …"):
# metadata, not article text, so no record may come from it.
DATE_STAMP = re.compile(r"[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]+")
# An article shorter than this (after cleaning) carries no extractable record; it is a Skip.
MIN_CLEAN_CHARS = 40


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], ...]:
    data = tomllib.loads(resources.files("parley.clean").joinpath("boilerplate.toml").read_text("utf-8"))
    return tuple(re.compile(f"(?:{entry['pattern']})", re.IGNORECASE) for entry in data["line"])


def is_boilerplate(line: str) -> bool:
    """Return True when a whole (trimmed) line is a scrape leftover."""
    stripped = line.strip()
    return bool(stripped) and any(p.fullmatch(stripped) for p in _boilerplate())


class _Builder:
    """Accumulates clean text and its offset map."""

    def __init__(self, raw_len: int) -> None:
        self.parts: list[str] = []
        self.map = OffsetMap(raw_len)

    def copy(self, raw: str, start: int, end: int) -> None:
        """Append raw[start:end] with character normalisation, space runs collapsed."""
        i = start
        while i < end:
            ch = raw[i]
            if ch in DROP_CHARS:
                i += 1
                continue
            ch = CHAR_MAP.get(ch, ch)
            if ch == " ":
                j = i + 1
                while j < end and (raw[j] in " \t" or CHAR_MAP.get(raw[j]) == " "):
                    j += 1
                self.parts.append(" ")
                if j - i == 1:
                    self.map.copy(i, 1)
                else:
                    self.map.replace(i, j)
                i = j
                continue
            # copy the longest run of characters that need no change in one go
            j = i
            while j < end and raw[j] != " " and raw[j] not in CHAR_MAP and raw[j] not in DROP_CHARS:
                j += 1
            if j > i:
                self.parts.append(raw[i:j])
                self.map.copy(i, j - i)
                i = j
            else:
                self.parts.append(ch)
                self.map.copy(i, 1)
                i += 1

    def newline(self, raw_start: int, raw_end: int) -> None:
        """Append one '\\n' standing for raw[raw_start:raw_end]."""
        self.parts.append("\n")
        if raw_end - raw_start == 1:
            self.map.copy(raw_start, 1)
        else:
            self.map.replace(raw_start, raw_end)

    def text(self) -> str:
        return "".join(self.parts)


def clean(article: RawArticle) -> Document | Skip:
    """Return the cleaned Document, or a Skip when nothing worth extracting is left."""
    raw = article.text
    removed: list[tuple[int, int, str]] = []
    pos = 0
    m = FRONT_MATTER.match(raw)
    if m:
        removed.append((0, m.end(), "front matter"))
        pos = m.end()
    stamp = DATE_STAMP.match(raw, pos)
    if stamp:
        removed.append((pos, stamp.end(), "date stamp"))
        pos = stamp.end()
    b = _Builder(len(raw))
    pending_break: tuple[int, int] | None = None  # raw span of the line break before the next kept line
    wrote_any = False
    frozen = False  # a removed line ends the break: it must not map over the removed text
    for line_match in re.finditer(r"[^\n]*(?:\n|$)", raw[pos:]):
        if not line_match.group(0):
            break
        ls, le = pos + line_match.start(), pos + line_match.end()
        body_end = le - 1 if raw[le - 1 : le] == "\n" else le
        line = raw[ls:body_end]
        if not line.strip():
            if pending_break is not None and not frozen:
                pending_break = (pending_break[0], le)
            continue
        if is_boilerplate(line):
            removed.append((ls, body_end, "boilerplate"))
            frozen = True
            continue
        # trim the line's own leading/trailing whitespace
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        if wrote_any and pending_break is not None:
            paragraph = raw.count("\n", pending_break[0], pending_break[1]) > 1
            if frozen or paragraph:
                b.newline(pending_break[0], pending_break[0] + 1)
                b.newline(pending_break[0] + 1, pending_break[1])
            else:
                b.newline(pending_break[0], pending_break[1])
        b.copy(raw, ls + lead, ls + trail)
        wrote_any = True
        frozen = False
        pending_break = (body_end, le) if le > body_end else (body_end, body_end)
    text = b.text()
    if len(text.strip()) < MIN_CLEAN_CHARS:
        return Skip(article.source, f"too short after cleaning ({len(text.strip())} characters)")
    return Document(article=article, text=text, offsets=b.map, removed=tuple(removed))
