/* The facilitator's console: phases, the pin table with moderation, problem areas drawn on the
   map, the atelier's settings, participants. */
import { S, act, api, button, el, field, forget, id, keep, label, section, select, t } from './core.js';
import { buurtName } from './map.js';
import { presenterControls } from './cards.js';
import { render } from './render.js';

let confirming = null;
let settingsOpen = false;
let prefetchResult = null;
/* ---------- console parts ---------- */
export function phaseButtons() {
  var s = section(t('ui.phases'));
  var row = el('div', 'd-flex flex-wrap gap-2');
  ['PREPARING', 'READING', 'PINNING', 'PRIORITISING', 'CLOSED'].forEach(function (p) {
    var b = button(label('phase', p), 'btn btn-sm ' + (S.state.atelier.phase === p ? 'btn-primary' : 'btn-outline-primary'), function () {
      act(api('POST', '/phase', { phase: p }));
    });
    b.dataset.phase = p;
    b.setAttribute('aria-pressed', S.state.atelier.phase === p ? 'true' : 'false');
    row.appendChild(b);
  });
  s.appendChild(row);
  if (S.state.atelier.phase === 'READING' && S.state.cards.length) { s.appendChild(presenterControls()); }
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
export function pinTable() {
  var s = section(t('ui.pins', { n: S.state.pins.length }));
  if (!S.state.pins.length) { s.appendChild(el('p', 'small', t('ui.noPins'))); return s; }
  var table = el('table', 'table table-sm align-middle mb-0');
  table.id = 'pin-table';
  var head = el('tr');
  [t('ui.category'), t('ui.text'), 'buurt', t('ui.by'), t('ui.status'), ''].forEach(function (h) { var th = el('th', null, h); th.scope = 'col'; head.appendChild(th); });
  var thead = el('thead');
  thead.appendChild(head);
  table.appendChild(thead);
  var tb = el('tbody');
  S.state.pins.forEach(function (p) {
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
    var others = S.state.pins.filter(function (o) { return o.id !== p.id && o.status === 'VISIBLE'; });
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
export function problemAreaForm() {
  var pa = S.editingArea === null ? null : S.state.problemAreas.filter(function (x) { return x.id === S.editingArea; })[0];
  if (S.editingArea !== null && !pa) { S.editingArea = null; }
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
  var features = S.outlines ? S.outlines.features : [];
  f.appendChild(checkboxes(t('ui.pickBuurten'), 'buurt', true, features.map(function (ft) {
    return [ft.properties.code, ft.properties.name];
  }), pa ? pa.buurtCodes : null, prefix));
  f.appendChild(checkboxes(t('ui.pickPins'), 'pin', false, S.state.pins
    .filter(function (p) { return p.status === 'VISIBLE'; })
    .map(function (p) { return [String(p.id), '#' + p.id + ' ' + label('category', p.category) + ': ' + (p.text || '')]; }),
    pa ? pa.pinIds.map(String) : null, prefix));
  var complexes = S.state.atelier.complexCodes || [];
  if (complexes.length) {
    f.appendChild(checkboxes(t('ui.pickComplexes'), 'complex', true,
      complexes.map(function (code) { return [code, code]; }), pa ? pa.complexCodes : null, prefix));
  }
  // drawing: clicks on the map add points while this is on
  var drawBox = el('div', 'mb-2 d-flex flex-wrap align-items-center gap-2');
  var drawBtn = el('button', 'btn btn-outline-secondary btn-sm', S.drawing ? t('ui.drawStop') : (pa ? t('ui.redrawArea') : t('ui.drawArea')));
  drawBtn.type = 'button';
  drawBtn.id = 'area-draw';
  drawBtn.setAttribute('aria-pressed', S.drawing ? 'true' : 'false');
  drawBtn.addEventListener('click', function () {
    S.drawing = S.drawing ? null : [];
    render();
    // the map is where the next clicks go: bring it into view
    if (S.drawing && S.mapEl) { S.mapEl.scrollIntoView({ block: 'center', behavior: 'instant' }); }
  });
  drawBox.appendChild(drawBtn);
  if (S.drawing) {
    var clear = el('button', 'btn btn-link btn-sm', t('ui.drawClear'));
    clear.type = 'button';
    clear.addEventListener('click', function () { S.drawing = []; render(); });
    drawBox.appendChild(clear);
    drawBox.appendChild(el('span', 'small', t('ui.drawPoints', { n: S.drawing.length })));
  }
  f.appendChild(drawBox);
  var submit = el('button', 'btn btn-primary btn-sm', pa ? t('ui.save') : t('ui.addArea'));
  submit.type = 'submit';
  submit.id = pa ? 'area-save' : 'area-add';
  f.appendChild(submit);
  if (pa) {
    f.appendChild(button(t('ui.cancel'), 'btn btn-link btn-sm', function () { forget(prefix); S.drawing = null; S.editingArea = null; render(); }));
    f.appendChild(deleteButton('area-' + pa.id, t('ui.confirmDeleteArea', { name: pa.name }), function () {
      S.editingArea = null;
      forget(prefix);
      act(api('DELETE', '/problem-areas/' + pa.id));
    }));
  }
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    var picked = function (n) { return Array.prototype.map.call(f.querySelectorAll('input[name=' + n + ']:checked'), function (x) { return x.value; }); };
    forget(prefix);
    var outline = S.drawing && S.drawing.length >= 3 ? S.drawing.map(function (p) { return [p.lng, p.lat]; }) : null;
    S.drawing = null;
    if (pa) {
      S.editingArea = null;
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
export function drawingBar() {
  var bar = el('div', 'vk-drawing-bar d-flex flex-wrap align-items-center gap-2 mb-2');
  bar.id = 'drawing-bar';
  var n = el('strong', 'small', t('ui.drawPoints', { n: S.drawing.length }));
  n.id = 'area-draw-count';
  n.setAttribute('aria-live', 'polite');
  bar.appendChild(n);
  var undo = button(t('ui.drawUndo'), 'btn btn-outline-secondary btn-sm', function () { S.drawing.pop(); render(); });
  undo.id = 'area-draw-undo';
  undo.disabled = !S.drawing.length;
  bar.appendChild(undo);
  var done = button(t('ui.drawDone'), 'btn btn-primary btn-sm', function () {
    var save = document.getElementById('area-save') || document.getElementById('area-add');
    if (save) { save.scrollIntoView({ block: 'center' }); save.focus(); }
  });
  done.id = 'area-draw-done';
  done.disabled = S.drawing.length < 3;
  bar.appendChild(done);
  return bar;
}
/* A delete button that asks once more, in place: the second click deletes. */
export function deleteButton(key, question, onConfirm) {
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
export function settingsForm() {
  var d = el('details', 'vk-panel mb-3');
  d.id = 'settings-panel';
  d.open = settingsOpen;
  d.addEventListener('toggle', function () { settingsOpen = d.open; });
  d.appendChild(el('summary', 'h5 mb-2', t('ui.settings')));
  var f = el('form');
  f.id = 'settings-form';
  var a = S.state.atelier;
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
    var changes = { name: name.value, startsAt: time.value, place: place.value, contact: contact.value,
      votesPerParticipant: parseInt(votes.value, 10), requireApproval: approval.checked,
      categories: list(categories.value), themes: list(themes.value), groups: list(groups.value) };
    if (date.value) { changes.heldOn = date.value; }
    act(api('PUT', '', changes).then(function (r) { forget('set-'); return r; }));
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
export function participantsView() {
  var s = section(t('ui.participants', { n: S.state.participantCount }));
  var ul = el('ul', 'list-unstyled small mb-0');
  (S.state.participants || []).forEach(function (p) {
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
export function countsView() {
  var s = el('div', 'small vk-counts');
  var parts = [];
  Object.keys(S.state.counts.byCategory).forEach(function (k) { parts.push(label('category', k) + ': ' + S.state.counts.byCategory[k]); });
  s.textContent = parts.join(' · ');
  return s;
}
