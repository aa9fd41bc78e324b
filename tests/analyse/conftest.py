"""Fixtures shared by the analyse tests: one mention finder over the shipped knowledge base."""

from __future__ import annotations

from datetime import date

import pytest

from parley.analyse.matcher import MentionFinder
from parley.analyse.mentions import Mention
from parley.model.records import PlaceRef


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    """The finder the extractor builds: the shipped actor registry and the gazetteer index."""
    from parley.kb.actors import default_registry
    from parley.kb.gazetteer import Gazetteer

    return MentionFinder(default_registry(), Gazetteer.open())


def place_refs(nlp, finder: MentionFinder, text: str, published: date) -> dict[str, PlaceRef]:  # type: ignore[no-untyped-def]
    """Return each place mention's text and the place it resolves to."""
    found: list[Mention] = finder.find(nlp(text), published=published)
    return {m.text: m.place for m in found if m.kind == "place" and m.place is not None}
