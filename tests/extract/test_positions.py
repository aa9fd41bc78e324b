"""Position extraction: party, issue and the cases that are not positions, on hand-written sentences."""

from __future__ import annotations

import re

import pytest

from parley.analyse.mentions import Mention
from parley.extract.positions import PositionSpan, classify_issues, find_positions, quoted_stances
from parley.extract.quotes import QuoteSpan
from parley.model.records import ISSUES, ActorRef

pytestmark = pytest.mark.spacy

RUSSIA = ActorRef(name="Russia", kind="state", id="Q159")
UKRAINE = ActorRef(name="Ukraine", kind="state", id="Q212")
US = ActorRef(name="United States", kind="state", id="Q30")
ISRAEL = ActorRef(name="Israel", kind="state", id="Q801")
HAMAS = ActorRef(name="Hamas", kind="group")
SUDAN = ActorRef(name="Sudan", kind="state", id="Q1049")
RSF = ActorRef(name="Rapid Support Forces", kind="group")
QUAD = ActorRef(name="Quad", kind="group")
RWANDA = ActorRef(name="Rwanda", kind="state", id="Q1037")
DRC = ActorRef(name="Democratic Republic of the Congo", kind="state", id="Q974")
ARMENIA = ActorRef(name="Armenia", kind="state", id="Q399")
AZERBAIJAN = ActorRef(name="Azerbaijan", kind="state", id="Q227")
PASHINYAN = ActorRef(name="Nikol Pashinyan", kind="person", affiliation="Q399")
ALIYEV = ActorRef(name="Ilham Aliyev", kind="person", affiliation="Q227")
ZELENSKYY = ActorRef(name="Volodymyr Zelenskyy", kind="person", id="Q3874799", affiliation="Q212")
NETANYAHU = ActorRef(name="Benjamin Netanyahu", kind="person", affiliation="Q801")
LAVROV = ActorRef(name="Sergei Lavrov", kind="person", affiliation="Q159")
GUTERRES = ActorRef(name="António Guterres", kind="person", affiliation="Q1065")
FRANCE = ActorRef(name="France", kind="state", id="Q142")
BRITAIN = ActorRef(name="United Kingdom", kind="state", id="Q145")
TURKEY = ActorRef(name="Turkey", kind="state", id="Q43")
EGYPT = ActorRef(name="Egypt", kind="state", id="Q79")
QATAR = ActorRef(name="Qatar", kind="state", id="Q846")

# A small hand-made gazetteer: surface form → actor. Longer forms win over the shorter ones inside them.
GAZETTEER: dict[str, ActorRef] = {
    "Russia": RUSSIA, "Moscow": RUSSIA, "the Kremlin": RUSSIA, "Kremlin": RUSSIA,
    "Ukraine": UKRAINE, "Kyiv": UKRAINE, "Washington": US, "US": US, "the United States": US,
    "Israel": ISRAEL, "Israeli officials": ISRAEL, "Hamas": HAMAS,
    "Sudan's government": SUDAN, "Sudan's army": SUDAN, "the RSF": RSF, "RSF": RSF, "the Quad": QUAD,
    "Rwanda": RWANDA, "Kigali": RWANDA, "Kinshasa": DRC, "Armenia": ARMENIA, "Azerbaijan": AZERBAIJAN,
    "Baku": AZERBAIJAN, "Nikol Pashinyan": PASHINYAN, "Pashinyan": PASHINYAN, "Ilham Aliyev": ALIYEV,
    "Aliyev": ALIYEV, "Zelenskyy": ZELENSKYY, "Netanyahu": NETANYAHU, "Sergei Lavrov": LAVROV,
    "France": FRANCE, "Britain": BRITAIN, "Turkey": TURKEY, "Egypt": EGYPT, "Qatar": QATAR,
}  # fmt: skip
ROLES: dict[str, ActorRef | None] = {
    "The UN secretary-general": GUTERRES,
    "A senior official": None,
}


def mentions_for(text: str) -> list[Mention]:
    """Return hand-built actor and role mentions for ``text`` from GAZETTEER and ROLES."""
    taken = [False] * len(text)
    found: list[Mention] = []
    table = [(k, v, "actor") for k, v in GAZETTEER.items()] + [(k, v, "role") for k, v in ROLES.items()]
    for surface, actor, kind in sorted(table, key=lambda e: -len(e[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(taken[m.start() : m.end()]):
                continue
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
            found.append(Mention(m.start(), m.end(), m.group(), kind, actor))
    return sorted(found, key=lambda m: m.start)


def run(nlp, text: str, **kwargs) -> list[PositionSpan]:
    """Return the positions found in ``text`` with the hand-built mentions."""
    return find_positions(nlp(text), mentions_for(text), **kwargs)


def pairs(positions: list[PositionSpan]) -> set[tuple[str, str]]:
    """Return the (party name, issue) pairs of ``positions``."""
    return {(p.party.name, p.issue) for p in positions}


# ---- classify_issues ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("binding security guarantees", "security_guarantees"),
        ("a pledge modelled on Article 5", "security_guarantees"),
        ("Kyiv's hopes of joining NATO", "alliance_membership"),
        ("NATO membership", "alliance_membership"),
        ("withdraw its forces from Donetsk", "territory"),
        ("start talks from the current front line", "territory"),
        ("refuses to cede land", "territory"),
        ("the Zaporizhzhia nuclear power plant", "nuclear"),
        ("a 30-day cease-fire", "ceasefire"),
        ("a Christmas truce", "ceasefire"),
        ("lift sanctions in stages", "sanctions"),
        ("keep Russian assets frozen", "economic_reconstruction"),
        ("US-led rebuilding of Gaza", "economic_reconstruction"),
        ("the return of deported children", "humanitarian"),
        ("let civilians leave the city safely", "humanitarian"),
        ("an all-for-all prisoner exchange", "humanitarian"),
        ("hold elections within 100 days", "governance"),
        ("protect the Russian language and the church", "governance"),
        ("a special tribunal for aggression", "accountability"),
        ("no amnesty for war crimes", "accountability"),
        ("cap its armed forces at 600,000", "military_limits"),
        ("a peacetime ceiling of 800,000 troops", "military_limits"),
        ("Hamas must disarm", "military_limits"),
        ("end its backing for the M23 rebels", "security_guarantees"),
        ("send peacekeeping troops to the region", "security_guarantees"),
        ("regain access to the Red Sea", "territory"),
        ("treat any soldiers left behind as an occupation", "territory"),
        ("keep its soldiers in five strategic points", "territory"),
        ("a role in the future political process", "governance"),
        ("adopt a new constitution next year", "governance"),
        ("the European snapback of UN measures", "sanctions"),
        ("bring those responsible before the courts", "accountability"),
        ("host direct talks between the two leaders", "other"),
        ("return to the stalled negotiations", "other"),
    ],
)
def test_classify_issues_finds_the_issue(text: str, issue: str) -> None:
    assert issue in classify_issues(text)


def test_classify_issues_orders_by_first_mention_and_stays_in_the_taxonomy() -> None:
    found = classify_issues("a truce first, then sanctions relief and a prisoner swap")
    assert found == ["ceasefire", "sanctions", "humanitarian"]
    assert set(found) <= set(ISSUES)


def test_withdrawing_support_or_envoys_is_not_territorial() -> None:
    assert "territory" not in classify_issues("conditioned on the withdrawal of its support for the rebels")
    assert "territory" not in classify_issues("announced the withdrawal of its ambassadors from the capital")


def test_intransitive_withdrawal_is_territorial_and_a_passive_disarming_is_security() -> None:
    found = classify_issues("the army will only withdraw after the militia is disarmed")
    assert "territory" in found and "security_guarantees" in found
    assert "military_limits" not in found  # the group is disarmed by others: not a cap on one's own forces
    assert "territory" not in classify_issues(
        "Moscow threatened to withdraw from the grain deal talks next week"
    )


def test_guarantee_as_a_verb_is_not_a_security_guarantee() -> None:
    assert "security_guarantees" not in classify_issues(
        "the state will guarantee that the culprits face trial"
    )
    assert "security_guarantees" in classify_issues(
        "Kyiv asked its allies for firm guarantees against attack"
    )


def test_classify_issues_ignores_everyday_words() -> None:
    assert classify_issues("Russian forces attacked the city's power grid overnight, officials said") == []
    assert classify_issues("NATO-style guarantees") == ["security_guarantees"]  # NATO alone is not membership


# ---- stance cues and parties ----------------------------------------------------------------


def test_demand_by_metonym_is_the_state(nlp) -> None:
    found = run(nlp, "The Kremlin has demanded that Kyiv withdraw its troops from the Luhansk region.")
    assert pairs(found) == {("Russia", "territory")}


def test_call_for_gives_one_position_per_issue(nlp) -> None:
    found = run(nlp, "Hamas has called for a permanent ceasefire and the release of all prisoners.")
    assert pairs(found) == {("Hamas", "ceasefire"), ("Hamas", "humanitarian")}


def test_refusal_and_the_proposer_named_by_the_agent(nlp) -> None:
    found = run(nlp, "Sudan's army rejected a humanitarian truce proposed by the Quad.")
    assert ("Sudan", "ceasefire") in pairs(found)
    assert ("Quad", "ceasefire") in pairs(found)


def test_insistence_on_neutralising_an_armed_group_is_security(nlp) -> None:
    found = run(nlp, "Rwanda has insisted that Kinshasa neutralise the FDLR militia before anything else.")
    assert pairs(found) == {("Rwanda", "security_guarantees")}


def test_refusal_to_grant_amnesty(nlp) -> None:
    found = run(nlp, "Kinshasa has refused to grant an amnesty to rebel commanders accused of atrocities.")
    assert pairs(found) == {("Democratic Republic of the Congo", "accountability")}


def test_demand_about_a_constitution_is_territory_not_governance(nlp) -> None:
    found = run(nlp, "Azerbaijan has demanded that Armenia drop territorial claims from its constitution.")
    assert pairs(found) == {("Azerbaijan", "territory")}


def test_pronoun_subject_resolves_to_the_person_just_named(nlp) -> None:
    text = "Nikol Pashinyan met Ilham Aliyev in Washington. He has proposed a referendum on a new basic law."
    assert pairs(run(nlp, text)) == {("Nikol Pashinyan", "governance")}


def test_plural_pronoun_skips_a_single_person_for_the_body_named_before(nlp) -> None:
    text = (
        "Hamas leaders said on Sunday that Netanyahu wants to delay the second phase of the deal. "
        "They vowed to keep the ceasefire in place whatever the Israeli cabinet decides next."
    )
    assert pairs(run(nlp, text)) == {("Hamas", "ceasefire")}


def test_a_plan_named_again_keeps_its_author_for_the_points_listed_after_it(nlp) -> None:
    text = (
        "France presented a draft declaration at the meeting of foreign ministers on Tuesday.\n"
        "Diplomats from twenty countries discussed it behind closed doors for most of the day.\n"
        "Under the draft declaration, a system of guarantees is to start with three components:\n"
        "- a mechanism led by observers to monitor and verify the ceasefire along the front\n"
    )
    assert ("France", "ceasefire") in pairs(run(nlp, text))


def test_the_need_to_act_before_talks_is_a_stance_on_the_process(nlp) -> None:
    text = (
        "In a call with the mediators on Monday, Sudan's army stressed the need to settle its "
        "concerns before beginning talks with the RSF in Geneva."
    )
    assert pairs(run(nlp, text)) == {("Sudan", "other")}


def test_offer_to_host_a_prisoner_exchange(nlp) -> None:
    found = run(nlp, "Turkey offered to host a prisoner exchange between the two sides.")
    assert pairs(found) == {("Turkey", "humanitarian")}


def test_appositive_names_the_person(nlp) -> None:
    found = run(nlp, "Russia's foreign minister, Sergei Lavrov, rejected any deployment of peacekeepers.")
    assert pairs(found) == {("Sergei Lavrov", "security_guarantees")}


def test_joint_stance_goes_to_the_first_named(nlp) -> None:
    found = run(nlp, "France and Britain have offered to send a reassurance force after a ceasefire.")
    assert ("France", "security_guarantees") in pairs(found)
    assert not any(p.party == BRITAIN for p in found)


def test_central_position_of_a_possessor(nlp) -> None:
    found = run(nlp, "Keeping Ukraine out of NATO membership has long been a key demand of the Kremlin.")
    assert pairs(found) == {("Russia", "alliance_membership")}


def test_possessive_stance_noun(nlp) -> None:
    found = run(nlp, "Israel's demand for the return of all hostages has held up the talks.")
    assert pairs(found) == {("Israel", "humanitarian")}


def test_adjective_cue_in_reported_speech_with_pronoun(nlp) -> None:
    found = run(nlp, "The RSF said it was open to a humanitarian truce in Darfur.")
    assert ("Rapid Support Forces", "ceasefire") in pairs(found)


def test_must_in_reported_speech_belongs_to_the_speaker_role(nlp) -> None:
    found = run(nlp, "The UN secretary-general said Israel must allow aid deliveries into Gaza at once.")
    assert pairs(found) == {("António Guterres", "humanitarian")}


def test_conditional_threat_in_reported_speech_is_a_demand(nlp) -> None:
    found = run(nlp, "Netanyahu warned that if Hamas does not free the hostages, Israel will resume the war.")
    assert pairs(found) == {("Benjamin Netanyahu", "humanitarian")}


def test_complaint_of_stalling_is_the_complainant_position(nlp) -> None:
    found = run(nlp, "Kyiv says Moscow is delaying the agreed exchange of prisoners of war.")
    assert pairs(found) == {("Ukraine", "humanitarian")}


def test_stance_inside_a_quote_takes_the_quote_speaker(nlp) -> None:
    text = '"We will never accept a ceasefire that rewards the aggressor," the president told parliament.'
    start, end = 1, text.index(',"')
    found = run(nlp, text, quotes=[(start, end, ZELENSKYY)])
    assert pairs(found) == {("Volodymyr Zelenskyy", "ceasefire")}


def test_one_position_per_party_and_issue_per_sentence(nlp) -> None:
    found = run(nlp, "Moscow wants sanctions lifted and insists that sanctions relief must come first.")
    assert [(p.party.name, p.issue) for p in found] == [("Russia", "sanctions")]


# ---- plans and their authors ----------------------------------------------------------------


def test_plan_terms_belong_to_the_plan_author(nlp) -> None:
    found = run(nlp, "The US draft would require Hamas to disarm and hand governance of Gaza to a new body.")
    assert pairs(found) == {("United States", "military_limits"), ("United States", "governance")}


def test_plan_terms_after_the_author_drafted_it(nlp) -> None:
    text = (
        "Egypt and Qatar presented a new proposal to both sides on Monday. "
        "It would free ten hostages in exchange for a 60-day truce."
    )
    assert pairs(run(nlp, text)) == {("Egypt", "humanitarian"), ("Egypt", "ceasefire")}


def test_modal_sentence_right_after_plan_terms_continues_them(nlp) -> None:
    text = (
        "Washington's plan would cap Ukraine's army at 600,000 troops. "
        "Sanctions could then be lifted step by step."
    )
    assert pairs(run(nlp, text)) == {("United States", "military_limits"), ("United States", "sanctions")}


def test_plan_without_an_author_gives_nothing(nlp) -> None:
    assert run(nlp, "The draft would freeze the front line and lift sanctions in stages.") == []


# ---- anaphora ---------------------------------------------------------------------------------


def test_definite_noun_points_back_to_an_issue_term(nlp) -> None:
    text = (
        "The nuclear power plant has been shelled repeatedly. "
        "Kyiv has proposed putting the plant under international control."
    )
    assert pairs(run(nlp, text)) == {("Ukraine", "nuclear")}


def test_generic_anaphor_needs_a_single_issue_before_it(nlp) -> None:
    one = "A truce took effect on Friday. Hamas said it remained committed to the agreement."
    assert pairs(run(nlp, one)) == {("Hamas", "ceasefire")}
    many = (
        "The talks covered a truce, sanctions and prisoner swaps. "
        "Hamas said it remained committed to the agreement."
    )
    assert run(nlp, many) == []


def test_generic_anaphor_takes_the_earlier_issue_not_another_in_its_sentence(nlp) -> None:
    # "the agreement" points back to the truce; the prisoners of the clause beside it are no stance
    text = (
        "A truce took effect on Friday. "
        "Hamas said it remained committed to the agreement even as prisoners stayed in jail."
    )
    assert pairs(run(nlp, text)) == {("Hamas", "ceasefire")}


def test_relative_clause_takes_the_issue_of_the_noun_it_modifies(nlp) -> None:
    # a summing-up noun stands for the clause before it, which names the truce
    resumed = (
        "Kyiv renewed its push for a full truce, something that Zelenskyy has called for since the summer."
    )
    assert ("Volodymyr Zelenskyy", "ceasefire") in pairs(run(nlp, resumed))
    # a relative clause about a person says nothing of the issue the main clause names
    aside = "Netanyahu, who rejected the proposal on Monday, met the families of the hostages in Jerusalem."
    assert run(nlp, aside) == []


# ---- not positions ----------------------------------------------------------------------------


def test_topic_list_without_a_stance_is_not_a_position(nlp) -> None:
    text = "The next round is meant to address prisoner exchanges, the front line and sanctions relief."
    assert run(nlp, text) == []


def test_battlefield_fact_is_not_a_position(nlp) -> None:
    assert run(nlp, "Russian forces captured the town after weeks of fighting near the front line.") == []


def test_open_question_is_not_a_position(nlp) -> None:
    assert run(nlp, "It is unclear whether Moscow would reject a ceasefire of that kind.") == []


def test_unresolved_speaker_gives_no_position(nlp) -> None:
    assert run(nlp, "A senior official said Russia must withdraw from the occupied areas.") == []


def test_stance_without_an_issue_is_not_a_position(nlp) -> None:
    assert run(nlp, "Aliyev demanded an apology from Armenia for the remarks.") == []


def test_span_offsets_and_stance_text(nlp) -> None:
    text = (
        "Zelenskyy has pushed for binding security guarantees that would protect Ukraine from any "
        "renewed attack by its neighbour, backed by Western air power, European troops on the ground "
        "and a long-term flow of money for weapons."
    )
    doc = nlp(text)
    [pos] = find_positions(doc, mentions_for(text))
    assert pos.issue == "security_guarantees" and pos.party == ZELENSKYY
    assert 0 <= pos.sentence_start <= pos.start < pos.end <= pos.sentence_end <= len(text)
    assert "security guarantees" in text[pos.start : pos.end]
    assert "security guarantees" in pos.stance
    assert len(pos.stance.split()) <= 25


def test_terms_under_a_named_proposal_belong_to_its_presenter(nlp) -> None:
    text = (
        "Egypt presented a new proposal to Hamas on Tuesday. "
        "Under the proposal, Hamas would release half of the hostages in exchange for a 45-day truce."
    )
    assert pairs(run(nlp, text)) == {("Egypt", "humanitarian"), ("Egypt", "ceasefire")}


def test_pronoun_after_an_unnamed_reporter_is_not_the_previous_actor(nlp) -> None:
    text = "Turkey hosted the talks. The bloc said it would keep pressing for the release of all detainees."
    assert run(nlp, text) == []


def test_prediction_about_a_party_is_not_its_position(nlp) -> None:
    assert run(nlp, "Russia is unlikely to accept any ceasefire before the spring.") == []


def test_military_positions_are_not_stances(nlp) -> None:
    text = "Russian drones hit Ukraine's positions near the front line."
    assert run(nlp, text) == []


# ---- reported commitments, controllers, issue overlaps, one per article ---------------------


def test_speaker_committing_itself_is_a_position(nlp) -> None:
    found = run(
        nlp, "Israel said it would not withdraw its soldiers from the border hills before the spring."
    )
    assert pairs(found) == {("Israel", "territory")}


def test_speaker_saying_what_it_is_doing_is_a_position(nlp) -> None:
    found = run(
        nlp, "Washington said on Friday it was imposing fresh sanctions on three Russian banks and a shipper."
    )
    assert pairs(found) == {("United States", "sanctions")}


def test_complaint_in_progressive_form_stays_the_complainant_position(nlp) -> None:
    text = "Israel said on Monday that Hamas was dragging its feet over handing back the bodies of the dead."
    found = run(nlp, text)
    assert ("Israel", "humanitarian") in pairs(found)
    assert ("Hamas", "humanitarian") not in pairs(found)


def test_numbered_points_of_a_plan_are_its_author_terms(nlp) -> None:
    text = (
        "Zelenskyy outlined the main points of the framework to reporters on Monday:\n\n"
        "1. Kyiv gets firm security guarantees from its Western partners.\n\n"
        "2. In peacetime the army keeps a ceiling of 800,000 troops.\n\n"
        "3. Should Moscow attack again, the lifted sanctions return automatically.\n"
    )
    assert pairs(run(nlp, text)) == {
        ("Volodymyr Zelenskyy", "security_guarantees"),
        ("Volodymyr Zelenskyy", "military_limits"),
        ("Volodymyr Zelenskyy", "sanctions"),
    }


def test_lines_after_a_plan_without_a_list_marker_are_not_its_points(nlp) -> None:
    text = (
        "Zelenskyy has unveiled a revised peace framework worked out with American negotiators.\n"
        "Fighting continued near the Luhansk region on Tuesday, officials reported.\n"
    )
    assert pairs(run(nlp, text)) == set()


def test_claiming_what_it_does_is_the_claimant_position(nlp) -> None:
    found = run(
        nlp, "Rwanda has long claimed that it is acting in self-defence against the FDLR in eastern Congo."
    )
    assert pairs(found) == {("Rwanda", "security_guarantees")}


def test_stance_noun_described_by_another_party_is_the_describer_position(nlp) -> None:
    text = (
        "In a televised address, Netanyahu described Hamas's refusal to prolong the truce as a provocation."
    )
    assert pairs(run(nlp, text)) == {("Benjamin Netanyahu", "ceasefire")}


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Lavrov has described as unacceptable any plan to deploy foreign troops in Ukraine.",
        "Moscow called the deployment of European peacekeepers in Ukraine unacceptable on Tuesday.",
        'Sergei Lavrov said that stationing foreign troops in Ukraine "is unacceptable to us".',
    ],
)
def test_judging_a_proposal_unacceptable_is_the_judge_position(nlp, text: str) -> None:
    assert pairs(run(nlp, text)) == {
        ("Russia" if "Moscow" in text else "Sergei Lavrov", "security_guarantees")
    }


def test_a_judgement_about_a_fact_without_an_issue_is_no_position(nlp) -> None:
    assert (
        run(nlp, "Moscow called the overnight drone attack on its refinery unacceptable and cowardly.") == []
    )
    # what is judged is the venue; the clause coordinated with it is a report of its own
    text = (
        "Sergei Lavrov said the venue in Geneva was acceptable "
        "but that no compromise had been found on territory."
    )
    assert run(nlp, text) == []


def test_invitation_and_its_acceptance_are_positions_on_the_invited_talks(nlp) -> None:
    text = (
        "Washington has invited both warring sides to truce talks in Geneva later this month. "
        "A week later the RSF accepted the invitation without conditions."
    )
    found = pairs(run(nlp, text))
    assert ("United States", "ceasefire") in found
    assert ("Rapid Support Forces", "ceasefire") in found


def test_future_about_another_party_is_a_forecast_not_a_position(nlp) -> None:
    found = run(nlp, "Kyiv said Moscow would move fresh brigades toward the Luhansk region within weeks.")
    assert ("Ukraine", "territory") not in pairs(found)


def test_object_of_a_causative_verb_performs_the_infinitive(nlp) -> None:
    found = run(
        nlp,
        "The collapse of the talks prompted Washington to threaten tariffs and sanctions on Moscow's banks.",
    )
    assert pairs(found) == {("United States", "sanctions")}


def test_object_under_a_stance_verb_does_not_take_the_stance(nlp) -> None:
    found = run(nlp, "Moscow urged Kyiv to accept a truce along the current front line without delay.")
    assert ("Russia", "ceasefire") in pairs(found)
    assert ("Ukraine", "ceasefire") not in pairs(found)


def test_longer_issue_term_wins_over_the_one_inside_it() -> None:
    assert classify_issues("Israel said it was acting to protect the Druze minority in the south.") == [
        "humanitarian"
    ]
    assert classify_issues("Beirut pledged to disarm the armed groups south of the river.") == [
        "security_guarantees"
    ]
    assert classify_issues("The RSF accepted a humanitarian truce for three months.") == ["ceasefire"]


def test_stance_on_the_talks_themselves_is_other(nlp) -> None:
    found = run(nlp, "Turkey said it was ready to host direct talks between the two delegations in Istanbul.")
    assert pairs(found) == {("Turkey", "other")}


def test_fragment_clause_gives_way_to_its_sentence(nlp) -> None:
    found = run(
        nlp, "Washington did not back the truce that Zelenskyy has called for since the autumn offensive."
    )
    stances = {p.party.name: p.stance for p in found}
    assert "Volodymyr Zelenskyy" in stances
    assert len(stances["Volodymyr Zelenskyy"].split()) >= 5


def test_one_position_per_party_and_issue_per_article_keeps_the_direct_one(nlp) -> None:
    from parley.extract.positions import strongest_per_party_issue

    text = (
        "Hamas has called for a lasting ceasefire in the Gaza Strip. "
        "Mediators met again in Cairo on Monday. "
        "Hamas later said it stayed committed to that arrangement."
    )
    found = run(nlp, text)
    kept = strongest_per_party_issue(found)
    assert [(p.party.name, p.issue) for p in kept] == [("Hamas", "ceasefire")]
    assert "lasting ceasefire" in kept[0].stance


@pytest.fixture(scope="module")
def sample_positions() -> list[str]:
    """Return the stance text of every position the extractor finds in the bundled sample corpus."""
    from datetime import date

    from parley.extract.extractor import Extractor
    from parley.ingest.text import split_front_matter
    from parley.samples import corpus_dir

    extractor = Extractor()
    stances = []
    for path in sorted(corpus_dir().glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        meta, body = split_front_matter(raw, str(path))
        published = date.fromisoformat(meta.get("published", "2025-12-01"))
        extraction = extractor.extract_text(raw[body:], published=published, doc_id=path.stem)
        stances += [p.stance for p in extraction.positions]
    return stances


def test_every_sample_stance_is_a_clause_with_a_verb(nlp, sample_positions) -> None:
    assert len(sample_positions) >= 10  # the corpus states many stances; none found means a broken pipeline
    for stance in sample_positions:
        words = [t for t in nlp(stance) if not t.is_punct and not t.is_space]
        assert len(words) >= 5, stance
        assert any(t.pos_ in ("VERB", "AUX") for t in words), stance


@pytest.fixture(scope="module")
def extractor():
    from parley.extract.extractor import Extractor

    return Extractor()


def article_pairs(extractor, body: str) -> set[tuple[str, str]]:
    """Return the (party reference, issue) pairs the whole pipeline finds in a headline + ``body``."""
    from datetime import date

    extraction = extractor.extract_text(f"Talks news\n\n{body}\n", published=date(2025, 3, 1))
    return {(p.party.ref, p.issue) for p in extraction.positions}


def test_a_party_invoking_its_sovereignty_states_a_territorial_stance(extractor) -> None:
    body = (
        "Ukraine's foreign ministry said the overnight incursion by Russian troops "
        "had violated the country's sovereignty."
    )
    assert article_pairs(extractor, body) == {("Q212", "territory")}


def test_an_outlet_reporting_news_takes_no_stance(extractor) -> None:
    body = (
        "Reuters reported that Russia and Ukraine would exchange 200 prisoners of war next week under a deal."
    )
    assert article_pairs(extractor, body) == set()


def test_talks_named_as_a_time_backdrop_are_not_the_stance_issue(extractor) -> None:
    body = (
        "Turkey said on Monday it will send a delegation to Geneva "
        "ahead of next week's ceasefire negotiations."
    )
    assert article_pairs(extractor, body) == set()
    body = (
        "Turkey said on Monday it will send a delegation to Geneva to push for a ceasefire between the sides."
    )
    assert ("Q43", "ceasefire") in article_pairs(extractor, body)


def test_an_issue_in_a_gerund_timing_the_stance_is_not_its_issue(nlp) -> None:
    found = run(
        nlp,
        "Sudan's government demanded that the RSF leave the capital's hospitals before joining any "
        "ceasefire talks abroad.",
    )
    assert ("Sudan", "ceasefire") not in pairs(found)
    # the same words as the object of the demand are its issue
    found = run(nlp, "Sudan's government demanded ceasefire talks abroad before the rainy season begins.")
    assert ("Sudan", "ceasefire") in pairs(found)


def test_a_finite_clause_after_before_is_a_condition_and_keeps_its_issue(nlp) -> None:
    found = run(
        nlp, "Israel said it would only pull its troops back after Hamas agrees to a lasting ceasefire."
    )
    assert ("Israel", "ceasefire") in pairs(found)


def test_a_call_for_as_a_noun_is_the_caller_stance(nlp) -> None:
    found = run(
        nlp, "Zelenskyy's call for a full ceasefire along the front was welcomed in several capitals."
    )
    assert ("Volodymyr Zelenskyy", "ceasefire") in pairs(found)


def test_judging_a_measure_beneficial_supports_it(nlp) -> None:
    found = run(nlp, "Turkey said that a limited truce covering ports and power plants could be beneficial.")
    assert ("Turkey", "ceasefire") in pairs(found)


def test_the_group_refers_back_to_the_armed_group_just_named(nlp) -> None:
    text = (
        "Hamas fighters clashed with Israeli troops overnight near the border. "
        "The group has demanded the release of all Palestinian prisoners before any deal."
    )
    assert pairs(run(nlp, text)) == {("Hamas", "humanitarian")}
    text = (
        "Washington hosted a round of talks on Monday with several delegations. "
        "The group has demanded the release of all Palestinian prisoners before any deal."
    )
    assert run(nlp, text) == []  # no armed group named before: "the group" stays unresolved


def test_a_unity_government_is_governance_not_the_call_for_unity() -> None:
    assert classify_issues("aligned with the National Unity Government in exile") == ["governance"]
    assert classify_issues("urged national unity and calm during the unrest") == ["other"]


# ---- session 5: clauses of other parties, "it" under a named body, facts admitted, speakers ----


def test_joined_clause_of_another_party_is_not_part_of_the_relative_clause_stance(nlp) -> None:
    text = (
        "The offer repeats the American framework of last spring, which Israel accepted "
        "but Hamas rejected for lacking guarantees of a lasting truce."
    )
    found = pairs(run(nlp, text))
    assert ("Israel", "ceasefire") not in found
    assert ("Israel", "security_guarantees") not in found
    assert ("Hamas", "ceasefire") in found


def test_it_under_a_named_body_is_that_body_not_the_plan_just_named(nlp) -> None:
    text = (
        "Qatar and Egypt presented a new plan to the two sides on Monday evening. "
        "Israel has repeatedly insisted it will only accept a deal that frees every hostage at once."
    )
    found = pairs(run(nlp, text))
    assert ("Israel", "humanitarian") in found
    assert ("Qatar", "humanitarian") not in found


def test_a_fact_acknowledged_is_no_stance_but_a_thing_acknowledged_is(nlp) -> None:
    admitted = run(nlp, "Israel acknowledged that progress on the prisoner exchange has been slow so far.")
    assert admitted == []
    recognised = pairs(run(nlp, "Russia acknowledged Ukraine's sovereignty over the whole Donbas region."))
    assert ("Russia", "territory") in recognised


def test_party_of_a_role_subject_comes_from_the_quote_finder_speaker(nlp) -> None:
    text = "The spokesperson also demanded that all hostages be released before any further talks."
    start = text.index("The spokesperson")
    end = start + len("The spokesperson")
    plain = run(nlp, text)
    assert plain == []
    found = pairs(run(nlp, text, speakers=[(start, end, HAMAS)]))
    assert ("Hamas", "humanitarian") in found


def test_judgement_hung_on_a_participle_in_the_object_belongs_to_the_judging_verb(nlp) -> None:
    text = (
        "Turning to the new sanctions against oil exports, Sergei Lavrov called the British minister\u2019s "
        "statement welcoming the measure \u201cscandalous\u201d in an interview."
    )
    judged = next(t for t in nlp(text) if t.lower_ == "scandalous")
    assert judged.head.lemma_ == "welcome" and judged.head.dep_ == "acl"  # the parse the rule is for
    assert ("Sergei Lavrov", "sanctions") in pairs(run(nlp, text))


def test_a_fronted_on_phrase_does_not_make_call_a_call_on(nlp) -> None:
    fronted = run(nlp, "On the sanctions question, Russia called the latest round of talks useful and calm.")
    assert ("Russia", "sanctions") not in pairs(fronted)
    asked = run(nlp, "Russia called on the European Union to lift its sanctions on grain exports.")
    assert ("Russia", "sanctions") in pairs(asked)


def test_a_partys_aims_in_another_sides_words_are_no_stance_of_its_own(nlp) -> None:
    told = (
        "Sergei Lavrov said the United States was now proposing a fresh ceasefire plan for the winter months."
    )
    assert ("United States", "ceasefire") not in pairs(run(nlp, told))
    own = "Sergei Lavrov said Russia was now proposing a fresh ceasefire plan for the winter months."
    assert ("Sergei Lavrov", "ceasefire") in pairs(run(nlp, own))
    # a clause the parse hangs on the saying is no part of what is said
    text = (
        "Rwanda insists that the militia be disbanded first, while Kinshasa demands that all foreign "
        "troops leave its territory."
    )
    assert ("Democratic Republic of the Congo", "territory") in pairs(run(nlp, text))


def test_a_quote_calling_a_measure_crucial_states_a_stance(extractor) -> None:
    body = (
        '"Getting the prisoner exchange done before winter is crucial for both countries," '
        "Ukraine's foreign ministry said in a statement on Friday."
    )
    assert ("Q212", "humanitarian") in article_pairs(extractor, body)


def test_a_quote_states_a_stance_only_on_what_its_marker_frames(extractor) -> None:
    # the truce is a fact told beside the "will"; the modal frames the embassy, which is no issue
    beside = (
        "Ukraine's foreign ministry said on Friday that \"the truce collapsed because of the shelling, "
        'and the ministry will keep its embassy in the capital open for now."'
    )
    assert ("Q212", "ceasefire") not in article_pairs(extractor, beside)
    framed = (
        '"Russia must withdraw its troops from the occupied regions before any talks," '
        "Ukraine's foreign ministry said in a statement on Friday."
    )
    assert ("Q212", "territory") in article_pairs(extractor, framed)


def test_an_aside_between_subject_and_verb_does_not_hide_the_issue(nlp) -> None:
    text = (
        "Turkey said the fighting, which has driven thousands of families from their villages, "
        '"must stop at once."'
    )
    assert ("Turkey", "ceasefire") in pairs(run(nlp, text))


def test_seeking_to_do_something_is_an_attempt_but_seeking_a_thing_is_a_stance(nlp) -> None:
    attempt = run(
        nlp, "Sudan's army seeks to break the rebels' hold on the road that carries humanitarian aid."
    )
    assert ("Sudan", "humanitarian") not in pairs(attempt)
    sought = run(nlp, "Kyiv seeks binding security guarantees from its Western partners before any deal.")
    assert ("Ukraine", "security_guarantees") in pairs(sought)


def test_the_act_one_side_asks_of_another_is_no_stance_of_the_other(nlp) -> None:
    demanded = pairs(run(nlp, "Moscow demanded that Kyiv accept the plan to withdraw from the Donbas."))
    assert ("Russia", "territory") in demanded
    assert ("Ukraine", "territory") not in demanded
    called = pairs(
        run(
            nlp,
            "The Quad has drafted a statement calling for Russia to accept a full ceasefire in the south.",
        )
    )
    assert ("Russia", "ceasefire") not in called


def test_a_call_for_another_party_to_act_is_the_callers_stance(nlp) -> None:
    called = pairs(
        run(nlp, "Turkey called for Russia to accept a full ceasefire along the whole front line.")
    )
    assert ("Turkey", "ceasefire") in called
    assert ("Russia", "ceasefire") not in called


def test_a_stance_verb_in_a_supposition_is_no_stance_of_the_party_supposed(nlp) -> None:
    supposed = pairs(
        run(
            nlp,
            "If Russia rejects the ceasefire proposal, Washington will impose new sanctions on its banks.",
        )
    )
    assert ("Russia", "ceasefire") not in supposed
    stated = pairs(run(nlp, "Russia rejects the ceasefire proposal, its foreign ministry said on Monday."))
    assert ("Russia", "ceasefire") in stated


def test_talks_the_parser_reads_as_a_verb_after_before_are_still_a_backdrop(nlp) -> None:
    text = "Israel demanded the return of every hostage before any ceasefire talks in the Egyptian capital."
    assert pairs(run(nlp, text)) == {("Israel", "humanitarian")}
    # a real clause after "before" sequences the demand, which names its own issue
    text = "Israel demanded the return of every hostage before the ceasefire takes effect next week."
    assert pairs(run(nlp, text)) == {("Israel", "humanitarian")}


def test_what_observers_believe_a_party_wants_is_no_stance_of_the_party(nlp) -> None:
    doubted = pairs(
        run(nlp, "Many analysts doubt that Moscow is ready to give up any territory in the east.")
    )
    assert ("Russia", "territory") not in doubted
    own = pairs(run(nlp, "Moscow said it is ready to give up some territory in the east for a lasting deal."))
    assert ("Russia", "territory") in own


def test_a_participle_of_saying_after_a_comma_is_a_statement_of_its_own(nlp) -> None:
    text = (
        "Qatar reaffirmed its commitment to mediation between the parties, stressing the importance "
        "of de-escalation and of protecting civilians."
    )
    assert pairs(run(nlp, text)) == set()
    text = "Russia rejected the proposal, saying Ukraine must withdraw its troops from the Donbas first."
    assert ("Russia", "territory") in pairs(run(nlp, text))


def test_a_contrasting_clause_beside_a_stance_keeps_its_own_party(nlp) -> None:
    text = (
        "Israel has vowed to destroy Hamas, while Hamas wants a permanent ceasefire and an end to the siege."
    )
    assert ("Hamas", "ceasefire") in pairs(run(nlp, text))


def test_an_act_the_stance_is_timed_by_gives_no_second_issue(nlp) -> None:
    # a finite clause after "before": the stance is the withdrawal, the truce only its sequel
    found = run(
        nlp,
        "Moscow insisted on the withdrawal of all Ukrainian units from the two provinces before any "
        "truce could take effect.",
    )
    assert ("Russia", "territory") in pairs(found)
    assert ("Russia", "ceasefire") not in pairs(found)
    # a gerund after "before": the guarantees are the stance, returning to talks its sequel
    found = run(
        nlp, "Moscow has demanded firm security guarantees before resuming direct talks with Washington."
    )
    assert {p.issue for p in found} == {"security_guarantees"}


def test_an_act_the_stance_is_done_for_gives_no_second_issue(nlp) -> None:
    found = run(
        nlp,
        "Israel said it would keep soldiers in a buffer zone along the border to ensure that no "
        "truce violation goes unanswered.",
    )
    assert ("Israel", "territory") in pairs(found)
    assert ("Israel", "ceasefire") not in pairs(found)


def test_a_sequel_clause_keeps_its_issue_when_the_stance_names_none(nlp) -> None:
    found = run(
        nlp, "Hamas said it would release the remaining captives only after Israel accepts a lasting truce."
    )
    assert ("Hamas", "humanitarian") in pairs(found)
    found = run(nlp, "Israel said it would only move its soldiers back after Hamas accepts a lasting truce.")
    assert ("Israel", "ceasefire") in pairs(found)


def test_a_condition_after_after_keeps_its_issue_beside_the_stance_own(nlp) -> None:
    # "after" names what the party wants first: a condition, a stance of its own
    found = run(
        nlp,
        "Moscow said it would agree to a truce only after Ukraine withdraws its troops from the "
        "four regions.",
    )
    assert {("Russia", "ceasefire"), ("Russia", "territory")} <= pairs(found)


# ---- stances on the settlement itself ---------------------------------------------------------


def test_an_offer_to_sign_a_peace_treaty_is_a_stance_on_the_process(nlp) -> None:
    text = "Armenia has offered to sign a peace treaty covering only the articles both sides accept."
    assert pairs(run(nlp, text)) == {("Armenia", "other")}


def test_doubt_about_the_terms_of_a_plan_is_a_stance_on_the_process(nlp) -> None:
    text = "The Kremlin has cast doubt on its readiness to accept the terms of the revised plan."
    assert pairs(run(nlp, text)) == {("Russia", "other")}


def test_a_peace_plan_that_names_its_issue_is_about_that_issue_only(nlp) -> None:
    text = "Israel has backed a peace plan that starts with a six-week ceasefire."
    assert pairs(run(nlp, text)) == {("Israel", "ceasefire")}


# ---- stances read from quotes ---------------------------------------------------------------


def quoted(nlp, text: str, words: str, speaker: ActorRef) -> list[PositionSpan]:
    """Return the positions ``quoted_stances`` reads from ``words`` of ``text``, said by ``speaker``."""
    from parley.rules import load_rules

    doc = nlp(text)
    start = text.index(words)
    quote = QuoteSpan(
        start, start + len(words), words, False, "said", speaker, sentence_start=0, sentence_end=len(text)
    )
    return quoted_stances([quote], [], load_rules(), doc, mentions_for(text))


def test_another_partys_refusal_told_by_a_speaker_is_not_the_speakers_stance(nlp) -> None:
    text = "Israeli officials said Hamas rejected the ceasefire proposal on Tuesday."
    assert quoted(nlp, text, "Hamas rejected the ceasefire proposal on Tuesday", ISRAEL) == []


def test_what_the_speakers_own_state_will_do_stays_its_stance(nlp) -> None:
    text = "Netanyahu said Israel will not accept any ceasefire while hostages are held."
    found = quoted(nlp, text, "Israel will not accept any ceasefire while hostages are held", NETANYAHU)
    assert ("Benjamin Netanyahu", "ceasefire") in pairs(found)


def test_a_speaker_invoking_another_states_sovereignty_keeps_the_stance(nlp) -> None:
    text = "Turkey said Ukraine's territorial integrity is a condition it will never give up."
    found = quoted(nlp, text, "Ukraine's territorial integrity is a condition it will never give up", TURKEY)
    assert pairs(found) == {("Turkey", "territory")}
