"""Extraction components: what each requires is checked when the extractor is set up."""

from __future__ import annotations

import pytest

from parley.errors import PipelineError
from parley.extract.context import Component, check_components
from parley.extract.extractor import COMPONENTS, Extractor


def _noop(ctx: object) -> None:
    return None


def test_the_shipped_components_are_wired() -> None:
    check_components(COMPONENTS)
    assert [c.name for c in COMPONENTS] == ["analyse", "dates", "quotes", "events", "claims", "positions"]


def test_a_component_before_its_inputs_is_an_error_at_set_up() -> None:
    claims_first = [c for c in COMPONENTS if c.name == "claims"] + [
        c for c in COMPONENTS if c.name != "claims"
    ]
    with pytest.raises(PipelineError) as caught:
        Extractor(components=claims_first)
    assert "component 'claims' requires" in str(caught.value) and "'kept'" in str(caught.value)


def test_an_unknown_field_is_named() -> None:
    with pytest.raises(PipelineError, match="unknown context fields"):
        check_components([Component("odd", requires=(), assigns=("mood",), run=_noop)])


def test_a_component_listed_twice_is_an_error() -> None:
    with pytest.raises(PipelineError, match="appears twice"):
        check_components([COMPONENTS[0], COMPONENTS[0]])
