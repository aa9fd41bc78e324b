"""`parley toponyms`: every place each article names, as JSON; a bad input is one line and the rest go on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.spacy


def test_toponyms_json_and_a_bad_input_in_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "quake.txt"
    good.write_text(
        "Rescuers in Izmir searched collapsed buildings on Friday as aid from Greece and Japan "
        "arrived at the city's airport, the Turkish disaster agency said.\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "parley", "toponyms", str(tmp_path / "missing.txt"), str(good), "--json"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2  # one input failed, the others were read
    notes = [line for line in out.stderr.splitlines() if "missing.txt" in line]
    assert len(notes) == 1 and "Traceback" not in out.stderr
    (article,) = json.loads(out.stdout)
    assert article["doc_id"] == "quake"
    text = good.read_text(encoding="utf-8")
    named = {t["text"]: t for t in article["toponyms"]}
    assert named["Izmir"]["country"] == "TR" and named["Greece"]["country"] == "GR"
    assert named["Turkish"]["form"] == "adjective"
    for t in article["toponyms"]:
        assert text[t["start"] : t["end"]] == t["text"]
