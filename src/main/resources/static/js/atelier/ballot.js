/* The ballot: problem areas with their measures, votes by the measure's id, and the
   facilitator's measure forms. */
import { S, act, api, button, el, field, forget, keep, label, mode, section, select, t } from './core.js';
import { isRevealed, revealButton } from './cards.js';
import { deleteButton } from './console.js';
import { render } from './render.js';

let editingMeasure = null;
// the levers (hefbomen) a measure works through, as the glossary names them
const LEVERS = ['onderhoud', 'huurprijsbeleid', 'woonruimteverdeling', 'sociaal_beheer', 'fysiek', 'samenwerking', 'combinatie'];
function leverOptions() {
  return LEVERS.map(function (l) { return [l, label('lever', l)]; });
}
/* ---------- problem areas and votes ---------- */
// A phone gets its measures in the order they were made (the server keeps that order): the
// ballot holds still while others vote. Votes name the measure's id, never a position.
export function rankingView(votable) {
  var wrap = el('div');
  if (mode === 'console' && S.state.me.moderator) {
    var r = el('p', 'small mb-2');
    r.appendChild(revealButton('votes'));
    wrap.appendChild(r);
  }
  if (!isRevealed('votes') && mode !== 'console') {
    var hidden = el('p', 'small text-body-secondary vk-votes-hidden', t('ui.votesHidden'));
    wrap.appendChild(hidden);
  }
  if (!S.state.problemAreas.length) { wrap.appendChild(el('p', null, t('ui.noAreas'))); }
  S.state.problemAreas.forEach(function (pa) {
    var s = el('section', 'vk-panel mb-3');
    s.dataset.area = pa.id;
    s.appendChild(el('h3', 'h6', pa.name));
    if (mode === 'console' && S.state.me.moderator && S.state.atelier.phase !== 'CLOSED') {
      var editArea = button(t('ui.edit'), 'btn btn-link btn-sm p-0', function () { S.editingArea = pa.id; forget('areaedit-'); S.drawing = null; render(); });
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
      if (mode === 'console' && S.state.me.moderator && S.state.atelier.phase !== 'CLOSED') {
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
  var lever = select(leverOptions(), m.lever);
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
export function measureForm() {
  var edited = null;
  S.state.problemAreas.forEach(function (pa) { pa.measures.forEach(function (m) { if (m.id === editingMeasure) { edited = m; } }); });
  if (edited) { return measureEditForm(edited); }
  editingMeasure = null;
  var s = section(t('ui.newMeasure'));
  if (!S.state.problemAreas.length) { s.appendChild(el('p', 'small', t('ui.areaFirst'))); return s; }
  var f = el('form');
  f.id = 'measure-form';
  var area = select(S.state.problemAreas.map(function (p) { return [String(p.id), p.name]; }), String(S.state.problemAreas[S.state.problemAreas.length - 1].id));
  area.name = 'area';
  keep(area, 'measure-area');
  var title = el('input', 'form-control form-control-sm');
  title.name = 'title';
  title.maxLength = 200;
  title.required = true;
  keep(title, 'measure-title');
  var lever = select(leverOptions(), 'sociaal_beheer');
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
