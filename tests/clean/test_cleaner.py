"""Cleaning removes leftovers and keeps an exact map back to the raw text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.clean import clean
from parley.clean.cleaner import is_boilerplate
from parley.model import Document, OffsetMap, RawArticle, Skip
from tests.conftest import DEV

SEED = DEV / "rferl-peace-talks-2025-12-29.txt"
FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2019": "'", "\u00a0": " "})


def _words(s: str) -> list[str]:
    return s.translate(FOLD).split()


def _doc(text: str) -> Document:
    out = clean(RawArticle(source="t", kind="text", text=text))
    assert isinstance(out, Document)
    return out


def test_seed_article_loses_its_scrape_leftovers() -> None:
    raw = SEED.read_text(encoding="utf-8")
    doc = _doc(raw)
    assert "Your browser" not in doc.text
    assert "SEE ALSO" not in doc.text
    assert "We're getting a lot closer, maybe very close" in doc.text
    assert len([r for r in doc.removed if r[2] == "boilerplate"]) == 4
    # every removed span really was boilerplate in the raw text
    for start, end, _ in doc.removed:
        assert raw[start:end].startswith(("Your browser", "SEE ALSO"))


def test_quotes_and_spaces_are_normalised_with_exact_offsets() -> None:
    raw = "Trump  said  \u201cwe\u2019re   close\u201d  today, in a  statement about talks."
    doc = _doc(raw)
    assert doc.text == 'Trump said "we\'re close" today, in a statement about talks.'
    i = doc.text.index("close")
    rs, re_ = doc.offsets.span_to_raw(i, i + len("close"))
    assert raw[rs:re_] == "close"
    j = doc.text.index('"we')
    assert raw[doc.offsets.to_raw(j)] == "\u201c"


def test_front_matter_is_removed_and_offsets_count_it() -> None:
    raw = (
        "---\ntitle: T\npublished: 2025-12-29\n---\nPutin met Witkoff in Moscow on Tuesday for five hours.\n"
    )
    doc = _doc(raw)
    assert doc.text.startswith("Putin met")
    assert doc.offsets.to_raw(0) == raw.index("Putin")
    assert doc.removed[0][2] == "front matter"


def test_paragraph_breaks_survive_and_blank_runs_collapse() -> None:
    doc = _doc("First paragraph is here and long enough.\n\n\n\n  Second one follows it.  \nSame para.")
    assert doc.text == "First paragraph is here and long enough.\n\nSecond one follows it.\nSame para."


def test_nearly_empty_text_is_a_skip_with_reason() -> None:
    out = clean(RawArticle(source="t.txt", kind="text", text="SEE ALSO: something\n\n  \n"))
    assert isinstance(out, Skip)
    assert "too short" in out.reason


def test_boilerplate_patterns_do_not_eat_article_lines() -> None:
    assert is_boilerplate("Your browser doesn\u2019t support HTML5")
    assert is_boilerplate("Share on Facebook")
    assert not is_boilerplate("Ukraine will not share its intelligence with Russia, Zelenskyy said.")
    assert not is_boilerplate("Russia said it saw more advertisements for recruits.")


def test_offset_map_round_trips_through_storage() -> None:
    doc = _doc(SEED.read_text(encoding="utf-8"))
    again = OffsetMap.from_runs(doc.offsets.raw_len, doc.offsets.to_runs())
    for i in range(0, len(doc.text), 37):
        assert again.to_raw(i) == doc.offsets.to_raw(i)


_TEXT = st.lists(
    st.sampled_from(
        [*"abc XYZ\n\t\u00a0\u201c\u201d\u2019'\".,", "SEE ALSO: x\n", "\n\n", "Share on Facebook\n"]
    ),
    max_size=200,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_random_clean_spans_map_to_raw_spans_with_the_same_words(text: str, data: st.DataObject) -> None:
    raw = "Opening sentence of a test article about talks.\n" + text
    doc = _doc(raw)
    n = len(doc.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    rs, re_ = doc.offsets.span_to_raw(start, end)
    assert 0 <= rs <= re_ <= len(raw)
    clean_words, raw_words = _words(doc.text[start:end]), _words(raw[rs:re_])
    if any(rs < r_end and r_start < re_ for r_start, r_end, _ in doc.removed):
        # the span crosses a removed leftover: the raw span holds the clean words, in order, plus it
        rest = iter(raw_words)
        assert all(w in rest for w in clean_words)
    else:
        assert clean_words == raw_words


def test_real_article_spans_map_back() -> None:
    raw = SEED.read_text(encoding="utf-8")
    doc = _doc(raw)
    for m in re.finditer(r"[A-Z][a-z]+", doc.text):
        rs, re_ = doc.offsets.span_to_raw(m.start(), m.end())
        assert raw[rs:re_] == m.group(0)


def test_a_leading_date_stamp_is_metadata_not_text() -> None:
    from parley.clean import clean
    from parley.model import Document, RawArticle

    raw = " date 2025-05-07 Ceasefire talks resume in Doha\nEnvoys from both sides met on Wednesday."
    doc = clean(RawArticle(source="t", kind="text", text=raw))
    assert isinstance(doc, Document)
    assert doc.text.startswith("Ceasefire talks resume") and "2025-05-07" not in doc.text
    assert [r[2] for r in doc.removed] == ["date stamp"]
