"""Extraction of events, quotes, claims, places, dates and positions from one cleaned article.

``parley.extract`` is both this package and the public function of the same name
(``parley.extract(text, published=...)``). Importing any submodule binds the package to
``parley.extract``, which would hide the function; so the package itself is callable and hands
the call to :func:`parley.extract.extractor.extract`, however often and in whatever order the
two are used.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    """This package's module type: calling it runs :func:`parley.extract.extractor.extract`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from parley.extract.extractor import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
