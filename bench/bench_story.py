"""Cost of folding one new article into the story, on stores of 1k, 10k and 100k articles.

Each store is filled with synthetic rows by bulk inserts (articles, one event each with two actors
and a place, a claim on every fifth article, a position on every article; and the story rows those
would have produced), spread over time at a constant ``PER_DAY`` articles a day, as a growing
archive is. Then a new article is written with the store writer and ``update_story`` is timed.

    .venv/bin/python bench/bench_story.py [--sizes 1000,10000,100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from parley.model import (
    ActorRef,
    ArticleMeta,
    Claim,
    DateValue,
    Event,
    Evidence,
    Extraction,
    PlaceRef,
    Position,
    RawArticle,
)
from parley.store import Store
from parley.store import schema as t
from parley.store import schema_story as s
from parley.story import update_story

# Articles a day in the synthetic archive: about what a busy conflict feed yields.
PER_DAY = 50
START = date(2024, 1, 1)
TYPES = ("CONSULT", "ASSAULT", "ACCUSE", "REQUEST")
N_ACTORS = 20
N_PLACES = 200
SIDES = ("Q159", "Q212", "Q30", "Q458")
ISSUES = ("territory", "ceasefire", "security_guarantees", "sanctions")
CHUNK = 5000
EV = {
    "span_start": 0,
    "span_end": 1,
    "sentence_start": 0,
    "sentence_end": 1,
    "stage": "bench",
    "version": "0",
}


def _actor(k: int) -> dict[str, Any]:
    return {
        "id": f"name:actor {k}",
        "qid": None,
        "name": f"Actor {k}",
        "kind": "person",
        "affiliation": SIDES[k % len(SIDES)],
    }


def fill(store: Store, n: int) -> date:
    """Fill an empty store with n synthetic articles and their story rows; return the last day."""
    with store.engine.begin() as conn:
        conn.execute(insert(t.sources).values(id=1, location="bench", kind="text", first_seen="now"))
        conn.execute(
            insert(t.actors),
            [_actor(k) for k in range(N_ACTORS)]
            + [{"id": q, "qid": q, "name": q, "kind": "state", "affiliation": None} for q in SIDES],
        )
        conn.execute(
            insert(t.places),
            [
                {"id": f"gn:{k}", "geonameid": k, "name": f"Place {k}", "lat": 40 + k * 0.5, "lon": 30.0}
                for k in range(N_PLACES)
            ],
        )
        for lo in range(0, n, CHUNK):
            rows: dict[str, list[dict[str, Any]]] = {
                name: []
                for name in (
                    "articles",
                    "events",
                    "event_actors",
                    "story_events",
                    "members",
                    "sides",
                    "story_actors",
                    "claims",
                    "ledger",
                    "ledger_sources",
                    "positions",
                    "stances",
                )
            }
            for i in range(lo, min(n, lo + CHUNK)):
                day = (START + timedelta(days=i // PER_DAY)).isoformat()
                aid = f"a{i:07d}"
                eid = i + 1
                typ, place = TYPES[i % len(TYPES)], f"gn:{(i * 7) % N_PLACES}"
                a1, a2 = (i * 3) % N_ACTORS, (i * 3 + 1) % N_ACTORS
                rows["articles"].append(
                    {
                        "id": aid,
                        "source_id": 1,
                        "location": aid,
                        "kind": "text",
                        "raw_text": aid,
                        "content_hash": aid,
                        "status": "extracted",
                        "ingested_at": day,
                        "published": day,
                    }
                )
                rows["events"].append(
                    {
                        "id": eid,
                        "article_id": aid,
                        "type": typ,
                        "date": day,
                        "date_precision": "day",
                        "place_id": place,
                        "modality": "asserted",
                        **EV,
                    }
                )
                rows["event_actors"] += [
                    {"event_id": eid, "position": 0, "actor_id": f"name:actor {a1}"},
                    {"event_id": eid, "position": 1, "actor_id": f"name:actor {a2}"},
                ]
                rows["story_events"].append(
                    {
                        "id": eid,
                        "type": typ,
                        "date": day,
                        "date_lo": day,
                        "date_hi": day,
                        "place_id": place,
                        "modality": "asserted",
                        "first_reported": day,
                        "last_reported": day,
                        "source_count": 1,
                        "member_count": 1,
                        "updated_at": day,
                    }
                )
                rows["members"].append(
                    {
                        "event_id": eid,
                        "story_event_id": eid,
                        "article_id": aid,
                        "type": typ,
                        "date": day,
                        "date_lo": day,
                        "date_hi": day,
                        "place_id": place,
                        "modality": "asserted",
                        "published": day,
                        "reason": "first report",
                        "score": 0,
                    }
                )
                sides = {f"name:actor {a1}", f"name:actor {a2}", SIDES[a1 % 4], SIDES[a2 % 4]}
                rows["sides"] += [{"event_id": eid, "side": x} for x in sides]
                rows["story_actors"] += [
                    {"story_event_id": eid, "actor_id": f"name:actor {a1}", "position": 0},
                    {"story_event_id": eid, "actor_id": f"name:actor {a2}", "position": 1},
                ]
                if i % 5 == 0:
                    rows["claims"].append(
                        {
                            "id": eid,
                            "article_id": aid,
                            "claimant_id": "Q159",
                            "subject": f"statement {i}",
                            "status": "claimed",
                            **EV,
                        }
                    )
                    rows["ledger"].append(
                        {
                            "id": eid,
                            "proposition": f"statement|Q159|statement {i}",
                            "kind": "statement",
                            "subject": f"statement {i}",
                            "claimant_id": "Q159",
                            "claimant_side": "Q159",
                            "status": "claimed",
                            "one_sided": True,
                            "first_claimed": day,
                            "last_seen": day,
                            "status_since": day,
                            "source_count": 1,
                            "updated_at": day,
                        }
                    )
                    rows["ledger_sources"].append(
                        {
                            "entry_id": eid,
                            "article_id": aid,
                            "published": day,
                            "role": "claim",
                            "actor_id": "Q159",
                            "claim_id": eid,
                        }
                    )
                side, issue = SIDES[i % 4], ISSUES[(i // 4) % 4]
                rows["positions"].append(
                    {
                        "id": eid,
                        "article_id": aid,
                        "party_id": side,
                        "issue": issue,
                        "stance": f"stance {i}",
                        **EV,
                    }
                )
                rows["stances"].append(
                    {
                        "position_id": eid,
                        "party_side": side,
                        "party_id": side,
                        "issue": issue,
                        "stance": f"stance {i}",
                        "polarity": "neutral",
                        "article_id": aid,
                        "published": day,
                        "changed": True,
                        "change_note": "new terms",
                    }
                )
            for table, key in (
                (t.articles, "articles"),
                (t.events, "events"),
                (t.event_actors, "event_actors"),
                (s.story_events, "story_events"),
                (s.story_event_members, "members"),
                (s.story_member_sides, "sides"),
                (s.story_event_actors, "story_actors"),
                (t.claims, "claims"),
                (s.claim_ledger, "ledger"),
                (s.claim_ledger_sources, "ledger_sources"),
                (t.positions, "positions"),
                (s.stance_history, "stances"),
            ):
                if rows[key]:
                    conn.execute(insert(table), rows[key])
        last = START + timedelta(days=(n - 1) // PER_DAY)
        conn.execute(
            insert(s.issue_stances),
            [
                {
                    "party_side": side,
                    "issue": issue,
                    "position_id": 1,
                    "party_id": side,
                    "stance": "stance",
                    "polarity": "neutral",
                    "since": last.isoformat(),
                    "source_count": n // 16,
                    "updated_at": "now",
                }
                for side in SIDES
                for issue in ISSUES
            ],
        )
    return last


def new_article(store: Store, k: int, day: date) -> str:
    """Write one new article (an event matching recent ones, a capture claim, a stance); return its id."""
    ev = Evidence(0, 1, 0, 1, "bench", "0")
    actors = (
        ActorRef("Actor 0", "person", None, affiliation="Q159"),
        ActorRef("Actor 1", "person", None, affiliation="Q212"),
    )
    place = PlaceRef("Place 0", 0, 40.0, 30.0)
    ex = Extraction(
        doc_id=f"new{k}",
        published=day,
        events=(Event("CONSULT", actors, ev, date=DateValue(day, "day"), place=place),),
        claims=(Claim(ActorRef("Q159", "state", "Q159"), "capture of Place 0", "claimed", ev, place=place),),
        positions=(Position(ActorRef("Q212", "state", "Q212"), "territory", "refuses to cede land", ev),),
    )
    raw = RawArticle(
        source=f"new{k}",
        kind="text",
        text=f"new article {k}",
        meta=ArticleMeta(title=f"new {k}", published=day),
        external_id=f"new{k}",
    )
    return store.write_article(
        raw, None, source="bench-new", status="stored", extraction=ex, extractor_version="bench"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'articles':>9} {'fill s':>8} {'update_story ms (median)':>25} {'min':>7} {'max':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.sizes.split(",")):
            store = Store(str(Path(tmp) / f"bench-{n}.db"))
            t0 = time.perf_counter()
            last = fill(store, n)
            filled = time.perf_counter() - t0
            times = []
            for k in range(args.repeat):
                aid = new_article(store, k, last)
                t1 = time.perf_counter()
                up = update_story(store.engine, aid)
                times.append((time.perf_counter() - t1) * 1000)
                assert up.skipped is None and up.ledger_entries and up.stance_changes is not None
            store.close()
            print(
                f"{n:>9} {filled:>8.1f} {statistics.median(times):>25.2f}"
                f" {min(times):>7.2f} {max(times):>7.2f}"
            )


if __name__ == "__main__":
    main()
