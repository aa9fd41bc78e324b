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
    for op in operations:  # POST /api/ingest too: this server takes no ingest, so it must say 403

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


@pytest.mark.spacy
def test_every_json_response_has_a_typed_schema(client: Any) -> None:
    """Schemathesis can only check shapes that the spec states: no JSON answer may be an untyped object."""
    spec = client.get("/openapi.json").json()
    untyped = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            content = op["responses"].get("200", {}).get("content", {})
            schema = content.get("application/json", {}).get("schema")
            if "application/json" not in content:
                continue  # the exports answer CSV, JSON Lines or Parquet
            if not schema or (
                "$ref" not in schema
                and schema.get("type") in (None, "object")
                and not schema.get("properties")
            ):
                untyped.append(f"{method.upper()} {path}")
    assert not untyped, f"responses without a typed schema: {untyped}"
