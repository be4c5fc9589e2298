/* Fetch page: follows a running fetch, step by step, until its import report. */
(function () {
  'use strict';
  var box = document.getElementById('fetch-progress');
  if (!box || !box.dataset.job) { return; }

  function render(s) {
    box.textContent = '';
    var h = document.createElement('h2');
    h.className = 'h5';
    h.textContent = s.done ? (s.failure || s.status === 'rejected' ? box.dataset.failed : box.dataset.done) : box.dataset.running;
    box.appendChild(h);
    var ol = document.createElement('ol');
    ol.className = 'small';
    s.steps.forEach(function (step) {
      var li = document.createElement('li');
      li.textContent = step;
      ol.appendChild(li);
    });
    box.appendChild(ol);
    if (s.failure) {
      var div = document.createElement('div');
      div.className = 'alert alert-danger';
      div.setAttribute('role', 'alert');
      div.id = 'fetch-failure';
      div.textContent = s.failure;
      box.appendChild(div);
    }
    if (s.report) {
      var pre = document.createElement('pre');
      pre.className = 'vk-panel small';
      pre.id = 'fetch-report';
      pre.dataset.status = s.status;
      pre.textContent = s.report;
      box.appendChild(pre);
    }
  }

  function follow() {
    fetch('/gegevens/ophalen/jobs/' + encodeURIComponent(box.dataset.job), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (s) {
        render(s);
        if (!s.done) { window.setTimeout(follow, 700); }
      })
      .catch(function (e) { box.textContent = box.dataset.failed + ': ' + e.message; });
  }
  follow();
})();

/* The gemeente list: typing filters it, the chosen ones are named below it. */
(function () {
  'use strict';
  var filter = document.getElementById('gemeente-filter');
  var list = document.getElementById('gemeente-list');
  var chosen = document.getElementById('gemeente-chosen');
  if (!filter || !list) { return; }
  function showChosen() {
    if (!chosen) { return; }
    var names = [];
    list.querySelectorAll('input:checked').forEach(function (c) {
      names.push(c.parentElement.querySelector('label').firstChild.textContent.trim());
    });
    chosen.textContent = names.length ? chosen.dataset.label + ' ' + names.join(', ') : '';
  }
  filter.addEventListener('input', function () {
    var q = filter.value.trim().toLowerCase();
    list.querySelectorAll('.form-check').forEach(function (row) {
      row.hidden = q !== '' && row.dataset.name.indexOf(q) < 0;
    });
  });
  list.addEventListener('change', showChosen);
  showChosen();
})();
