"""Finding quoted passages by their marks, robustly: any mark style, mixed pairs, strays.

Marks are classified by what surrounds them (a mark after a space and before a letter opens,
a mark after a letter and before a space or punctuation closes), not by their glyph alone,
because scraped text pairs a curly opening mark with a straight closing one, and writes
apostrophes with the same glyph as single quotes. Pairing is done per paragraph, so an
unpaired mark costs at most its own paragraph, never the article's other quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_MARKS = frozenset('"“”„‟«»〝〞＂')
SINGLE_MARKS = frozenset("'‘’‚‛‹›")
OPEN_GLYPHS = frozenset("“„‟«‘‚‛‹〝")
CLOSE_GLYPHS = frozenset("”»’›〞")
# A mark next to one of these is at the edge of a word: before it a quotation can open,
# after it one can close.
OPEN_CONTEXT = frozenset("([{—–-/\u2026")
CLOSE_CONTEXT = frozenset(".,;:!?)]}—–\u2026")
# Trailing characters removed from a quotation: FORMAT.md keeps spans free of end punctuation
# (including a period inside the closing mark).
TRAILING_PUNCT = ".,;:!?…-–— \t\r\n" + "".join(DOUBLE_MARKS) + "".join(SINGLE_MARKS)

OPEN, CLOSE, EITHER, NONE = "open", "close", "either", "none"


@dataclass(frozen=True)
class Paragraph:
    """A non-empty line of the text: its offsets, stripped of surrounding whitespace."""

    start: int
    end: int
    index: int


@dataclass(frozen=True)
class MarkedQuote:
    """A passage between quote marks; ``continues`` when it runs on into the next paragraph."""

    start: int  # the quoted words, without marks, surrounding space or trailing punctuation
    end: int
    open_pos: int
    close_pos: int  # -1 when the paragraph (or text) ends inside the quotation
    paragraph: int
    continues: bool = False


def split_paragraphs(text: str) -> list[Paragraph]:
    """Return the non-empty lines of ``text`` as paragraphs, in order."""
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            out.append(Paragraph(start, start + len(stripped), len(out)))
        pos += len(line) + 1
    return out


def _is_space(ch: str) -> bool:
    """Return True for whitespace or the edge of the text (empty string)."""
    return ch == "" or ch.isspace()


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """Return whether the mark at ``text[i]`` opens, closes, may do either, or is no mark."""
    ch = text[i]
    left = text[i - 1] if i > lo else ""
    right = text[i + 1] if i + 1 < hi else ""
    marks = DOUBLE_MARKS | SINGLE_MARKS
    left_open = _is_space(left) or left in OPEN_CONTEXT or left in marks
    right_open = _is_space(right) or right in CLOSE_CONTEXT or right in marks
    if ch in SINGLE_MARKS and left.isalnum() and right.isalnum():
        return NONE  # an apostrophe inside a word: don't, Russia's, Kyiv’s
    if left_open and not right_open:
        return OPEN
    if right_open and not left_open:
        if ch == '"' and left.isdigit():
            return NONE  # an inch mark: a 12" gun
        return CLOSE
    if left_open and right_open:
        # A mark standing alone between spaces is a stray; next to punctuation use its glyph.
        if _is_space(left) and _is_space(right):
            return NONE
        return OPEN if ch in OPEN_GLYPHS else CLOSE if ch in CLOSE_GLYPHS else EITHER
    # Letters on both sides ("Russia's"barbarism): only the glyph can tell.
    return OPEN if ch in OPEN_GLYPHS else CLOSE if ch in CLOSE_GLYPHS else EITHER


def _pair_double(
    text: str, para: Paragraph, masked: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], int]:
    """Return the paired double marks of a paragraph and the position of an unclosed opener (-1)."""
    pairs: list[tuple[int, int]] = []
    open_pos = -1
    for i in range(para.start, para.end):
        if text[i] not in DOUBLE_MARKS or any(a <= i < b for a, b in masked):
            continue
        role = _role(text, i, para.start, para.end)
        if role == NONE:
            continue
        if open_pos < 0:
            if role in (OPEN, EITHER):
                open_pos = i
        elif role in (CLOSE, EITHER):
            pairs.append((open_pos, i))
            open_pos = -1
        else:
            open_pos = i  # two openers in a row: the first was a stray
    return pairs, open_pos


def _pair_single(text: str, para: Paragraph, masked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the paired single marks of a paragraph, outside double-quoted passages.

    A closing single mark after an ``s`` and before a space may be a plural possessive (the
    soldiers' positions), so a stronger closer later in the same quotation is preferred.
    """
    marks = []
    for i in range(para.start, para.end):
        if text[i] in SINGLE_MARKS and not any(a < i < b for a, b in masked):
            role = _role(text, i, para.start, para.end)
            if role != NONE:
                marks.append((i, role))
    pairs = []
    k = 0
    while k < len(marks):
        pos, role = marks[k]
        if role not in (OPEN, EITHER) or text[pos] in CLOSE_GLYPHS:
            k += 1
            continue
        weak = strong = -1
        j = k + 1
        while j < len(marks):
            cpos, crole = marks[j]
            if crole == OPEN:
                break
            if crole in (CLOSE, EITHER):
                after = text[cpos + 1] if cpos + 1 < para.end else ""
                possessive = text[cpos - 1] == "s" and after.isspace()
                if possessive:
                    weak = j if weak < 0 else weak
                else:
                    strong = j
                    break
            j += 1
        chosen = strong if strong >= 0 else weak
        if chosen < 0:
            k += 1
            continue
        pairs.append((pos, marks[chosen][0]))
        k = chosen + 1
    return pairs


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``start, end`` narrowed past surrounding space and trailing punctuation."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING_PUNCT:
        end -= 1
    return start, end


def _starts_with_opener(text: str, para: Paragraph) -> bool:
    """Return True when ``para`` opens with a double quote mark (a quotation continued)."""
    ch = text[para.start]
    return ch in DOUBLE_MARKS and _role(text, para.start, para.start, para.end) in (OPEN, EITHER)


def find_marked_quotes(text: str, paragraphs: list[Paragraph]) -> list[MarkedQuote]:
    """Return every passage between quote marks in ``text``, in order, nested ones dropped.

    A paragraph that ends inside a quotation continues it when the next paragraph opens
    with a mark (the newspaper convention for multi-paragraph quotes), and runs to the end
    when it is the last paragraph (a text cut off mid-quotation); otherwise its opener was a
    stray and is ignored.
    """
    found: list[MarkedQuote] = []
    for n, para in enumerate(paragraphs):
        pairs, unclosed = _pair_double(text, para, [])
        spans = [(a, b, False) for a, b in pairs]
        tail = -1
        nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        if unclosed >= 0 and (nxt is None or _starts_with_opener(text, nxt)):
            tail = unclosed
        masked = [(a, b + 1) for a, b in pairs] + ([(tail, para.end)] if tail >= 0 else [])
        singles = _pair_single(text, para, masked)
        spans += [(a, b, False) for a, b in singles]
        if tail >= 0:
            spans.append((tail, -1, nxt is not None))
        spans.sort()
        outer: list[tuple[int, int, bool]] = []
        for a, b, cont in spans:
            b_eff = para.end if b < 0 else b
            if any(a > oa and b_eff < (para.end if ob < 0 else ob) for oa, ob, _ in outer):
                continue  # nested inside another quotation: part of it, not a quote of its own
            outer.append((a, b, cont))
        for a, b, cont in outer:
            start, end = _trim(text, a + 1, para.end if b < 0 else b)
            if end > start:
                found.append(MarkedQuote(start, end, a, b, para.index, continues=cont))
    return found
