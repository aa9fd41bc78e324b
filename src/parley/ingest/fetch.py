"""Fetching URLs with httpx: one client, robots.txt honoured, size and time capped."""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from parley.config import Settings
from parley.errors import FetchError, TooLarge

if TYPE_CHECKING:  # imported where a URL is fetched: reading local files never pays its ~0.1 s
    import httpx

# Redirect hops followed before giving up; browsers stop near 20, crawlers at 5 to 10.
MAX_REDIRECTS = 10

# robots.txt files larger than this are cut here; RFC 9309 lets crawlers stop at 500 KiB.
ROBOTS_MAX_BYTES = 500 * 1024


@dataclass(frozen=True)
class Fetched:
    """A downloaded body with the final URL (after redirects) and its content type."""

    url: str
    content_type: str | None
    body: bytes

    @property
    def charset(self) -> str | None:
        """Return the charset named in the Content-Type header, or None."""
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None


def is_url(spec: str) -> bool:
    """Return True if ``spec`` is an http(s) URL rather than a file path."""
    return spec.lower().startswith(("http://", "https://"))


class Fetcher:
    """Downloads URLs for one run, reusing one httpx client and a robots.txt cache per host."""

    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        self.settings = settings
        self._client = client
        self._owns_client = client is None
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    @property
    def client(self) -> httpx.Client:
        """Return the httpx client, creating one on first use."""
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                timeout=self.settings.fetch_timeout,
                headers={"User-Agent": self.settings.user_agent},
                follow_redirects=False,
            )
        return self._client

    def close(self) -> None:
        """Close the client if this fetcher created it."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str) -> Fetched:
        """Return the body of ``url``; raise FetchError or TooLarge when it cannot be had."""
        return self._download(url, self.settings.max_bytes, check_robots=self.settings.respect_robots)

    def _download(self, url: str, limit: int, *, check_robots: bool) -> Fetched:
        import httpx

        timeout = self.settings.fetch_timeout
        deadline = time.monotonic() + timeout
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if check_robots:
                self._check_robots(current, source=url)
            try:
                with self.client.stream(
                    "GET",
                    current,
                    headers={"User-Agent": self.settings.user_agent},
                    timeout=timeout,
                    follow_redirects=False,
                ) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        current = urljoin(current, resp.headers["location"])
                        continue
                    if resp.status_code >= 400:
                        raise _StatusError(
                            resp.status_code,
                            f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip(),
                            path=url,
                            hint=_status_hint(resp.status_code),
                        )
                    body = _read_capped(resp, url, limit, deadline, timeout)
                    return Fetched(
                        url=str(resp.url), content_type=resp.headers.get("content-type"), body=body
                    )
            except httpx.TimeoutException:
                raise _timed_out(url, timeout) from None
            except httpx.HTTPError as exc:
                raise FetchError(
                    f"could not be fetched ({type(exc).__name__}: {exc})",
                    path=url,
                    hint="check the address and the network",
                ) from None
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", path=url)

    def _check_robots(self, url: str, *, source: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError("not an http(s) URL", path=source)
        host = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(host)
        if parser is None:
            parser = self._load_robots(host, source)
            self._robots[host] = parser
        if not parser.can_fetch(self.settings.user_agent, url):
            raise FetchError(
                f"refused: {host}/robots.txt disallows {url}",
                path=source,
                hint="turn respect_robots (PARLEY_RESPECT_ROBOTS) off only with the site's permission",
            )

    def _load_robots(self, host: str, source: str) -> urllib.robotparser.RobotFileParser:
        """Return the parsed robots.txt of ``host`` following RFC 9309.

        A 4xx answer (no robots.txt) allows everything; a server error or no answer at all
        means the site cannot say what it allows, which RFC 9309 treats as disallowing all.
        """
        parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        try:
            fetched = self._download(f"{host}/robots.txt", ROBOTS_MAX_BYTES, check_robots=False)
        except TooLarge:
            parser.parse([])  # a robots.txt this big is not a real one: read it as saying nothing
            return parser
        except _StatusError as exc:
            if 400 <= exc.status < 500:
                parser.parse([])
                return parser
            raise _robots_unreadable(host, source, exc) from None
        except FetchError as exc:
            raise _robots_unreadable(host, source, exc) from None
        parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        return parser


class _StatusError(FetchError):
    """A FetchError for an HTTP error status, keeping the status for robots.txt decisions."""

    def __init__(self, status: int, message: str, *, path: str, hint: str) -> None:
        super().__init__(message, path=path, hint=hint)
        self.status = status


def _robots_unreadable(host: str, source: str, exc: FetchError) -> FetchError:
    return FetchError(
        f"robots.txt of {host} could not be read ({exc.message}), so fetching is not allowed",
        path=source,
        hint="try again later",
    )


def _read_capped(resp: httpx.Response, url: str, limit: int, deadline: float, timeout: float) -> bytes:
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(url, limit, f"the server says {int(declared):,} bytes")
    chunks: list[bytes] = []
    total = 0
    for chunk in resp.iter_bytes():
        total += len(chunk)
        if total > limit:
            raise _too_large(url, limit, "the download passed it")
        if time.monotonic() > deadline:
            raise _timed_out(url, timeout)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, limit: int, why: str) -> TooLarge:
    return TooLarge(
        f"over the limit of {limit:,} bytes ({why})",
        path=url,
        hint="raise max_bytes (PARLEY_MAX_BYTES) if the page is really that big",
    )


def _timed_out(url: str, timeout: float) -> FetchError:
    return FetchError(
        f"timed out after {timeout:g} s",
        path=url,
        hint="try again later, or raise fetch_timeout (PARLEY_FETCH_TIMEOUT)",
    )


def _status_hint(status: int) -> str:
    if status == 404 or status == 410:
        return "check the address"
    if status in (401, 403):
        return "the site refuses access to this page"
    if status == 429 or status >= 500:
        return "the server failed or is busy; try again later"
    return "check the address"
