"""The learned speaker re-ranker's candidates, features and choice (real spaCy, real knowledge base):
the candidates train/speakers.py learns from are the rules' pick and the parties named in the quote's
sentence and the two before it, never a name inside the quoted words."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from parley.extract.context import ArticleContext
from parley.extract.extractor import ANALYSE, QUOTES
from parley.extract.quotes_lexicon import load_lexicon
from parley.extract.speakers_learned import (
    NO,
    YES,
    can_speak,
    candidates,
    choose,
    features,
    speaker_model,
    speaking_mentions,
)
from parley.learn import linear
from tests.extract.told import context_after

BODY = (
    "Volodymyr Zelensky met Emmanuel Macron in Kyiv on Thursday to discuss the security talks. "
    "Afterwards the Ukrainian leader spoke to reporters outside the presidential office. "
    '"We will not give up a single village to Vladimir Putin," Zelensky told the journalists.'
)


@pytest.fixture(scope="module")
def context() -> ArticleContext:
    return context_after(BODY, (ANALYSE, QUOTES))


def _the_quote(context: ArticleContext):  # type: ignore[no-untyped-def]
    (q,) = [q for q in context.need("qspans") if q.direct]
    return q


def test_candidates_are_the_rules_pick_and_parties_near_the_quote_not_inside_it(
    context: ArticleContext,
) -> None:
    q = _the_quote(context)
    assert q.speaker is not None and "Zelensky" in q.speaker.name
    cands = candidates(context, q, speaking_mentions(context))
    assert cands[0].source == "rules" and cands[0].actor.ref == q.speaker.ref
    names = [context.text[c.start : c.end] for c in cands if c.source != "rules"]
    assert "Volodymyr Zelensky" in names, "a party two sentences before the quote is a candidate"
    assert all(not (q.start <= c.start < q.end) for c in cands if c.source != "rules")
    assert not any("Putin" in n for n in names), "a name inside the quoted words is no candidate"


def test_features_tell_the_subject_of_the_speech_verb_after_the_quote(context: ArticleContext) -> None:
    q = _the_quote(context)
    lex = load_lexicon(context.resources.rules)
    cands = candidates(context, q, speaking_mentions(context))
    quoted = Counter(x.speaker.ref for x in context.need("qspans") if x.speaker is not None)
    by_start = {c.start: features(context, q, c, cands, quoted, lex) for c in cands if c.source != "rules"}
    after = [f for s, f in by_start.items() if s > q.end]
    assert after, "'Zelensky told' follows the quote"
    assert {"side=after", "sdist=0", "dep&say=nsubj|True", "rule"} <= set(after[0])
    first = by_start[min(by_start)]
    assert {"side=before", "sdist=2"} <= set(first)


def test_choose_fills_only_a_quote_the_rules_leave_without_a_speaker(context: ArticleContext) -> None:
    q = _the_quote(context)
    lex = load_lexicon(context.resources.rules)
    quoted: Counter[str] = Counter()
    pool = speaking_mentions(context)
    model = linear.train(
        [linear.Example(("dep&say=nsubj|True",), YES), linear.Example(("side=before",), NO)] * 5,
        epochs=10,
        min_count=1,
    )
    cands = candidates(context, q, pool)
    feats = [features(context, q, c, cands, quoted, lex) for c in cands]
    assert choose(model, q, cands, feats) is None, "the rules' speaker is kept"
    bare = replace(q, speaker=None, speaker_start=-1, speaker_end=-1)
    cands = candidates(context, bare, pool)
    assert all(c.source != "rules" for c in cands)
    assert any(c.start < q.start for c in cands), "Macron and Zelensky are named before the quote"
    feats = [features(context, bare, c, cands, quoted, lex) for c in cands]
    pick = choose(model, bare, cands, feats)
    assert pick is not None and pick.start > q.end, "the subject of 'told' after the quote"
    assert "Zelensky" in pick.actor.name


def test_the_shipped_model_is_listed_small_and_gives_an_unattributed_quote_to_its_speaker(
    context: ArticleContext,
) -> None:
    """Judged on the real candidates of a real parse, not on a hand-made feature list: which single
    feature carries the preference moves each time the rules change what the ranker learns from."""
    model = speaker_model()
    assert model is not None, "speakers is in TRAINERS and MODELS.toml"
    assert model.labels == (NO, YES)
    assert (linear.MODELS_DIR / "speakers.json").stat().st_size <= 2_000_000
    bare = replace(_the_quote(context), speaker=None, speaker_start=-1, speaker_end=-1)
    lex = load_lexicon(context.resources.rules)
    cands = candidates(context, bare, speaking_mentions(context))
    feats = [features(context, bare, c, cands, Counter(), lex) for c in cands]
    pick = choose(model, bare, cands, feats)
    assert pick is not None and "Zelensky" in pick.actor.name, "the speaker, not Macron, whom he met"
    macron = [
        model.scores(tuple(f))[YES] for c, f in zip(cands, feats, strict=True) if "Macron" in c.actor.name
    ]
    assert macron and max(macron) < model.scores(tuple(feats[cands.index(pick)]))[YES]


LISTENERS = (
    "Two engineers at the energy ministry told Reuters that the pipeline had been shut for repairs. "
    "Some villagers that Reuters was able to reach by phone said the water had not come back at all. "
    "Reuters reported that the repairs would take at least another week to finish."
)


def test_a_listener_or_a_bystander_outlet_is_no_candidate_but_an_outlet_that_reports_is() -> None:
    context = context_after(LISTENERS, (ANALYSE, QUOTES))
    lex = load_lexicon(context.resources.rules)
    doc = context.need("doc")
    reuters = [m for m in speaking_mentions(context) if m.actor is not None and m.actor.name == "Reuters"]
    assert len(reuters) == 3
    told, reached, reported = sorted(reuters, key=lambda m: m.start)
    assert not can_speak(doc, told, lex), "the one told is who hears the words"
    assert not can_speak(doc, reached, lex, outlet=True), "an outlet in someone else's sentence"
    assert can_speak(doc, reported, lex, outlet=True), "'Reuters reported': the outlet is the source"
    pool = speaking_mentions(context)
    for q in context.need("qspans"):
        if "pipeline" in q.text or "water" in q.text:
            names = [context.text[c.start : c.end] for c in candidates(context, q, pool)]
            assert "Reuters" not in names, q.text
