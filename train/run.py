"""Train every learned model (or those named) and record each file's sha256 in MODELS.toml.

    .venv/bin/python train/run.py [NAME ...]
    make train

Each trainer is a module ``train/NAME.py`` with ``fit() -> (LinearModel, about)``; ``about`` says
what it was trained on. Training needs the real-news texts (eval/realnews/README.md brings them
back); the models it writes are committed, so nobody else has to train.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parley.learn import linear  # noqa: E402

TRAINERS: tuple[str, ...] = ("speakers",)  # names of train/NAME.py modules, in the order they run


def record(name: str, sha256: str, about: str, manifest: Path = linear.MANIFEST) -> None:
    """Write (or replace) one model's entry in the manifest, keeping the others."""
    data = tomllib.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
    models = dict(data.get("models", {}))
    models[name] = {"sha256": sha256, "trained_on": about}
    head = [line for line in manifest.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    body = [
        f'[models.{n}]\nsha256 = "{m["sha256"]}"\ntrained_on = "{m["trained_on"]}"\n'
        for n, m in sorted(models.items())
    ]
    manifest.write_text("\n".join(head) + "\n\n" + "\n".join(body), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "names", nargs="*", help=f"trainers to run (default: all of {', '.join(TRAINERS) or 'none'})"
    )
    args = ap.parse_args(argv)
    for name in args.names or TRAINERS:
        if name not in TRAINERS:
            raise SystemExit(f"{name}: no such trainer; known: {', '.join(TRAINERS)}")
        module = importlib.import_module(f"train.{name}")
        model, about = module.fit()
        sha = linear.save(model, name, about)
        record(name, sha, about)
        print(f"{name}: {len(model.weights)} features, labels {', '.join(model.labels)}, sha256 {sha[:12]}…")


if __name__ == "__main__":
    main()
