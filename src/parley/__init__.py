"""Parley: turn conflict and diplomacy news into a sourced, structured record.

The public API (everything else is internal)::

    import parley
    ex = parley.extract(text, published=datetime.date(2025, 12, 29))   # typed records
    places = parley.toponyms(text)                                       # every place it names
    store = parley.Store("parley.db")                                    # the embedded store

Importing ``parley`` is light: models and the knowledge base load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = [
    "ActorRef",
    "Claim",
    "Event",
    "Evidence",
    "Extraction",
    "Extractor",
    "PlaceRef",
    "Position",
    "Quote",
    "Settings",
    "Store",
    "Toponym",
    "extract",
    "toponyms",
]

if TYPE_CHECKING:
    from parley.analyse.toponyms import Toponym, toponyms
    from parley.config import Settings
    from parley.extract.extractor import Extractor, extract
    from parley.model import ActorRef, Claim, Event, Evidence, Extraction, PlaceRef, Position, Quote
    from parley.store import Store

_LAZY = {
    "Settings": "parley.config",
    "Extractor": "parley.extract.extractor",
    "extract": "parley.extract",  # the package, callable: parley.extract(text, published=...)
    "Store": "parley.store",
    "Toponym": "parley.analyse.toponyms",
    "toponyms": "parley.analyse.toponyms",  # parley.toponyms(text): every place a text names
    **{name: "parley.model" for name in
       ("ActorRef", "Claim", "Event", "Evidence", "Extraction", "PlaceRef", "Position", "Quote")},
}  # fmt: skip


def __getattr__(name: str) -> Any:
    """Import public names on first use, so that `import parley` does not load spaCy or SQLAlchemy."""
    if name in _LAZY:
        import importlib

        module = importlib.import_module(_LAZY[name])
        # importing parley.extract binds it here already (and it is callable); the rest are attributes
        return module if module.__name__ == f"parley.{name}" else getattr(module, name)
    raise AttributeError(f"module 'parley' has no attribute {name!r}")
