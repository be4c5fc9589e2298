/* The atelier's map: Leaflet over Veerkracht's own tiles, the buurten's outlines with their
   names, the facilitator's figure layer, the problem areas and the pins. */
import { S, el, id, label, mode, pending, t } from './core.js';
import { onMapClick } from './pins.js';
import { render } from './render.js';

let map = null;
let pinLayer = null;
let outlineLayer = null;
let mapLayer = null;
let layerControl = null;
let drawLayer = null;
let areaLayer = null;
const COLORS = ['#c0392b', '#1e884b', '#1f4e79', '#8e44ad', '#d35400', '#16a085', '#7f8c8d'];
/* ---------- map ---------- */
/* The map and the join box live on through every redraw (Leaflet keeps its state in them): a
   view holds an empty slot for them, the redraw leaves a slot it keeps alone, and fillSlots
   puts them in a slot that is new. */
let mapParts = null;
export function ensureMap(container, height) {
  if (!S.mapEl) {
    S.mapEl = el('div', 'vk-atelier-map');
    S.mapEl.id = 'atelier-map';
    S.mapEl.setAttribute('role', 'application');
    S.mapEl.setAttribute('aria-label', t('ui.mapLabel'));
    // the map is one tab stop, with a way past it
    var skip = el('a', 'visually-hidden-focusable vk-skip-map', t('ui.skipMap'));
    skip.href = '#after-map';
    var after = el('span');
    after.id = 'after-map';
    after.tabIndex = -1;
    mapParts = [skip, S.mapEl, after];
  }
  S.mapEl.style.height = height;
  container.appendChild(slot('map'));
  if (!map) {
    // Leaflet measures its box: the map is made once the view it is in is shown
    mapWaiting = true;
    return;
  }
  setTimeout(function () { map.invalidateSize(); }, 0);
  drawPins();
}
export function slot(name) {
  var s = el('div');
  s.dataset.slot = name;
  return s;
}
export function fillSlots() {
  var m = S.body.querySelector('[data-slot=map]');
  if (m && S.mapEl && S.mapEl.parentNode !== m) { mapParts.forEach(function (p) { m.appendChild(p); }); }
  var j = S.body.querySelector('[data-slot=join]');
  if (j && S.consoleJoinBox && S.consoleJoinBox.parentNode !== j) { j.appendChild(S.consoleJoinBox); }
  if (mapWaiting && S.mapEl && S.mapEl.isConnected) { mapWaiting = false; createMap(); }
}
let mapWaiting = false;
function createMap() {
  map = L.map(S.mapEl, { zoomSnap: 0.25 }).setView([52.2, 5.3], 8);
  map.attributionControl.setPrefix(false);
  L.tileLayer('/tiles/{z}/{x}/{y}.png', {
    maxZoom: 19, attribution: 'Achtergrond: Kadaster / PDOK (BRT-Achtergrondkaart)'
  }).addTo(map);
  pinLayer = L.layerGroup().addTo(map);
  areaLayer = L.layerGroup().addTo(map);
  drawLayer = L.layerGroup().addTo(map);
  map.on('click', function (e) { onMapClick(e.latlng); });
  fetch('/api/ateliers/' + id + '/map.geojson', { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (g) {
      if (!g) { return; }
      S.outlines = g;
      outlineLayer = L.geoJSON(g, { style: areaStyle })
        .bindTooltip(function (l) { return areaTooltip(l.feature); })
        .addTo(map);
      layerSwitch(g.layers || []);
      buurtLabels(g);
      unfocusable();
      outlineLayer.bringToBack();
      if (outlineLayer.getLayers().length) { map.fitBounds(outlineLayer.getBounds(), { padding: [10, 10] }); }
      render(); // the console's buurt choices and the phone's pinning by list need the names
    });
  setTimeout(function () { map.invalidateSize(); }, 0);
  drawPins();
}
/* The buurten's names on the map itself, so that the map reads without a base map (no tiles
   from the cache and none from the upstream): never an empty grey map. Not interactive. */
function buurtLabels(g) {
  var labels = L.layerGroup().addTo(map);
  L.geoJSON(g).eachLayer(function (l) {
    if (!l.getBounds || !l.feature || !l.feature.properties) { return; }
    var name = el('span', null, l.feature.properties.name || l.feature.properties.code);
    L.marker(l.getBounds().getCenter(), {
      icon: L.divIcon({ className: 'vk-buurt-label', html: name, iconSize: null }),
      interactive: false, keyboard: false
    }).addTo(labels);
  });
  S.mapEl.dataset.labels = String(labels.getLayers().length);
}
/* ---------- map layers: the buurten coloured by a figure the facilitator chose ---------- */
// colour-blind-safe: orange (worse) to purple (better); signal 1 = under pressure, 4 = stable
const LAYER_COLORS = {
  lbm_class: ['#b35806', '#e08214', '#fdb863', '#fee0b6', '#f7f7f7', '#d8daeb', '#b2abd2', '#8073ac', '#542788'],
  veerkracht_signal: ['#b35806', '#fdb863', '#d8daeb', '#542788'],
  attention_area: ['#f7f7f7', '#b35806'],
  pct_corporation_rent: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c']
};
function layerColor(layer, value) {
  var c = LAYER_COLORS[layer];
  if (!c || value === undefined || value === null) { return '#bbbbbb'; }
  var i;
  if (layer === 'lbm_class' || layer === 'veerkracht_signal') { i = Math.round(value) - 1; }
  else if (layer === 'attention_area') { i = value >= 1 ? 1 : 0; }
  else { i = Math.floor(value / 20); }
  return c[Math.max(0, Math.min(c.length - 1, i))];
}
function layerValue(f) {
  return mapLayer && f.properties.layers ? f.properties.layers[mapLayer] : undefined;
}
function areaStyle(f) {
  if (!mapLayer) { return { color: '#1f4e79', weight: 2, fillOpacity: 0.05 }; }
  var v = layerValue(f);
  return { color: '#1f4e79', weight: 2, fillOpacity: 0.6, fillColor: layerColor(mapLayer, v ? v.value : null) };
}
function areaTooltip(f) {
  var v = layerValue(f);
  var name = f.properties.name || f.properties.code;
  // an element, not a string: Leaflet would read a string as HTML
  if (!mapLayer) { return el('span', null, name); }
  return el('span', null, name + ': ' + (v ? v.label + ' (' + v.year + ')' : t('map.layer.unknown')));
}
function layerSwitch(layers) {
  if (!layers.length || layerControl) { return; }
  // on a phone the box goes below, so it does not cover the zoom buttons
  layerControl = L.control({ position: S.mapEl.clientWidth < 560 ? 'bottomleft' : 'topright' });
  layerControl.onAdd = function () {
    var box = el('div', 'vk-layer-switch leaflet-bar p-2 bg-white');
    L.DomEvent.disableClickPropagation(box);
    var lab = el('label', 'form-label small mb-1 d-block', t('map.layer.label'));
    lab.setAttribute('for', 'vk-layer-select');
    var sel = el('select', 'form-select form-select-sm');
    sel.id = 'vk-layer-select';
    var none = el('option', null, t('map.layer.none'));
    none.value = '';
    sel.appendChild(none);
    layers.forEach(function (l) {
      var o = el('option', null, l.title);
      o.value = l.id;
      sel.appendChild(o);
    });
    var legend = el('div', 'vk-layer-legend small mt-1');
    legend.id = 'vk-layer-legend';
    sel.addEventListener('change', function () {
      mapLayer = sel.value || null;
      outlineLayer.setStyle(areaStyle);
      drawLegend(legend);
    });
    box.appendChild(lab);
    box.appendChild(sel);
    box.appendChild(legend);
    return box;
  };
  layerControl.addTo(map);
}
function drawLegend(box) {
  box.textContent = '';
  if (!mapLayer) { return; }
  var seen = {};
  var rows = [];
  S.outlines.features.forEach(function (f) {
    var v = layerValue(f);
    var key = v ? v.label : t('map.layer.unknown');
    if (!seen[key]) { seen[key] = true; rows.push({ key: key, value: v ? v.value : Infinity }); }
  });
  rows.sort(function (a, b) { return a.value - b.value; });
  rows.forEach(function (r) {
    var row = el('div', 'd-flex align-items-center gap-1');
    var sw = el('span', 'vk-swatch');
    sw.style.background = layerColor(mapLayer, r.value === Infinity ? null : r.value);
    row.appendChild(sw);
    row.appendChild(el('span', null, r.key));
    box.appendChild(row);
  });
}
export function buurtName(code) {
  if (!code) { return ''; }
  var f = S.outlines ? S.outlines.features.filter(function (x) { return x.properties.code === code; })[0] : null;
  return f && f.properties.name ? f.properties.name : code;
}
function colorOf(category) {
  var i = S.state.atelier.categories.indexOf(category);
  return COLORS[(i < 0 ? 0 : i) % COLORS.length];
}
function drawAreas() {
  if (!areaLayer || !S.state) { return; }
  areaLayer.clearLayers();
  (S.state.problemAreas || []).forEach(function (pa) {
    if (!pa.outline) { return; }
    L.polygon(pa.outline.map(function (p) { return [p[1], p[0]]; }),
      { color: '#8e44ad', weight: 3, dashArray: '6 4', fillOpacity: 0.08, interactive: false })
      .bindTooltip(el('span', null, pa.name), { permanent: mode === 'screen', direction: 'center' })
      .addTo(areaLayer);
  });
  drawLayer.clearLayers();
  if (S.drawing && S.drawing.length) {
    var ll = S.drawing.map(function (p) { return [p.lat, p.lng]; });
    (S.drawing.length >= 3 ? L.polygon(ll, { color: '#8e44ad', weight: 2 }) : L.polyline(ll, { color: '#8e44ad', weight: 2 }))
      .addTo(drawLayer);
    ll.forEach(function (p) { L.circleMarker(p, { radius: 4, color: '#8e44ad', fillOpacity: 1 }).addTo(drawLayer); });
  }
  S.mapEl.dataset.drawn = String(S.drawing ? S.drawing.length : 0);
  // in drawing mode only the map takes clicks: the layer box and zoom buttons step aside
  S.mapEl.classList.toggle('vk-drawing', !!S.drawing);
  S.mapEl.dataset.outlines = (S.state.problemAreas || []).filter(function (pa) { return pa.outline; })
    .map(function (pa) { return pa.id + ':' + pa.outline.length + ':' + pa.outline[0].join(','); }).join(' ');
}
/* Outlines and pins are drawn shapes, not tab stops: the map itself is the one stop. */
function unfocusable() {
  if (!S.mapEl) { return; }
  Array.prototype.forEach.call(S.mapEl.querySelectorAll('path[tabindex], .leaflet-marker-icon[tabindex]'), function (x) {
    x.setAttribute('tabindex', '-1');
  });
}
function drawPins() {
  if (!pinLayer || !S.state) { return; }
  drawAreas();
  pinLayer.clearLayers();
  S.mapEl.dataset.pins = String(S.state.pins.length);
  var number = 0;
  S.state.pins.forEach(function (p) {
    var hidden = p.status !== 'VISIBLE';
    var m;
    if (mode === 'screen' && !hidden) {
      // on the projector every pin carries its number, as in the pin list
      number++;
      var badge = el('span', 'vk-pin-number', String(number));
      badge.style.background = colorOf(p.category);
      m = L.marker([p.lat, p.lon], {
        icon: L.divIcon({ html: badge, className: 'vk-pin-icon', iconSize: [34, 34], iconAnchor: [17, 17] }),
        keyboard: false
      });
    } else {
      m = L.circleMarker([p.lat, p.lon], {
        radius: 8, color: '#fff', weight: 2,
        fillColor: colorOf(p.category), fillOpacity: hidden ? 0.35 : 0.95, dashArray: hidden ? '3' : null
      });
    }
    m.bindPopup(function () { return pinPopup(p); });
    m.addTo(pinLayer);
  });
  pending().forEach(function (p) {
    L.circleMarker([p.lat, p.lon], { radius: 8, color: '#555', weight: 2, dashArray: '2', fillOpacity: 0.2 })
      .addTo(pinLayer);
  });
  unfocusable();
}
function pinPopup(p) {
  var d = el('div', 'vk-pin-popup');
  d.appendChild(el('strong', null, label('category', p.category) + (p.theme ? ' · ' + label('theme', p.theme) : '')));
  if (p.text) { d.appendChild(el('p', 'mb-1', p.text)); }
  if (p.status !== 'VISIBLE') { d.appendChild(el('div', 'small fst-italic', label('status', p.status))); }
  if (p.author) { d.appendChild(el('div', 'small text-body-secondary', p.author)); }
  if (p.complexCode) { d.appendChild(el('div', 'small text-body-secondary', t('ui.nearestComplex', { code: p.complexCode }))); }
  return d;
}
