/* Map of the initiatives (progressive enhancement of the HTML list).
   Markers come from the open-data GeoJSON; filters update map, list and URL together;
   OpenStreetMap tiles load only after the reader's click. All text goes in via textContent. */
(function () {
  "use strict";

  var CONSENT_KEY = "wp-osm-hintergrundkarte";
  var TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende';
  var LETTER = { "netzwerkorientiert": "N", "maßnahmenorientiert": "M", "mischtyp": "X" };
  var FILTERS = ["typ", "ebene", "land", "name"];
  var BORDER_STYLE = { color: "#3f4a5a", weight: 1, dashArray: null, fillColor: "#e8ecf2", fillOpacity: 0.6 };
  var WIDE_STYLE = { color: "#1b2430", weight: 3, dashArray: "6 4", fillColor: "#cfd8e6", fillOpacity: 0.7 };

  var box = document.querySelector("[data-wp-karte]");
  if (!box || !window.L) { return; }
  var map = window[box.dataset.karte];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // The marker's look: colour and letter for the type, shape for the level (see the legend).
  // One icon per combination: the HTML holds only these fixed words, never data.
  var icons = {};
  var LEVELS = { "lokal": true, "regional": true, "landesweit": true };
  function icon(typ, ebene) {
    typ = LETTER.hasOwnProperty(typ) ? typ : "unbekannt";
    ebene = LEVELS.hasOwnProperty(ebene) ? ebene : "lokal";
    var key = typ + "|" + ebene;
    if (!icons[key]) {
      var wide = ebene === "landesweit";
      icons[key] = L.divIcon({
        html: '<span class="wp-marker wp-marker--' + ebene + " wp-typ--" + typ.replace("ß", "ss") + '"><span>' +
          (LETTER[typ] || "?") + (wide ? " landesweit" : "") + "</span></span>",
        className: "wp-marker-huelle", iconSize: wide ? [88, 22] : [22, 22]
      });
    }
    return icons[key];
  }

  function makeMarker(lat, lon, props, title) {
    var marker = L.marker([lat, lon], { icon: icon(props.typ, props.ebene), title: title, alt: title, keyboard: true });
    marker.on("add", function () {
      var node = marker.getElement();
      if (node) { node.setAttribute("aria-label", title); node.setAttribute("data-kennung", props.kennung || ""); }
    });
    return marker;
  }

  function addBorders(onReady) {
    fetch(box.dataset.laender).then(function (r) { return r.json(); }).then(function (data) {
      var layer = L.geoJSON(data, {
        interactive: false,
        attribution: "Landesgrenzen: " + box.dataset.laenderQuelle,
        style: BORDER_STYLE
      }).addTo(map);
      layer.bringToBack();
      if (onReady) { onReady(layer); }
    });
  }

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

  // --- Profile mini-map: one marker ------------------------------------------------------
  function miniMap() {
    var d = box.dataset;
    var position = [parseFloat(d.lat), parseFloat(d.lon)];
    map.setView(position, map.getZoom(), { animate: false });
    makeMarker(position[0], position[1], { typ: d.typ, ebene: d.ebene }, d.name).addTo(map);
    addBorders(function (layer) {
      // A Land-wide initiative stands for its whole Land: outline it.
      if (d.land) { layer.setStyle(function (f) { return f.properties.name === d.land ? WIDE_STYLE : BORDER_STYLE; }); }
      box.setAttribute("data-wp-bereit", "ja");
    });
  }

  // --- Overview: markers from the GeoJSON, filters synchronised with list and URL ----------
  function overview() {
    var cluster = window[box.dataset.cluster];
    var form = document.getElementById("wp-filter");
    var status = document.getElementById("wp-treffer");
    var items = Array.prototype.slice.call(document.querySelectorAll("#wp-karte-liste > li"));
    var markers = [];
    var borders = null;
    var statusBase = status.textContent;

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

    function popup(p) {
      var root = el("div", "wp-popup");
      var link = el("a", "", p.name);
      link.href = box.dataset.basis + p.steckbrief;
      var heading = el("p", "wp-popup__name");
      heading.appendChild(link);
      root.appendChild(heading);
      var facts = el("dl");
      [["Typ", label("typ", p.typ)], ["Ebene", label("ebene", p.ebene)],
       ["Land", p.land || "nicht angegeben"], ["Ort", p.ort]].forEach(function (pair) {
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
      visible.forEach(function (m) { if (m.wpDaten.ebene === "landesweit" && m.wpDaten.land) { wide[m.wpDaten.land] = true; } });
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
      // Only the markers whose state changes go in or out of the cluster group (cheap with 10,000 markers).
      var visible = [], add = [], remove = [];
      markers.forEach(function (m) {
        var hit = matches(m.wpDaten, f);
        if (hit) { visible.push(m); }
        if (hit && !m.wpSichtbar) { add.push(m); }
        if (!hit && m.wpSichtbar) { remove.push(m); }
        m.wpSichtbar = hit;
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

    var ready = { markers: false, borders: false };
    function done(part) {
      ready[part] = true;
      if (ready.markers && ready.borders) {
        box.setAttribute("data-wp-bereit", "ja");
        // Measured by scripts/benchmark-karte as the time to interactive.
        if (window.performance && performance.mark) { performance.mark("wp-karte-bereit"); }
      }
    }
    addBorders(function (layer) { borders = layer; apply(false); done("borders"); });
    fetch(box.dataset.daten).then(function (r) { return r.json(); }).then(function (data) {
      data.features.forEach(function (feature) {
        if (!feature.geometry) { return; }
        var p = feature.properties;
        var c = feature.geometry.coordinates;
        var title = p.name + " (" + label("typ", p.typ) + ", " + label("ebene", p.ebene) + (p.land ? ", " + p.land : "") + ")";
        var marker = makeMarker(c[1], c[0], p, title);
        marker.wpDaten = { typ: p.typ, ebene: p.ebene, land: p.land || "", suche: [p.name, p.kurzname].filter(Boolean).join(" ").toLowerCase() };
        marker.wpKennung = p.kennung;
        marker.bindPopup(function () { return popup(p); });
        markers.push(marker);
      });
      apply(false);
      done("markers");
    });

    // For tests and the benchmark: how many markers exist and how many the current filter shows.
    window.wpKarte = {
      markerCount: function () { return markers.length; },
      titles: function () { return markers.map(function (m) { return m.options.title; }); },
      visibleCount: function () { return cluster.getLayers().length; },
      openPopup: function (kennung) {
        var m = markers.filter(function (x) { return x.wpKennung === kennung; })[0];
        if (!m) { return false; }
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
