"""A multinomial logistic regression over sparse string features, with its own trainer and file format.

Why our own and not scikit-learn: the model is a few thousand weights; training it is fifty lines of
numpy, and Parley needs no second numerical stack (and no pickle) to load it. The trainer is
deterministic (fixed seed, fixed order), so `make train` on the same data writes the same bytes.

The file is JSON: labels, bias, and for each feature its weight per label, rounded and with
near-zero weights dropped. Its sha256 is listed in ``parley/extract/data/models/MODELS.toml``;
:func:`load` refuses a file whose hash differs, with a line that says how to fix it.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from parley.errors import PipelineError

MODELS_DIR = Path(__file__).resolve().parent.parent / "extract" / "data" / "models"
MANIFEST = MODELS_DIR / "MODELS.toml"


class ModelFileError(PipelineError):
    """A model file is missing, unreadable, or not the one its manifest lists."""


@dataclass(frozen=True)
class Example:
    """One training example: the features that describe a candidate, and its gold label."""

    features: tuple[str, ...]
    label: str


@dataclass(frozen=True)
class LinearModel:
    """Weights of a multinomial logistic regression; ``weights[f][k]`` scores feature f for label k."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """Return the probability of each label for a candidate with these features."""
        z = list(self.bias)
        for f in set(features):
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    z[k] += v
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {label: v / total for label, v in zip(self.labels, e, strict=True)}

    def predict(self, features: Iterable[str]) -> tuple[str, float]:
        """Return the most probable label and its probability."""
        s = self.scores(features)
        label = max(self.labels, key=lambda k: s[k])
        return label, s[label]

    def explain(self, features: Iterable[str], label: str, top: int = 5) -> list[tuple[str, float]]:
        """Return the features that pushed most towards ``label``: why the model decided."""
        k = self.labels.index(label)
        found = [(f, self.weights[f][k]) for f in set(features) if f in self.weights]
        return sorted(found, key=lambda fw: -fw[1])[:top]


def train(
    examples: Sequence[Example],
    *,
    epochs: int = 30,
    l2: float = 1e-4,
    rate: float = 0.5,
    min_count: int = 2,
    seed: int = 13,
) -> LinearModel:
    """Fit a model by AdaGrad on the log loss, deterministically; features seen fewer than
    ``min_count`` times are left out (they would only memorise single sentences)."""
    if not examples:
        raise ValueError("no training examples")
    labels = tuple(sorted({e.label for e in examples}))
    counts: dict[str, int] = {}
    for e in examples:
        for f in set(e.features):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [np.array(sorted({index[f] for f in e.features if f in index}), dtype=np.int64) for e in examples]
    gold = [labels.index(e.label) for e in examples]
    w = np.zeros((len(vocab), len(labels)))
    b = np.zeros(len(labels))
    gw = np.full_like(w, 1e-8)
    gb = np.full_like(b, 1e-8)
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x = rows[i]
            z = b + w[x].sum(axis=0)
            p = np.exp(z - z.max())
            p /= p.sum()
            p[gold[i]] -= 1.0
            grad_w = p[None, :] + l2 * w[x]
            gw[x] += grad_w**2
            w[x] -= rate * grad_w / np.sqrt(gw[x])
            gb += p**2
            b -= rate * p / np.sqrt(gb)
    weights = {
        f: tuple(round(float(v), 4) for v in w[i]) for f, i in index.items() if np.abs(w[i]).max() >= 1e-3
    }
    return LinearModel(labels, tuple(round(float(v), 4) for v in b), weights)


def dumps(model: LinearModel, about: str = "") -> str:
    """Return the model as stable JSON text (sorted keys), so the same weights give the same hash."""
    body = {
        "about": about,
        "labels": list(model.labels),
        "bias": list(model.bias),
        "weights": {f: list(v) for f, v in sorted(model.weights.items())},
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":")) + "\n"


def save(model: LinearModel, name: str, about: str = "", folder: Path = MODELS_DIR) -> str:
    """Write ``folder/name.json`` and return its sha256 (the trainer records it in the manifest)."""
    text = dumps(model, about)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expected_hashes(manifest: Path = MANIFEST) -> dict[str, str]:
    """Return the manifest's ``name -> sha256`` table (empty when there is no manifest yet)."""
    if not manifest.exists():
        return {}
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    return {name: str(entry["sha256"]) for name, entry in data.get("models", {}).items()}


def load(name: str, folder: Path = MODELS_DIR, manifest: Path = MANIFEST) -> LinearModel:
    """Load a model after checking its sha256 against the manifest; raise ModelFileError otherwise."""
    path = folder / f"{name}.json"
    want = expected_hashes(manifest).get(name)
    if want is None:
        raise ModelFileError(
            f"model {name!r} is not listed in {manifest}", path=str(path), hint="run `make train`"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ModelFileError(
            f"cannot read the model file ({exc.strerror})", path=str(path), hint="run `make train`"
        ) from exc
    got = hashlib.sha256(raw).hexdigest()
    if got != want:
        raise ModelFileError(
            f"sha256 {got[:12]}… is not the {want[:12]}… that {manifest.name} lists",
            path=str(path),
            hint="restore the file from git or run `make train`",
        )
    body = json.loads(raw)
    return LinearModel(
        tuple(body["labels"]),
        tuple(body["bias"]),
        {f: tuple(v) for f, v in body["weights"].items()},
    )
