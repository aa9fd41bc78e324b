"""The actor registry: names, titles and metonyms resolved to stable Wikidata QIDs.

Rules are data: ``kb/data/actors/*.toml`` lists states (the 193 UN members plus Palestine,
Kosovo and Taiwan), international organisations, armed groups, people with the state or body
they act for, state institutions, and roles with their holders by date. They are loaded once
per process (:func:`default_registry`).

A lookup tries, in order: the name as written (``exact``), a listed spelling (``alias``), a
capital or seat of government (``metonym``), a role title held on the given day (``role``), a
state institution ("Russian forces", "Ukraine's General Staff", "the IDF": ``institution``),
then the transliteration-tolerant key of :func:`parley.kb.fold.fold` (``folded``), and last a
person's name after a leading title ("US President Donald Trump"). Every candidate says which
of these matched and why, so a user can ask "why is this Donald Trump?".
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from parley.errors import KnowledgeBaseError
from parley.kb.fold import fold, norm
from parley.model.records import ACTOR_KINDS, ActorRef

DATA_DIR = Path(__file__).parent / "data" / "actors"
# The files of actors, in the order their entries are read.
ACTOR_FILES = ("states.toml", "organizations.toml", "groups.toml", "people.toml")

# Confidence by method. Names and listed spellings are near certain; a metonym or institution
# stands for the state only when the text uses it as an actor (the caller's context decides);
# a role depends on the date being right; a folded key can join two different names.
CONFIDENCE = {
    "exact": 1.0,
    "alias": 0.95,
    "metonym": 0.9,
    "institution": 0.9,
    "role": 0.9,
    "folded": 0.85,
}
# A role looked up without a date resolves to its current holder, which a story about the past
# may contradict: lower than a dated role.
UNDATED_ROLE_CONFIDENCE = 0.7
# A person found after dropping leading words ("Army Secretary Dan Driscoll") keeps the match's
# confidence times this: the dropped words were not checked.
TITLE_STRIPPED_FACTOR = 0.95
# Fold keys shorter than this are not used: two- and three-letter keys ("us", "un", "eu") fold
# into other acronyms too easily.
MIN_FOLD_KEY = 4

_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?=\s|$)")
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*$")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.\-/&]*$")


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the registry: its QID, canonical name, kind and every listed name."""

    key: str
    qid: str | None
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None  # QID of the state it is (states) or acts for (people)
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    capital: str | None = None  # when it is not the first metonym (a capital held by another actor)
    institutions: tuple[str, ...] = ()  # named state institutions (states only)
    affiliation: str | None = None  # QID (or name) of the state/body it acts for
    iso2: str | None = None
    iso3: str | None = None
    un_member: bool = False
    # keys of the named groupings a generic collective stands for in an article that names one
    # ("the Europeans" in a story about the E3 are the E3)
    stands_for: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        """Return the reference used in records: the QID, else the name."""
        return self.qid or self.name


@dataclass(frozen=True)
class RoleHolder:
    """A holder of a role from ``start`` (inclusive) to ``end`` (exclusive, None while in office)."""

    actor: str
    start: date
    end: date | None = None

    def holds_on(self, day: date) -> bool:
        """Return whether the holder was in office on ``day``."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Role:
    """An office named by titles ("the US president"), with its holders by date."""

    key: str
    titles: tuple[str, ...]
    holders: tuple[RoleHolder, ...]
    country: str | None = None


@dataclass(frozen=True)
class ActorCandidate:
    """A possible resolution of a name: the entry, how it matched, why, and how sure."""

    entry: ActorEntry
    method: str
    reason: str
    confidence: float

    def to_ref(self) -> ActorRef:
        """Return the candidate as the ActorRef used in records."""
        e = self.entry
        return ActorRef(
            name=e.name,
            kind=e.kind,
            id=e.qid,
            affiliation=e.affiliation,
            method=self.method,
            reason=self.reason,
            confidence=self.confidence,
        )


@dataclass
class _Hit:
    entry: ActorEntry
    method: str
    surface: str


@dataclass
class _Index:
    exact: dict[str, list[_Hit]] = field(default_factory=dict)
    folded: dict[str, list[_Hit]] = field(default_factory=dict)

    def add(self, surface: str, entry: ActorEntry, method: str) -> None:
        key = norm(surface)
        if not key:
            return
        _add_unique(self.exact.setdefault(key, []), _Hit(entry, method, surface))
        fkey = fold(surface)
        if len(fkey) >= MIN_FOLD_KEY:
            _add_unique(self.folded.setdefault(fkey, []), _Hit(entry, method, surface))


def _add_unique(hits: list[_Hit], hit: _Hit) -> None:
    # One hit per entry and key: the strongest method wins (a name beats an alias of it).
    for i, old in enumerate(hits):
        if old.entry.key == hit.entry.key:
            if CONFIDENCE[hit.method] > CONFIDENCE[old.method]:
                hits[i] = hit
            return
    hits.append(hit)


def needs_exact_case(surface: str) -> bool:
    """Return whether a surface form is an acronym that must match in its own case ("WHO", "US")."""
    return bool(_ACRONYM.match(surface)) and any(c.isalpha() for c in surface)


class ActorRegistry:
    """Actors, roles and institutions, looked up by any spelling; built from TOML data."""

    def __init__(
        self,
        entries: Iterable[ActorEntry],
        roles: Iterable[Role] = (),
        institution_words: Iterable[str] = (),
        lead_words: Iterable[str] = ("the",),
    ) -> None:
        # a fingerprint of the data files the registry was loaded from (set by load_registry;
        # None when built in code): indexes derived from it may be cached under it
        self.source: str | None = None
        self._entries: dict[str, ActorEntry] = {}
        self._by_qid: dict[str, ActorEntry] = {}
        for e in entries:
            if e.kind not in ACTOR_KINDS:
                raise KnowledgeBaseError(
                    f"actor {e.key!r}: unknown kind {e.kind!r}", hint=f"use one of {', '.join(ACTOR_KINDS)}"
                )
            if e.key in self._entries:
                raise KnowledgeBaseError(f"actor key {e.key!r} is listed twice", hint="keys must be unique")
            self._entries[e.key] = e
            if e.qid:
                self._by_qid.setdefault(e.qid, e)
        self._roles: dict[str, Role] = {}
        self._index = _Index()
        self._role_exact: dict[str, Role] = {}
        self._role_folded: dict[str, Role] = {}
        self._demonyms: dict[str, ActorEntry] = {}
        self._state_names: dict[str, ActorEntry] = {}
        self._country_names: dict[str, ActorEntry] = {}
        self._by_iso2: dict[str, ActorEntry] = {}
        self._institution_words = tuple(sorted({norm(w) for w in institution_words}, key=len, reverse=True))
        self._institution_set = frozenset(self._institution_words)
        self._lead_words = frozenset(norm(w) for w in lead_words)
        for e in self._entries.values():
            self._index.add(e.name, e, "exact")
            for a in e.aliases:
                self._index.add(a, e, "alias")
            for m in e.metonyms:
                self._index.add(m, e, "metonym")
            for inst in e.institutions:
                self._index.add(inst, e, "institution")
            if e.kind == "state":
                for d in e.demonyms:
                    self._demonyms.setdefault(norm(d), e)
                for n in (e.name, *e.aliases, *e.metonyms):
                    self._state_names.setdefault(norm(n), e)
                if e.iso2:
                    self._by_iso2.setdefault(e.iso2, e)
                    for n in (e.name, *e.aliases):
                        self._country_names.setdefault(norm(n.removeprefix("the ")), e)
        self._by_name_of_collective = {e.name: e for e in self._entries.values() if e.stands_for}
        for e in self._by_name_of_collective.values():
            for k in e.stands_for:
                if k not in self._entries:
                    raise KnowledgeBaseError(
                        f"actor {e.key!r}: stands_for {k!r} is not a known actor key",
                        hint="name the grouping by its registry key",
                    )
        for role in roles:
            for h in role.holders:
                if h.actor not in self._entries:
                    raise KnowledgeBaseError(
                        f"role {role.key!r}: holder {h.actor!r} is not a known actor key",
                        hint="add the person to people.toml or fix the key",
                    )
            self._roles[role.key] = role
            for t in role.titles:
                self._role_exact.setdefault(norm(t), role)
                fkey = fold(t)
                if len(fkey) >= MIN_FOLD_KEY:
                    self._role_folded.setdefault(fkey, role)

    # --- lookups ---------------------------------------------------------------------------

    def get(self, key: str) -> ActorEntry | None:
        """Return the entry with this QID or registry key, else None."""
        return self._by_qid.get(key) or self._entries.get(key)

    def grouping_named(self, generic: ActorRef, named: Iterable[ActorRef]) -> ActorRef | None:
        """Return the named grouping among ``named`` that the generic collective ``generic``
        stands for ("the Europeans" where the article names the E3), else None."""
        entry = self._by_name_of_collective.get(generic.name) if generic.id is None else None
        if entry is None:
            return None
        wanted = {self._entries[k].ref for k in entry.stands_for}
        return next((a for a in named if a.ref in wanted), None)

    def entries(self) -> Iterator[ActorEntry]:
        """Return every entry, in data order."""
        return iter(self._entries.values())

    def roles(self) -> Iterator[Role]:
        """Return every role, in data order."""
        return iter(self._roles.values())

    def role_holder(self, role: str, on: date) -> ActorEntry | None:
        """Return who held a role (by role key or title) on a day, or None when no one is known."""
        r = self._roles.get(role) or self._find_role(role)
        if r is None:
            return None
        for h in r.holders:
            if h.holds_on(on):
                return self._entries[h.actor]
        return None

    def state_for_demonym(self, word: str) -> ActorEntry | None:
        """Return the state a demonym adjective refers to ("Russian" → Russia), else None."""
        return self._demonyms.get(norm(word))

    def state_with_iso2(self, iso2: str) -> ActorEntry | None:
        """Return the state whose ISO 3166 code is ``iso2`` ("UA" → Ukraine), else None."""
        return self._by_iso2.get(iso2)

    def country_named(self, name: str) -> ActorEntry | None:
        """Return the state a name or alias calls a country ("Britain", "the US"), else None.

        Unlike the actor lookup, a metonym ("Washington", "the Kremlin") names no country here: on
        a map it is a city or a building."""
        return self._country_names.get(norm(name.removeprefix("the ")))

    def lookup(self, name: str, *, on: date | None = None) -> list[ActorCandidate]:
        """Return the candidates for a name, best first; an empty list when nothing is known.

        ``on`` is the day the text speaks of; it decides who holds a role. A title whose holder
        on that day is not known gives no candidate: the registry never guesses.
        """
        variants = _variants(name)
        if not variants:
            return []
        for key in variants:
            found = self._exact(key)
            if found:
                return found
        for key in variants:
            found = self._role(key, on, folded=False)
            if found:
                return found
        for key in variants:
            found = self._institution(key)
            if found:
                return found
        for key in variants:
            found = self._folded(key) or self._role(key, on, folded=True)
            if found:
                return found
        return self._after_title(variants[-1])

    def resolve(self, name: str, *, on: date | None = None) -> ActorRef | None:
        """Return the best candidate as an ActorRef, or None when unknown or ambiguous (a tie)."""
        cands = self.lookup(name, on=on)
        if not cands:
            return None
        if (
            len(cands) > 1
            and cands[1].confidence >= cands[0].confidence
            and cands[1].entry.key != cands[0].entry.key
        ):
            return None
        return cands[0].to_ref()

    # --- surface forms for the mention matcher -----------------------------------------------

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """Return (surface text, entry key, method) for every name the registry knows.

        Role titles come as (title, "role:<role key>", "role"): their holder depends on the
        date, so the matcher resolves them with :meth:`role_holder`. State institutions come
        as "<demonym> <institution>", "<state> <institution>" and "<state>'s <institution>".
        Acronyms should match in their own case (see :func:`needs_exact_case`).
        """
        for e in self._entries.values():
            yield e.name, e.key, "exact"
            for a in e.aliases:
                yield a, e.key, "alias"
            for m in e.metonyms:
                yield m, e.key, "metonym"
            for inst in e.institutions:
                yield inst, e.key, "institution"
        for r in self._roles.values():
            for t in r.titles:
                yield t, f"role:{r.key}", "role"
        for e in self._entries.values():
            if e.kind != "state":
                continue
            for word in self._institution_words:
                for d in e.demonyms:
                    yield f"{d} {word}", e.key, "institution"
                for n in (e.name, *e.aliases):
                    if needs_exact_case(n) and len(n) > 4:
                        continue
                    yield f"{n} {word}", e.key, "institution"
                    yield f"{n}'s {word}", e.key, "institution"

    # --- internals -------------------------------------------------------------------------

    def _exact(self, key: str) -> list[ActorCandidate]:
        hits = self._index.exact.get(key)
        if not hits:
            return []
        return _rank(hits, lambda h: (h.method, f"{h.method} match of {h.surface!r}"))

    def _folded(self, key: str) -> list[ActorCandidate]:
        fkey = fold(key)
        if len(fkey) < MIN_FOLD_KEY:
            return []
        hits = self._index.folded.get(fkey)
        if not hits:
            return []
        return _rank(hits, lambda h: ("folded", f"spelling variant of {h.surface!r} ({h.method})"))

    def _find_role(self, text: str) -> Role | None:
        for key in _variants(text):
            r = self._role_exact.get(key) or self._role_folded.get(fold(key))
            if r is not None:
                return r
        return None

    def _role(self, key: str, on: date | None, *, folded: bool) -> list[ActorCandidate]:
        r = self._role_folded.get(fold(key)) if folded else self._role_exact.get(key)
        if r is None:
            return []
        if on is None:
            current = [h for h in r.holders if h.end is None]
            if not current:
                return []
            holder, conf = current[-1], UNDATED_ROLE_CONFIDENCE
            when = "currently (no date given)"
        else:
            held = [h for h in r.holders if h.holds_on(on)]
            if not held:
                return []
            holder, conf = held[-1], CONFIDENCE["role"]
            when = f"on {on.isoformat()}"
        if folded:
            conf *= CONFIDENCE["folded"]
        entry = self._entries[holder.actor]
        reason = f"{key!r} is role {r.key!r}, held by {entry.name} {when}"
        return [ActorCandidate(entry, "role", reason, conf)]

    def _institution(self, key: str) -> list[ActorCandidate]:
        words = key.split()
        while words and words[0] in self._lead_words:
            words = words[1:]
        text = " ".join(words)
        for inst in self._institution_words:
            state = None
            if text.endswith(" " + inst):
                owner = text[: -len(inst) - 1]
                state = self._demonyms.get(owner) or self._state_names.get(owner)
                how = f"{owner!r} + institution {inst!r}"
            elif text.startswith(inst + " of "):
                owner = text[len(inst) + 4 :]
                owner = owner[4:] if owner.startswith("the ") else owner
                state = self._state_names.get(owner)
                how = f"institution {inst!r} of {owner!r}"
            if state is not None and state.kind == "state":
                reason = f"{how}: state institutions count as their state"
                return [ActorCandidate(state, "institution", reason, CONFIDENCE["institution"])]
        return []

    def _after_title(self, key: str) -> list[ActorCandidate]:
        words = key.split()
        for i in range(1, len(words)):
            rest = " ".join(words[i:])
            found = self._exact(rest) or self._folded(rest)
            people = [c for c in found if c.entry.kind == "person"]
            if people:
                dropped = " ".join(words[:i])
                return [
                    ActorCandidate(
                        c.entry,
                        c.method,
                        f"{c.reason}, after the title {dropped!r}",
                        c.confidence * TITLE_STRIPPED_FACTOR,
                    )
                    for c in people
                ]
        return []


def _rank(hits: list[_Hit], describe: Callable[[_Hit], tuple[str, str]]) -> list[ActorCandidate]:
    # Several entries under one key are ambiguous: each gets a share of the confidence.
    share = 1.0 / len(hits)
    out = []
    for h in hits:
        method, reason = describe(h)
        conf = CONFIDENCE[method] * (share if len(hits) > 1 else 1.0)
        if len(hits) > 1:
            reason += f"; ambiguous between {len(hits)} actors"
        out.append(ActorCandidate(h.entry, method, reason, conf))
    out.sort(key=lambda c: -c.confidence)
    return out


def _variants(name: str) -> list[str]:
    """Return the normalised keys to try for a name: as written, without possessives, without "the"."""
    text = _PARENTHETICAL.sub("", name.strip()) or name.strip()
    keys: list[str] = []
    for form in (text, _POSSESSIVE.sub("", text)):
        k = norm(form)
        for cand in (k, k[4:] if k.startswith("the ") else k):
            if cand and cand not in keys:
                keys.append(cand)
    return keys


# --- loading -------------------------------------------------------------------------------


def _load_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(
            "actor data file is missing", path=str(path), hint="reinstall parley or restore kb/data/actors"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeBaseError(
            f"not valid TOML ({exc})", path=str(path), hint="fix the syntax at the position given"
        ) from exc


def _entry(raw: dict[str, Any], path: Path, named: dict[str, list[str]]) -> ActorEntry:
    try:
        key, name = raw["key"], raw["name"]
    except KeyError as exc:
        raise KnowledgeBaseError(
            f"an actor has no {exc.args[0]!r}", path=str(path), hint="every [[actor]] needs key and name"
        ) from exc
    kind = raw.get("kind", "person")
    qid = raw.get("qid") or None
    country = raw.get("country") or (qid if kind == "state" else None)
    affiliation = raw.get("affiliation") or (country if kind == "person" else None)
    return ActorEntry(
        key=key,
        qid=qid,
        name=name,
        kind=kind,
        aliases=tuple(raw.get("aliases", ())),
        country=country,
        demonyms=tuple(raw.get("demonyms", ())),
        metonyms=tuple(raw.get("metonyms", ())),
        capital=raw.get("capital"),
        institutions=tuple(named.get(qid or "", ())),
        affiliation=affiliation,
        iso2=raw.get("iso2"),
        iso3=raw.get("iso3"),
        un_member=kind == "state" and raw.get("un_member", True),
        stands_for=tuple(raw.get("stands_for", ())),
    )


def _drop_ambiguous(entry: ActorEntry, ambiguous: frozenset[str]) -> ActorEntry:
    aliases = tuple(a for a in entry.aliases if norm(a) not in ambiguous)
    if aliases == entry.aliases:
        return entry
    return ActorEntry(**{**entry.__dict__, "aliases": aliases})


def load_registry(data_dir: Path = DATA_DIR) -> ActorRegistry:
    """Return a registry built from the TOML files of ``data_dir``."""
    rules = _load_toml(data_dir / "institutions.toml")
    named: dict[str, list[str]] = {}
    for block in rules.get("named", ()):
        named.setdefault(block["state"], []).extend(block["names"])
    ambiguous = frozenset(norm(t) for t in rules.get("ambiguous", ()))
    entries: list[ActorEntry] = []
    for fname in ACTOR_FILES:
        path = data_dir / fname
        for raw in _load_toml(path).get("actor", ()):
            entries.append(_drop_ambiguous(_entry(raw, path, named), ambiguous))
    states = {e.qid: e for e in entries if e.kind == "state" and e.qid}
    roles = [
        _role(raw, states, data_dir / "roles.toml")
        for raw in _load_toml(data_dir / "roles.toml").get("role", ())
    ]
    registry = ActorRegistry(entries, roles, rules.get("generic", ()), rules.get("lead_words", ("the",)))
    registry.source = _fingerprint(
        [data_dir / f for f in ("institutions.toml", *ACTOR_FILES, "roles.toml")] + [Path(__file__)]
    )
    return registry


def _fingerprint(paths: list[Path]) -> str:
    """Return the hash of the files a registry is built from (its data and this code)."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode() + b"\x00" + path.read_bytes() + b"\x00")
    return h.hexdigest()


def _role(raw: dict[str, Any], states: dict[str, ActorEntry], path: Path) -> Role:
    titles = list(raw.get("titles", ()))
    country = raw.get("country")
    state = states.get(country or "")
    if raw.get("patterns") and state is None:
        raise KnowledgeBaseError(
            f"role {raw.get('key')!r} has patterns but no known state",
            path=str(path),
            hint="set country to a state QID",
        )
    for pattern in raw.get("patterns", ()):
        assert state is not None  # checked above
        fills = state.demonyms if "{demonym}" in pattern else (state.name, *state.aliases)
        for fill in fills:
            titles.append(pattern.replace("{demonym}", fill).replace("{name}", fill))
    try:
        holders = tuple(RoleHolder(h["actor"], h["start"], h.get("end")) for h in raw["holders"])
    except KeyError as exc:
        raise KnowledgeBaseError(
            f"role {raw.get('key')!r}: a holder has no {exc.args[0]!r}",
            path=str(path),
            hint="each holder needs actor and start",
        ) from exc
    return Role(raw["key"], tuple(titles), holders, country)


@lru_cache(maxsize=1)
def default_registry() -> ActorRegistry:
    """Return the registry built from the packaged data, loaded once per process."""
    return load_registry()
