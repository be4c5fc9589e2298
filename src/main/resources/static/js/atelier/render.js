/* Drawing a view per mode (phone, console, projector) and phase: the new view is drawn aside and
   only what changed replaces what is shown, so a tap is never lost to a redraw. */
import { S, el, id, label, lang, mode, section, t } from './core.js';
import { ensureMap, fillSlots, slot } from './map.js';
import { myPins, pinForm, pinWithoutMap, roomPins } from './pins.js';
import { cardView, presentedCard } from './cards.js';
import { measureForm, rankingView } from './ballot.js';
import { countsView, drawingBar, participantsView, phaseButtons, pinTable, problemAreaForm, settingsForm } from './console.js';

const phaseBadge = document.getElementById('atelier-phase');
/* When and where, in words: "dinsdag 20 januari 2027, om 19:30 uur · Buurthuis De Kern". */
function when() {
  var a = S.state.atelier;
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
function nearHomeView() {
  if (!S.state.nearHome || !S.state.nearHome.length) { return null; }
  var s = el('div', 'small text-body-secondary mt-2');
  s.id = 'near-home';
  s.appendChild(el('div', null, t('ui.nearHome')));
  S.state.nearHome.forEach(function (n) {
    s.appendChild(el('div', null, (n.buurtName || n.buurtCode || '') + ': ' + label('category', n.category) + ' ' + n.count));
  });
  return s;
}
/* ---------- render per mode and phase ---------- */
/* A redraw between a finger's press and its release would swallow the tap: while a pointer is
   down the redraw waits, and comes at the release. */
let pointerDown = false;
let renderWaiting = false;
export function watchPointer() {
  document.addEventListener('pointerdown', function () { pointerDown = true; }, true);
  ['pointerup', 'pointercancel'].forEach(function (k) {
    document.addEventListener(k, function () {
      pointerDown = false;
      if (renderWaiting) { renderWaiting = false; setTimeout(render, 0); }
    }, true);
  });
}
/* Only what changed is replaced: a redraw because someone else voted leaves the buttons under
   a finger where they are (the same element), so a tap is never lost to a redraw. An element
   that carries a listener (a button, a field, a form, a fold-out) is replaced whole or kept
   whole; a plain container is looked into. A button's action that reads a field outside its form
   looks the field up on the page (a kept button runs the newest action, made with the new,
   unshown copy of the field). */
const WHOLE = /^(BUTTON|INPUT|SELECT|TEXTAREA|FORM|DETAILS|A|LABEL|OPTION)$/;
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
export function render() {
  if (!S.state) { return; }
  if (pointerDown) {
    // a press that never ends (a drag out of the window) holds nothing up for long
    if (!renderWaiting) { setTimeout(function () { if (renderWaiting) { pointerDown = false; renderWaiting = false; render(); } }, 1500); }
    renderWaiting = true;
    return;
  }
  var phase = S.state.atelier.phase;
  phaseBadge.textContent = label('phase', phase);
  document.title = S.state.atelier.name + ' · ' + label('phase', phase);
  var nameEl = document.getElementById('atelier-name');
  if (nameEl && nameEl.textContent !== S.state.atelier.name) { nameEl.textContent = S.state.atelier.name; }
  var whenEl = document.getElementById('atelier-when');
  if (whenEl) { whenEl.textContent = when(); }
  var active = document.activeElement;
  var focusKey = active && active.dataset ? active.dataset.keep : null;
  var selection = focusKey && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
  var joinBox = document.getElementById('join-box');
  if (joinBox && mode === 'screen') { joinBox.hidden = phase !== 'PREPARING'; }
  // the new view is drawn aside, then only what changed replaces what is shown
  var live = S.body;
  S.body = document.createElement('div');
  try {
    if (mode === 'phone') { renderPhone(phase); } else if (mode === 'console') { renderConsole(phase); } else { renderScreen(phase); }
  } finally {
    var drawn = S.body;
    S.body = live;
    morph(live, drawn);
  }
  fillSlots();
  if (focusKey && !(active && active.isConnected)) {
    var again = S.body.querySelector('[data-keep="' + focusKey + '"]');
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
    S.body.appendChild(el('p', 'lead', t('ui.wait')));
  } else if (phase === 'READING') {
    S.body.appendChild(el('p', null, t('ui.readingIntro')));
    S.state.cards.forEach(function (c) { S.body.appendChild(cardView(c, true)); });
  } else if (phase === 'PINNING') {
    S.body.appendChild(el('p', 'mb-2', t('ui.pinningIntro')));
    var mapBox = el('div', 'mb-2');
    S.body.appendChild(mapBox);
    ensureMap(mapBox, '55vh');
    if (S.draft) { S.body.appendChild(pinForm(null)); }
    S.body.appendChild(pinWithoutMap());
    var nh = nearHomeView();
    if (nh) { S.body.appendChild(nh); }
    S.body.appendChild(myPins());
    S.body.appendChild(roomPins());
  } else if (phase === 'PRIORITISING') {
    S.body.appendChild(el('p', null, t('ui.votingIntro', { n: S.state.atelier.votesPerParticipant })));
    S.body.appendChild(rankingView(true));
  } else {
    S.body.appendChild(el('p', 'lead', t('ui.closed')));
    S.body.appendChild(rankingView(false));
  }
  // the right of access: everything this atelier holds about me, as a file
  var mine = el('a', 'small d-inline-block mt-3', t('ui.myData'));
  mine.href = '/api/ateliers/' + id + '/me';
  mine.id = 'my-data';
  mine.setAttribute('download', '');
  S.body.appendChild(mine);
}

function renderConsole(phase) {
  var grid = el('div', 'row g-3');
  var left = el('div', 'col-lg-7');
  var right = el('div', 'col-lg-5');
  grid.appendChild(left);
  grid.appendChild(right);
  S.body.appendChild(grid);
  left.appendChild(phaseButtons());
  var mapSection = section(t('ui.map'));
  left.appendChild(mapSection);
  if (S.drawing) { mapSection.appendChild(drawingBar()); }
  // the map fills what the laptop's screen has left under the phases (1366×768: no scrolling)
  ensureMap(mapSection, 'max(300px, calc(100vh - 390px))');
  mapSection.appendChild(countsView());
  if (S.draft) { left.appendChild(pinForm(null)); }
  left.appendChild(pinTable());
  var cards = section(t('ui.cards'));
  S.state.cards.forEach(function (c) { cards.appendChild(cardView(c, false)); });
  left.appendChild(cards);
  // the join box (QR code, link, code) beside the map, not above it: at 1366×768 the map shows
  // without scrolling
  S.consoleJoinBox = S.consoleJoinBox || document.getElementById('join-box');
  if (S.consoleJoinBox) { right.appendChild(slot('join')); }
  if (S.state.me.moderator) { right.appendChild(settingsForm()); }
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
    S.body.appendChild(el('p', 'vk-present-lead text-center', t('ui.screenWelcome', { n: S.state.participantCount })));
  } else if (phase === 'READING') {
    if (S.state.cards.length) { S.body.appendChild(presentedCard()); }
  } else if (phase === 'PINNING') {
    var box = el('div');
    S.body.appendChild(box);
    ensureMap(box, 'calc(100vh - 8rem)');
  } else {
    S.body.appendChild(rankingView(false));
  }
}
