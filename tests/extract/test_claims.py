"""Claims and their status, pinned on the bundled sample and on sentences written for the test
(real spaCy, real knowledge base)."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.extractor import Extractor
from parley.ingest.text import split_front_matter
from parley.model import Extraction
from parley.samples import corpus_dir

PUB = date(2025, 11, 20)
CLAIM = (
    "Russia's Defence Ministry said on Thursday that its forces had captured "
    "the eastern Ukrainian town of Siversk."
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, body: str) -> Extraction:
    return extractor.extract_text("A headline written for the test\n\n" + body, published=PUB, doc_id="t")


def statuses(ex: Extraction) -> dict[str, tuple[str, list[str]]]:
    return {c.subject: (c.status, [a.ref for a in c.disputed_by]) for c in ex.claims}


def test_both_captures_rejected_together_are_disputed_in_the_bundled_sample(extractor: Extractor) -> None:
    (path,) = corpus_dir().glob("*myrnohrad-huliaipole-claims.txt")
    text = path.read_text(encoding="utf-8")
    meta, body = split_front_matter(text, path.name)
    ex = extractor.extract_text(text[body:], published=date.fromisoformat(meta["published"]), doc_id="sample")
    captures = {c.place.name: c for c in ex.claims if c.subject.startswith("capture of") and c.place}
    assert set(captures) == {"Myrnohrad", "Hulyaypole"}
    for claim in captures.values():
        assert claim.claimant.side == "Q159"
        assert claim.status == "disputed", "'rejected both claims' disputes both, whatever the verifiers say"
        assert [a.ref for a in claim.disputed_by] == ["Q212"], "one party disputes it, listed once"


def test_a_threat_under_would_is_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Vladimir Putin said Russia would seize the rest of the region by force "
        "if Kyiv refused to negotiate.",
    )
    assert ex.claims == ()


def test_a_claim_cited_inside_its_denial_is_the_claimants_and_disputed(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine's General Staff said on Thursday that its units still held positions in Kupiansk, "
        "rejecting a claim by the Russian Defence Ministry that the town had fallen.",
    )
    (claim,) = ex.claims
    assert claim.claimant.side == "Q159" and claim.place is not None and claim.place.name.startswith("Kup")
    assert claim.subject.startswith("capture of") and claim.status == "disputed"
    assert [a.ref for a in claim.disputed_by] == ["Q212"]


def test_accusations_from_a_titled_leader_cited_in_a_rebuttal_are_disputed(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine's foreign ministry said on Friday that Kyiv kept every term of the truce, countering "
        "accusations from Russian President Vladimir Putin that Ukrainian drones had struck Belgorod.",
    )
    cited = [c for c in ex.claims if c.claimant.name == "Vladimir Putin"]
    assert len(cited) == 1
    assert cited[0].status == "disputed"
    assert [a.ref for a in cited[0].disputed_by] == ["Q212"]


def test_a_toll_in_contrasting_reports_is_disputed_by_the_other_side(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Both sides gave sharply conflicting casualty figures on Monday, with Armenia saying "
        "four of its soldiers had died while Azerbaijan said that 40 Armenian soldiers were killed.",
    )
    toll = [c for c in ex.claims if c.claimant.ref == "Q227"]
    assert len(toll) == 1 and "40 Armenian soldiers" in toll[0].subject
    assert toll[0].status == "disputed" and [a.ref for a in toll[0].disputed_by] == ["Q399"]


def test_what_a_party_confirms_is_an_admission_not_a_claim(extractor: Extractor) -> None:
    said = run(
        extractor,
        "Hezbollah said on Sunday that Israeli drones had destroyed two of its depots in the south.",
    )
    confirmed = run(
        extractor,
        "Hezbollah confirmed on Sunday that Israeli drones had destroyed two of its depots in the south.",
    )
    assert [c.claimant.name for c in said.claims] == ["Hezbollah"]
    assert confirmed.claims == ()


def test_a_claim_dismissed_as_disinformation_is_disputed(extractor: Extractor) -> None:
    ex = run(
        extractor,
        f"{CLAIM} Ukraine's military dismissed the report as disinformation on Friday morning.",
    )
    assert statuses(ex)["capture of Siversk"] == ("disputed", ["Q212"])


def test_a_claim_with_no_reply_and_no_verification_stays_claimed(extractor: Extractor) -> None:
    ex = run(extractor, CLAIM)
    assert statuses(ex)["capture of Siversk"] == ("claimed", [])


def test_hard_verification_makes_a_claim_unverified(extractor: Extractor) -> None:
    ex = run(
        extractor,
        f"{CLAIM} Independent verification is difficult because reporters cannot reach the front line.",
    )
    assert statuses(ex)["capture of Siversk"] == ("unverified", [])


def test_a_speakers_denial_of_a_capture_is_not_a_claim_of_its_own(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ramzan Kadyrov said on Sunday that Russian forces had seized the village of Ryzhivka. "
        "Volodymyr Zelenskyy on Monday denied that Russian troops had captured "
        "any village in the Sumy region.",
    )
    assert [c.claimant.name for c in ex.claims] == ["Ramzan Kadyrov"]
    assert ex.claims[0].status == "disputed" and [a.ref for a in ex.claims[0].disputed_by] == ["Q3874799"]


def test_a_bare_denial_implies_the_other_sides_capture_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine's General Staff on Thursday denied that Russian forces had captured Huliaipole "
        "in the Zaporizhzhia region. Fighting continued in the town's northern districts, it said.",
    )
    captures = [c for c in ex.claims if c.subject.startswith("capture of")]
    assert [(c.claimant.side, c.status, [a.ref for a in c.disputed_by]) for c in captures] == [
        ("Q159", "disputed", ["Q212"])
    ]


def test_a_claim_its_claimant_retracts_is_refuted(extractor: Extractor) -> None:
    ex = run(
        extractor,
        f"{CLAIM} On Friday Russia's Defence Ministry retracted the claim, "
        "saying fighting in the town was continuing.",
    )
    assert statuses(ex)["capture of Siversk"] == ("refuted", [])


def test_an_attack_a_party_has_not_claimed_is_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Two tankers were hit by sea drones off the Turkish coast on Friday. "
        "Ukraine has not formally claimed the attacks on the two vessels.",
    )
    assert not [c for c in ex.claims if c.claimant.side == "Q212"]


def test_the_town_a_claim_names_only_as_the_city_is_the_one_named_before(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Kupiansk, a railway hub in Ukraine's Kharkiv region, has been under attack for months. "
        "Russia's top general, Valery Gerasimov, claimed on Thursday that the city had fallen.",
    )
    assert [(c.claimant.name, c.subject) for c in ex.claims] == [("Valery Gerasimov", "capture of Kupyansk")]


def test_an_admission_that_the_enemy_entered_the_town_is_no_claim_of_a_capture(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Siversk, a small town in Ukraine's Donetsk region, has been shelled for weeks. Ukraine's "
        "military acknowledged that Russian infantry groups had entered the town but said it held it.",
    )
    assert not [c for c in ex.claims if c.claimant.side == "Q212" and c.place is not None]


def test_an_act_announced_inside_a_quote_is_the_speakers_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        '"I am pleased to announce that Sudan and Chad have agreed to a full and immediate '
        'ceasefire," US President Donald Trump wrote on social media on Saturday.',
    )
    assert ex.claims, "the announced agreement is a claim"
    assert {c.claimant.name for c in ex.claims} == {"Donald Trump"}


def test_a_reported_clause_already_told_as_an_event_claim_gives_no_second_claim() -> None:
    from parley.extract.claims import ClaimDraft, _told_inside
    from parley.extract.quotes import QuoteSpan
    from parley.model.records import ActorRef

    russia = ActorRef(name="Russia", kind="state", id="Q159")
    ministry = ActorRef(name="Defense Ministry", kind="organization")
    kyiv = ActorRef(name="Ukraine", kind="state", id="Q212")
    text = "The Defense Ministry said its forces captured the village of Ryzhivka near the border."
    start = text.index("its forces")
    draft = ClaimDraft(russia, "capture of Ryzhivka", None, 0, text.index("captured"), 0, 0, len(text))
    said = QuoteSpan(start, len(text) - 1, text[start:-1], False, "said", ministry)
    assert _told_inside([draft], said, 0)  # an office the knowledge base does not know: the state's claim
    assert not _told_inside([draft], said, 1)  # another sentence
    other = QuoteSpan(start, len(text) - 1, text[start:-1], False, "said", kyiv)
    assert not _told_inside([draft], other, 0)  # the other side telling it is a claim of its own
    borrowed = ClaimDraft(russia, "capture of Ryzhivka", None, 0, draft.start, 0, 0, len(text), borrowed=True)
    assert not _told_inside([borrowed], said, 0)  # a claimant only borrowed from the act's actor yields


def test_an_act_inside_a_conditional_quote_is_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Iranian Foreign Minister Abbas Araghchi said on Tuesday that the cooperation deal Tehran has "
        "reached with the nuclear watchdog will be scrapped if sanctions are reimposed.",
    )
    assert not [c for c in ex.claims if c.claimant.name == "Abbas Araghchi"]


def test_a_reported_withdrawal_is_no_confirmed_claim_of_its_own(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Israel's army has pulled out of several villages in southern Lebanon but remains in five "
        "hilltop positions, a Lebanese security source said on Tuesday.",
    )
    assert not [c for c in ex.claims if c.status == "confirmed"]


def test_a_reported_use_of_force_is_a_claim_with_no_dispute(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine's military said on Sunday that Russian sabotage groups operating near the northern "
        "border had been destroyed during the night.",
    )
    assert [c.claimant.side for c in ex.claims] == ["Q212"], "a party's account of force it used"
    assert ex.claims[0].status == "claimed"


def test_a_reported_account_with_no_act_stays_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine's military said on Sunday that Russian sabotage groups had been active near the "
        "northern border during the night.",
    )
    assert ex.claims == (), "no act is told: a claim only once disputed or flagged"


def test_an_undisputed_air_defence_count_is_no_claim_even_with_a_place(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia's Defence Ministry said on Monday that its air defences had destroyed 87 Ukrainian "
        "drones over the Belgorod and Kursk regions overnight.",
    )
    assert ex.claims == ()


def test_a_reported_capture_is_never_placed_in_a_province(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia's Defence Ministry said on Monday that its forces had taken control of another "
        "village in Ukraine's eastern Donetsk region.",
    )
    assert ex.claims, "the capture is a claim"
    for claim in ex.claims:
        assert claim.place is None or not (claim.place.feature or "").startswith("A."), claim.place


def test_a_reported_account_of_a_deal_made_in_private_is_a_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Armenia's foreign ministry said on Friday that negotiators from both countries had "
        "finalized the text of a border agreement during closed talks in Vienna.",
    )
    assert ex.claims, "a party's account of what was agreed in private is a claim"
    assert all(c.status == "claimed" for c in ex.claims)


def test_a_reported_clause_holding_a_narrower_act_of_the_same_speaker_gives_one_claim() -> None:
    from parley.extract.claims import ClaimDraft, _holds_narrower
    from parley.model.records import ActorRef

    kyiv = ActorRef(name="Ukraine", kind="state", id="Q212")
    moscow = ActorRef(name="Russia", kind="state", id="Q159")
    outer = ClaimDraft(
        kyiv, "met the delegation, saying the sides had finalized the plan", None, 0, 0, 80, 0, 90
    )
    inner = ClaimDraft(kyiv, "the sides had finalized the plan", None, 0, 40, 80, 0, 90, act=True)
    assert _holds_narrower(outer, [outer, inner]), "the outer clause gives way to the act it holds"
    assert not _holds_narrower(inner, [outer, inner]), "the inner clause is the claim"
    other = ClaimDraft(moscow, inner.subject, None, 0, 40, 80, 0, 90, act=True)
    assert not _holds_narrower(outer, [outer, other]), "another speaker's clause is another claim"
    idle = ClaimDraft(kyiv, "the talks had gone on late", None, 0, 40, 80, 0, 90)
    acting = ClaimDraft(kyiv, outer.subject, None, 0, 0, 80, 0, 90, act=True)
    assert not _holds_narrower(acting, [acting, idle]), "an outer act does not yield to an inner non-act"


def test_an_act_a_party_is_ready_to_do_is_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Turkish President Recep Tayyip Erdogan told reporters on Monday that Ankara is prepared "
        "to host a new round of peace talks between the two warring sides.",
    )
    assert ex.claims == (), "a disposition tells no act"


def test_a_denial_just_before_a_capture_claim_disputes_it(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine's General Staff rejected the report as false and said its troops were still fighting. "
        "Russia's Defence Ministry said on Thursday that its forces had captured the eastern town "
        "of Siversk.",
    )
    status, by = statuses(ex)["capture of Siversk"]
    assert status == "disputed"
    assert by == ["Q212"]


def test_a_denial_before_an_undisputed_account_of_no_act_makes_no_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Rwanda has repeatedly denied the charge and calls it a campaign of lies by its neighbour. "
        "A report by United Nations experts said Rwanda exercised command over the rebel movement.",
    )
    assert not [c for c in ex.claims if "command" in c.subject]


def test_a_capture_only_tried_is_no_capture_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Ukraine's General Staff said on Thursday that Russian forces tried to capture the eastern town "
        "of Siversk on several occasions during the week.",
    )
    assert "capture of Siversk" not in statuses(ex)


def test_an_act_nobody_tells_stays_the_outlets_statement_when_denied(extractor: Extractor) -> None:
    body = (
        "Residents of the town told reporters that the Rapid Support Forces attacked the town of Bara "
        "with artillery and combat vehicles on Saturday morning. "
        "The Sudanese army denied that the town had fallen and said that its troops still held it."
    )
    ex = run(extractor, body)
    assert not [c for c in ex.claims if c.claimant.name == "Rapid Support Forces"]


def test_a_denial_of_something_else_next_to_a_claim_does_not_dispute_it(extractor: Extractor) -> None:
    ex = run(
        extractor,
        f"{CLAIM} Ukraine's military denied reports that a delegation had quietly travelled to Geneva.",
    )
    assert statuses(ex)["capture of Siversk"] == ("claimed", [])


def test_a_denial_pointing_back_at_the_claim_still_disputes_it(extractor: Extractor) -> None:
    ex = run(extractor, f"{CLAIM} Ukraine's military denied that the town had been lost.")
    assert statuses(ex)["capture of Siversk"] == ("disputed", ["Q212"])


def test_a_denial_sharing_the_claims_words_still_disputes_it(extractor: Extractor) -> None:
    ex = run(extractor, f"{CLAIM} Ukraine's military denied that Russian forces had captured anything there.")
    assert statuses(ex)["capture of Siversk"] == ("disputed", ["Q212"])
