"""Registers Parley's commands on the `parley` group (import side effect, done once by main)."""

from parley.cli import (  # noqa: F401
    batch_cmd,
    extract_cmd,
    ingest_cmd,
    kb_cmd,
    plans_cmd,
    rules_cmd,
    serve_cmd,
    story_cmd,
    toponyms_cmd,
)
