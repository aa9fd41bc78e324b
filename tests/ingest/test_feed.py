"""RSS and Atom feeds, from a file and by URL, with item pages served locally."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.config import Settings
from parley.ingest import read_inputs
from parley.model.article import Failure, RawArticle

from .conftest import Site, page


def rss(site: Site, *, with_missing: bool = True) -> bytes:
    site.add("/a1", page("Ceasefire talks open", "Delegations arrived in the capital for the first round."))
    site.add(
        "/a2", page("Second round ends early", "The second round ended a day early without a statement.")
    )
    items = [
        ("Talks open", site.url("/a1"), "Mon, 29 Dec 2025 08:00:00 +0000", "guid-1"),
        ("Second round", site.url("/a2"), "Tue, 30 Dec 2025 18:00:00 +0000", "guid-2"),
    ]
    if with_missing:
        items.insert(1, ("Lost page", site.url("/missing"), "Mon, 29 Dec 2025 12:00:00 +0000", "guid-x"))
    xml = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate><guid>{g}</guid></item>"
        for t, link, d, g in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>'
        f"<link>{site.base}</link><language>en-gb</language>{xml}"
        "<item><title>No link here</title></item></channel></rss>"
    ).encode()


def test_feed_file_fetches_each_item(tmp_path: Path, site: Site, settings: Settings) -> None:
    path = tmp_path / "news.rss"
    path.write_bytes(rss(site))
    items = list(read_inputs([str(path)], settings))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Failure", "RawArticle", "Failure"]
    first, missing, second, linkless = items
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.kind == "feed" and first.source == site.url("/a1")
    assert first.text.endswith("Delegations arrived in the capital for the first round.")
    assert first.meta.title == "Ceasefire talks open"  # the page's own title comes first
    assert first.meta.outlet == "Harbour Post"  # the page names none: the feed title fills it
    assert first.meta.published == date(2025, 12, 29)
    assert first.meta.language == "en"
    assert first.external_id == "guid-1"
    assert second.meta.published == date(2025, 12, 30)
    assert isinstance(missing, Failure) and missing.reason == "fetch failed"
    assert missing.source == site.url("/missing") and "HTTP 404" in missing.message
    assert isinstance(linkless, Failure) and linkless.reason == "malformed"
    assert linkless.source == f"{path}#item-4" and "has no link" in linkless.message


def test_feed_by_url_and_atom(site: Site, settings: Settings) -> None:
    url = site.add("/feed", rss(site, with_missing=False), content_type="application/rss+xml")
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Desk</title><id>urn:x</id><updated>2025-12-29T00:00:00Z</updated>"
        f'<entry><title>Talks</title><link href="{site.url("/a1")}"/><id>urn:e1</id>'
        "<updated>2025-12-28T22:00:00Z</updated></entry></feed>"
    ).encode()
    atom_url = site.add("/atom", atom, content_type="application/atom+xml")
    items = list(read_inputs([url, atom_url], settings))
    assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle", "Failure", "RawArticle"]
    last = items[-1]
    assert isinstance(last, RawArticle)
    assert last.meta.outlet == "Atom Desk" and last.meta.published == date(2025, 12, 28)
    assert last.external_id == "urn:e1"


def test_feed_url_404(site: Site, settings: Settings) -> None:
    url = site.url("/no-feed.xml")
    items = list(read_inputs([url], settings, fmt="feed"))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].reason == "fetch failed"
    assert items[0].message == f"{url}: HTTP 404 Not Found; check the address"


def test_not_a_feed(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "rss.xml"
    path.write_text("<html><body><p>A page, not a feed.</p></body></html>", encoding="utf-8")
    items = list(read_inputs([str(path)], settings, fmt="feed"))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].reason == "malformed"
    assert items[0].message == (
        f"{path}: not a feed (no <rss> or <feed> element); pass --format html to read it as a page"
    )


def test_broken_and_empty_feeds(tmp_path: Path, settings: Settings) -> None:
    broken = tmp_path / "broken.rss"
    broken.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>X</ti', encoding="utf-8")
    empty = tmp_path / "empty.rss"
    empty.write_text(
        '<rss version="2.0"><channel><title>Quiet Desk</title></channel></rss>', encoding="utf-8"
    )
    got = {i.source: i for i in read_inputs([str(broken), str(empty)], settings)}
    assert isinstance(got[str(broken)], Failure) and got[str(broken)].reason == "malformed"  # type: ignore[union-attr]
    assert "feed XML is broken" in got[str(broken)].message  # type: ignore[union-attr]
    assert isinstance(got[str(empty)], Failure) and got[str(empty)].reason == "empty"  # type: ignore[union-attr]
