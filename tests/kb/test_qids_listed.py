"""Every person of the actor registry has a Wikidata QID with its public source written above the
entry (a ``# qid:`` line), or is listed in QIDS.md as unverified with the reason: no QID is
taken from memory, and none is left out silently."""

from __future__ import annotations

import itertools
import re
import tomllib

from parley.kb.actors import DATA_DIR, default_registry

QIDS_MD = DATA_DIR / "QIDS.md"


def _unverified_keys() -> dict[str, str]:
    """Return key -> reason for each entry listed under "Left unverified" in QIDS.md."""
    text = QIDS_MD.read_text(encoding="utf-8")
    section = text.split("## Left unverified", 1)[1].split("\n## ", 1)[0]
    return {
        m.group(1): m.group(2).strip() for m in re.finditer(r"^- `([^`]+)` \([^)]*\): (.+)$", section, re.M)
    }


def test_every_person_has_a_qid_or_a_listed_reason() -> None:
    listed = _unverified_keys()
    people = [e for e in default_registry().entries() if e.kind == "person"]
    assert people, "the registry has people"
    lacking = [e.key for e in people if not e.qid and e.key not in listed]
    assert lacking == [], f"people with neither a QID nor a reason in QIDS.md: {lacking}"
    assert all(len(reason) >= 10 for reason in listed.values()), "each unverified entry says why"


def test_a_listed_entry_has_no_qid_and_exists() -> None:
    by_key = {e.key: e for e in default_registry().entries()}
    for key in _unverified_keys():
        assert key in by_key, f"QIDS.md lists {key!r}, which the registry does not have"
        assert not by_key[key].qid, f"{key!r} has a QID but QIDS.md still lists it as unverified"


def test_every_qid_of_a_person_names_its_source() -> None:
    text = (DATA_DIR / "people.toml").read_text(encoding="utf-8")
    blocks = text.split("[[actor]]")
    unsourced = []
    for before, body in itertools.pairwise(blocks):
        entry = tomllib.loads(body)
        if entry.get("qid") and not any(
            line.startswith("# qid:") for line in before.rstrip().splitlines()[-3:]
        ):
            unsourced.append(entry["key"])
    assert unsourced == []
