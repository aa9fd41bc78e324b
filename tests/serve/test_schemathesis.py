"""Property-based API testing from the OpenAPI spec: no generated request may cause a server error."""

from __future__ import annotations

from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

# Examples per operation: enough to hit every enum value and boundary of the limit/offset/date
# parameters on ~30 operations, while keeping the whole run near half a minute on 2 cores.
MAX_EXAMPLES = 25


@pytest.mark.spacy
def test_no_server_errors(app: Any) -> None:
    """Every operation of the spec answers generated requests without a 5xx, in the documented shape."""
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [op.ok() for op in schema.get_all_operations()]
    ran = 0
    for op in operations:
        if op.method.upper() != "GET":
            continue  # POST /api/ingest is covered by its own tests (it is off on this server)

        @given(case=op.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def run(case: Any) -> None:
            case.call_and_validate(
                checks=[not_a_server_error, status_code_conformance, response_schema_conformance]
            )

        run()
        ran += 1
    assert ran >= 20
