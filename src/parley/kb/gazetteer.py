"""The gazetteer: place names to GeoNames ids, tolerant of transliteration, renames and ambiguity.

    gaz = Gazetteer.open()                        # builds the cached index on first use
    gaz.resolve("Hulyaypole")                     # PlaceRef(name='Hulyaypole', geonameid=707898, ...)
    gaz.lookup("Pokrovsk", context=PlaceContext(countries=("UA",)))   # candidates, best first

A name is looked up under its light key (``norm``: exact name, alternate name, former name)
and its transliteration-tolerant key (``fold``). Candidates are then ranked by how they matched,
by the article's context (country in focus, same admin-1, near places already resolved), by
feature (a region when the text says "region/oblast/province", a town otherwise) and by
population on a log scale, so that population alone never decides: "Pokrovsk" is an
alternate name of Engels (196k people) but a primary name of the Donetsk-oblast town.

The index is built by :mod:`parley.kb.gazetteer_build`; user GeoNames dumps are merged by
:mod:`parley.kb.geonames_import`.
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from parley.config import Settings
from parley.errors import KnowledgeBaseError
from parley.kb.fold import fold, norm
from parley.kb.gazetteer_build import (
    BUILD_VERSION,
    CONFLICT_COUNTRIES,
    KIND_ALIAS,
    KIND_FOLD,
    KIND_NAME,
    KIND_RENAME,
    MIN_FOLD_LEN,
    article_variant,
    build_index,
    haversine_km,
    index_path,
    sources_fingerprint,
)
from parley.kb.geonames_import import import_geonames, user_db_path
from parley.model.records import PlaceRef

__all__ = [
    "BUILD_VERSION",
    "Gazetteer",
    "PlaceCandidate",
    "PlaceContext",
    "default_gazetteer",
    "import_geonames",
]

# -- ranking weights ---------------------------------------------------------------------------
# Calibrated on tests/kb/fixtures/place_variants.tsv and the ambiguity tests. A primary-name match
# beats an alternate-name match of a town up to ~50x larger (2.0 - 1.0 = 1.0 vs 0.6 * log10(50)),
# which keeps Pokrovsk (60k, primary) above Engels (196k, "Pokrovsk" an old alternate name),
# while a 700k city matched by alternate name still beats a 600-person hamlet of the same
# primary name (Zaporizhzhya the city vs Zaporizhzhia the village).
METHOD_WEIGHT = {"exact": 2.0, "rename": 2.0, "alias": 1.0, "folded": 0.5}
# Population counts on a log scale, with a floor so unknown populations (hand-made villages,
# facilities) are treated like a small village rather than zero.
POP_WEIGHT = 0.6
POP_FLOOR = 500
# A town is the usual referent of a bare name ("Donetsk" the city, not the oblast); a capital
# more so ("Washington"). Hand-made entries were added because news names them.
POPULATED_BONUS = 0.5
CAPITAL_BONUS = 0.5
CURATED_BONUS = 0.5
# A capital or regional seat of this many people is what a bare name in world news means: Geneva
# in Switzerland, not the Illinois town, even when the article names the United States often.
MAJOR_SEAT_POPULATION = 100_000
MAJOR_SEAT_BONUS = 1.0
# GeoNames does not mark every seat as one: Geneva is a plain P.PPL. A large town in a first-level
# division that the same name also reaches (Geneva in the canton Genève, New York in New York
# state) is that division's namesake, which in practice is its seat, and counts as one.
# Parley reads conflict news: a place in a conflict country is the likelier referent of a name
# shared with a foreign town of similar size (Odessa, Ukraine over Odessa, Texas).
CONFLICT_COUNTRY_BONUS = 0.5
# A region whose own town of the same name also matches yields to it when the text does not say
# "region": "Moskva" is the city, not the federal city; "Kyiv" the city, not Kyiv city region.
CONTAINED_TOWN_PENALTY = 1.5
# When the text says "region/oblast/province", regions win and towns lose.
REGION_INTENT_BONUS = 2.5
REGION_INTENT_TOWN_PENALTY = -1.0
# Context: the article's focus countries (first one most), a shared admin-1, nearness to places
# already resolved in the article (linear from NEAR_BONUS at 0 km to 0 at NEAR_KM).
# 2.0 (was 1.5): in an article about Ukraine, "Seversk" is the front-line Siversk (11k, matched by
# its Russian spelling), not Seversk in Siberia (110k, exact name); the focus country must
# outweigh a tenfold population and an exact foreign name.
FOCUS_COUNTRY_BONUS = 2.0
OTHER_COUNTRY_BONUS = 1.0
ADMIN1_BONUS = 1.0
NEAR_BONUS = 1.5
NEAR_KM = 150.0
# An alternate-name match counts this much more, times how closely the query resembles the
# place's own name (0..1, on folded forms): "Slovyansk" is Sloviansk, whose name it nearly spells,
# not Nikopol, which GeoNames also lists under that alternate name. Kept a tie-breaker: at 0.5 it
# would make "Dzerzhynsk" (Toretsk's former name) the Russian Dzerzhinsk.
OWN_NAME_SIMILARITY_WEIGHT = 0.4
# Base confidence by method, scaled by the candidate's share of the score mass.
METHOD_CONFIDENCE = {"exact": 0.95, "rename": 0.9, "alias": 0.85, "folded": 0.7, "context": 0.8}
# Candidates fetched from the index per query before ranking; enough for "Andriivka" (100+).
MAX_ROWS = 2000
# Query results kept per open index (it is read-only); emptied when full, so a long run stays bounded.
MEMO_MAX = 20_000

# Words after a name that make it a region ("Donetsk region") or just its surroundings
# ("Bakhmut direction" is Bakhmut).
REGION_WORDS = frozenset(
    {"region", "oblast", "province", "governorate", "state", "krai", "kray", "district",
     "raion", "rayon", "county", "territory", "regions", "oblasts"}
)  # fmt: skip
# Words a first-level division's name ends in, one for another across translations ("Tula Region",
# "Tula Oblast"; "Kunar Province", "Kunar Governorate").
_SYNONYM_REGION_WORDS = ("region", "oblast", "province", "governorate", "krai")
VICINITY_WORDS = frozenset(
    {"area", "direction", "axis", "front", "sector", "outskirts", "city", "town", "village",
     "settlement", "district", "suburbs", "environs", "frontline"}
)  # fmt: skip
_LEADING = re.compile(r"^(?:the|city of|town of|village of|region of|province of)\s+", re.I)
_POSSESSIVE = re.compile(r"[’']s$")
# Facility names spelled many ways: one canonical phrase on both the index and the query side.
_FACILITY_SYNONYMS = (
    (re.compile(r"\b(?:nuclear power plant|nuclear power station|nuclear plant|atomic power plant|"
                r"nuclear station|npp|aes)\b"), "npp"),
    (re.compile(r"\b(?:hydroelectric power plant|hydroelectric dam|hydropower plant|hpp|dam)\b"), "dam"),
)  # fmt: skip


_PLACE_COLUMNS = "pid, name, lat, lon, feature, country, admin1, population, source"


@dataclass(frozen=True)
class PlaceContext:
    """What the article already tells about where it is: countries, admin-1 codes, points."""

    countries: tuple[str, ...] = ()  # ISO2 in focus, most important first
    admin1: tuple[tuple[str, str], ...] = ()  # (country, admin1 code) of places already in the article
    points: tuple[tuple[float, float], ...] = ()  # coordinates of places already resolved


@dataclass(frozen=True)
class PlaceCandidate:
    """One possible referent of a name, with how it matched, why it ranks there, and how sure."""

    place: PlaceRef
    population: int
    method: str
    reason: str
    confidence: float
    # How the name matched ("exact", "alias", "folded"...), kept when context re-ranks and
    # ``method`` becomes "context": a near-spelling stays a near-spelling whatever ranks it first.
    matched_by: str = ""


@dataclass
class _Match:
    pid: int
    method: str
    key: str
    region_intent: bool


def _canon_facility(key: str) -> str:
    for pattern, repl in _FACILITY_SYNONYMS:
        key = pattern.sub(repl, key)
    return key


def _query_forms(name: str) -> list[tuple[str, bool]]:
    """Return (text, region intent) forms to look up: the name, then the name without its suffix."""
    text = _POSSESSIVE.sub("", _LEADING.sub("", name.strip()))
    words = norm(text).split()
    if not words:
        return []
    intent = words[-1] in REGION_WORDS or (len(words) > 2 and words[0] in {"oblast", "region"})
    forms = [(text, intent)]
    if len(words) > 1 and words[-1] in _SYNONYM_REGION_WORDS:
        # "Tula Region" where GeoNames says "Tula Oblast": the same division under another word
        stem = " ".join(words[:-1])
        forms.extend((f"{stem} {w}", True) for w in _SYNONYM_REGION_WORDS if w != words[-1])
    if len(words) > 1 and (words[-1] in REGION_WORDS or words[-1] in VICINITY_WORDS):
        forms.append((" ".join(words[:-1]), words[-1] in REGION_WORDS))
    return forms


class Gazetteer:
    """A read-only view of the built index: lookup, resolve, get and a fast name check."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._conn.execute("SELECT 1 FROM places LIMIT 1")
        except sqlite3.Error as exc:
            raise KnowledgeBaseError(
                f"cannot open the gazetteer index: {exc}", path=str(path), hint="delete it to rebuild"
            ) from exc
        self._lock = threading.Lock()
        self._memo: dict[tuple[str, tuple[object, ...]], list[tuple]] = {}

    @classmethod
    def open(cls, settings: Settings | None = None) -> Gazetteer:
        """Return the gazetteer of ``settings``' cache folder, building the index if missing."""
        settings = settings or Settings.from_env()
        path = index_path(settings.cache_path)
        if not path.exists():
            build_index(path, user_db=user_db_path(settings))
            return cls(path)
        gaz = cls(path)
        if gaz.meta().get("sources") != sources_fingerprint():  # hand-made data edited since
            gaz.close()
            build_index(path, user_db=user_db_path(settings))
            gaz = cls(path)
        return gaz

    def meta(self) -> dict[str, str]:
        """Return the index's build metadata (build version, build time, sources fingerprint)."""
        return dict(self._rows("SELECT key, value FROM meta", ()))

    # -- queries ------------------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple[object, ...]) -> list[tuple]:
        # the index is opened read-only, so a query's rows are kept: articles name the same
        # places again and again, and each name costs several queries
        key = (sql, params)
        with self._lock:
            rows = self._memo.get(key)
            if rows is None:
                if len(self._memo) >= MEMO_MAX:
                    self._memo.clear()
                rows = self._memo[key] = self._conn.execute(sql, params).fetchall()
            return list(rows)

    def _matches(self, name: str) -> dict[int, _Match]:
        """Return the best match of every place that one of the name's forms reaches."""
        best: dict[int, _Match] = {}
        for text, intent in _query_forms(name):
            n, f = article_variant(norm(text)), fold(text)
            cn = _canon_facility(n)
            keys = {n, cn} | ({f, fold(cn)} if len(f) >= MIN_FOLD_LEN else set())
            marks = ",".join("?" * len(keys))
            rows = self._rows(
                f"SELECT key, kind, pid FROM names WHERE key IN ({marks}) LIMIT {MAX_ROWS}", tuple(keys)
            )
            for key, kind, pid in rows:
                if kind == KIND_FOLD:
                    if key not in (f, fold(cn)):
                        continue
                    method = "folded"
                elif key not in (n, cn):
                    continue
                else:
                    method = {KIND_NAME: "exact", KIND_ALIAS: "alias", KIND_RENAME: "rename"}[kind]
                m = _Match(pid, method, key, intent)
                old = best.get(pid)
                if old is None or METHOD_WEIGHT[method] > METHOD_WEIGHT[old.method]:
                    best[pid] = m
        return best

    def lookup(
        self, name: str, *, context: PlaceContext | None = None, limit: int = 10
    ) -> list[PlaceCandidate]:
        """Return the places ``name`` may refer to, best first, each with method, reason, confidence."""
        matches = self._matches(name)
        if not matches:
            return []
        if any(m.method != "folded" for m in matches.values()):
            # A name some place really bears is not a near-spelling of another: "Gaza" is Gaza,
            # not Hajjah (folded "haza"), however much the article's country favours Yemen.
            matches = {pid: m for pid, m in matches.items() if m.method != "folded"}
        pids = tuple(matches)
        marks = ",".join("?" * len(pids))
        rows = self._rows(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE pid IN ({marks})",
            pids,
        )
        rows += self._divisions_of_seats(rows, matches)
        towns = {(r[5], r[6]) for r in rows if r[4].startswith("P.")}
        namesake_divisions = {(r[5], r[6]) for r in rows if r[4] == "A.ADM1" and r[6]}
        scored = []
        for row in rows:
            m = matches[row[0]]
            base, why = self._base_score(row, m)
            if row[4].startswith("A.") and not m.region_intent and (row[5], row[6]) in towns:
                base -= CONTAINED_TOWN_PENALTY
                why.append("a town of this name inside it matches too")
            elif (
                row[4] in ("P.PPL", "P.PPLX")
                and not m.region_intent
                and (row[5], row[6]) in namesake_divisions
                and row[7] >= MAJOR_SEAT_POPULATION
            ):
                base += MAJOR_SEAT_BONUS
                why.append("a large town its division is named for")
            ctx, ctx_why = self._context_score(row, context)
            scored.append((base + ctx, base, row, m, why + ctx_why))
        scored.sort(key=lambda s: (-s[0], -s[2][7], s[2][0]))
        no_context_top = max(scored, key=lambda s: (s[1], s[2][7]))[2][0]
        total = sum(math.exp(s[0]) for s in scored)
        out: list[PlaceCandidate] = []
        for i, (score, _base, row, m, why) in enumerate(scored[:limit]):
            method = m.method
            if i == 0 and context is not None and row[0] != no_context_top and len(scored) > 1:
                method = "context"
                why.append("context outranks the context-free choice")
            share = math.exp(score) / total
            confidence = round(METHOD_CONFIDENCE[method] * (0.5 + 0.5 * share), 3)
            if out:  # best first: a lower-ranked candidate is never more certain than the one above
                confidence = min(confidence, out[-1].confidence)
            reason = "; ".join(why)
            place = self._place_ref(row, method=method, reason=reason, confidence=confidence)
            out.append(PlaceCandidate(place, int(row[7]), method, reason, confidence, m.method))
        return out

    def _divisions_of_seats(self, rows: list[tuple], matches: dict[int, _Match]) -> list[tuple]:
        """Return the first-level division a named seat heads, when the text names a region.

        "Kaluga Region": GeoNames calls the oblast "Kaluzhskaya Oblast'" and gives no English
        form, but Kaluga is that oblast's seat and namesake, so the region of the town is meant.
        """
        if any(r[4].startswith("A.") for r in rows):
            return []
        out: list[tuple] = []
        for r in rows:
            m = matches[r[0]]
            if r[4].startswith("P.") and m.region_intent and r[6]:
                for div in self._rows(
                    f"SELECT {_PLACE_COLUMNS} FROM places WHERE feature = 'A.ADM1' AND country = ? "
                    "AND admin1 = ? LIMIT 1",
                    (r[5], r[6]),
                ):
                    if r[4] != "P.PPLA" and fold(div[1])[:4] != fold(r[1])[:4]:
                        continue  # a town of the division that is neither its seat nor its namesake
                    matches.setdefault(div[0], _Match(div[0], "alias", m.key, True))
                    out.append(div)
        return out

    @staticmethod
    def _base_score(row: tuple, m: _Match) -> tuple[float, list[str]]:
        _pid, name, _lat, _lon, feature, _cc, _a1, population, source = row
        score = METHOD_WEIGHT[m.method]
        why = [f"{m.method} match on '{m.key}'"]
        if m.method in ("alias", "folded"):
            like = SequenceMatcher(None, fold(m.key), fold(name)).ratio()
            score += OWN_NAME_SIMILARITY_WEIGHT * like
            why.append(f"spelling {like:.0%} like its own name {name!r}")
        is_town = feature.startswith("P.")
        if m.region_intent:
            if is_town:
                score += REGION_INTENT_TOWN_PENALTY
            else:
                score += REGION_INTENT_BONUS
                why.append("text names a region")
        elif is_town:
            score += POPULATED_BONUS + (CAPITAL_BONUS if feature == "P.PPLC" else 0.0)
            if feature in ("P.PPLC", "P.PPLA") and population >= MAJOR_SEAT_POPULATION:
                score += MAJOR_SEAT_BONUS
                why.append("a large seat of government")
        if source == "extra":
            score += CURATED_BONUS
            why.append("hand-curated place")
        if row[5] in CONFLICT_COUNTRIES:
            score += CONFLICT_COUNTRY_BONUS
        score += POP_WEIGHT * math.log10(max(population, POP_FLOOR))
        why.append(f"{feature}, population {population:,}")
        return score, why

    @staticmethod
    def _context_score(row: tuple, context: PlaceContext | None) -> tuple[float, list[str]]:
        if context is None:
            return 0.0, []
        _pid, _name, lat, lon, _feature, country, admin1, _pop, _src = row
        score, why = 0.0, []
        if country and country in context.countries:
            first = context.countries[0] == country
            score += FOCUS_COUNTRY_BONUS if first else OTHER_COUNTRY_BONUS
            why.append(f"country {country} in focus")
        if country and admin1 and (country, admin1) in context.admin1:
            score += ADMIN1_BONUS
            why.append(f"same admin-1 ({country}.{admin1}) as another place in the article")
        if lat is not None and lon is not None and context.points:
            d = min(haversine_km((lat, lon), p) for p in context.points)
            if d < NEAR_KM:
                score += NEAR_BONUS * (1.0 - d / NEAR_KM)
                why.append(f"{d:.0f} km from a place in the article")
        return score, why

    @staticmethod
    def _place_ref(row: tuple, *, method: str, reason: str, confidence: float) -> PlaceRef:
        pid, name, lat, lon, feature, country, admin1, _pop, _src = row
        return PlaceRef(
            name=name, geonameid=pid if pid > 0 else None, lat=lat, lon=lon, feature=feature,
            country=country, admin1=admin1, method=method, reason=reason, confidence=confidence,
        )  # fmt: skip

    def resolve(self, name: str, *, context: PlaceContext | None = None) -> PlaceRef | None:
        """Return the best place for ``name``, or None when no place has that name."""
        found = self.lookup(name, context=context, limit=1)
        return found[0].place if found else None

    def get(self, geonameid: int) -> PlaceRef | None:
        """Return the place with this GeoNames id, or None if the index does not hold it."""
        rows = self._rows(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE pid = ?",
            (geonameid,),
        )
        if not rows:
            return None
        return self._place_ref(rows[0], method="exact", reason=f"GeoNames id {geonameid}", confidence=1.0)

    def has_name(self, text: str) -> bool:
        """Return True if ``text`` (or its folded form) is the name of some place in the index."""
        return _cached_has_name(self, text)

    def _has_name(self, text: str) -> bool:
        for form, _intent in _query_forms(text):
            n, f = norm(form), fold(form)
            rows = self._rows(
                "SELECT 1 FROM names WHERE (key = ? AND kind != ?) OR (key = ? AND kind = ?) LIMIT 1",
                (n, KIND_FOLD, f if len(f) >= MIN_FOLD_LEN else "", KIND_FOLD),
            )
            if rows:
                return True
        return False

    def stats(self) -> dict[str, int]:
        """Return counts: places (total and by source and feature class) and name keys."""
        out: dict[str, int] = {"places": self._rows("SELECT COUNT(*) FROM places", ())[0][0]}
        for source, count in self._rows("SELECT source, COUNT(*) FROM places GROUP BY source", ()):
            out[f"places_{source}"] = count
        for cls, count in self._rows("SELECT substr(feature, 1, 1), COUNT(*) FROM places GROUP BY 1", ()):
            out[f"feature_{cls}"] = count
        out["name_keys"] = self._rows("SELECT COUNT(*) FROM names", ())[0][0]
        out["file_bytes"] = self.path.stat().st_size
        return out

    def close(self) -> None:
        """Close the index connection (nothing is returned)."""
        self._conn.close()


@lru_cache(maxsize=50_000)
def _cached_has_name(gaz: Gazetteer, text: str) -> bool:
    return gaz._has_name(text)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer for the environment's settings, opened once."""
    return Gazetteer.open(Settings.from_env())
