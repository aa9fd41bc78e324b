"""Rows that point to an article's events and claims point to the right ones.

The writer inserts an article's events (and claims) in one executemany and reads their ids back
in order; an event's actors and a claim's disputers must land on that event and that claim, on
a first write and after replace_extraction, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from parley.model import ActorRef, ArticleMeta, Claim, Event, Evidence, Extraction, RawArticle
from parley.store import Store
from parley.store import schema as t

EV = Evidence(0, 1, 0, 1, "test", "0")
ACTORS = [ActorRef(f"Party {i}", "state", f"Q{9000 + i}") for i in range(6)]


def _extraction(doc_id: str, shift: int) -> Extraction:
    """Return events and claims whose actors differ by position, so a swapped id would show."""
    events = tuple(
        Event("CONSULT", (ACTORS[(i + shift) % 6], ACTORS[(i + shift + 1) % 6]), EV, trigger=f"met{i}")
        for i in range(4)
    )
    claims = tuple(
        Claim(ACTORS[i], f"subject {i}", "disputed", EV, disputed_by=(ACTORS[(i + shift + 2) % 6],))
        for i in range(3)
    )
    return Extraction(doc_id=doc_id, published=date(2025, 3, 1), events=events, claims=claims)


def _event_actors(store: Store, article_id: str) -> dict[str, list[str]]:
    e, ea = t.events.c, t.event_actors.c
    q = (
        select(e.trigger, ea.actor_id)
        .join(t.event_actors, ea.event_id == e.id)
        .where(e.article_id == article_id)
        .order_by(e.trigger, ea.position)
    )
    out: dict[str, list[str]] = {}
    with store.engine.connect() as conn:
        for trigger, actor in conn.execute(q):
            out.setdefault(trigger, []).append(actor)
    return out


def _disputers(store: Store, article_id: str) -> dict[str, str]:
    c, d = t.claims.c, t.claim_disputes.c
    q = (
        select(c.subject, d.actor_id)
        .join(t.claim_disputes, d.claim_id == c.id)
        .where(c.article_id == article_id)
    )
    with store.engine.connect() as conn:
        return {subject: actor for subject, actor in conn.execute(q)}


def test_event_actors_and_disputes_point_to_their_own_rows(db_url: str) -> None:
    with Store(db_url) as store:
        ids = []
        for k in range(2):  # a second article: its ids follow the first one's
            raw = RawArticle(
                source=f"ids-{k}.txt",
                kind="text",
                text=f"Article number {k} about several meetings between the parties named here.",
                meta=ArticleMeta(title=f"ids {k}", published=date(2025, 3, 1)),
                external_id=f"ids-{k}",
            )
            ex = _extraction(f"ids-{k}", shift=k)
            ids.append(store.write_article(raw, None, source=raw.source, status="stored", extraction=ex))
        for k, aid in enumerate(ids):
            ex = _extraction(aid, shift=k)
            assert _event_actors(store, aid) == {ev.trigger: [a.key for a in ev.actors] for ev in ex.events}
            assert _disputers(store, aid) == {c.subject: c.disputed_by[0].key for c in ex.claims}

        # replaced records: the old rows go, the new ones point to the new events and claims
        new = _extraction(ids[0], shift=3)
        store.replace_extraction(ids[0], new, "test2")
        assert _event_actors(store, ids[0]) == {ev.trigger: [a.key for a in ev.actors] for ev in new.events}
        assert _disputers(store, ids[0]) == {c.subject: c.disputed_by[0].key for c in new.claims}
        assert _disputers(store, ids[1]) == {
            c.subject: c.disputed_by[0].key for c in _extraction(ids[1], 1).claims
        }
