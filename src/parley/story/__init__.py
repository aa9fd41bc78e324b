"""The story across articles: merged events, the claim ledger, the issue tracker, timeline and brief.

``update_story(engine, article_id)`` folds one stored article in; ``rebuild(engine)`` recomputes
everything from the record tables.
"""

from parley.story.update import StoryUpdate, rebuild, update_story

__all__ = ["StoryUpdate", "rebuild", "update_story"]
