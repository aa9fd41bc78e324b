"""The rules loader: every file checked against its schema, every mistake one error naming file, rule, key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parley.errors import KnowledgeBaseError
from parley.model.records import EVENT_TYPES, ISSUES
from parley.rules import load_rules, shipped_folder
from parley.rules.schema import SCHEMAS


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """Return a fresh copy of the shipped rules folder to break."""
    folder = tmp_path / "rules"
    shutil.copytree(shipped_folder(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def error_of(folder: Path) -> str:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_rules(folder)
    message = caught.value.one_line()
    assert "\n" not in message
    return message


def test_the_shipped_rules_load() -> None:
    rules = load_rules()
    assert set(rules.files) == set(SCHEMAS)
    assert all(r["examples"] for _, r in rules.event_rules()), "every event rule has an example"


def test_the_code_enums_match_the_declared_types_and_issues() -> None:
    rules = load_rules()
    assert tuple(rules.event_types) == EVENT_TYPES
    # "other" may be declared with terms of its own (stances on the talks themselves) or not
    assert (*(i for i in rules.issues if i != "other"), "other") == ISSUES


def test_a_misspelt_key_names_file_rule_and_key(rules_copy: Path) -> None:
    edit(rules_copy / "events.toml", "needs_complement = true", "needs_objekt = true")
    message = error_of(rules_copy)
    assert "events.toml" in message and "rule 'urge'" in message and "'needs_objekt'" in message


def test_an_unknown_event_type_is_named(rules_copy: Path) -> None:
    edit(rules_copy / "events.toml", 'type = "SANCTION"', 'type = "SANCTIONS"')
    message = error_of(rules_copy)
    assert "unknown event type 'SANCTIONS'" in message and "rule 'cut-ties'" in message


def test_a_mode_its_type_does_not_have_is_an_error(rules_copy: Path) -> None:
    edit(rules_copy / "events.toml", 'mode = "release"', 'mode = "drone"')
    message = error_of(rules_copy)
    assert "rule 'release-captives'" in message and "RETREAT has no mode 'drone'" in message


def test_plan_terms_name_only_declared_issues(rules_copy: Path) -> None:
    edit(rules_copy / "plan_terms.toml", "[issues.governance]", "[issues.govern]")
    assert "unknown issue 'govern'" in error_of(rules_copy)


def test_two_rules_sharing_a_word_need_different_priorities(rules_copy: Path) -> None:
    edit(
        rules_copy / "events.toml", "priority = 280", "priority = 290"
    )  # put-forward-plan vs release-captives
    assert "both take 'release' at priority 290" in error_of(rules_copy)


def test_an_event_rule_without_examples_is_an_error(rules_copy: Path) -> None:
    protest = '{ text = "Palestinians protested against Israel in Ramallah on Friday.", actors = ["Israel"] }'
    edit(rules_copy / "events.toml", f"examples = [{protest}]", "examples = []")
    assert "rule 'protest'" in error_of(rules_copy)


def test_a_pattern_that_does_not_compile_is_an_error(rules_copy: Path) -> None:
    edit(rules_copy / "claims.toml", "'lost control'", "'lost (control'")
    assert "does not compile" in error_of(rules_copy)


def test_a_role_verb_must_be_a_verb_of_saying(rules_copy: Path) -> None:
    edit(
        rules_copy / "speech.toml",
        '"indicate", "maintain", "signal",',
        '"indicate", "maintain", "signal", "mumble",',
    )
    assert "'mumble' not in verbs.saying" in error_of(rules_copy)


def test_missing_broken_and_stray_files_are_named(rules_copy: Path) -> None:
    (rules_copy / "extra.toml").write_text("", encoding="utf-8")
    assert "extra.toml: not a rule file" in error_of(rules_copy)
    (rules_copy / "extra.toml").unlink()
    (rules_copy / "claims.toml").write_text("[cues\n", encoding="utf-8")
    assert "claims.toml: not valid TOML" in error_of(rules_copy)
    (rules_copy / "claims.toml").unlink()
    assert "claims.toml: rule file missing" in error_of(rules_copy)


def test_the_code_needs_the_types_it_reads(rules_copy: Path) -> None:
    events = rules_copy / "events.toml"
    edit(events, 'modes = ["allege", "disapprove", "investigate"]', 'modes = ["disapprove", "investigate"]')
    edit(events, 'type = "ACCUSE"\nmode = "allege"', 'type = "ACCUSE"\nmode = "disapprove"')
    text = events.read_text(encoding="utf-8").replace('mode = "allege", ', "")
    events.write_text(text, encoding="utf-8")
    assert "mode 'allege' of ACCUSE is not declared" in error_of(rules_copy)


@pytest.mark.spacy
def test_a_rule_whose_parties_are_missing_gives_way_to_the_next(rules_copy: Path) -> None:
    from datetime import date

    from parley.extract.extractor import Extractor

    text = "Russia's talks in Geneva ended on Friday."
    published = date(2025, 12, 29)
    assert not Extractor(rules=load_rules()).extract_text(text, published=published).events
    with (rules_copy / "events.toml").open("a", encoding="utf-8") as fh:
        fh.write(
            '\n[[noun]]\nid = "talks-anyone"\npriority = 5\nlemmas = ["talks"]\ntype = "CONSULT"\n'
            'mode = "multilateral"\nexamples = [{ text = "Russia\'s talks in Geneva ended on Friday." }]\n'
        )
    events = Extractor(rules=load_rules(rules_copy)).extract_text(text, published=published).events
    assert [(e.type, e.mode) for e in events] == [("CONSULT", "multilateral")]
