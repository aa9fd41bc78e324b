"""Import GeoNames dumps (``allCountries.txt``, ``UA.txt``, ``alternateNamesV2.txt``) into the gazetteer.

Imported rows go to a user database beside the index (``gazetteer-user.sqlite``, not versioned),
so they survive rebuilds: every build re-applies them. They are also applied at once to the
current index when it exists. Formats, from https://download.geonames.org/export/dump/:

- geoname table, 19 tab-separated columns: geonameid, name, asciiname, alternatenames (comma
  separated), latitude, longitude, feature class, feature code, country code, cc2, admin1 ...
  population (column 15) ...
- alternate names, 10 columns (8 in the older ``alternateNames.txt``): alternateNameId,
  geonameid, isolanguage, alternate name, isPreferredName, isShortName, isColloquial, isHistoric.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from parley.errors import KnowledgeBaseError
from parley.kb.fold import fold, norm

if TYPE_CHECKING:
    from parley.config import Settings

GEONAME_COLUMNS = 19
ALTNAME_COLUMNS = (8, 10)
# isolanguage values that are not names: links, postcodes, airport and other codes.
NON_NAME_LANGUAGES = frozenset(
    {"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid", "phon"}
)
# Rows written per transaction: bounds memory on a 12-million-row allCountries.txt.
BATCH = 50_000

USER_SCHEMA = """
CREATE TABLE IF NOT EXISTS user_places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, alternatenames TEXT NOT NULL,
    lat REAL, lon REAL, feature TEXT NOT NULL, country TEXT, admin1 TEXT, population INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS user_names (
    geonameid INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (geonameid, name)
) WITHOUT ROWID;
"""

PlaceRow = tuple[int, str, str, float, float, str, str, str, int]
NameRow = tuple[int, str]


def user_db_path(settings: Settings) -> Path:
    """Return the path of the user database of imported GeoNames rows."""
    return settings.cache_path / "gazetteer-user.sqlite"


def _open_text(path: Path) -> io.TextIOBase:
    """Return a text stream of the dump, reading the .txt inside a .zip when given one."""
    try:
        if path.suffix.lower() == ".zip":
            zf = zipfile.ZipFile(path)
            members = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if not members:
                raise KnowledgeBaseError("zip file holds no .txt dump", path=str(path))
            return io.TextIOWrapper(zf.open(members[0]), encoding="utf-8")
        return open(path, encoding="utf-8")
    except (OSError, zipfile.BadZipFile) as exc:
        raise KnowledgeBaseError(f"cannot read: {exc}", path=str(path)) from exc


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    stream = _open_text(path)
    try:
        for lineno, line in enumerate(stream, 1):
            line = line.rstrip("\r\n")
            if line and not line.startswith("#"):
                yield lineno, line.split("\t")
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError("not UTF-8 text", path=str(path), hint="pass a GeoNames .txt dump") from exc
    finally:
        stream.close()


def _place_row(lineno: int, f: list[str], path: Path) -> PlaceRow:
    try:
        return (
            int(f[0]), f[1], f[3], float(f[4]), float(f[5]), f"{f[6] or 'P'}.{f[7] or 'PPL'}",
            f[8], f[10], int(f[14] or 0),
        )  # fmt: skip
    except (ValueError, IndexError) as exc:
        raise KnowledgeBaseError(
            f"line {lineno}: not a GeoNames row ({exc})", path=str(path),
            hint="expected 19 tab-separated columns as in allCountries.txt",
        ) from exc  # fmt: skip


def _detect(first: list[str], path: Path) -> str:
    if len(first) == GEONAME_COLUMNS:
        return "geonames"
    if len(first) in ALTNAME_COLUMNS and first[0].isdigit() and first[1].isdigit():
        return "altnames"
    raise KnowledgeBaseError(
        f"not a GeoNames dump: line 1 has {len(first)} tab-separated columns", path=str(path),
        hint="expected 19 (allCountries.txt, XX.txt) or 10 (alternateNamesV2.txt)",
    )  # fmt: skip


def _parse(path: Path) -> Iterator[tuple[str, PlaceRow | NameRow]]:
    """Yield ("place", row) or ("name", row) for every usable line of the dump."""
    kind = None
    for lineno, f in _rows(path):
        if kind is None:
            kind = _detect(f, path)
        if kind == "geonames":
            if len(f) != GEONAME_COLUMNS:
                raise KnowledgeBaseError(
                    f"line {lineno}: {len(f)} columns, expected {GEONAME_COLUMNS}", path=str(path)
                )
            yield "place", _place_row(lineno, f, path)
        else:
            if len(f) not in ALTNAME_COLUMNS or not f[1].isdigit():
                raise KnowledgeBaseError(f"line {lineno}: not an alternate-names row", path=str(path))
            if f[2] not in NON_NAME_LANGUAGES and f[3].strip():
                yield "name", (int(f[1]), f[3].strip())
    if kind is None:
        raise KnowledgeBaseError("empty file: no GeoNames rows", path=str(path))


def _name_keys(pid: int, names: Iterable[tuple[int, str]]) -> Iterator[tuple[str, int, int]]:
    from parley.kb.gazetteer_build import KIND_ALIAS, KIND_FOLD, KIND_NAME, MIN_FOLD_LEN, usable_name

    for kind, name in names:
        if kind != KIND_NAME and not usable_name(name):
            continue
        k, fk = norm(name), fold(name)
        if k:
            yield k, kind if kind == KIND_NAME else KIND_ALIAS, pid
        if len(fk) >= MIN_FOLD_LEN:
            yield fk, KIND_FOLD, pid


def _apply_places(conn: sqlite3.Connection, rows: Iterable[PlaceRow]) -> int:
    from parley.kb.gazetteer_build import KIND_ALIAS, KIND_NAME

    count = 0
    for gid, name, alts, lat, lon, feature, country, admin1, pop in rows:
        conn.execute(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)",
            (gid, name, round(lat, 5), round(lon, 5), feature, country or None, admin1 or None, pop, "user"),
        )
        names = [(KIND_NAME, name)] + [(KIND_ALIAS, a) for a in alts.split(",") if a]
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", _name_keys(gid, names))
        count += 1
    return count


def _apply_names(conn: sqlite3.Connection, rows: Iterable[NameRow]) -> int:
    from parley.kb.gazetteer_build import KIND_ALIAS

    count = 0
    for gid, name in rows:
        if conn.execute("SELECT 1 FROM places WHERE pid = ?", (gid,)).fetchone():
            conn.executemany(
                "INSERT OR IGNORE INTO names VALUES (?,?,?)", _name_keys(gid, [(KIND_ALIAS, name)])
            )
            count += 1
    return count


def apply_user_data(conn: sqlite3.Connection, user_db: Path) -> int:
    """Apply every imported row of ``user_db`` to the index open on ``conn``; return rows applied."""
    src = sqlite3.connect(f"file:{user_db}?mode=ro", uri=True)
    try:
        places = src.execute(
            "SELECT geonameid, name, alternatenames, lat, lon, feature, country, admin1, population"
            " FROM user_places"
        )
        n = _apply_places(conn, places)
        n += _apply_names(conn, src.execute("SELECT geonameid, name FROM user_names"))
    except sqlite3.Error as exc:
        raise KnowledgeBaseError(f"cannot read imported GeoNames rows: {exc}", path=str(user_db)) from exc
    finally:
        src.close()
    return n


def import_geonames(path: Path, settings: Settings | None = None) -> int:
    """Merge a GeoNames dump into the gazetteer; return the number of rows imported.

    Raises KnowledgeBaseError (one-line message) for a missing, empty or malformed file.
    """
    from parley.config import Settings as _Settings
    from parley.kb.gazetteer_build import index_path

    settings = settings or _Settings.from_env()
    path = Path(path)
    if not path.is_file():
        raise KnowledgeBaseError(
            "no such file", path=str(path), hint="pass allCountries.txt, XX.txt or alternateNamesV2.txt"
        )
    places: list[PlaceRow] = []
    names: list[NameRow] = []
    udb = user_db_path(settings)
    udb.parent.mkdir(parents=True, exist_ok=True)
    index = index_path(settings.cache_path)
    user = sqlite3.connect(udb)
    main = sqlite3.connect(index) if index.exists() else None
    total = 0
    try:
        user.executescript(USER_SCHEMA)

        def flush() -> None:
            user.executemany("INSERT OR REPLACE INTO user_places VALUES (?,?,?,?,?,?,?,?,?)", places)
            user.executemany("INSERT OR IGNORE INTO user_names VALUES (?,?)", names)
            user.commit()
            if main is not None:
                _apply_places(main, places)
                _apply_names(main, names)
                main.commit()
            places.clear()
            names.clear()

        for kind, row in _parse(path):
            (places if kind == "place" else names).append(row)  # type: ignore[arg-type]
            total += 1
            if len(places) + len(names) >= BATCH:
                flush()
        flush()
    except sqlite3.Error as exc:
        raise KnowledgeBaseError(f"cannot write imported rows: {exc}", path=str(udb)) from exc
    finally:
        user.close()
        if main is not None:
            main.close()
    return total
