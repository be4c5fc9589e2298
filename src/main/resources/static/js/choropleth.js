/* Veerkracht choropleth: draws a GeoJSON layer from /api/map with the legend the server sends.
   No inline script or style: configuration comes from data-* attributes, colours through CSSOM. */
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }
  var lang = el.dataset.lang === 'en' ? 'en-GB' : 'nl-NL';
  var decimals = parseInt(el.dataset.decimals || '0', 10);
  var fmt = new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  var statusEl = document.getElementById('map-status');

  var map = L.map(el, { zoomSnap: 0.25, preferCanvas: false, attributionControl: true })
    .setView([52.2, 5.3], 7);
  map.attributionControl.setPrefix(false);

  var base = L.tileLayer('/tiles/{z}/{x}/{y}.png', {
    maxZoom: 19, attribution: (el.dataset.lang === 'en' ? 'Base map' : 'Achtergrond')
      + ': Kadaster / PDOK (BRT-Achtergrondkaart)'
  });

  /** A source's credit line in the page's language: the stored "Bron:" is Dutch. */
  function credit(a) {
    return el.dataset.lang === 'en' ? String(a).replace(/^Bron: /, 'Source: ') : String(a);
  }

  var shownLegend = null;

  /* A figure as words: a named class (Leefbaarometer, signal, band) by its name, a number in the
     reader's format, or why there is none. */
  function describe(p) {
    if (p.value === undefined) { return ''; }
    if (p.status === 'ok' && p.value !== null && shownLegend && shownLegend.method === 'fixed' && p['class']) {
      var entry = shownLegend.classes[p['class'] - 1];
      if (entry) { return entry.label; }
    }
    if (p.status === 'ok' && p.value !== null) { return fmt.format(p.value) + (el.dataset.unit === '%' ? ' %' : ''); }
    if (p.status === 'secret') { return el.dataset.secret; }
    return el.dataset.missing;
  }

  function colour(legend, cls) {
    if (!legend || cls === null || cls === undefined) { return legend ? legend.noDataColor : '#9fb3c8'; }
    var entry = legend.classes[cls - 1];
    return entry ? entry.color : legend.noDataColor;
  }

  fetch(el.dataset.geojson, { headers: { 'Accept': 'application/geo+json' } })
    .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
    .then(function (data) {
      var legend = data.legend;
      shownLegend = legend;
      function styleOf(f) {
        if (f.properties.attention) {
          return { color: '#000000', weight: 3, dashArray: '6 4', fillOpacity: 0.85, fillColor: colour(legend, f.properties['class']) };
        }
        return { color: '#4a4a4a', weight: 0.6, fillOpacity: 0.85, fillColor: colour(legend, f.properties['class']) };
      }
      // thousands of polygons draw fast on one canvas; a few hundred stay SVG paths that the
      // keyboard can reach (the table below the map serves both)
      var many = data.features.length > 1500;
      var onEach = function (f, l) {
          var p = f.properties;
          var tip = document.createElement('div');
          tip.className = 'vk-tooltip';
          var strong = document.createElement('strong');
          strong.textContent = p.name + ' (' + p.code + ')';
          tip.appendChild(strong);
          tip.appendChild(document.createTextNode(describe(p)));
          if (p.attention && el.dataset.attentionLabel) {
            tip.appendChild(document.createElement('br'));
            tip.appendChild(document.createTextNode(el.dataset.attentionLabel));
          }
          l.bindTooltip(tip, { sticky: true });
          l.on('click', function () { window.location.href = el.dataset.profile + encodeURIComponent(p.code); });
          l.on('mouseover', function () { l.setStyle({ weight: 2.5, color: '#000' }); });
          l.on('mouseout', function () { l.setStyle(styleOf(f)); });
        };
      var layer = L.geoJSON(data, {
        style: styleOf,
        renderer: many ? L.canvas({ padding: 0.3 }) : undefined,
        onEachFeature: onEach
      }).addTo(map);
      var detailLayer = el.dataset.lod === 'true' ? detailOnZoom(styleOf, onEach, many) : null;
      if (el.dataset.names === 'true') {
        nameLabels(function () { return layer.getLayers().concat(detailLayer ? detailLayer.getLayers() : []); });
      }
      layer.getLayers().forEach(function (l) {
        var path = l.getElement && l.getElement();
        if (path) {
          path.setAttribute('tabindex', '0');
          path.setAttribute('role', 'link');
          path.setAttribute('aria-label', l.feature.properties.name + ': ' + describe(l.feature.properties));
          path.addEventListener('keydown', function (e) {
            if (e.key === 'Enter') { window.location.href = el.dataset.profile + encodeURIComponent(l.feature.properties.code); }
          });
        }
      });
      var fromHash = el.dataset.hash && restoreHash();
      var highlighted = el.dataset.highlight ? highlight(layer, el.dataset.highlight, !fromHash) : false;
      if (!fromHash && !highlighted && layer.getLayers().length > 0) { map.fitBounds(layer.getBounds(), { padding: [8, 8] }); }
      var overlays = {};
      overlays[el.dataset.basemapLabel] = base;
      var control = L.control.layers({}, overlays, { collapsed: true }).addTo(map);
      var toggle = control.getContainer().querySelector('.leaflet-control-layers-toggle');
      if (toggle && el.dataset.layersLabel) {
        toggle.title = el.dataset.layersLabel;
        toggle.setAttribute('aria-label', el.dataset.layersLabel);
      }
      if (el.dataset.complexes) { addComplexes(control); }
      if (el.dataset.hash) { map.on('moveend', storeHash); }
      map.attributionControl.addAttribution((data.attribution || []).map(credit).join('; '));
      var credits = document.getElementById('map-credits');
      if (credits) { credits.textContent = (data.attribution || []).map(credit).join('; '); }
      renderLegend(legend, data.features);
      if (window.matchMedia && window.matchMedia('(max-width: 767.98px)').matches) { legendOnMap(legend); }
      renderTable(data.features);
      el.dataset.features = String(data.features.length);
      if (statusEl) { statusEl.textContent = (el.dataset.drawnLabel || '{0}').replace('{0}', new Intl.NumberFormat(lang).format(data.features.length)); }
      el.classList.add('vk-map-ready');
      el.dataset.drawnMs = String(Math.round(performance.now()));
    })
    .catch(function (e) {
      if (statusEl) { statusEl.textContent = (el.dataset.failedLabel || '') + ' ' + e.message; }
    });

  /* The area a profile sent the reader to: outlined, in view, its tooltip open. */
  function highlight(layer, code, zoom) {
    var found = null;
    layer.getLayers().forEach(function (l) { if (l.feature.properties.code === code) { found = l; } });
    if (!found) { return false; }
    found.setStyle({ weight: 4, color: '#000000', dashArray: null });
    found.off('mouseout');
    if (found.bringToFront) { found.bringToFront(); }
    if (zoom) { map.fitBounds(found.getBounds(), { padding: [40, 40], maxZoom: 15 }); }
    found.openTooltip(found.getBounds().getCenter());
    el.dataset.highlighted = code;
    return true;
  }

  /* Level of detail: the national map is coarse (about 100 m); from street zoom on, the areas in
     view are fetched again in detail, per cell of 0.1 degree so that answers can be cached. */
  function detailOnZoom(styleOf, onEach, many) {
    var loaded = {};
    var detail = L.geoJSON(null, { style: styleOf, onEachFeature: onEach, renderer: many ? L.canvas({ padding: 0.3 }) : undefined }).addTo(map);
    function load() {
      if (map.getZoom() < 12) { return; }
      var b = map.getBounds();
      var step = 0.1;
      for (var x = Math.floor(b.getWest() / step) * step; x < b.getEast(); x += step) {
        for (var y = Math.floor(b.getSouth() / step) * step; y < b.getNorth(); y += step) {
          var key = x.toFixed(1) + ',' + y.toFixed(1) + ',' + (x + step).toFixed(1) + ',' + (y + step).toFixed(1);
          if (loaded[key]) { continue; }
          loaded[key] = true;
          fetch(el.dataset.geojson + '&bbox=' + key, { headers: { 'Accept': 'application/geo+json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (d) { if (d) { detail.addData(d); } })
            .catch(function () { /* the coarse map stays */ });
        }
      }
    }
    map.on('moveend', load);
    load();
    return detail;
  }

  /* At street zoom the names of the areas in view are written on the map (at most 150, each
     once); they are for the eye only: the table below the map names every area for a screen
     reader, and the labels take no tab stop. */
  function nameLabels(layers) {
    var group = L.layerGroup().addTo(map);
    function draw() {
      group.clearLayers();
      el.dataset.namesShown = '0';
      if (map.getZoom() < 14) { return; }
      var view = map.getBounds();
      var seen = {};
      var n = 0;
      layers().forEach(function (l) {
        var p = l.feature && l.feature.properties;
        if (!p || seen[p.code] || n >= 150 || !l.getBounds) { return; }
        var centre = l.getBounds().getCenter();
        if (!view.contains(centre)) { return; }
        seen[p.code] = true;
        n++;
        var text = document.createElement('span');
        text.className = 'vk-area-name';
        text.textContent = p.name;
        group.addLayer(L.marker(centre, {
          icon: L.divIcon({ className: 'vk-area-label', html: text, iconSize: null }),
          interactive: false, keyboard: false
        }));
      });
      el.dataset.namesShown = String(n);
    }
    map.on('moveend', draw);
    draw();
  }

  /* The extent lives in the fragment (#zoom/lat/lng), so a copied address shows the same view. */
  function restoreHash() {
    var m = /^#(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(window.location.hash);
    if (!m) { return false; }
    map.setView([parseFloat(m[2]), parseFloat(m[3])], parseFloat(m[1]));
    return true;
  }

  function storeHash() {
    var c = map.getCenter();
    var hash = '#' + map.getZoom() + '/' + c.lat.toFixed(5) + '/' + c.lng.toFixed(5);
    window.history.replaceState(null, '', hash);
    // the language link keeps the view too
    document.querySelectorAll('a[lang][href^="/kaart"]').forEach(function (a) {
      a.setAttribute('href', a.getAttribute('href').split('#')[0] + hash);
    });
  }

  /* Complexes as points; where they crowd (closer than 36 px), one numbered circle stands for
     them until the map is zoomed in. */
  function addComplexes(control) {
    fetch(el.dataset.complexes, { headers: { 'Accept': 'application/geo+json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (data) {
        var group = L.layerGroup().addTo(map);
        function draw() {
          group.clearLayers();
          var cells = {};
          data.features.forEach(function (f) {
            var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
            var pt = map.latLngToLayerPoint(ll);
            var key = Math.floor(pt.x / 36) + ':' + Math.floor(pt.y / 36);
            (cells[key] = cells[key] || []).push({ f: f, ll: ll });
          });
          Object.keys(cells).forEach(function (key) {
            var items = cells[key];
            if (items.length === 1) {
              var f = items[0].f;
              var m = L.circleMarker(items[0].ll, { radius: 4 + Math.min(8, Math.sqrt(f.properties.units)), color: '#1b3a5c', weight: 1.5, fillColor: '#ffffff', fillOpacity: 0.9 });
              var tip = document.createElement('div');
              var strong = document.createElement('strong');
              strong.textContent = f.properties.name + ' (' + f.properties.code + ')';
              tip.appendChild(strong);
              tip.appendChild(document.createElement('br'));
              tip.appendChild(document.createTextNode((el.dataset.unitsLabel || '{0}').replace('{0}', f.properties.units)));
              m.bindTooltip(tip);
              m.on('click', function () { window.location.href = f.properties.href; });
              group.addLayer(m);
            } else {
              var lat = 0, lng = 0, units = 0;
              items.forEach(function (it) { lat += it.ll.lat; lng += it.ll.lng; units += it.f.properties.units; });
              var centre = L.latLng(lat / items.length, lng / items.length);
              var icon = L.divIcon({ className: 'vk-cluster', html: String(items.length), iconSize: [30, 30] });
              var c = L.marker(centre, { icon: icon, keyboard: true, title: items.length + ' (' + units + ')' });
              c.on('click', function () { map.setView(centre, Math.min(map.getZoom() + 2, 18)); });
              group.addLayer(c);
            }
          });
        }
        draw();
        map.on('zoomend', draw);
        control.addOverlay(group, el.dataset.complexesLabel);
        el.dataset.complexCount = String(data.features.length);
        var legendPart = document.getElementById('complex-legend');
        if (legendPart) {
          var count = legendPart.querySelector('[data-count]');
          if (count) { count.textContent = new Intl.NumberFormat(lang).format(data.features.length); }
          legendPart.hidden = false;
        }
      })
      .catch(function () { /* no complexes for this user: the map works without them */ });
  }

  /* On a phone the legend panel lies far below the map; a compact copy sits on the map itself. */
  function legendOnMap(legend) {
    if (!legend || !legend.classes.length) { return; }
    var control = L.control({ position: 'bottomleft' });
    control.onAdd = function () {
      var box = L.DomUtil.create('div', 'vk-map-legend');
      box.id = 'map-legend-overlay';
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', el.dataset.legendLabel || '');
      var ul = document.createElement('ul');
      legend.classes.forEach(function (c) { ul.appendChild(item(c.color, c.label)); });
      ul.appendChild(item(legend.noDataColor, el.dataset.nodata));
      box.appendChild(ul);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
  }

  function renderLegend(legend, features) {
    var ul = document.getElementById('legend');
    if (!ul || !legend) { return; }
    ul.textContent = '';
    var none = features && features.length && features.every(function (f) {
      return f.properties['class'] === null || f.properties['class'] === undefined;
    });
    if (none && el.dataset.none) {
      // no area has this figure in this year: say so, rather than a legend of empty classes
      var li = document.createElement('li');
      li.id = 'legend-none';
      li.setAttribute('role', 'status');
      li.textContent = el.dataset.none;
      ul.appendChild(li);
      return;
    }
    legend.classes.forEach(function (c) { ul.appendChild(item(c.color, c.label)); });
    ul.appendChild(item(legend.noDataColor, el.dataset.nodata));
  }

  function item(color, label) {
    var li = document.createElement('li');
    var sw = document.createElement('span');
    sw.className = 'vk-swatch';
    sw.style.backgroundColor = color;
    sw.setAttribute('aria-hidden', 'true');
    li.appendChild(sw);
    li.appendChild(document.createTextNode(label));
    return li;
  }

  function renderTable(features) {
    var tbody = document.querySelector('#map-table tbody');
    if (!tbody) { return; }
    var rows = features.slice().sort(function (a, b) { return a.properties.name.localeCompare(b.properties.name, lang); });
    rows.forEach(function (f) {
      var tr = document.createElement('tr');
      var th = document.createElement('th');
      th.scope = 'row';
      var a = document.createElement('a');
      a.href = el.dataset.profile + encodeURIComponent(f.properties.code);
      a.textContent = f.properties.name;
      th.appendChild(a);
      var td = document.createElement('td');
      td.className = 'text-end';
      td.textContent = describe(f.properties);
      tr.appendChild(th);
      tr.appendChild(td);
      tbody.appendChild(tr);
    });
  }
})();
