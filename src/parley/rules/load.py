"""Loads a rules folder and checks every file against its declared schema (``schema.SCHEMAS``).

One loader for every rule file: a file that is missing, is not TOML, has a key its schema does
not declare, a value of the wrong type, a regular expression that does not compile, or a name
(event type, mode, issue) the rules never declare raises :class:`~parley.errors.KnowledgeBaseError`
naming the file, the rule and the key. Nothing is read at import; a folder is read once per
process (:func:`load_rules` is cached by path).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from parley.errors import KnowledgeBaseError
from parley.rules.schema import SCHEMAS, Leaf, ListOf, MapOf, Ref, RuleList, Spec, Table

STAGE = "rules"
# The event types and modes the extraction code reads by name (events.py, event_records.py,
# claims.py): a rules folder must declare them, whatever else it declares.
CODE_EVENT_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "ASSAULT": (),
    "CONSULT": ("multilateral",),
    "ACCUSE": ("allege",),
    "RETREAT": (),
    "REQUEST": (),
    "REJECT": (),
}
HINT_SHIPPED = "compare with the shipped rules (parley rules export DIR writes a copy)"


def shipped_folder() -> Path:
    """Return the folder of the rules shipped with Parley."""
    return Path(str(resources.files("parley.extract").joinpath("data")))


@dataclass(frozen=True, eq=False)  # hashed by identity: lexicons built from it are cached per Rules
class Rules:
    """A checked rules folder: each file's parsed data, and the names the rules declare."""

    folder: Path
    files: Mapping[str, dict[str, Any]]
    event_types: Mapping[str, tuple[str, ...]]  # type -> the modes it may take
    issues: tuple[str, ...]

    def __getitem__(self, name: str) -> dict[str, Any]:
        return self.files[name]

    def event_rules(self) -> list[tuple[str, dict[str, Any]]]:
        """Return (part of speech, rule) for every event rule, highest priority first (file order on ties)."""
        data = self.files["events.toml"]
        found = [("VERB", r) for r in data["verb"]] + [("NOUN", r) for r in data["noun"]]
        return sorted(found, key=lambda pr: -int(pr[1]["priority"]))

    @property
    def modes(self) -> frozenset[str]:
        return frozenset(m for modes in self.event_types.values() for m in modes)


def load_rules(folder: str | Path | None = None) -> Rules:
    """Return the checked rules of ``folder`` (default: the shipped rules).

    Read once per process and folder, and again when a file in it changes (a linguist editing
    the rules in one session sees the edit).
    """
    root = str(Path(folder).resolve()) if folder else str(shipped_folder())
    return _load(root, _stamp(Path(root)))


def _stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Return (name, mtime, size) of each TOML file in ``root``: the cache key's second half."""
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in root.glob("*.toml")))
    except OSError:
        return ()


@lru_cache(maxsize=8)
def _load(folder: str, _stamp: tuple[tuple[str, int, int], ...]) -> Rules:
    root = Path(folder)
    if not root.is_dir():
        raise KnowledgeBaseError(
            "not a rules folder",
            path=folder,
            stage=STAGE,
            hint="parley rules export DIR writes one to start from",
        )
    files = {name: _read(root / name) for name in SCHEMAS}
    for extra in sorted(p.name for p in root.glob("*.toml") if p.name not in SCHEMAS):
        raise KnowledgeBaseError(
            "not a rule file Parley reads",
            path=str(root / extra),
            stage=STAGE,
            hint=f"the rule files are {', '.join(SCHEMAS)}; rename it or move it out of the folder",
        )
    types = files["events.toml"].get("types", {})
    declared = _Declared(
        event_types={t: tuple(v.get("modes", ())) for t, v in types.items() if isinstance(v, dict)},
        issues=tuple(files["issues.toml"].get("issues", {})),
    )
    for name, schema in SCHEMAS.items():
        _Checker(root / name, declared).check(schema, files[name], "")
    _check_relations(root, files)
    return Rules(root, files, declared.event_types, declared.issues)


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeBaseError(
            "rule file missing", path=str(path), stage=STAGE, hint=HINT_SHIPPED
        ) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise KnowledgeBaseError(
            f"not valid TOML ({exc})", path=str(path), stage=STAGE, hint="fix the syntax at that line"
        ) from None


@dataclass(frozen=True)
class _Declared:
    event_types: Mapping[str, tuple[str, ...]]
    issues: tuple[str, ...]

    def names(self, kind: str) -> tuple[str, ...]:
        if kind == "event_type":
            return tuple(self.event_types)
        if kind == "mode":
            return tuple(dict.fromkeys(m for modes in self.event_types.values() for m in modes))
        return self.issues


class _Checker:
    """Walks one file's data beside its schema; the first mismatch raises, naming where it is."""

    def __init__(self, path: Path, declared: _Declared) -> None:
        self.path = path
        self.declared = declared

    def fail(self, where: str, problem: str, hint: str | None = None) -> None:
        message = f"{where}: {problem}" if where else problem
        raise KnowledgeBaseError(message, path=str(self.path), stage=STAGE, hint=hint)

    def check(self, spec: Spec, value: Any, where: str) -> None:
        if isinstance(spec, Table):
            self._table(spec, value, where)
        elif isinstance(spec, RuleList):
            self._rules(spec, value, where)
        elif isinstance(spec, MapOf):
            if not isinstance(value, dict):
                self.fail(where, "should be a table")
            for key, item in value.items():
                if spec.key is not None:
                    self._ref(spec.key, key, f"{where}.{key}" if where else key)
                self.check(spec.value, item, f"{where}.{key}" if where else key)
        elif isinstance(spec, ListOf):
            if not isinstance(value, list):
                self.fail(where, "should be a list")
            for i, item in enumerate(value):
                self.check(spec.item, item, f"{where}[{i}]")
        elif isinstance(spec, Ref):
            self._ref(spec, value, where)
        else:
            self._leaf(spec, value, where)

    def _table(self, spec: Table, value: Any, where: str, *, rule: bool = False) -> None:
        if not isinstance(value, dict):
            self.fail(where, "should be a table")
        for key in value:
            if key not in spec.fields:
                close = difflib.get_close_matches(key, list(spec.fields), n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(spec.fields)}"
                self.fail(where, f"unknown key {key!r}", hint)
        for key in sorted(spec.required - set(value)):
            self.fail(where, f"missing key {key!r}")
        for key, item in value.items():
            inner = f"{where}, key {key!r}" if rule else f"{where}.{key}" if where else key
            self.check(spec.fields[key], item, inner)

    def _rules(self, spec: RuleList, value: Any, where: str) -> None:
        if not isinstance(value, list):
            self.fail(where, "should be an array of tables ([[...]])")
        seen: set[str] = set()
        for i, rule in enumerate(value):
            name = rule.get("id") if isinstance(rule, dict) else None
            label = f"rule {name!r} ([[{where}]] #{i + 1})" if name else f"rule [[{where}]] #{i + 1}"
            self._table(spec.rule, rule, label, rule=True)
            if name in seen:
                self.fail(label, f"id {name!r} is used twice", "give each rule its own id")
            seen.add(str(name))

    def _ref(self, spec: Ref, value: Any, where: str) -> None:
        names = self.declared.names(spec.kind)
        if value not in names:
            kind = spec.kind.replace("_", " ")
            close = difflib.get_close_matches(str(value), list(names), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            self.fail(where, f"unknown {kind} {value!r}", f"{hint}declared: {', '.join(names)}")

    def _leaf(self, spec: Leaf, value: Any, where: str) -> None:
        if spec.kind == "scalar":
            ok = isinstance(value, str | int | float | bool)
        elif spec.kind == "int":
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif spec.kind == "bool":
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, str) and (spec.kind != "word" or bool(value.strip()))
        if not ok:
            self.fail(where, f"{value!r} is not a {'non-empty string' if spec.kind == 'word' else spec.kind}")
        if spec.choices and value not in spec.choices:
            self.fail(where, f"{value!r} is not one of {', '.join(spec.choices)}")
        if spec.kind == "pattern":
            try:
                re.compile(value)
            except re.error as exc:
                self.fail(where, f"pattern {value!r} does not compile ({exc})")


def _check_relations(root: Path, files: Mapping[str, dict[str, Any]]) -> None:
    """Check what a schema cannot say alone: modes fit their type, a speech role lists verbs of saying,
    and two rules that share a word do not share a priority (their order would be an accident)."""
    events = files["events.toml"]
    types = events["types"]
    path = str(root / "events.toml")
    for name, modes in CODE_EVENT_MODES.items():
        missing = [m for m in modes if m not in types.get(name, {}).get("modes", ())]
        if name not in types or missing:
            what = f"type {name!r}" if name not in types else f"mode {missing[0]!r} of {name}"
            raise KnowledgeBaseError(
                f"[types]: {what} is not declared, and the extraction code reads it",
                path=path,
                stage=STAGE,
                hint="declare it as the shipped events.toml does",
            )
    for part in ("verb", "noun"):
        for i, rule in enumerate(events[part]):
            label = f"rule {rule['id']!r} ([[{part}]] #{i + 1})"
            if not rule["examples"]:
                raise KnowledgeBaseError(
                    f"{label}, key 'examples': empty",
                    path=path,
                    stage=STAGE,
                    hint="give the rule at least one sentence it must find an event in",
                )
            allowed = types[rule["type"]]["modes"]
            for mode in [rule.get("mode"), *rule.get("mode_words", {})]:
                if mode is not None and mode not in allowed:
                    raise KnowledgeBaseError(
                        f"{label}.mode: {rule['type']} has no mode {mode!r}",
                        path=path,
                        stage=STAGE,
                        hint=f"its modes: {', '.join(allowed) or 'none'}; "
                        f"declare one under [types.{rule['type']}]",
                    )
        by_key: dict[tuple[int, str], str] = {}
        for rule in events[part]:
            for lemma in rule["lemmas"]:
                other = by_key.setdefault((rule["priority"], lemma), rule["id"])
                if other != rule["id"]:
                    raise KnowledgeBaseError(
                        f"rules {other!r} and {rule['id']!r} both take {lemma!r} "
                        f"at priority {rule['priority']}",
                        path=path,
                        stage=STAGE,
                        hint="give the one to try first the higher priority",
                    )
    verbs = files["speech.toml"]["verbs"]
    saying = set(verbs["saying"])
    for role, allowed in (("governing", saying | set(verbs.get("signalling", ()))), ("stance", saying)):
        stray = [v for v in verbs[role] if v not in allowed]
        if stray:
            raise KnowledgeBaseError(
                f"verbs.{role}: {', '.join(map(repr, stray))} not in verbs.saying",
                path=str(root / "speech.toml"),
                stage=STAGE,
                hint="a role lists verbs of saying; add the verb to verbs.saying first",
            )
