"""The short summary `parley demo` prints: the latest events, open claims and stances."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from parley.config import Settings


def print_summary(settings: Settings, console: Console, *, limit: int = 12) -> None:
    """Print the latest events, the claims still disputed or unverified, and stances by issue."""
    from parley.store import Store, queries

    with Store(settings.db) as store:
        events = queries.recent_events(store.engine, limit=limit)
        claims = queries.claims(store.engine, limit=limit)
        positions = queries.latest_positions(store.engine, limit=limit)
    if events:
        table = Table(title="Latest events", title_justify="left")
        for col in ("date", "type", "actors", "place", "modality"):
            table.add_column(col)
        for e in events:
            table.add_row(
                e["date"] or "?", e["type"], ", ".join(e["actors"]), e["place"] or "", e["modality"]
            )
        console.print(table)
    if claims:
        table = Table(title="Claims", title_justify="left")
        for col in ("claimant", "subject", "status", "disputed by", "article"):
            table.add_column(col)
        for c in claims:
            table.add_row(
                c["claimant"], c["subject"][:60], c["status"], ", ".join(c["disputed_by"]), c["article_id"]
            )
        console.print(table)
    if positions:
        table = Table(title="Stances", title_justify="left")
        for col in ("party", "issue", "stance", "published"):
            table.add_column(col)
        for p in positions:
            table.add_row(p["party"], p["issue"], p["stance"][:70], p["published"] or "")
        console.print(table)
