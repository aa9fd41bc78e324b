"""Which day an event takes from the statement that reports it: a present perfect agreement is
done on the day it is announced, but a capture a party reports in the perfect may be days old,
and an act in the past perfect came before the moment the sentence tells. Sentences written for
the test; real spaCy pipeline and knowledge base."""

from __future__ import annotations

import pytest

from parley.extract.extractor import Extractor
from tests.extract.told import day, of_type, run


def test_a_capture_a_party_reports_in_the_perfect_keeps_no_statement_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russian troops have captured the village of Kurakhove in eastern Ukraine, the Russian "
        "Defence Ministry said on Wednesday.",
    )
    captures = of_type(ex, "ASSAULT")
    assert captures and all(e.modality == "claimed" and day(e) is None for e in captures)


def test_a_pull_back_a_party_reports_in_the_perfect_keeps_no_statement_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Sudanese government troops have withdrawn from their positions in the town of Babanusa "
        "after days of clashes, the army said on Wednesday.",
    )
    retreats = of_type(ex, "RETREAT")
    # (a teller the text names only as "the army" is not read as the doer, so the withdrawal stays
    # its account: event_records._shown_modality)
    assert retreats and all(e.modality == "claimed" and day(e) is None for e in retreats)


def test_an_agreement_a_party_reports_in_the_perfect_takes_the_statement_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Qatar said on Wednesday that Israel and Hamas have accepted the proposed truce for the "
        "besieged enclave.",
    )
    assert [day(e) for e in of_type(ex, "AGREE")] == ["2025-12-10"]


def test_an_act_in_the_past_perfect_keeps_no_day_of_the_sentence(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The French president revealed on Wednesday that he and Zelensky had spoken with Witkoff "
        "by phone before the summit.",
    )
    calls = [e for e in of_type(ex, "CONSULT") if e.mode == "phone"]
    assert calls and all(day(e) is None for e in calls)


@pytest.mark.parametrize(
    ("verb", "expected"),
    [("spoke", "2025-12-10"), ("had spoken", None)],
)
def test_the_day_of_a_paragraph_dates_a_simple_past_act_but_not_a_past_perfect_one(
    extractor: Extractor, verb: str, expected: str | None
) -> None:
    ex = run(
        extractor,
        f"On Wednesday the French president arrived in Kyiv by train. He {verb} with Witkoff by "
        "phone about the peace plan before meeting Zelensky.",
    )
    calls = [e for e in of_type(ex, "CONSULT") if e.mode == "phone"]
    assert [day(e) for e in calls] == [expected]


def test_an_undated_retelling_takes_the_day_a_party_s_account_gives_the_same_strike(
    extractor: Extractor,
) -> None:
    ex = run(
        extractor,
        "Israel's military said it struck army positions in the Syrian city of Sweida on Wednesday "
        "afternoon.\n\n"
        "It was the second day in a row that Israel has struck Syria in Sweida, where government "
        "troops clashed with local fighters.",
    )
    told = {
        e.modality: day(e) for e in of_type(ex, "ASSAULT") if [a.ref for a in e.actors] == ["Q801", "Q858"]
    }
    assert told == {"claimed": "2025-12-10", "asserted": "2025-12-10"}


def test_a_retelling_takes_no_day_from_a_strike_planned_for_the_same_place(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Israel will strike army positions in the Syrian city of Sweida on Sunday, its defence "
        "minister warned.\n\n"
        "Israel has struck Syria in Sweida before, where government troops clashed with local "
        "fighters.",
    )
    past = [e for e in of_type(ex, "ASSAULT") if e.modality == "asserted"]
    assert past and all(day(e) is None for e in past)


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        ("Tuesday's attack was a rare public acknowledgement of such raids.", "2025-12-09"),
        ("Such raids were rarely acknowledged in public by the Israeli military.", None),
    ],
)
def test_an_act_takes_the_day_of_the_bare_retelling_that_follows_it(
    extractor: Extractor, follow: str, expected: str | None
) -> None:
    ex = run(
        extractor,
        "Israel also carried out an airstrike in Syria against a senior commander of the militant "
        f"group. {follow}",
    )
    strikes = [e for e in of_type(ex, "ASSAULT") if e.actors and e.actors[0].ref == "Q801"]
    assert [day(e) for e in strikes] == [expected]


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        ("The strike set the depot ablaze on Tuesday night.", "2025-12-09"),
        ("The attack took place on Tuesday, according to local officials.", "2025-12-09"),
        # a statement about the act is dated, not the act: a passive, or a verb of saying
        ("The strike was confirmed by the regional governor on Tuesday.", None),
        ("The attack, the governor said on Tuesday, caused no casualties.", None),
    ],
)
def test_an_act_takes_the_day_of_a_retelling_that_is_the_subject_of_its_dated_verb(
    extractor: Extractor, follow: str, expected: str | None
) -> None:
    ex = run(extractor, f"Ukraine hit a fuel depot in the Belgorod region with drones. {follow}")
    strikes = [e for e in of_type(ex, "ASSAULT") if e.actors and e.actors[0].ref == "Q212"]
    assert [day(e) for e in strikes] == [expected]


def test_a_retelling_of_one_act_gives_no_day_to_acts_told_in_the_plural(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The Houthis have been using cluster warheads in the missile attacks on Israel. The attack set "
        "a port warehouse ablaze on Thursday.",
    )
    assert all(day(e) is None for e in of_type(ex, "ASSAULT"))


def test_a_party_s_account_in_the_simple_past_takes_the_statement_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The Sudanese army said on Wednesday that its air defences shot down drones launched by "
        "the Rapid Support Forces against a base in White Nile state.",
    )
    strikes = [e for e in of_type(ex, "ASSAULT") if e.modality == "claimed"]
    assert strikes and all(day(e) == "2025-12-10" for e in strikes)


def test_a_party_s_account_of_an_act_still_to_come_takes_no_statement_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The British prime minister said on Wednesday that London was speeding up its programme "
        "to supply air defence missiles to Ukraine before the winter.",
    )
    aid = of_type(ex, "AID")
    assert aid and all(day(e) is None for e in aid)


def test_an_act_still_to_come_takes_no_day_already_past(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Kenyan officials did not confirm whether the American envoy Mike Hammer would visit "
        "Nairobi, as indicated by the White House yesterday.",
    )
    visits = of_type(ex, "CONSULT")
    assert visits and all(e.modality != "asserted" and day(e) is None for e in visits)


@pytest.mark.parametrize(
    "follow",
    [
        "Under the truce reached Wednesday, tribal fighters have been told to keep order in the town.",
        "Wednesday's truce was the first in months, a regional official said.",
    ],
)
def test_an_agreement_takes_the_day_of_the_truce_named_after_it(extractor: Extractor, follow: str) -> None:
    ex = run(
        extractor,
        "Tribal elders and government officials in Darfur reached a ceasefire deal brokered by "
        f"Qatar and Egypt. {follow}",
    )
    assert [day(e) for e in of_type(ex, "AGREE")] == ["2025-12-10"]


@pytest.mark.parametrize(
    "dateline",
    ["December 12, 2025 – ", "KINSHASA, Dec 12 (AFP) – ", "Kinshasa, 12 December 2025 - "],
)
def test_a_dateline_dates_the_report_not_the_act_its_first_sentence_tells(
    extractor: Extractor, dateline: str
) -> None:
    ex = run(
        extractor,
        f"{dateline}M23 rebels backed by Rwanda have entered the town of Uvira in eastern Congo, "
        "after days of heavy fighting with the army.",
    )
    attacks = of_type(ex, "ASSAULT")
    assert attacks and all(day(e) is None for e in attacks)


def test_a_day_the_first_sentence_names_itself_still_dates_its_act(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "KINSHASA, Dec 12 (AFP) – M23 rebels backed by Rwanda entered the town of Uvira in eastern "
        "Congo on Wednesday, after days of heavy fighting with the army.",
    )
    assert [day(e) for e in of_type(ex, "ASSAULT")][:1] == ["2025-12-10"]


def test_a_clause_a_date_counts_from_is_not_dated_by_another_event(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The American secretary of state accused Rwanda on Tuesday of breaking the peace accords.\n\n"
        "M23 rebels seized the town of Uvira a week after the presidents of Congo and Rwanda met "
        "with the American president in Washington.",
    )
    later = [e for e in ex.events if e.type in ("ASSAULT", "CONSULT")]
    assert later and all(day(e) is None and e.modality == "asserted" for e in later)


def test_a_clause_a_date_counts_from_is_dated_by_its_own_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Russian drones struck the port of Odesa two days after the two governments signed a grain "
        "deal in Istanbul on Monday.",
    )
    assert [day(e) for e in of_type(ex, "ASSAULT")] == ["2025-12-10"]


def test_talks_over_two_named_days_are_dated_to_neither(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Sudanese army and RSF delegations met on Monday and Tuesday in Jeddah to discuss a "
        "humanitarian truce for Darfur.",
    )
    talks = of_type(ex, "CONSULT")
    assert talks and all(day(e) is None for e in talks)


def test_a_meeting_told_in_the_past_before_a_planned_one_stays_past(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Witkoff met Putin in Moscow on Tuesday and will meet Zelensky on Sunday in Berlin to go "
        "over the draft.",
    )
    met = [e for e in of_type(ex, "CONSULT") if e.trigger == "met"]
    assert [(day(e), e.modality) for e in met] == [("2025-12-09", "asserted")]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Russia pounded Kharkiv with missiles on Thursday, two days after Ukraine struck a "
            "refinery in Ryazan.",
            "struck",
            "2025-12-09",
        ),
        (
            "Israel carried out strikes in southern Lebanon on Wednesday, a day after Hezbollah "
            "fired rockets at northern Israel.",
            "fired",
            "2025-12-09",
        ),
    ],
)
def test_an_act_a_count_of_days_opens_is_dated_back_from_the_main_clause(
    extractor: Extractor, text: str, trigger: str, expected: str
) -> None:
    ex = run(extractor, text)
    earlier = [e for e in of_type(ex, "ASSAULT") if e.trigger == trigger]
    assert [(day(e), e.modality) for e in earlier] == [(expected, "asserted")]


def test_a_planned_meeting_takes_the_day_ahead_not_the_statement_day(extractor: Extractor) -> None:
    ex = run(extractor, "Trump said on Thursday he would meet Putin in Budapest on Monday.")
    meetings = of_type(ex, "CONSULT")
    assert [(day(e), e.modality) for e in meetings] == [("2025-12-15", "planned")]


def test_talks_a_party_says_it_would_hold_take_no_statement_day(extractor: Extractor) -> None:
    ex = run(extractor, "Russia said on Thursday it would hold talks with Ukraine in Istanbul next week.")
    talks = of_type(ex, "CONSULT")
    assert talks and all(day(e) is None for e in talks)
