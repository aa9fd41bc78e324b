"""Near-duplicate detection: MinHash signatures with banded LSH kept in the store.

Syndicated wire copies and lightly edited re-publications share most of their word
5-shingles. Each article's MinHash signature is cut into bands; the band hashes are stored
(``article_lsh``), so finding candidates for a new article is an indexed lookup whatever the
store's size, and candidates are confirmed by their estimated Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

# 128 permutations: a Jaccard estimate within about ±0.09 (one standard error ≈ 1/sqrt(128)).
NUM_PERM = 128
# 32 bands of 4 rows: a pair with similarity 0.8 shares a band with probability
# 1 - (1 - 0.8**4)**32 ≈ 1.0, and a pair at 0.3 with probability ≈ 0.23 — candidates are checked
# against the threshold afterwards, so false candidates cost a comparison, never a wrong link.
BANDS = 32
ROWS = NUM_PERM // BANDS
# Word 5-shingles: long enough that two different articles on the same talks rarely share many.
SHINGLE = 5
# datasketch 2 names its hashing scheme; stored signatures must be read back with the same one.
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def signature(text: str) -> MinHash:
    """Return the MinHash of the text's word 5-shingles (lower-cased)."""
    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    if len(words) < SHINGLE:
        shingles = [" ".join(words)]
    else:
        shingles = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def to_bytes(m: MinHash) -> bytes:
    """Return the signature as bytes for storage."""
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """Return a MinHash rebuilt from :func:`to_bytes` output."""
    values = np.frombuffer(data, dtype=np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=SCHEME)


def bands(m: MinHash) -> list[tuple[int, str]]:
    """Return the (band number, bucket hash) pairs under which the signature is indexed."""
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    out = []
    for b in range(BANDS):
        chunk = values[b * ROWS : (b + 1) * ROWS].tobytes()
        out.append((b, hashlib.blake2b(chunk, digest_size=8).hexdigest()))
    return out


def best_match(m: MinHash, candidates: list[tuple[str, bytes]], threshold: float) -> tuple[str, float] | None:
    """Return the most similar candidate (id, estimated Jaccard) at or above ``threshold``."""
    best: tuple[str, float] | None = None
    for article_id, data in candidates:
        sim = float(m.jaccard(from_bytes(data)))
        if sim >= threshold and (best is None or sim > best[1]):
            best = (article_id, sim)
    return best
