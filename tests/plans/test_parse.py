"""Reading plan files: numbering styles, multi-line points, sub-bullets, headers, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.errors import BinaryInput, EmptyInput, InputError, MalformedInput
from parley.plans import load_plan
from parley.plans.parse import parse_header, parse_plan_text

FIXTURES = Path(__file__).parent / "fixtures"


def texts(source: str) -> list[str]:
    """Return the point texts the parser reads from ``source``."""
    return [p.text for p in parse_plan_text(source).points]


@pytest.mark.parametrize(
    "source",
    [
        "1. Ceasefire first.\n2. Prisoners next.\n",
        "1) Ceasefire first.\n2) Prisoners next.\n",
        "(1) Ceasefire first.\n(2) Prisoners next.\n",
        "Point 1: Ceasefire first.\nPoint 2: Prisoners next.\n",
        "POINT 1 - Ceasefire first.\n\nPOINT 2 - Prisoners next.\n",
        "## 1. Ceasefire first.\n## 2. Prisoners next.\n",
        "**1.** Ceasefire first.\n**2.** Prisoners next.\n",
        "1\\. Ceasefire first.\n2\\. Prisoners next.\n",
        "\ufeff1. Ceasefire first.\r\n\r\n2. Prisoners next.\r\n",
        "  1. Ceasefire first.\n  2. Prisoners next.\n",
    ],
)
def test_numbering_styles(source: str) -> None:
    assert texts(source) == ["Ceasefire first.", "Prisoners next."]


def test_multi_line_points_sub_bullets_and_blank_lines() -> None:
    source = (
        "Preamble line one\nand two.\n\n"
        "1. Guarantees are given\n   by three states:\n   - France;\n   • Germany;\n   a) Poland.\n\n"
        "   They take effect on signing.\n"
        "2. Elections follow.\n"
    )
    parsed = parse_plan_text(source)
    assert parsed.preamble == "Preamble line one and two."
    assert [p.text for p in parsed.points] == [
        "Guarantees are given by three states: France; Germany; Poland. They take effect on signing.",
        "Elections follow.",
    ]
    first = parsed.points[0]
    assert source[first.start : first.end].startswith("1. Guarantees")
    assert source[first.start : first.end].endswith("on signing.")


def test_point_heading_with_text_below() -> None:
    parsed = parse_plan_text("Point 1:\nA ceasefire holds.\n\nPoint 2:\nTalks resume.\n")
    assert [(p.number, p.label, p.text) for p in parsed.points] == [
        (1, "Point 1:", "A ceasefire holds."), (2, "Point 2:", "Talks resume."),
    ]  # fmt: skip


def test_nested_lists_years_and_decimals_stay_inside_points() -> None:
    source = (
        "1. The fund is shared:\n    1. half to A,\n    2. half to B.\n"
        "2025. was the year of talks.\n1.5 million people return.\n"
        "2. Talks resume.\n"
    )
    assert texts(source) == [
        "The fund is shared: 1. half to A, 2. half to B. 2025. was the year of talks. "
        "1.5 million people return.",
        "Talks resume.",
    ]


def test_numbering_that_goes_back_is_noted_not_a_new_point() -> None:
    parsed = parse_plan_text("1. First.\n2. Second.\n1. Stray line.\n3. Third.\n")
    assert [p.number for p in parsed.points] == [1, 2, 3]
    assert parsed.points[1].text == "Second. 1. Stray line."
    assert parsed.notes and "does not continue the numbering" in parsed.notes[0]


def test_skipped_numbers_in_the_same_style_are_points() -> None:
    assert [p.number for p in parse_plan_text("1. A.\n2. B.\n4. D.\n").points] == [1, 2, 4]


def test_header_line_gives_name_party_and_date() -> None:
    fields = parse_header("# US 28-point peace plan — summary for Parley; party: US; date: 2025-11-20")
    assert fields == {"name": "US 28-point peace plan", "party": "US", "date": "2025-11-20"}
    assert parse_header("1. not a header") == {}


def test_markdown_fixture_sections_front_matter_and_rule() -> None:
    plan = load_plan(FIXTURES / "markdown-plan.md")
    assert plan.name == "Harbour accord (Markdown draft)"
    assert plan.party.qid == "Q458"  # the European Union, resolved by the actor registry
    assert [p.number for p in plan.points] == [1, 2, 3, 4]
    assert [p.section for p in plan.points] == ["Security", "Security", "Economy", "Economy"]
    assert plan.points[0].text == (
        "A ceasefire holds along the whole line of contact, monitored by unarmed observers."
    )
    assert plan.points[1].text == "Security guarantees are given by: the European Union; the United States."
    assert "Annex" not in plan.points[3].text
    assert [f.text for f in plan.points[2].figures] == ["€50 billion"]
    assert plan.points[3].figures[0].unit == "month"
    assert plan.preamble is not None and "Security" not in plan.preamble


def test_options_override_the_header() -> None:
    plan = load_plan(FIXTURES / "black-sea-draft-1.txt", name="BS1", party="Ukraine", on="2026-01-05")
    assert (plan.name, plan.party.qid, plan.date.isoformat()) == ("BS1", "Q212", "2026-01-05")


def test_unknown_party_keeps_its_name_without_a_qid(tmp_path: Path) -> None:
    f = tmp_path / "p.txt"
    f.write_text("1. A ceasefire.\n", encoding="utf-8")
    plan = load_plan(f, party="Harbour Commission of Nowhere", on="2026-01-01")
    assert plan.party.qid is None and plan.party.name == "Harbour Commission of Nowhere"
    assert plan.name == "p"


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyInput),
        (b"  \n\n\t\n", EmptyInput),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
        (b"A page of prose with no numbered points.\nIt mentions 2025 and 600,000 troops.\n", MalformedInput),
    ],
)
def test_bad_files_raise_one_line_input_errors_naming_the_file(tmp_path: Path, content: bytes,
                                                               error: type[InputError]) -> None:  # fmt: skip
    f = tmp_path / "bad-plan.txt"
    f.write_bytes(content)
    with pytest.raises(error) as info:
        load_plan(f, party="US", on="2026-01-01")
    line = info.value.one_line()
    assert str(f) in line and "\n" not in line


def test_missing_party_or_date_is_an_input_error(tmp_path: Path) -> None:
    f = tmp_path / "p.txt"
    f.write_text("1. A ceasefire.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no party given"):
        load_plan(f, on="2026-01-01")
    with pytest.raises(InputError, match="no date given"):
        load_plan(f, party="US")
