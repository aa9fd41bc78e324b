"""`parley extract --jobs N` writes what one process writes, in the same order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "src" / "parley" / "samples" / "corpus"


def extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parley", "extract", *args], capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
@pytest.mark.spacy
def test_jobs_give_the_same_records_in_the_same_order(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(CORPUS.glob("*.txt"))[:6]]
    undated = tmp_path / "undated.txt"
    undated.write_text("Envoys from both sides met in Geneva to talk about a truce along the front.\n")
    one = extract("--jobs", "1", *files)
    three = extract("--jobs", "3", *files)
    assert one.returncode == 0 and three.returncode == 0, one.stderr + three.stderr
    assert one.stdout.count('"doc_id"') == 6
    assert three.stdout == one.stdout
    # an undated input stops both at the same place, after what came before it
    cut_one = extract("--jobs", "1", *files[:3], str(undated), *files[3:])
    cut_three = extract("--jobs", "3", *files[:3], str(undated), *files[3:])
    assert cut_one.returncode == cut_three.returncode != 0
    assert "no publication date" in cut_three.stderr
    assert cut_three.stdout == cut_one.stdout
    assert len(cut_three.stdout) < len(three.stdout)


@pytest.mark.slow
@pytest.mark.spacy
def test_batched_parse_gives_the_same_extractions() -> None:
    from parley.clean import clean
    from parley.extract.extractor import Extractor
    from parley.ingest import read_inputs
    from parley.model import Document

    files = [str(p) for p in sorted(CORPUS.glob("*.txt"))[:5]]
    extractor = Extractor()
    docs = [clean(item) for item in read_inputs(files, extractor.settings)]
    pairs = [(d, f"doc{i}") for i, d in enumerate(docs) if isinstance(d, Document)]
    assert len(pairs) == 5
    one_by_one = [extractor.extract_document(d, doc_id=i) for d, i in pairs]
    batched = extractor.extract_documents(pairs)
    assert batched == one_by_one
    assert sum(len(e.events) + len(e.quotes) for e in batched) > 0
