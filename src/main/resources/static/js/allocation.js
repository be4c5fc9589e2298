/* Allocation scenario charts: the expected share of vulnerable households (solid, dark blue), its
   P10–P90 band (light blue fill between two thin lines) and the threshold (dashed, orange);
   colour-blind safe by hue and dash. Each chart has a table alternative rendered by the server. */
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL';
  document.querySelectorAll('canvas[data-allocation]').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.allocation);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: d.years.map(String),
        datasets: [
          { label: 'P90', data: d.p90, borderColor: '#9ecae1', backgroundColor: 'rgba(158,202,225,0.35)', borderWidth: 1, pointRadius: 0, fill: '+1' },
          { label: 'P10', data: d.p10, borderColor: '#9ecae1', backgroundColor: 'rgba(158,202,225,0.35)', borderWidth: 1, pointRadius: 0, fill: false },
          { label: d.title, data: d.expected, borderColor: '#1b3a5c', backgroundColor: '#1b3a5c', fill: false },
          { label: '' + d.threshold + ' %', data: d.years.map(function () { return d.threshold; }), borderColor: '#b35806', borderDash: [6, 4], pointRadius: 0, fill: false }
        ]
      },
      options: {
        animation: false,
        locale: lang,
        aspectRatio: 1.8,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } },
        plugins: { legend: { display: true } }
      }
    });
  });
  document.querySelectorAll('canvas[data-allocation-buurt]').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.allocationBuurt);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: d.years.map(String),
        datasets: [
          { label: d.labelA, data: d.a, borderColor: '#1b3a5c', backgroundColor: '#1b3a5c', fill: false },
          { label: d.labelB, data: d.b, borderColor: '#5e3c99', backgroundColor: '#5e3c99', borderDash: [2, 3], fill: false },
          { label: '' + d.threshold + ' %', data: d.years.map(function () { return d.threshold; }), borderColor: '#b35806', borderDash: [6, 4], pointRadius: 0, fill: false }
        ]
      },
      options: {
        animation: false,
        locale: lang,
        aspectRatio: 1.8,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } },
        plugins: { legend: { display: true } }
      }
    });
  });
  // route mix: stacked areas in a colour-blind-safe palette (Okabe-Ito), in the table's order
  var palette = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#CC79A7', '#999999'];
  document.querySelectorAll('canvas[data-allocation-routes]').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.allocationRoutes);
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: d.years.map(String),
        datasets: d.routes.map(function (r, i) {
          return { label: r.label, data: r.shares, borderColor: palette[i % palette.length],
            backgroundColor: palette[i % palette.length], fill: true, pointRadius: 0 };
        })
      },
      options: {
        animation: false,
        locale: lang,
        aspectRatio: 1.8,
        scales: { y: { stacked: true, min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } },
        plugins: { legend: { display: true } }
      }
    });
  });
})();
