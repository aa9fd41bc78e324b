"""Merge rules and ledger transitions on hand-built records (real SQLite, no spaCy)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parley.store import Store
from parley.store import story as db
from parley.story import ledger, update_story
from parley.story.merge import Actor, Place, Report, cluster, window
from tests.story.helpers import (
    KUSHNER,
    MIAMI,
    MOSCOW,
    PUTIN,
    SIVERSK,
    UKRAINE,
    WITKOFF,
    add_article,
    capture,
    capture_claim,
    meeting,
    withdrawal,
)

D = date(2025, 12, 2)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(str(tmp_path / "story.db"))
    yield s
    s.close()


def _stories(store: Store) -> list[set[str]]:
    return [set(e["sources"]) for e in db.timeline(store.engine)]


def test_same_happening_from_three_outlets_is_one_event(store: Store) -> None:
    a = add_article(store, "a", date(2025, 12, 3), events=(meeting(D, MOSCOW, PUTIN, WITKOFF, KUSHNER),))
    b = add_article(store, "b", date(2025, 12, 3), events=(meeting(D, None, WITKOFF, PUTIN),))
    c = add_article(store, "c", date(2025, 12, 5), events=(meeting(None, MOSCOW, PUTIN, WITKOFF),))
    for aid in (a, b, c):
        update_story(store.engine, aid)
    (event,) = db.timeline(store.engine)
    assert event["sources"] == [a, b, c] and event["source_count"] == 3
    assert event["first_reported"] == "2025-12-03" and event["date"] == "2025-12-02"
    shown = db.story_event(store.engine, event["id"])
    assert shown is not None and "shared actors" in shown["members"][1]["reason"]


def test_different_places_are_never_merged(store: Store) -> None:
    a = add_article(store, "a", date(2025, 12, 3), events=(meeting(D, MOSCOW, PUTIN, WITKOFF),))
    b = add_article(store, "b", date(2025, 12, 3), events=(meeting(D, MIAMI, PUTIN, WITKOFF),))
    for aid in (a, b):
        update_story(store.engine, aid)
    assert _stories(store) == [{a}, {b}]


def test_a_denial_is_never_merged_with_the_claim(store: Store) -> None:
    a = add_article(store, "a", date(2025, 12, 11), events=(capture(SIVERSK, "claimed"),))
    b = add_article(store, "b", date(2025, 12, 12), events=(capture(SIVERSK, "denied"),))
    for aid in (a, b):
        update_story(store.engine, aid)
    assert sorted(_stories(store), key=sorted) == [{a}, {b}]


def test_a_new_article_that_tells_two_events_apart_reverses_a_merge(store: Store) -> None:
    # a: the meeting on 2 Dec, place unknown; b: a meeting dated 3 Dec in Moscow — merged (one day apart)
    a = add_article(store, "a", date(2025, 12, 4), events=(meeting(D, None, PUTIN, WITKOFF),))
    b = add_article(
        store, "b", date(2025, 12, 4), events=(meeting(date(2025, 12, 3), MOSCOW, PUTIN, WITKOFF),)
    )
    for aid in (a, b):
        update_story(store.engine, aid)
    assert _stories(store) == [{a, b}]
    merged_id = db.timeline(store.engine)[0]["id"]
    # c: the 2 Dec meeting was at a dacha near Miami, not in Moscow: a fits c better than b, and b rules c out
    c = add_article(store, "c", date(2025, 12, 5), events=(meeting(D, MIAMI, PUTIN, WITKOFF),))
    up = update_story(store.engine, c)
    groups = sorted(_stories(store), key=sorted)
    assert groups == [{a, c}, {b}]
    assert up.events_split
    changes = db.story_event(store.engine, merged_id)["changes"]  # type: ignore[index]
    assert any(ch["change"] == "split" for ch in changes)


def test_update_is_idempotent_and_rebuild_reproduces(store: Store) -> None:
    from parley.story import rebuild

    a = add_article(store, "a", date(2025, 12, 3), events=(meeting(D, MOSCOW, PUTIN, WITKOFF),))
    b = add_article(store, "b", date(2025, 12, 3), events=(meeting(D, MOSCOW, PUTIN),))
    for aid in (a, b):
        update_story(store.engine, aid)
    assert update_story(store.engine, a).skipped == "already in the story"
    assert update_story(store.engine, "nope").skipped == "no such article"
    before = _stories(store)
    assert rebuild(store.engine) == 2
    assert _stories(store) == before


def test_ledger_claimed_disputed_confirmed_across_articles(store: Store) -> None:
    a = add_article(store, "claim", date(2025, 12, 11), claims=(capture_claim(SIVERSK, "unverified"),))
    b = add_article(
        store, "denial", date(2025, 12, 12), claims=(capture_claim(SIVERSK, "disputed", (UKRAINE,)),)
    )
    c = add_article(store, "withdrawal", date(2025, 12, 23), events=(withdrawal(SIVERSK),))
    update_story(store.engine, a)
    (entry,) = db.ledger(store.engine)
    assert entry["status"] == "unverified" and entry["one_sided"]
    update_story(store.engine, b)
    up = update_story(store.engine, c)
    (entry,) = db.ledger(store.engine)
    steps = [(h["status"], h["since"], h["article_id"]) for h in entry["history"]]
    assert steps == [
        ("claimed", "2025-12-11", a),
        ("unverified", "2025-12-11", a),
        ("disputed", "2025-12-12", b),
        ("confirmed", "2025-12-23", c),
    ]
    assert entry["disputed_by"] == [{"id": "Q212", "name": "Ukraine"}] and not entry["one_sided"]
    assert entry["sources"] == [a, b, c]
    assert up.status_changes == [(entry["id"], "disputed", "confirmed")]


def _src(i: int, role: str, day: int, side: str | None = "Q212") -> ledger.Source:
    return ledger.Source(i, role, f"a{i}", date(2025, 12, day), "x" if side else None, side)


def test_ledger_transitions() -> None:
    v = ledger.verdict([_src(1, "claim", 1, "Q159")], "Q159")
    assert v.status == "claimed" and v.one_sided
    # a denial by the claimant's own side is not a dispute
    assert (
        ledger.verdict([_src(1, "claim", 1, "Q159"), _src(2, "denial", 2, "Q159")], "Q159").status
        == "claimed"
    )
    # order is by publication, not arrival: a confirmation then a late-arriving older denial
    v = ledger.verdict(
        [_src(3, "confirmation", 9), _src(1, "claim", 1, "Q159"), _src(2, "denial", 2)], "Q159"
    )
    assert [s.status for s in v.steps] == ["claimed", "disputed", "confirmed"]
    # settled states only move to the opposite settlement
    v = ledger.verdict([_src(1, "claim", 1, "Q159"), _src(2, "refutation", 2), _src(3, "denial", 3)], "Q159")
    assert v.status == "refuted"
    v = ledger.verdict(
        [_src(1, "claim", 1, "Q159"), _src(2, "refutation", 2), _src(3, "confirmation", 3)], "Q159"
    )
    assert [s.status for s in v.steps] == ["claimed", "refuted", "confirmed"]
    assert ledger.proposition("capture of Siversk", "gn:694403", "Q159") == ("capture|gn:694403", "capture")


def _report(eid: int, day: date | None, place: Place | None, modality: str = "asserted") -> Report:
    lo, hi = window(day, "day" if day else None, date(2025, 12, 4))
    actors = (Actor("Q7747", "Putin", "Q159"), Actor("name:steve witkoff", "Witkoff", "Q30"))
    return Report(eid, f"a{eid}", "CONSULT", modality, date(2025, 12, 4), day, lo, hi, actors, place)


def test_cluster_is_independent_of_arrival_order() -> None:
    moscow, miami = Place("gn:524901", "Moscow", 55.75, 37.62), Place("gn:4164138", "Miami", 25.77, -80.19)
    reports = [_report(1, D, None), _report(2, date(2025, 12, 3), moscow), _report(3, D, miami)]
    one = [[r.event_id for r in c.members] for c in cluster(reports)]
    two = [[r.event_id for r in c.members] for c in cluster(list(reversed(reports)))]
    assert one == two == [[1, 3], [2]]
    planned = _report(4, D, None, modality="planned")
    assert len(cluster([_report(1, D, None), planned])) == 2


def test_an_undated_report_of_an_undated_article_has_a_window_that_meets_nothing() -> None:
    from datetime import date

    from parley.story.merge import window

    first, last = window(None, None, None)
    assert first == last == date.min
    assert window(None, None, date(2025, 12, 29))[1] == date(2025, 12, 29)
