"""Containment of resolved places: does one place lie in another?

News tells one happening at several levels ("a drone hit a village in Sumy region", later "the
strike on the Sumy region"): the village and the region are one happening's place, not two
places, so merging retellings must see them as compatible. The gazetteer already gives every
resolved place its country, its admin-1 code and its feature class (GeoNames ``A.PCL*`` for a
country, ``A.ADM1`` for a province, ``A.ADM2`` for a district, ``P.*`` for a town), which is all
the test needs: no new data.

A district (ADM2) carries its province's code but neither its own code nor a point, so a town's
district is not known from the codes; a town counts as lying in a district of its province only
when the district is named for it ("Pokrovsk" in "Pokrovsk Raion"): the seat of a district that
takes its name. A place named but missing from the gazetteer (no id, no country) is most often a
village too small for it, and is taken to lie in whatever province or country it is told with.
"""

from __future__ import annotations

from parley.kb.fold import fold
from parley.kb.gazetteer_build import REGION_TYPE_WORDS
from parley.model.records import PlaceRef


def _level(p: PlaceRef) -> int:
    """Return how wide a place is: 0 a country, 1 a province, 2 a district, 3 anything finer."""
    feature = p.feature or ""
    if feature.startswith("A.PCL"):
        return 0
    if feature == "A.ADM1":
        return 1
    if feature == "A.ADM2":
        return 2
    return 3


def _unresolved(p: PlaceRef) -> bool:
    """Return True for a place named but not found in the gazetteer (no id, no country): most
    often a village, base or crossing too small for it, so it may lie in any region."""
    return p.geonameid is None and p.country is None


def _seat_of(town: PlaceRef, district: PlaceRef) -> bool:
    """Return True when the district is named for the town ("Pokrovsk Raion", "Pokrovsk district")."""
    words = [w for w in district.name.split() if w.lower() not in REGION_TYPE_WORDS]
    return bool(words) and fold(" ".join(words)) == fold(town.name)


def lies_in(inner: PlaceRef, outer: PlaceRef) -> bool:
    """Return True when ``inner`` lies inside ``outer``, a wider place (never a place in itself)."""
    wide, fine = _level(outer), _level(inner)
    if _unresolved(inner) and wide <= 1 and outer.country:
        return True  # a village the gazetteer lacks, told with a region it may lie in
    if wide >= fine or not outer.country or inner.country != outer.country:
        return False
    if wide == 0:
        return True
    if not outer.admin1 or inner.admin1 != outer.admin1:
        return False
    if wide == 1:
        return True
    return _seat_of(inner, outer)


def nested(a: PlaceRef, b: PlaceRef) -> PlaceRef | None:
    """Return the finer of two places when one lies in the other, else None."""
    if lies_in(a, b):
        return a
    if lies_in(b, a):
        return b
    return None
