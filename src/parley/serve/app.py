"""The web application: ``create_app(settings)`` builds the FastAPI app (API, dashboard, static files).

Nothing is built at import time. The app reads through its own engine, opened read-only
(``PRAGMA query_only`` on SQLite) and with a time budget per statement, so a costly query fails
with a 503 instead of tying up a worker. Writing happens only through the ingest endpoint, and
only when an ingest token is configured.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import AsyncIterator, Callable, Hashable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine

from parley.config import Settings
from parley.errors import StoreError
from parley.serve.security import BodyGate, SecurityHeaders, http_url
from parley.serve.templating import page_templates
from parley.store.db import make_engine

if TYPE_CHECKING:
    from parley.extract.extractor import Extractor

T = TypeVar("T")

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

# Page sizes: 50 rows fill a screen of the dashboard; 500 is the most one API call returns, so one
# request reads at most a few hundred kilobytes however it is called.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500

# Offset pagination reads and discards `offset` rows; past 100,000 a page would cost as much as an
# export, which is the right tool then.
MAX_OFFSET = 100_000

# A statement that runs longer than this is interrupted (HTTP 503). Every dashboard query on the
# 100k-event benchmark store takes well under 0.5 s, so 5 s only stops pathological requests.
QUERY_TIME_LIMIT_S = 5.0

# SQLite calls the progress handler every this many virtual-machine instructions: frequent enough
# to stop within milliseconds of the deadline, rare enough to cost nothing measurable.
PROGRESS_EVERY_OPS = 10_000

# SQLite reads the store through a memory map of up to this many bytes: every read connection of
# every worker shares the operating system's cached pages instead of copying them into its own
# 2 MB page cache, which a request touching events, quotes, claims and positions overflowed (an
# actor's page re-read pages it had just read). On the benchmark mix: 10% less CPU per request.
READ_MMAP_BYTES = 1 << 30

# Exports stream in chunks of this many rows and stop at EXPORT_MAX_ROWS: enough for the 100k-event
# benchmark store in one file, and a Parquet file (built in memory) of that size stays under ~50 MB.
EXPORT_CHUNK = 2_000
EXPORT_MAX_ROWS = 200_000

# The map shows at most this many events and this many claims; Leaflet draws a few thousand circle
# markers smoothly on a laptop, beyond that the page becomes sluggish.
MAP_MAX_POINTS = 2_000

# How long a process serves a store-wide aggregate before refreshing it in the background
# (parley.serve.app.AppState.memo): the counts behind the actor and place lists, the filter menus
# and the map. Each is a full pass over the events (60-150 ms at 100k events: the schema has no
# index on events.place_id), and a dashboard showing counts up to 30 s old while an ingest runs
# misleads no one. The map and the timeline's per-month counts use 10 s, as a user who ingests and
# then opens them expects to see the new events soon.
COUNTS_TTL_S = 30.0
MAP_COUNTS_TTL_S = 10.0

# Aggregates kept per process: one per distinct map filter set, so arbitrary date ranges cannot
# grow the memory without bound (each entry holds at most a few thousand small tuples).
MEMO_MAX_ENTRIES = 256

# The largest article body the ingest endpoint accepts (bytes), as for a file given to `parley ingest`.
INGEST_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class ServeOptions:
    """Options of the web server that are not store settings."""

    ingest_token: str | None = None  # None: the ingest endpoint answers 403
    query_time_limit: float = QUERY_TIME_LIMIT_S


def _install_query_budget(engine: Engine, limit_s: float) -> None:
    """Make every statement on ``engine`` fail once it has run longer than ``limit_s`` (SQLite only)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        box = [math.inf]  # the running statement's deadline (monotonic seconds)
        record.info["deadline"] = box
        dbapi_conn.set_progress_handler(lambda: 1 if time.monotonic() > box[0] else 0, PROGRESS_EVERY_OPS)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA query_only=ON")  # the read engine can never write, whatever a bug asks
        cur.execute(f"PRAGMA mmap_size={READ_MMAP_BYTES}")
        cur.close()

    @event.listens_for(engine, "before_cursor_execute")
    def _on_execute(conn: Connection, *_args: Any) -> None:
        box = conn.info.get("deadline")
        if box is not None:
            box[0] = time.monotonic() + limit_s

    def _clear(conn: Connection, *_args: Any) -> None:
        box = conn.info.get("deadline")
        if box is not None:
            box[0] = math.inf  # never interrupt the end of a transaction

    event.listen(engine, "rollback", _clear)
    event.listen(engine, "commit", _clear)


def open_read_engine(settings: Settings, options: ServeOptions) -> Engine:
    """Return the read-only engine for the store in ``settings.db``; the store must exist already.

    SQLite opens the file with ``mode=ro`` and sets no journal mode, so serving never changes the
    file (a store in rollback-journal mode stays in it, and gains no -wal/-shm files).
    """
    engine = make_engine(settings.db, read_only=True)
    if engine.dialect.name == "sqlite":
        _install_query_budget(engine, options.query_time_limit)
    if not inspect(engine).has_table("articles"):
        engine.dispose()
        raise StoreError(
            "not a Parley database (no articles table)",
            path=settings.db,
            hint="run `parley ingest FILES --db FILE` to build one",
        )
    return engine


class DropEmptyParams:
    """ASGI middleware: drop empty query parameters (``?type=&actor=Q159``), which HTML forms send for
    every unset filter, so that an empty field means "no filter" and never fails validation."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = [
                p for p in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True) if p[1]
            ]
            scope = dict(scope, query_string=urlencode(pairs).encode("latin-1"))
        await self.app(scope, receive, send)


class AppState:
    """What the routes share: the read engine, templates, options, and the lazily built ingest parts."""

    def __init__(
        self, settings: Settings, options: ServeOptions, engine: Engine, extractor: Extractor | None
    ) -> None:
        self.settings = settings
        self.options = options
        self.engine = engine
        self.templates = page_templates(TEMPLATES)
        self.templates.env.filters["http_url"] = http_url  # only http(s) URLs become links
        self.ingest_lock = threading.Lock()  # one writer at a time; readers never wait in WAL mode
        self._extractor = extractor
        self._memo: dict[Hashable, tuple[float, Any]] = {}
        self._memo_lock = threading.Lock()
        self._refreshing: set[Hashable] = set()

    def memo(self, key: Hashable, ttl_s: float, compute: Callable[[Connection], T], conn: Connection) -> T:
        """Return ``compute(conn)``, reusing its result for ``key``; refresh it once ``ttl_s`` have passed.

        For store-wide aggregates (counts per actor, per place, per map cell) that a full pass over
        a table computes and that change only as fast as an ingest adds articles. Only the first
        request computes in line; once a result is older than ``ttl_s``, requests keep getting it
        while one background thread recomputes it on its own connection, so no request waits for a
        full pass again. Each process keeps its own, at most MEMO_MAX_ENTRIES.
        """
        now = time.monotonic()
        with self._memo_lock:
            hit = self._memo.get(key)
            stale = hit is not None and now - hit[0] > ttl_s and key not in self._refreshing
            if stale:
                self._refreshing.add(key)
        if hit is None:
            value = compute(conn)
            self._store(key, value, ttl_s)
            return value
        if stale:
            threading.Thread(target=self._refresh, args=(key, ttl_s, compute), daemon=True).start()
        cached: T = hit[1]
        return cached

    def _refresh(self, key: Hashable, ttl_s: float, compute: Callable[[Connection], Any]) -> None:
        """Recompute one memoised aggregate on a connection of its own (in a background thread)."""
        try:
            with self.engine.connect() as conn:
                self._store(key, compute(conn), ttl_s)
        except Exception:  # the old value stays; the next request past the TTL tries again
            logging.getLogger(__name__).warning("refreshing %r failed", key, exc_info=True)
        finally:
            with self._memo_lock:
                self._refreshing.discard(key)

    def _store(self, key: Hashable, value: Any, ttl_s: float) -> None:
        """Keep ``value`` for ``key``, dropping expired and then the oldest entries beyond the cap."""
        now = time.monotonic()
        with self._memo_lock:
            if len(self._memo) >= MEMO_MAX_ENTRIES:
                self._memo = {k: v for k, v in self._memo.items() if now - v[0] <= ttl_s}
                while len(self._memo) >= MEMO_MAX_ENTRIES:
                    self._memo.pop(next(iter(self._memo)))  # the oldest insertion
            self._memo[key] = (now, value)

    def extractor(self) -> Extractor:
        """Return the extractor, loading the models on first use (only ingest needs them)."""
        if self._extractor is None:
            from parley.extract.extractor import Extractor

            self._extractor = Extractor(self.settings)
        return self._extractor


def state_of(request: Request) -> AppState:
    """Return the app's shared state."""
    st: AppState = request.app.state.parley
    return st


def connection(request: Request) -> Iterator[Connection]:
    """Yield one read connection for a request (one snapshot: counts and rows agree)."""
    with state_of(request).engine.connect() as conn:
        yield conn


def create_app(
    settings: Settings, options: ServeOptions | None = None, *, extractor: Extractor | None = None
) -> FastAPI:
    """Return the Parley web app reading the store named in ``settings``.

    ``extractor`` lets a caller that already loaded the models share them with the ingest endpoint.
    """
    from parley.serve import api, dashboard, errors, story_routes

    options = options or ServeOptions()
    engine = open_read_engine(settings, options)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # served below from vendored files: the default page loads Swagger UI from a CDN
        redoc_url=None,
        title="Parley",
        version=_version(),
        summary="A sourced, structured record of conflict and diplomacy news.",
        description=(
            "Read-only JSON API over a Parley store: articles with their records and evidence, events, "
            "quotes, claims, positions, actors and places, with filters, full-text search, stable "
            "pagination and exports. Every error has the same shape: "
            '`{"error": {"status", "code", "message", "details"}}`.'
        ),
    )
    app.state.parley = AppState(settings, options, engine, extractor)
    errors.install(app)
    app.add_middleware(DropEmptyParams)
    app.add_middleware(BodyGate, token=options.ingest_token)
    app.add_middleware(SecurityHeaders)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        return state_of(request).templates.TemplateResponse(request, "docs.html", {})

    app.include_router(api.router)
    app.include_router(story_routes.router)
    app.include_router(dashboard.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    return app


# The environment variable that carries the ingest token to worker processes (as for `parley serve`).
INGEST_TOKEN_ENV = "PARLEY_INGEST_TOKEN"


def settings_to_env(settings: Settings) -> dict[str, str]:
    """Return the PARLEY_* environment variables from which ``Settings.from_env`` rebuilds ``settings``."""
    from dataclasses import fields

    return {f"PARLEY_{f.name.upper()}": str(getattr(settings, f.name)) for f in fields(settings)}


def app_from_env() -> FastAPI:
    """Return the app for the settings in the PARLEY_* environment variables (uvicorn's factory).

    ``parley serve --workers N`` starts N processes; each imports this factory and builds its own
    app and read engine, since neither can cross a process boundary.
    """
    token = os.environ.get(INGEST_TOKEN_ENV) or None
    return create_app(Settings.from_env(), ServeOptions(ingest_token=token))


def _version() -> str:
    """Return Parley's installed version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("parley")
    except PackageNotFoundError:
        return "0"
