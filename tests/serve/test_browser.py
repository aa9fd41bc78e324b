"""End-to-end: the dashboard in real headless Chromium (Debian's package) against a live server."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A screenshot counts as blank when it has fewer distinct colours than this; a rendered dashboard
# page (text, badges, map polygons) has hundreds, a blank or single-colour page one or two.
MIN_DISTINCT_COLOURS = 20

# Milliseconds to wait for a page element before failing (a cold Chromium on 2 shared cores).
WAIT_MS = 15_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.spacy,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def browser() -> Any:
    """Return a headless Chromium driven by Playwright (no browser download: the system binary)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, live_url: str) -> Any:
    """Return a fresh page that refuses every request not addressed to the test server."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    outside: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(live_url) or route.request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    pg.route("**/*", guard)
    yield pg
    ctx.close()
    assert not outside, f"the page tried to reach the internet: {outside}"


def distinct_colours(png: bytes) -> int:
    """Return how many distinct colours a PNG screenshot has (decoded with the standard library)."""
    import struct
    import zlib

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, data = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, _depth, ctype = struct.unpack(">IIBB", data[:10])
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    colours: set[bytes] = set()
    prev = bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):  # undo PNG's per-line filters
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        if y % 4 == 0:  # every 4th line is plenty to tell a blank page from a drawn one
            colours.update(bytes(line[i : i + 3]) for i in range(0, stride, bpp * 2))
        prev = line
    return len(colours)


def shoot(page: Any, out: Path, name: str) -> Path:
    """Save a screenshot, check it is not blank, and return its path."""
    path = out / f"{name}.png"
    png = page.screenshot(path=str(path), full_page=False)
    assert distinct_colours(png) >= MIN_DISTINCT_COLOURS, f"{name} screenshot looks blank"
    return path


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the folder the screenshots go to (kept under pytest's temp root)."""
    return tmp_path_factory.mktemp("screenshots")


def test_timeline_filter_click_lands_on_the_sentence(
    page: Any, live_url: str, client: Any, shots: Path
) -> None:
    page.goto(f"{live_url}/timeline")
    page.wait_for_selector(".lane .dot", timeout=WAIT_MS)
    shoot(page, shots, "timeline")
    # Filter through the form, as a user would, by the actor with the most dated events.
    dated = [e for e in client.get("/api/events?limit=500").json()["items"] if e["date"]]
    counts = Counter(a["id"] for e in dated for a in e["actors"] if a.get("id"))
    actor = counts.most_common(1)[0][0]
    page.select_option("#filter-actor", actor)
    with page.expect_navigation():
        page.click("#filters button[type=submit]")
    assert f"actor={actor}" in page.url
    ids = [int(x) for x in page.eval_on_selector_all(".lane .dot", "els => els.map(e => e.dataset.eventId)")]
    expected = {
        e["id"] for e in client.get(f"/api/events?actor={actor}&limit=500").json()["items"] if e["date"]
    }
    assert ids and set(ids) == expected
    shoot(page, shots, "timeline-actor")
    # Click an event and land on the highlighted sentence it came from.
    event_id = ids[-1]
    ev = client.get(f"/api/events/{event_id}").json()
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    with page.expect_navigation():
        page.click(f"#dot-{event_id}")
    assert page.url.endswith(f"#event-{event_id}")
    page.wait_for_selector(".seg.focus", timeout=WAIT_MS)
    focused = page.eval_on_selector_all(".seg.focus", "els => els.map(e => e.textContent).join('')")
    assert focused == art["raw_text"][ev["sentence_start"] : ev["sentence_end"]]
    first = page.locator(".seg.focus").first
    assert first.is_visible()
    box, height = first.bounding_box(), page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height, "the sentence is not scrolled into view"
    colour = first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    shoot(page, shots, "article-sentence")


def test_map_renders_points_and_boundaries(page: Any, live_url: str, client: Any, shots: Path) -> None:
    page.goto(f"{live_url}/map")
    page.wait_for_selector("#map[data-ready]", timeout=WAIT_MS)
    import json

    ready = json.loads(page.get_attribute("#map", "data-ready"))
    # The page draws what map.json returns for the view it shows: one point per place and modality.
    data = client.get(f"/map.json?bbox={ready['bbox']}").json()
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert ready["events"] == kinds.count("event") > 0
    assert ready["boundaries"] == {"countries": 178, "oblasts": 27, "occupied": 2}
    assert page.locator("path.pt-event").count() == kinds.count("event")
    assert page.locator("path.pt-claim").count() == kinds.count("claim")
    # Claimed events are drawn differently from asserted ones.
    claimed = page.locator("path.pt-event.m-claimed")
    asserted = page.locator("path.pt-event.m-asserted")
    if claimed.count() and asserted.count():
        assert claimed.first.get_attribute("stroke-dasharray") and not asserted.first.get_attribute(
            "stroke-dasharray"
        )
    assert "Borders drawn" in page.inner_text("#boundary-view")
    shoot(page, shots, "map")


def _propositions(client: Any) -> list[str]:
    """Return the ledger's internal matching keys, read from the store the server reads."""
    from sqlalchemy import select

    from parley.store.schema_story import claim_ledger

    with client.app.state.parley.engine.connect() as conn:
        return list(conn.execute(select(claim_ledger.c.proposition)).scalars())


def test_article_and_story_pages_show_no_plumbing(page: Any, live_url: str, client: Any, shots: Path) -> None:
    """A reader sees the article and the claims, never front matter or internal matching keys."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    aid = client.get("/api/search?q=Oreshnik").json()["items"][0]["id"]
    page.goto(f"{live_url}/articles/{aid}")
    text = page.inner_text("#article-text")
    assert "Oreshnik" in text and not text.lstrip().startswith("---")
    assert "title:" not in text and "outlet:" not in text and "published:" not in text
    shoot(page, shots, "article-page")
    page.goto(f"{live_url}/story")
    body = page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
    ledger = client.get("/api/story/ledger?limit=500").json()["items"]
    assert ledger and all(p not in body for p in _propositions(client))
    assert "|gn:" not in body and "|Q" not in body
    assert any(e["subject"] in body for e in ledger)
    shoot(page, shots, "story-page")
    page.goto(f"{live_url}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=WAIT_MS)  # the vendored UI runs under the CSP
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_map_fetches_points_for_the_new_view(page: Any, live_url: str, client: Any) -> None:
    """Moving the map asks map.json for the points of the new view (with the page's filters)."""
    import json

    page.goto(f"{live_url}/map?modality=asserted")
    page.wait_for_selector("#map[data-ready]", timeout=WAIT_MS)
    first = json.loads(page.get_attribute("#map", "data-ready"))["bbox"]
    with page.expect_response(lambda r: "/map.json?" in r.url, timeout=WAIT_MS) as resp:
        page.click(".leaflet-control-zoom-out")
    url = resp.value.url
    assert "modality=asserted" in url and "bbox=" in url and first.replace(",", "%2C") not in url
    assert resp.value.status == 200 and resp.value.json()["type"] == "FeatureCollection"
