"""Extraction rules as checked data: the rules folder, its schema, its loader and its examples.

    from parley.rules import load_rules
    rules = load_rules()            # the shipped rules; load_rules("my-rules/") for a user's copy

Every word list extraction reads (event triggers and modes, speech verbs, stance cues, issues,
claim cues, plan terms, date words) is a TOML file in one folder, checked against
:data:`parley.rules.schema.SCHEMAS` when it loads. ``parley rules export DIR`` writes a copy of
the shipped folder to edit; ``parley rules check DIR`` validates it and runs its examples;
``--rules DIR`` (or ``PARLEY_RULES``) makes extract, ingest and batch use it.
"""

from __future__ import annotations

from parley.rules.load import Rules, load_rules, shipped_folder

__all__ = ["Rules", "load_rules", "shipped_folder"]
