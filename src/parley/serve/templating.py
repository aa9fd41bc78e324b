"""The dashboard's Jinja environment: the pages' data are plain dicts, looked up by key first.

Jinja resolves ``row.name`` by trying ``getattr(row, "name")`` and, when that raises
AttributeError, ``row["name"]``. Every page reads its rows as dicts, so every such lookup raised
and caught an exception: some 4,000 of them for one page of the claim ledger, a third of the
page's rendering. Here a dict is looked up by key first when the name is not an attribute of
dict itself (``items``, ``get``, … still resolve to the methods, as before), which returns
exactly what Jinja's own order returns: for any other name ``getattr`` on a dict can only fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi.templating import Jinja2Templates

# Names that getattr resolves on a dict (its methods and dunders): these keep Jinja's own order.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class DictRowEnvironment(jinja2.Environment):
    """A Jinja environment that reads ``row.key`` of a plain dict without raising first."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass  # Jinja's own path: an undefined value, as for any missing key
        return super().getattr(obj, attribute)


def page_templates(directory: Path) -> Jinja2Templates:
    """Return the templates of ``directory`` with the settings Starlette gives its own environment."""
    env = DictRowEnvironment(
        loader=jinja2.FileSystemLoader(str(directory)), autoescape=jinja2.select_autoescape()
    )
    return Jinja2Templates(env=env)
