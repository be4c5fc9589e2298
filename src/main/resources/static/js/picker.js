/*
 * Pick, don't type: an input with data-picker holds CBS area codes or complex codes (comma
 * separated when data-multiple is set), but people choose by name — search as you type (buurten,
 * wijken, gemeenten from /api/search; the corporation's complexes from data-complexes) or, with
 * data-picker-map, by clicking a buurt on a small map. The input itself becomes hidden and keeps
 * the codes the form sends; the chosen ones show as names with their code as secondary detail.
 */
(function () {
  'use strict';
  var T = {};
  var lang = document.documentElement.lang === 'en' ? 'en' : 'nl';

  function t(key, args) {
    var s = T['atelier.picker.' + key] || key;
    return s.replace(/\{(\w+)\}/g, function (m, n) { return args && args[n] !== undefined ? String(args[n]) : m; });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function levelName(level) { return t('level.' + level); }
  function gemeenteOf(code) {
    if (/^GM\d{4}$/.test(code)) { return code; }
    if (/^WK\d{6}$/.test(code) || /^BU\d{8}$/.test(code)) { return 'GM' + code.substring(2, 6); }
    return null;
  }

  function Picker(input, n) {
    var multiple = input.dataset.multiple === 'true';
    var kinds = (input.dataset.picker || 'areas').split(',');
    var complexesUrl = input.dataset.complexes;
    var chosen = []; // {code, name, detail}
    var complexes = null;
    var options = [];
    var active = -1;
    var timer = null;

    var box = el('div', 'vk-picker');
    input.parentNode.insertBefore(box, input.nextSibling);
    input.type = 'hidden';
    var required = input.required;
    input.required = false;
    var chips = el('ul', 'vk-chips list-unstyled d-flex flex-wrap gap-1 mb-1');
    chips.setAttribute('aria-live', 'polite');
    var search = el('input', input.className || 'form-control');
    search.type = 'search';
    search.id = input.id ? input.id + '-search' : 'picker-' + n;
    search.autocomplete = 'off';
    search.setAttribute('role', 'combobox');
    search.setAttribute('aria-autocomplete', 'list');
    search.setAttribute('aria-expanded', 'false');
    search.placeholder = t(kinds.indexOf('complexes') >= 0 && kinds.indexOf('areas') < 0 ? 'placeholderComplex' : 'placeholder');
    var list = el('ul', 'vk-picker-list list-unstyled');
    list.id = search.id + '-list';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    search.setAttribute('aria-controls', list.id);
    // the visible field takes over the label of the hidden one
    if (input.id) {
      var label = document.querySelector('label[for="' + input.id + '"]');
      if (label) { label.htmlFor = search.id; }
      if (input.getAttribute('aria-describedby')) { search.setAttribute('aria-describedby', input.getAttribute('aria-describedby')); }
      if (input.getAttribute('aria-label')) { search.setAttribute('aria-label', input.getAttribute('aria-label')); }
    }
    var status = el('div', 'small text-body-secondary vk-picker-status');
    status.setAttribute('role', 'status');
    box.appendChild(chips);
    box.appendChild(search);
    box.appendChild(list);
    box.appendChild(status);

    function sync() {
      input.value = chosen.map(function (c) { return c.code; }).join(multiple ? ', ' : '');
      chips.textContent = '';
      chosen.forEach(function (c) {
        var li = el('li', 'vk-chip');
        li.dataset.code = c.code;
        li.appendChild(el('span', null, c.name));
        li.appendChild(el('small', 'text-body-secondary ms-1', (c.detail ? c.detail + ' · ' : '') + c.code));
        var x = el('button', 'btn btn-link btn-sm p-0 ms-1', '×');
        x.type = 'button';
        x.setAttribute('aria-label', t('remove', { name: c.name }));
        x.addEventListener('click', function () { remove(c.code); search.focus(); });
        li.appendChild(x);
        chips.appendChild(li);
      });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      if (mapPart) { mapPart.refresh(); }
    }
    function has(code) { return chosen.some(function (c) { return c.code === code; }); }
    function add(o) {
      if (has(o.code)) { return; }
      if (!multiple) { chosen = []; }
      chosen.push({ code: o.code, name: o.name, detail: o.detail });
      sync();
      status.textContent = t('added', { name: o.name });
    }
    function remove(code) {
      chosen = chosen.filter(function (c) { return c.code !== code; });
      sync();
    }
    function close() {
      list.hidden = true;
      list.textContent = '';
      search.setAttribute('aria-expanded', 'false');
      search.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function show(found) {
      options = found.slice(0, 12);
      list.textContent = '';
      active = -1;
      if (!options.length) {
        close();
        status.textContent = search.value.trim().length >= 2 ? t('none', { q: search.value.trim() }) : '';
        return;
      }
      options.forEach(function (o, i) {
        var li = el('li', 'vk-picker-option');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.dataset.code = o.code;
        li.appendChild(el('span', null, o.name));
        li.appendChild(el('small', 'text-body-secondary ms-1', (o.detail ? o.detail + ' · ' : '') + o.code));
        li.addEventListener('mousedown', function (e) { e.preventDefault(); });
        li.addEventListener('click', function () { add(o); search.value = ''; close(); search.focus(); });
        list.appendChild(li);
      });
      list.hidden = false;
      search.setAttribute('aria-expanded', 'true');
      status.textContent = t('found', { n: options.length });
    }
    function highlight(i) {
      var items = list.querySelectorAll('[role=option]');
      items.forEach(function (it, k) { it.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
      active = i;
      if (items[i]) { search.setAttribute('aria-activedescendant', items[i].id); items[i].scrollIntoView({ block: 'nearest' }); }
    }
    function loadComplexes() {
      if (!complexesUrl || complexes) { return Promise.resolve(complexes || []); }
      return fetch(complexesUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) {
          complexes = list.map(function (c) { return { code: c.code, name: c.name || c.code, detail: t('complex', { units: c.units }) }; });
          return complexes;
        }, function () { complexes = []; return complexes; });
    }
    function query(q) {
      var wantAreas = kinds.indexOf('areas') >= 0;
      var wantComplexes = kinds.indexOf('complexes') >= 0;
      var lower = q.toLowerCase();
      var fromComplexes = wantComplexes ? loadComplexes().then(function (cs) {
        return cs.filter(function (c) { return c.name.toLowerCase().indexOf(lower) >= 0 || c.code.toLowerCase().indexOf(lower) === 0; });
      }) : Promise.resolve([]);
      var fromAreas = wantAreas ? fetch('/api/search?q=' + encodeURIComponent(q), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (hits) {
          return hits.map(function (h) {
            return { code: h.code, name: h.name, detail: levelName(h.level) + (h.gemeente && h.level !== 'gemeente' ? ' ' + t('in', { gemeente: h.gemeente }) : '') };
          });
        }, function () { return []; }) : Promise.resolve([]);
      return Promise.all([fromComplexes, fromAreas]).then(function (r) { return r[0].concat(r[1]); });
    }
    search.addEventListener('input', function () {
      clearTimeout(timer);
      var q = search.value.trim();
      if (q.length < 2) { close(); status.textContent = ''; return; }
      timer = setTimeout(function () {
        query(q).then(function (found) { if (search.value.trim() === q) { show(found); } });
      }, 150);
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && options.length) { e.preventDefault(); highlight(Math.min(options.length - 1, active + 1)); }
      else if (e.key === 'ArrowUp' && options.length) { e.preventDefault(); highlight(Math.max(0, active - 1)); }
      else if (e.key === 'Enter') {
        if (!list.hidden && options.length) {
          e.preventDefault();
          add(options[active >= 0 ? active : 0]);
          search.value = '';
          close();
        }
      } else if (e.key === 'Escape') { close(); }
      else if (e.key === 'Backspace' && !search.value && chosen.length) { remove(chosen[chosen.length - 1].code); }
    });
    search.addEventListener('blur', function () { setTimeout(close, 150); });
    if (input.form) {
      input.form.addEventListener('submit', function (e) {
        if (required && !chosen.length) {
          e.preventDefault();
          status.textContent = t('required');
          search.focus();
        }
      });
    }

    // what the input held already (a form shown again, a link from a plan): names looked up
    var initial = (input.value || '').split(',').map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    initial.forEach(function (code) { chosen.push({ code: code, name: code, detail: '' }); });
    sync();
    initial.forEach(function (code) {
      query(code).then(function (found) {
        var hit = found.filter(function (o) { return o.code.toUpperCase() === code.toUpperCase(); })[0];
        if (hit) {
          chosen.forEach(function (c) { if (c.code === code) { c.name = hit.name; c.detail = hit.detail; c.code = hit.code; } });
          sync();
        }
      });
    });

    // clicking buurten on a map: the gemeente of the first area chosen, or data-picker-map
    var mapPart = null;
    if (input.dataset.pickerMap !== undefined && window.L) {
      mapPart = buurtMap(box, input.dataset.pickerMap, function () { return chosen; }, function (code, name, detail) {
        if (has(code)) { remove(code); } else { add({ code: code, name: name, detail: detail }); }
      });
      mapPart.refresh();
    }
  }

  function buurtMap(box, fallbackGemeente, chosen, toggle) {
    var wrap = el('div', 'vk-picker-map-wrap mt-2');
    var hint = el('div', 'small text-body-secondary mb-1', t('mapHint'));
    var mapEl = el('div', 'vk-picker-map');
    mapEl.id = 'picker-map-' + Math.random().toString(36).slice(2, 8);
    mapEl.setAttribute('aria-label', t('mapLabel'));
    wrap.appendChild(hint);
    wrap.appendChild(mapEl);
    box.appendChild(wrap);
    var map = null;
    var layer = null;
    var loaded = null;
    function style(f) {
      var on = chosen().some(function (c) { return c.code === f.properties.code; });
      return { color: '#1f4e79', weight: on ? 3 : 1, fillColor: on ? '#1f4e79' : '#ffffff', fillOpacity: on ? 0.45 : 0.15 };
    }
    function load(gm) {
      if (loaded === gm) { if (layer) { layer.setStyle(style); } return; }
      loaded = gm;
      if (!map) {
        map = L.map(mapEl, { zoomSnap: 0.25 }).setView([52.2, 5.3], 8);
        map.attributionControl.setPrefix(false);
        L.tileLayer('/tiles/{z}/{x}/{y}.png', { maxZoom: 19, attribution: (lang === 'en' ? 'Base map' : 'Achtergrond') + ': Kadaster / PDOK' }).addTo(map);
      }
      fetch('/api/map/buurt.geojson?within=' + encodeURIComponent(gm) + '&detail=overview', { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (g) {
          if (!g) { return; }
          if (layer) { map.removeLayer(layer); }
          layer = L.geoJSON(g, { style: style })
            .bindTooltip(function (l) { return el('span', null, l.feature.properties.name); })
            .on('click', function (e) {
              var p = e.layer.feature.properties;
              toggle(p.code, p.name, levelName('buurt'));
            })
            .addTo(map);
          mapEl.dataset.buurten = String(layer.getLayers().length);
          if (layer.getLayers().length) { map.fitBounds(layer.getBounds(), { padding: [5, 5] }); }
        });
    }
    return {
      refresh: function () {
        var first = chosen().map(function (c) { return gemeenteOf(c.code); }).filter(function (g) { return g; })[0];
        var gm = first || fallbackGemeente || null;
        wrap.hidden = !gm;
        if (gm) { load(gm); setTimeout(function () { if (map) { map.invalidateSize(); } }, 0); }
        if (layer) { layer.setStyle(style); }
      }
    };
  }

  fetch('/atelier/texts.json?lang=' + lang, { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : {}; }, function () { return {}; })
    .then(function (texts) {
      T = texts || {};
      Array.prototype.forEach.call(document.querySelectorAll('input[data-picker]'), function (input, n) { Picker(input, n); });
    });
})();
