"""The extraction code stays readable: no function longer than a screen and a half."""

from __future__ import annotations

import ast
from pathlib import Path

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "parley" / "extract"
# The longest function extraction may hold, in lines (issue 13: the old _Run.run was 140).
MAX_FUNCTION_LINES = 80


def test_no_extraction_function_is_longer_than_the_limit() -> None:
    long = []
    for path in sorted(EXTRACT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, f"split these functions: {long}"
