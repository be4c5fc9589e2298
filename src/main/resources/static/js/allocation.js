/* Allocation scenario charts, each with a table alternative rendered by the server:
   - per scenario, the expected share of vulnerable households (solid, dark blue), its P10–P90 band
     (light blue fill between two thin lines), the threshold (dashed, orange) and for the cap
     scenario the cap on new lettings (dotted, green); the axis fitted to what is drawn;
   - per scenario, the route mix as stacked areas (Okabe-Ito palette);
   - for the buurt, both scenarios' expected share (solid and dotted) and the threshold.
   Colour-blind safe by hue and dash. */
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var lang = document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL';
  var palette = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#CC79A7', '#999999'];

  /**
   * The y axis of a chart of percentages: 0–100 % for stacked shares; otherwise fitted to the data
   * (and the lines drawn on it) with a margin, in steps of 5 %, so a path from 36 % to 33 % does
   * not lie flat at the bottom of a 0–100 scale.
   */
  function yAxis(datasets, stacked) {
    if (stacked) { return { min: 0, max: 100 }; }
    var lo = Infinity, hi = -Infinity;
    datasets.forEach(function (d) {
      d.data.forEach(function (v) {
        if (typeof v === 'number') { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      });
    });
    if (lo === Infinity) { return { min: 0, max: 100 }; }
    var margin = Math.max(2, (hi - lo) * 0.15);
    return { min: Math.max(0, Math.floor((lo - margin) / 5) * 5),
      max: Math.min(100, Math.ceil((hi + margin) / 5) * 5) };
  }

  /** A line chart of percentages over the years. */
  function percentChart(canvas, years, datasets, stacked) {
    var y = yAxis(datasets, stacked);
    canvas.dataset.yMin = y.min;
    canvas.dataset.yMax = y.max;
    new Chart(canvas, {
      type: 'line',
      data: { labels: years.map(String), datasets: datasets },
      options: {
        animation: false,
        locale: lang,
        aspectRatio: 1.8,
        scales: { y: { stacked: !!stacked, min: y.min, max: y.max, ticks: { callback: function (v) { return v + ' %'; } } } },
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
    var sets = [
      { label: 'P90', data: d.p90, borderColor: '#9ecae1', backgroundColor: 'rgba(158,202,225,0.35)', borderWidth: 1, pointRadius: 0, fill: '+1' },
      { label: 'P10', data: d.p10, borderColor: '#9ecae1', backgroundColor: 'rgba(158,202,225,0.35)', borderWidth: 1, pointRadius: 0, fill: false },
      { label: d.title, data: d.expected, borderColor: '#1b3a5c', backgroundColor: '#1b3a5c', fill: false },
      thresholdLine(d.years, d.threshold)
    ];
    if (typeof d.cap === 'number') {
      // the cap applies to new lettings; drawn so its distance to the households' share shows
      sets.push({ label: d.capLabel, data: d.years.map(function () { return d.cap; }),
        borderColor: '#009E73', borderDash: [2, 3], borderWidth: 2, pointRadius: 0, fill: false });
      canvas.dataset.capLine = d.cap;
    }
    percentChart(canvas, d.years, sets);
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
