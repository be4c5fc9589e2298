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

  var base = L.tileLayer('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png', {
    maxZoom: 19, attribution: 'Achtergrond: Kadaster / PDOK (BRT-Achtergrondkaart)'
  });

  function describe(p) {
    if (p.value === undefined) { return ''; }
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
      var layer = L.geoJSON(data, {
        style: function (f) {
          return { color: '#4a4a4a', weight: 0.6, fillOpacity: 0.85, fillColor: colour(legend, f.properties['class']) };
        },
        onEachFeature: function (f, l) {
          var p = f.properties;
          var tip = document.createElement('div');
          tip.className = 'vk-tooltip';
          var strong = document.createElement('strong');
          strong.textContent = p.name + ' (' + p.code + ')';
          tip.appendChild(strong);
          tip.appendChild(document.createTextNode(describe(p)));
          l.bindTooltip(tip, { sticky: true });
          l.on('click', function () { window.location.href = el.dataset.profile + encodeURIComponent(p.code); });
          l.on('mouseover', function () { l.setStyle({ weight: 2.5, color: '#000' }); });
          l.on('mouseout', function () { layer.resetStyle(l); });
        }
      }).addTo(map);
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
      if (layer.getLayers().length > 0) { map.fitBounds(layer.getBounds(), { padding: [8, 8] }); }
      L.control.layers({}, (function () { var o = {}; o[el.dataset.basemapLabel] = base; return o; })(), { collapsed: true }).addTo(map);
      map.attributionControl.addAttribution((data.attribution || []).join('; '));
      renderLegend(legend);
      renderTable(data.features);
      el.dataset.features = String(data.features.length);
      if (statusEl) { statusEl.textContent = data.features.length + (lang === 'en-GB' ? ' areas drawn' : ' gebieden getekend'); }
      el.classList.add('vk-map-ready');
    })
    .catch(function (e) {
      if (statusEl) { statusEl.textContent = (lang === 'en-GB' ? 'The map could not be loaded: ' : 'De kaart kon niet worden geladen: ') + e.message; }
    });

  function renderLegend(legend) {
    var ul = document.getElementById('legend');
    if (!ul || !legend) { return; }
    ul.textContent = '';
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
