"""The store: schema, migrations, the one writer, and the read queries."""

from parley.store.writer import Store

__all__ = ["Store"]
