"""Comparing two drafts of a plan issue by issue: what was added, dropped or changed.

For each issue either draft touches, the points about it are paired across the drafts by word
overlap (Dice coefficient over content-word stems) with a bonus for figures in the same unit,
best pairs first. A pair that clears :data:`MATCH_THRESHOLD` is the same point in two drafts:
*unchanged* when its words and figures agree, else *changed*, with a short reason ("600,000
personnel → 800,000 personnel; adds: peacetime; drops: capped"). Points left over are
*dropped* (only in the first draft) or *added* (only in the second).

A point about several issues appears under each of them. A point dropped from (or added to)
an issue may still have a counterpart in the other draft under other issues (a Peace Council
point that no longer mentions sanctions): the diff names it, found by the same matching run
over all points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from parley.model.records import ISSUES
from parley.plans.model import Figure, Plan, PlanPoint

# Two points about one issue are the same point redrafted when their content words overlap at
# least this much (Dice). Calibrated on the bundled US and Ukrainian summaries: true pairs such
# as "reconstruction package" / "development package" score 0.28 and up; the closest unrelated
# pairs ("will not join NATO" / "joins the EU on a defined date") score 0.19-0.22.
MATCH_THRESHOLD = 0.25
# Added to the overlap when both points carry a figure in the same unit (troops, USD, days): a
# redrafted cap or sum keeps its unit while its number and wording move.
FIGURE_UNIT_BONUS = 0.1
# A reason lists at most this many added and dropped words each; more would retell the point.
MAX_REASON_WORDS = 5
# Words too common to say whether two points are about the same thing.
_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        """a an the and or but of to in on at by for from with into onto is are was were be been being its it
    their them they this that these those as not no nor all any both each other than which who whom will
    shall would should may might must can could under over after before once if so such also only own
    per via upon about against between during within without out off""",
    )
)
_WORD = re.compile(r"[^\W\d_]+")
_SUFFIXES = ("ing", "ed", "es", "s")
# A suffix is cut only when this many letters remain ("guarantees" → "guarantee", "gas" stays).
MIN_STEM = 4


def _stem(word: str) -> str:
    """Return a crude stem: the word without one common inflection ending."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> dict[str, str]:
    """Return the content words of ``text`` as stem → first spelling, in text order."""
    out: dict[str, str] = {}
    for m in _WORD.finditer(text):
        word = m.group(0).lower()
        if len(word) < 3 or word in _STOPWORDS:
            continue
        out.setdefault(_stem(word), m.group(0))
    return out


def point_words(point: PlanPoint) -> dict[str, str]:
    """Return the content words of a point outside its figures ("100 days" is compared as a figure)."""
    text = point.text
    for f in point.figures:
        text = text[: f.start] + " " * (f.end - f.start) + text[f.end :]
    return content_words(text)


def word_overlap(a: dict[str, str], b: dict[str, str]) -> float:
    """Return the Dice coefficient of two sets of content-word stems (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return 2 * len(a.keys() & b.keys()) / (len(a) + len(b))


def similarity(a: PlanPoint, b: PlanPoint) -> float:
    """Return how alike two points are: word overlap, plus a bonus for a figure unit they share."""
    score = word_overlap(point_words(a), point_words(b))
    units_a = {f.unit for f in a.figures if f.unit is not None}
    if units_a & {f.unit for f in b.figures if f.unit is not None}:
        score += FIGURE_UNIT_BONUS
    return score


@dataclass(frozen=True)
class FigureChange:
    """A figure that moved between drafts (before and after), or one that appears on one side only."""

    before: Figure | None
    after: Figure | None

    def describe(self) -> str:
        """Return the change in words: "600,000 personnel → 800,000 personnel", "adds 100 days"."""
        if self.before is not None and self.after is not None:
            return f"{self.before.text} → {self.after.text}"
        if self.after is not None:
            return f"adds {self.after.text}"
        assert self.before is not None
        return f"drops {self.before.text}"

    def to_dict(self) -> dict[str, Any]:
        """Return the change as a JSON-ready dict."""
        return {
            "before": self.before.to_dict() if self.before else None,
            "after": self.after.to_dict() if self.after else None,
            "description": self.describe(),
        }


def figure_changes(before: Sequence[Figure], after: Sequence[Figure]) -> list[FigureChange]:
    """Return how the figures of a point changed, unit by unit, in the order they appear.

    Equal values cancel out; the rest are paired in text order (a changed value), and what is
    left over was added or dropped.
    """
    units = list(dict.fromkeys(f.unit for f in (*before, *after)))
    out: list[FigureChange] = []
    for unit in units:
        olds = [f for f in before if f.unit == unit]
        news = [f for f in after if f.unit == unit]
        for f in list(olds):
            same = next((g for g in news if g.value == f.value), None)
            if same is not None:
                olds.remove(f)
                news.remove(same)
        for old, new in zip(olds, news, strict=False):
            out.append(FigureChange(old, new))
        out.extend(FigureChange(f, None) for f in olds[len(news) :])
        out.extend(FigureChange(None, f) for f in news[len(olds) :])
    return out


@dataclass(frozen=True)
class PointChange:
    """A point found in both drafts, with what differs between its two versions."""

    a: PlanPoint
    b: PlanPoint
    similarity: float
    figures: tuple[FigureChange, ...]
    words_added: tuple[str, ...]
    words_dropped: tuple[str, ...]
    issues_added: tuple[str, ...]
    issues_dropped: tuple[str, ...]

    @property
    def changed(self) -> bool:
        """Return whether the two versions differ in figures, wording or issues."""
        return bool(self.figures or self.words_added or self.words_dropped or self.issues_added
                    or self.issues_dropped)  # fmt: skip

    @property
    def reason(self) -> str:
        """Return a short account of the change ("600,000 personnel → 800,000 personnel; adds: …")."""
        parts = [f.describe() for f in self.figures]
        if self.words_added:
            parts.append("adds: " + _listing(self.words_added))
        if self.words_dropped:
            parts.append("drops: " + _listing(self.words_dropped))
        if self.issues_added:
            parts.append("now also about " + ", ".join(self.issues_added))
        if self.issues_dropped:
            parts.append("no longer about " + ", ".join(self.issues_dropped))
        return "; ".join(parts) if parts else "same wording"

    def to_dict(self) -> dict[str, Any]:
        """Return the pair as a JSON-ready dict."""
        return {
            "a": _point_summary(self.a), "b": _point_summary(self.b), "similarity": round(self.similarity, 3),
            "reason": self.reason, "figures": [f.to_dict() for f in self.figures],
            "words_added": list(self.words_added), "words_dropped": list(self.words_dropped),
        }  # fmt: skip


def _listing(words: Sequence[str]) -> str:
    """Return at most MAX_REASON_WORDS words, comma-separated, with an ellipsis when cut."""
    shown = ", ".join(words[:MAX_REASON_WORDS])
    return shown + (", …" if len(words) > MAX_REASON_WORDS else "")


def compare_points(a: PlanPoint, b: PlanPoint, score: float | None = None) -> PointChange:
    """Return the differences between two versions of a point."""
    wa, wb = point_words(a), point_words(b)
    return PointChange(
        a=a, b=b, similarity=similarity(a, b) if score is None else score,
        figures=tuple(figure_changes(a.figures, b.figures)),
        words_added=tuple(w for s, w in wb.items() if s not in wa),
        words_dropped=tuple(w for s, w in wa.items() if s not in wb),
        issues_added=tuple(i for i in b.issues if i not in a.issues),
        issues_dropped=tuple(i for i in a.issues if i not in b.issues),
    )  # fmt: skip


@dataclass(frozen=True)
class IssueDiff:
    """The changes on one issue: points dropped, added, changed, and those left as they were."""

    issue: str
    dropped: tuple[PlanPoint, ...]
    added: tuple[PlanPoint, ...]
    changed: tuple[PointChange, ...]
    unchanged: tuple[PointChange, ...]

    @property
    def status(self) -> str:
        """Return the issue's overall fate: "added", "dropped", "changed" or "unchanged"."""
        in_a = bool(self.dropped or self.changed or self.unchanged)
        in_b = bool(self.added or self.changed or self.unchanged)
        if not in_a:
            return "added"
        if not in_b:
            return "dropped"
        return "changed" if (self.dropped or self.added or self.changed) else "unchanged"

    def to_dict(
        self, b_for_a: dict[int, PlanPoint] | None = None, a_for_b: dict[int, PlanPoint] | None = None
    ) -> dict[str, Any]:
        """Return the issue's changes as a JSON-ready dict; dropped/added points name their counterpart."""
        b_for_a, a_for_b = b_for_a or {}, a_for_b or {}
        return {
            "issue": self.issue, "status": self.status,
            "dropped": [_point_summary(p, b_for_a.get(p.start)) for p in self.dropped],
            "added": [_point_summary(p, a_for_b.get(p.start)) for p in self.added],
            "changed": [c.to_dict() for c in self.changed],
            "unchanged": [{"a": c.a.number, "b": c.b.number} for c in self.unchanged],
        }  # fmt: skip


@dataclass(frozen=True)
class PlanDiff:
    """Two drafts compared: one IssueDiff per issue that either draft touches, in taxonomy order."""

    a: Plan
    b: Plan
    issues: tuple[IssueDiff, ...]
    b_for_a: dict[int, PlanPoint]  # counterpart in b of a point of a (key: its start), over all issues
    a_for_b: dict[int, PlanPoint]  # counterpart in a of a point of b

    def counterpart(self, point: PlanPoint, *, in_b: bool) -> PlanPoint | None:
        """Return the point's counterpart in the other draft (in b when ``in_b``), whatever its issues."""
        return (self.b_for_a if in_b else self.a_for_b).get(point.start)

    def issue(self, name: str) -> IssueDiff | None:
        """Return the changes on one issue, or None when neither draft touches it."""
        return next((d for d in self.issues if d.issue == name), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the comparison as a JSON-ready dict (the shape of `parley plans diff --json`)."""
        counts = {k: sum(len(getattr(d, k)) for d in self.issues)
                  for k in ("dropped", "added", "changed", "unchanged")}  # fmt: skip
        return {
            "a": _plan_summary(self.a), "b": _plan_summary(self.b),
            "match_threshold": MATCH_THRESHOLD, "counts": counts,
            "issues": [d.to_dict(self.b_for_a, self.a_for_b) for d in self.issues],
        }  # fmt: skip


def _point_summary(p: PlanPoint, counterpart: PlanPoint | None = None) -> dict[str, Any]:
    """Return the fields of a point a diff reader needs (with its counterpart's number and issues)."""
    out: dict[str, Any] = {"number": p.number, "text": p.text, "issues": list(p.issues),
                           "figures": [f.text for f in p.figures]}  # fmt: skip
    if counterpart is not None:
        out["counterpart"] = {"number": counterpart.number, "issues": list(counterpart.issues)}
    return out


def _plan_summary(plan: Plan) -> dict[str, Any]:
    """Return the plan's identity for a diff: name, party, date, number of points."""
    return {"name": plan.name, "party": plan.party.name, "party_qid": plan.party.qid,
            "date": plan.date.isoformat(), "points": len(plan.points)}  # fmt: skip


def match_points(
    a: Sequence[PlanPoint], b: Sequence[PlanPoint]
) -> tuple[list[tuple[PlanPoint, PlanPoint, float]], list[PlanPoint], list[PlanPoint]]:
    """Return (pairs with their score, unmatched of ``a``, unmatched of ``b``), best pairs taken first.

    Ties go to the pair earlier in the drafts, so the result does not depend on dict order.
    """
    scored = sorted(
        ((similarity(p, q), i, j) for i, p in enumerate(a) for j, q in enumerate(b)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[PlanPoint, PlanPoint, float]] = []
    for score, i, j in scored:
        if score < MATCH_THRESHOLD:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((a[i], b[j], score))
    pairs.sort(key=lambda t: t[0].start)
    left_a = [p for i, p in enumerate(a) if i not in used_a]
    return pairs, left_a, [q for j, q in enumerate(b) if j not in used_b]


def diff_plans(a: Plan, b: Plan) -> PlanDiff:
    """Return what changed from draft ``a`` to draft ``b``, issue by issue."""
    touched = {i for p in (*a.points, *b.points) for i in p.issues}
    order = [i for i in ISSUES if i in touched] + sorted(touched - set(ISSUES))
    out = []
    for issue in order:
        pa = [p for p in a.points if issue in p.issues]
        pb = [p for p in b.points if issue in p.issues]
        pairs, dropped, added = match_points(pa, pb)
        compared = [compare_points(p, q, s) for p, q, s in pairs]
        out.append(IssueDiff(
            issue=issue, dropped=tuple(dropped), added=tuple(added),
            changed=tuple(c for c in compared if c.changed),
            unchanged=tuple(c for c in compared if not c.changed),
        ))  # fmt: skip
    pairs, _, _ = match_points(a.points, b.points)
    return PlanDiff(a=a, b=b, issues=tuple(out), b_for_a={p.start: q for p, q, _ in pairs},
                    a_for_b={q.start: p for p, q, _ in pairs})  # fmt: skip
