"""Fixtures of the serve tests: a real store built by the real pipeline, the app, and a live server.

The store is built once per session from a few of the bundled sample articles with the real
extractor (spaCy), so every route is exercised on records the pipeline really produces.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# The sample articles ingested for the tests: together they hold asserted and claimed events with
# places in Ukraine and Russia, claims with every status, quotes and positions.
SAMPLE_ARTICLES = (
    "2025-12-01-russia-claims-pokrovsk-vovchansk.txt",
    "2025-12-16-berlin-talks-article5-guarantees.txt",
    "2025-12-28-kyiv-strike-myrnohrad-huliaipole-claims.txt",
    "2025-12-31-putin-residence-drone-claim-disputed.txt",
    "2026-01-09-oreshnik-strike-kyiv-heating.txt",
)

# How long a test waits for the live server to start before failing.
SERVER_START_TIMEOUT_S = 20.0


def pytest_configure(config: pytest.Config) -> None:
    """Register the `browser` marker (the project's pyproject lists the others)."""
    config.addinivalue_line(
        "markers", "browser: drives the dashboard in headless Chromium (/usr/bin/chromium)"
    )


@pytest.fixture(scope="session")
def extractor() -> Any:
    """Return one real Extractor (its spaCy pipeline loads on first use)."""
    from parley.extract.extractor import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Path:
    """Return the path of a SQLite store filled by the real pipeline from a few sample articles."""
    from parley.config import Settings
    from parley.pipeline import ingest
    from parley.samples import corpus_dir
    from parley.store import Store

    path = tmp_path_factory.mktemp("serve") / "store.db"
    settings = Settings(db=str(path))
    with Store(str(path)) as store:
        report = ingest(
            [str(corpus_dir() / n) for n in SAMPLE_ARTICLES], store, settings, fmt="text", extractor=extractor
        )
    assert report.counts["stored"] == len(SAMPLE_ARTICLES), report.messages
    return path


@pytest.fixture(scope="session")
def app(store_path: Path) -> Any:
    """Return the app over the session store (read-only, no ingest token)."""
    from parley.config import Settings
    from parley.serve import create_app

    return create_app(Settings(db=str(store_path)))


@pytest.fixture(scope="session")
def client(app: Any) -> Iterator[Any]:
    """Return a TestClient for pure route tests."""
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture()
def writable_store(store_path: Path, tmp_path: Path) -> Path:
    """Return a private copy of the session store, for tests that write."""
    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)
    return copy


class LiveServer:
    """A uvicorn server running the app in a thread on 127.0.0.1 and a free port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> str:
        """Start the server; return its base URL once it accepts connections."""
        self.thread.start()
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        """Ask the server to exit and wait for it."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_url(app: Any) -> Iterator[str]:
    """Return the base URL of a real HTTP server running the app for the session."""
    server = LiveServer(app)
    url = server.start()
    yield url
    server.stop()
