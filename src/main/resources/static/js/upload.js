/* Upload page: sends the file with upload progress, then follows the import job until its report. */
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form) { return; }
  var progress = document.getElementById('progress');
  var bar = document.getElementById('progress-bar');
  var label = document.getElementById('progress-label');
  var report = document.getElementById('report');
  var csrfHeader = document.querySelector('meta[name="csrf-header"]').content;
  // the raw token from the XSRF-TOKEN cookie goes in the header (the page's token is masked)
  var cookie = document.cookie.split('; ').filter(function (c) { return c.indexOf('XSRF-TOKEN=') === 0; })[0];
  var csrfToken = cookie ? decodeURIComponent(cookie.substring(11)) : document.querySelector('meta[name="csrf-token"]').content;

  function setBar(percent, text) {
    progress.hidden = false;
    bar.style.width = percent + '%';
    progress.querySelector('.progress').setAttribute('aria-valuenow', String(percent));
    label.textContent = text;
  }

  function fail(text) {
    progress.hidden = true;
    report.textContent = '';
    var div = document.createElement('div');
    div.className = 'alert alert-danger';
    div.setAttribute('role', 'alert');
    div.textContent = text;
    report.appendChild(div);
    document.getElementById('upload-submit').disabled = false;
  }

  function follow(job) {
    fetch('/gegevens/jobs/' + encodeURIComponent(job), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (s) {
        if (s.done) {
          setBar(100, report.dataset.processing + ': ' + s.file);
          return fetch('/gegevens/jobs/' + encodeURIComponent(job) + '/report')
            .then(function (r) { return r.text(); })
            .then(function (html) {
              progress.hidden = true;
              report.innerHTML = html;
              document.getElementById('upload-submit').disabled = false;
              var heading = report.querySelector('h2');
              if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
            });
        }
        var rows = s.rowsRead > 0 ? ' (' + s.rowsRead.toLocaleString(document.documentElement.lang) + ' ' + form.dataset.rows + ')' : '';
        setBar(100, report.dataset.processing + ': ' + s.phase + rows);
        bar.classList.add('progress-bar-striped', 'progress-bar-animated');
        window.setTimeout(function () { follow(job); }, 500);
      })
      .catch(function (e) { fail(form.dataset.failed + ': ' + e.message); });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = document.getElementById('file').files[0];
    if (!file) { return; }
    if (file.size > Number(form.dataset.maxBytes)) { fail(form.dataset.tooLarge); return; }
    report.textContent = '';
    document.getElementById('upload-submit').disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader(csrfHeader, csrfToken);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable) {
        setBar(Math.round(100 * ev.loaded / ev.total), report.dataset.uploading + ': ' + file.name);
      }
    });
    xhr.addEventListener('load', function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {}; }
      if (xhr.status === 200 && body.job) { follow(body.job); return; }
      if (xhr.status === 413) { fail(form.dataset.tooLarge); return; }
      fail(form.dataset.failed + ': ' + (body.message || ('HTTP ' + xhr.status)));
    });
    xhr.addEventListener('error', function () { fail(form.dataset.failed); });
    xhr.send(new FormData(form));
  });

  if (form.dataset.resume) { follow(form.dataset.resume); }
})();
