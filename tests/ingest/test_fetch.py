"""URLs against a local threaded HTTP server: pages, robots.txt, errors, time-outs, size caps."""

from __future__ import annotations

import socket
from dataclasses import replace
from datetime import date

import httpx

from parley.config import Settings
from parley.ingest import read_inputs
from parley.model.article import Failure, RawArticle

from .conftest import PAGE, Site, page


def fetch_one(url: str, settings: Settings, **kwargs: object) -> RawArticle | Failure:
    items = list(read_inputs([url], settings, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def failed(item: RawArticle | Failure, url: str, reason: str, *parts: str) -> None:
    assert isinstance(item, Failure), item
    assert item.reason == reason, item
    assert item.source == url and item.message.startswith(f"{url}: ")
    for part in parts:
        assert part in item.message, item.message


def test_html_page_by_url(site: Site, settings: Settings) -> None:
    url = site.add("/news/geneva", PAGE)
    art = fetch_one(url, settings)
    assert isinstance(art, RawArticle), art
    assert art.kind == "html" and art.source == url
    assert art.meta.url == url and art.meta.published == date(2025, 12, 29)
    assert "met on Monday in Geneva" in art.text
    assert site.requests[-1] == ("/news/geneva", settings.user_agent)
    assert site.hits("/robots.txt") == 1  # 404: no robots.txt, everything allowed


def test_robots_txt_disallow_is_refused_and_cached(site: Site, settings: Settings) -> None:
    site.add("/robots.txt", b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    secret = site.add("/private/memo", page("Internal memo", "Not for crawlers."))
    public = site.add("/public", page("Open letter", "Anyone may read this letter about the truce."))
    items = list(read_inputs([secret, public], settings))
    failed(items[0], secret, "fetch failed", "robots.txt disallows")
    assert isinstance(items[1], RawArticle)
    assert site.hits("/private/memo") == 0
    assert site.hits("/robots.txt") == 1
    allowed = fetch_one(secret, replace(settings, respect_robots=False))
    assert isinstance(allowed, RawArticle)


def test_robots_txt_server_error_disallows(site: Site, settings: Settings) -> None:
    site.add("/robots.txt", b"oops", status=503, content_type="text/plain")
    url = site.add("/story", PAGE)
    failed(fetch_one(url, settings), url, "fetch failed", "robots.txt", "HTTP 503")
    assert site.hits("/story") == 0


def test_http_errors(site: Site, settings: Settings) -> None:
    missing = site.url("/gone")
    boom = site.add("/boom", b"server error", status=500, content_type="text/plain")
    failed(fetch_one(missing, settings), missing, "fetch failed", "HTTP 404 Not Found", "check the address")
    failed(fetch_one(boom, settings), boom, "fetch failed", "HTTP 500", "try again later")


def test_connection_refused(settings: Settings) -> None:
    with socket.socket() as sock:  # a port that was just free, and is closed again
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    failed(
        fetch_one(url, replace(settings, respect_robots=False)), url, "fetch failed", "could not be fetched"
    )


def test_slow_endpoint_times_out(site: Site, settings: Settings) -> None:
    url = site.add("/slow", PAGE, delay=1.5)
    failed(fetch_one(url, replace(settings, fetch_timeout=0.3)), url, "fetch failed", "timed out after 0.3 s")


def test_trickling_endpoint_hits_the_overall_deadline(site: Site, settings: Settings) -> None:
    url = site.add("/trickle", PAGE, trickle=0.15)  # every chunk is quick; the whole is not
    failed(fetch_one(url, replace(settings, fetch_timeout=0.5)), url, "fetch failed", "timed out")


def test_oversize_download(site: Site, settings: Settings) -> None:
    big = b"<html><body>" + b"<p>filler words</p>" * 20_000 + b"</body></html>"
    declared = site.add("/big", big)
    undeclared = site.add("/big-chunked", big, send_length=False)
    failed(fetch_one(declared, settings), declared, "too large", "200,000 bytes", "the server says")
    failed(fetch_one(undeclared, settings), undeclared, "too large", "the download passed it")


def test_redirect_followed_and_caller_client_used(site: Site, settings: Settings) -> None:
    target = site.add("/final", PAGE)
    start = site.add("/start", b"", status=302, headers={"Location": "/final"})
    with httpx.Client() as client:
        art = fetch_one(start, settings, client=client)
        assert not client.is_closed  # a client the caller passed is the caller's to close
    assert isinstance(art, RawArticle), art
    assert art.meta.url == target
    assert site.requests[-1] == ("/final", settings.user_agent)
