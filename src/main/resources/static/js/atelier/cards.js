/* Figure cards: the phone's answer buttons, the tally after the facilitator's reveal (blind
   rounds), and presenting one card at a time on the projector. */
import { S, act, api, button, el, keep, label, mode, t, tx } from './core.js';

/* ---------- figure cards ---------- */
function answersOf(card) {
  for (var i = 0; i < S.state.answers.length; i++) { if (S.state.answers[i].card === card) { return S.state.answers[i]; } }
  return null;
}
export function cardView(c, answerable) {
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
  if (mode === 'console' && S.state.me.moderator) {
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
    if (mode !== 'phone' || S.state.atelier.phase !== 'READING') {
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
export function isRevealed(round) {
  return S.state.atelier.phase === 'CLOSED' || (S.state.atelier.revealed || []).indexOf(round) >= 0;
}
// the facilitator shows the room a round's tally, or hides it again
export function revealButton(round) {
  var shown = isRevealed(round);
  var b = button(t(shown ? 'ui.hideTally' : 'ui.revealTally'), 'btn btn-sm ' + (shown ? 'btn-outline-secondary' : 'btn-primary'), function () {
    act(api('POST', '/reveal', { round: round, revealed: !shown }));
  });
  b.dataset.reveal = round;
  b.setAttribute('aria-pressed', shown ? 'true' : 'false');
  return b;
}

function presentedIndex() {
  return Math.max(0, Math.min(S.state.atelier.presentedCard || 0, S.state.cards.length - 1));
}
export function presentedCard() {
  var i = presentedIndex();
  var c = S.state.cards[i];
  var s = el('article', 'vk-present-card');
  s.dataset.card = c.id;
  s.appendChild(el('div', 'vk-present-progress', t('ui.cardOf', { n: i + 1, total: S.state.cards.length })));
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
  if (!S.state || !S.state.cards.length) { return; }
  var n = Math.max(0, Math.min(i, S.state.cards.length - 1));
  if (n !== presentedIndex()) { act(api('POST', '/present', { card: n })); }
}
export function presenterControls() {
  var row = el('div', 'd-flex flex-wrap align-items-center gap-2 mt-2 vk-presenter');
  var i = presentedIndex();
  var prev = button(t('ui.previousCard'), 'btn btn-outline-primary btn-sm', function () { presentAt(i - 1); });
  prev.id = 'present-previous';
  prev.disabled = i === 0;
  var next = button(t('ui.nextCard'), 'btn btn-primary btn-sm', function () { presentAt(i + 1); });
  next.id = 'present-next';
  next.disabled = i >= S.state.cards.length - 1;
  row.appendChild(prev);
  row.appendChild(next);
  var now = el('span', 'small', t('ui.onScreen', { n: i + 1, total: S.state.cards.length, title: tx(S.state.cards[i].title) }));
  now.id = 'present-now';
  now.setAttribute('aria-live', 'polite');
  row.appendChild(now);
  return row;
}
export function listenForClicker() {
  if (mode !== 'screen' && mode !== 'console') { return; }
  document.addEventListener('keydown', function (e) {
    var tag = e.target && e.target.tagName;
    if (!S.state || S.state.atelier.phase !== 'READING' || !S.state.me.moderator && mode === 'console') { return; }
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === 'ArrowRight' || e.key === 'PageDown') { e.preventDefault(); presentAt(presentedIndex() + 1); }
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') { e.preventDefault(); presentAt(presentedIndex() - 1); }
  });
}
