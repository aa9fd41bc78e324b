"""Which tellings of an act are claims: a party's own announcement of a strike is none unless it is
disputed or flagged; an act told as not done ("no attacks") or only named ("faced attacks") drafts
none; a party confirming an act vouches for it; an account told twice is one claim; an undisputed
count is none however it rounds; an act in a relative clause tells no account; a harm told in the
passive with no doer and no place is a casualty report, no claim; a party telling its own
acceptance of a proposal performs it, no claim; an act another outlet "reported" is news it relays;
an offer or agreeing with someone tells no deal; an attack fought off tells none (real spaCy, real
knowledge base; the sentences are written for the test)."""

from __future__ import annotations

import pytest

from parley.extract.extractor import Extractor
from tests.extract.told import run_claims as run


def test_an_army_announcing_its_own_strikes_makes_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The Israeli military said on Tuesday that its forces struck militant targets "
        "across Gaza City overnight.",
    )
    assert [c.subject for c in ex.claims] == [], "the striker owns the strike: the outlet reports it"


def test_an_own_strike_the_other_side_denies_stays_a_disputed_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia's Defence Ministry said on Thursday that its forces had struck Ukrainian positions near "
        "the town of Siversk. Ukraine's army denied that its positions near Siversk had been hit.",
    )
    strikes = [c for c in ex.claims if c.place is not None and c.place.name == "Siversk"]
    assert len(strikes) == 1
    assert strikes[0].claimant.side == "Q159"
    assert strikes[0].status == "disputed"


def test_attacks_told_as_none_are_no_act_and_the_charge_is_the_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The Rwandan foreign minister said on Wednesday that Burundian forces had broken the ceasefire "
        "in South Kivu, and that there had been no Rwandan attacks on Burundi.",
    )
    assert not any(c.subject.startswith("attack on") for c in ex.claims), "'no attacks' tells no attack"
    charges = [c for c in ex.claims if "broken the ceasefire" in c.subject]
    assert [c.claimant.side for c in charges] == ["Q1037"]


def test_attacks_only_named_in_passing_make_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Iran's foreign ministry spokesman said that Tehran had faced American attacks in the midst "
        "of diplomacy and would not return to the negotiating table soon.",
    )
    assert [c.subject for c in ex.claims] == [], "a noun that names attacks tells no account of one"


def test_an_account_told_twice_is_one_claim(extractor: Extractor) -> None:
    told = (
        "Ukraine's military said on Tuesday that Russian troops had shot dead three unarmed prisoners "
        "of war after they surrendered"
    )
    ex = run(
        extractor,
        f"{told}. Aid groups said supplies were running low across the whole region this winter. "
        f"{told}, in a new breach of the laws of war.",
    )
    assert len(ex.claims) == 1, [c.subject for c in ex.claims]
    assert ex.claims[0].claimant.side == "Q212"
    assert "shot dead" in ex.claims[0].subject


@pytest.mark.parametrize(
    "body",
    [
        "Hezbollah confirmed on Sunday that one of its senior field commanders was targeted in the "
        "Israeli strike on a southern suburb.",
        "Hamas confirmed on Sunday that Israeli jets struck one of its training camps near the southern "
        "town of Rafah, killing two fighters.",
    ],
)
def test_a_party_confirming_an_act_makes_no_claim(extractor: Extractor, body: str) -> None:
    assert [c.subject for c in run(extractor, body).claims] == [], "confirming vouches for the act"


def test_an_undisputed_count_given_as_around_n_is_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "A spokesman for the army, Ahmed Salih, said ground defences shot down around 30 drones, some "
        "carrying mortar shells, while others were small reconnaissance drones.",
    )
    assert [c.subject for c in ex.claims] == [], "'around 30' is a count like 'about 30'"


def test_an_act_in_a_relative_clause_makes_no_account_of_it(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Mogadishu said on Thursday that the Somali troops, which Somalia had deployed to the border "
        "region in October, remained ready to defend the nation and its people.",
    )
    assert [c.subject for c in ex.claims] == [], "the deployment only describes the troops"


def test_a_capture_retold_without_its_town_is_the_placed_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia's Defence Ministry said on Sunday that its forces had captured the village of "
        "Serebrianka in the Donetsk region. Ukraine's army denied that Serebrianka had fallen. "
        "The regional commander said his units, working with other Russian formations, had carried "
        "out assault operations and liberated another settlement from the enemy.",
    )
    retold = [c for c in ex.claims if c.place is None and "liberated" in c.subject]
    assert retold == [], "the settlement liberated is the village just named: one claim, with its place"
    assert [c.place.name for c in ex.claims if c.place is not None] == ["Serebrianka"]


def test_a_strike_the_outlet_tells_itself_is_no_claim_when_a_side_retells_it(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russian missiles struck the city of Kharkiv on Tuesday night, damaging dozens of homes and "
        "a school. Ukraine's military said Russian forces had shelled Kharkiv again on Wednesday morning.",
    )
    assert any(e.type == "ASSAULT" and e.modality == "asserted" for e in ex.events)
    assert [c.subject for c in ex.claims] == [], "the outlet vouches for strikes on Kharkiv: no claim"


def test_a_harm_told_in_the_passive_with_no_doer_is_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "A spokesman for the Sudanese army said on Monday that the farmers were killed as they slept "
        "in their homes.",
    )
    assert [c.subject for c in ex.claims] == [], "a casualty report that accuses nobody is like a toll"


def test_a_passive_harm_with_its_doer_or_a_denial_stays_a_claim(extractor: Extractor) -> None:
    named = run(
        extractor,
        "A spokesman for the Sudanese army said on Monday that the farmers were killed by RSF fighters "
        "as they slept in their homes.",
    )
    assert [c.claimant.side for c in named.claims] == ["Q1049"], "naming the doer makes it a charge"
    denied = run(
        extractor,
        "The Ukrainian army said on Monday that the farmers were killed as they slept in their homes. "
        "Russia's defence ministry denied that the farmers had been killed.",
    )
    assert [(c.claimant.side, c.status) for c in denied.claims] == [("Q212", "disputed")]


def test_a_party_telling_its_own_acceptance_of_a_proposal_makes_no_claim(extractor: Extractor) -> None:
    own = run(
        extractor,
        "Hamas announced on Tuesday that it had accepted the new truce proposal put forward by Egypt "
        "and Qatar for the Gaza Strip.",
    )
    assert [c.subject for c in own.claims] == [], "accepting is done by saying so: a public act"
    other = run(
        extractor,
        "Israel's prime minister said on Tuesday that Hamas had accepted the new truce proposal put "
        "forward by Egypt and Qatar in secret talks.",
    )
    assert [c.claimant.side for c in other.claims] == ["Q801"], "another party's account stays a claim"


def test_an_act_another_outlet_reported_is_news_not_a_claim(extractor: Extractor) -> None:
    reported = run(
        extractor,
        "Government troops shelled rebel positions in the town of Kidal on Monday, killing several "
        "fighters, the Associated Press reported.",
    )
    assert [c.subject for c in reported.claims] == [], "the press crediting the news it relays"
    sourced = run(
        extractor,
        "According to Al Jazeera, government troops shelled rebel positions in the town of Kidal on "
        "Monday, killing several fighters.",
    )
    assert [c.claimant.name for c in sourced.claims] == ["Al Jazeera"], "an outlet as a source stays"
    deal = run(
        extractor,
        "The two leaders had agreed in private to extend the truce by two months, the Jerusalem Post "
        "reported on Monday.",
    )
    assert [c.claimant.name for c in deal.claims] == ["Jerusalem Post"], "a private deal stays its claim"


def test_an_offer_or_agreeing_with_someone_tells_no_deal(extractor: Extractor) -> None:
    offer = run(
        extractor,
        "The Hezbollah leader said on Friday that the United States was now proposing a new truce "
        "framework for southern Lebanon.",
    )
    assert [c.subject for c in offer.claims] == [], "an offer is no deal made"
    view = run(
        extractor,
        '"The Ukrainians have told us that the text is nearly finished, and I agree with them," the '
        "American envoy Steve Witkoff said on Friday.",
    )
    assert [c.subject for c in view.claims] == [], "agreeing with someone is a view"
    deal = run(
        extractor,
        "Ukraine's foreign minister said on Friday that Kyiv had agreed with Washington on the main "
        "points of a peace framework.",
    )
    assert [c.claimant.side for c in deal.claims] == ["Q212"], "agreeing with a party on terms is a deal"


def test_an_attack_told_as_fought_off_is_no_claim(extractor: Extractor) -> None:
    repelled = run(
        extractor,
        "Sudan's army said on Saturday that its air defence systems intercepted a drone attack "
        "targeting a military base in the town of Kosti.",
    )
    assert [c.subject for c in repelled.claims] == [], "a repelled attack is a quote, no event"
    launched = run(
        extractor,
        "Sudan's army said on Saturday that the RSF launched a drone attack targeting a military base "
        "in the town of Kosti.",
    )
    assert [c.subject for c in launched.claims] == ["attack on Kosti"]
