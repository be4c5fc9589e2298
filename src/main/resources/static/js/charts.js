/* Profile charts: the data comes in data-chart (JSON); each chart has a table alternative and its
   source. Colours stay readable for colour-blind readers (one hue, dark on light). */
(function () {
  'use strict';
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL';
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.chart);
    var line = canvas.dataset.kind === 'line';
    var labels = line ? d.years.map(String) : d.labels;
    var fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 3 });
    var source = document.querySelector('[data-source-of="' + canvas.id + '"]');
    if (source) { source.textContent = '(' + d.source + (line ? '' : ', ' + d.year) + ')'; }
    var table = document.querySelector('[data-table-of="' + canvas.id + '"]');
    if (table) {
      labels.forEach(function (l, i) {
        var tr = table.insertRow();
        var th = document.createElement('th');
        th.scope = 'row';
        th.className = 'fw-normal';
        th.textContent = l;
        tr.appendChild(th);
        var td = tr.insertCell();
        td.className = 'text-end';
        td.textContent = fmt.format(d.values[i]);
        if (d.words) {
          // the score in words: its class name, or which side of the Dutch mean
          var w = tr.insertCell();
          w.textContent = d.words[i] || '';
        }
      });
    }
    if (typeof Chart === 'undefined') { return; }
    var phone = window.innerWidth < 576;
    new Chart(canvas, {
      type: line ? 'line' : 'bar',
      data: {
        // long category names break over lines, so that a narrow screen does not cut them off
        labels: line ? labels : labels.map(function (l) { return wrap(l, phone ? 16 : 28); }),
        datasets: [{
          label: line ? d.label : '',
          data: d.values,
          borderColor: '#1b3a5c',
          backgroundColor: line ? '#1b3a5c' : d.values.map(function (v) { return v < 0 ? '#b35806' : '#542788'; })
        }]
      },
      options: {
        animation: false,
        indexAxis: line ? 'x' : 'y',
        plugins: { legend: { display: line } },
        aspectRatio: phone ? (line ? 1.4 : 0.9) : 2,
        locale: lang
      }
    });
  });

  function wrap(text, width) {
    var lines = [];
    var current = '';
    String(text).split(' ').forEach(function (word) {
      if (current && (current + ' ' + word).length > width) { lines.push(current); current = word; } else { current = current ? current + ' ' + word : word; }
    });
    if (current) { lines.push(current); }
    return lines.length > 1 ? lines : text;
  }
})();
