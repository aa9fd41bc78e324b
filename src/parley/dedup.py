"""Near-duplicate detection: MinHash signatures with banded LSH kept in the store.

Syndicated wire copies and lightly edited re-publications share most of their word
5-shingles. Each article's MinHash signature is cut into bands; the band hashes are stored
(``article_lsh``), so finding candidates for a new article is an indexed lookup whatever the
store's size, and candidates are confirmed by their estimated Jaccard similarity.

The signature is computed here rather than by a MinHash library: the one used before
(datasketch 2, "affine32" scheme) imports scipy with its package, 0.6 s of every ingest's
start. The computation is the same, so stored signatures stay valid and every duplicate decision
is unchanged (pinned by tests/test_dedup.py against known values): each shingle is hashed to
32 bits (the first four bytes of its SHA-1, little-endian), pre-mixed with the MurmurHash3
finalizer, then permuted by ``a * h + b`` mod 2^32 for 128 (a, b) pairs drawn from NumPy's
``RandomState(1)``; a signature keeps each permutation's minimum.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

import numpy as np

# 128 permutations: a Jaccard estimate within about ±0.09 (one standard error ≈ 1/sqrt(128)).
NUM_PERM = 128
# 32 bands of 4 rows: a pair with similarity 0.8 shares a band with probability
# 1 - (1 - 0.8**4)**32 ≈ 1.0, and a pair at 0.3 with probability ≈ 0.23 — candidates are checked
# against the threshold afterwards, so false candidates cost a comparison, never a wrong link.
BANDS = 32
ROWS = NUM_PERM // BANDS
# Word 5-shingles: long enough that two different articles on the same talks rarely share many.
SHINGLE = 5
# The permutations' seed: stored signatures must be read back with the same one.
SEED = 1
_WORD = re.compile(r"\w+", re.UNICODE)
_EMPTY = np.uint32(0xFFFFFFFF)


@dataclass(frozen=True)
class MinHash:
    """One text's signature: the minimum of each of the ``NUM_PERM`` permuted shingle hashes."""

    hashvalues: np.ndarray  # NUM_PERM uint32 values

    def jaccard(self, other: MinHash) -> float:
        """Return the estimated Jaccard similarity: the share of permutations whose minima agree."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / NUM_PERM


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Return the (a, b) arrays of the affine permutations; every ``a`` is odd, so each is a bijection."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """Return MurmurHash3's 32-bit finalizer of each value (multiplication wraps mod 2^32)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(text: str) -> MinHash:
    """Return the MinHash of the text's word 5-shingles (lower-cased)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        shingles = [" ".join(words)]
    else:
        shingles = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    digests = b"".join(hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in shingles)
    h = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1))
    a, b = _permutations()
    values = np.minimum(np.full(NUM_PERM, _EMPTY, dtype=np.uint32), (h * a + b).min(axis=0))
    return MinHash(values)


def to_bytes(m: MinHash) -> bytes:
    """Return the signature as bytes for storage (each value widened to 64 bits, as stored so far)."""
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """Return a MinHash rebuilt from :func:`to_bytes` output."""
    values = np.frombuffer(data, dtype=np.uint64)
    if len(values) != NUM_PERM or int(values.max()) > int(_EMPTY):
        raise ValueError(f"not a stored signature of {NUM_PERM} 32-bit values")
    return MinHash(values.astype(np.uint32))


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
        sim = m.jaccard(from_bytes(data))
        if sim >= threshold and (best is None or sim > best[1]):
            best = (article_id, sim)
    return best
