"""The gazetteer keeps its query results: a repeated look-up answers alike and cannot be spoiled."""

from __future__ import annotations

import pytest

from parley.config import Settings
from parley.kb import gazetteer as gz
from parley.kb.gazetteer import Gazetteer


def test_repeated_lookups_answer_alike_without_new_queries() -> None:
    gaz = Gazetteer(Gazetteer.open(Settings.from_env()).path)
    first = gaz.lookup("Kharkiv")
    kept = len(gaz._memo)
    assert first and kept > 0
    again = gaz.lookup("Kharkiv")
    assert again == first
    assert len(gaz._memo) == kept  # the second look-up ran no query the first had not
    gaz.close()


def test_a_caller_changing_the_rows_does_not_change_the_memo() -> None:
    gaz = Gazetteer(Gazetteer.open(Settings.from_env()).path)
    rows = gaz._rows("SELECT COUNT(*) FROM names", ())
    rows.clear()
    assert gaz._rows("SELECT COUNT(*) FROM names", ())[0][0] > 0
    gaz.close()


def test_the_memo_is_emptied_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gz, "MEMO_MAX", 2)
    gaz = Gazetteer(Gazetteer.open(Settings.from_env()).path)
    for name in ("Kharkiv", "Odesa", "Pokrovsk", "Kherson"):
        gaz.lookup(name)
        assert len(gaz._memo) <= 2  # never more than the bound
    assert gaz.resolve("Odesa") is not None
    gaz.close()
