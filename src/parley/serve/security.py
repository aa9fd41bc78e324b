"""What the server does before any route runs: security headers, and the ingest gate.

Both are plain ASGI middleware, so they act before FastAPI reads a request body:
- every response carries a strict Content-Security-Policy (scripts and styles only from this
  server; the dashboard has no inline script), ``nosniff``, ``X-Frame-Options: DENY`` and
  ``Referrer-Policy: no-referrer``;
- a request with a body is refused before the body is read when the server takes no ingest,
  when its token is missing or wrong, or when it announces more than ``MAX_BODY_BYTES``; a body
  sent without a length is counted as it arrives and cut off at the same cap.
"""

from __future__ import annotations

import hmac
import json
from typing import Any
from urllib.parse import urlsplit

# The largest request body accepted: the ingest endpoint's 2,000,000-character article, as JSON
# in which escapes (\n, \", \uXXXX) can make the body up to a few times longer than the text.
MAX_BODY_BYTES = 8_000_000
# The one route that takes a body, and only with the server's ingest token.
INGEST_PATH = "/api/ingest"

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        # style attributes position the timeline's dots and ticks; no style sheet comes from elsewhere
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    )
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def http_url(value: object) -> str | None:
    """Return ``value`` if it is an http(s) URL fit to be a link, else None (``javascript:``, ``data:``…)."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


class SecurityHeaders:
    """ASGI middleware: add the security headers to every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [h for h in HEADERS if h[0] not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyGate:
    """ASGI middleware: refuse a request body before reading it (no ingest, bad token, too large).

    GET, HEAD and OPTIONS pass untouched; other methods on other paths only meet the size cap, and
    the router answers them (405 or 404) as before.
    """

    def __init__(self, app: Any, token: str | None, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.token = token
        self.max_bytes = max_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        refusal = self._refusal(scope["path"], headers)
        if refusal is not None:
            await _error(send, *refusal)
            return
        seen = 0

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message: dict[str, Any] = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise _TooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge:
            await _error(send, 413, "too_large", f"request body over {self.max_bytes:,} bytes")

    def _refusal(self, path: str, headers: dict[bytes, bytes]) -> tuple[int, str, str] | None:
        if path.rstrip("/") == INGEST_PATH:  # the one route that takes a body; others meet the cap only
            denied = token_refusal(self.token, headers.get(b"authorization", b"").decode("latin-1"))
            if denied is not None:
                return denied
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            return 413, "too_large", f"request body of {int(length):,} bytes is over {self.max_bytes:,} bytes"
        return None


def token_refusal(token: str | None, authorization: str | None) -> tuple[int, str, str] | None:
    """Return (status, code, message) when a request may not ingest: no token configured (403) or a
    missing or wrong one (401, compared in constant time); None when the token is right."""
    if not token:
        return 403, "ingest_disabled", "this server is read-only; start it with an ingest token to ingest"
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        return 401, "unauthorized", "missing or wrong token; send `Authorization: Bearer <token>`"
    return None


class _TooLarge(Exception):
    """A body sent without a length grew past the cap while it was read."""


async def _error(send: Any, status: int, code: str, message: str) -> None:
    """Send the API's one error shape, with the connection closed (the unread body is dropped)."""
    body = json.dumps({"error": {"status": status, "code": code, "message": message, "details": []}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
