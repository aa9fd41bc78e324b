"""The own MinHash gives the signatures the stored ones were made with, so no duplicate decision moves."""

from __future__ import annotations

import numpy as np
import pytest

from parley import dedup

TALKS = (
    "The two delegations met in Geneva on Tuesday and agreed to resume talks on the prisoner exchange "
    "next month."
)
REWORDED = (
    "The two delegations met in Geneva on Tuesday and agreed to resume talks on the prisoner swap "
    "later this year."
)
OTHER = (
    "Heavy shelling was reported overnight near the northern border crossing, local officials said on Friday."
)


def test_signature_matches_values_stored_by_earlier_versions() -> None:
    # values computed by datasketch 2.0 (scheme affine32, seed 1), which made the stored signatures
    sig = dedup.signature(TALKS)
    assert sig.hashvalues[:6].tolist() == [112634146, 28158902, 136343059, 246536661, 212930141, 9857497]
    assert dedup.bands(sig)[:2] == [(0, "795d9cdd77c0d423"), (1, "cb0963b1af9d7eef")]


@pytest.mark.parametrize("text", [TALKS, REWORDED, OTHER, "", "too short", TALKS.upper() + " " + OTHER])
def test_signature_equals_datasketch(text: str) -> None:
    datasketch = pytest.importorskip("datasketch")
    words = dedup._WORD.findall(text.lower())
    shingles = (
        [" ".join(words[i : i + 5]) for i in range(len(words) - 4)] if len(words) >= 5 else [" ".join(words)]
    )
    ref = datasketch.MinHash(num_perm=128, seed=1, scheme="affine32")
    ref.update_batch([s.encode("utf-8") for s in shingles])
    ours = dedup.signature(text)
    assert ours.hashvalues.tolist() == ref.hashvalues.tolist()
    assert dedup.to_bytes(ours) == np.asarray(ref.hashvalues, dtype=np.uint64).tobytes()


def test_round_trip_and_decisions() -> None:
    talks, reworded, other = (dedup.signature(t) for t in (TALKS, REWORDED, OTHER))
    back = dedup.from_bytes(dedup.to_bytes(talks))
    assert back.jaccard(talks) == 1.0
    assert dedup.bands(back) == dedup.bands(talks)
    assert 0.0 < talks.jaccard(reworded) < 1.0
    assert talks.jaccard(other) < 0.1
    stored = [("a", dedup.to_bytes(other)), ("b", dedup.to_bytes(talks))]
    assert dedup.best_match(talks, stored, 0.9) == ("b", 1.0)
    assert dedup.best_match(reworded, stored, 0.99) is None
    with pytest.raises(ValueError):
        dedup.from_bytes(b"\x00" * 16)
