"""Registers Parley's commands on the `parley` group (import side effect, done once by main)."""

from parley.cli import extract_cmd, ingest_cmd, kb_cmd  # noqa: F401
