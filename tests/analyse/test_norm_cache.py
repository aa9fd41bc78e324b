"""The cached registry keys are the keys ``fold.norm`` gives, whatever order the names come in."""

from __future__ import annotations

from pathlib import Path

from parley.analyse.norm_cache import PREFIX, norms
from parley.kb.fold import norm

NAMES = ["Volodymyr Zelenskyy", "Зеленський", "the Kremlin", "Rapid Support Forces", "Ḥamās", "U.S."]


def test_the_keys_are_norms_and_a_second_call_reads_them_from_disk(tmp_path: Path) -> None:
    first = norms(NAMES, tmp_path)
    assert first == [norm(n) for n in NAMES]
    (cached,) = tmp_path.glob(f"{PREFIX}*")
    again = norms(list(reversed(NAMES)), tmp_path)  # another order: the same file serves it
    assert again == [norm(n) for n in reversed(NAMES)]
    assert list(tmp_path.glob(f"{PREFIX}*")) == [cached]


def test_other_names_get_their_own_file(tmp_path: Path) -> None:
    norms(NAMES, tmp_path)
    assert norms([*NAMES, "Sudan Armed Forces"], tmp_path)[-1] == "sudan armed forces"
    assert len(list(tmp_path.glob(f"{PREFIX}*"))) == 2


def test_a_damaged_cache_file_is_recomputed(tmp_path: Path) -> None:
    norms(NAMES, tmp_path)
    (cached,) = tmp_path.glob(f"{PREFIX}*")
    cached.write_bytes(b"not marshal data")
    assert norms(NAMES, tmp_path) == [norm(n) for n in NAMES]


def test_an_unwritable_cache_folder_costs_only_the_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    assert norms(NAMES, blocked / "cache") == [norm(n) for n in NAMES]


def test_the_actor_index_is_read_back_for_the_same_source_and_code(tmp_path: Path) -> None:
    from parley.analyse.norm_cache import INDEX_PREFIX, cached_index

    code = [Path(__file__)]
    builds: list[int] = []

    def build() -> dict[str, list[tuple[str, str]]]:
        builds.append(1)
        return {norm(n): [(n, "exact")] for n in NAMES}

    first = cached_index("registry-a", build, code, tmp_path)
    again = cached_index("registry-a", build, code, tmp_path)
    assert again == first and len(builds) == 1  # the second came from disk
    cached_index("registry-b", build, code, tmp_path)  # other data: built again, its own file
    assert len(builds) == 2
    assert len(list(tmp_path.glob(f"{INDEX_PREFIX}*"))) == 2


def test_a_damaged_index_file_is_rebuilt(tmp_path: Path) -> None:
    from parley.analyse.norm_cache import INDEX_PREFIX, cached_index

    cached_index("registry-a", lambda: {"x": 1}, [Path(__file__)], tmp_path)
    (cached,) = tmp_path.glob(f"{INDEX_PREFIX}*")
    cached.write_bytes(b"not a pickle")
    assert cached_index("registry-a", lambda: {"x": 2}, [Path(__file__)], tmp_path) == {"x": 2}


def test_the_cached_actor_index_equals_the_built_one() -> None:
    from parley.analyse.matcher import _actor_index, _build_actor_index
    from parley.kb.actors import load_registry

    registry = load_registry()
    assert registry.source
    assert _actor_index(registry) == _build_actor_index(registry)
