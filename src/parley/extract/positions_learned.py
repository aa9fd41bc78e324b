"""A learned issue step for positions: the issue of a stance clause the rules find no issue for.

Why a model was tried: the position rules need an issue word in or near the stance clause
(issues.toml), so they drop a clause with a stance cue and a resolved party when its issue is
named in words the lexicon lacks or only by what the article is about. Each such reading of the
rules (a stance cue, its party, its clause: ``positions._Finder.readings``) is paired with every
issue named in its clause, its sentence, the sentences before it or throughout the article; a
logistic regression (:mod:`parley.learn.linear`, trained by ``train/positions.py``) reads general
features of each pair (where the issue is named relative to the stance, the cue, the party's
kind, negation, the clause's words crossed with the issue) and the best pair at ADD_AT or more
gives the reading its issue. The rules' own issues are never changed, and a (party, issue) pair
is still reported once (``strongest_per_party_issue``).

Measured (December 2026), trained without the half it is scored on (train/positions.py, l2 1e-2):
realnews-dev-b positions 0.599 -> 0.600 at ADD_AT 0.8 (41/57 -> 42/60 of 80; 0.587-0.604 from 0.5
to 0.9), dev-a 0.726 -> 0.722 (61/85 -> 61/86 of 83; 0.722-0.729). One record either way: the
training articles hold only about a dozen gold positions a dropped reading could add (8 of 100
pairs without dev-b), too few to learn how a stance names its issue; the weights it finds are a
few article words. Earlier designs lost more on dev-b: one label per reading over all readings
(0.549-0.587), a veto of the rules' issues (0.576-0.593), pairs from every reading including those
the rules already report (0.505-0.568), pairs from every reading less the pairs already reported
(0.592-0.600, dev-a 0.713-0.734).
So no model is shipped: :func:`position_model` finds none in MODELS.toml and the rules work alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from parley.analyse.doc_views import text as doc_text
from parley.extract.positions import StanceReading, issue_hits
from parley.learn import linear

if TYPE_CHECKING:
    from parley.rules import Rules

MODEL_NAME = "positions"
YES = "yes"
# A reading the rules give no issue takes the model's best candidate issue at this probability or
# more (a high bar: most of what the model adds is wrong; see the measurements above).
ADD_AT = 0.8
# Issues named this many sentences before a stance still describe its topic.
CONTEXT_SENTENCES = 3
# The parts of speech whose lemmas describe what a clause is about.
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})


@lru_cache(maxsize=1)
def position_model() -> linear.LinearModel | None:
    """Return the shipped issue model, or None when none is listed (the rules work alone)."""
    if MODEL_NAME not in linear.expected_hashes():
        return None
    return linear.load(MODEL_NAME)


class ArticleIssues:
    """The issue lexicon's hits of one article, by sentence, so each reading's context is cheap."""

    def __init__(self, sents: Sequence[object], doc: object, rules: Rules) -> None:
        text = doc_text(doc)
        starts = [s.start_char for s in sents]  # type: ignore[attr-defined]
        self.by_sentence: list[set[str]] = [set() for _ in sents]
        counts: Counter[str] = Counter()
        for start, _, issue in issue_hits(text, rules):
            i = max(0, _last_le(starts, start))
            self.by_sentence[i].add(issue)
            counts[issue] += 1
        total = sum(counts.values())
        # the issues that make up at least a fifth of the article's issue words
        self.article = sorted(i for i, c in counts.items() if total and c / total >= 0.2)

    def before(self, index: int) -> set[str]:
        """Return the issues named in the CONTEXT_SENTENCES sentences before sentence ``index``."""
        out: set[str] = set()
        for s in self.by_sentence[max(0, index - CONTEXT_SENTENCES) : index]:
            out |= s
        return out


def _last_le(starts: Sequence[int], pos: int) -> int:
    """Return the index of the last start at or before ``pos``."""
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def pair_features(r: StanceReading, issue: str, issues: ArticleIssues, rules: Rules) -> tuple[str, ...]:
    """Return the features of one (reading, issue) pair: where the issue is named relative to the
    stance (its own clause, its sentence, the sentences before, the article's main issues), what
    kind of cue and party it is, and the clause's words crossed with the issue."""
    cue = r.cue
    clause_text = "".join(t.text_with_ws for t in r.clause)
    in_clause = {i for _, _, i in issue_hits(clause_text, rules)}
    sent, prev = issues.by_sentence[r.index], issues.before(r.index)
    where = [
        name
        for name, found in (
            ("clause", issue in in_clause),
            ("sent", issue in sent),
            ("prev", issue in prev),
            ("art", issue in issues.article),
        )
        if found
    ]
    lemma = cue.lemma_.lower()
    f = [f"issue={issue}", f"where={'+'.join(where) or 'nowhere'}", f"kind={r.party.kind}"]
    f += [f"at={w}" for w in where]
    f += [f"at={w}&issue={issue}" for w in where]
    f += [f"n_sent={min(len(sent), 3)}", f"cue={lemma}", f"cue_pos={cue.pos_}"]
    if any(c.dep_ == "neg" for c in cue.children):
        f.append("neg")
    words = {t.lemma_.lower() for t in r.clause if t.pos_ in _CONTENT_POS and not t.is_stop}
    f += [f"w={w}&issue={issue}" for w in sorted(words)]
    return tuple(f)


def candidate_issues(r: StanceReading, issues: ArticleIssues, rules: Rules) -> list[str]:
    """Return the issues a reading may be about: those named in its clause, its sentence, the
    sentences before it, or throughout the article."""
    clause_text = "".join(t.text_with_ws for t in r.clause)
    found = [i for _, _, i in issue_hits(clause_text, rules)]
    found += sorted(issues.by_sentence[r.index]) + sorted(issues.before(r.index)) + issues.article
    return list(dict.fromkeys(found))


def judged_readings(
    model: linear.LinearModel,
    readings: Sequence[StanceReading],
    issues: ArticleIssues,
    rules: Rules,
    add_at: float = ADD_AT,
) -> list[StanceReading]:
    """Return the readings, each the rules gave no issue with the candidate issue the model judges
    likeliest when it gives that pair ``add_at`` or more; the rules' issues stay as they are."""
    out = []
    for r in readings:
        if r.issues:
            out.append(r)
            continue
        best, best_p = "", 0.0
        for issue in candidate_issues(r, issues, rules):
            p = model.scores(pair_features(r, issue, issues, rules)).get(YES, 0.0)
            if p > best_p:
                best, best_p = issue, p
        out.append(replace(r, issues=(best,)) if best and best_p >= add_at else r)
    return out
