"""Which day a person's speech act takes when it is told paragraphs after the day of the statement
it belongs to: the statement's day, when the same person is told speaking on that day; none when
the act names an occasion of its own, is told in the perfect, is a state's, or another party
spoke that day.
Sentences written for the test; real spaCy pipeline and knowledge base (PUB is Friday
2025-12-12, so "on Wednesday" is 2025-12-10)."""

from __future__ import annotations

from parley.extract.extractor import Extractor
from parley.model import Event, Extraction
from tests.extract.told import day, of_type, run

STATEMENT = (
    "Lebanese Prime Minister Nawaf Salam said on Wednesday that the army had nearly finished "
    "clearing weapons from the area south of the river."
)
BETWEEN = (
    "The cabinet will review the next phase of the plan early next year, according to officials in Beirut."
)


def _requests_by(ex: Extraction, name: str) -> list[Event]:
    """Return the REQUEST events among whose actors ``name`` is."""
    return [e for e in of_type(ex, "REQUEST") if any(a.name == name for a in e.actors)]


def test_a_demand_told_paragraphs_after_the_statement_day_takes_that_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        f"{STATEMENT}\n\n{BETWEEN}\n\n"
        "He also called on Israel to pull its troops out of the five hilltops it still holds in the south.",
    )
    requests = _requests_by(ex, "Nawaf Salam")
    assert requests and [day(e) for e in requests] == ["2025-12-10"]


def test_a_demand_with_an_occasion_of_its_own_stays_undated(extractor: Extractor) -> None:
    ex = run(
        extractor,
        f"{STATEMENT}\n\n"
        "In a post on social media, Nawaf Salam urged Israel to pull its troops out of the five "
        "hilltops it still holds in the south.",
    )
    requests = _requests_by(ex, "Nawaf Salam")
    assert requests and all(day(e) is None for e in requests)


def test_a_demand_told_in_the_perfect_stays_undated(extractor: Extractor) -> None:
    ex = run(
        extractor,
        f"{STATEMENT}\n\n{BETWEEN}\n\n"
        "Nawaf Salam has urged Israel to pull its troops out of the five hilltops it still holds "
        "in the south.",
    )
    requests = _requests_by(ex, "Nawaf Salam")
    assert requests and all(day(e) is None for e in requests)


def test_the_day_another_party_spoke_is_not_the_demands_day(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "Lebanese army officers said on Wednesday that the troops had nearly finished clearing "
        f"weapons from the area south of the river.\n\n{BETWEEN}\n\n"
        "Lebanese Prime Minister Nawaf Salam also called on Israel to pull its troops out of the five "
        "hilltops it still holds in the south.",
    )
    requests = _requests_by(ex, "Nawaf Salam")
    assert requests and all(day(e) is None for e in requests)


def test_a_states_demand_keeps_no_day_of_an_earlier_statement(extractor: Extractor) -> None:
    ex = run(
        extractor,
        "The Lebanese government said on Wednesday that the army had nearly finished clearing weapons "
        f"from the area south of the river.\n\n{BETWEEN}\n\n"
        "Lebanon also called on Israel to pull its troops out of the five hilltops it still holds "
        "in the south.",
    )
    requests = _requests_by(ex, "Lebanon")
    assert requests and all(day(e) is None for e in requests)
