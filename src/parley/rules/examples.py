"""Runs the examples the rules carry: each must (or, as a counterexample, must not) yield its record.

An event rule's example is a short sentence and the event it must yield: of the rule's type,
and with the ``mode``, ``modality``, ``actors`` and ``trigger`` the example gives (an absent
key is not checked; ``mode = ""`` means no mode). A counterexample must yield no such event.
An issue's example must be read as about the issue; its counterexample must not.

Event examples run the whole extractor (spaCy, the knowledge base) with the rules under test;
issue examples need only the issue lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from parley.rules.load import Rules

if TYPE_CHECKING:
    from parley.extract.extractor import Extractor
    from parley.model import Event

# The day an example is published unless it says otherwise: a Monday, so that weekdays in an
# example ("on Friday") fall in the week before it.
PUBLISHED = date(2025, 12, 29)


@dataclass(frozen=True)
class Case:
    """One example of one rule."""

    file: str
    rule: str  # the rule's id (an issue's name)
    kind: str  # "example" | "counterexample"
    number: int  # 1-based, within the rule's list of that kind
    example: dict[str, Any]
    target: str  # the event type (event rules) or the issue (issues)

    @property
    def label(self) -> str:
        return f"{self.file}:{self.rule}:{self.kind}{self.number}"


@dataclass(frozen=True)
class Failure:
    case: Case
    problem: str

    def one_line(self) -> str:
        c = self.case
        return f"{c.file}: rule {c.rule!r} {c.kind} {c.number} ({c.example['text']!r}): {self.problem}"


def cases(rules: Rules) -> list[Case]:
    """Return every example and counterexample the rules carry, file by file, in file order."""
    return [*_event_cases(rules), *_issue_cases(rules)]


def _event_cases(rules: Rules) -> Iterator[Case]:
    data = rules["events.toml"]
    for part in ("verb", "noun"):
        for rule in data[part]:
            for kind in ("example", "counterexample"):
                for n, ex in enumerate(rule.get(f"{kind}s", ()), 1):
                    yield Case("events.toml", rule["id"], kind, n, ex, rule["type"])


# issues.toml's table of terms naming the settlement itself (read by positions.names_settlement)
SETTLEMENT = "settlement"


def _issue_cases(rules: Rules) -> Iterator[Case]:
    data = rules["issues.toml"]
    tables = [*data["issues"].items(), (SETTLEMENT, data.get(SETTLEMENT, {}))]
    for name, table in tables:
        for kind in ("example", "counterexample"):
            for n, ex in enumerate(table.get(f"{kind}s", ()), 1):
                yield Case("issues.toml", name, kind, n, ex, name)


def needs_extractor(case: Case) -> bool:
    """Return True for a case that runs the whole extractor (an event rule's)."""
    return case.file == "events.toml"


def run_case(case: Case, rules: Rules, extractor: Extractor | None = None) -> str | None:
    """Return what is wrong with one case, or None when it passes."""
    if case.file == "issues.toml":
        from parley.extract.positions import classify_issues, names_settlement

        if case.target == SETTLEMENT:
            found = names_settlement(case.example["text"], rules)
        else:
            found = case.target in classify_issues(case.example["text"], rules)
        if found == (case.kind == "example"):
            return None
        return f"is {'not ' if not found else ''}read as about {case.target}"
    if extractor is None:
        raise ValueError(f"{case.label}: an event example needs an extractor")
    ex = case.example
    published = date.fromisoformat(ex["published"]) if "published" in ex else PUBLISHED
    events = extractor.extract_text(ex["text"], published=published, doc_id=case.label).events
    matching = [e for e in events if _matches(e, case.target, ex)]
    if case.kind == "counterexample":
        return f"yields {_show(matching[0])}" if matching else None
    if matching:
        return None
    wanted = ", ".join(f"{k} {ex[k]!r}" for k in ("mode", "modality", "actors", "trigger") if k in ex)
    got = "; ".join(_show(e) for e in events) or "no event"
    return f"yields no {case.target} event{' with ' + wanted if wanted else ''} (got: {got})"


def _matches(e: Event, target: str, ex: dict[str, Any]) -> bool:
    if e.type != target:
        return False
    if "mode" in ex and (e.mode or "") != ex["mode"]:
        return False
    if "modality" in ex and e.modality != ex["modality"]:
        return False
    if "trigger" in ex and e.trigger.lower() != ex["trigger"].lower():
        return False
    names = {a.name.lower() for a in e.actors} | {str(a.id).lower() for a in e.actors if a.id}
    return all(str(a).lower() in names for a in ex.get("actors", ()))


def _show(e: Event) -> str:
    actors = ", ".join(a.name for a in e.actors)
    return f"{e.type}{'/' + e.mode if e.mode else ''} {e.modality} {e.trigger!r} [{actors}]"


def check_examples(rules: Rules, extractor: Extractor | None = None) -> tuple[int, list[Failure]]:
    """Return (how many cases ran, the failures) for every example the rules carry."""
    all_cases = cases(rules)
    if extractor is None and any(needs_extractor(c) for c in all_cases):
        from parley.config import Settings
        from parley.extract.extractor import Extractor

        extractor = Extractor(Settings.from_env(), rules=rules)
    failures = []
    for case in all_cases:
        problem = run_case(case, rules, extractor)
        if problem is not None:
            failures.append(Failure(case, problem))
    return len(all_cases), failures
