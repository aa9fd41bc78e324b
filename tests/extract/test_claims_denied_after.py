"""A party a claim charges that denies something as the subject of a verb of denying, in the
claim's sentence or just after it, disputes the claim, though its denial names neither the place
nor the claim and no quote finder reads it as reported speech; rejecting the reports does too, but
rejecting a proposal, or a denial not made ("did not deny"), disputes nothing (real spaCy, real
knowledge base; the sentences are written for the test)."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from tests.extract.told import run_claims as run

CHARGE = (
    "Sudan's army said on Tuesday that the Rapid Support Forces had shelled the central market "
    "in the town of Tawila overnight. "
)


def test_the_charged_party_denying_next_disputes_the_claim(extractor: Extractor) -> None:
    ex = run(extractor, CHARGE + "The Rapid Support Forces denied attacking civilians anywhere in Darfur.")
    tawila = [c for c in ex.claims if c.place is not None and c.place.name == "Tawila"]
    assert len(tawila) == 1, [(c.subject, c.place) for c in ex.claims]
    assert tawila[0].status == "disputed"
    assert "Rapid Support Forces" in [a.name for a in tawila[0].disputed_by]


def test_a_denial_not_made_disputes_nothing(extractor: Extractor) -> None:
    ex = run(extractor, CHARGE + "The Rapid Support Forces did not deny attacking the market in Darfur.")
    tawila = [c for c in ex.claims if c.place is not None and c.place.name == "Tawila"]
    assert all(c.status != "disputed" for c in tawila), [(c.subject, c.status) for c in tawila]


def test_rejecting_a_proposal_disputes_nothing(extractor: Extractor) -> None:
    ex = run(
        extractor,
        CHARGE + "The Rapid Support Forces rejected the truce proposal put forward by the mediators.",
    )
    tawila = [c for c in ex.claims if c.place is not None and c.place.name == "Tawila"]
    assert tawila, [(c.subject, c.place) for c in ex.claims]
    assert all(c.status != "disputed" for c in tawila), [(c.subject, c.status) for c in tawila]


def test_rejecting_the_reports_disputes_the_claim(extractor: Extractor) -> None:
    ex = run(extractor, CHARGE + "The Rapid Support Forces rejected the reports as fabrications.")
    tawila = [c for c in ex.claims if c.place is not None and c.place.name == "Tawila"]
    assert [c.status for c in tawila] == ["disputed"], [(c.subject, c.status) for c in tawila]
