"""Inputs a stranger can give the commands, and runs started together: each case once broke (issue 16)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTICLE = (
    "---\npublished: 2025-12-01\n---\nKyiv, Dec 1 - Envoys met in Geneva on {day} to talk about a truce.\n"
)


def parley(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real `parley` command in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "parley", *args], capture_output=True, text=True, timeout=timeout, cwd=cwd
    )


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "failures")}


def test_a_bad_jsonl_record_is_one_failure_and_the_batch_goes_on(tmp_path: Path) -> None:
    records = tmp_path / "f.jsonl"
    good = {"text": "Kyiv, Dec 1 - Envoys met in Geneva.", "published": "2025-12-01"}
    records.write_text(
        json.dumps(good)
        + "\n"
        + '{"text": "Kyiv, Dec 2 - broken \\ud800 text", "published": "2025-12-02"}\n'
        + json.dumps({**good, "text": "Kyiv, Dec 3 - Talks went on."})
        + "\n",
        encoding="utf-8",
    )
    other = tmp_path / "good.txt"
    other.write_text(ARTICLE.format(day="Monday"), encoding="utf-8")
    db = tmp_path / "p.db"
    out = parley("ingest", str(records), str(other), "--db", str(db), "--no-extract")
    assert out.returncode == 2, out.stderr
    lines = [x for x in out.stderr.splitlines() if "f.jsonl:2" in x]
    assert len(lines) == 1 and "surrogate" in lines[0] and "Traceback" not in out.stderr
    assert counts(db) == {"articles": 3, "failures": 1}


def _looping_folder(tmp_path: Path) -> Path:
    d = tmp_path / "d"
    (d / "sub" / "deeper").mkdir(parents=True)
    (d / "a.txt").write_text(ARTICLE.format(day="Monday"), encoding="utf-8")
    (d / "sub" / "b.txt").write_text(ARTICLE.format(day="Tuesday"), encoding="utf-8")
    (d / "sub" / "deeper" / "c.txt").write_text(ARTICLE.format(day="Wednesday"), encoding="utf-8")
    (d / "README.md").write_text("What these files are.\n", encoding="utf-8")
    (d / ".hidden.txt").write_text(ARTICLE.format(day="Thursday"), encoding="utf-8")
    (d / "self").symlink_to(".")
    (d / "sub" / "up").symlink_to("../../d")
    return d


def test_one_walk_recursive_with_loops_reported(tmp_path: Path) -> None:
    from parley.batch import expand_shards
    from parley.ingest.walk import expand

    d = _looping_folder(tmp_path)
    found = expand([str(d)])
    assert [Path(p).name for p in found.inputs] == ["a.txt", "b.txt", "c.txt"]
    assert found.skipped == {"loop": 2, "readme": 1, "hidden": 1}
    assert [Path(p).name for p in expand_shards([str(d)])] == ["a.txt", "b.txt", "c.txt"]


@pytest.mark.slow
def test_ingest_walks_subfolders_and_says_what_it_skipped(tmp_path: Path) -> None:
    d = _looping_folder(tmp_path)
    db = tmp_path / "p.db"
    out = parley("ingest", str(d), "--db", str(db), "--no-extract", timeout=60)
    assert out.returncode == 0, out.stderr
    assert "stored 3" in out.stderr and "2 symlink loop" in out.stderr and "1 README" in out.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README").write_text("nothing\n", encoding="utf-8")
    out = parley("ingest", str(empty), "--db", str(db), "--no-extract")
    assert out.returncode == 2 and "no article files in this folder" in out.stderr


@pytest.mark.slow
@pytest.mark.spacy
def test_extract_over_a_looping_folder_ends(tmp_path: Path) -> None:
    d = _looping_folder(tmp_path)
    out = parley("extract", str(d), "--out", str(tmp_path / "out"), timeout=180)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json", "c.json"]


def test_reading_commands_never_create_a_database(tmp_path: Path) -> None:
    for args in (["stats"], ["claims"], ["timeline"], ["plans", "list"]):
        out = parley(*args, "--db", str(tmp_path / "typo.db"))
        assert out.returncode == 3 and "no such database" in out.stderr, (args, out.stderr)
        assert out.stderr.count("\n") == 1
    assert not (tmp_path / "typo.db").exists()


def _together(tmp_path: Path, runs: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Start the commands at the same moment; return their results."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "parley", *r], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for r in runs
    ]
    results = []
    for p, r in zip(procs, runs, strict=True):
        out, err = p.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(r, p.returncode, out, err))
    return results


@pytest.mark.slow
def test_first_runs_started_together_both_succeed(tmp_path: Path) -> None:
    for attempt in range(4):
        db = tmp_path / f"new{attempt}.db"
        files = []
        for n in range(2):
            f = tmp_path / f"r{attempt}-{n}.txt"
            f.write_text(ARTICLE.format(day=f"day {attempt}-{n}"), encoding="utf-8")
            files.append(str(f))
        results = _together(tmp_path, [["ingest", f, "--db", str(db), "--no-extract"] for f in files])
        assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
        assert counts(db) == {"articles": 2, "failures": 0}


@pytest.mark.slow
def test_the_same_file_ingested_twice_at_once_is_no_failure(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    assert parley("stats", "--db", str(db)).returncode == 3  # reading does not create it…
    first = tmp_path / "first.txt"
    first.write_text(ARTICLE.format(day="Friday"), encoding="utf-8")
    assert parley("ingest", str(first), "--db", str(db), "--no-extract").returncode == 0  # …ingest does
    for attempt in range(3):
        f = tmp_path / f"same{attempt}.txt"
        f.write_text(ARTICLE.format(day=f"Saturday {attempt}"), encoding="utf-8")
        time.sleep(0.01)
        results = _together(tmp_path, [["ingest", str(f), "--db", str(db), "--no-extract"]] * 2)
        assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
    assert counts(db) == {"articles": 4, "failures": 0}
