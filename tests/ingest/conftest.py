"""A local HTTP server on 127.0.0.1 for the ingest tests, with routes each test can add."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parley.config import Settings

PAGE = b"""<!doctype html>
<html lang="en-GB"><head><title>Envoys meet in Geneva to discuss ceasefire</title>
<meta property="og:site_name" content="Lakeside Wire">
<meta property="article:published_time" content="2025-12-29T09:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Envoys meet in Geneva to discuss ceasefire</h1>
<p>Negotiators from both sides met on Monday in Geneva to talk about extending the ceasefire
along the northern front.</p>
<p>A mediator said the talks were constructive and that a second round would follow next week
if the truce holds.</p>
</article><footer>All rights reserved</footer></body></html>
"""


def page(headline: str, body: str) -> bytes:
    """Return a small HTML page with a headline and one paragraph, without any date."""
    return (
        f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
        f"<p>{body}</p></article></body></html>"
    ).encode()


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering
    trickle: float = 0.0  # seconds between 100-byte chunks of the body
    headers: dict[str, str] = field(default_factory=dict)
    send_length: bool = True


@dataclass
class Site:
    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, str]]  # (path, user agent) of every request, in order

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes = b"", **kwargs: object) -> str:
        self.routes[path] = Route(body=body, **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@pytest.fixture
def site() -> Iterator[Site]:
    """Serve routes from a dict on 127.0.0.1 (port 0) in a thread; unknown paths give 404."""
    routes: dict[str, Route] = {}
    requests: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the name http.server calls
            requests.append((self.path, self.headers.get("User-Agent", "")))
            route = routes.get(self.path, Route(status=404, body=b"not here", content_type="text/plain"))
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if route.trickle:
                    for i in range(0, len(route.body), 100):
                        self.wfile.write(route.body[i : i + 100])
                        self.wfile.flush()
                        time.sleep(route.trickle)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout, size cap): that is what the test wanted

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}", routes, requests)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def settings() -> Settings:
    """Return settings with short time-outs and a small size cap, so the tests run fast."""
    return Settings(fetch_timeout=2.0, max_bytes=200_000)
