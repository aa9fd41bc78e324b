"""The story across articles: merged events, the claim ledger, the issue tracker, timeline and brief.

``update_story(engine, article_id)`` folds one stored article in; ``rebuild(engine)`` recomputes
everything from the record tables. The story's types live in :mod:`parley.story.model` and its
pure rules in ``merge``, ``ledger`` and ``tracker``: none of them loads a database library, and
this package imports the store only when ``update_story``/``rebuild`` are first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.story.update import StoryUpdate, rebuild, update_story

__all__ = ["StoryUpdate", "rebuild", "update_story"]


def __getattr__(name: str) -> Any:
    """Import the store-backed names on first use (importing the merge rules pulls in no database)."""
    if name in __all__:
        from parley.story import update

        return getattr(update, name)
    raise AttributeError(f"module 'parley.story' has no attribute {name!r}")
