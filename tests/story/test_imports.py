"""The story's rules and types load no database: the store imports them, never the other way round."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_merge_rules_pulls_in_no_database() -> None:
    code = (
        "import sys, parley.story.merge, parley.story.ledger, parley.story.tracker, parley.story.model; "
        "print(','.join(m for m in ('sqlalchemy', 'parley.store', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_story_package_still_offers_update_and_rebuild() -> None:
    import parley.story
    from parley.story import rebuild, update_story

    assert callable(update_story) and callable(rebuild)
    assert parley.story.StoryUpdate.__name__ == "StoryUpdate"
