/* Pins: placing one on the map or from a list of buurten, changing one's own, the room's pins
   as a list. */
import { S, act, api, button, el, field, forget, keep, label, mode, placePin, section, select, t } from './core.js';
import { buurtName } from './map.js';
import { render } from './render.js';

export function onMapClick(latlng) {
  if (!S.state) { return; }
  if (S.drawing && mode === 'console') {
    S.drawing.push(latlng);
    render();
    return;
  }
  var canPin = (S.state.me.role === 'participant' && S.state.atelier.phase === 'PINNING') ||
    (mode === 'console' && S.state.me.moderator && S.state.atelier.phase !== 'CLOSED');
  if (!canPin) { return; }
  S.draft = { lat: latlng.lat, lon: latlng.lng };
  render();
  var form = document.getElementById('pin-form');
  if (form) { form.scrollIntoView({ block: 'nearest' }); var f = form.querySelector('select'); if (f) { f.focus(); } }
}

export function pinForm(existing) {
  var f = el('form', 'vk-panel mb-3');
  f.id = existing ? 'pin-edit-' + existing.id : 'pin-form';
  f.appendChild(el('h2', 'h6', existing ? t('ui.editPin') : t('ui.newPin')));
  var cat = select(S.state.atelier.categories.map(function (c) { return [c, label('category', c)]; }),
    existing ? existing.category : S.state.atelier.categories[0]);
  cat.name = 'category';
  var prefix = existing ? 'pin-' + existing.id + '-' : 'pin-new-';
  keep(cat, prefix + 'category');
  var theme = select([['', t('ui.noTheme')]].concat(S.state.atelier.themes.map(function (c) { return [c, label('theme', c)]; })),
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
  row.appendChild(button(t('ui.cancel'), 'btn btn-link btn-sm', function () { forget(prefix); S.draft = null; editing = null; render(); }));
  f.appendChild(row);
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    var data = { category: cat.value, theme: theme.value || null, text: text.value };
    forget(prefix);
    if (existing) {
      editing = null;
      act(api('PUT', '/pins/' + existing.id, data));
    } else {
      data.lat = S.draft.lat;
      data.lon = S.draft.lon;
      S.draft = null;
      placePin(data);
      render();
    }
  });
  return f;
}
let editing = null;
/* Pinning without the map (keyboard, screen reader): choose a buurt by name; the pin stands in
   the middle of it. */
export function pinWithoutMap() {
  var s = section(t('ui.pinByList'));
  s.id = 'pin-by-list';
  var features = S.outlines ? S.outlines.features : [];
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
    S.draft = { lat: at[1], lon: at[0] };
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
export function roomPins() {
  var others = S.state.pins.filter(function (p) { return !p.mine && p.status === 'VISIBLE'; });
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
let roomPinsOpen = false;

export function myPins() {
  var mine = S.state.pins.filter(function (p) { return p.mine; });
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
