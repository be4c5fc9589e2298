/* Veerkracht atelier: one script for the participant's phone, the facilitator's console and the
   projector. It reads the atelier's state from the API, draws it with textContent only (every text
   a participant typed stays text), and reads the state again when a Server-Sent Event says
   something changed. Pins wait in localStorage until the server has them: a phone that loses its
   connection sends them again with the same client id, and the server stores each once. */
(function () {
  'use strict';
  var root = document.getElementById('atelier');
  if (!root) { return; }
  var id = root.dataset.id;
  var mode = root.dataset.mode;
  var lang = root.dataset.lang === 'en' ? 'en' : 'nl';
  var body = document.getElementById('atelier-body');
  var phaseBadge = document.getElementById('atelier-phase');
  var liveEl = document.getElementById('atelier-live');
  var messageEl = document.getElementById('atelier-message');
  var T = {};
  var state = null;
  var map = null;
  var mapEl = null;
  var pinLayer = null;
  var outlineLayer = null;
  var outlines = null;
  var mapLayer = null;
  var layerControl = null;
  var draft = null;
  var drawing = null; // the points of a problem area being drawn on the console's map
  // the facilitator's edits: which problem area or measure is being changed, which deletion
  // waits for a second click, whether the settings panel is open
  var editingArea = null;
  var editingMeasure = null;
  var confirming = null;
  var settingsOpen = false;
  var consoleJoinBox = null;
  var prefetchResult = null;
  var drawLayer = null;
  var areaLayer = null;
  var reloadTimer = null;
  var source = null;
  var COLORS = ['#c0392b', '#1e884b', '#1f4e79', '#8e44ad', '#d35400', '#16a085', '#7f8c8d'];
  var PENDING_KEY = 'vk-atelier-pending-' + id;

  /* ---------- texts ---------- */
  function t(key, args) {
    var s = T['atelier.' + key];
    if (s === undefined) { return key; }
    return s.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, function (m, n, one, other) {
      var v = args ? args[n] : undefined;
      if (one !== undefined) { return v === 1 ? one : other; }
      return v === undefined ? m : String(v);
    });
  }
  function tx(text) { return text ? (lang === 'en' ? text.en : text.nl) : ''; }
  function label(prefix, key) {
    var s = T['atelier.' + prefix + '.' + key];
    return s === undefined ? key : s;
  }

  /* ---------- DOM helpers: text only ---------- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function button(text, cls, onClick) {
    var b = el('button', cls || 'btn btn-outline-primary btn-sm', text);
    b.type = 'button';
    // what a click does is looked up when it happens: a redraw that keeps this button (nothing
    // about it changed) hands it the newest action, made from the newest state
    b.vkClick = onClick;
    b.addEventListener('click', function (e) { b.vkClick.call(b, e); });
    return b;
  }
  function section(title) {
    var s = el('section', 'vk-panel mb-3');
    if (title) { s.appendChild(el('h2', 'h5', title)); }
    return s;
  }
  function field(labelText, input) {
    var wrap = el('div', 'mb-2');
    var idAttr = 'f' + Math.random().toString(36).slice(2, 9);
    input.id = idAttr;
    var l = el('label', 'form-label small mb-0', labelText);
    l.htmlFor = idAttr;
    wrap.appendChild(l);
    wrap.appendChild(input);
    return wrap;
  }
  function select(options, value) {
    var s = el('select', 'form-select form-select-sm');
    options.forEach(function (o) {
      var opt = el('option', null, o[1]);
      opt.value = o[0];
      if (o[0] === value) { opt.selected = true; }
      s.appendChild(opt);
    });
    return s;
  }
  /* What people type survives the redraw that every event causes: inputs with a key keep their
     value (and focus) until their form is sent. */
  var kept = {};
  function keep(input, key) {
    input.dataset.keep = key;
    if (Object.prototype.hasOwnProperty.call(kept, key)) {
      if (input.type === 'checkbox') { input.checked = kept[key]; } else { input.value = kept[key]; }
    }
    var save = function () { kept[key] = input.type === 'checkbox' ? input.checked : input.value; };
    input.addEventListener('input', save);
    input.addEventListener('change', save);
    return input;
  }
  function forget(prefix) {
    Object.keys(kept).forEach(function (k) { if (k.indexOf(prefix) === 0) { delete kept[k]; } });
  }
  function showMessage(text) {
    if (!text) { messageEl.hidden = true; messageEl.textContent = ''; return; }
    messageEl.textContent = text;
    messageEl.hidden = false;
  }

  /* ---------- API ---------- */
  function csrf() {
    var c = document.cookie.split('; ').filter(function (x) { return x.indexOf('XSRF-TOKEN=') === 0; })[0];
    if (c) { return decodeURIComponent(c.substring(11)); }
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }
  function api(method, path, data) {
    // errors come back in the page's language, whatever the phone's own settings
    var headers = { 'Accept': 'application/json', 'Accept-Language': lang === 'en' ? 'en' : 'nl' };
    if (data !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET') { headers['X-XSRF-TOKEN'] = csrf(); }
    return fetch('/api/ateliers/' + id + path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: data === undefined ? undefined : JSON.stringify(data)
    }).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) { var e = new Error(j.message || ('HTTP ' + r.status)); e.status = r.status; throw e; }
        return j;
      });
    });
  }
  function act(promise) {
    return promise.then(function (x) { showMessage(''); scheduleReload(0); return x; },
      function (e) { showMessage(e.message); scheduleReload(0); });
  }

  /* ---------- live ---------- */
  function load() {
    return api('GET', mode === 'screen' ? '?view=screen' : '').then(function (s) {
      state = s;
      render();
      if (!source) { connect(s.lastEventId); }
    }, function (e) {
      if (e.status === 401) { window.location.href = '/doe-mee'; return; }
      showMessage(e.message);
    });
  }
  function scheduleReload(delay) {
    if (reloadTimer) { return; }
    reloadTimer = setTimeout(function () { reloadTimer = null; load(); }, delay === undefined ? 40 : delay);
  }
  function connect(after) {
    source = new EventSource('/api/ateliers/' + id + '/events?after=' + after);
    ['participant', 'phase', 'pin', 'moderation', 'answer', 'area', 'measure', 'vote', 'reveal', 'present', 'settings'].forEach(function (k) {
      source.addEventListener(k, function () { scheduleReload(); });
    });
    source.onopen = function () { liveEl.textContent = t('ui.live'); flushPending(); };
    source.onerror = function () { liveEl.textContent = t('ui.reconnecting'); };
  }

  /* ---------- pins that wait for the server ---------- */
  function pending() {
    try { return JSON.parse(localStorage.getItem(PENDING_KEY) || '[]'); } catch (e) { return []; }
  }
  function savePending(list) {
    try { localStorage.setItem(PENDING_KEY, JSON.stringify(list)); } catch (e) { /* private mode */ }
  }
  function newClientId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  var flushing = false;
  function flushPending() {
    if (flushing) { return; }
    var list = pending();
    if (!list.length) { return; }
    flushing = true;
    var p = list[0];
    api('POST', '/pins', p).then(function () {
      savePending(pending().filter(function (x) { return x.clientId !== p.clientId; }));
      flushing = false;
      scheduleReload(0);
      flushPending();
    }, function (e) {
      flushing = false;
      if (e.status && e.status >= 400 && e.status < 500 && e.status !== 429) {
        // refused (phase over, limit, bad text): the server will never take it; say why
        savePending(pending().filter(function (x) { return x.clientId !== p.clientId; }));
        showMessage(e.message);
      } else {
        liveEl.textContent = t('ui.waiting', { n: pending().length });
        setTimeout(flushPending, 2000);
      }
    });
  }
  function placePin(data) {
    data.clientId = newClientId();
    var list = pending();
    list.push(data);
    savePending(list);
    flushPending();
  }

  /* ---------- map ---------- */
  /* The map and the join box live on through every redraw (Leaflet keeps its state in them): a
     view holds an empty slot for them, the redraw leaves a slot it keeps alone, and fillSlots
     puts them in a slot that is new. */
  var mapParts = null;
  function ensureMap(container, height) {
    if (!mapEl) {
      mapEl = el('div', 'vk-atelier-map');
      mapEl.id = 'atelier-map';
      mapEl.setAttribute('role', 'application');
      mapEl.setAttribute('aria-label', t('ui.mapLabel'));
      // the map is one tab stop, with a way past it
      var skip = el('a', 'visually-hidden-focusable vk-skip-map', t('ui.skipMap'));
      skip.href = '#after-map';
      var after = el('span');
      after.id = 'after-map';
      after.tabIndex = -1;
      mapParts = [skip, mapEl, after];
    }
    mapEl.style.height = height;
    container.appendChild(slot('map'));
    if (!map) {
      // Leaflet measures its box: the map is made once the view it is in is shown
      mapWaiting = true;
      return;
    }
    setTimeout(function () { map.invalidateSize(); }, 0);
    drawPins();
  }
  function slot(name) {
    var s = el('div');
    s.dataset.slot = name;
    return s;
  }
  function fillSlots() {
    var m = body.querySelector('[data-slot=map]');
    if (m && mapEl && mapEl.parentNode !== m) { mapParts.forEach(function (p) { m.appendChild(p); }); }
    var j = body.querySelector('[data-slot=join]');
    if (j && consoleJoinBox && consoleJoinBox.parentNode !== j) { j.appendChild(consoleJoinBox); }
    if (mapWaiting && mapEl && mapEl.isConnected) { mapWaiting = false; createMap(); }
  }
  var mapWaiting = false;
  function createMap() {
    map = L.map(mapEl, { zoomSnap: 0.25 }).setView([52.2, 5.3], 8);
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
        outlines = g;
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
    mapEl.dataset.labels = String(labels.getLayers().length);
  }
  /* ---------- map layers: the buurten coloured by a figure the facilitator chose ---------- */
  // colour-blind-safe: orange (worse) to purple (better); signal 1 = under pressure, 4 = stable
  var LAYER_COLORS = {
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
    layerControl = L.control({ position: mapEl.clientWidth < 560 ? 'bottomleft' : 'topright' });
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
    outlines.features.forEach(function (f) {
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
  function buurtName(code) {
    if (!code) { return ''; }
    var f = outlines ? outlines.features.filter(function (x) { return x.properties.code === code; })[0] : null;
    return f && f.properties.name ? f.properties.name : code;
  }
  function colorOf(category) {
    var i = state.atelier.categories.indexOf(category);
    return COLORS[(i < 0 ? 0 : i) % COLORS.length];
  }
  function drawAreas() {
    if (!areaLayer || !state) { return; }
    areaLayer.clearLayers();
    (state.problemAreas || []).forEach(function (pa) {
      if (!pa.outline) { return; }
      L.polygon(pa.outline.map(function (p) { return [p[1], p[0]]; }),
        { color: '#8e44ad', weight: 3, dashArray: '6 4', fillOpacity: 0.08, interactive: false })
        .bindTooltip(el('span', null, pa.name), { permanent: mode === 'screen', direction: 'center' })
        .addTo(areaLayer);
    });
    drawLayer.clearLayers();
    if (drawing && drawing.length) {
      var ll = drawing.map(function (p) { return [p.lat, p.lng]; });
      (drawing.length >= 3 ? L.polygon(ll, { color: '#8e44ad', weight: 2 }) : L.polyline(ll, { color: '#8e44ad', weight: 2 }))
        .addTo(drawLayer);
      ll.forEach(function (p) { L.circleMarker(p, { radius: 4, color: '#8e44ad', fillOpacity: 1 }).addTo(drawLayer); });
    }
    mapEl.dataset.drawn = String(drawing ? drawing.length : 0);
    // in drawing mode only the map takes clicks: the layer box and zoom buttons step aside
    mapEl.classList.toggle('vk-drawing', !!drawing);
    mapEl.dataset.outlines = (state.problemAreas || []).filter(function (pa) { return pa.outline; })
      .map(function (pa) { return pa.id + ':' + pa.outline.length + ':' + pa.outline[0].join(','); }).join(' ');
  }
  /* Outlines and pins are drawn shapes, not tab stops: the map itself is the one stop. */
  function unfocusable() {
    if (!mapEl) { return; }
    Array.prototype.forEach.call(mapEl.querySelectorAll('path[tabindex], .leaflet-marker-icon[tabindex]'), function (x) {
      x.setAttribute('tabindex', '-1');
    });
  }
  function drawPins() {
    if (!pinLayer || !state) { return; }
    drawAreas();
    pinLayer.clearLayers();
    mapEl.dataset.pins = String(state.pins.length);
    var number = 0;
    state.pins.forEach(function (p) {
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
  function onMapClick(latlng) {
    if (!state) { return; }
    if (drawing && mode === 'console') {
      drawing.push(latlng);
      render();
      return;
    }
    var canPin = (state.me.role === 'participant' && state.atelier.phase === 'PINNING') ||
      (mode === 'console' && state.me.moderator && state.atelier.phase !== 'CLOSED');
    if (!canPin) { return; }
    draft = { lat: latlng.lat, lon: latlng.lng };
    render();
    var form = document.getElementById('pin-form');
    if (form) { form.scrollIntoView({ block: 'nearest' }); var f = form.querySelector('select'); if (f) { f.focus(); } }
  }

  function pinForm(existing) {
    var f = el('form', 'vk-panel mb-3');
    f.id = existing ? 'pin-edit-' + existing.id : 'pin-form';
    f.appendChild(el('h2', 'h6', existing ? t('ui.editPin') : t('ui.newPin')));
    var cat = select(state.atelier.categories.map(function (c) { return [c, label('category', c)]; }),
      existing ? existing.category : state.atelier.categories[0]);
    cat.name = 'category';
    var prefix = existing ? 'pin-' + existing.id + '-' : 'pin-new-';
    keep(cat, prefix + 'category');
    var theme = select([['', t('ui.noTheme')]].concat(state.atelier.themes.map(function (c) { return [c, label('theme', c)]; })),
      existing ? (existing.theme || '') : '');
    theme.name = 'theme';
    keep(theme, prefix + 'theme');
    var text = el('textarea', 'form-control form-control-sm');
    text.name = 'text';
    text.maxLength = 500;
    text.rows = 3;
    text.value = existing ? existing.text : '';
    keep(text, prefix + 'text');
    f.appendChild(field(t('ui.category'), cat));
    f.appendChild(field(t('ui.theme'), theme));
    f.appendChild(field(t('ui.text'), text));
    var row = el('div', 'd-flex gap-2');
    var submit = el('button', 'btn btn-primary btn-sm', existing ? t('ui.save') : t('ui.place'));
    submit.type = 'submit';
    row.appendChild(submit);
    row.appendChild(button(t('ui.cancel'), 'btn btn-link btn-sm', function () { forget(prefix); draft = null; editing = null; render(); }));
    f.appendChild(row);
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var data = { category: cat.value, theme: theme.value || null, text: text.value };
      forget(prefix);
      if (existing) {
        editing = null;
        act(api('PUT', '/pins/' + existing.id, data));
      } else {
        data.lat = draft.lat;
        data.lon = draft.lon;
        draft = null;
        placePin(data);
        render();
      }
    });
    return f;
  }
  var editing = null;
  /* Pinning without the map (keyboard, screen reader): choose a buurt by name; the pin stands in
     the middle of it. */
  function pinWithoutMap() {
    var s = section(t('ui.pinByList'));
    s.id = 'pin-by-list';
    var features = outlines ? outlines.features : [];
    if (!features.length) { s.appendChild(el('p', 'small mb-0', t('ui.loadingMap'))); return s; }
    var buurt = select(features.map(function (f) { return [f.properties.code, f.properties.name || f.properties.code]; }),
      features[0].properties.code);
    keep(buurt, 'pin-list-buurt');
    var f0 = field(t('ui.pickBuurt'), buurt);
    // field() names the control; this one keeps its own id (its label follows)
    buurt.id = 'pin-list-buurt';
    f0.querySelector('label').htmlFor = buurt.id;
    s.appendChild(f0);
    var go = button(t('ui.pinHere'), 'btn btn-outline-primary btn-sm', function () {
      var chosen = document.getElementById('pin-list-buurt') || buurt;
      var f = features.filter(function (x) { return x.properties.code === chosen.value; })[0];
      var at = inside(f);
      if (!at) { return; }
      draft = { lat: at[1], lon: at[0] };
      render();
      var cat = document.querySelector('#pin-form select');
      if (cat) { cat.focus(); }
    });
    go.id = 'pin-list-place';
    go.dataset.keep = 'pin-list-place';
    s.appendChild(go);
    return s;
  }
  /* A point inside a buurt: its centre when that lies inside, else the first inside on a grid. */
  function inside(feature) {
    var rings = [];
    var g = feature.geometry;
    if (g.type === 'Polygon') { rings.push(g.coordinates[0]); }
    if (g.type === 'MultiPolygon') { g.coordinates.forEach(function (p) { rings.push(p[0]); }); }
    if (!rings.length) { return null; }
    var minX = 180, minY = 90, maxX = -180, maxY = -90;
    rings[0].forEach(function (p) { minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]); });
    var within = function (x, y) {
      return rings.some(function (r) {
        var c = false;
        for (var i = 0, j = r.length - 1; i < r.length; j = i++) {
          if ((r[i][1] > y) !== (r[j][1] > y) && x < (r[j][0] - r[i][0]) * (y - r[i][1]) / (r[j][1] - r[i][1]) + r[i][0]) { c = !c; }
        }
        return c;
      });
    };
    var cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    if (within(cx, cy)) { return [cx, cy]; }
    for (var k = 1; k < 12; k++) {
      for (var a = 1; a < 12; a++) {
        var x = minX + (maxX - minX) * a / 12, y = minY + (maxY - minY) * k / 12;
        if (within(x, y)) { return [x, y]; }
      }
    }
    return null;
  }
  /* The room's pins as a list too, not only on the map. */
  function roomPins() {
    var others = state.pins.filter(function (p) { return !p.mine && p.status === 'VISIBLE'; });
    var d = el('details', 'vk-panel mb-3');
    d.id = 'room-pins';
    d.open = roomPinsOpen;
    d.addEventListener('toggle', function () { roomPinsOpen = d.open; });
    d.appendChild(el('summary', 'h6 mb-0', t('ui.roomPins', { n: others.length })));
    var ul = el('ul', 'list-unstyled small mb-0 mt-2');
    others.forEach(function (p) {
      var li = el('li', 'mb-1');
      li.appendChild(el('strong', null, label('category', p.category) + (p.theme ? ' · ' + label('theme', p.theme) : '') + ' '));
      li.appendChild(el('span', null, (p.text || '') + (p.buurtCode ? ' (' + buurtName(p.buurtCode) + ')' : '')));
      ul.appendChild(li);
    });
    d.appendChild(ul);
    return d;
  }
  var roomPinsOpen = false;

  /* ---------- figure cards ---------- */
  function answersOf(card) {
    for (var i = 0; i < state.answers.length; i++) { if (state.answers[i].card === card) { return state.answers[i]; } }
    return null;
  }
  function cardView(c, answerable) {
    var s = el('article', 'vk-card mb-3');
    s.dataset.card = c.id;
    s.appendChild(el('h3', 'h6 mb-1', tx(c.title)));
    s.appendChild(el('p', 'small mb-2', tx(c.meaning)));
    var ul = el('ul', 'list-unstyled mb-2');
    c.values.forEach(function (v) {
      var li = el('li');
      li.appendChild(el('strong', null, v.name + ': '));
      li.appendChild(document.createTextNode(v.value ? tx(v.value) : t('card.unknown')));
      if (v.year) { li.appendChild(el('span', 'small text-body-secondary', ' (' + v.year + ')')); }
      ul.appendChild(li);
    });
    if (c.gemeente) {
      var g = el('li', 'small text-body-secondary', c.gemeente.value
        ? t('ui.compare', { name: c.gemeente.name }) + ' ' + tx(c.gemeente.value) + (c.gemeente.year ? ' (' + c.gemeente.year + ')' : '')
        : t('ui.noComparison'));
      ul.appendChild(g);
    }
    s.appendChild(ul);
    if (c.source) { s.appendChild(el('div', 'small text-body-secondary mb-2', c.source)); }
    var a = answersOf(c.id);
    if (answerable) {
      var group = el('div', 'btn-group d-flex mb-2');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', t('ui.doYouRecognise'));
      [['herkenbaar', 'RECOGNISED'], ['niet_herkenbaar', 'NOT_RECOGNISED'], ['weet_niet', 'DONT_KNOW']].forEach(function (o) {
        var mine = a && a.mine === o[1];
        var b = button(label('answer', o[1]), 'btn btn-sm ' + (mine ? 'btn-primary' : 'btn-outline-primary'), function () {
          // the remark box on the page: a redraw may have kept that one and dropped this one
          var box = document.querySelector('[data-keep="remark-' + c.id + '"]') || remark;
          act(api('POST', '/answers', { card: c.id, answer: o[0], remark: box.value }));
        });
        b.setAttribute('aria-pressed', mine ? 'true' : 'false');
        b.dataset.answer = o[0];
        group.appendChild(b);
      });
      s.appendChild(group);
      var remark = el('textarea', 'form-control form-control-sm mb-1');
      remark.maxLength = 500;
      remark.rows = 2;
      remark.placeholder = t('ui.remark');
      remark.setAttribute('aria-label', t('ui.remark'));
      remark.value = a && a.myRemark ? a.myRemark : '';
      keep(remark, 'remark-' + c.id);
      s.appendChild(remark);
      if (a && a.mine) {
        s.appendChild(button(t('ui.saveRemark'), 'btn btn-link btn-sm p-0', function () {
          var ans = { RECOGNISED: 'herkenbaar', NOT_RECOGNISED: 'niet_herkenbaar', DONT_KNOW: 'weet_niet' }[a.mine];
          // the box on the page (a redraw may have kept it and dropped this one)
          var box = document.querySelector('[data-keep="remark-' + c.id + '"]') || remark;
          act(api('POST', '/answers', { card: c.id, answer: ans, remark: box.value }));
        }));
      }
    }
    if (a && a.revealed === false) {
      var blind = el('div', 'vk-tally-hidden small text-body-secondary', t('ui.tallyHidden'));
      blind.dataset.tallyHidden = c.id;
      s.appendChild(blind);
    }
    if (mode === 'console' && state.me.moderator) {
      s.appendChild(revealButton('card:' + c.id));
    }
    if (a && a.revealed !== false) {
      var tally = el('div', 'vk-tally small');
      tally.dataset.tally = c.id;
      tally.textContent = t('ui.tally', { yes: a.counts.RECOGNISED, no: a.counts.NOT_RECOGNISED, unknown: a.counts.DONT_KNOW });
      s.appendChild(tally);
      Object.keys(a.byGroup || {}).forEach(function (g) {
        var x = a.byGroup[g];
        s.appendChild(el('div', 'small text-body-secondary', label('group', g) + ': ' +
          t('ui.tally', { yes: x.RECOGNISED || 0, no: x.NOT_RECOGNISED || 0, unknown: x.DONT_KNOW || 0 })));
      });
      if (mode !== 'phone' || state.atelier.phase !== 'READING') {
        if (a.review && a.review.length) {
          a.review.forEach(function (r) {
            var q = el('blockquote', 'small mb-1 vk-remark', r.text);
            if (r.masked) {
              q.appendChild(el('div', 'small vk-masked', t('ui.masked')));
              q.lastChild.dataset.masked = 'remark';
              q.appendChild(button(t('ui.approveText'), 'btn btn-link btn-sm p-0', function () { act(api('POST', '/answers/approval', { participantId: r.participantId, card: c.id })); }));
            }
            s.appendChild(q);
          });
        } else {
          a.remarks.forEach(function (r) { s.appendChild(el('blockquote', 'small mb-1 vk-remark', r)); });
        }
      }
    }
    return s;
  }

  /* ---------- blind rounds ---------- */
  function isRevealed(round) {
    return state.atelier.phase === 'CLOSED' || (state.atelier.revealed || []).indexOf(round) >= 0;
  }
  // the facilitator shows the room a round's tally, or hides it again
  function revealButton(round) {
    var shown = isRevealed(round);
    var b = button(t(shown ? 'ui.hideTally' : 'ui.revealTally'), 'btn btn-sm ' + (shown ? 'btn-outline-secondary' : 'btn-primary'), function () {
      act(api('POST', '/reveal', { round: round, revealed: !shown }));
    });
    b.dataset.reveal = round;
    b.setAttribute('aria-pressed', shown ? 'true' : 'false');
    return b;
  }

  /* ---------- problem areas and votes ---------- */
  // A phone gets its measures in the order they were made (the server keeps that order): the
  // ballot holds still while others vote. Votes name the measure's id, never a position.
  function rankingView(votable) {
    var wrap = el('div');
    if (mode === 'console' && state.me.moderator) {
      var r = el('p', 'small mb-2');
      r.appendChild(revealButton('votes'));
      wrap.appendChild(r);
    }
    if (!isRevealed('votes') && mode !== 'console') {
      var hidden = el('p', 'small text-body-secondary vk-votes-hidden', t('ui.votesHidden'));
      wrap.appendChild(hidden);
    }
    if (!state.problemAreas.length) { wrap.appendChild(el('p', null, t('ui.noAreas'))); }
    state.problemAreas.forEach(function (pa) {
      var s = el('section', 'vk-panel mb-3');
      s.dataset.area = pa.id;
      s.appendChild(el('h3', 'h6', pa.name));
      if (mode === 'console' && state.me.moderator && state.atelier.phase !== 'CLOSED') {
        var editArea = button(t('ui.edit'), 'btn btn-link btn-sm p-0', function () { editingArea = pa.id; forget('areaedit-'); drawing = null; render(); });
        editArea.dataset.editArea = pa.id;
        editArea.setAttribute('aria-label', t('ui.editArea', { name: pa.name }));
        s.appendChild(editArea);
      }
      if (votable && pa.remaining !== null && pa.remaining !== undefined) {
        var left = el('p', 'small mb-2 vk-remaining', t('ui.remaining', { n: pa.remaining }));
        left.setAttribute('aria-live', 'polite');
        s.appendChild(left);
      }
      var max = 1;
      pa.measures.forEach(function (m) { max = Math.max(max, m.votes || 0); });
      var ol = el('ol', 'list-unstyled mb-0');
      pa.measures.forEach(function (m) {
        var li = el('li', 'vk-measure mb-2');
        li.dataset.measure = m.id;
        var head = el('div', 'd-flex justify-content-between gap-2');
        var tallied = m.votes !== null && m.votes !== undefined;
        head.appendChild(el('span', 'vk-measure-title', (tallied && !votable ? m.rank + '. ' : '') + m.title));
        if (tallied) { head.appendChild(el('span', 'text-nowrap vk-votes', t('ui.votes', { n: m.votes }))); }
        li.appendChild(head);
        li.appendChild(el('div', 'small text-body-secondary', label('lever', m.lever) + (m.description ? ' · ' + m.description : '')));
        if (mode === 'console' && state.me.moderator && state.atelier.phase !== 'CLOSED') {
          var editM = button(t('ui.edit'), 'btn btn-link btn-sm p-0', function () { editingMeasure = m.id; forget('measureedit-'); render(); });
          editM.dataset.editMeasure = m.id;
          editM.setAttribute('aria-label', t('ui.editMeasure', { title: m.title }));
          li.appendChild(editM);
        }
        if (tallied) {
          var bar = el('div', 'vk-bar');
          bar.style.width = Math.round(100 * m.votes / max) + '%';
          li.appendChild(bar);
          Object.keys(m.byGroup || {}).forEach(function (g) {
            li.appendChild(el('div', 'small text-body-secondary vk-group-votes', label('group', g) + ': ' + t('ui.votes', { n: m.byGroup[g] })));
          });
        }
        if (votable) {
          var row = el('div', 'd-flex align-items-center gap-2 mt-1');
          var minus = button('−', 'btn btn-outline-primary btn-sm', function () {
            act(api('POST', '/votes', { targetId: m.id, count: Math.max(0, m.mine - 1) }));
          });
          minus.setAttribute('aria-label', t('ui.less', { title: m.title }));
          minus.disabled = m.mine <= 0;
          var plus = button('+', 'btn btn-outline-primary btn-sm', function () {
            act(api('POST', '/votes', { targetId: m.id, count: m.mine + 1 }));
          });
          plus.setAttribute('aria-label', t('ui.more', { title: m.title }));
          plus.disabled = pa.remaining <= 0;
          plus.dataset.vote = 'plus';
          // focus stays on the button pressed through every redraw (a vote from anyone)
          plus.dataset.keep = 'vote-plus-' + m.id;
          minus.dataset.keep = 'vote-minus-' + m.id;
          row.appendChild(minus);
          row.appendChild(el('span', 'vk-mine', t('ui.mine', { n: m.mine })));
          row.appendChild(plus);
          li.appendChild(row);
        }
        ol.appendChild(li);
      });
      s.appendChild(ol);
      wrap.appendChild(s);
    });
    return wrap;
  }

  /* ---------- console parts ---------- */
  function phaseButtons() {
    var s = section(t('ui.phases'));
    var row = el('div', 'd-flex flex-wrap gap-2');
    ['PREPARING', 'READING', 'PINNING', 'PRIORITISING', 'CLOSED'].forEach(function (p) {
      var b = button(label('phase', p), 'btn btn-sm ' + (state.atelier.phase === p ? 'btn-primary' : 'btn-outline-primary'), function () {
        act(api('POST', '/phase', { phase: p }));
      });
      b.dataset.phase = p;
      b.setAttribute('aria-pressed', state.atelier.phase === p ? 'true' : 'false');
      row.appendChild(b);
    });
    s.appendChild(row);
    if (state.atelier.phase === 'READING' && state.cards.length) { s.appendChild(presenterControls()); }
    var links = el('p', 'small mt-2 mb-0');
    [['/ateliers/' + id + '/scherm', t('ui.projector')], ['/ateliers/' + id + '/resultaten', t('ui.results')]].forEach(function (l, i) {
      if (i) { links.appendChild(document.createTextNode(' · ')); }
      var a = el('a', null, l[1]);
      a.href = l[0];
      links.appendChild(a);
    });
    s.appendChild(links);
    return s;
  }
  function pinTable() {
    var s = section(t('ui.pins', { n: state.pins.length }));
    if (!state.pins.length) { s.appendChild(el('p', 'small', t('ui.noPins'))); return s; }
    var table = el('table', 'table table-sm align-middle mb-0');
    table.id = 'pin-table';
    var head = el('tr');
    [t('ui.category'), t('ui.text'), 'buurt', t('ui.by'), t('ui.status'), ''].forEach(function (h) { var th = el('th', null, h); th.scope = 'col'; head.appendChild(th); });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var tb = el('tbody');
    state.pins.forEach(function (p) {
      var tr = el('tr');
      tr.dataset.pin = p.id;
      tr.appendChild(el('td', null, label('category', p.category) + (p.theme ? ' · ' + label('theme', p.theme) : '')));
      var textCell = el('td', 'vk-pin-text', p.text);
      if (p.masked) {
        // the privacy guard: the room sees this text with the address, number or name masked
        textCell.appendChild(el('div', 'small vk-masked', t('ui.masked')));
        textCell.lastChild.dataset.masked = p.id;
        textCell.appendChild(button(t('ui.approveText'), 'btn btn-link btn-sm p-0', function () { act(api('POST', '/pins/' + p.id + '/moderation', { action: 'approveText' })); }));
      }
      tr.appendChild(textCell);
      // names, with codes only as secondary detail
      var where = el('td', 'small', buurtName(p.buurtCode));
      if (p.buurtCode || p.complexCode) {
        where.appendChild(el('span', 'text-body-secondary d-block', (p.buurtCode || '') + (p.complexCode ? ' · ' + t('ui.complex', { code: p.complexCode }) : '')));
      }
      tr.appendChild(where);
      tr.appendChild(el('td', 'small', p.author || ''));
      tr.appendChild(el('td', 'small', label('status', p.status)));
      var td = el('td', 'text-nowrap');
      if (p.status === 'VISIBLE') {
        td.appendChild(button(t('ui.hide'), 'btn btn-link btn-sm', function () { act(api('POST', '/pins/' + p.id + '/moderation', { action: 'hide' })); }));
      } else if (p.status === 'PENDING') {
        td.appendChild(button(t('ui.approve'), 'btn btn-link btn-sm', function () { act(api('POST', '/pins/' + p.id + '/moderation', { action: 'approve' })); }));
        td.appendChild(button(t('ui.hide'), 'btn btn-link btn-sm', function () { act(api('POST', '/pins/' + p.id + '/moderation', { action: 'hide' })); }));
      } else {
        td.appendChild(button(t('ui.restore'), 'btn btn-link btn-sm', function () { act(api('POST', '/pins/' + p.id + '/moderation', { action: 'restore' })); }));
      }
      var others = state.pins.filter(function (o) { return o.id !== p.id && o.status === 'VISIBLE'; });
      if (p.status !== 'HIDDEN' && others.length) {
        var merge = select([['', t('ui.mergeInto')]].concat(others.map(function (o) { return [String(o.id), '#' + o.id + ' ' + (o.text || '').slice(0, 30)]; })), '');
        merge.className = 'form-select form-select-sm d-inline-block w-auto';
        merge.setAttribute('aria-label', t('ui.mergeInto'));
        merge.addEventListener('change', function () {
          if (merge.value) { act(api('POST', '/pins/' + p.id + '/moderation', { action: 'merge', into: parseInt(merge.value, 10) })); }
        });
        td.appendChild(merge);
      }
      tr.appendChild(td);
      tb.appendChild(tr);
    });
    table.appendChild(tb);
    var wrap = el('div', 'table-responsive');
    wrap.appendChild(table);
    s.appendChild(wrap);
    return s;
  }
  /** A fieldset of checkboxes named {@code name}, one per [value, label]; what is ticked survives redraws. */
  function checkboxes(legend, name, inline, options, checked, prefix) {
    var fs = el('fieldset', 'mb-2');
    fs.appendChild(el('legend', 'small mb-0', legend));
    options.forEach(function (o) {
      var w = el('div', inline ? 'form-check form-check-inline' : 'form-check');
      var c = el('input', 'form-check-input');
      c.type = 'checkbox';
      c.value = o[0];
      c.name = name;
      c.id = (prefix || 'area-') + name.charAt(0) + '-' + o[0];
      c.checked = !!checked && checked.indexOf(o[0]) >= 0;
      keep(c, (prefix || 'area-') + name.charAt(0) + '-' + o[0]);
      var l = el('label', 'form-check-label small', o[1]);
      l.htmlFor = c.id;
      w.appendChild(c);
      w.appendChild(l);
      fs.appendChild(w);
    });
    return fs;
  }
  function problemAreaForm() {
    var pa = editingArea === null ? null : state.problemAreas.filter(function (x) { return x.id === editingArea; })[0];
    if (editingArea !== null && !pa) { editingArea = null; }
    var prefix = pa ? 'areaedit-' : 'area-';
    var s = section(pa ? t('ui.editArea', { name: pa.name }) : t('ui.newArea'));
    var f = el('form');
    f.id = pa ? 'area-edit-form' : 'area-form';
    var name = el('input', 'form-control form-control-sm');
    name.name = 'name';
    name.maxLength = 200;
    name.required = true;
    if (pa) { name.value = pa.name; }
    keep(name, prefix + 'name');
    f.appendChild(field(t('ui.areaName'), name));
    var features = outlines ? outlines.features : [];
    f.appendChild(checkboxes(t('ui.pickBuurten'), 'buurt', true, features.map(function (ft) {
      return [ft.properties.code, ft.properties.name];
    }), pa ? pa.buurtCodes : null, prefix));
    f.appendChild(checkboxes(t('ui.pickPins'), 'pin', false, state.pins
      .filter(function (p) { return p.status === 'VISIBLE'; })
      .map(function (p) { return [String(p.id), '#' + p.id + ' ' + label('category', p.category) + ': ' + (p.text || '')]; }),
      pa ? pa.pinIds.map(String) : null, prefix));
    var complexes = state.atelier.complexCodes || [];
    if (complexes.length) {
      f.appendChild(checkboxes(t('ui.pickComplexes'), 'complex', true,
        complexes.map(function (code) { return [code, code]; }), pa ? pa.complexCodes : null, prefix));
    }
    // drawing: clicks on the map add points while this is on
    var drawBox = el('div', 'mb-2 d-flex flex-wrap align-items-center gap-2');
    var drawBtn = el('button', 'btn btn-outline-secondary btn-sm', drawing ? t('ui.drawStop') : (pa ? t('ui.redrawArea') : t('ui.drawArea')));
    drawBtn.type = 'button';
    drawBtn.id = 'area-draw';
    drawBtn.setAttribute('aria-pressed', drawing ? 'true' : 'false');
    drawBtn.addEventListener('click', function () {
      drawing = drawing ? null : [];
      render();
      // the map is where the next clicks go: bring it into view
      if (drawing && mapEl) { mapEl.scrollIntoView({ block: 'center', behavior: 'instant' }); }
    });
    drawBox.appendChild(drawBtn);
    if (drawing) {
      var clear = el('button', 'btn btn-link btn-sm', t('ui.drawClear'));
      clear.type = 'button';
      clear.addEventListener('click', function () { drawing = []; render(); });
      drawBox.appendChild(clear);
      drawBox.appendChild(el('span', 'small', t('ui.drawPoints', { n: drawing.length })));
    }
    f.appendChild(drawBox);
    var submit = el('button', 'btn btn-primary btn-sm', pa ? t('ui.save') : t('ui.addArea'));
    submit.type = 'submit';
    submit.id = pa ? 'area-save' : 'area-add';
    f.appendChild(submit);
    if (pa) {
      f.appendChild(button(t('ui.cancel'), 'btn btn-link btn-sm', function () { forget(prefix); drawing = null; editingArea = null; render(); }));
      f.appendChild(deleteButton('area-' + pa.id, t('ui.confirmDeleteArea', { name: pa.name }), function () {
        editingArea = null;
        forget(prefix);
        act(api('DELETE', '/problem-areas/' + pa.id));
      }));
    }
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var picked = function (n) { return Array.prototype.map.call(f.querySelectorAll('input[name=' + n + ']:checked'), function (x) { return x.value; }); };
      forget(prefix);
      var outline = drawing && drawing.length >= 3 ? drawing.map(function (p) { return [p.lng, p.lat]; }) : null;
      drawing = null;
      if (pa) {
        editingArea = null;
        // a new outline takes in the pins inside it; otherwise the pins ticked
        act(api('PUT', '/problem-areas/' + pa.id, { name: name.value, buurtCodes: picked('buurt'), complexCodes: picked('complex'),
          pinIds: outline ? null : picked('pin').map(Number), outline: outline || undefined }));
      } else {
        act(api('POST', '/problem-areas', { name: name.value, buurtCodes: picked('buurt'), complexCodes: picked('complex'), pinIds: picked('pin').map(Number), outline: outline }));
      }
    });
    s.appendChild(f);
    return s;
  }
  /* Over the console's map while a problem area is drawn: the points so far, undo, done. */
  function drawingBar() {
    var bar = el('div', 'vk-drawing-bar d-flex flex-wrap align-items-center gap-2 mb-2');
    bar.id = 'drawing-bar';
    var n = el('strong', 'small', t('ui.drawPoints', { n: drawing.length }));
    n.id = 'area-draw-count';
    n.setAttribute('aria-live', 'polite');
    bar.appendChild(n);
    var undo = button(t('ui.drawUndo'), 'btn btn-outline-secondary btn-sm', function () { drawing.pop(); render(); });
    undo.id = 'area-draw-undo';
    undo.disabled = !drawing.length;
    bar.appendChild(undo);
    var done = button(t('ui.drawDone'), 'btn btn-primary btn-sm', function () {
      var save = document.getElementById('area-save') || document.getElementById('area-add');
      if (save) { save.scrollIntoView({ block: 'center' }); save.focus(); }
    });
    done.id = 'area-draw-done';
    done.disabled = drawing.length < 3;
    bar.appendChild(done);
    return bar;
  }
  /* A delete button that asks once more, in place: the second click deletes. */
  function deleteButton(key, question, onConfirm) {
    var wrap = el('span', 'vk-delete');
    if (confirming !== key) {
      var del = button(t('ui.delete'), 'btn btn-link btn-sm text-danger', function () { confirming = key; render(); });
      del.dataset.delete = key;
      wrap.appendChild(del);
      return wrap;
    }
    var q = el('span', 'small me-2', question);
    q.setAttribute('role', 'alert');
    wrap.appendChild(q);
    var yes = button(t('ui.confirmDelete'), 'btn btn-danger btn-sm me-1', function () { confirming = null; onConfirm(); });
    yes.dataset.confirmDelete = key;
    wrap.appendChild(yes);
    wrap.appendChild(button(t('ui.cancel'), 'btn btn-link btn-sm', function () { confirming = null; render(); }));
    return wrap;
  }
  /* The atelier's settings, changed while it runs (the facilitator). */
  function settingsForm() {
    var d = el('details', 'vk-panel mb-3');
    d.id = 'settings-panel';
    d.open = settingsOpen;
    d.addEventListener('toggle', function () { settingsOpen = d.open; });
    d.appendChild(el('summary', 'h5 mb-2', t('ui.settings')));
    var f = el('form');
    f.id = 'settings-form';
    var a = state.atelier;
    var input = function (key, type, value, max) {
      var i = el('input', 'form-control form-control-sm');
      i.type = type;
      i.name = key;
      if (max) { i.maxLength = max; }
      i.value = value === null || value === undefined ? '' : value;
      keep(i, 'set-' + key);
      return i;
    };
    var name = input('name', 'text', a.name, 200);
    var date = input('heldOn', 'date', a.heldOn);
    var time = input('startsAt', 'time', a.startsAt ? a.startsAt.substring(0, 5) : '');
    var place = input('place', 'text', a.place, 200);
    var contact = input('contact', 'text', a.contact, 200);
    var votes = input('votes', 'number', a.votesPerParticipant);
    votes.min = 1;
    votes.max = 100;
    var categories = input('categories', 'text', a.categories.join(', '));
    var themes = input('themes', 'text', a.themes.join(', '));
    var groups = input('groups', 'text', a.groups.join(', '));
    var approval = el('input', 'form-check-input');
    approval.type = 'checkbox';
    approval.checked = a.requireApproval;
    keep(approval, 'set-approval');
    f.appendChild(field(t('ui.setName'), name));
    f.appendChild(field(t('ui.setDate'), date));
    f.appendChild(field(t('ui.setTime'), time));
    f.appendChild(field(t('ui.setPlace'), place));
    f.appendChild(field(t('ui.setContact'), contact));
    f.appendChild(field(t('ui.setVotes'), votes));
    f.appendChild(field(t('ui.setCategories'), categories));
    f.appendChild(field(t('ui.setThemes'), themes));
    f.appendChild(field(t('ui.setGroups'), groups));
    var check = el('div', 'form-check mb-2');
    approval.id = 'set-approval';
    check.appendChild(approval);
    var l = el('label', 'form-check-label small', t('ui.setApproval'));
    l.htmlFor = approval.id;
    check.appendChild(l);
    f.appendChild(check);
    var save = el('button', 'btn btn-primary btn-sm', t('ui.save'));
    save.type = 'submit';
    save.id = 'settings-save';
    f.appendChild(save);
    var list = function (v) { return v.split(',').map(function (x) { return x.trim(); }).filter(function (x) { return x; }); };
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { name: name.value, startsAt: time.value, place: place.value, contact: contact.value,
        votesPerParticipant: parseInt(votes.value, 10), requireApproval: approval.checked,
        categories: list(categories.value), themes: list(themes.value), groups: list(groups.value) };
      if (date.value) { body.heldOn = date.value; }
      act(api('PUT', '', body).then(function (r) { forget('set-'); return r; }));
    });
    d.appendChild(f);
    // the base map over the atelier's buurten into Veerkracht's own cache, before the day
    var tiles = el('div', 'mt-3 border-top pt-2');
    var fetchBtn = button(t('ui.prefetch'), 'btn btn-outline-secondary btn-sm', function () {
      this.disabled = true;
      prefetchResult = t('ui.prefetching');
      render();
      api('POST', '/tiles').then(function (r) {
        prefetchResult = t('ui.prefetched', { tiles: r.tiles, min: r.minZoom, max: r.maxZoom,
          mb: (r.bytes / 1048576).toFixed(1), fetched: r.fetched, cached: r.cached, failed: r.failed });
        render();
      }, function (e) { prefetchResult = e.message; render(); });
    });
    fetchBtn.id = 'prefetch-tiles';
    tiles.appendChild(fetchBtn);
    if (prefetchResult) {
      var res = el('p', 'small mb-0 mt-1', prefetchResult);
      res.id = 'prefetch-result';
      res.setAttribute('role', 'status');
      tiles.appendChild(res);
    }
    d.appendChild(tiles);
    return d;
  }
  /* When and where, in words: "dinsdag 20 januari 2027, om 19:30 uur · Buurthuis De Kern". */
  function when() {
    var a = state.atelier;
    var parts = [];
    if (a.heldOn) {
      var d = new Date(a.heldOn + 'T12:00:00');
      parts.push(d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }));
    }
    if (a.startsAt) { parts.push(t('ui.startsAt', { time: a.startsAt.substring(0, 5) })); }
    var out = parts.join(', ');
    if (a.place) { out += (out ? ' · ' : '') + a.place; }
    return out;
  }
  function measureEditForm(m) {
    var s = section(t('ui.editMeasure', { title: m.title }));
    var f = el('form');
    f.id = 'measure-edit-form';
    var title = el('input', 'form-control form-control-sm');
    title.name = 'title';
    title.maxLength = 200;
    title.required = true;
    title.value = m.title;
    keep(title, 'measureedit-title');
    var lever = select(['onderhoud', 'huurprijsbeleid', 'woonruimteverdeling', 'sociaal_beheer', 'fysiek', 'samenwerking', 'combinatie']
      .map(function (l) { return [l, label('lever', l)]; }), m.lever);
    keep(lever, 'measureedit-lever');
    var desc = el('textarea', 'form-control form-control-sm');
    desc.maxLength = 1000;
    desc.rows = 2;
    desc.value = m.description || '';
    keep(desc, 'measureedit-desc');
    f.appendChild(field(t('ui.measureTitle'), title));
    f.appendChild(field(t('ui.lever'), lever));
    f.appendChild(field(t('ui.description'), desc));
    var save = el('button', 'btn btn-primary btn-sm', t('ui.save'));
    save.type = 'submit';
    save.id = 'measure-save';
    f.appendChild(save);
    f.appendChild(button(t('ui.cancel'), 'btn btn-link btn-sm', function () { forget('measureedit-'); editingMeasure = null; render(); }));
    f.appendChild(deleteButton('measure-' + m.id, t('ui.confirmDeleteMeasure', { title: m.title }), function () {
      editingMeasure = null;
      forget('measureedit-');
      act(api('DELETE', '/measures/' + m.id));
    }));
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      forget('measureedit-');
      editingMeasure = null;
      act(api('PUT', '/measures/' + m.id, { title: title.value, lever: lever.value, description: desc.value }));
    });
    s.appendChild(f);
    return s;
  }
  function measureForm() {
    var editing = null;
    state.problemAreas.forEach(function (pa) { pa.measures.forEach(function (m) { if (m.id === editingMeasure) { editing = m; } }); });
    if (editing) { return measureEditForm(editing); }
    editingMeasure = null;
    var s = section(t('ui.newMeasure'));
    if (!state.problemAreas.length) { s.appendChild(el('p', 'small', t('ui.areaFirst'))); return s; }
    var f = el('form');
    f.id = 'measure-form';
    var area = select(state.problemAreas.map(function (p) { return [String(p.id), p.name]; }), String(state.problemAreas[state.problemAreas.length - 1].id));
    area.name = 'area';
    keep(area, 'measure-area');
    var title = el('input', 'form-control form-control-sm');
    title.name = 'title';
    title.maxLength = 200;
    title.required = true;
    keep(title, 'measure-title');
    var lever = select(['onderhoud', 'huurprijsbeleid', 'woonruimteverdeling', 'sociaal_beheer', 'fysiek', 'samenwerking', 'combinatie']
      .map(function (l) { return [l, label('lever', l)]; }), 'sociaal_beheer');
    lever.name = 'lever';
    keep(lever, 'measure-lever');
    var desc = el('textarea', 'form-control form-control-sm');
    desc.maxLength = 1000;
    desc.rows = 2;
    keep(desc, 'measure-desc');
    f.appendChild(field(t('ui.area'), area));
    f.appendChild(field(t('ui.measureTitle'), title));
    f.appendChild(field(t('ui.lever'), lever));
    f.appendChild(field(t('ui.description'), desc));
    var submit = el('button', 'btn btn-primary btn-sm', t('ui.addMeasure'));
    submit.type = 'submit';
    f.appendChild(submit);
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      forget('measure-title');
      forget('measure-desc');
      act(api('POST', '/measures', { problemAreaId: parseInt(area.value, 10), title: title.value, lever: lever.value, description: desc.value }));
    });
    s.appendChild(f);
    return s;
  }
  function participantsView() {
    var s = section(t('ui.participants', { n: state.participantCount }));
    var ul = el('ul', 'list-unstyled small mb-0');
    (state.participants || []).forEach(function (p) {
      var li = el('li');
      li.appendChild(document.createTextNode((p.displayName || t('ui.anonymous')) + (p.groupKind ? ' · ' + label('group', p.groupKind) : '') + ' '));
      if (p.displayName) {
        li.appendChild(button(t('ui.eraseName'), 'btn btn-link btn-sm p-0', function () {
          act(api('DELETE', '/participants/' + p.id + '/name'));
        }));
      }
      ul.appendChild(li);
    });
    s.appendChild(ul);
    return s;
  }
  function countsView() {
    var s = el('div', 'small vk-counts');
    var parts = [];
    Object.keys(state.counts.byCategory).forEach(function (k) { parts.push(label('category', k) + ': ' + state.counts.byCategory[k]); });
    s.textContent = parts.join(' · ');
    return s;
  }
  function nearHomeView() {
    if (!state.nearHome || !state.nearHome.length) { return null; }
    var s = el('div', 'small text-body-secondary mt-2');
    s.id = 'near-home';
    s.appendChild(el('div', null, t('ui.nearHome')));
    state.nearHome.forEach(function (n) {
      s.appendChild(el('div', null, (n.buurtName || n.buurtCode || '') + ': ' + label('category', n.category) + ' ' + n.count));
    });
    return s;
  }
  function myPins() {
    var mine = state.pins.filter(function (p) { return p.mine; });
    var s = section(t('ui.myPins', { n: mine.length }));
    if (!mine.length) { s.appendChild(el('p', 'small mb-0', t('ui.tapMap'))); return s; }
    var ul = el('ul', 'list-unstyled mb-0');
    mine.forEach(function (p) {
      var li = el('li', 'mb-2');
      li.dataset.pin = p.id;
      if (editing === p.id) { li.appendChild(pinForm(p)); ul.appendChild(li); return; }
      li.appendChild(el('strong', null, label('category', p.category) + (p.theme ? ' · ' + label('theme', p.theme) : '') + ' '));
      li.appendChild(el('span', 'vk-pin-text', p.text));
      if (p.status === 'PENDING') { li.appendChild(el('span', 'small fst-italic', ' (' + label('status', 'PENDING') + ')')); }
      var row = el('div');
      row.appendChild(button(t('ui.edit'), 'btn btn-link btn-sm p-0 me-3', function () { editing = p.id; render(); }));
      row.appendChild(button(t('ui.delete'), 'btn btn-link btn-sm p-0', function () { act(api('DELETE', '/pins/' + p.id)); }));
      li.appendChild(row);
      ul.appendChild(li);
    });
    s.appendChild(ul);
    return s;
  }

  /* ---------- render per mode and phase ---------- */
  /* A redraw between a finger's press and its release would swallow the tap: while a pointer is
     down the redraw waits, and comes at the release. */
  var pointerDown = false;
  var renderWaiting = false;
  document.addEventListener('pointerdown', function () { pointerDown = true; }, true);
  ['pointerup', 'pointercancel'].forEach(function (k) {
    document.addEventListener(k, function () {
      pointerDown = false;
      if (renderWaiting) { renderWaiting = false; setTimeout(render, 0); }
    }, true);
  });
  /* Only what changed is replaced: a redraw because someone else voted leaves the buttons under
     a finger where they are (the same element), so a tap is never lost to a redraw. An element
     that carries a listener (a button, a field, a form, a fold-out) is replaced whole or kept
     whole; a plain container is looked into. A button's action that reads a field outside its form
     looks the field up on the page (a kept button runs the newest action, made with the new,
     unshown copy of the field). */
  var WHOLE = /^(BUTTON|INPUT|SELECT|TEXTAREA|FORM|DETAILS|A|LABEL|OPTION)$/;
  function controls(n) {
    return n.matches && n.matches('input,select,textarea') ? [n] : n.querySelectorAll('input,select,textarea');
  }
  function same(x, y) {
    if (!x.isEqualNode(y)) { return false; }
    if (x.nodeType !== 1) { return true; }
    var xs = controls(x), ys = controls(y);
    for (var i = 0; i < xs.length; i++) {
      if (xs[i].value !== ys[i].value || xs[i].checked !== ys[i].checked) { return false; }
    }
    return true;
  }
  function adopt(x, y) {
    if (x.nodeType !== 1) { return; }
    var xs = x.matches('button') ? [x] : x.querySelectorAll('button');
    var ys = y.matches('button') ? [y] : y.querySelectorAll('button');
    for (var i = 0; i < xs.length; i++) { if (ys[i].vkClick) { xs[i].vkClick = ys[i].vkClick; } }
  }
  function sameAttributes(x, y) {
    if (x.attributes.length !== y.attributes.length) { return false; }
    for (var i = 0; i < x.attributes.length; i++) {
      if (y.getAttribute(x.attributes[i].name) !== x.attributes[i].value) { return false; }
    }
    return true;
  }
  function morph(live, drawn) {
    var xs = Array.prototype.slice.call(live.childNodes);
    var ys = Array.prototype.slice.call(drawn.childNodes);
    if (xs.length !== ys.length) {
      live.textContent = '';
      ys.forEach(function (y) { live.appendChild(y); });
      return;
    }
    for (var i = 0; i < ys.length; i++) {
      var x = xs[i], y = ys[i];
      if (x.nodeType === 1 && y.nodeType === 1 && x.dataset.slot && x.dataset.slot === y.dataset.slot) { continue; }
      if (same(x, y)) { adopt(x, y); continue; }
      if (x.nodeType === 3 && y.nodeType === 3) { x.data = y.data; continue; }
      if (x.nodeType === 1 && x.nodeName === y.nodeName && !WHOLE.test(x.nodeName) && sameAttributes(x, y)) {
        morph(x, y);
      } else {
        live.replaceChild(y, x);
      }
    }
  }
  function render() {
    if (!state) { return; }
    if (pointerDown) {
      // a press that never ends (a drag out of the window) holds nothing up for long
      if (!renderWaiting) { setTimeout(function () { if (renderWaiting) { pointerDown = false; renderWaiting = false; render(); } }, 1500); }
      renderWaiting = true;
      return;
    }
    var phase = state.atelier.phase;
    phaseBadge.textContent = label('phase', phase);
    document.title = state.atelier.name + ' · ' + label('phase', phase);
    var nameEl = document.getElementById('atelier-name');
    if (nameEl && nameEl.textContent !== state.atelier.name) { nameEl.textContent = state.atelier.name; }
    var whenEl = document.getElementById('atelier-when');
    if (whenEl) { whenEl.textContent = when(); }
    var active = document.activeElement;
    var focusKey = active && active.dataset ? active.dataset.keep : null;
    var selection = focusKey && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
    var joinBox = document.getElementById('join-box');
    if (joinBox && mode === 'screen') { joinBox.hidden = phase !== 'PREPARING'; }
    // the new view is drawn aside, then only what changed replaces what is shown
    var live = body;
    body = document.createElement('div');
    try {
      if (mode === 'phone') { renderPhone(phase); } else if (mode === 'console') { renderConsole(phase); } else { renderScreen(phase); }
    } finally {
      var drawn = body;
      body = live;
      morph(live, drawn);
    }
    fillSlots();
    if (focusKey && !(active && active.isConnected)) {
      var again = body.querySelector('[data-keep="' + focusKey + '"]');
      if (again && again.disabled) {
        // a button that cannot be pressed any more: its neighbour that can
        again = again.parentNode.querySelector('button:not([disabled])') || again;
      }
      if (again) {
        again.focus();
        if (selection && again.setSelectionRange) { again.setSelectionRange(selection[0], selection[1]); }
      }
    }
  }

  function renderPhone(phase) {
    if (phase === 'PREPARING') {
      body.appendChild(el('p', 'lead', t('ui.wait')));
    } else if (phase === 'READING') {
      body.appendChild(el('p', null, t('ui.readingIntro')));
      state.cards.forEach(function (c) { body.appendChild(cardView(c, true)); });
    } else if (phase === 'PINNING') {
      body.appendChild(el('p', 'mb-2', t('ui.pinningIntro')));
      var mapBox = el('div', 'mb-2');
      body.appendChild(mapBox);
      ensureMap(mapBox, '55vh');
      if (draft) { body.appendChild(pinForm(null)); }
      body.appendChild(pinWithoutMap());
      var nh = nearHomeView();
      if (nh) { body.appendChild(nh); }
      body.appendChild(myPins());
      body.appendChild(roomPins());
    } else if (phase === 'PRIORITISING') {
      body.appendChild(el('p', null, t('ui.votingIntro', { n: state.atelier.votesPerParticipant })));
      body.appendChild(rankingView(true));
    } else {
      body.appendChild(el('p', 'lead', t('ui.closed')));
      body.appendChild(rankingView(false));
    }
    // the right of access: everything this atelier holds about me, as a file
    var mine = el('a', 'small d-inline-block mt-3', t('ui.myData'));
    mine.href = '/api/ateliers/' + id + '/me';
    mine.id = 'my-data';
    mine.setAttribute('download', '');
    body.appendChild(mine);
  }

  function renderConsole(phase) {
    var grid = el('div', 'row g-3');
    var left = el('div', 'col-lg-7');
    var right = el('div', 'col-lg-5');
    grid.appendChild(left);
    grid.appendChild(right);
    body.appendChild(grid);
    left.appendChild(phaseButtons());
    var mapSection = section(t('ui.map'));
    left.appendChild(mapSection);
    if (drawing) { mapSection.appendChild(drawingBar()); }
    // the map fills what the laptop's screen has left under the phases (1366×768: no scrolling)
    ensureMap(mapSection, 'max(300px, calc(100vh - 390px))');
    mapSection.appendChild(countsView());
    if (draft) { left.appendChild(pinForm(null)); }
    left.appendChild(pinTable());
    var cards = section(t('ui.cards'));
    state.cards.forEach(function (c) { cards.appendChild(cardView(c, false)); });
    left.appendChild(cards);
    // the join box (QR code, link, code) beside the map, not above it: at 1366×768 the map shows
    // without scrolling
    consoleJoinBox = consoleJoinBox || document.getElementById('join-box');
    if (consoleJoinBox) { right.appendChild(slot('join')); }
    if (state.me.moderator) { right.appendChild(settingsForm()); }
    right.appendChild(participantsView());
    var ranking = section(t('ui.ranking'));
    ranking.appendChild(rankingView(false));
    right.appendChild(ranking);
    right.appendChild(problemAreaForm());
    right.appendChild(measureForm());
  }

  // Presenter mode: what the room sees on the projector, large, one thing at a time.
  function renderScreen(phase) {
    var corner = document.getElementById('corner-code');
    if (corner) { corner.hidden = phase === 'PREPARING' || phase === 'CLOSED'; }
    if (phase === 'PREPARING') {
      body.appendChild(el('p', 'vk-present-lead text-center', t('ui.screenWelcome', { n: state.participantCount })));
    } else if (phase === 'READING') {
      if (state.cards.length) { body.appendChild(presentedCard()); }
    } else if (phase === 'PINNING') {
      var box = el('div');
      body.appendChild(box);
      ensureMap(box, 'calc(100vh - 8rem)');
    } else {
      body.appendChild(rankingView(false));
    }
  }
  function presentedIndex() {
    return Math.max(0, Math.min(state.atelier.presentedCard || 0, state.cards.length - 1));
  }
  function presentedCard() {
    var i = presentedIndex();
    var c = state.cards[i];
    var s = el('article', 'vk-present-card');
    s.dataset.card = c.id;
    s.appendChild(el('div', 'vk-present-progress', t('ui.cardOf', { n: i + 1, total: state.cards.length })));
    s.appendChild(el('h2', 'vk-present-title', tx(c.title)));
    s.appendChild(el('p', 'vk-present-meaning', tx(c.meaning)));
    var row = el('div', 'vk-present-values');
    c.values.forEach(function (v) {
      var d = el('div', 'vk-present-value');
      d.appendChild(el('div', 'vk-present-figure', v.value ? tx(v.value) : t('card.unknown')));
      d.appendChild(el('div', 'vk-present-area', v.name + (v.year ? ' (' + v.year + ')' : '')));
      row.appendChild(d);
    });
    s.appendChild(row);
    if (c.gemeente) {
      s.appendChild(el('p', 'vk-present-compare', c.gemeente.value
        ? t('ui.compare', { name: c.gemeente.name }) + ' ' + tx(c.gemeente.value) + (c.gemeente.year ? ' (' + c.gemeente.year + ')' : '')
        : t('ui.noComparison')));
    }
    var a = answersOf(c.id);
    if (a && a.revealed === false) {
      var blind = el('p', 'vk-tally-hidden', t('ui.tallyHidden'));
      blind.dataset.tallyHidden = c.id;
      s.appendChild(blind);
    } else if (a) {
      var tally = el('p', 'vk-tally vk-present-tally');
      tally.dataset.tally = c.id;
      tally.textContent = t('ui.tally', { yes: a.counts.RECOGNISED, no: a.counts.NOT_RECOGNISED, unknown: a.counts.DONT_KNOW });
      s.appendChild(tally);
    }
    if (c.source) { s.appendChild(el('div', 'vk-present-source', c.source)); }
    return s;
  }
  // the facilitator moves the projector on: buttons on the console, arrow keys and a clicker's
  // PageUp/PageDown on the console and the projector
  function presentAt(i) {
    if (!state || !state.cards.length) { return; }
    var n = Math.max(0, Math.min(i, state.cards.length - 1));
    if (n !== presentedIndex()) { act(api('POST', '/present', { card: n })); }
  }
  function presenterControls() {
    var row = el('div', 'd-flex flex-wrap align-items-center gap-2 mt-2 vk-presenter');
    var i = presentedIndex();
    var prev = button(t('ui.previousCard'), 'btn btn-outline-primary btn-sm', function () { presentAt(i - 1); });
    prev.id = 'present-previous';
    prev.disabled = i === 0;
    var next = button(t('ui.nextCard'), 'btn btn-primary btn-sm', function () { presentAt(i + 1); });
    next.id = 'present-next';
    next.disabled = i >= state.cards.length - 1;
    row.appendChild(prev);
    row.appendChild(next);
    var now = el('span', 'small', t('ui.onScreen', { n: i + 1, total: state.cards.length, title: tx(state.cards[i].title) }));
    now.id = 'present-now';
    now.setAttribute('aria-live', 'polite');
    row.appendChild(now);
    return row;
  }
  if (mode === 'screen' || mode === 'console') {
    document.addEventListener('keydown', function (e) {
      var tag = e.target && e.target.tagName;
      if (!state || state.atelier.phase !== 'READING' || !state.me.moderator && mode === 'console') { return; }
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.altKey || e.ctrlKey || e.metaKey) { return; }
      if (e.key === 'ArrowRight' || e.key === 'PageDown') { e.preventDefault(); presentAt(presentedIndex() + 1); }
      if (e.key === 'ArrowLeft' || e.key === 'PageUp') { e.preventDefault(); presentAt(presentedIndex() - 1); }
    });
  }

  /* ---------- start ---------- */
  fetch('/atelier/texts.json?lang=' + lang, { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (texts) { T = texts; return load(); })
    .then(function () { flushPending(); });
  window.addEventListener('online', flushPending);
})();
