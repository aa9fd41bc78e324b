"""An article's merged events are written together and each row lands on its own merged event.

The story fold inserts all of an article's new merged events in one statement and reads their
ids back in parameter order; members, sides, actors and the change log must point to the right
one, on SQLite and PostgreSQL, and a later article must grow the right merged event.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from parley.model import ActorRef, Event
from parley.store import Store
from parley.store import schema as t
from parley.store import schema_story as s
from parley.story.update import update_story
from tests.story.helpers import EV, MIAMI, MOSCOW, PUTIN, RUSSIA, UKRAINE, USA, WITKOFF, add_article, meeting

CHINA = ActorRef("China", "state", "Q148")


def _events() -> tuple[Event, ...]:
    """Return four events that cannot merge with each other: other types, other sides."""
    return (
        meeting(date(2025, 11, 20), MOSCOW, PUTIN, WITKOFF),
        Event("ASSAULT", (RUSSIA, UKRAINE), EV, place=MIAMI, modality="asserted"),
        Event("SANCTION", (USA, CHINA), EV, modality="asserted"),
        Event("ACCUSE", (CHINA, UKRAINE), EV, modality="asserted"),
    )


def _stories(store: Store) -> dict[int, tuple[str, list[tuple[str, str]], list[str], list[str]]]:
    """Return each merged event's (type, members as (article, type), actors, change kinds)."""
    m, e, a, ch = s.story_event_members.c, t.events.c, s.story_event_actors.c, s.story_event_changes.c
    out: dict[int, tuple[str, list[tuple[str, str]], list[str], list[str]]] = {}
    with store.engine.connect() as conn:
        for sid, typ in conn.execute(select(s.story_events.c.id, s.story_events.c.type)):
            members = conn.execute(
                select(e.article_id, e.type)
                .join(s.story_event_members, m.event_id == e.id)
                .where(m.story_event_id == sid)
                .order_by(e.id)
            ).all()
            actors = conn.execute(select(a.actor_id).where(a.story_event_id == sid).order_by(a.position))
            changes = conn.execute(select(ch.change).where(ch.story_event_id == sid).order_by(ch.id))
            out[sid] = (
                typ,
                [(r[0], r[1]) for r in members],
                [r[0] for r in actors],
                [r[0] for r in changes],
            )
    return out


def test_merged_events_written_together_point_to_their_own_rows(db_url: str) -> None:
    with Store(db_url) as store:
        first = add_article(store, "batch-first", date(2025, 11, 21), events=_events())
        up = update_story(store.engine, first)
        stories = _stories(store)
        assert sorted(up.events_created) == sorted(stories)
        assert len(stories) == 4
        for typ, members, actors, changes in stories.values():
            assert members == [(first, typ)]  # the member's type is the merged event's own
            assert changes == ["created"]
            assert actors  # each merged event has its own event's actors
        by_type = {typ: (sid, actors) for sid, (typ, _m, actors, _c) in stories.items()}
        assert by_type["SANCTION"][1] == ["Q30", "Q148"]
        assert by_type["ACCUSE"][1] == ["Q148", "Q212"]

        # a second report of the meeting grows that merged event, and only that one
        second = add_article(
            store,
            "batch-second",
            date(2025, 11, 22),
            events=(meeting(date(2025, 11, 20), MOSCOW, PUTIN, WITKOFF),),
        )
        up2 = update_story(store.engine, second)
        after = _stories(store)
        consult = by_type["CONSULT"][0]
        assert up2.events_grown == [consult]
        assert up2.events_created == []
        assert after[consult][1] == [(first, "CONSULT"), (second, "CONSULT")]
        assert after[consult][3] == ["created", "grown"]
        assert {sid: v for sid, v in after.items() if sid != consult} == {
            sid: v for sid, v in stories.items() if sid != consult
        }
