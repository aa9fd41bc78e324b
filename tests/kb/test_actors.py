"""Tests of the actor registry: spellings, roles by date, metonyms and state institutions.

The spelling fixture (fixtures/actor_variants.tsv) holds real variants seen in news: Latin
romanisations, Cyrillic, titles before names, metonyms and institutions. Accuracy on it is a
floor (VARIANT_ACCURACY_FLOOR), printed with its misses when it fails.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from parley.errors import KnowledgeBaseError
from parley.kb.actors import (
    ActorEntry,
    ActorRegistry,
    Role,
    RoleHolder,
    default_registry,
    load_registry,
    needs_exact_case,
)
from parley.model.records import ActorRef

FIXTURE = Path(__file__).parent / "fixtures" / "actor_variants.tsv"
# Floor for the variant fixture; set by the brief at 95% (all variants resolve at the time of
# writing: a drop below 95% means a data or lookup regression).
VARIANT_ACCURACY_FLOOR = 0.95
UN_MEMBER_STATES = 193


@pytest.fixture(scope="module")
def reg() -> ActorRegistry:
    return default_registry()


def _matches(ref: ActorRef | None, expected: str, reg: ActorRegistry) -> bool:
    if ref is None:
        return False
    entry = reg.get(expected)
    return entry is not None and ref.name == entry.name and ref.id == entry.qid


def test_variant_fixture_accuracy(reg: ActorRegistry) -> None:
    with FIXTURE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) >= 110
    misses = []
    for row in rows:
        on = date.fromisoformat(row["date"]) if row.get("date") else None
        ref = reg.resolve(row["variant"], on=on)
        if not _matches(ref, row["expected"], reg):
            got = ref.name if ref else None
            misses.append(f"{row['variant']!r} (on {on}) -> {got}, want {row['expected']}")
    accuracy = 1 - len(misses) / len(rows)
    print(f"actor variants: {accuracy:.1%} of {len(rows)}; misses: {misses}")
    assert accuracy >= VARIANT_ACCURACY_FLOOR, "\n".join(misses)


def test_every_expected_key_exists(reg: ActorRegistry) -> None:
    with FIXTURE.open(encoding="utf-8") as fh:
        expected = {row["expected"] for row in csv.DictReader(fh, delimiter="\t")}
    assert sorted(k for k in expected if reg.get(k) is None) == []


def test_us_president_by_date(reg: ActorRegistry) -> None:
    biden = reg.resolve("the US president", on=date(2024, 6, 1))
    trump = reg.resolve("the US president", on=date(2025, 12, 29))
    assert biden is not None and biden.id == "Q6279" and biden.method == "role"
    assert trump is not None and trump.id == "Q22686" and trump.affiliation == "Q30"
    assert "2025-12-29" in trump.reason


def test_role_boundary_is_start_inclusive(reg: ActorRegistry) -> None:
    assert reg.role_holder("president_us", date(2025, 1, 19)).key == "joe_biden"  # type: ignore[union-attr]
    assert reg.role_holder("president_us", date(2025, 1, 20)).key == "donald_trump"  # type: ignore[union-attr]
    assert reg.role_holder("U.S. president", date(2022, 1, 1)).key == "joe_biden"  # type: ignore[union-attr]


def test_kremlin_is_russia_by_metonym(reg: ActorRegistry) -> None:
    ref = reg.resolve("the Kremlin")
    assert ref is not None and ref.id == "Q159" and ref.kind == "state" and ref.method == "metonym"


def test_kremlin_spokesman_is_peskov(reg: ActorRegistry) -> None:
    ref = reg.resolve("Kremlin spokesman", on=date(2025, 11, 24))
    assert ref is not None and ref.name == "Dmitry Peskov" and ref.affiliation == "Q159"


def test_ukrainian_military_is_ukraine(reg: ActorRegistry) -> None:
    ref = reg.resolve("the Ukrainian military")
    assert ref is not None and ref.id == "Q212" and ref.method == "institution"
    texts = (
        "Russia's Defence Ministry",
        "Russian forces",
        "Armed Forces of Ukraine",
        "Ukraine's General Staff",
    )
    for text in texts:
        ref = reg.resolve(text)
        assert ref is not None and ref.method == "institution" and ref.kind == "state", text


def test_the_taliban_and_the_pakistani_taliban_are_apart(reg: ActorRegistry) -> None:
    # since 2021 the Taliban govern Afghanistan: they act as the state; the TTP is its own group
    for text in ("the Taliban", "Taliban", "the Afghan Taliban", "the Taliban government"):
        ref = reg.resolve(text)
        assert ref is not None and ref.id == "Q889" and ref.kind == "state", text
    ref = reg.resolve("the Pakistani Taliban")
    assert ref is not None and ref.kind == "group" and ref.name == "Tehreek-i-Taliban Pakistan"


def test_gazas_ministry_is_its_own_body_not_the_palestinian_state(reg: ActorRegistry) -> None:
    # the strip's health ministry and civil defence act under Hamas, not for the Palestinian state
    for text in ("Gaza's health ministry", "the Hamas-run health ministry", "Gaza Ministry of Health"):
        ref = reg.resolve(text)
        assert ref is not None and ref.kind == "organization" and ref.name == "Gaza Health Ministry", text
        assert ref.affiliation == "Q38799", text
    ref = reg.resolve("Gaza's civil defence agency")
    assert ref is not None and ref.name == "Gaza Civil Defence"


def test_unknown_role_gives_nothing(reg: ActorRegistry) -> None:
    assert reg.lookup("the deputy mayor", on=date(2025, 1, 1)) == []
    assert reg.resolve("the deputy mayor") is None
    assert reg.resolve("the president", on=date(2025, 1, 1)) is None


def test_role_without_holder_on_date_gives_nothing(reg: ActorRegistry) -> None:
    assert reg.lookup("NATO chief", on=date(2010, 1, 1)) == []


def test_ambiguous_surname_is_not_an_alias(reg: ActorRegistry) -> None:
    assert reg.lookup("Sharif") == []
    assert reg.resolve("Khan") is None
    assert reg.resolve("Shehbaz Sharif") is not None


def test_lookup_is_case_insensitive_and_folded(reg: ActorRegistry) -> None:
    assert reg.resolve("ZELENSKYY").id == "Q3874799"  # type: ignore[union-attr]
    ref = reg.resolve("Zelenskyj")
    assert ref is not None and ref.id == "Q3874799" and ref.method == "folded"


def test_title_before_name_is_stripped(reg: ActorRegistry) -> None:
    ref = reg.resolve("Army Secretary Dan Driscoll")
    assert ref is not None and ref.name == "Dan Driscoll" and "after the title" in ref.reason


def test_get_by_qid_and_key(reg: ActorRegistry) -> None:
    assert reg.get("Q212").name == "Ukraine"  # type: ignore[union-attr]
    assert reg.get("dmitry_peskov").country == "Q159"  # type: ignore[union-attr]
    assert reg.get("Q0") is None


def test_state_counts(reg: ActorRegistry) -> None:
    states = [e for e in reg.entries() if e.kind == "state"]
    assert sum(e.un_member for e in states) == UN_MEMBER_STATES
    assert {"Q219060", "Q1246", "Q865"} <= {e.qid for e in states if not e.un_member}
    assert all(e.qid and e.qid.startswith("Q") for e in states)
    assert len({e.qid for e in states}) == len(states)


def test_state_for_demonym(reg: ActorRegistry) -> None:
    assert reg.state_for_demonym("Russian").qid == "Q159"  # type: ignore[union-attr]
    assert reg.state_for_demonym("U.S.").qid == "Q30"  # type: ignore[union-attr]
    assert reg.state_for_demonym("Martian") is None


def test_every_role_holder_is_a_known_actor(reg: ActorRegistry) -> None:
    for role in reg.roles():
        assert role.titles, role.key
        for h in role.holders:
            assert reg.get(h.actor) is not None
            assert h.end is None or h.start < h.end


def test_surface_forms_cover_names_roles_and_institutions(reg: ActorRegistry) -> None:
    forms = {(text, key, method) for text, key, method in reg.surface_forms()}
    assert ("the Kremlin", "russia", "metonym") in forms
    assert ("Ukrainian military", "ukraine", "institution") in forms
    assert ("Russia's defence ministry", "russia", "institution") in forms
    assert ("Kremlin spokesman", "role:kremlin_spokesman", "role") in forms
    assert ("Zelensky", "volodymyr_zelenskyy", "alias") in forms


def test_needs_exact_case() -> None:
    assert needs_exact_case("WHO") and needs_exact_case("U.S.") and needs_exact_case("AFC/M23")
    assert not needs_exact_case("Kremlin") and not needs_exact_case("123")


def test_hand_built_registry_and_tie_is_unresolved() -> None:
    a = ActorEntry(key="a", qid="Q1", name="Ann Smith", kind="person", aliases=("Smith",))
    b = ActorEntry(key="b", qid="Q2", name="Bob Smith", kind="person", aliases=("Smith",))
    reg = ActorRegistry([a, b], [Role("boss", ("the boss",), (RoleHolder("a", date(2020, 1, 1)),))])
    assert len(reg.lookup("Smith")) == 2
    assert reg.resolve("Smith") is None
    assert reg.resolve("the boss", on=date(2021, 1, 1)).id == "Q1"  # type: ignore[union-attr]


def test_bad_data_raises_knowledge_base_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="missing"):
        load_registry(tmp_path)
    (tmp_path / "institutions.toml").write_text("generic = [\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not valid TOML"):
        load_registry(tmp_path)
    with pytest.raises(KnowledgeBaseError, match="not a known actor"):
        ActorRegistry([], [Role("r", ("t",), (RoleHolder("nobody", date(2020, 1, 1)),))])


def test_a_stands_for_key_must_be_known(tmp_path: Path) -> None:
    bad = ActorEntry(key="europeans", qid=None, name="European countries", kind="group", stands_for=("e9",))
    with pytest.raises(KnowledgeBaseError):
        ActorRegistry([bad])


def test_countries_by_iso_code_and_by_name_but_not_by_metonym(reg: ActorRegistry) -> None:
    """A map asks which country a name calls: a state's names and aliases do, its seat does not."""
    ukraine = reg.state_with_iso2("UA")
    assert ukraine is not None and ukraine.qid == "Q212"
    assert reg.state_with_iso2("ZZ") is None
    uk = reg.country_named("the United Kingdom")
    assert uk is not None and uk.iso2 == "GB"
    assert reg.country_named("Washington") is None and reg.country_named("the Kremlin") is None
    assert reg.lookup("Washington")  # still the United States as an actor
