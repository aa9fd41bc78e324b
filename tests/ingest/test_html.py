"""HTML files: trafilatura main text, page metadata, and the empty / malformed cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.config import Settings
from parley.ingest import read_inputs
from parley.model.article import Failure, RawArticle

from .conftest import PAGE


def read_one(path: Path, settings: Settings) -> RawArticle | Failure:
    items = list(read_inputs([str(path)], settings))
    assert len(items) == 1
    return items[0]


def test_html_main_text_and_metadata(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "geneva.html"
    path.write_bytes(PAGE)
    art = read_one(path, settings)
    assert isinstance(art, RawArticle), art
    assert art.kind == "html"
    assert art.raw == PAGE
    assert "met on Monday in Geneva" in art.text
    assert "second round would follow" in art.text
    assert "All rights reserved" not in art.text  # boilerplate is not main text
    assert art.meta.title == "Envoys meet in Geneva to discuss ceasefire"
    assert art.meta.outlet == "Lakeside Wire"
    assert art.meta.published == date(2025, 12, 29)
    assert art.meta.language == "en"


def test_html_sniffed_without_extension_and_fragment(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "saved_page").write_bytes(PAGE)
    (tmp_path / "frag.html").write_text("<p>Aid convoys crossed the border at dawn.</p>", encoding="utf-8")
    page = read_one(tmp_path / "saved_page", settings)
    frag = read_one(tmp_path / "frag.html", settings)
    assert isinstance(page, RawArticle) and page.kind == "html"
    assert isinstance(frag, RawArticle) and frag.text == "Aid convoys crossed the border at dawn."


def test_page_without_main_text_is_empty(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "shell.html"
    path.write_text(
        "<html><head><title>Loading</title><script>var app = 'render everything on the client';</script>"
        "</head><body></body></html>",
        encoding="utf-8",
    )
    item = read_one(path, settings)
    assert isinstance(item, Failure), item
    assert item.reason == "empty"
    assert item.message == f"{path}: no main text found in the page (only a title, menus or scripts)"


def test_broken_html_that_loses_its_text_is_malformed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><!-- <p>Both armies agreed to pull back heavy weapons by Friday, the monitors said.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    item = read_one(path, settings)
    assert isinstance(item, Failure), item
    assert item.reason == "malformed"
    assert "HTML is broken" in item.message and item.message.startswith(f"{path}: ")


def test_html_file_without_markup_is_malformed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "notes.html"
    path.write_text("Just some words about the truce, no markup at all.\n", encoding="utf-8")
    item = read_one(path, settings)
    assert isinstance(item, Failure), item
    assert item.reason == "malformed"
    assert item.message == f"{path}: not HTML: no markup found; pass --format text to read it as plain text"
