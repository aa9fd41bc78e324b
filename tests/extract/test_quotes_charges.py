"""A charge with a quoted fragment in it is reported speech (CONVENTIONS.md, settled in
adjudication): "accused X of trying to '...'" gives the fragment as a direct quote and the charge as
an indirect one, both the accuser's; a charge with no quotation is an event only. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from tests.extract.test_quotes import NOVAK, POLAND, run, speaker_of

pytestmark = pytest.mark.spacy


def test_a_quoted_charge_is_the_accusers_fragment_and_clause(nlp):
    qs = run(
        nlp, 'On Monday, Anna Novak accused Latvia of trying to "rewrite the border" through quiet pressure.'
    )
    assert speaker_of(qs, "rewrite the border") == NOVAK
    charge = [q for q in qs if not q.direct]
    assert [q.text for q in charge] == ['Latvia of trying to "rewrite the border" through quiet pressure']
    assert charge[0].speaker == NOVAK


def test_a_charge_opening_on_its_quotation_is_both_quotes(nlp):
    qs = run(nlp, 'Warsaw has accused the monitors of "looking away" while the convoy crossed the border.')
    assert [q.direct for q in qs].count(True) == 1
    assert any(not q.direct and q.text.startswith("the monitors of") for q in qs)
    assert all(q.speaker is not None and q.speaker.id == POLAND.id for q in qs)


def test_a_charge_without_a_quotation_is_no_quote(nlp):
    assert run(nlp, "Anna Novak accused Latvia of closing the border crossing without warning.") == []


def test_a_quotation_under_another_cue_in_the_charge_is_not_the_charge(nlp):
    # the fragment is what "its critics" call it, not the accuser's words
    qs = run(
        nlp,
        'Anna Novak accused Latvia of delaying the talks in what its critics describe as "a waiting game".',
    )
    assert all(q.direct for q in qs)
