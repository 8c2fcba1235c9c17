/* Map of the initiatives (progressive enhancement of the HTML list).
   Markers and areas come from the open-data GeoJSON: a marker for a place, the area of the districts a
   source names, a sign in the Land for a Land-wide initiative or one whose place in its Land no source
   gives. Filters update map, list, the box of initiatives without any place and the URL together;
   OpenStreetMap tiles load only after the reader's click. All text goes in via textContent. */
(function () {
  "use strict";

  var CONSENT_KEY = "wp-osm-hintergrundkarte";
  var TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende';
  var LETTER = { "netzwerkorientiert": "N", "maßnahmenorientiert": "M", "mischtyp": "X" };
  var COLOUR = { "netzwerkorientiert": "#1a56a8", "maßnahmenorientiert": "#9a4a00", "mischtyp": "#26702a" };
  var FILTERS = ["typ", "ebene", "land", "name"];
  var BORDER_STYLE = { color: "#3f4a5a", weight: 1, dashArray: null, fillColor: "#e8ecf2", fillOpacity: 0.6 };
  var WIDE_STYLE = { color: "#1b2430", weight: 3, dashArray: "6 4", fillColor: "#cfd8e6", fillOpacity: 0.7 };
  // The `lage` of the open data: what the map shows of an initiative.
  var ORT = "Ort", GEBIET = "Gebiet (Kreise)", LAND = "Land";
  var LAGE_IM_LAND = "Lage im Land nicht angegeben";

  var box = document.querySelector("[data-wp-karte]");
  if (!box || !window.L) { return; }
  var map = window[box.dataset.karte];

  // Leaflet names its zoom buttons in English ("Zoom in"): German names for tooltips and screen readers.
  [[".leaflet-control-zoom-in", "Vergrößern"], [".leaflet-control-zoom-out", "Verkleinern"]].forEach(function (pair) {
    var button = map.getContainer().querySelector(pair[0]);
    if (button) { button.title = pair[1]; button.setAttribute("aria-label", pair[1]); }
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function getJson(url) {
    return fetch(url).then(function (r) { return r.json(); });
  }

  // The marker's look: colour and letter for the type, shape for the level (see the legend); `art` is the
  // level, or "land" for the sign of an initiative whose place in its Land no source gives.
  // One icon per combination: the HTML holds only these fixed words, never data.
  var icons = {};
  var SHAPES = { "lokal": [22, 22], "regional": [22, 22], "landesweit": [88, 22], "land": [70, 22] };
  var WORDS = { "landesweit": " landesweit", "land": " im Land" };
  function icon(typ, art) {
    typ = LETTER.hasOwnProperty(typ) ? typ : "unbekannt";
    art = SHAPES.hasOwnProperty(art) ? art : "lokal";
    var key = typ + "|" + art;
    if (!icons[key]) {
      icons[key] = L.divIcon({
        html: '<span class="wp-marker wp-marker--' + art + " wp-typ--" + typ.replace("ß", "ss") + '"><span>' +
          (LETTER[typ] || "?") + (WORDS[art] || "") + "</span></span>",
        className: "wp-marker-huelle", iconSize: SHAPES[art]
      });
    }
    return icons[key];
  }

  function makeMarker(lat, lon, props, title, art) {
    art = art || props.ebene;
    // The name contains the marker's visible words (WCAG 2.5.3): »N landesweit« on a Land-wide marker.
    if (WORDS[art]) { title += ", Symbol " + (LETTER[props.typ] || "?") + WORDS[art]; }
    var marker = L.marker([lat, lon], { icon: icon(props.typ, art), title: title, alt: title, keyboard: true });
    marker.on("add", function () {
      var node = marker.getElement();
      if (node) { node.setAttribute("aria-label", title); node.setAttribute("data-kennung", props.kennung || ""); }
    });
    return marker;
  }

  // An area of districts: filled in the type's colour, reachable with the keyboard like a marker.
  function makeArea(geometry, props, title) {
    var colour = COLOUR[props.typ] || "#3f4a5a";
    var area = L.geoJSON(geometry, {
      style: { color: colour, weight: 2, opacity: 1, fillColor: colour, fillOpacity: 0.35, className: "wp-gebiet" }
    }).getLayers()[0];
    area.on("add", function () {
      // Leaflet draws a new path each time the area is added (after a filter change): label it each time.
      var node = area.getElement();
      if (!node) { return; }
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "button");
      node.setAttribute("aria-label", title);
      node.setAttribute("data-kennung", props.kennung || "");
      node.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); area.openPopup(insidePoint(area)); }
      });
    });
    return area;
  }

  // A point inside an area (its centre can lie outside, or in a hole): the middle of the widest stretch of the
  // area on the line of latitude through the middle of its bounds (even–odd rule over all rings).
  function insidePoint(area) {
    var lat = area.getBounds().getCenter().lat;
    var xs = [];
    (function rings(latlngs) {
      if (!L.LineUtil.isFlat(latlngs)) { latlngs.forEach(rings); return; }
      latlngs.forEach(function (a, i) {
        var b = latlngs[(i + 1) % latlngs.length];
        if ((a.lat > lat) !== (b.lat > lat)) { xs.push(a.lng + (lat - a.lat) * (b.lng - a.lng) / (b.lat - a.lat)); }
      });
    }(area.getLatLngs()));
    xs.sort(function (a, b) { return a - b; });
    var best = null;
    for (var i = 0; i + 1 < xs.length; i += 2) {
      if (!best || xs[i + 1] - xs[i] > best[1] - best[0]) { best = [xs[i], xs[i + 1]]; }
    }
    return best ? L.latLng(lat, (best[0] + best[1]) / 2) : area.getBounds().getCenter();
  }

  function addBorders(data) {
    var layer = L.geoJSON(data, {
      interactive: false,
      attribution: "Landes- und Kreisgrenzen: " + box.dataset.laenderQuelle,
      style: BORDER_STYLE
    }).addTo(map);
    layer.bringToBack();
    return layer;
  }

  // The point inside each Land where its sign stands (`punkt`, [lat, lon], from the build).
  function anchors(data) {
    var points = {};
    data.features.forEach(function (f) { points[f.properties.name] = f.properties.punkt; });
    return points;
  }

  // On load the map shows Germany as large as the box allows (fractional zoom for this fit only), and
  // keeps doing so while the box settles (styles, fonts, the list beside it) until the reader moves the map.
  var fitting = false;
  var moved = false;
  function fitGermany() {
    if (!box.dataset.grenzen || moved) { return; }
    fitting = true;
    // The box may have changed size since the map was set up (layout, fonts): measure it again.
    map.invalidateSize({ animate: false, pan: false });
    var snap = map.options.zoomSnap;
    map.options.zoomSnap = 0.05;
    map.fitBounds(L.latLngBounds(JSON.parse(box.dataset.grenzen)), { animate: false });
    map.options.zoomSnap = snap;
    fitting = false;
  }
  map.on("movestart zoomstart", function () { if (!fitting) { moved = true; } });
  if (window.ResizeObserver) { new ResizeObserver(function () { fitGermany(); }).observe(map.getContainer()); }

  // --- Consent for the OpenStreetMap background -------------------------------------------
  function setUpConsent() {
    var panel = box.querySelector("[data-wp-hintergrund]");
    if (!panel) { return; }
    var load = panel.querySelector("[data-wp-laden]");
    var remove = panel.querySelector("[data-wp-entfernen]");
    var remember = panel.querySelector("[data-wp-merken]");
    var tiles = null;
    function store(value) {
      try { if (value) { localStorage.setItem(CONSENT_KEY, "ja"); } else { localStorage.removeItem(CONSENT_KEY); } } catch (e) { /* storage blocked */ }
    }
    function remembered() {
      try { return localStorage.getItem(CONSENT_KEY) === "ja"; } catch (e) { return false; }
    }
    function show() {
      if (!tiles) { tiles = L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: 19 }).addTo(map); tiles.bringToBack(); }
      load.hidden = true; remove.hidden = false; remember.checked = remembered();
    }
    function hide() {
      if (tiles) { map.removeLayer(tiles); tiles = null; }
      store(false);
      load.hidden = false; remove.hidden = true; remember.checked = false;
    }
    load.addEventListener("click", function () { store(remember.checked); show(); remove.focus(); });
    remove.addEventListener("click", function () { hide(); load.focus(); });
    remember.addEventListener("change", function () { if (tiles) { store(remember.checked); } });
    panel.hidden = false;
    if (remembered()) { show(); }
  }

  // --- Profile mini-map: a marker, the area of the districts, or the Land with its sign -----
  function miniMap() {
    var d = box.dataset;
    var props = { typ: d.typ, ebene: d.ebene };
    if (d.lage === GEBIET) {
      var area = makeArea(JSON.parse(d.gebiet), props, d.name).addTo(map);
      map.fitBounds(area.getBounds(), { animate: false, padding: [12, 12] });
    } else {
      var position = [parseFloat(d.lat), parseFloat(d.lon)];
      map.setView(position, map.getZoom(), { animate: false });
      var art = d.lage === LAND && d.ebene !== "landesweit" ? "land" : d.ebene;
      makeMarker(position[0], position[1], props, d.name, art).addTo(map);
    }
    getJson(d.laender).then(function (data) {
      var layer = addBorders(data);
      // An initiative that stands for its whole Land: outline the Land.
      if (d.land) { layer.setStyle(function (f) { return f.properties.name === d.land ? WIDE_STYLE : BORDER_STYLE; }); }
      box.setAttribute("data-wp-bereit", "ja");
    });
  }

  // --- Overview: markers and areas from the GeoJSON, filters synchronised with list, box and URL
  function overview() {
    var cluster = window[box.dataset.cluster];
    var form = document.getElementById("wp-filter");
    var status = document.getElementById("wp-treffer");
    var items = Array.prototype.slice.call(document.querySelectorAll("#wp-karte-liste > li"));
    var withoutPlace = Array.prototype.slice.call(document.querySelectorAll("#wp-ohne-ort > li"));
    var nothingWithoutPlace = document.getElementById("wp-ohne-ort-leer");
    var areas = L.featureGroup().addTo(map);
    // Every initiative on the map: {layer, daten, kennung, lage, art ("punkt", "land" or "flaeche"), sichtbar}.
    var placed = [];
    var borders = null;
    var statusBase = status.textContent;
    var notes = {};
    items.forEach(function (li) { notes[li.dataset.kennung] = li.dataset.hinweis; });

    fitGermany();

    cluster.options.iconCreateFunction = function (group) {
      var n = group.getChildCount();
      var size = n < 10 ? "small" : (n < 100 ? "medium" : "large");
      var inner = el("div");
      inner.title = n + " Initiativen";
      inner.appendChild(el("span", "", String(n)));
      inner.appendChild(el("span", "wp-sr", " Initiativen"));
      return L.divIcon({ html: inner, className: "marker-cluster marker-cluster-" + size, iconSize: [40, 40] });
    };

    function label(name, value) {
      var option = form.elements[name].querySelector('option[value="' + CSS.escape(value) + '"]');
      return option ? option.textContent : value;
    }

    // How the map shows the initiative, in words: the districts, »Lage im Land nicht angegeben« or Land-wide.
    function where(p) {
      if (p.lage === LAND && p.ebene === "landesweit") { return "landesweit tätig: steht für das ganze Land"; }
      return notes[p.kennung] || (p.lage === LAND ? LAGE_IM_LAND : "");
    }

    function popup(p) {
      var root = el("div", "wp-popup");
      var link = el("a", "", p.name);
      link.href = box.dataset.basis + p.steckbrief;
      var heading = el("p", "wp-popup__name");
      heading.appendChild(link);
      root.appendChild(heading);
      var facts = el("dl");
      [["Typ", label("typ", p.typ)], ["Ebene", label("ebene", p.ebene)],
       ["Land", p.land || "nicht angegeben"], ["Ort", p.ort], ["Lage", where(p)]].forEach(function (pair) {
        if (!pair[1]) { return; }
        facts.appendChild(el("dt", "", pair[0]));
        facts.appendChild(el("dd", "", pair[1]));
      });
      root.appendChild(facts);
      return root;
    }

    function current() {
      var f = {};
      FILTERS.forEach(function (name) { f[name] = form.elements[name].value.trim(); });
      f.name = f.name.toLowerCase();
      return f;
    }

    function matches(d, f) {
      return (!f.typ || d.typ === f.typ) && (!f.ebene || d.ebene === f.ebene) &&
        (!f.land || d.land === f.land) && (!f.name || d.suche.indexOf(f.name) !== -1);
    }

    function restyleBorders(visible) {
      if (!borders) { return; }
      var wide = {};
      visible.forEach(function (x) { if (x.art === "land" || x.lage === LAND) { wide[x.daten.land] = true; } });
      borders.setStyle(function (feature) { return wide[feature.properties.name] ? WIDE_STYLE : BORDER_STYLE; });
    }

    function apply(updateUrl) {
      var f = current();
      var shown = 0;
      items.forEach(function (li) {
        var hit = matches(li.dataset, f);
        if (li.hidden === hit) { li.hidden = !hit; }
        if (hit) { shown += 1; }
      });
      var boxShown = 0;
      withoutPlace.forEach(function (li) {
        var hit = matches(li.dataset, f);
        if (li.hidden === hit) { li.hidden = !hit; }
        if (hit) { boxShown += 1; }
      });
      if (nothingWithoutPlace) { nothingWithoutPlace.hidden = boxShown > 0; }
      // Only what changes goes in or out of the cluster group (cheap with 10,000 markers).
      var visible = [], add = [], remove = [];
      placed.forEach(function (x) {
        var hit = matches(x.daten, f);
        if (hit) { visible.push(x); }
        if (hit !== x.sichtbar) {
          if (x.art === "flaeche") {
            if (hit) { areas.addLayer(x.layer); } else { areas.removeLayer(x.layer); }
          } else if (hit) { add.push(x.layer); } else { remove.push(x.layer); }
        }
        x.sichtbar = hit;
      });
      if (remove.length) { cluster.removeLayers(remove); }
      if (add.length) { cluster.addLayers(add); }
      restyleBorders(visible);
      var filtered = FILTERS.some(function (name) { return f[name]; });
      status.textContent = filtered ? shown + " von " + items.length + " Initiativen entsprechen der Auswahl" : statusBase;
      if (updateUrl) {
        var params = new URLSearchParams();
        FILTERS.forEach(function (name) { var v = form.elements[name].value.trim(); if (v) { params.set(name, v); } });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    // Controls start from the URL, so a shared link shows the same selection.
    var params = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var control = form.elements[name];
      var value = params.get(name);
      if (value === null) { return; }
      if (control.tagName === "SELECT" && !control.querySelector('option[value="' + CSS.escape(value) + '"]')) { return; }
      control.value = value;
    });

    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    apply(false);

    function place(feature, points) {
      if (!feature.geometry) { return; }
      var p = feature.properties;
      // A Land-wide sign says »landesweit« itself (see makeMarker); the other notes go into the name.
      var note = p.lage === LAND && p.ebene === "landesweit" ? "" : where(p);
      var title = p.name + " (" + [label("typ", p.typ), label("ebene", p.ebene), p.land, note].filter(Boolean).join(", ") + ")";
      var x = { kennung: p.kennung, lage: p.lage, sichtbar: false,
                daten: { typ: p.typ, ebene: p.ebene, land: p.land || "", suche: [p.name, p.kurzname].filter(Boolean).join(" ").toLowerCase() } };
      if (p.lage === GEBIET) {
        x.art = "flaeche";
        x.layer = makeArea(feature.geometry, p, title);
      } else if (p.lage === LAND) {
        var point = points[p.land];
        if (!point) { return; }
        x.art = "land";
        x.layer = makeMarker(point[0], point[1], p, title, p.ebene === "landesweit" ? "landesweit" : "land");
      } else {
        var c = feature.geometry.coordinates;
        x.art = "punkt";
        x.layer = makeMarker(c[1], c[0], p, title);
      }
      x.layer.bindPopup(function () { return popup(p); });
      placed.push(x);
    }

    Promise.all([getJson(box.dataset.laender), getJson(box.dataset.daten)]).then(function (loaded) {
      borders = addBorders(loaded[0]);
      var points = anchors(loaded[0]);
      loaded[1].features.forEach(function (feature) { place(feature, points); });
      apply(false);
      fitGermany();
      box.setAttribute("data-wp-bereit", "ja");
      // Measured by scripts/benchmark-karte as the time to interactive.
      if (window.performance && performance.mark) { performance.mark("wp-karte-bereit"); }
    });

    function markers() { return placed.filter(function (x) { return x.art !== "flaeche"; }); }

    // For tests and the benchmark: what the map holds and what the current filter shows.
    window.wpKarte = {
      markerCount: function () { return markers().length; },
      areaCount: function () { return placed.length - markers().length; },
      titles: function () { return markers().map(function (x) { return x.layer.options.title; }); },
      visibleCount: function () { return cluster.getLayers().length + areas.getLayers().length; },
      placements: function () {
        return placed.map(function (x) { return { kennung: x.kennung, lage: x.lage, art: x.art, sichtbar: x.sichtbar }; });
      },
      withoutPlace: function () {
        return withoutPlace.filter(function (li) { return !li.hidden; }).map(function (li) { return li.dataset.kennung; });
      },
      openPopup: function (kennung) {
        var x = placed.filter(function (y) { return y.kennung === kennung; })[0];
        if (!x) { return false; }
        if (x.art === "flaeche") {
          map.fitBounds(x.layer.getBounds(), { animate: false });
          x.layer.openPopup(insidePoint(x.layer));
          return true;
        }
        var m = x.layer;
        map.setView(m.getLatLng(), map.getMaxZoom(), { animate: false });
        // Still inside a cluster (same position as another marker): open the marker's own popup at its place.
        if (m._map) { m.openPopup(); } else { m.getPopup().setLatLng(m.getLatLng()).openOn(map); }
        return true;
      }
    };
  }

  function start() {
    setUpConsent();
    if (box.dataset.wpKarte === "profil") { miniMap(); } else { overview(); }
  }
  // The list and the status line follow the map in the page.
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
