/* The atelier's core: texts, DOM helpers that write text only (every text a participant typed
   stays text), the API, the live connection (the state is read again when a Server-Sent Event says
   something changed) and the pins that wait in localStorage until the server has them: a phone
   that loses its connection sends them again with the same client id, and the server stores each
   once. */
import { listenForClicker } from './cards.js';
import { render, watchPointer } from './render.js';

const root = document.getElementById('atelier');
const data = root ? root.dataset : {};
export const id = data.id;
export const mode = data.mode;
export const lang = data.lang === 'en' ? 'en' : 'nl';
/* What the parts of the page share and change: the atelier as the server last sent it, the view
   being drawn (render draws it aside, then keeps what did not change), the map's element and the
   buurten's outlines, and what the facilitator is doing. */
export const S = {
  state: null,
  body: document.getElementById('atelier-body'),
  mapEl: null,
  outlines: null,
  consoleJoinBox: null,
  draft: null, // a pin being placed, before its form is sent
  drawing: null, // the points of a problem area being drawn on the console's map
  editingArea: null // the problem area the facilitator is changing
};
const liveEl = document.getElementById('atelier-live');
const messageEl = document.getElementById('atelier-message');
let T = {};
let reloadTimer = null;
let source = null;
const PENDING_KEY = 'vk-atelier-pending-' + id;

/* ---------- texts ---------- */
export function t(key, args) {
  var s = T['atelier.' + key];
  if (s === undefined) { return key; }
  return s.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, function (m, n, one, other) {
    var v = args ? args[n] : undefined;
    if (one !== undefined) { return v === 1 ? one : other; }
    return v === undefined ? m : String(v);
  });
}
export function tx(text) { return text ? (lang === 'en' ? text.en : text.nl) : ''; }
export function label(prefix, key) {
  var s = T['atelier.' + prefix + '.' + key];
  return s === undefined ? key : s;
}

/* ---------- DOM helpers: text only ---------- */
export function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) { e.className = cls; }
  if (text !== undefined && text !== null) { e.textContent = String(text); }
  return e;
}
export function button(text, cls, onClick) {
  var b = el('button', cls || 'btn btn-outline-primary btn-sm', text);
  b.type = 'button';
  // what a click does is looked up when it happens: a redraw that keeps this button (nothing
  // about it changed) hands it the newest action, made from the newest state
  b.vkClick = onClick;
  b.addEventListener('click', function (e) { b.vkClick.call(b, e); });
  return b;
}
export function section(title) {
  var s = el('section', 'vk-panel mb-3');
  if (title) { s.appendChild(el('h2', 'h5', title)); }
  return s;
}
export function field(labelText, input) {
  var wrap = el('div', 'mb-2');
  var idAttr = 'f' + Math.random().toString(36).slice(2, 9);
  input.id = idAttr;
  var l = el('label', 'form-label small mb-0', labelText);
  l.htmlFor = idAttr;
  wrap.appendChild(l);
  wrap.appendChild(input);
  return wrap;
}
export function select(options, value) {
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
const kept = {};
export function keep(input, key) {
  input.dataset.keep = key;
  if (Object.prototype.hasOwnProperty.call(kept, key)) {
    if (input.type === 'checkbox') { input.checked = kept[key]; } else { input.value = kept[key]; }
  }
  var save = function () { kept[key] = input.type === 'checkbox' ? input.checked : input.value; };
  input.addEventListener('input', save);
  input.addEventListener('change', save);
  return input;
}
export function forget(prefix) {
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
export function api(method, path, data) {
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
export function act(promise) {
  return promise.then(function (x) { showMessage(''); scheduleReload(0); return x; },
    function (e) { showMessage(e.message); scheduleReload(0); });
}

/* ---------- live ---------- */
function load() {
  return api('GET', mode === 'screen' ? '?view=screen' : '').then(function (s) {
    S.state = s;
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
export function pending() {
  try { return JSON.parse(localStorage.getItem(PENDING_KEY) || '[]'); } catch (e) { return []; }
}
function savePending(list) {
  try { localStorage.setItem(PENDING_KEY, JSON.stringify(list)); } catch (e) { /* private mode */ }
}
function newClientId() {
  if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
  return 'c' + Date.now().toString(36) + Math.random().toString(36).slice(2);
}
let flushing = false;
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
export function placePin(data) {
  data.clientId = newClientId();
  var list = pending();
  list.push(data);
  savePending(list);
  flushPending();
}

/* ---------- start ---------- */
export function start() {
  if (!root) { return; }
  watchPointer();
  listenForClicker();
  fetch('/atelier/texts.json?lang=' + lang, { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (texts) { T = texts; return load(); })
    .then(function () { flushPending(); });
  window.addEventListener('online', flushPending);
}
