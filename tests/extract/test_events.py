"""Event and claim rules, each pinned on sentences written for the test (real spaCy, real KB)."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.extractor import Extractor
from parley.model import Extraction

PUB = date(2025, 12, 12)  # a Friday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, body: str, published: date = PUB) -> Extraction:
    return extractor.extract_text("Test headline for the story\n\n" + body, published=published, doc_id="t")


def events_of(ex: Extraction, kind: str) -> list[tuple[str | None, list[str], str]]:
    return [
        (e.date.value.isoformat() if e.date else None, [a.ref for a in e.actors], e.modality)
        for e in ex.events
        if e.type == kind
    ]


def test_a_meeting_is_consult_between_both_parties_dated_by_its_weekday(extractor: Extractor) -> None:
    ex = run(extractor, "Vladimir Putin met Donald Trump in Alaska on Friday to discuss the war.")
    consults = events_of(ex, "CONSULT")
    assert consults and consults[0][0] == "2025-12-12"
    assert set(consults[0][1]) >= {"Q7747", "Q22686"}


def test_a_phone_call_has_the_phone_mode(extractor: Extractor) -> None:
    ex = run(extractor, "Donald Trump and Vladimir Putin spoke by phone on Tuesday, the Kremlin said.")
    phone = [e for e in ex.events if e.type == "CONSULT" and e.mode == "phone"]
    assert phone and {a.ref for a in phone[0].actors} >= {"Q22686", "Q7747"}


def test_one_named_side_is_not_a_meeting(extractor: Extractor) -> None:
    ex = run(extractor, "Volodymyr Zelenskyy said the meeting would be difficult.")
    assert not [e for e in ex.events if e.type == "CONSULT" and len(e.actors) < 2]


def test_a_capture_claimed_by_one_side_and_denied_by_the_other_is_a_disputed_claim(
    extractor: Extractor,
) -> None:
    ex = run(
        extractor,
        "Russia's Defence Ministry said on Thursday that its forces had captured Siversk. "
        "Ukraine's General Staff denied it, saying its troops still held positions in Siversk.",
    )
    assaults = [e for e in ex.events if e.type == "ASSAULT"]
    assert assaults and assaults[0].modality == "claimed"
    assert assaults[0].date is None, "the weekday dates the statement, not the capture"
    assert "Q212" in [a.ref for a in assaults[0].actors], (
        "a capture of a Ukrainian town is an attack on Ukraine"
    )
    (claim,) = [c for c in ex.claims if c.place and c.place.name == "Siversk"]
    assert claim.claimant.ref == "Q159"
    assert claim.status == "disputed" and [a.ref for a in claim.disputed_by] == ["Q212"]


def test_an_unverifiable_claim_is_unverified(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia said its troops had captured Kupiansk. The claim could not be independently verified.",
    )
    claims = [c for c in ex.claims if c.place and c.place.name.startswith("Kup")]
    assert claims and claims[0].status == "unverified"


def test_a_later_withdrawal_confirms_the_capture(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia said its forces had taken Siversk. Ukraine's army later said it had withdrawn from Siversk.",
    )
    claims = [c for c in ex.claims if c.place and c.place.name == "Siversk"]
    assert claims and claims[0].status == "confirmed"


def test_an_alleged_attack_is_also_an_accusation(extractor: Extractor) -> None:
    ex = run(extractor, "Israel said on Sunday that Hamas fighters had attacked its troops in Rafah.")
    accuse = [e for e in ex.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].mode == "allege"
    assert accuse[0].actors[0].ref == "Q801" and accuse[0].actors[1].name == "Hamas"
    assert accuse[0].date is not None and accuse[0].date.value == date(2025, 12, 7)


def test_claims_of_a_capture_called_untrue_are_no_event(extractor: Extractor) -> None:
    ex = run(extractor, "Zelenskyy said that Russia's claims of having captured Kupiansk were untrue.")
    assert not [e for e in ex.events if e.type == "ASSAULT"]


def test_releasing_prisoners_is_retreat_release(extractor: Extractor) -> None:
    ex = run(extractor, "Hamas released 20 hostages on Monday, and Israel freed nearly 2,000 prisoners.")
    releases = [e for e in ex.events if e.type == "RETREAT" and e.mode == "release"]
    assert {e.actors[0].ref for e in releases} >= {"Q801"}


def test_drone_strikes_have_the_drone_mode(extractor: Extractor) -> None:
    ex = run(extractor, "Russia struck Kharkiv with drones overnight, killing two people.")
    strikes = [e for e in ex.events if e.type == "ASSAULT" and e.actors[0].ref == "Q159"]
    assert strikes and strikes[0].mode == "drone"
    assert strikes[0].place is not None and strikes[0].place.name == "Kharkiv"


def test_a_planned_meeting_is_planned(extractor: Extractor) -> None:
    ex = run(extractor, "Steve Witkoff will meet Vladimir Putin in Moscow next week.")
    consults = [e for e in ex.events if e.type == "CONSULT"]
    assert consults and consults[0].modality == "planned"


def test_history_is_not_news(extractor: Extractor) -> None:
    ex = run(extractor, "Russia attacked Ukraine in February 2022, starting the war.")
    assert not [e for e in ex.events if e.type == "ASSAULT"]


def test_a_day_before_the_talks_is_resolved_against_the_talks(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Donald Trump held talks with Volodymyr Zelenskyy on December 28. "
        "A day before the talks, Russia pounded Kyiv with missiles.",
        published=date(2025, 12, 29),
    )
    strikes = [e for e in ex.events if e.type == "ASSAULT"]
    assert strikes and strikes[0].date is not None and strikes[0].date.value == date(2025, 12, 27)
    assert strikes[0].mode == "heavy-weapons"


def test_a_dateline_names_no_actor_or_place(extractor: Extractor) -> None:
    ex = run(extractor, "KYIV, December 12 - Russia struck Kharkiv with drones overnight, officials said.")
    assert "Kyiv" not in {p.name for p in ex.places}
    assert all(a.ref != "Q212" for e in ex.events for a in e.actors[:1])


def test_calling_a_party_is_a_phone_call_but_calling_something_a_name_is_not(extractor: Extractor) -> None:
    phoned = run(extractor, "Donald Trump called Vladimir Putin on Tuesday.")
    assert [e.mode for e in phoned.events if e.type == "CONSULT"] == ["phone"]
    named = run(extractor, "Russia called the strike a response to a drone attack on Vladimir Putin.")
    assert not [e for e in named.events if e.type == "CONSULT"]


def test_the_demonym_capital_is_the_capital(extractor: Extractor) -> None:
    ex = run(extractor, "Russia pounded the Ukrainian capital with missiles on Thursday.")
    strikes = [e for e in ex.events if e.type == "ASSAULT"]
    assert strikes and strikes[0].place is not None and strikes[0].place.name == "Kyiv"
    assert [a.ref for a in strikes[0].actors] == ["Q159", "Q212"]
    assert strikes[0].date is not None and strikes[0].date.value == date(2025, 12, 11)


def test_a_request_needs_something_asked_for(extractor: Extractor) -> None:
    asked = run(extractor, "Zelenskyy urged Europe on Friday to send more air defence systems.")
    assert [e.mode for e in asked.events if e.type == "REQUEST"] == ["assist"]
    named = run(extractor, "Antonio Guterres called the attacks a worrying development on Friday.")
    assert not [e for e in named.events if e.type == "REQUEST"]


def test_a_standing_demand_is_a_position_not_an_event(extractor: Extractor) -> None:
    ex = run(extractor, "Moscow demands that Ukraine withdraw from the Donetsk region.")
    assert not [e for e in ex.events if e.type == "REQUEST"]
    assert [(p.party.ref, p.issue) for p in ex.positions] == [("Q159", "territory")]


def test_a_headline_ending_in_a_quotation_is_still_a_headline(extractor: Extractor) -> None:
    ex = extractor.extract_text(
        'Moscow Says Kupiansk Has Fallen; Kyiv Calls It a "Cheap Provocation"\n\n'
        "Russia's army said on Thursday that it had taken Kupiansk.",
        published=PUB,
        doc_id="t",
    )
    assert all(q.start > 60 for q in ex.quotes)
    assert not [e for e in ex.events if e.type == "REQUEST"]


def test_a_flagged_account_is_an_unverified_claim(extractor: Extractor) -> None:
    flagged = run(
        extractor,
        "Ukraine's interior ministry said Russian strikes had killed 40 people in Kharkiv. "
        "The figure could not be independently verified.",
    )
    assert [(c.claimant.ref, c.status) for c in flagged.claims] == [("Q212", "unverified")]
    plain = run(
        extractor, "Ukraine's interior ministry said Russian strikes had hit a power plant in Kharkiv."
    )
    assert [c.status for c in plain.claims] == ["claimed"]  # (unflagged, a toll would be no claim)


def test_a_stance_voiced_in_a_quote_is_a_position_of_its_speaker(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Antonio Guterres said on Friday that both sides must protect civilian infrastructure.",
    )
    assert ("Q311440", "humanitarian") in [(p.party.ref, p.issue) for p in ex.positions]
    plain = run(extractor, "Antonio Guterres said on Friday that civilian infrastructure was damaged.")
    assert not plain.positions, "a report of a fact states no stance"


def test_a_leaders_forces_act_for_his_state(extractor: Extractor) -> None:
    ex = run(extractor, "Burhan said his forces had withdrawn from El Fasher.")
    retreats = [e for e in ex.events if e.type == "RETREAT"]
    assert retreats and retreats[0].actors[0].ref == "Q1049"


def test_the_reporter_of_an_unattributed_killing_is_not_its_attacker(extractor: Extractor) -> None:
    ex = run(extractor, "Vitali Klitschko said two people were killed in Kyiv overnight.")
    assert not [e for e in ex.events if e.type == "ASSAULT" and e.actors[0].name == "Vitali Klitschko"]


def test_rejecting_is_rejecting_something_proposed(extractor: Extractor) -> None:
    rejected = run(extractor, "Russia rejected the European counter-proposal on Monday.")
    assert [e.actors[0].ref for e in rejected.events if e.type == "REJECT"] == ["Q159"]
    declined = run(extractor, "Asked about it on Monday, Dmitry Peskov declined to give details.")
    assert not [e for e in declined.events if e.type == "REJECT"]


def test_retellings_of_one_meeting_are_one_event_with_every_detail(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Donald Trump held talks with Volodymyr Zelenskyy on December 28. "
        "Trump met Zelenskyy at his residence in Florida.",
        published=date(2025, 12, 29),
    )
    consults = [e for e in ex.events if e.type == "CONSULT"]
    assert len(consults) == 1
    assert consults[0].date is not None and consults[0].date.value == date(2025, 12, 28)
    assert consults[0].place is not None and consults[0].place.name == "Florida"


def test_a_denial_naming_no_town_still_disputes_the_capture_claim(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia's Defence Ministry said on Thursday that its forces had captured Pokrovsk and Myrnohrad. "
        "Ukraine's General Staff said its units were still fighting in the two towns.",
    )
    statuses = {c.place.name: c.status for c in ex.claims if c.place}
    assert statuses == {"Pokrovsk": "disputed", "Myrnohrad": "disputed"}
    assert not [c for c in ex.claims if c.claimant.ref == "Q212"], "the denial is no claim of its own"


def test_a_capture_claimed_by_a_general_is_his_claim_not_also_his_states(extractor: Extractor) -> None:
    ex = run(
        extractor, "Russia's top general, Valery Gerasimov, claimed that Russian forces had taken Kupiansk."
    )
    assert [c.claimant.name for c in ex.claims] == ["Valery Gerasimov"]


def test_saying_another_party_broke_the_truce_is_an_accusation(extractor: Extractor) -> None:
    ex = run(extractor, "Pakistan said on Sunday that India had violated the ceasefire.")
    accuse = [(e.actors[0].ref, e.actors[1].ref, e.mode) for e in ex.events if e.type == "ACCUSE"]
    assert accuse == [("Q843", "Q668", "allege")]


def test_cutting_ties_is_a_sanction_and_scrambling_jets_mobilises(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "On Tuesday, Sudan cut diplomatic ties with the United Arab Emirates. "
        "Poland scrambled fighter jets during the attack.",
    )
    kinds = {(e.type, e.actors[0].ref) for e in ex.events}
    assert ("SANCTION", "Q1049") in kinds and ("MOBILIZE", "Q36") in kinds


def test_an_asserted_act_takes_the_day_its_paragraph_names(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "On Tuesday, Israel struck Rafah. Israel then hit targets in Gaza City.\n\n"
        "Russia said its forces had taken Siversk.",
    )
    dated = {e.place.name: e.date.value if e.date else None for e in ex.events if e.place}
    assert dated.get("Gaza") == date(2025, 12, 9), dated
    assert dated.get("Siversk") is None, "a party's account borrows no date from another paragraph"


@pytest.mark.spacy
def test_an_act_dated_after_publication_is_planned_and_a_possible_one_hypothetical() -> None:
    import datetime

    import parley

    published = datetime.date(2025, 5, 15)  # a Thursday
    text = "Russia holds talks with Ukraine in Istanbul on Saturday to discuss a prisoner exchange."
    ex = parley.extract(text, published=published)
    assert [(e.type, e.modality, e.date.value if e.date else None) for e in ex.events] == [
        ("CONSULT", "planned", datetime.date(2025, 5, 17))
    ]
    ex = parley.extract(
        "Officials discussed a possible meeting between Zelenskyy and Putin, the Kremlin said on Thursday.",
        published=published,
    )
    assert [e.modality for e in ex.events if e.type == "CONSULT"] == ["hypothetical"]


def test_an_attack_in_a_territory_its_state_does_not_hold_names_no_defender(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Israel struck a house in Khan Younis in the south of the Gaza Strip on Tuesday, killing four.",
    )
    gaza = events_of(ex, "ASSAULT")
    assert gaza and "Q801" in gaza[0][1] and "Q219060" not in gaza[0][1], gaza
    ex = run(
        extractor,
        "Russia struck a power plant in Kharkiv on Tuesday, cutting electricity to thousands of homes.",
    )
    kharkiv = events_of(ex, "ASSAULT")
    assert kharkiv and kharkiv[0][1] == ["Q159", "Q212"], "a town of a state that holds it: its defender"


def test_the_states_without_hold_are_read_from_the_registry() -> None:
    from parley.extract.event_records import _states_without_hold
    from parley.kb.actors import default_registry

    unheld = _states_without_hold(default_registry())
    assert {"Q219060", "Q805"} <= unheld  # non-member Palestine; Yemen, whose capital the Houthis stand for
    assert not unheld & {"Q212", "Q822", "Q1049", "Q974"}


def test_an_attack_that_was_thwarted_or_repelled_is_no_event(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russia's attack on the dam was thwarted by Ukrainian air defences late on Tuesday, officials said.",
    )
    assert not events_of(ex, "ASSAULT")
    ex = run(
        extractor,
        "Russia's assault on the town was repelled by the defenders on Tuesday, the Ukrainian army said.",
    )
    assert not events_of(ex, "ASSAULT")


def test_a_claim_of_responsibility_makes_the_claimant_the_attacker_of_a_claimed_attack(
    extractor: Extractor,
) -> None:
    ex = run(extractor, "Hamas claimed responsibility for a rocket attack on Israel on Wednesday evening.")
    assaults = events_of(ex, "ASSAULT")
    assert assaults and all(refs[0] != "Q801" for _, refs, _ in assaults), "Israel is the target"
    assert any("Q801" in refs[1:] for _, refs, _ in assaults)
    assert all(modality == "claimed" for _, _, modality in assaults)


def test_a_gerund_after_a_time_preposition_takes_the_subject_of_its_clause(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Vladimir Putin told reporters in Moscow on Thursday after meeting with Donald Trump"
        " that the talks went well.",
    )
    consults = events_of(ex, "CONSULT")
    assert consults and set(consults[0][1]) >= {"Q7747", "Q22686"}


def test_fire_exchanged_between_two_sides_is_an_attack_each_way(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Pakistani troops exchanged fire with Indian soldiers along the frontier on Thursday night.",
    )
    firsts = {refs[0] for _, refs, _ in events_of(ex, "ASSAULT")}
    assert firsts == {"Q843", "Q668"}


def test_praising_a_named_party_is_support_and_praising_a_deal_is_not(extractor: Extractor) -> None:
    praised = run(
        extractor, "Emmanuel Macron praised Qatar for its mediation between Israel and Hamas on Monday."
    )
    assert any("Q846" in refs for _, refs, _ in events_of(praised, "SUPPORT"))
    deal = run(extractor, "Emmanuel Macron praised the agreement as a turning point for the whole region.")
    assert not events_of(deal, "SUPPORT")


def test_a_meeting_a_party_asks_for_is_planned_not_held(extractor: Extractor) -> None:
    ex = run(extractor, "Sudan requested a meeting with the United States to prepare for talks with the RSF.")
    consults = events_of(ex, "CONSULT")
    assert consults and all(modality == "planned" for _, _, modality in consults)


def test_a_date_in_another_clause_of_the_sentence_does_not_date_the_act(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The mediators settled the last disputes, clearing the way for the truce to start on Sunday, "
        "but Hamas called on the United Nations to stop the bombing of Gaza.",
    )
    requests = events_of(ex, "REQUEST")
    assert requests and requests[0][0] is None


def test_a_date_on_an_earlier_line_is_not_borrowed(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "On Monday, the ministers of both sides met in Geneva for a first round of talks.\n"
        "Ukraine condemned Russia over the latest wave of drone attacks on its power grid.",
    )
    accusations = events_of(ex, "ACCUSE")
    assert accusations and accusations[0][0] is None


def test_an_attack_inside_a_country_is_an_attack_on_that_state(extractor: Extractor) -> None:
    ex = run(
        extractor, "Israeli forces carried out several artillery strikes in Lebanon on Thursday morning."
    )
    assaults = events_of(ex, "ASSAULT")
    assert assaults and assaults[0][1] == ["Q801", "Q822"] and assaults[0][0] == "2025-12-11"


def test_reaching_a_place_is_no_agreement(extractor: Extractor) -> None:
    ex = run(
        extractor, "For the first time, the rebel attacks have reached the capital of the country on Monday."
    )
    assert not events_of(ex, "AGREE")


@pytest.mark.parametrize(
    "body",
    [
        "Russian forces captured the village of Podoly on Monday, according to the Russian defence ministry.",
        "According to the Russian defence ministry, Russian forces captured the village of Podoly on Monday.",
    ],
)
def test_an_act_told_according_to_a_party_is_that_partys_claim(extractor: Extractor, body: str) -> None:
    assaults = events_of(run(extractor, body), "ASSAULT")
    assert assaults and all(modality == "claimed" for _, _, modality in assaults)


def test_a_participle_after_a_noun_trigger_names_its_doer(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "A summit hosted by Turkey opened in Istanbul on Monday with leaders from the whole region.",
    )
    consults = events_of(ex, "CONSULT")
    assert consults and consults[0][1][0] == "Q43"


def test_a_strike_wave_on_several_towns_is_one_event_and_a_capture_of_two_is_two(
    extractor: Extractor,
) -> None:
    wave = run(
        extractor, "Russia struck Kharkiv, Dnipro and Zaporizhzhia with missiles overnight on Thursday."
    )
    assert len(events_of(wave, "ASSAULT")) == 1
    captures = run(extractor, "Russia claimed the capture of two towns, Siversk and Kupiansk, on Thursday.")
    assert len(events_of(captures, "ASSAULT")) == 2


def test_he_stands_for_the_last_person_named_not_the_last_country(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Israel Katz said the government of Lebanon must disarm the group in the south of Lebanon. "
        "He threatened to intensify the strikes unless the government acted within weeks.",
    )
    threats = [e for e in ex.events if e.type == "THREATEN"]
    assert threats and threats[0].actors[0].name == "Israel Katz"


@pytest.mark.parametrize(
    "body",
    [
        "Russian troops have captured the village of Podoly, the Russian Defence Ministry claims.",
        "Russian troops captured the village of Podoly on Monday, Moscow claimed, a claim Kyiv denied.",
    ],
)
def test_an_attribution_closing_the_sentence_makes_the_act_a_claim(extractor: Extractor, body: str) -> None:
    assaults = events_of(run(extractor, body), "ASSAULT")
    assert assaults and all(modality == "claimed" for _, _, modality in assaults)


def test_a_town_named_as_a_reference_point_is_no_second_capture(extractor: Extractor) -> None:
    ex = run(
        extractor, "Russia's military claimed the capture of Podoly, a village near Kupiansk, on Monday."
    )
    assert len(events_of(ex, "ASSAULT")) == 1


def test_declaring_readiness_to_host_talks_is_an_agreement_the_declaration_makes(
    extractor: Extractor,
) -> None:
    ex = run(
        extractor, "Turkey said on Friday that it remained ready to host talks between Russia and Ukraine."
    )
    agrees = events_of(ex, "AGREE")
    assert agrees and agrees[0][1][0] == "Q43" and agrees[0][2] == "asserted"
    plain = run(extractor, "Turkey will host talks between Russia and Ukraine in Istanbul next week.")
    assert not events_of(plain, "AGREE")


def test_a_news_outlet_reporting_an_attack_accuses_nobody(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Cambodian forces launched an attack on Thai troops near the border on Thursday,"
        " reports the Khmer Times.",
    )
    assert not [e for e in ex.events if e.type == "ACCUSE" and "Times" in e.actors[0].name]
    party = run(
        extractor,
        "The Sudanese army said the RSF had attacked the port city of Port Sudan with drones.",
    )
    assert events_of(party, "ACCUSE"), "a party's allegation still is an accusation"


def test_an_exchange_of_prisoners_is_one_release_by_both_sides(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "On Friday, Russia and Ukraine exchanged hundreds of prisoners of war"
        " in a deal brokered by the Emirates.",
    )
    releases = events_of(ex, "RETREAT")
    assert len(releases) == 1 and set(releases[0][1]) == {"Q159", "Q212"}
    words = run(
        extractor, "Russia and Ukraine exchanged accusations over the deadly strike on Friday evening."
    )
    assert not events_of(words, "RETREAT")
