/* Allocation scenario charts, each with a table alternative rendered by the server:
   - per scenario, the expected share of vulnerable households (solid, dark blue), its P10–P90 band
     (light blue fill between two thin lines) and the threshold (dashed, orange);
   - per scenario, the route mix as stacked areas (Okabe-Ito palette);
   - for the buurt, both scenarios' expected share (solid and dotted) and the threshold.
   Colour-blind safe by hue and dash. */
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL';
  var palette = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#CC79A7', '#999999'];

  /** A line chart of percentages (0–100 %) over the years. */
  function percentChart(canvas, years, datasets, stacked) {
    new Chart(canvas, {
      type: 'line',
      data: { labels: years.map(String), datasets: datasets },
      options: {
        animation: false,
        locale: lang,
        aspectRatio: 1.8,
        scales: { y: { stacked: !!stacked, min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } },
        plugins: { legend: { display: true } }
      }
    });
  }

  function thresholdLine(years, threshold) {
    return { label: '' + threshold + ' %', data: years.map(function () { return threshold; }),
      borderColor: '#b35806', borderDash: [6, 4], pointRadius: 0, fill: false };
  }

  document.querySelectorAll('canvas[data-allocation]').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.allocation);
    percentChart(canvas, d.years, [
      { label: 'P90', data: d.p90, borderColor: '#9ecae1', backgroundColor: 'rgba(158,202,225,0.35)', borderWidth: 1, pointRadius: 0, fill: '+1' },
      { label: 'P10', data: d.p10, borderColor: '#9ecae1', backgroundColor: 'rgba(158,202,225,0.35)', borderWidth: 1, pointRadius: 0, fill: false },
      { label: d.title, data: d.expected, borderColor: '#1b3a5c', backgroundColor: '#1b3a5c', fill: false },
      thresholdLine(d.years, d.threshold)
    ]);
  });

  document.querySelectorAll('canvas[data-allocation-routes]').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.allocationRoutes);
    percentChart(canvas, d.years, d.routes.map(function (r, i) {
      return { label: r.label, data: r.shares, borderColor: palette[i % palette.length],
        backgroundColor: palette[i % palette.length], fill: true, pointRadius: 0 };
    }), true);
  });

  document.querySelectorAll('canvas[data-allocation-buurt]').forEach(function (canvas) {
    var d = JSON.parse(canvas.dataset.allocationBuurt);
    percentChart(canvas, d.years, [
      { label: d.labelA, data: d.a, borderColor: '#1b3a5c', backgroundColor: '#1b3a5c', fill: false },
      { label: d.labelB, data: d.b, borderColor: '#5e3c99', backgroundColor: '#5e3c99', borderDash: [2, 3], fill: false },
      thresholdLine(d.years, d.threshold)
    ]);
  });
})();
