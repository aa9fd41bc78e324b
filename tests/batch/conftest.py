"""Session fixtures for the batch tests: the shards, one in-process batch output, one Spark session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.config import Settings

from .helpers import shared_extractor, write_shards


@pytest.fixture(scope="session")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Return the paths of the three test shards (written once per session)."""
    return [str(p) for p in write_shards(tmp_path_factory.mktemp("shards"))]


@pytest.fixture(scope="session")
def extractor() -> Any:
    """Return the session's loaded Extractor."""
    return shared_extractor()


@pytest.fixture(scope="session")
def inprocess_out(shards: list[str], extractor: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a batch output of the shards made in this process (the reference for the engines)."""
    from parley.batch import run_batch

    out = tmp_path_factory.mktemp("inprocess") / "out"
    report = run_batch(shards, str(out), Settings(), workers=0, extractor=extractor)
    assert report.by_status() == {"done": 3, "skipped": 0, "failed": 0}, [s.message for s in report.shards]
    return out


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """Return one local[2] Spark session for the whole test session (stopped at the end)."""
    pytest.importorskip("pyspark")
    from parley.batch.spark import spark_session

    # no web UI (a port per session) and few shuffle partitions: this is a two-core test machine
    session = spark_session(
        master="local[2]", conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2"}
    )
    yield session
    session.stop()
