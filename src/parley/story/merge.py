"""Event merging: which reports describe the same happening, and why.

Pure functions on :class:`Report` (one source event with what matching needs); the store
module reads and writes them. Two reports may be merged only when nothing rules it out:

- the same PLOVER type;
- the same kind of modality: an event reported as happened (``asserted``/``claimed``) never
  merges with a denial of it, a plan or a hypothesis;
- no different places: both unknown, one unknown, the same id, or within ``SAME_PLACE_KM``;
- date windows that meet (allowing ``DATE_SLACK_DAYS``): a dated report is its day; an undated
  one is the few days before its publication (``UNDATED_LOOKBACK_DAYS``);
- a shared actor, or a shared side (a person counts for the state they act for).

And then they need one strong signal that they are the same happening, not two alike: the same
known place, the same fixed day, or two shared actors. Clustering is complete-linkage over the
strongest links first: a group never holds two reports that rule each other out, so when a new
report fits one part of a group better than the rest, the group splits (this is how a merge is
reversed; see :func:`cluster`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from parley.story.model import (
    DATE_SLACK_DAYS,
    MAX_WINDOW_DAYS,
    UNDATED_LOOKBACK_DAYS,
    Actor,
    Day,
    Link,
    Place,
    Report,
    window,
)

# Two resolved places closer than this are one place (FORMAT.md matches places within 30 km).
SAME_PLACE_KM = 30.0
HAPPENED = ("asserted", "claimed")
# Link scores: the order in which links are tried; higher is stronger evidence.
SCORE_SAME_PLACE = 3
SCORE_SAME_DAY = 3
SCORE_NEAR_DAY = 1
SCORE_SHARED_ACTOR = 2
SCORE_SHARED_SIDE = 1


def modality_class(modality: str) -> str:
    """Return the group of modalities that may merge: happened, denied, planned, hypothetical."""
    return "happened" if modality in HAPPENED else modality


def _km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def same_place(a: Place | None, b: Place | None) -> bool | None:
    """Return True for one place, False for two different places, None when either is unknown."""
    if a is None or b is None:
        return None
    if a.id == b.id:
        return True
    km = _km(a, b)
    return km is not None and km <= SAME_PLACE_KM


def conflict(a: Report, b: Report) -> str | None:
    """Return why two reports cannot be one happening, or None when nothing rules it out."""
    if a.type != b.type:
        return f"different types ({a.type}, {b.type})"
    if modality_class(a.modality) != modality_class(b.modality):
        return f"one is {a.modality}, the other {b.modality}"
    if same_place(a.place, b.place) is False:
        return f"different places ({a.place.name}, {b.place.name})"  # type: ignore[union-attr]
    gap = max((a.lo - b.hi).days, (b.lo - a.hi).days)
    if gap > DATE_SLACK_DAYS:
        return f"dates {gap} days apart"
    return None


def link(a: Report, b: Report) -> Link | None:
    """Return the link between two reports when they may merge and have a strong signal, else None."""
    why = conflict(a, b)
    if why is not None:
        return None
    shared = sorted({x.id for x in a.actors} & {x.id for x in b.actors})
    sides = sorted({x.side for x in a.actors} & {x.side for x in b.actors})
    if not shared and not sides:
        return None
    names = {x.id: x.name for x in (*a.actors, *b.actors)}
    reasons = [f"same type {a.type}"]
    score = 0
    strong = False
    if shared:
        score += SCORE_SHARED_ACTOR * len(shared)
        reasons.append("shared actors " + ", ".join(names.get(s, s) for s in shared))
        strong = len(shared) >= 2
    else:
        score += SCORE_SHARED_SIDE
        reasons.append("same side " + ", ".join(names.get(s, s) for s in sides))
    place = same_place(a.place, b.place)
    if place:
        score += SCORE_SAME_PLACE
        strong = True
        reasons.append(f"same place {a.place.name}")  # type: ignore[union-attr]
    elif place is None:
        reasons.append("place known in at most one report")
    if a.date is not None and b.date is not None and abs((a.date - b.date).days) <= DATE_SLACK_DAYS:
        score += SCORE_SAME_DAY if a.date == b.date else SCORE_NEAR_DAY
        strong = True
        reasons.append(
            f"dated {a.date.isoformat()}"
            if a.date == b.date
            else f"dated {a.date.isoformat()} and {b.date.isoformat()}"
        )
    else:
        reasons.append(f"date windows meet ({_span(a)} / {_span(b)})")
    if not strong:
        return None
    return Link(a, b, score, reasons)


def _span(r: Report) -> str:
    return r.lo.isoformat() if r.lo == r.hi else f"{r.lo.isoformat()}..{r.hi.isoformat()}"


@dataclass
class Cluster:
    """A group of reports of one happening, with the link that brought in each member."""

    members: list[Report]
    links: dict[int, Link]  # member event id -> the link that joined it (absent for the root)


def _order(r: Report) -> tuple[str, int]:
    return ((r.published or date.min).isoformat(), r.event_id)


def cluster(reports: Iterable[Report]) -> list[Cluster]:
    """Return the reports grouped into happenings, strongest links first, complete linkage.

    Deterministic and independent of arrival order: all candidate links are scored, tried from
    the strongest (ties: earliest reports), and two groups join only if no pair across them
    conflicts. Each group's root is its earliest report; every other member records its
    strongest link inside the group, which is the explanation `parley events show` prints.
    """
    items = sorted(reports, key=_order)
    links: list[Link] = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            lk = link(a, b)
            if lk is not None:
                links.append(lk)
    links.sort(key=lambda lk: (-lk.score, _order(lk.a), _order(lk.b)))
    group: dict[int, int] = {r.event_id: k for k, r in enumerate(items)}
    members: dict[int, list[Report]] = {k: [r] for k, r in enumerate(items)}
    for lk in links:
        ga, gb = group[lk.a.event_id], group[lk.b.event_id]
        if ga == gb:
            continue
        if any(conflict(x, y) for x in members[ga] for y in members[gb]):
            continue
        keep, drop = sorted((ga, gb), key=lambda g: _order(members[g][0]))
        for r in members[drop]:
            group[r.event_id] = keep
        members[keep] = sorted(members[keep] + members.pop(drop), key=_order)
    best: dict[int, Link] = {}
    for lk in links:  # strongest first: each member keeps the best link inside its own group
        if group[lk.a.event_id] != group[lk.b.event_id]:
            continue
        for r in (lk.b, lk.a):
            if r.event_id != members[group[r.event_id]][0].event_id:
                best.setdefault(r.event_id, lk)
    return [
        Cluster(ms, {r.event_id: best[r.event_id] for r in ms if r.event_id in best})
        for ms in sorted(members.values(), key=lambda ms: _order(ms[0]))
    ]


def _desc(r: Report) -> str:
    return f"event {r.event_id} of article {r.article_id}"


def partner(lk: Link, member: Report) -> Report:
    """Return the other report of a link."""
    return lk.b if lk.a.event_id == member.event_id else lk.a


def summary(members: Sequence[Report]) -> dict[str, object]:
    """Return the merged event's fields: most reported day, place, mode and actors; strongest modality."""

    def most(values: list[object]) -> object:
        counted = [v for v in values if v is not None]
        if not counted:
            return None
        return max(dict.fromkeys(counted), key=counted.count)  # first seen wins a tie

    ordered = sorted(members, key=_order)
    places = [r.place for r in ordered if r.place is not None]
    place_id = most([p.id for p in places])
    asserted = any(r.modality == "asserted" for r in ordered)
    modality = "asserted" if asserted else most([r.modality for r in ordered])
    actor_counts: dict[str, int] = {}
    first_pos: dict[str, tuple[int, int]] = {}
    for k, r in enumerate(ordered):
        for pos, a in enumerate(r.actors):
            actor_counts[a.id] = actor_counts.get(a.id, 0) + 1
            first_pos.setdefault(a.id, (pos, k))
    actors = sorted(actor_counts, key=lambda a: (first_pos[a][0], -actor_counts[a], first_pos[a][1]))
    published = [r.published for r in ordered if r.published is not None]
    return {
        "type": ordered[0].type,
        "mode": most([r.mode for r in ordered]),
        "date": most([r.date.isoformat() if r.date else None for r in ordered]),
        "date_lo": min(r.lo for r in ordered).isoformat(),
        "date_hi": max(r.hi for r in ordered).isoformat(),
        "place_id": place_id,
        "modality": modality,
        "first_reported": min(published).isoformat() if published else None,
        "last_reported": max(published).isoformat() if published else None,
        "source_count": len({r.article_id for r in ordered}),
        "member_count": len(ordered),
        "actors": actors,
    }


__all__ = [
    "DATE_SLACK_DAYS",
    "MAX_WINDOW_DAYS",
    "UNDATED_LOOKBACK_DAYS",
    "Actor",
    "Cluster",
    "Day",
    "Link",
    "Place",
    "Report",
    "cluster",
    "conflict",
    "link",
    "modality_class",
    "partner",
    "same_place",
    "summary",
    "window",
]
