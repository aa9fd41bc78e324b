"""Folds one newly stored article into the story tables, in one transaction.

``update_story(engine, article_id)`` touches only what the article can affect: the merged
events whose members meet its events (same type, meeting date windows, a shared side, found by
index), the ledger entries of the propositions it claims, denies or confirms, and the stance
history of the (party, issue) pairs it states. Nothing is scanned, so the cost of adding an
article does not grow with the store (see bench/bench_story.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from parley.errors import StoreError
from parley.store import story as db
from parley.story import ledger, merge, tracker


@dataclass
class StoryUpdate:
    """What folding one article changed."""

    article_id: str
    skipped: str | None = None  # why nothing was done (already folded, unknown article)
    events_created: list[int] = field(default_factory=list)
    events_grown: list[int] = field(default_factory=list)  # merged events that gained sources
    events_split: list[int] = field(default_factory=list)  # merged events a new report split apart
    events_joined: list[int] = field(default_factory=list)  # merged events absorbed into another
    ledger_entries: list[int] = field(default_factory=list)
    status_changes: list[tuple[int, str, str]] = field(default_factory=list)  # (entry, before, after)
    stance_changes: list[tuple[str, str, str]] = field(default_factory=list)  # (side, issue, note)


def update_story(engine: Engine, article_id: str) -> StoryUpdate:
    """Return what changed after folding one stored article into merged events, ledger and tracker."""
    try:
        with engine.begin() as conn:
            return fold_article(conn, article_id)
    except SQLAlchemyError as e:
        raise StoreError(
            f"could not update the story: {str(e).splitlines()[0]}",
            article_id=article_id,
            stage="story",
            hint="rerun `parley story rebuild`",
        ) from e


def fold_article(conn: Connection, article_id: str) -> StoryUpdate:
    """Return what changed after folding one article, on the caller's connection (one transaction)."""
    out = StoryUpdate(article_id)
    exists, published = db.article_published(conn, article_id)
    if not exists:
        out.skipped = "no such article"
        return out
    if db.article_folded(conn, article_id):
        out.skipped = "already in the story"
        return out
    _fold_events(conn, article_id, out)
    _fold_claims(conn, article_id, published, out)
    _fold_positions(conn, article_id, out)
    return out


def rebuild(engine: Engine, on_article: Callable[[str], None] | None = None) -> int:
    """Return how many articles were folded after emptying the story tables and refolding all in order."""
    with engine.begin() as conn:
        db.clear(conn)
        ids = db.extracted_articles(conn)
    for aid in ids:
        update_story(engine, aid)
        if on_article:
            on_article(aid)
    return len(ids)


# ---- events -----------------------------------------------------------------------------------


def _fold_events(conn: Connection, article_id: str, out: StoryUpdate) -> None:
    new = db.article_reports(conn, article_id)
    if not new:
        return
    old = db.story_members(conn, db.candidates_of(conn, new))
    before: dict[int, set[int]] = {}
    for r in old:
        before.setdefault(r.story_id, set()).add(r.event_id)  # type: ignore[arg-type]
    clusters = merge.cluster([*old, *new])
    # each cluster keeps the id of the old merged event most of its members came from
    taken: set[int] = set()
    plan: list[tuple[merge.Cluster, int | None]] = []
    for c in sorted(clusters, key=lambda c: -len(c.members)):
        counts = Counter(r.story_id for r in c.members if r.story_id is not None and r.story_id not in taken)
        sid = min(counts, key=lambda k: (-counts[k], k)) if counts else None
        if sid is not None:
            taken.add(sid)
        plan.append((c, sid))
    changed = [(c, sid) for c, sid in plan if sid is None or {r.event_id for r in c.members} != before[sid]]
    db.detach(conn, [r.event_id for c, _ in changed for r in c.members if r.story_id is not None])
    emptied = sorted(set(before) - taken)
    db.delete_stories(conn, emptied)
    # all of the article's merged events in one statement per table, then its changes in one
    ids = db.save_stories(
        conn, [db.StoryWrite(sid, c.members, c.links, merge.summary(c.members)) for c, sid in changed]
    )
    log: list[tuple[int, str, str]] = []
    dest: dict[int, set[int]] = {}
    for (c, sid), new_id in zip(changed, ids, strict=True):
        _log(log, article_id, c, sid, new_id, before, out)
        for r in c.members:
            if r.story_id is not None:
                dest.setdefault(r.story_id, set()).add(new_id)
    for sid in emptied:
        out.events_joined.append(sid)
        log.append(
            (sid, "merged", f"its reports now belong to merged event(s) {sorted(dest.get(sid, set()))}")
        )
    db.log_changes(conn, article_id, log)


def _log(
    log: list[tuple[int, str, str]],
    article_id: str,
    c: merge.Cluster,
    sid: int | None,
    new_id: int,
    before: dict[int, set[int]],
    out: StoryUpdate,
) -> None:
    """Append the changes (merged event, change, detail) of one written cluster to ``log``."""
    added = [r for r in c.members if r.story_id != sid]
    fresh = [r for r in added if r.story_id is None]
    moved = [r for r in added if r.story_id is not None]
    if sid is None and not moved:
        out.events_created.append(new_id)
        log.append((new_id, "created", f"first reported by article {c.members[0].article_id}"))
        return
    if moved:
        origins = sorted({r.story_id for r in moved})  # type: ignore[type-var]
        log.append(
            (
                new_id,
                "split" if sid is None else "merged",
                f"took events {[r.event_id for r in moved]} from merged events {origins}",
            )
        )
        for origin in origins:
            if origin in before and origin != sid:
                out.events_split.append(origin)
                log.append(
                    (
                        origin,
                        "split",
                        f"events {[r.event_id for r in moved if r.story_id == origin]} moved to merged event "
                        f"{new_id}: article {article_id} showed they were a different happening",
                    )
                )
        if sid is None:
            out.events_created.append(new_id)
    if sid is not None:
        lost = before[sid] - {r.event_id for r in c.members}
        if fresh:
            out.events_grown.append(new_id)
            log.append(
                (
                    new_id,
                    "grown",
                    "; ".join(
                        f"event {r.event_id}: {c.links[r.event_id].text}"
                        if r.event_id in c.links
                        else f"event {r.event_id}"
                        for r in fresh
                    ),
                )
            )
        if lost:
            out.events_split.append(new_id)
            log.append((new_id, "split", f"events {sorted(lost)} no longer fit and were moved"))


# ---- claims -----------------------------------------------------------------------------------


def _fold_claims(conn: Connection, article_id: str, published: date | None, out: StoryUpdate) -> None:
    since = published - timedelta(days=ledger.STALE_DAYS) if published is not None else None
    day = published.isoformat() if published is not None else None
    touched: dict[int, str] = {}  # entry id -> claimant side
    for c in db.article_claims(conn, article_id):
        key, kind = ledger.proposition(c["subject"], c["place_id"], c["side"])
        entry = db.find_entry(conn, key, since)
        if entry is None:
            eid = db.create_entry(
                conn,
                proposition=key,
                kind=kind,
                subject=ledger.display_subject(c["subject"]),
                place_id=c["place_id"],
                claimant_id=c["claimant_id"],
                claimant_side=c["side"],
                last_seen=day or "",
                first_claimed=day,
            )
            side = c["side"]
        else:
            eid, side = entry["id"], entry["claimant_side"]
        rows = []
        for role, actor in ledger.observations_of(c["status"], c["disputers"]):
            who = c["claimant_id"] if role == "claim" else actor
            rows.append(
                {
                    "entry_id": eid,
                    "article_id": article_id,
                    "published": day,
                    "role": role,
                    "actor_id": who,
                    "claim_id": c["id"],
                }
            )
        db.add_sources(conn, rows)
        touched[eid] = side
    for w in db.article_withdrawals(conn, article_id):
        entry = db.find_entry(conn, f"capture|{w['place_id']}", since)
        if entry is None or entry["claimant_side"] == w["side"]:
            continue  # a side withdrawing from a place it claimed to capture confirms nothing
        db.add_sources(
            conn,
            [
                {
                    "entry_id": entry["id"],
                    "article_id": article_id,
                    "published": day,
                    "role": "confirmation",
                    "actor_id": w["actor_id"],
                    "event_id": w["event_id"],
                }
            ],
        )
        touched[entry["id"]] = entry["claimant_side"]
    for eid, side in touched.items():
        _settle(conn, eid, side, out)


def _settle(conn: Connection, entry_id: int, claimant_side: str, out: StoryUpdate) -> None:
    sources = db.entry_sources(conn, entry_id)
    v = ledger.verdict(sources, claimant_side)
    before = db.find_status(conn, entry_id)
    last = v.steps[-1] if v.steps else None
    db.write_verdict(
        conn,
        entry_id,
        v.steps,
        {
            "status": v.status,
            "one_sided": v.one_sided,
            "first_claimed": v.first_claimed.isoformat() if v.first_claimed else None,
            "last_seen": v.last_seen.isoformat() if v.last_seen else "",
            "status_since": last.since.isoformat() if last and last.since else None,
            "source_count": len({s.article_id for s in sources}),
        },
    )
    out.ledger_entries.append(entry_id)
    if before != v.status:
        out.status_changes.append((entry_id, before or "", v.status))


# ---- positions --------------------------------------------------------------------------------


def _fold_positions(conn: Connection, article_id: str, out: StoryUpdate) -> None:
    pairs: Counter[tuple[str, str]] = Counter()
    for p in db.article_positions(conn, article_id):
        side, issue, pid, pub = p["side"], p["issue"], p["id"], p["published"]
        pol = tracker.polarity(p["stance"])
        prev = db.neighbour_stance(conn, side, issue, pub, pid, after=False)
        changed, note = tracker.change((prev["stance"], prev["polarity"]) if prev else None, p["stance"], pol)
        db.add_stance(
            conn,
            position_id=pid,
            party_side=side,
            party_id=p["party_id"],
            issue=issue,
            stance=p["stance"],
            polarity=pol,
            article_id=article_id,
            published=pub,
            changed=changed,
            change_note=note,
        )
        if changed:
            out.stance_changes.append((side, issue, note))
        nxt = db.neighbour_stance(conn, side, issue, pub, pid, after=True)
        if nxt is not None:  # an older article arrived late: the next stance now follows this one
            n_changed, n_note = tracker.change((p["stance"], pol), nxt["stance"], nxt["polarity"])
            db.set_stance_change(conn, nxt["position_id"], n_changed, n_note)
        pairs[(side, issue)] += 1
    for (side, issue), added in sorted(pairs.items()):
        db.refresh_issue_stance(conn, side, issue, added)
